package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.testing.TestPki;
import dev.certreg.server.CertregServer;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real boto3 client ({@code src/test/resources/sigv4/boto3_client.py}) against the server behind SigV4, when
 * {@code python3} can import boto3 (skipped otherwise): GET, POST with a JSON body and a query with {@code +} all
 * verify; a wrong secret and an unknown key get AWS's 403 error codes.
 */
class Boto3EndToEndTest {
    private static final String KEY = "AKIDBOTO3";
    private static final String SECRET = "boto3/Secret+Key";

    @TempDir
    Path dataDir;

    @Test
    void boto3SignsEveryCallTheServerAccepts() throws Exception {
        Python.assumeModule("boto3");
        Credentials credentials = Credentials.of(List.of(new AccessKey(KEY, SECRET, "777788889999", true)));
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir);
                CertregServer server = CertregServer.start(new ServerSettings("127.0.0.1", 0,
                        new SigV4Authenticator(credentials, Regions.any(), Clock.systemUTC()), new byte[32], 8),
                        store, Clock.systemUTC())) {
            String pem = TestPki.selfSignedLeaf("boto3-device").pem();
            JsonNode results = new ObjectMapper().readTree(Python.script("boto3_client.py",
                    List.of(server.endpoint().toString(), KEY, SECRET), pem));

            assertThat(results.get("registrationCode").isTextual()).as(results.toString()).isTrue();
            String id = results.get("registered").asText();
            assertThat(id).hasSize(64);
            assertThat(results.get("listed").get(0).asText()).isEqualTo(id);
            assertThat(results.get("foreignMarker").toString()).isEqualTo("[\"InvalidRequestException\",400]");
            assertThat(results.get("wrongSecret").toString()).isEqualTo("[\"InvalidSignatureException\",403]");
            assertThat(results.get("unknownKey").toString()).isEqualTo("[\"UnrecognizedClientException\",403]");
        }
    }
}
