package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.Tag;
import dev.certreg.core.TagService;
import dev.certreg.core.TokenPage;
import dev.certreg.protocol.Members;

/** Tags: {@code /tags} and {@code /untag}. */
final class TagResource {
    private final TagService service;

    TagResource(TagService service) {
        this.service = service;
    }

    ObjectNode tag(ApiRequest request) {
        String arn = request.string(Members.TagResource.RESOURCE_ARN);
        JsonNode tags = request.array(Members.TagResource.TAGS);
        service.tagResource(request.scope(), arn, TagParameters.tags("tags", tags));
        return Json.object();
    }

    ObjectNode untag(ApiRequest request) {
        String arn = request.string(Members.UntagResource.RESOURCE_ARN);
        JsonNode keys = request.array(Members.UntagResource.TAG_KEYS);
        service.untagResource(request.scope(), arn, TagParameters.keys("tagKeys", keys));
        return Json.object();
    }

    ObjectNode list(ApiRequest request) {
        String arn = request.string(Members.ListTagsForResource.RESOURCE_ARN);
        TokenPage<Tag> page = service.listTagsForResource(
                request.scope(), arn, request.string(Members.ListTagsForResource.NEXT_TOKEN));
        ObjectNode body = Json.object();
        TagParameters.render(body.putArray("tags"), page.items());
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }
}
