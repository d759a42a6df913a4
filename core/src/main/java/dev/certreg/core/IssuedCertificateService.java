package dev.certreg.core;

import dev.certreg.core.x509.CsrCodec;
import dev.certreg.core.x509.IssuingCa;
import dev.certreg.core.x509.ParsedCertificate;
import dev.certreg.core.x509.RsaKeys;
import dev.certreg.core.x509.X509Codec;
import java.security.KeyPair;
import java.time.Instant;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Certificates the registry issues itself (AWS IoT API reference): CreateKeysAndCertificate and
 * CreateCertificateFromCsr. They are stored as device certificates in DEFAULT mode with no CA id, INACTIVE unless
 * {@code setAsActive}. Thread-safe.
 */
public final class IssuedCertificateService {
    private final CertificateStore store;
    private final Supplier<IssuingCa> issuingCaSource;
    private final X509Codec codec;
    private final CsrCodec csrCodec = new CsrCodec();
    private final Audits audits;
    private volatile IssuingCa issuingCa;

    public IssuedCertificateService(CertificateStore store, IssuingCa issuingCa, X509Codec codec, Audits audits) {
        this(store, () -> issuingCa, codec, audits);
    }

    /**
     * A service that asks {@code issuingCa} for its CA on the first issue only: a registry that never issues never
     * pays for an RSA key.
     */
    public IssuedCertificateService(
            CertificateStore store, Supplier<IssuingCa> issuingCa, X509Codec codec, Audits audits) {
        this.store = store;
        this.issuingCaSource = issuingCa;
        this.codec = codec;
        this.audits = audits;
    }

    private IssuingCa issuingCa() {
        IssuingCa ca = issuingCa;
        if (ca == null) {
            synchronized (this) {
                ca = issuingCa;
                if (ca == null) {
                    ca = issuingCaSource.get();
                    issuingCa = ca;
                }
            }
        }
        return ca;
    }

    /** CreateKeysAndCertificate: a new RSA-2048 key pair and a certificate for it. */
    public KeysAndCertificate createKeysAndCertificate(Scope scope, Boolean setAsActive) {
        KeyPair keys = RsaKeys.generate();
        IssuedCertificate issued =
                issue(scope, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), setAsActive);
        return new KeysAndCertificate(
                issued, RsaKeys.publicKeyPem(keys.getPublic()), RsaKeys.privateKeyPem(keys.getPrivate()));
    }

    /** CreateCertificateFromCsr: a certificate for the key of a valid CSR. */
    public IssuedCertificate createFromCsr(Scope scope, String csrPem, Boolean setAsActive) {
        return issue(scope, csrCodec.subjectKey(csrPem), setAsActive);
    }

    private IssuedCertificate issue(Scope scope, SubjectPublicKeyInfo key, Boolean setAsActive) {
        Instant now = audits.now();
        String pem = issuingCa().issue(key, now);
        ParsedCertificate parsed = codec.parse(pem, "issued certificate");
        CertificateStatus status = Boolean.TRUE.equals(setAsActive)
                ? CertificateStatus.ACTIVE
                : CertificateStatus.INACTIVE;
        DeviceCertificate record = new DeviceCertificate(scope, parsed.certificateId(), pem, null, status,
                CertificateMode.DEFAULT, parsed.validity(), audits.created(now));
        if (!store.insertDeviceCertificate(record)) {
            // A fresh 159-bit random serial makes every issued certificate new; a clash means a broken random source.
            throw new IllegalStateException("Issued certificate " + record.certificateId() + " already exists");
        }
        return new IssuedCertificate(record.arn(), record.certificateId(), pem);
    }
}
