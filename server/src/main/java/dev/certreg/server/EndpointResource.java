package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.EndpointService;
import dev.certreg.protocol.Members.DescribeEndpoint;

/** {@code /endpoint}: DescribeEndpoint. */
final class EndpointResource {
    private final EndpointService service;

    EndpointResource(EndpointService service) {
        this.service = service;
    }

    ObjectNode describe(ApiRequest request) {
        String type = request.string(DescribeEndpoint.ENDPOINT_TYPE);
        ObjectNode body = Json.object();
        body.put("endpointAddress", service.describeEndpoint(request.scope(), type));
        return body;
    }
}
