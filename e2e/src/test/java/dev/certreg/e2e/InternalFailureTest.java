package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A failure no request caused is a 500 InternalFailureException naming the request id, with no internals. */
class InternalFailureTest extends RunningServer {

    @Test
    void aBrokenStoreAnswersInternalFailureWithTheRequestIdAndNoSql() throws Exception {
        testStore.breakIt(store);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/certificates"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/iot/aws4_request, "
                        + "SignedHeaders=host, Signature=00")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InternalFailureException");
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("InternalFailureException");
        assertThat(body.get("message").asText()).contains(requestId).doesNotContainIgnoringCase("sql");
        assertThat(response.body()).doesNotContain("Exception:").doesNotContain("\tat ");
    }
}
