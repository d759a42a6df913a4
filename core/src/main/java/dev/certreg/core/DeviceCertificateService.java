package dev.certreg.core;

import dev.certreg.core.x509.ParsedCertificate;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Device certificates: RegisterCertificate(WithoutCA), Describe/Update/DeleteCertificate, ListCertificates and
 * ListCertificatesByCA. Thread-safe.
 */
public final class DeviceCertificateService {
    /** As many CAs as one subject may have (RegisterCACertificate's limit), so a full set is always searched. */
    static final int MAX_ISSUER_CANDIDATES = CaCertificateService.MAX_CAS_PER_SUBJECT;

    private final CertificateStore store;
    private final X509Codec codec;
    private final CertificateLists lists;
    private final Audits audits;
    private final CertificateChangeListener changes;
    private final CaKeys caKeys;

    public DeviceCertificateService(CertificateStore store, X509Codec codec, CertificateLists lists, Audits audits) {
        this(store, codec, lists, audits, CertificateChangeListener.NONE);
    }

    /** A service that tells {@code changes} of every committed status change and deletion. */
    public DeviceCertificateService(CertificateStore store, X509Codec codec, CertificateLists lists, Audits audits,
            CertificateChangeListener changes) {
        this(store, codec, lists, audits, changes, new CaKeys(codec));
    }

    /** A service that checks signatures with the CA keys of {@code caKeys}, shared with the CA service. */
    public DeviceCertificateService(CertificateStore store, X509Codec codec, CertificateLists lists, Audits audits,
            CertificateChangeListener changes, CaKeys caKeys) {
        this.store = store;
        this.codec = codec;
        this.lists = lists;
        this.audits = audits;
        this.changes = changes;
        this.caKeys = caKeys;
    }

    /** RegisterCertificate: a device certificate signed by one of the scope's registered, ACTIVE CAs. */
    public Registered register(Scope scope, DeviceRegistration request) {
        ParsedCertificate device = parseDevice(request.certificatePem());
        CertificateStatus status = initialStatus(request);
        // A certificate the scope already holds (one certreg issued included) is a 409, whatever its CA: the API
        // reference (RegisterCertificate) lists ResourceAlreadyExistsException, and SDK callers test for it.
        if (store.findDeviceCertificate(scope, device.certificateId()).isPresent()) {
            throw ServiceException.alreadyExists("The certificate is already provisioned or registered",
                    device.certificateId(), scope.certificateArn(device.certificateId()));
        }
        CaCertificate ca = request.caCertificatePem() != null
                ? signingNamedCa(device, namedCa(scope, request.caCertificatePem()))
                : caByIssuer(device, store.findCaCertificatesBySubject(scope, device.issuer()));
        requireActive(ca);
        return insert(scope, device, request.certificatePem(), ca.certificateId(), status, ca.mode());
    }

    /**
     * RegisterCertificate, or with {@code withoutCa} RegisterCertificateWithoutCA, of each of {@code requests}, with
     * the checks each would get alone, the certificates that pass being stored in one transaction
     * ({@link CertificateStore#insertDeviceCertificates}). The outcomes are in the order of the requests. A CA is
     * looked up (and a named CA's PEM parsed) once per call instead of once per certificate. For bulk imports: a
     * caller checks several batches on as many threads to use every core.
     */
    public List<RegistrationOutcome> registerAll(Scope scope, List<DeviceRegistration> requests, boolean withoutCa) {
        RegistrationOutcome[] outcomes = new RegistrationOutcome[requests.size()];
        List<DeviceCertificate> records = new ArrayList<>(requests.size());
        List<Integer> positions = new ArrayList<>(requests.size());
        BatchCas cas = new BatchCas(scope);
        for (int i = 0; i < requests.size(); i++) {
            DeviceRegistration request = requests.get(i);
            try {
                ParsedCertificate device = parseDevice(request.certificatePem());
                CertificateStatus status = initialStatus(request);
                CaCertificate ca = withoutCa ? null : cas.checkedCa(device, request.caCertificatePem());
                records.add(new DeviceCertificate(scope, device.certificateId(), request.certificatePem(),
                        ca == null ? null : ca.certificateId(), status, ca == null ? CertificateMode.SNI_ONLY : ca.mode(),
                        device.validity(), audits.created()));
                positions.add(i);
            } catch (ServiceException e) {
                outcomes[i] = RegistrationOutcome.of(e);
            }
        }
        List<Boolean> stored = store.insertDeviceCertificates(records);
        for (int j = 0; j < records.size(); j++) {
            DeviceCertificate record = records.get(j);
            outcomes[positions.get(j)] = stored.get(j)
                    ? RegistrationOutcome.of(new Registered(record.arn(), record.certificateId()))
                    : RegistrationOutcome.of(ServiceException.alreadyExists(
                            "The certificate is already provisioned or registered", record.certificateId(),
                            record.arn()));
        }
        return List.of(outcomes);
    }

    /** The CAs of one {@link #registerAll} call, each looked up once. Not thread-safe. */
    private final class BatchCas {
        private final Scope scope;
        private final Map<String, NamedCa> named = new HashMap<>();
        private final Map<String, List<CaCertificate>> bySubject = new HashMap<>();

        BatchCas(Scope scope) {
            this.scope = scope;
        }

        /**
         * The ACTIVE CA that signed {@code device}, checked as {@link #register} checks it; as there, a certificate
         * the scope already holds is a 409 first, and costs no signature check.
         */
        CaCertificate checkedCa(ParsedCertificate device, String caPem) {
            if (store.findDeviceCertificate(scope, device.certificateId()).isPresent()) {
                throw ServiceException.alreadyExists("The certificate is already provisioned or registered",
                        device.certificateId(), scope.certificateArn(device.certificateId()));
            }
            CaCertificate ca = caPem != null
                    ? signingNamedCa(device, named.computeIfAbsent(caPem, pem -> namedCa(scope, pem)))
                    : caByIssuer(device, bySubject.computeIfAbsent(device.issuer(),
                            subject -> store.findCaCertificatesBySubject(scope, subject)));
            requireActive(ca);
            return ca;
        }
    }

    private static void requireActive(CaCertificate ca) {
        if (ca.status() != CaCertificateStatus.ACTIVE) {
            throw ServiceException.certificateState("CA certificate " + ca.certificateId() + " is "
                    + ca.status() + "; only an ACTIVE CA can register certificates");
        }
    }

    /** RegisterCertificateWithoutCA: a device certificate in SNI_ONLY mode with no CA. */
    public Registered registerWithoutCa(Scope scope, DeviceRegistration request) {
        ParsedCertificate device = parseDevice(request.certificatePem());
        CertificateStatus status = initialStatus(request);
        return insert(scope, device, request.certificatePem(), null, status, CertificateMode.SNI_ONLY);
    }

    /**
     * Just-in-time registration: a device presented {@code pem}, signed by {@code ca}, on the device endpoint. It is
     * registered PENDING_ACTIVATION under the CA in the CA owner's account, if the CA still is ACTIVE and allows
     * auto-registration (AWS IoT developer guide, "Just-in-time registration of client certificates" and "Deactivate
     * a CA certificate"), by the rules of RegisterCertificate: the same checks of the certificate, of its signature
     * by the CA, and one registration per certificate, whichever of its spellings ({@code ServiceException}
     * otherwise, nothing registered). A certificate registered meanwhile under the same id is returned as it stands.
     */
    public DeviceCertificate registerPendingActivation(CaCertificate ca, String pem) {
        ParsedCertificate device = parseDevice(pem);
        Optional<DeviceCertificate> registered = store.findDeviceCertificate(ca.scope(), device.certificateId());
        if (registered.isPresent()) {
            return registered.get();
        }
        CaCertificate current = store.findCaCertificate(ca.scope(), ca.certificateId())
                .filter(c -> c.autoRegistrationStatus() == AutoRegistrationStatus.ENABLE)
                .orElseThrow(() -> ServiceException.certificateState("CA certificate " + ca.certificateId()
                        + " no longer allows auto-registration"));
        signingNamedCa(device, new NamedCa(current, current.subject()));
        requireActive(current);
        try {
            insert(current.scope(), device, pem, current.certificateId(), CertificateStatus.PENDING_ACTIVATION,
                    current.mode());
        } catch (ServiceException e) {
            // The same certificate registered by a concurrent CONNECT is that registration; another spelling of a
            // certificate the account holds, or one offered to it, stays refused as RegisterCertificate refuses it.
            return store.findDeviceCertificate(current.scope(), device.certificateId())
                    .filter(c -> e.errorCode() == ErrorCode.RESOURCE_ALREADY_EXISTS)
                    .orElseThrow(() -> e);
        }
        return owned(current.scope(), device.certificateId());
    }

    private ParsedCertificate parseDevice(String pem) {
        ParsedCertificate device = codec.parse(pem, "certificate");
        RegistrationChecks.device(device, audits.now());
        return device;
    }

    private static CertificateStatus initialStatus(DeviceRegistration request) {
        if (Boolean.TRUE.equals(request.setAsActive())) {
            return CertificateStatus.ACTIVE;
        }
        if (request.status() == null) {
            return CertificateStatus.INACTIVE;
        }
        if (!request.status().isRequestable()) {
            throw ServiceException.invalidRequest(
                    "status must be ACTIVE, INACTIVE or REVOKED at registration, got " + request.status());
        }
        return request.status();
    }

    /** A CA named by its PEM in a request: its registration and the subject its PEM gives. */
    private record NamedCa(CaCertificate ca, String subject) {}

    private NamedCa namedCa(Scope scope, String caPem) {
        ParsedCertificate caCertificate = codec.parse(caPem, "CA certificate");
        CaCertificate ca = store.findCaCertificate(scope, caCertificate.certificateId())
                .orElseThrow(() -> ServiceException.certificateValidation("CA certificate "
                        + caCertificate.certificateId() + " is not registered in this account and region"));
        return new NamedCa(ca, caCertificate.subject());
    }

    private CaCertificate signingNamedCa(ParsedCertificate device, NamedCa named) {
        if (!device.issuer().equals(named.subject()) || !device.isSignedBy(caKeys.of(named.ca()))) {
            throw ServiceException.certificateValidation(
                    "The certificate is not signed by CA certificate " + named.ca().certificateId());
        }
        return named.ca();
    }

    /**
     * The one registered CA whose subject is the issuer and whose key verifies the signature. At most
     * {@link #MAX_ISSUER_CANDIDATES} keys are tried, and {@link dev.certreg.core.x509.IssuerKey} verifies nothing with a
     * key out of bounds: a CA stored before the bounds with a chosen huge key must not cost seconds of CPU.
     */
    private CaCertificate caByIssuer(ParsedCertificate device, List<CaCertificate> bySubject) {
        List<CaCertificate> signers = bySubject.stream()
                .limit(MAX_ISSUER_CANDIDATES)
                .filter(ca -> isSignedBy(device, ca))
                .toList();
        if (signers.isEmpty()) {
            throw ServiceException.certificateValidation(
                    "No registered CA certificate signed this certificate (issuer " + device.issuer() + ")");
        }
        if (signers.size() > 1) {
            throw new ServiceException(ErrorCode.CERTIFICATE_CONFLICT, "More than one registered CA certificate "
                    + "has the issuer's subject and key; give caCertificatePem to choose one");
        }
        return signers.get(0);
    }

    private boolean isSignedBy(ParsedCertificate device, CaCertificate ca) {
        try {
            return device.isSignedBy(caKeys.of(ca));
        } catch (ServiceException storedBeforeTheRulesTightened) {
            return false;
        }
    }

    private Registered insert(Scope scope, ParsedCertificate device, String pem, String caId,
            CertificateStatus status, CertificateMode mode) {
        DeviceCertificate record = new DeviceCertificate(scope, device.certificateId(), pem, caId, status, mode,
                device.validity(), audits.created());
        // A certificate offered to this account is already listed here: accept or reject the offer instead.
        if (!store.insertDeviceCertificate(record)) {
            throw ServiceException.alreadyExists("The certificate is already provisioned or registered",
                    record.certificateId(), record.arn());
        }
        return new Registered(record.arn(), record.certificateId());
    }

    /** DescribeCertificate: one of the scope's certificates, or one whose transfer to the scope is pending. */
    public DeviceCertificate describe(Scope scope, String certificateId) {
        return store.findDeviceCertificate(scope, certificateId)
                .or(() -> store.findPendingTransfer(scope, certificateId))
                .orElseThrow(() -> notFound(certificateId));
    }

    private DeviceCertificate owned(Scope scope, String certificateId) {
        return store.findDeviceCertificate(scope, certificateId).orElseThrow(() -> notFound(certificateId));
    }

    static ServiceException notFound(String certificateId) {
        return ServiceException.notFound("Certificate " + certificateId + " does not exist");
    }

    /** UpdateCertificate: the status changes the AWS IoT API reference allows (UpdateCertificate). */
    public void update(Scope scope, String certificateId, CertificateStatus newStatus) {
        if (!newStatus.isRequestable()) {
            throw ServiceException.invalidRequest(
                    "newStatus must be ACTIVE, INACTIVE or REVOKED, got " + newStatus);
        }
        Versioned.retry(() -> {
            DeviceCertificate current = owned(scope, certificateId);
            if (current.status() == newStatus) {
                return true;
            }
            if (current.status() == CertificateStatus.REVOKED
                    || current.status() == CertificateStatus.PENDING_TRANSFER) {
                throw ServiceException.certificateState("Certificate " + certificateId + " is "
                        + current.status() + " and cannot become " + newStatus);
            }
            return store.replaceDeviceCertificate(withStatus(current, newStatus), current.audit().customerVersion());
        });
        changes.certificateChanged(certificateId);
    }

    private DeviceCertificate withStatus(DeviceCertificate c, CertificateStatus status) {
        Audit audit = audits.changed(c.audit());
        return c.changed(c.scope(), status, c.transfer(), audit);
    }

    /**
     * DeleteCertificate (API reference, DeleteCertificate): refused while the certificate is ACTIVE or
     * PENDING_TRANSFER (CertificateStateException), then, unless {@code forceDelete}, while policies are attached
     * (DeleteConflictException); {@code forceDelete} detaches them in the transaction that deletes. A thing
     * attachment is a DeleteConflictException either way: the API reference lets {@code forceDelete} go past
     * policies only "if the certificate is not attached to an IoT thing".
     */
    public void delete(Scope scope, String certificateId, boolean forceDelete) {
        Versioned.retry(() -> {
            DeviceCertificate current = owned(scope, certificateId);
            if (current.status() == CertificateStatus.ACTIVE) {
                throw ServiceException.certificateState(
                        "Certificate must be deactivated (not ACTIVE) before deletion. Id: " + certificateId);
            }
            if (current.status() == CertificateStatus.PENDING_TRANSFER) {
                throw ServiceException.certificateState(
                        "Certificate " + certificateId + " is PENDING_TRANSFER; cancel or reject the transfer first");
            }
            checkNoThings(current);
            int version = current.audit().customerVersion();
            if (store.deleteDeviceCertificate(scope, certificateId, version, forceDelete)) {
                return true;
            }
            if (!forceDelete && !store.policies().attachedPolicies(scope, current.arn()).isEmpty()) {
                // moto's text: AWS does not publish its own.
                throw new ServiceException(ErrorCode.DELETE_CONFLICT,
                        "Certificate policies must be detached before deletion (arn: " + current.arn() + ")");
            }
            return false;
        });
        changes.certificateChanged(certificateId);
    }

    /** DeleteConflictException if any thing is attached to the certificate. */
    private void checkNoThings(DeviceCertificate certificate) {
        if (!store.things().listPrincipalThings(certificate.scope(), certificate.certificateId(), null,
                Optional.empty(), 1).items().isEmpty()) {
            throw new ServiceException(ErrorCode.DELETE_CONFLICT,
                    "Things must be detached before deletion (arn: " + certificate.arn() + ")");
        }
    }

    /** ListCertificates: the scope's certificates and those whose transfer to the scope is pending. */
    public ListResult list(Scope scope, ListQuery query) {
        ListBinding binding = new ListBinding(ListKind.CERTIFICATES, "", query.ascending());
        return lists.page(scope, binding, query, request -> store.listDeviceCertificates(scope, request));
    }

    /** ListCertificatesByCA: every certificate registered under the CA id, whether or not that CA still exists. */
    public ListResult listByCa(Scope scope, String caCertificateId, ListQuery query) {
        ListBinding binding = new ListBinding(ListKind.CERTIFICATES_BY_CA, caCertificateId, query.ascending());
        return lists.page(scope, binding, query,
                request -> store.listDeviceCertificatesByCa(scope, caCertificateId, request));
    }
}
