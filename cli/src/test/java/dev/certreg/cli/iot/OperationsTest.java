package dev.certreg.cli.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.CACertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.DescribeCaCertificateResponse;

/** Every operation through {@code certreg iot}, checked with the SDK, printed in the AWS CLI's layout. */
class OperationsTest extends RunningRegistry {
    private static final String ARN_PREFIX = "arn:aws:iot:us-east-1:123456789012:";

    @TempDir
    Path files;

    @Test
    void registerCaCertificateReadsFileArgumentsAndPrintsTheArnAndId() throws IOException {
        Issued ca = newCa("registered by the CLI");
        String code = iot("get-registration-code").json().get("registrationCode").asText();

        CliRun run = iot("register-ca-certificate", "--ca-certificate", file("ca.pem", ca.pem()),
                "--verification-certificate", file("verification.pem", ca.issue(code).pem()), "--set-as-active",
                "--allow-auto-registration", "--registration-config", "templateName=fleet-a",
                "--tags", "Key=env,Value=test", "Key=team,Value=iot", "--certificate-mode", "DEFAULT");

        assertThat(CliRun.keys(run.json())).containsExactly("certificateArn", "certificateId");
        String id = run.json().get("certificateId").asText();
        assertThat(run.json().get("certificateArn").asText()).isEqualTo(ARN_PREFIX + "cacert/" + id);
        DescribeCaCertificateResponse described = iot.describeCACertificate(r -> r.certificateId(id));
        assertThat(described.certificateDescription().statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.certificateDescription().autoRegistrationStatusAsString()).isEqualTo("ENABLE");
        assertThat(described.registrationConfig().templateName()).isEqualTo("fleet-a");
    }

    @Test
    void describeCaCertificatePrintsTheAwsCliLayout() {
        String id = registerCa(newCa("described"));

        CliRun run = iot("describe-ca-certificate", "--certificate-id", id);

        JsonNode description = run.json().get("certificateDescription");
        assertThat(CliRun.keys(description)).containsExactly("certificateArn", "certificateId", "status",
                "certificatePem", "ownedBy", "creationDate", "autoRegistrationStatus", "lastModifiedDate",
                "customerVersion", "generationId", "validity", "certificateMode");
        CACertificateDescription expected = iot.describeCACertificate(r -> r.certificateId(id))
                .certificateDescription();
        assertThat(run.out()).contains("\"creationDate\": " + pythonFloat(expected.creationDate().toEpochMilli()))
                .contains("\"notAfter\": " + expected.validity().notAfter().getEpochSecond() + ".0\n")
                .contains("\"customerVersion\": 1,");
    }

    @Test
    void updateCaCertificateChangesWhatIsGivenAndPrintsNothing() {
        String id = registerCa(newCa("updated"));

        CliRun update = iot("update-ca-certificate", "--certificate-id", id, "--new-status", "INACTIVE",
                "--new-auto-registration-status", "ENABLE", "--registration-config",
                "{\"templateName\": \"fleet-b\", \"roleArn\": \"arn:aws:iam::123456789012:role/provisioning\"}");

        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).isEmpty();
        DescribeCaCertificateResponse described = iot.describeCACertificate(r -> r.certificateId(id));
        assertThat(described.certificateDescription().statusAsString()).isEqualTo("INACTIVE");
        assertThat(described.registrationConfig().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/provisioning");
        assertThat(iot("update-ca-certificate", "--certificate-id", id, "--remove-auto-registration").exitCode())
                .isZero();
        assertThat(iot("describe-ca-certificate", "--certificate-id", id).json().has("registrationConfig")).isFalse();
    }

    @Test
    void listCaCertificatesFiltersByTemplateName() {
        String id = registerCa(newCa("templated"));
        iot.updateCACertificate(r -> r.certificateId(id).registrationConfig(c -> c.templateName("only-this-one")));

        CliRun run = iot("list-ca-certificates", "--template-name", "only-this-one");

        assertThat(run.certificateIds()).containsExactly(id);
        assertThat(CliRun.keys(run.json().get("certificates").get(0)))
                .containsExactly("certificateArn", "certificateId", "status", "creationDate");
    }

    @Test
    void registerCertificateUnderItsCaThenDescribeIt() throws IOException {
        Issued ca = newCa("device issuer");
        String caId = registerCa(ca);

        CliRun run = iot("register-certificate", "--certificate-pem", file("device.pem", ca.issue("d1").pem()),
                "--ca-certificate-pem", file("ca.pem", ca.pem()), "--status", "INACTIVE");
        String id = run.json().get("certificateId").asText();
        JsonNode description = iot("describe-certificate", "--certificate-id", id).json()
                .get("certificateDescription");

        assertThat(run.json().get("certificateArn").asText()).isEqualTo(ARN_PREFIX + "cert/" + id);
        assertThat(CliRun.keys(description)).containsExactly("certificateArn", "certificateId", "caCertificateId",
                "status", "certificatePem", "ownedBy", "creationDate", "lastModifiedDate", "customerVersion",
                "transferData", "generationId", "validity", "certificateMode");
        assertThat(description.get("caCertificateId").asText()).isEqualTo(caId);
        assertThat(description.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(description.get("transferData").isEmpty()).isTrue();
    }

    @Test
    void setAsActiveRegistersAnActiveCertificate() {
        Issued ca = newCa("activating issuer");
        registerCa(ca);

        CliRun run = iot("register-certificate", "--certificate-pem", ca.issue("d2").pem(), "--set-as-active");

        CertificateDescription described = iot.describeCertificate(
                r -> r.certificateId(run.json().get("certificateId").asText())).certificateDescription();
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void registerCertificateWithoutCaGivesAnSniOnlyCertificate() {
        CliRun run = iot("register-certificate-without-ca", "--certificate-pem",
                newCa("unregistered issuer").issue("d3").pem(), "--status", "ACTIVE");

        CertificateDescription described = iot.describeCertificate(
                r -> r.certificateId(run.json().get("certificateId").asText())).certificateDescription();
        assertThat(described.certificateModeAsString()).isEqualTo("SNI_ONLY");
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void aTransferIsOfferedAcceptedByTheOtherAccountOrCancelled() {
        String accepted = iot("register-certificate-without-ca", "--certificate-pem",
                TestPki.selfSignedLeaf("moving").pem()).json().get("certificateId").asText();
        String cancelled = iot("register-certificate-without-ca", "--certificate-pem",
                TestPki.selfSignedLeaf("staying").pem()).json().get("certificateId").asText();

        CliRun offer = iot("transfer-certificate", "--certificate-id", accepted, "--target-aws-account",
                "210987654321", "--transfer-message", "yours now");
        CliRun accept = iot("accept-certificate-transfer", "--certificate-id", accepted, "--set-as-active",
                "--profile", "other-account", "--region", "us-east-1");
        iot("transfer-certificate", "--certificate-id", cancelled, "--target-aws-account", "210987654321");
        CliRun cancel = iot("cancel-certificate-transfer", "--certificate-id", cancelled);

        assertThat(offer.exitCode()).as(offer.err()).isZero();
        assertThat(offer.json().get("transferredCertificateArn").asText())
                .isEqualTo("arn:aws:iot:us-east-1:210987654321:cert/" + accepted);
        assertThat(accept.exitCode()).as(accept.err()).isZero();
        assertThat(accept.out()).isEmpty();
        JsonNode moved = iot("describe-certificate", "--certificate-id", accepted, "--profile", "other-account",
                "--region", "us-east-1").json().get("certificateDescription");
        assertThat(moved.get("ownedBy").asText()).isEqualTo("210987654321");
        assertThat(moved.get("previousOwnedBy").asText()).isEqualTo("123456789012");
        assertThat(moved.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(iot("describe-certificate", "--certificate-id", cancelled).json().get("certificateDescription")
                .get("status").asText()).isEqualTo("INACTIVE");
        CliRun again = iot("reject-certificate-transfer", "--certificate-id", cancelled, "--reject-reason", "no");
        assertThat(again.exitCode()).isEqualTo(255);
        assertThat(again.err()).contains("(TransferAlreadyCompletedException) when calling the "
                + "RejectCertificateTransfer");
    }

    @Test
    void updateCertificateAndDeleteCertificatePrintNothing() {
        Issued ca = newCa("revoking issuer");
        registerCa(ca);
        String id = registerDevices(ca, 1).get(0);

        CliRun revoke = iot("update-certificate", "--certificate-id", id, "--new-status", "REVOKED");
        CliRun delete = iot("delete-certificate", "--certificate-id", id, "--force-delete");

        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).isEmpty();
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).isEmpty();
        assertThat(iot("describe-certificate", "--certificate-id", id).err())
                .isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the DescribeCertificate "
                        + "operation: Certificate " + id + " does not exist\n");
    }

    @Test
    void deleteCaCertificateRefusesAnActiveCaAndDeletesAnInactiveOne() {
        String id = registerCa(newCa("deleted"));

        CliRun refused = iot("delete-ca-certificate", "--certificate-id", id);
        iot("update-ca-certificate", "--certificate-id", id, "--new-status", "INACTIVE");
        CliRun deleted = iot("delete-ca-certificate", "--certificate-id", id);

        assertThat(refused.exitCode()).isEqualTo(255);
        assertThat(refused.err()).startsWith("\nAn error occurred (CertificateStateException) when calling the "
                + "DeleteCACertificate operation: ");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEmpty();
    }

    @Test
    void theRegistrationCodeIsStableUntilDeleted() {
        String first = iot("get-registration-code").json().get("registrationCode").asText();
        String again = iot("get-registration-code").json().get("registrationCode").asText();
        CliRun delete = iot("delete-registration-code");
        String next = iot("get-registration-code").json().get("registrationCode").asText();

        assertThat(again).isEqualTo(first);
        assertThat(delete.out()).isEmpty();
        assertThat(next).hasSize(64).isNotEqualTo(first);
    }

    @Test
    void tableOutputIsTheAwsClisTable() {
        String code = iot.getRegistrationCode(r -> {}).registrationCode();

        CliRun run = iot("get-registration-code", "--output", "table");

        assertThat(run.out()).isEqualTo("""
                ------------------------------------------------------------------------------------------
                |                                   GetRegistrationCode                                  |
                +------------------+---------------------------------------------------------------------+
                |  registrationCode|  %s   |
                +------------------+---------------------------------------------------------------------+
                """.formatted(code));
    }

    @Test
    void createKeysAndCertificatePrintsTheKeyPairWithCapitalisedMembers() {
        CliRun run = iot("create-keys-and-certificate", "--set-as-active");

        assertThat(CliRun.keys(run.json())).containsExactly("certificateArn", "certificateId", "certificatePem",
                "keyPair");
        assertThat(CliRun.keys(run.json().get("keyPair"))).containsExactly("PublicKey", "PrivateKey");
        assertThat(run.json().get("keyPair").get("PrivateKey").asText())
                .startsWith("-----BEGIN RSA PRIVATE KEY-----");
        CertificateDescription described = iot.describeCertificate(
                r -> r.certificateId(run.json().get("certificateId").asText())).certificateDescription();
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.certificatePem()).isEqualTo(run.json().get("certificatePem").asText());
    }

    @Test
    void createCertificateFromCsrReadsTheCsrFromAFile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=cli-device"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        String csrPem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder().encodeToString(csr.getEncoded()) + "\n-----END CERTIFICATE REQUEST-----\n";

        CliRun run = iot("create-certificate-from-csr", "--certificate-signing-request", file("device.csr", csrPem));

        assertThat(CliRun.keys(run.json())).containsExactly("certificateArn", "certificateId", "certificatePem");
        String id = run.json().get("certificateId").asText();
        assertThat(run.json().get("certificateArn").asText()).isEqualTo(ARN_PREFIX + "cert/" + id);
        assertThat(iot.describeCertificate(r -> r.certificateId(id)).certificateDescription().statusAsString())
                .isEqualTo("INACTIVE");
    }

    @Test
    void describeEndpointDefaultsToTheDataEndpointAndTakesAType() {
        String data = iot("describe-endpoint").json().get("endpointAddress").asText();
        String ats = iot("describe-endpoint", "--endpoint-type", "iot:Data-ATS").json().get("endpointAddress")
                .asText();
        CliRun unknown = iot("describe-endpoint", "--endpoint-type", "iot:Nope");

        assertThat(data).matches("[a-z0-9]{14}\\.iot\\.us-east-1\\.amazonaws\\.com");
        assertThat(ats).isEqualTo(data.substring(0, 14) + "-ats.iot.us-east-1.amazonaws.com");
        assertThat(unknown.exitCode()).isEqualTo(255);
        assertThat(unknown.err()).isEqualTo("\nAn error occurred (InvalidRequestException) when calling the "
                + "DescribeEndpoint operation: Endpoint type iot:Nope not recognized.\n");
    }

    private String file(String name, String content) throws IOException {
        return "file://" + Files.writeString(files.resolve(name), content);
    }

    private static String pythonFloat(long epochMillis) {
        return new java.math.BigDecimal(epochMillis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
