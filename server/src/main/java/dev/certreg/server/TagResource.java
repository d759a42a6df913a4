package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ServiceException;
import dev.certreg.core.Tag;
import dev.certreg.core.TagService;
import dev.certreg.core.TokenPage;

/** Tags: {@code /tags} and {@code /untag}. */
final class TagResource {
    /** The model gives ResourceArn no bounds; this one keeps a resource ARN to what any IoT resource can have. */
    private static final int ARN_MAX = 2048;

    private final TagService service;

    TagResource(TagService service) {
        this.service = service;
    }

    ObjectNode tag(ApiRequest request) {
        String arn = request.bodyString("resourceArn", true, 1, ARN_MAX);
        JsonNode tags = request.bodyArray("tags");
        if (tags == null) {
            throw ServiceException.invalidRequest("tags is required");
        }
        service.tagResource(request.scope(), arn, TagParameters.tags("tags", tags));
        return Json.object();
    }

    ObjectNode untag(ApiRequest request) {
        String arn = request.bodyString("resourceArn", true, 1, ARN_MAX);
        JsonNode keys = request.bodyArray("tagKeys");
        if (keys == null) {
            throw ServiceException.invalidRequest("tagKeys is required");
        }
        service.untagResource(request.scope(), arn, TagParameters.keys("tagKeys", keys));
        return Json.object();
    }

    ObjectNode list(ApiRequest request) {
        String arn = request.queryString("resourceArn", 1, ARN_MAX, null);
        if (arn == null) {
            throw ServiceException.invalidRequest("resourceArn is required");
        }
        TokenPage<Tag> page = service.listTagsForResource(
                request.scope(), arn, request.queryString("nextToken", 1, 1024, null));
        ObjectNode body = Json.object();
        TagParameters.render(body.putArray("tags"), page.items());
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }
}
