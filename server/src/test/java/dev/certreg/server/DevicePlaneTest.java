package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.EndpointService;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The API beside a device endpoint: the root CA served unsigned, and DescribeEndpoint naming the endpoint. */
@Timeout(60)
class DevicePlaneTest {
    private static final String ROOT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iot/"
            + "aws4_request, SignedHeaders=host, Signature=00";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private SqliteCertificateStore store;
    private CertregServer server;

    @BeforeEach
    void start() throws Exception {
        store = SqliteCertificateStore.open(dataDir);
        byte[] secret = new byte[32];
        DevicePlane devices = new DevicePlane(new EndpointService(secret, "devices.example", name -> false),
                CertificateChangeListener.NONE, ROOT);
        server = CertregServer.start(new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), secret, 8), store,
                Clock.systemUTC(), new Management(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        Management.ON_API_PORT), devices);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void theRootCaIsServedUnsignedAsPem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint()
                .resolve("/certreg/root-ca.pem")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ROOT);
    }

    @Test
    void describeEndpointAnswersTheAdvertisedHostWhenAwssNameDoesNotResolve() throws Exception {
        assertThat(describe("iot:Data-ATS")).contains("\"endpointAddress\":\"devices.example\"");
        assertThat(describe("iot:CredentialProvider")).contains(".credentials.iot.us-east-1.amazonaws.com");
    }

    private String describe(String type) throws Exception {
        return http.send(HttpRequest.newBuilder(server.endpoint().resolve("/endpoint?endpointType=" + type)).GET()
                .header("Authorization", AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
