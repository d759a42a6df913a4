package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonSerializable;

/**
 * A response to write: status, the error type header (null on success) and the JSON body.
 *
 * @param status the HTTP status
 * @param errorType the {@code x-amzn-ErrorType} value, or null
 * @param body the JSON body
 */
record ApiResponse(int status, String errorType, JsonSerializable body) {
    static ApiResponse ok(JsonSerializable body) {
        return new ApiResponse(200, null, body);
    }
}
