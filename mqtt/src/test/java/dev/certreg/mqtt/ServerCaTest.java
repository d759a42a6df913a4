package dev.certreg.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCaTest {
    @Test
    void aRootReadBackFromItsPemIssuesServerCertificatesItVerifies() throws Exception {
        ServerCa written = ServerCa.generate(Clock.systemUTC());
        ServerCa read = ServerCa.fromPem(written.toPem());
        assertThat(read.rootPem()).isEqualTo(written.rootPem());
        ServerIdentity identity = read.issueServerCertificate(List.of("localhost", "127.0.0.1"), Clock.systemUTC());
        X509Certificate certificate = identity.certificate();
        certificate.verify(written.root().getPublicKey());
        assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> (Object) name.get(1)).toList())
                .containsExactly((Object) "localhost", "127.0.0.1");
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(identity.privateKey());
        signature.update(new byte[] {1});
        byte[] signed = signature.sign();
        signature.initVerify(certificate.getPublicKey());
        signature.update(new byte[] {1});
        assertThat(signature.verify(signed)).isTrue();
    }
}
