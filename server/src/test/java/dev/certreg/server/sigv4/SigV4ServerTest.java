package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.testing.TestPki;
import dev.certreg.server.CertregServer;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import dev.certreg.server.RawRequest;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;

/**
 * The server behind SigV4, end to end: a real {@code IotClient} with the right secret registers, pages (markers with
 * {@code + / =} in the query) and describes in its key's account; a wrong secret, an unknown or disabled key, a
 * session token, a region not served and a skewed clock each surface as the SDK exception of AWS's error type. A
 * request is routed on the normalised path its signature covers, however the request line spells it.
 */
class SigV4ServerTest {
    private static final String KEY = "AKIDCERTREG0001";
    private static final String SECRET = "K7MDENG/bPxRfiCY+EXAMPLE/KEY";
    private static final String ACCOUNT = "210987654321";
    private static final String CREDENTIALS = "# test keys\n[" + KEY + "]\naws_secret_access_key = " + SECRET
            + "\naccount = " + ACCOUNT + "\n\n[AKIDDISABLED]\naws_secret_access_key = " + SECRET
            + "\nenabled = false\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private SqliteCertificateStore store;
    private final List<CertregServer> servers = new ArrayList<>();
    private final List<IotClient> clients = new ArrayList<>();
    private CertregServer server;

    @BeforeEach
    void startServer() throws Exception {
        store = SqliteCertificateStore.open(dataDir);
        server = start(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        clients.forEach(IotClient::close);
        servers.forEach(CertregServer::close);
        store.close();
    }

    @Test
    void theRightSecretRegistersPagesAndDescribesInTheKeysAccount() {
        IotClient iot = client(server, AwsBasicCredentials.create(KEY, SECRET), "us-east-1");
        assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).isNotBlank();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String pem = TestPki.selfSignedLeaf("device-" + i).pem();
            registered.add(iot.registerCertificateWithoutCA(r -> r.certificatePem(pem)).certificateId());
        }

        List<String> listed = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListCertificatesResponse page = iot.listCertificates(r -> r.pageSize(1).ascendingOrder(true).marker(from));
            page.certificates().forEach(c -> listed.add(c.certificateId()));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(registered);

        CertificateDescription description = iot.describeCertificate(r -> r.certificateId(registered.get(0)))
                .certificateDescription();
        assertThat(description.ownedBy()).isEqualTo(ACCOUNT);
        assertThat(description.certificateArn()).startsWith("arn:aws:iot:us-east-1:" + ACCOUNT + ":cert/");
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureException() {
        AwsServiceException refused = refusal(AwsBasicCredentials.create(KEY, "not-the-secret"), "us-east-1");
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(refused.awsErrorDetails().errorMessage()).startsWith(
                "The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void anUnknownOrDisabledKeyIsAnUnrecognizedClientException() {
        for (String key : List.of("AKIDUNKNOWN", "AKIDDISABLED")) {
            AwsServiceException refused = refusal(AwsBasicCredentials.create(key, SECRET), "us-east-1");
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(refused.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void temporaryCredentialsAreRefusedEvenWithTheRightSecret() {
        AwsServiceException refused = refusal(AwsSessionCredentials.create(KEY, SECRET, "FQoGZXIvYXdzEXAMPLE"),
                "us-east-1");
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(refused.awsErrorDetails().errorMessage()).endsWith(
                "Temporary credentials are not supported by this server.");
    }

    @Test
    void aRegionTheServerDoesNotServeIsRefused() {
        AwsServiceException refused = refusal(AwsBasicCredentials.create(KEY, SECRET), "eu-central-1");
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(refused.awsErrorDetails().errorMessage())
                .isEqualTo("Credential should be scoped to a valid region, not 'eu-central-1'.");
    }

    @Test
    void aServerClockTenMinutesAheadFindsTheSignatureExpired() throws Exception {
        CertregServer ahead = start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        IotClient iot = client(ahead, AwsBasicCredentials.create(KEY, SECRET), "us-east-1");
        AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                () -> iot.getRegistrationCode(r -> {}));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(refused.awsErrorDetails().errorMessage()).startsWith("Signature expired: ")
                .endsWith(" - 5 min.)");
    }

    @Test
    void anSdkThatMayRetryCorrectsItsClockFromTheDateHeaderAndSucceeds() throws Exception {
        CertregServer ahead = start(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
        IotClient iot = IotClient.builder()
                .endpointOverride(ahead.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(iot);
        assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).hasSize(64);
    }

    @Test
    void anUnsignedRequestIsAMissingAuthenticationTokenWhereverItGoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/certificates", "/no-such-operation")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve(path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                    .contains("MissingAuthenticationTokenException");
            assertThat(response.headers().firstValue("Date")).isPresent();
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
            assertThat(body.get("message").asText()).isEqualTo("Missing Authentication Token");
        }
    }

    @Test
    void aRequestIsRoutedOnThePathItsSignatureCovers() throws Exception {
        RawRequest signed = SdkSigner.header(Requests.sdk(SdkHttpMethod.GET, "/registrationcode"), new byte[0], KEY,
                SECRET, "us-east-1", Instant.now());
        for (String spelling : List.of("/registrationcode", "//registrationcode", "/./registrationcode",
                "/certificates/../registrationcode/")) {
            String response = send(signed, spelling);
            String expected = spelling.endsWith("/") ? "HTTP/1.1 403 " : "HTTP/1.1 200 ";
            assertThat(response).as(spelling).startsWith(expected);
        }
    }

    /** {@code request} over a raw socket with {@code rawPath} in the request line. */
    private String send(RawRequest request, String rawPath) throws IOException {
        StringBuilder wire = new StringBuilder(request.method()).append(' ').append(rawPath)
                .append(request.rawQuery() == null ? "" : "?" + request.rawQuery()).append(" HTTP/1.1\r\n");
        request.headers().forEach((name, values) -> values.forEach(v -> wire.append(name).append(": ").append(v)
                .append("\r\n")));
        wire.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(wire.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(request.body());
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private AwsServiceException refusal(AwsCredentials credentials, String region) {
        IotClient iot = client(server, credentials, region);
        AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                () -> iot.getRegistrationCode(r -> {}));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(403);
        return refused;
    }

    private CertregServer start(Clock authenticatorClock) throws Exception {
        SigV4Authenticator authenticator = new SigV4Authenticator(Credentials.parse(CREDENTIALS),
                Regions.of(List.of("us-east-1", "eu-west-1")), authenticatorClock);
        // One clock for signatures and for the Date header, as certreg serve runs.
        CertregServer started = CertregServer.start(
                new ServerSettings("127.0.0.1", 0, authenticator, new byte[32], 8), store, authenticatorClock);
        servers.add(started);
        return started;
    }

    private IotClient client(CertregServer target, AwsCredentials credentials, String region) {
        IotClient client = IotClient.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        clients.add(client);
        return client;
    }
}
