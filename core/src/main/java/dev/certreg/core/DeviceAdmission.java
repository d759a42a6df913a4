package dev.certreg.core;

import dev.certreg.core.Admission.Refusal;
import dev.certreg.core.x509.ParsedCertificate;
import dev.certreg.core.x509.Pem;
import dev.certreg.core.x509.X509Codec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * May this client certificate connect? The device endpoint asks with the certificate chain of the TLS handshake and
 * the SNI host name; the answer depends on registry state alone, read at each attempt. The rules follow the AWS IoT
 * developer guide: "Client authentication" and "X.509 client certificates" (the certificate must be registered and
 * ACTIVE; with multi-account registration the SNI host selects the account), "Deactivate a CA certificate" (an
 * INACTIVE CA stops new registrations but not the certificates already registered under it) and "Just-in-time
 * registration" (an unknown certificate of a CA that allows auto-registration is registered PENDING_ACTIVATION).
 * Thread-safe.
 */
public final class DeviceAdmission {
    private final CertificateStore store;
    private final X509Codec codec;
    private final EndpointService endpoints;
    private final Clock clock;

    public DeviceAdmission(CertificateStore store, X509Codec codec, EndpointService endpoints, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /**
     * The outcome for a presented chain (leaf first, DER) reaching the endpoint with {@code serverName} (the SNI host,
     * or null when the client sent none).
     */
    public Admission admit(List<byte[]> chain, String serverName) {
        if (chain.isEmpty()) {
            return new Admission.Refused("-", Refusal.NO_CERTIFICATE, "no client certificate");
        }
        // A registered certificate's bytes were checked when it was registered, and its id names those bytes alone:
        // the certificate is parsed only when it is not registered.
        String id = ParsedCertificate.certificateIdOf(chain.get(0));
        List<DeviceCertificate> registrations = store.findDeviceCertificatesById(id);
        if (registrations.isEmpty()) {
            ParsedCertificate leaf;
            try {
                leaf = parse(chain.get(0));
            } catch (ServiceException e) {
                return new Admission.Refused("-", Refusal.MALFORMED, e.getMessage());
            }
            return autoRegistration(leaf, chain, serverName);
        }
        return selected(registrations, DeviceCertificate::scope, serverName)
                .map(this::byStatus)
                .orElseGet(() -> new Admission.Refused(id,
                        Refusal.OTHER_ACCOUNT, "registered in no account whose endpoint"
                        + " the SNI host " + serverName + " names (multi-account certificates need the account's"
                        + " endpoint address as SNI)"));
    }

    /** Whether a certificate admitted earlier still is: the re-check after a change of registry state. */
    public boolean stillAdmitted(Scope scope, String certificateId) {
        return store.findDeviceCertificate(scope, certificateId)
                .map(c -> byStatus(c) instanceof Admission.Admitted)
                .orElse(false);
    }

    private Admission byStatus(DeviceCertificate certificate) {
        Instant now = clock.instant();
        String id = certificate.certificateId();
        if (certificate.status() == CertificateStatus.PENDING_ACTIVATION) {
            return new Admission.PendingActivation(certificate);
        }
        // UpdateCertificate: "only ACTIVE certificates can be used to authenticate".
        if (certificate.status() != CertificateStatus.ACTIVE) {
            return new Admission.Refused(id, Refusal.NOT_ACTIVE, "certificate is " + certificate.status());
        }
        if (!certificate.validity().contains(now)) {
            Validity validity = certificate.validity();
            return new Admission.Refused(id, Refusal.NOT_VALID, "certificate is not valid at " + now
                    + " (valid " + validity.notBefore() + " to " + validity.notAfter() + ")");
        }
        return new Admission.Admitted(certificate);
    }

    private Admission autoRegistration(ParsedCertificate leaf, List<byte[]> chain, String serverName) {
        String id = leaf.certificateId();
        List<CaCertificate> signers = new ArrayList<>();
        for (byte[] der : chain.subList(1, chain.size())) {
            ParsedCertificate presented;
            try {
                presented = parse(der);
            } catch (ServiceException e) {
                continue;
            }
            if (!leaf.issuer().equals(presented.subject())) {
                continue;
            }
            // Looked up before verifying: a presented key is verified with only if a registered CA holds it, so a
            // chain of the client's choosing (a huge RSA key) costs the handshake no more than a lookup.
            List<CaCertificate> registered = store.findCaCertificatesById(presented.certificateId());
            if (!registered.isEmpty() && presented.hasSupportedKey() && leaf.isSignedBy(presented)) {
                signers.addAll(registered);
            }
        }
        if (signers.isEmpty()) {
            return new Admission.Refused(id, Refusal.UNKNOWN,
                    "not registered, and no registered CA certificate in the presented chain signed it");
        }
        Optional<CaCertificate> ca = selected(signers, CaCertificate::scope, serverName);
        if (ca.isEmpty()) {
            return new Admission.Refused(id, Refusal.OTHER_ACCOUNT, "not registered, and its CA is registered in no"
                    + " single account that the SNI host " + serverName + " names");
        }
        return autoRegistrationUnder(leaf, Pem.encode("CERTIFICATE", chain.get(0)), ca.get());
    }

    private Admission autoRegistrationUnder(ParsedCertificate leaf, String leafPem, CaCertificate ca) {
        String id = leaf.certificateId();
        if (ca.status() != CaCertificateStatus.ACTIVE) {
            return new Admission.Refused(id, Refusal.NO_AUTO_REGISTRATION, "not registered, and CA certificate "
                    + ca.certificateId() + " is " + ca.status());
        }
        if (ca.autoRegistrationStatus() != AutoRegistrationStatus.ENABLE) {
            return new Admission.Refused(id, Refusal.NO_AUTO_REGISTRATION, "not registered, and CA certificate "
                    + ca.certificateId() + " does not allow auto-registration");
        }
        try {
            // RegisterCertificate's checks of the certificate itself, refused here already rather than on CONNECT.
            RegistrationChecks.device(leaf, clock.instant());
        } catch (ServiceException e) {
            return new Admission.Refused(id, Refusal.NOT_REGISTRABLE,
                    "not registered, and not registrable: " + e.getMessage());
        }
        return new Admission.AutoRegister(id, leafPem, ca);
    }

    /**
     * The one registration the SNI host selects: the one in the account whose endpoint it names; failing that, when
     * the host names no account's endpoint (the advertised host, an IP address, none), the only registration.
     */
    private <T> Optional<T> selected(List<T> registrations, Function<T, Scope> scope, String serverName) {
        if (serverName != null) {
            for (T registration : registrations) {
                if (endpoints.isEndpointOf(scope.apply(registration), serverName)) {
                    return Optional.of(registration);
                }
            }
            if (endpoints.isAccountEndpoint(serverName)) {
                return Optional.empty();
            }
        }
        return registrations.size() == 1 ? Optional.of(registrations.get(0)) : Optional.empty();
    }

    private ParsedCertificate parse(byte[] der) {
        return codec.parse(Pem.encode("CERTIFICATE", der), "client certificate");
    }
}
