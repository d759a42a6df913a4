package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** What SDKs never send, sent over raw HTTP: every answer is the API's JSON error shape, never HTML or a 5xx. */
class WireFormatTest extends RunningServer {
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/iot/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformedJsonIsAnInvalidRequest() throws Exception {
        assertError(send("POST", "/certificate/register", "{\"certificatePem\": "), 400, "InvalidRequestException",
                "not valid JSON");
        assertError(send("POST", "/certificate/register", "[1, 2]"), 400, "InvalidRequestException", "JSON object");
    }

    @Test
    void wrongTypesMissingMembersAndUnknownEnumsNameTheMember() throws Exception {
        assertError(send("POST", "/certificate/register", "{\"certificatePem\": 5}"), 400,
                "InvalidRequestException", "certificatePem must be a string");
        assertError(send("POST", "/certificate/register", "{}"), 400, "InvalidRequestException",
                "certificatePem is required");
        assertError(send("POST", "/certificate/register-no-ca", "{\"certificatePem\": \"x\", \"status\": \"ON\"}"),
                400, "InvalidRequestException", "status must be one of");
        assertError(send("PUT", "/certificates/" + "a".repeat(64) + "?newStatus=ON", ""), 400,
                "InvalidRequestException", "newStatus");
        assertError(send("GET", "/certificates?pageSize=ten", ""), 400, "InvalidRequestException", "pageSize");
        assertError(send("GET", "/certificates?isAscendingOrder=yes", ""), 400, "InvalidRequestException",
                "isAscendingOrder");
        assertError(send("POST", "/cacertificate", "{\"caCertificate\": \"x\", \"tags\": [{\"Value\": \"v\"}]}"),
                400, "InvalidRequestException", "tags.Key");
    }

    @Test
    void anOversizeBodyOrPemIsRefused() throws Exception {
        String hugePem = "{\"certificatePem\": \"" + "A".repeat(70_000) + "\"}";
        assertError(send("POST", "/certificate/register-no-ca", hugePem), 400, "InvalidRequestException",
                "65536");
        String hugeBody = "{\"x\": \"" + "A".repeat(300_000) + "\"}";
        assertError(send("POST", "/certificate/register-no-ca", hugeBody), 400, "InvalidRequestException",
                "larger than");
    }

    @Test
    void badIdsAndMarkersAreInvalidRequests() throws Exception {
        assertError(send("GET", "/certificates/xyz", ""), 400, "InvalidRequestException", "64 hexadecimal");
        assertError(send("GET", "/certificates-by-ca/" + "g".repeat(64), ""), 400, "InvalidRequestException",
                "64 hexadecimal");
        assertError(send("GET", "/certificates?marker=%25%25%25", ""), 400, "InvalidRequestException", "marker");
        assertError(send("GET", "/certificates?marker=" + "QUFB".repeat(300), ""), 400,
                "InvalidRequestException", "1024");
    }

    @Test
    void anUnsignedRequestIsAMissingAuthenticationTokenAsOnAws() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/certificates")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(response, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void unknownRoutesAndMethodsGetJsonNotHtml() throws Exception {
        assertError(send("GET", "/nowhere", ""), 404, "UnknownOperationException", "/nowhere");
        assertError(send("PATCH", "/certificates", ""), 404, "UnknownOperationException", "PATCH");
        assertError(send("PATCH", "/transfer-certificate/" + "a".repeat(64) + "?targetAwsAccount=111122223333", ""),
                404, "ResourceNotFoundException", "a".repeat(64));
    }

    @Test
    void successesCarryARequestIdADateAndOmitAbsentMembers() throws Exception {
        HttpResponse<String> response = send("GET", "/certificates", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Date")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"certificates\":[]}");
    }

    @Test
    void theDateHeaderFollowsTheServersClock() throws Exception {
        clock.advance(Duration.ofDays(3));
        Instant expected = clock.instant();
        String date = send("GET", "/certificates", "").headers().firstValue("Date").orElseThrow();
        Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(expected, sent).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }

    @Test
    void presignedCredentialsInTheQueryNameTheRegion() throws Exception {
        String credential = "123456789012%2F20261126%2Fap-south-1%2Fiot%2Faws4_request";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                uri("/registrationcode?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + credential)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(client("123456789012", "ap-south-1").getRegistrationCode(r -> {}).registrationCode())
                .isEqualTo(JSON.readTree(response.body()).get("registrationCode").asText());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", AUTHORIZATION)
                .method(method, body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(endpoint() + pathAndQuery);
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String messagePart)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo(type);
        assertThat(body.get("message").asText()).contains(messagePart);
    }
}
