package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API operation: reads a routed request, calls one service method, returns the response body. */
@FunctionalInterface
interface Operation {
    ObjectNode handle(ApiRequest request);
}
