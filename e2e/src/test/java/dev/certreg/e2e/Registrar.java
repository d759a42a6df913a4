package dev.certreg.e2e;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/** The registration steps tests repeat: a CA with proof of possession, then devices under it. */
final class Registrar {
    private Registrar() {}

    /** Registers {@code ca} in DEFAULT mode with a verification certificate for the account's code. */
    static String registerCa(IotClient iot, Issued ca, boolean active) {
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        Issued verification = ca.issue(code);
        return iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                        .verificationCertificate(verification.pem()).setAsActive(active))
                .certificateId();
    }

    /** A fresh ACTIVE CA of {@code type}, registered; returns it with its id. */
    static RegisteredCa activeCa(IotClient iot, String name, TestPki.KeyType type) {
        Issued ca = TestPki.ca(name, type);
        return new RegisteredCa(ca, registerCa(iot, ca, true));
    }

    /** Registers a new device certificate signed by {@code ca}; returns its id. */
    static String registerDevice(IotClient iot, Issued ca, String name) {
        return iot.registerCertificate(r -> r.certificatePem(ca.issue(name).pem()).caCertificatePem(ca.pem())
                .status(CertificateStatus.ACTIVE)).certificateId();
    }

    record RegisteredCa(Issued ca, String id) {}
}
