package dev.certreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The certificate operations {@link CrashTest} drives, over plain HTTP in open mode, where a 12-digit access key id
 * is the caller's account. Thread-safe.
 */
final class CrashApi {
    static final String SOURCE = "123456789012";
    static final String TARGET = "210987654321";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;

    CrashApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** An HTTP answer: its status, {@code x-amzn-ErrorType} (null on success) and JSON body. */
    record Answer(int status, String errorType, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer registerWithoutCa(String pem) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("certificatePem", pem, "status", "ACTIVE"));
        return send(SOURCE, "POST", "/certificate/register-no-ca", HttpRequest.BodyPublishers.ofByteArray(body));
    }

    Answer update(String account, String id, String newStatus) throws IOException, InterruptedException {
        return send(account, "PUT", "/certificates/" + id + "?newStatus=" + newStatus, null);
    }

    Answer transfer(String id) throws IOException, InterruptedException {
        return send(SOURCE, "PATCH", "/transfer-certificate/" + id + "?targetAwsAccount=" + TARGET, null);
    }

    Answer accept(String id) throws IOException, InterruptedException {
        return send(TARGET, "PATCH", "/accept-certificate-transfer/" + id + "?setAsActive=true", null);
    }

    Answer reject(String id) throws IOException, InterruptedException {
        return send(TARGET, "PATCH", "/reject-certificate-transfer/" + id, null);
    }

    Answer cancel(String id) throws IOException, InterruptedException {
        return send(SOURCE, "PATCH", "/cancel-certificate-transfer/" + id, null);
    }

    Answer delete(String account, String id) throws IOException, InterruptedException {
        return send(account, "DELETE", "/certificates/" + id, null);
    }

    Answer describe(String account, String id) throws IOException, InterruptedException {
        return send(account, "GET", "/certificates/" + id, null);
    }

    private Answer send(String account, String method, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + account
                        + "/20260101/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=00")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body).build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = response.body();
        return new Answer(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes));
    }
}
