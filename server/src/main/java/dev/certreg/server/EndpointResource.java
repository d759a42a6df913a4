package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.EndpointService;

/** {@code /endpoint}: DescribeEndpoint. */
final class EndpointResource {
    private static final int TYPE_MAX = 128;

    private final EndpointService service;

    EndpointResource(EndpointService service) {
        this.service = service;
    }

    ObjectNode describe(ApiRequest request) {
        String type = request.queryString("endpointType", 0, TYPE_MAX, null);
        ObjectNode body = Json.object();
        body.put("endpointAddress", service.describeEndpoint(request.scope(), type));
        return body;
    }
}
