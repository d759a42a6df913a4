package dev.certreg.e2e;

import static dev.certreg.e2e.Registrar.activeCa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.e2e.Registrar.RegisteredCa;
import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;

/** What the server acknowledged is there after a restart, and a walk resumes across it with its marker. */
class RestartTest extends RunningServer {

    @Test
    void registrationsCodesAndMarkersSurviveARestart() throws Exception {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.EC);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            registered.add(Registrar.registerDevice(iot, ca.ca(), "d" + i));
        }
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        ListCertificatesByCaResponse firstPage =
                iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).pageSize(5).ascendingOrder(true));

        restart();

        assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).isEqualTo(code);
        List<String> walked = new ArrayList<>(firstPage.certificates().stream()
                .map(Certificate::certificateId).toList());
        iot.listCertificatesByCAPaginator(r -> r.caCertificateId(ca.id()).pageSize(5).ascendingOrder(true)
                        .marker(firstPage.nextMarker()))
                .certificates().forEach(c -> walked.add(c.certificateId()));
        assertThat(walked).containsExactlyElementsOf(registered);
    }

    private void restart() throws Exception {
        int port = server.endpoint().getPort();
        server.close();
        store.close();
        store = testStore.open();
        server = CertregServer.start(
                new ServerSettings("127.0.0.1", port, new OpenAuthenticator(), new byte[32], 16), store, clock);
    }
}
