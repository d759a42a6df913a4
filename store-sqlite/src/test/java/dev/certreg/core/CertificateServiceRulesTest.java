package dev.certreg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.testing.Records;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.protocol.ErrorCode;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of the certificate services, called directly on a real SQLite store in a temporary directory: which
 * refusal each breach earns, and what a change that keeps losing its race to other writers answers. These live with
 * the SQLite store because {@code core} cannot depend on a store.
 */
class CertificateServiceRulesTest {
    private static final Scope SCOPE = new Scope(Scope.DEFAULT_ACCOUNT, "us-east-1");

    @TempDir
    Path dataDir;

    private SqliteCertificateStore store;
    private final X509Codec codec = new X509Codec();
    /** Frozen, so that dates read back exactly; tests move it by hand. */
    private final MutableClock clock = MutableClock.frozenAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final Audits audits = Audits.of(clock);
    private final CertificateLists lists = new CertificateLists(new MarkerCodec(new byte[32]));

    @BeforeEach
    void open() {
        store = SqliteCertificateStore.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aChangeThatLosesEveryRaceGivesUpWithServiceUnavailable() {
        String id = registered(TestPki.selfSignedLeaf("device"));
        AtomicInteger lost = new AtomicInteger();
        DeviceCertificateService devices = devices(racing(Integer.MAX_VALUE, lost));
        ServiceException refusal = catchThrowableOfType(ServiceException.class,
                () -> devices.update(SCOPE, id, CertificateStatus.ACTIVE));
        assertThat(refusal.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(refusal.errorCode().httpStatus()).isEqualTo(503);
        assertThat(refusal).hasMessageContaining("retry");
        assertThat(lost).hasValue(Versioned.ATTEMPTS);
        assertThat(store.findDeviceCertificate(SCOPE, id).orElseThrow().status())
                .isEqualTo(CertificateStatus.INACTIVE);
    }

    @Test
    void aChangeThatLosesSomeRacesIsTriedAgainAndApplies() {
        String id = registered(TestPki.selfSignedLeaf("device"));
        AtomicInteger lost = new AtomicInteger();
        devices(racing(3, lost)).update(SCOPE, id, CertificateStatus.ACTIVE);
        assertThat(lost).hasValue(3);
        assertThat(store.findDeviceCertificate(SCOPE, id).orElseThrow().status())
                .isEqualTo(CertificateStatus.ACTIVE);
    }

    @Test
    void aDeviceWhoseIssuerNamesTwoCasWithOneKeyIsACertificateConflictUnlessItsCaIsGiven() {
        TestPki.Issued first = TestPki.ca("twin", TestPki.KeyType.EC);
        TestPki.Issued second = TestPki.ca(X500Name.getInstance(
                first.certificate().getSubjectX500Principal().getEncoded()), first.keyPair(), TestPki.KeyType.EC);
        registerCa(first);
        registerCa(second);
        String device = first.issue("device").pem();
        ServiceException refusal = catchThrowableOfType(ServiceException.class, () -> devices(store)
                .register(SCOPE, new DeviceRegistration(device, null, null, CertificateStatus.ACTIVE)));
        assertThat(refusal.errorCode()).isEqualTo(ErrorCode.CERTIFICATE_CONFLICT);
        assertThat(refusal.errorCode().httpStatus()).isEqualTo(409);
        assertThat(refusal).hasMessageContaining("caCertificatePem");
        Registered registered = devices(store)
                .register(SCOPE, new DeviceRegistration(device, second.pem(), null, CertificateStatus.ACTIVE));
        assertThat(store.findDeviceCertificate(SCOPE, registered.certificateId()).orElseThrow().caCertificateId())
                .isEqualTo(codec.parse(second.pem(), "CA").certificateId());
    }

    @Test
    void aRevokedCertificateCannotBecomeActiveAgain() {
        String id = registered(TestPki.selfSignedLeaf("device"));
        devices(store).update(SCOPE, id, CertificateStatus.REVOKED);
        assertRefused(() -> devices(store).update(SCOPE, id, CertificateStatus.ACTIVE), ErrorCode.CERTIFICATE_STATE,
                "REVOKED");
    }

    @Test
    void anActiveCertificateCannotBeDeleted() {
        String id = registered(TestPki.selfSignedLeaf("device"));
        devices(store).update(SCOPE, id, CertificateStatus.ACTIVE);
        assertRefused(() -> devices(store).delete(SCOPE, id, false), ErrorCode.CERTIFICATE_STATE, "deactivated");
        assertThat(store.findDeviceCertificate(SCOPE, id)).isPresent();
    }

    @Test
    void aCertificateRegisteredTwiceAlreadyExists() {
        TestPki.Issued device = TestPki.selfSignedLeaf("device");
        registered(device);
        assertRefused(() -> registered(device), ErrorCode.RESOURCE_ALREADY_EXISTS, "already");
    }

    @Test
    void aCaInDefaultModeBelongsToOneAccountOfARegion() {
        TestPki.Issued ca = TestPki.ca("shared", TestPki.KeyType.EC);
        registerCa(ca);
        assertRefused(() -> registerCa(new Scope("210987654321", "us-east-1"), ca), ErrorCode.RESOURCE_ALREADY_EXISTS,
                "another account");
        registerCa(new Scope("210987654321", "eu-west-1"), ca);
    }

    @Test
    void anEleventhCaWithOneSubjectExceedsTheLimit() {
        X500Name subject = new X500Name("CN=crowded, O=certreg tests");
        for (int i = 0; i < 10; i++) {
            registerCa(TestPki.ca(subject, ecKey(), TestPki.KeyType.EC));
        }
        assertRefused(() -> registerCa(TestPki.ca(subject, ecKey(), TestPki.KeyType.EC)),
                ErrorCode.LIMIT_EXCEEDED, "10 CA certificates");
    }

    @Test
    void aCertificateThatIsNotACaCannotBeRegisteredAsOne() {
        assertRefused(() -> registerCa(TestPki.selfSignedLeaf("leaf")), ErrorCode.CERTIFICATE_VALIDATION,
                "basicConstraints");
    }

    @Test
    void aCertificateIsRegisteredOnlyWithinItsValidityByTheServicesClock() {
        TestPki.Issued issuer = TestPki.ca("issuer", TestPki.KeyType.EC);
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        TestPki.Issued early = issuer.issue("early", TestPki.KeyType.EC, tomorrow, Duration.ofDays(1));
        TestPki.Issued late = issuer.issue("late", TestPki.KeyType.EC, tomorrow, Duration.ofDays(1));
        assertRefused(() -> registered(early), ErrorCode.CERTIFICATE_VALIDATION, "is not valid at");

        clock.advance(Duration.ofHours(36));
        assertThat(store.findDeviceCertificate(SCOPE, registered(early))).isPresent();

        clock.advance(Duration.ofDays(1));
        assertRefused(() -> registered(late), ErrorCode.CERTIFICATE_VALIDATION, "is not valid at");
    }

    @Test
    void aChangeIsDatedByTheServicesClockAndKeepsTheCreationDate() {
        Instant created = clock.instant();
        String id = registered(TestPki.selfSignedLeaf("device"));
        clock.advance(Duration.ofHours(1));
        devices(store).update(SCOPE, id, CertificateStatus.ACTIVE);
        Audit audit = store.findDeviceCertificate(SCOPE, id).orElseThrow().audit();
        assertThat(audit.creationDate()).isEqualTo(created);
        assertThat(audit.lastModifiedDate()).isEqualTo(created.plus(Duration.ofHours(1)));
        assertThat(audit.customerVersion()).isEqualTo(2);
    }

    @Test
    void aCaIsRegisteredOnlyWithAVerificationCertificateForTheCodeSignedByItsKey() {
        TestPki.Issued ca = TestPki.ca("proved", TestPki.KeyType.EC);
        CaCertificateService cas = cas();
        CaRegistration beforeAnyCode = registration(ca, ca.issue("any"));
        assertRefused(() -> cas.register(SCOPE, beforeAnyCode), ErrorCode.REGISTRATION_CODE_VALIDATION,
                "GetRegistrationCode");
        String code = cas.getRegistrationCode(SCOPE);
        CaRegistration otherName = registration(ca, ca.issue(code.substring(1)));
        assertRefused(() -> cas.register(SCOPE, otherName), ErrorCode.REGISTRATION_CODE_VALIDATION,
                "does not match the registration code");
        CaRegistration otherKey = registration(ca, TestPki.ca("stranger", TestPki.KeyType.EC).issue(code));
        assertRefused(() -> cas.register(SCOPE, otherKey), ErrorCode.CERTIFICATE_VALIDATION,
                "not signed by the CA certificate's private key");
        assertThat(store.findCaCertificate(SCOPE, codec.parse(ca.pem(), "CA").certificateId())).isEmpty();
    }

    @Test
    void anActiveCaCannotBeDeletedAndRegistersNoDevicesOnceInactive() {
        TestPki.Issued ca = TestPki.ca("retiring", TestPki.KeyType.EC);
        String caId = registerCa(ca);
        assertRefused(() -> cas().delete(SCOPE, caId), ErrorCode.CERTIFICATE_STATE, "is ACTIVE");

        cas().update(SCOPE, caId, new CaUpdate(CaCertificateStatus.INACTIVE, null, null, false));
        String device = ca.issue("device").pem();
        assertRefused(() -> devices(store).register(SCOPE,
                new DeviceRegistration(device, ca.pem(), null, CertificateStatus.ACTIVE)),
                ErrorCode.CERTIFICATE_STATE, "only an ACTIVE CA");
        cas().delete(SCOPE, caId);
        assertThat(store.findCaCertificate(SCOPE, caId)).isEmpty();
    }

    private static void assertRefused(Runnable call, ErrorCode code, String messagePart) {
        ServiceException refusal = catchThrowableOfType(ServiceException.class, call::run);
        assertThat(refusal).as("refusal").isNotNull().hasMessageContaining(messagePart);
        assertThat(refusal.errorCode()).isEqualTo(code);
    }

    /** A device certificate registered without a CA, INACTIVE; its id. */
    private String registered(TestPki.Issued device) {
        return devices(store).registerWithoutCa(SCOPE,
                new DeviceRegistration(device.pem(), null, null, CertificateStatus.INACTIVE)).certificateId();
    }

    private String registerCa(TestPki.Issued ca) {
        return registerCa(SCOPE, ca);
    }

    /** Registers {@code ca} ACTIVE in DEFAULT mode in {@code scope}, with proof of possession of its key; its id. */
    private String registerCa(Scope scope, TestPki.Issued ca) {
        CaCertificateService cas = cas();
        TestPki.Issued verification = ca.issue(cas.getRegistrationCode(scope));
        return cas.register(scope, registration(ca, verification)).certificateId();
    }

    /** An ACTIVE, DEFAULT mode registration of {@code ca} with {@code verification} as its proof of possession. */
    private static CaRegistration registration(TestPki.Issued ca, TestPki.Issued verification) {
        return new CaRegistration(ca.pem(), verification.pem(), true, false, null, List.of(), CertificateMode.DEFAULT);
    }

    private CaCertificateService cas() {
        return new CaCertificateService(store, codec, lists, audits, new SecureRandom());
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private DeviceCertificateService devices(CertificateStore on) {
        return new DeviceCertificateService(on, codec, lists, audits);
    }

    /**
     * The real store, with another writer that changes a device certificate just before each of the first
     * {@code races} conditional writes of it, so that each of those finds its version stale; {@code lost} counts them.
     */
    private CertificateStore racing(int races, AtomicInteger lost) {
        return (CertificateStore) Proxy.newProxyInstance(CertificateStore.class.getClassLoader(),
                new Class<?>[] {CertificateStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("replaceDeviceCertificate") && lost.get() < races) {
                        DeviceCertificate wanted = (DeviceCertificate) args[0];
                        DeviceCertificate current =
                                store.findDeviceCertificate(SCOPE, wanted.certificateId()).orElseThrow();
                        assertThat(store.replaceDeviceCertificate(current.changed(current.scope(), current.status(),
                                current.transfer(), Records.changed(current.audit())),
                                current.audit().customerVersion())).isTrue();
                        lost.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
