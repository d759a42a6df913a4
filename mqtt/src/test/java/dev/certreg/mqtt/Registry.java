package dev.certreg.mqtt;

import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaRegistration;
import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceAdmission;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.DeviceTopics;
import dev.certreg.core.EndpointService;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.NamedMarkers;
import dev.certreg.core.NextTokens;
import dev.certreg.core.PolicyService;
import dev.certreg.core.Scope;
import dev.certreg.core.ThingService;
import dev.certreg.core.policy.DeviceAuthorizer;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** A real registry (SQLite in a temporary directory) with a device endpoint on a free port, for the tests. */
final class Registry implements AutoCloseable {
    static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    final SqliteCertificateStore store;
    final CaCertificateService cas;
    final DeviceCertificateService devices;
    final EndpointService endpoints;
    final PolicyService policies;
    final ThingService things;
    final ServerCa serverCa;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeviceEndpoint endpoint;

    /**
     * A registry whose endpoint closes a connection that sends no CONNECT within {@code connectTimeoutSeconds}, its
     * handshakes on BoringSSL where it loads when {@code nativeTls}, else on the JDK's TLS.
     */
    Registry(Path dataDir, Clock clock, int connectTimeoutSeconds, boolean nativeTls) throws IOException {
        store = SqliteCertificateStore.open(dataDir);
        X509Codec codec = new X509Codec();
        byte[] secret = new byte[32];
        CertificateLists lists = new CertificateLists(new MarkerCodec(secret));
        cas = new CaCertificateService(store, codec, lists, Audits.of(clock), new SecureRandom());
        Forward forward = new Forward();
        devices = new DeviceCertificateService(store, codec, lists, Audits.of(clock), forward);
        endpoints = new EndpointService(secret, "localhost", name -> false);
        policies = new PolicyService(store, new NamedMarkers(secret), clock, forward);
        things = new ThingService(store, new NextTokens(secret), clock);
        serverCa = ServerCa.generate(clock);
        endpoint = DeviceEndpoint.start(
                new DeviceEndpointSettings("127.0.0.1", 0, List.of("localhost", "127.0.0.1"), serverCa,
                        connectTimeoutSeconds, nativeTls),
                new DeviceAdmission(store, codec, endpoints, clock), devices, new DeviceTopics(),
                new DeviceAuthorizer(policies, things, clock), clock, meters);
        forward.target = endpoint;
    }

    /** A CA registered in DEFAULT mode, ACTIVE, auto-registering or not. */
    TestPki.Issued registeredCa(String name, boolean autoRegistration) {
        TestPki.Issued ca = TestPki.ca(name, TestPki.KeyType.EC);
        TestPki.Issued verification = ca.issue(cas.getRegistrationCode(SCOPE));
        cas.register(SCOPE, new CaRegistration(ca.pem(), verification.pem(), true, autoRegistration, null,
                List.of(), CertificateMode.DEFAULT));
        return ca;
    }

    /** A device certificate of {@code ca}, registered with {@code status}, allowed everything by its policy. */
    TestPki.Issued registeredDevice(TestPki.Issued ca, String name, CertificateStatus status) {
        TestPki.Issued device = registeredWithoutPolicy(ca, name, status);
        attach(ALLOW_ALL, device);
        return device;
    }

    /** A device certificate of {@code ca}, registered with {@code status}, with no policy attached. */
    TestPki.Issued registeredWithoutPolicy(TestPki.Issued ca, String name, CertificateStatus status) {
        TestPki.Issued device = ca.issue(name);
        devices.register(SCOPE, new DeviceRegistration(device.pem(), ca.pem(), null, status));
        return device;
    }

    /** Attaches the policy named {@code policyName} to a certificate, creating it with {@code document} if new. */
    void attach(String policyName, String document, TestPki.Issued certificate) {
        if (!policies.exists(SCOPE, policyName)) {
            policies.create(SCOPE, policyName, document, List.of());
        }
        policies.attach(SCOPE, policyName, SCOPE.certificateArn(id(certificate)));
    }

    void attach(String[] policy, TestPki.Issued certificate) {
        attach(policy[0], policy[1], certificate);
    }

    /** A policy allowing every action on every resource. */
    static final String[] ALLOW_ALL = {"allow-all", policy("iot:*", "*")};

    /** A policy document with one Allow statement. */
    static String policy(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    /** The count of the endpoint's refusals for {@code reason}. */
    double refusals(String reason) {
        return meters.get("certreg.mqtt.refusals").tag("reason", reason).counter().count();
    }

    /** The count of a counter of the endpoint without tags. */
    double count(String name) {
        return meters.get(name).counter().count();
    }

    static String id(TestPki.Issued issued) {
        return new X509Codec().parse(issued.pem(), "certificate").certificateId();
    }

    @Override
    public void close() {
        endpoint.close();
        store.close();
    }

    private static final class Forward implements CertificateChangeListener {
        volatile CertificateChangeListener target = NONE;

        @Override
        public void certificateChanged(String certificateId) {
            target.certificateChanged(certificateId);
        }

        @Override
        public void changesMayHaveBeenMissed() {
            target.changesMayHaveBeenMissed();
        }
    }
}
