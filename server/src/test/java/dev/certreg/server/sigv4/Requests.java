package dev.certreg.server.sigv4;

import dev.certreg.server.RawRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Small builders and edits of requests for the verifier's tests. */
final class Requests {
    static final URI ENDPOINT = URI.create("http://127.0.0.1:4566");

    private Requests() {}

    /** An unsigned SDK request for {@code method} on {@code pathAndQuery} (already encoded) at the endpoint. */
    static SdkHttpFullRequest sdk(SdkHttpMethod method, String pathAndQuery) {
        return SdkHttpFullRequest.builder().method(method).uri(ENDPOINT.resolve(pathAndQuery)).build();
    }

    /** {@code request} with every value of one header replaced. */
    static RawRequest withHeader(RawRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, List.of(value));
        return RawRequest.of(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    /** {@code request} with another raw query. */
    static RawRequest withRawQuery(RawRequest request, String rawQuery) {
        return RawRequest.of(request.method(), request.rawPath(), rawQuery, request.headers(), request.body());
    }
}
