package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import dev.certreg.core.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ContextKeysTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final String S = "iot:Certificate.Subject.";

    @Test
    void readsTheCertificateVariablesFromARealCertificate() throws Exception {
        X509Certificate certificate = mint(
                "CN=dev+CN=ops+CN=Administrator, O=Example Corp, O=Other\\, Inc, C=US, SERIALNUMBER=987",
                new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "example.com"),
                    new GeneralName(GeneralName.iPAddress, "1.2.3.4"),
                    new GeneralName(GeneralName.rfc822Name, "dev@example.com")}));

        ContextKeys keys = keys(CertificateFacts.of("ab".repeat(32), certificate));

        assertThat(keys.single(S + "CommonName")).contains("dev");
        assertThat(keys.single(S + "CommonName.1")).contains("ops");
        assertThat(keys.single(S + "CommonName.2")).contains("Administrator");
        assertThat(keys.single(S + "CommonName.3")).isEmpty();
        assertThat(keys.values(S + "CommonName.List")).contains(List.of("dev", "ops", "Administrator"));
        assertThat(keys.values(S + "Organization.List")).contains(List.of("Example Corp", "Other\\, Inc"));
        assertThat(keys.single(S + "Country")).contains("US");
        assertThat(keys.single(S + "SerialNumber")).contains("987");
        assertThat(keys.single(S + "AlternativeName.DNSName")).contains("example.com");
        assertThat(keys.single(S + "AlternativeName.IPAddress")).contains("1.2.3.4");
        assertThat(keys.single(S + "AlternativeName.RFC822Name")).contains("dev@example.com");
        assertThat(keys.single("iot:Certificate.Issuer.CommonName")).contains("policy tests CA");
        assertThat(keys.single("iot:Certificate.SerialNumber")).contains(certificate.getSerialNumber().toString());
        assertThat(keys.single("iot:CertificateId")).contains("ab".repeat(32));
        assertThat(keys.values("iot:Certificate.AvailableKeys").orElseThrow())
                .contains(S + "CommonName", S + "AlternativeName.DNSName", "iot:Certificate.SerialNumber")
                .doesNotContain(S + "Surname");
    }

    @Test
    void withholdsValuesWithWildcardCharactersOrOverLongOnes() {
        ContextKeys keys = keys(new CertificateFacts("id", "1",
                Map.of("CommonName", List.of("ok", "dev#1"), "Title", List.of("t".repeat(1025))),
                Map.of(), Map.of(), Map.of()));

        assertThat(keys.single(S + "CommonName")).contains("ok");
        assertThat(keys.withheld(S + "CommonName.1")).isTrue();
        assertThat(keys.single(S + "CommonName.1")).isEmpty();
        assertThat(keys.withheld(S + "CommonName.List")).isTrue();
        assertThat(keys.withheld(S + "Title")).isTrue();
    }

    @Test
    void cutsListsToFiveValues() {
        ContextKeys keys = keys(new CertificateFacts("id", "1",
                Map.of("OrganizationalUnit", List.of("a", "b", "c", "d", "e", "f")), Map.of(), Map.of(), Map.of()));

        assertThat(keys.values(S + "OrganizationalUnit.List")).contains(List.of("a", "b", "c", "d", "e"));
        assertThat(keys.single(S + "OrganizationalUnit.4")).contains("e");
        assertThat(keys.single(S + "OrganizationalUnit.5")).isEmpty();
    }

    @Test
    void thingVariablesResolveOnlyForAnAttachedThing() {
        ThingFacts thing = new ThingFacts("lamp-1", Optional.of("lamp"), Map.of("room", "kitchen"), true);
        ContextKeys attached = ContextKeys.of(context().thing(thing).build());
        ContextKeys detached = ContextKeys.of(context()
                .thing(new ThingFacts("lamp-1", Optional.of("lamp"), Map.of("room", "kitchen"), false)).build());
        ContextKeys none = ContextKeys.of(context().build());

        assertThat(attached.single("iot:Connection.Thing.IsAttached")).contains("true");
        assertThat(attached.single("iot:Connection.Thing.ThingName")).contains("lamp-1");
        assertThat(attached.single("iot:Thing.ThingName")).contains("lamp-1");
        assertThat(attached.single("iot:Connection.Thing.ThingTypeName")).contains("lamp");
        assertThat(attached.single("iot:Connection.Thing.Attributes[room]")).contains("kitchen");
        assertThat(detached.single("iot:Connection.Thing.IsAttached")).contains("false");
        assertThat(detached.single("iot:Connection.Thing.ThingName")).isEmpty();
        assertThat(detached.single("iot:Connection.Thing.Attributes[room]")).isEmpty();
        assertThat(none.single("iot:Connection.Thing.IsAttached")).contains("false");
    }

    @Test
    void carriesTheConnectionKeys() {
        ContextKeys keys = ContextKeys.of(context().sourceIp("10.0.0.1").domainName("x.iot.us-east-1.amazonaws.com")
                .connectAttributes(Set.of("LastWill")).lastWillTopic("arn:aws:iot:us-east-1:1:topic/w").build());

        assertThat(keys.single("iot:ClientId")).contains("c1");
        assertThat(keys.single("aws:SourceIp")).contains("10.0.0.1");
        assertThat(keys.single("iot:DomainName")).contains("x.iot.us-east-1.amazonaws.com");
        assertThat(keys.values("iot:ConnectAttributes")).contains(List.of("LastWill"));
        assertThat(keys.single("iot:LastWillTopic")).contains("arn:aws:iot:us-east-1:1:topic/w");
        assertThat(keys.single("aws:CurrentTime")).contains("1970-01-01T00:16:40Z");
        assertThat(keys.single("aws:EpochTime")).contains("1000");
    }

    private static RequestContext.Builder context() {
        return RequestContext.builder(SCOPE, Instant.ofEpochSecond(1000)).clientId("c1");
    }

    @Test
    void readsTheCertificateOnlyWhenACertificateVariableIsAskedFor() {
        AtomicInteger reads = new AtomicInteger();
        CertificateFacts facts = new CertificateFacts("cd".repeat(32), "7", Map.of("CommonName", List.of("lamp")),
                Map.of(), Map.of(), Map.of());
        ContextKeys keys = ContextKeys.of(context().clientId("lamp-1").certificate(facts.certificateId(), () -> {
            reads.incrementAndGet();
            return facts;
        }).build());

        assertThat(keys.single("iot:ClientId")).contains("lamp-1");
        assertThat(keys.single("iot:CertificateId")).contains("cd".repeat(32));
        assertThat(keys.withheld("iot:Connection.Thing.ThingName")).isFalse();
        assertThat(reads).hasValue(0);

        assertThat(keys.single("IOT:certificate.subject.commonname")).contains("lamp");
        assertThat(keys.values(S + "CommonName.List")).contains(List.of("lamp"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsTheThingOnlyWhenAThingVariableIsAskedFor() {
        AtomicInteger reads = new AtomicInteger();
        ThingFacts thing = new ThingFacts("lamp-1", Optional.empty(), Map.of("room", "hall"), true);
        ContextKeys keys = ContextKeys.of(context().clientId("lamp-1").thing(() -> {
            reads.incrementAndGet();
            return Optional.of(thing);
        }).build());

        assertThat(keys.single("iot:ClientId")).contains("lamp-1");
        assertThat(keys.withheld(S + "CommonName")).isFalse();
        assertThat(reads).hasValue(0);

        assertThat(keys.single("iot:thing.thingname")).contains("lamp-1");
        assertThat(keys.single("iot:Connection.Thing.IsAttached")).contains("true");
        assertThat(keys.single("iot:Connection.Thing.Attributes[room]")).contains("hall");
        assertThat(reads).hasValue(1);
    }

    private static ContextKeys keys(CertificateFacts facts) {
        return ContextKeys.of(context().certificate(facts).build());
    }

    private static X509Certificate mint(String subject, GeneralNames alternativeNames) throws Exception {
        TestPki.Issued ca = TestPki.ca("policy tests CA", TestPki.KeyType.EC);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keyPair = generator.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), BigInteger.valueOf(42),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject), keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keyPair().getPrivate())));
    }
}
