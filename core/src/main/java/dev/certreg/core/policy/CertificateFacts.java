package dev.certreg.core.policy;

import dev.certreg.core.DeviceCertificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What the X.509 certificate policy variables of AWS IoT resolve to ("X.509 Certificate AWS IoT Core policy
 * variables"): the subject's and issuer's attributes by AWS's names, their alternative names, the serial number and
 * the certificate id. Values are kept as the certificate has them, in order; {@link ContextKeys} applies AWS's limits.
 *
 * @param certificateId the certificate id (lowercase hex SHA-256 of the DER)
 * @param serialNumber the serial number in decimal
 * @param subject subject attribute values by AWS's attribute name ({@code CommonName}, {@code Organization}, …)
 * @param issuer issuer attribute values by AWS's attribute name
 * @param subjectAlternativeNames subject alternative names by AWS's type name ({@code DNSName}, {@code IPAddress}, …)
 * @param issuerAlternativeNames issuer alternative names by AWS's type name
 */
public record CertificateFacts(String certificateId, String serialNumber, Map<String, List<String>> subject,
        Map<String, List<String>> issuer, Map<String, List<String>> subjectAlternativeNames,
        Map<String, List<String>> issuerAlternativeNames) {
    /** AWS's attribute names, in the order the developer guide lists them, with their OIDs. */
    static final Map<String, ASN1ObjectIdentifier> ATTRIBUTES = attributes();
    /** AWS's alternative-name types by {@code GeneralName} tag (RFC 5280 section 4.2.1.6). */
    private static final Map<Integer, String> NAME_TYPES = Map.of(
            1, "RFC822Name", 2, "DNSName", 4, "DirectoryName", 6, "UniformResourceIdentifier", 7, "IPAddress");

    public CertificateFacts {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(serialNumber, "serialNumber");
        subject = copy(subject);
        issuer = copy(issuer);
        subjectAlternativeNames = copy(subjectAlternativeNames);
        issuerAlternativeNames = copy(issuerAlternativeNames);
    }

    /** The facts of a registered certificate, read from its stored PEM. */
    public static CertificateFacts of(DeviceCertificate certificate) {
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(certificate.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            return of(certificate.certificateId(), x509);
        } catch (CertificateException e) {
            throw new IllegalStateException("Registered certificate " + certificate.certificateId()
                    + " no longer parses", e);
        }
    }

    /** The facts of a parsed certificate; unreadable alternative names count as none. */
    public static CertificateFacts of(String certificateId, X509Certificate certificate) {
        return new CertificateFacts(certificateId, certificate.getSerialNumber().toString(),
                distinguishedName(certificate.getSubjectX500Principal()),
                distinguishedName(certificate.getIssuerX500Principal()),
                alternativeNames(certificate::getSubjectAlternativeNames),
                alternativeNames(certificate::getIssuerAlternativeNames));
    }

    private static Map<String, List<String>> distinguishedName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue pair : rdn.getTypesAndValues()) {
                ATTRIBUTES.forEach((awsName, oid) -> {
                    if (oid.equals(pair.getType())) {
                        values.computeIfAbsent(awsName, k -> new ArrayList<>())
                                .add(IETFUtils.valueToString(pair.getValue()));
                    }
                });
            }
        }
        return values;
    }

    /** The names of one alternative name extension by AWS's type name; none if it is absent or unreadable. */
    private static Map<String, List<String>> alternativeNames(AlternativeNames extension) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (List<?> entry : read(extension)) {
            String type = NAME_TYPES.get((Integer) entry.get(0));
            if (type != null && entry.get(1) instanceof String value) {
                values.computeIfAbsent(type, k -> new ArrayList<>()).add(value);
            }
        }
        return values;
    }

    /** One of the certificate's alternative name extensions, as {@link X509Certificate} reads it. */
    private interface AlternativeNames {
        Collection<List<?>> read() throws CertificateParsingException;
    }

    private static Collection<List<?>> read(AlternativeNames extension) {
        try {
            Collection<List<?>> names = extension.read();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException unreadable) {
            return List.of();
        }
    }

    private static Map<String, ASN1ObjectIdentifier> attributes() {
        Map<String, ASN1ObjectIdentifier> attributes = new LinkedHashMap<>();
        attributes.put("DistinguishedNameQualifier", BCStyle.DN_QUALIFIER);
        attributes.put("Country", BCStyle.C);
        attributes.put("Organization", BCStyle.O);
        attributes.put("OrganizationalUnit", BCStyle.OU);
        attributes.put("State", BCStyle.ST);
        attributes.put("CommonName", BCStyle.CN);
        attributes.put("SerialNumber", BCStyle.SERIALNUMBER);
        attributes.put("Title", BCStyle.T);
        attributes.put("Surname", BCStyle.SURNAME);
        attributes.put("GivenName", BCStyle.GIVENNAME);
        attributes.put("Initials", BCStyle.INITIALS);
        attributes.put("Pseudonym", BCStyle.PSEUDONYM);
        attributes.put("GenerationQualifier", BCStyle.GENERATION);
        return Map.copyOf(attributes);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
