package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonSerializable;

/** One API operation: reads a routed request, calls one service method, returns the response body
 * (an {@code ObjectNode}, or a body {@link Json#streamed streamed} to the response). */
@FunctionalInterface
interface Operation {
    JsonSerializable handle(ApiRequest request);
}
