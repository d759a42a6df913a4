package dev.certreg.core;

import dev.certreg.core.x509.ParsedCertificate;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.protocol.ErrorCode;
import java.util.HexFormat;
import java.util.Random;

/**
 * CA certificates and registration codes: RegisterCACertificate, Describe/Update/Delete/ListCACertificates,
 * Get/DeleteRegistrationCode. Thread-safe.
 */
public final class CaCertificateService {
    /** How many CA certificates of one account may share a subject. */
    static final int MAX_CAS_PER_SUBJECT = 10;

    private final CertificateStore store;
    private final X509Codec codec;
    private final CertificateLists lists;
    private final Audits audits;
    private final Random random;
    private final CaKeys caKeys;

    public CaCertificateService(
            CertificateStore store, X509Codec codec, CertificateLists lists, Audits audits, Random random) {
        this(store, codec, lists, audits, random, new CaKeys(codec));
    }

    /** A service that drops a CA's key from {@code caKeys}, shared with the device service, on update and delete. */
    public CaCertificateService(CertificateStore store, X509Codec codec, CertificateLists lists, Audits audits,
            Random random, CaKeys caKeys) {
        this.caKeys = caKeys;
        this.store = store;
        this.codec = codec;
        this.lists = lists;
        this.audits = audits;
        this.random = random;
    }

    /** The scope's registration code, created on first use and stable until deleted. */
    public String getRegistrationCode(Scope scope) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return store.registrationCode(scope, HexFormat.of().formatHex(bytes));
    }

    public void deleteRegistrationCode(Scope scope) {
        if (!store.deleteRegistrationCode(scope)) {
            throw ServiceException.notFound("There is no registration code for account " + scope.account()
                    + " in " + scope.region());
        }
    }

    public Registered register(Scope scope, CaRegistration request) {
        ParsedCertificate ca = codec.parse(request.caCertificatePem(), "CA certificate");
        checkUsableAsCa(ca);
        CertificateMode mode = request.mode() == null ? CertificateMode.DEFAULT : request.mode();
        checkProofOfPossession(scope, ca, mode, request.verificationCertificatePem());
        CaCertificate record = newRecord(scope, ca, mode, request);
        return switch (store.insertCaCertificate(record, MAX_CAS_PER_SUBJECT)) {
            case INSERTED -> new Registered(record.arn(), record.certificateId());
            case ALREADY_IN_SCOPE -> throw alreadyRegistered(scope, ca.certificateId());
            case DEFAULT_MODE_HELD_ELSEWHERE -> throw ServiceException.alreadyExists("The CA certificate is already "
                    + "registered in DEFAULT mode by another account in " + scope.region(), ca.certificateId(),
                    scope.caCertificateArn(ca.certificateId()));
            case SUBJECT_LIMIT_REACHED -> throw new ServiceException(ErrorCode.LIMIT_EXCEEDED, "Account "
                    + scope.account() + " already has " + MAX_CAS_PER_SUBJECT + " CA certificates with subject "
                    + ca.subject());
        };
    }

    private void checkUsableAsCa(ParsedCertificate ca) {
        if (!ca.isCa()) {
            throw ServiceException.certificateValidation(
                    "The CA certificate does not have the basicConstraints extension as true");
        }
        if (!ca.maySignCertificates()) {
            throw ServiceException.certificateValidation(
                    "The CA certificate's keyUsage extension does not allow keyCertSign");
        }
        RegistrationChecks.supportedKey(ca, "CA certificate");
        RegistrationChecks.validAt(ca, "CA certificate", audits.now());
    }

    private void checkProofOfPossession(
            Scope scope, ParsedCertificate ca, CertificateMode mode, String verificationPem) {
        if (mode == CertificateMode.SNI_ONLY) {
            if (verificationPem != null) {
                throw ServiceException.invalidRequest(
                        "verificationCertificate must not be given for a CA in SNI_ONLY mode");
            }
            return;
        }
        if (verificationPem == null) {
            throw ServiceException.invalidRequest("verificationCertificate is required for a CA in DEFAULT mode");
        }
        ParsedCertificate verification = codec.parse(verificationPem, "verification certificate");
        String code = store.findRegistrationCode(scope).orElseThrow(() -> new ServiceException(
                ErrorCode.REGISTRATION_CODE_VALIDATION,
                "There is no registration code for this account and region; call GetRegistrationCode first"));
        if (!verification.commonName().map(code::equals).orElse(false)) {
            throw new ServiceException(ErrorCode.REGISTRATION_CODE_VALIDATION,
                    "The verification certificate's common name does not match the registration code");
        }
        if (!verification.isSignedBy(ca)) {
            throw ServiceException.certificateValidation(
                    "The verification certificate is not signed by the CA certificate's private key");
        }
    }

    private static ServiceException alreadyRegistered(Scope scope, String certificateId) {
        return ServiceException.alreadyExists("The certificate is already provisioned or registered",
                certificateId, scope.caCertificateArn(certificateId));
    }

    private CaCertificate newRecord(Scope scope, ParsedCertificate ca, CertificateMode mode, CaRegistration request) {
        return new CaCertificate(scope, ca.certificateId(), request.caCertificatePem(), ca.subject(),
                request.setAsActive() ? CaCertificateStatus.ACTIVE : CaCertificateStatus.INACTIVE,
                request.allowAutoRegistration() ? AutoRegistrationStatus.ENABLE : AutoRegistrationStatus.DISABLE,
                mode, request.registrationConfig(), ca.validity(),
                audits.created(), TagService.checkedOnCreate(request.tags()));
    }

    public CaCertificate describe(Scope scope, String certificateId) {
        return store.findCaCertificate(scope, certificateId)
                .orElseThrow(() -> ServiceException.notFound("CA certificate " + certificateId + " does not exist"));
    }

    public void update(Scope scope, String certificateId, CaUpdate update) {
        if (update.removeAutoRegistration() && update.registrationConfig() != null) {
            throw ServiceException.invalidRequest(
                    "removeAutoRegistration cannot be combined with a new registrationConfig");
        }
        Versioned.retry(() -> {
            CaCertificate current = describe(scope, certificateId);
            return store.replaceCaCertificate(applied(current, update), current.audit().customerVersion());
        });
        caKeys.invalidate(certificateId);
    }

    private CaCertificate applied(CaCertificate c, CaUpdate u) {
        RegistrationConfig config = u.removeAutoRegistration()
                ? null
                : u.registrationConfig() != null ? u.registrationConfig() : c.registrationConfig();
        return new CaCertificate(c.scope(), c.certificateId(), c.certificatePem(), c.subject(),
                u.newStatus() != null ? u.newStatus() : c.status(),
                u.newAutoRegistrationStatus() != null ? u.newAutoRegistrationStatus() : c.autoRegistrationStatus(),
                c.mode(), config, c.validity(), audits.changed(c.audit()), c.tags());
    }

    public void delete(Scope scope, String certificateId) {
        Versioned.retry(() -> {
            CaCertificate current = describe(scope, certificateId);
            if (current.status() == CaCertificateStatus.ACTIVE) {
                throw ServiceException.certificateState("CA certificate " + certificateId
                        + " is ACTIVE; set it INACTIVE before deleting it");
            }
            return store.deleteCaCertificate(scope, certificateId, current.audit().customerVersion());
        });
        caKeys.invalidate(certificateId);
    }

    public ListResult list(Scope scope, String templateName, ListQuery query) {
        ListBinding binding = new ListBinding(
                ListKind.CA_CERTIFICATES, templateName == null ? "" : templateName, query.ascending());
        return lists.page(scope, binding, query, request -> store.listCaCertificates(scope, templateName, request));
    }
}
