package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.certreg.protocol.Members.AttachThingPrincipal;
import dev.certreg.protocol.Members.AttributePayload;
import dev.certreg.protocol.Members.CreateThing;
import dev.certreg.protocol.Members.DeleteThing;
import dev.certreg.protocol.Members.DescribeThing;
import dev.certreg.protocol.Members.DetachThingPrincipal;
import dev.certreg.protocol.Members.ListPrincipalThings;
import dev.certreg.protocol.Members.ListPrincipalThingsV2;
import dev.certreg.protocol.Members.ListThingPrincipals;
import dev.certreg.protocol.Members.ListThingPrincipalsV2;
import dev.certreg.protocol.Members.ListThings;
import dev.certreg.protocol.Members.UpdateThing;

/** Things and their principals: {@code /things…} and {@code /principals/things…}. */
final class ThingResource {
    private static final String PAYLOAD = "attributePayload";

    private final ThingService service;

    ThingResource(ThingService service) {
        this.service = service;
    }

    ObjectNode create(ApiRequest request) {
        ObjectNode payload = request.object(CreateThing.ATTRIBUTE_PAYLOAD);
        String name = request.string(CreateThing.THING_NAME);
        String type = request.string(CreateThing.THING_TYPE_NAME);
        Thing thing = service.create(request.scope(), name, type, payload == null ? Map.of() : attributes(payload),
                request.string(CreateThing.BILLING_GROUP_NAME));
        ObjectNode body = Json.object();
        body.put("thingName", thing.thingName());
        body.put("thingArn", thing.arn());
        body.put("thingId", thing.thingId());
        return body;
    }

    ObjectNode describe(ApiRequest request) {
        Thing thing = service.describe(request.scope(), request.string(DescribeThing.THING_NAME));
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
        ObjectNode payload = request.object(UpdateThing.ATTRIBUTE_PAYLOAD);
        Map<String, String> attributes = payload == null || payload.get("attributes") == null
                ? null
                : attributes(payload);
        boolean merge = payload != null
                && Boolean.TRUE.equals(ApiRequest.bool(payload, PAYLOAD, AttributePayload.MERGE));
        String name = request.string(UpdateThing.THING_NAME);
        String type = request.string(UpdateThing.THING_TYPE_NAME);
        service.update(request.scope(), name, type,
                Boolean.TRUE.equals(request.bool(UpdateThing.REMOVE_THING_TYPE)), attributes, merge,
                request.longValue(UpdateThing.EXPECTED_VERSION));
        return Json.object();
    }

    ObjectNode delete(ApiRequest request) {
        service.delete(request.scope(), request.string(DeleteThing.THING_NAME),
                request.longValue(DeleteThing.EXPECTED_VERSION));
        return Json.object();
    }

    ObjectNode list(ApiRequest request) {
        String name = request.string(ListThings.ATTRIBUTE_NAME);
        String value = request.string(ListThings.ATTRIBUTE_VALUE);
        boolean prefix = Boolean.TRUE.equals(request.bool(ListThings.USE_PREFIX_ATTRIBUTE_VALUE));
        AttributeFilter filter = name == null && value == null ? null : new AttributeFilter(name, value, prefix);
        Scope scope = request.scope();
        TokenPage<Thing> page = service.list(scope, filter, request.string(ListThings.THING_TYPE_NAME),
                request.string(ListThings.NEXT_TOKEN), request.integer(ListThings.MAX_RESULTS));
        return ListParameters.render(page, "things", (things, thing) -> {
            ObjectNode item = things.addObject();
            item.put("thingName", thing.thingName());
            Json.putIfPresent(item, "thingTypeName", thing.thingTypeName());
            item.put("thingArn", thing.arn());
            putAttributes(item, thing);
            item.put("version", thing.version());
        });
    }

    ObjectNode attachPrincipal(ApiRequest request) {
        service.attachPrincipal(request.scope(), request.string(AttachThingPrincipal.THING_NAME),
                request.string(AttachThingPrincipal.PRINCIPAL),
                request.enumValue(AttachThingPrincipal.THING_PRINCIPAL_TYPE, ThingPrincipalType.class));
        return Json.object();
    }

    ObjectNode detachPrincipal(ApiRequest request) {
        service.detachPrincipal(request.scope(), request.string(DetachThingPrincipal.THING_NAME),
                request.string(DetachThingPrincipal.PRINCIPAL));
        return Json.object();
    }

    ObjectNode listPrincipals(ApiRequest request) {
        TokenPage<ThingAttachment> page = service.listThingPrincipals(request.scope(),
                request.string(ListThingPrincipals.THING_NAME), null, request.string(ListThingPrincipals.NEXT_TOKEN),
                request.integer(ListThingPrincipals.MAX_RESULTS));
        return ListParameters.render(page, "principals",
                (principals, a) -> principals.add(request.scope().certificateArn(a.certificateId())));
    }

    ObjectNode listPrincipalsV2(ApiRequest request) {
        String name = request.string(ListThingPrincipalsV2.THING_NAME);
        TokenPage<ThingAttachment> page = service.listThingPrincipals(request.scope(), name,
                request.enumValue(ListThingPrincipalsV2.THING_PRINCIPAL_TYPE, ThingPrincipalType.class),
                request.string(ListThingPrincipalsV2.NEXT_TOKEN), request.integer(ListThingPrincipalsV2.MAX_RESULTS));
        return ListParameters.render(page, "thingPrincipalObjects", (objects, a) -> objects.addObject()
                .put("principal", request.scope().certificateArn(a.certificateId()))
                .put("thingPrincipalType", a.type().name()));
    }

    ObjectNode listPrincipalThings(ApiRequest request) {
        TokenPage<ThingAttachment> page = service.listPrincipalThings(request.scope(),
                request.string(ListPrincipalThings.PRINCIPAL), null, request.string(ListPrincipalThings.NEXT_TOKEN),
                request.integer(ListPrincipalThings.MAX_RESULTS));
        return ListParameters.render(page, "things", (things, a) -> things.add(a.thingName()));
    }

    ObjectNode listPrincipalThingsV2(ApiRequest request) {
        String principal = request.string(ListPrincipalThingsV2.PRINCIPAL);
        TokenPage<ThingAttachment> page = service.listPrincipalThings(request.scope(), principal,
                request.enumValue(ListPrincipalThingsV2.THING_PRINCIPAL_TYPE, ThingPrincipalType.class),
                request.string(ListPrincipalThingsV2.NEXT_TOKEN), request.integer(ListPrincipalThingsV2.MAX_RESULTS));
        return ListParameters.render(page, "principalThingObjects", (objects, a) -> objects.addObject()
                .put("thingName", a.thingName()).put("thingPrincipalType", a.type().name()));
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
            String name = ApiRequest.checked(
                    "attributePayload.attributes key", entry.getKey(), AttributePayload.ATTRIBUTES_KEY);
            String member = "attributePayload.attributes." + name;
            if (!entry.getValue().isTextual()) {
                throw ServiceException.invalidRequest(member + " must be a string");
            }
            attributes.put(name,
                    ApiRequest.checked(member, entry.getValue().textValue(), AttributePayload.ATTRIBUTES_VALUE));
        }
        return attributes;
    }

    private static void putAttributes(ObjectNode node, Thing thing) {
        ObjectNode attributes = node.putObject("attributes");
        thing.attributes().forEach(attributes::put);
    }
}
