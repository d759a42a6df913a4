package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaRegistration;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.PageRequest;
import dev.certreg.core.Scope;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certreg import} over a directory of bundles, single PEMs, DER files and junk: every good certificate is
 * registered with RegisterCertificate's checks, each bad file or certificate is reported without stopping the run,
 * a second run finds them all registered, and the summary counts each kind.
 */
@Timeout(120)
class ImportCommandTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    @TempDir
    Path work;

    @RegisterExtension
    final StandardErrorCapture err = new StandardErrorCapture();

    @Test
    void aDirectoryIsImportedUnderTheCaThatSignedEachCertificateAndFailuresAreReportedPerFile() throws Exception {
        Path dataDir = work.resolve("data");
        Issued ca = TestPki.ca("import", KeyType.EC);
        String caId = registerCa(dataDir, ca);
        Path input = Files.createDirectories(work.resolve("input/nested"));
        Files.writeString(input.resolve("bundle.pem"),
                ca.issue("d1").pem() + ca.issue("d2").pem() + "junk between\n" + ca.issue("d3").pem());
        Files.writeString(input.resolve("one.crt"), ca.issue("d4").pem());
        Files.write(input.resolve("five.der"), ca.issue("d5").certificate().getEncoded());
        Files.writeString(input.resolve("notes.txt"), "no certificate here");
        Files.writeString(input.resolve("stranger.pem"), TestPki.ca("other", KeyType.EC).issue("d6").pem());
        Files.writeString(input.resolve("expired.pem"),
                ca.issue("d7", KeyType.EC, Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(1)).pem());

        Result first = importInto(dataDir, work.resolve("input").toString());
        Result second = importInto(dataDir, work.resolve("input").toString());

        assertThat(first.exit).isEqualTo(1);
        assertThat(first.out).contains("imported 5 certificates").contains("5 registered, 0 already registered, "
                + "2 failed, 1 files without a usable certificate");
        assertThat(first.err).contains("notes.txt: no certificate found")
                .contains("stranger.pem: CertificateValidationException: No registered CA certificate signed")
                .contains("expired.pem: CertificateValidationException");
        assertThat(second.out).contains("0 registered, 5 already registered");
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            assertThat(store.countDeviceCertificatesByStatus()).containsEntry(CertificateStatus.ACTIVE, 5L);
            assertThat(store.listDeviceCertificatesByCa(SCOPE, caId,
                    new PageRequest(10, true, Optional.empty())).items()).hasSize(5);
        }
    }

    @Test
    void withoutCaRegistersInSniOnlyModeAndANamedCaMustHaveSignedEachCertificate() throws Exception {
        Path dataDir = work.resolve("data");
        Issued ca = TestPki.ca("named", KeyType.EC);
        String caId = registerCa(dataDir, ca);
        Path signed = Files.writeString(work.resolve("signed.pem"), ca.issue("s1").pem());
        Path stranger = Files.writeString(work.resolve("stranger.pem"), TestPki.selfSignedLeaf("s2").pem());

        Result named = importInto(dataDir, "--ca-certificate-id", caId, signed.toString(), stranger.toString());
        Result withoutCa = importInto(dataDir, "--without-ca", "--status", "INACTIVE", stranger.toString());

        assertThat(named.out).contains("1 registered, 0 already registered, 1 failed");
        assertThat(named.err).contains("stranger.pem: CertificateValidationException: The certificate is not signed");
        assertThat(withoutCa.exit).isZero();
        assertThat(withoutCa.out).contains("1 registered");
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            assertThat(store.countDeviceCertificatesByStatus()).containsEntry(CertificateStatus.INACTIVE, 1L);
        }
    }

    private static String registerCa(Path dataDir, Issued ca) throws Exception {
        Files.createDirectories(dataDir);
        byte[] secret = MarkerSecret.load(dataDir, null);
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            CaCertificateService service = new CaCertificateService(store, new X509Codec(),
                    new CertificateLists(new MarkerCodec(secret)), Audits.of(Clock.systemUTC()), new SecureRandom());
            return service.register(SCOPE, new CaRegistration(ca.pem(), null, true, false, null, List.of(),
                    CertificateMode.SNI_ONLY)).certificateId();
        }
    }

    private record Result(int exit, String out, String err) {}

    private Result importInto(Path dataDir, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        String errBefore = err.text();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] command = new String[arguments.length + 3];
            command[0] = "import";
            command[1] = "--data-dir";
            command[2] = dataDir.toString();
            System.arraycopy(arguments, 0, command, 3, arguments.length);
            int exit = Main.commandLine().execute(command);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.text().substring(errBefore.length()));
        } finally {
            System.setOut(original);
        }
    }
}
