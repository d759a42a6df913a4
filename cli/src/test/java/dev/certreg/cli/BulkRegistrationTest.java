package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaRegistration;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.PageRequest;
import dev.certreg.core.RegistrationOutcome;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeviceCertificateService#registerAll}, the bulk path of {@code certreg import}, against RegisterCertificate
 * one call at a time: two SQLite stores with the same CAs and certificates receive the same requests, one store in
 * one batch, the other one by one, and every outcome (registration, error type and message) and the stored
 * certificates must be the same.
 */
class BulkRegistrationTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final Issued CA = TestPki.ca("bulk", KeyType.EC);
    private static final Issued INACTIVE_CA = TestPki.ca("bulk inactive", KeyType.EC);
    private static final Issued OTHER_CA = TestPki.ca("bulk other", KeyType.RSA);
    private static final Issued HELD = CA.issue("held");
    private static final Issued HELD_WITHOUT_CA = TestPki.selfSignedLeaf("held without CA");

    /** One instant for both stores, so that messages quoting the time are the same. */
    private final Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @TempDir
    Path work;

    private SqliteCertificateStore bulkStore;
    private SqliteCertificateStore singleStore;
    private DeviceCertificateService bulk;
    private DeviceCertificateService single;

    @BeforeEach
    void twoStoresWithTheSameContents() throws IOException {
        bulkStore = SqliteCertificateStore.open(Files.createDirectories(work.resolve("bulk")));
        singleStore = SqliteCertificateStore.open(Files.createDirectories(work.resolve("single")));
        bulk = prepared(bulkStore);
        single = prepared(singleStore);
    }

    @AfterEach
    void close() {
        bulkStore.close();
        singleStore.close();
    }

    @Test
    void eachCertificateOfABatchFaresAsItWouldAlone() {
        Issued good = CA.issue("good");
        List<DeviceRegistration> requests = List.of(
                request(good.pem(), null),
                request(HELD.pem(), null),
                request(good.pem(), null),
                request(CA.issue("expired", KeyType.EC, Instant.now().minus(Duration.ofDays(30)),
                        Duration.ofDays(1)).pem(), null),
                request(TestPki.selfSignedLeaf("stranger").pem(), null),
                request(HELD_WITHOUT_CA.pem(), null),
                request(INACTIVE_CA.issue("under an inactive CA").pem(), null),
                request(CA.issue("named").pem(), CA.pem()),
                request(CA.issue("named wrongly").pem(), OTHER_CA.pem()),
                request(HELD.pem(), OTHER_CA.pem()),
                request(CA.issue("rsa device", KeyType.RSA, Instant.now().minus(Duration.ofHours(1)),
                        Duration.ofDays(30)).pem(), null),
                request("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", null),
                new DeviceRegistration(CA.issue("pending").pem(), null, null, CertificateStatus.PENDING_ACTIVATION));

        List<String> batch = described(bulk.registerAll(SCOPE, requests, false));
        List<String> oneByOne = oneByOne(requests, r -> single.register(SCOPE, r).certificateId());

        assertThat(batch).containsExactlyElementsOf(oneByOne);
        assertThat(batch).filteredOn(s -> s.startsWith("registered")).hasSize(3);
        assertThat(batch.get(1)).startsWith("ResourceAlreadyExistsException");
        assertThat(batch.get(2)).startsWith("ResourceAlreadyExistsException");
        assertThat(batch.get(5)).startsWith("ResourceAlreadyExistsException");
        assertThat(batch.get(6)).startsWith("CertificateStateException");
        assertThat(batch.get(8)).startsWith("CertificateValidationException: The certificate is not signed");
        assertThat(listed(bulkStore)).containsExactlyInAnyOrderElementsOf(listed(singleStore));
    }

    @Test
    void withoutCaABatchFaresAsRegisterCertificateWithoutCaAlone() {
        Issued stranger = TestPki.selfSignedLeaf("stranger");
        List<DeviceRegistration> requests = List.of(request(stranger.pem(), null), request(stranger.pem(), null),
                request(HELD_WITHOUT_CA.pem(), null), request(CA.issue("signed yet without CA").pem(), null));

        List<String> batch = described(bulk.registerAll(SCOPE, requests, true));
        List<String> oneByOne = oneByOne(requests, r -> single.registerWithoutCa(SCOPE, r).certificateId());

        assertThat(batch).containsExactlyElementsOf(oneByOne);
        assertThat(batch).filteredOn(s -> s.startsWith("registered")).hasSize(2);
        assertThat(bulkStore.findDeviceCertificate(SCOPE, id(batch.get(0))).orElseThrow().mode())
                .isEqualTo(CertificateMode.SNI_ONLY);
    }

    private DeviceCertificateService prepared(SqliteCertificateStore store) {
        CertificateLists lists = new CertificateLists(new MarkerCodec(new byte[32]));
        Audits audits = Audits.of(now);
        CaCertificateService cas = new CaCertificateService(store, new X509Codec(), lists, audits, new SecureRandom());
        for (Issued ca : List.of(CA, INACTIVE_CA, OTHER_CA)) {
            cas.register(SCOPE, new CaRegistration(ca.pem(), null, !ca.equals(INACTIVE_CA), false, null, List.of(),
                    CertificateMode.SNI_ONLY));
        }
        DeviceCertificateService devices = new DeviceCertificateService(store, new X509Codec(), lists, audits);
        devices.register(SCOPE, request(HELD.pem(), null));
        devices.registerWithoutCa(SCOPE, request(HELD_WITHOUT_CA.pem(), null));
        return devices;
    }

    private static DeviceRegistration request(String pem, String caPem) {
        return new DeviceRegistration(pem, caPem, null, CertificateStatus.ACTIVE);
    }

    private static List<String> described(List<RegistrationOutcome> outcomes) {
        return outcomes.stream().map(o -> o.failure() == null ? "registered " + o.registered().certificateId()
                : describe(o.failure())).toList();
    }

    private static List<String> oneByOne(List<DeviceRegistration> requests,
            Function<DeviceRegistration, String> register) {
        List<String> outcomes = new ArrayList<>();
        for (DeviceRegistration request : requests) {
            try {
                outcomes.add("registered " + register.apply(request));
            } catch (ServiceException e) {
                outcomes.add(describe(e));
            }
        }
        return outcomes;
    }

    private static String describe(ServiceException e) {
        return e.errorCode().wireName() + ": " + e.getMessage();
    }

    private static String id(String registered) {
        return registered.substring("registered ".length());
    }

    private static List<String> listed(SqliteCertificateStore store) {
        List<String> all = new ArrayList<>();
        store.listDeviceCertificates(SCOPE, new PageRequest(100, true, Optional.empty())).items()
                .forEach(c -> all.add(c.certificateId() + " " + c.status() + " " + c.mode()));
        return all;
    }
}
