package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.AttributeFilter;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.Thing;
import dev.certreg.core.ThingAttachment;
import dev.certreg.core.ThingPrincipalType;
import dev.certreg.core.ThingService;
import dev.certreg.core.TokenPage;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Things and their principals: {@code /things…} and {@code /principals/things…}. */
final class ThingResource {
    /** ThingName, ThingTypeName and BillingGroupName in the model. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]+");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9_.,@/:#-]+");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]*");
    private static final String PRINCIPAL_HEADER = "x-amzn-principal";

    private final ThingService service;

    ThingResource(ThingService service) {
        this.service = service;
    }

    ObjectNode create(ApiRequest request) {
        ObjectNode payload = request.bodyObject("attributePayload");
        Thing thing = service.create(request.scope(), thingName(request), typeName(request),
                payload == null ? Map.of() : attributes(payload),
                checkedName(request.bodyString("billingGroupName", false, 1, 128), "billingGroupName"));
        ObjectNode body = Json.object();
        body.put("thingName", thing.thingName());
        body.put("thingArn", thing.arn());
        body.put("thingId", thing.thingId());
        return body;
    }

    ObjectNode describe(ApiRequest request) {
        Thing thing = service.describe(request.scope(), thingName(request));
        ObjectNode body = Json.object();
        // The model: "The default MQTT client ID. For a typical device, the thing name is also used as the default
        // MQTT client ID."
        body.put("defaultClientId", thing.thingName());
        body.put("thingName", thing.thingName());
        body.put("thingId", thing.thingId());
        body.put("thingArn", thing.arn());
        Json.putIfPresent(body, "thingTypeName", thing.thingTypeName());
        putAttributes(body, thing);
        body.put("version", thing.version());
        return body;
    }

    ObjectNode update(ApiRequest request) {
        ObjectNode payload = request.bodyObject("attributePayload");
        Map<String, String> attributes = payload == null || payload.get("attributes") == null
                ? null
                : attributes(payload);
        boolean merge = payload != null && Boolean.TRUE.equals(bodyBoolean(payload, "attributePayload.merge"));
        service.update(request.scope(), thingName(request), typeName(request),
                Boolean.TRUE.equals(request.bodyBoolean("removeThingType")), attributes, merge,
                request.bodyLong("expectedVersion"));
        return Json.object();
    }

    ObjectNode delete(ApiRequest request) {
        service.delete(request.scope(), thingName(request), request.queryLong("expectedVersion"));
        return Json.object();
    }

    ObjectNode list(ApiRequest request) {
        String name = request.queryString("attributeName", 1, 128, ATTRIBUTE_NAME);
        String value = request.queryString("attributeValue", 0, 800, ATTRIBUTE_VALUE);
        boolean prefix = Boolean.TRUE.equals(request.queryBoolean("usePrefixAttributeValue"));
        AttributeFilter filter = name == null && value == null ? null : new AttributeFilter(name, value, prefix);
        Scope scope = request.scope();
        TokenPage<Thing> page = service.list(scope, filter, request.queryString("thingTypeName", 1, 128, NAME),
                nextToken(request), request.queryInteger("maxResults"));
        ObjectNode body = Json.object();
        ArrayNode things = body.putArray("things");
        for (Thing thing : page.items()) {
            ObjectNode item = things.addObject();
            item.put("thingName", thing.thingName());
            Json.putIfPresent(item, "thingTypeName", thing.thingTypeName());
            item.put("thingArn", thing.arn());
            putAttributes(item, thing);
            item.put("version", thing.version());
        }
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }

    ObjectNode attachPrincipal(ApiRequest request) {
        service.attachPrincipal(request.scope(), thingName(request), principal(request),
                request.queryEnum("thingPrincipalType", ThingPrincipalType.class));
        return Json.object();
    }

    ObjectNode detachPrincipal(ApiRequest request) {
        service.detachPrincipal(request.scope(), thingName(request), principal(request));
        return Json.object();
    }

    ObjectNode listPrincipals(ApiRequest request) {
        TokenPage<ThingAttachment> page = principals(request, null);
        ObjectNode body = Json.object();
        ArrayNode principals = body.putArray("principals");
        page.items().forEach(a -> principals.add(request.scope().certificateArn(a.certificateId())));
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }

    ObjectNode listPrincipalsV2(ApiRequest request) {
        TokenPage<ThingAttachment> page =
                principals(request, request.queryEnum("thingPrincipalType", ThingPrincipalType.class));
        ObjectNode body = Json.object();
        ArrayNode objects = body.putArray("thingPrincipalObjects");
        for (ThingAttachment a : page.items()) {
            ObjectNode item = objects.addObject();
            item.put("principal", request.scope().certificateArn(a.certificateId()));
            item.put("thingPrincipalType", a.type().name());
        }
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }

    private TokenPage<ThingAttachment> principals(ApiRequest request, ThingPrincipalType type) {
        return service.listThingPrincipals(request.scope(), thingName(request), type, nextToken(request),
                request.queryInteger("maxResults"));
    }

    ObjectNode listPrincipalThings(ApiRequest request) {
        TokenPage<ThingAttachment> page = things(request, null);
        ObjectNode body = Json.object();
        ArrayNode things = body.putArray("things");
        page.items().forEach(a -> things.add(a.thingName()));
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }

    ObjectNode listPrincipalThingsV2(ApiRequest request) {
        TokenPage<ThingAttachment> page =
                things(request, request.queryEnum("thingPrincipalType", ThingPrincipalType.class));
        ObjectNode body = Json.object();
        ArrayNode objects = body.putArray("principalThingObjects");
        for (ThingAttachment a : page.items()) {
            ObjectNode item = objects.addObject();
            item.put("thingName", a.thingName());
            item.put("thingPrincipalType", a.type().name());
        }
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }

    private TokenPage<ThingAttachment> things(ApiRequest request, ThingPrincipalType type) {
        return service.listPrincipalThings(request.scope(), principal(request), type, nextToken(request),
                request.queryInteger("maxResults"));
    }

    private static String thingName(ApiRequest request) {
        return request.pathString("thingName", 1, 128, NAME);
    }

    private static String typeName(ApiRequest request) {
        return checkedName(request.bodyString("thingTypeName", false, 1, 128), "thingTypeName");
    }

    private static String checkedName(String value, String member) {
        return ApiRequest.checked(member, value, 1, 128, NAME);
    }

    private static String principal(ApiRequest request) {
        return request.header(PRINCIPAL_HEADER, "principal", 1, 2048, null);
    }

    private static String nextToken(ApiRequest request) {
        return request.queryString("nextToken", 1, 1024, null);
    }

    private static Map<String, String> attributes(ObjectNode payload) {
        JsonNode node = payload.get("attributes");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ServiceException.invalidRequest("attributePayload.attributes must be a JSON object");
        }
        Map<String, String> attributes = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = ApiRequest.checked("attributePayload.attributes key", entry.getKey(), 1, 128,
                    ATTRIBUTE_NAME);
            String member = "attributePayload.attributes." + name;
            if (!entry.getValue().isTextual()) {
                throw ServiceException.invalidRequest(member + " must be a string");
            }
            attributes.put(name, ApiRequest.checked(member, entry.getValue().textValue(), 0, 800, ATTRIBUTE_VALUE));
        }
        return attributes;
    }

    private static Boolean bodyBoolean(ObjectNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ServiceException.invalidRequest(path + " must be a boolean");
        }
        return node.booleanValue();
    }

    private static void putAttributes(ObjectNode node, Thing thing) {
        ObjectNode attributes = node.putObject("attributes");
        thing.attributes().forEach(attributes::put);
    }
}
