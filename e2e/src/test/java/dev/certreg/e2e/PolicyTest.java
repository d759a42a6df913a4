package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.AttachedPolicy;
import dev.certreg.core.NamedMarkers;
import dev.certreg.core.PolicyService;
import dev.certreg.core.Scope;
import dev.certreg.core.policy.AppliedPolicy;
import dev.certreg.core.policy.PolicyDocument;
import dev.certreg.core.policy.PolicySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iot.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.GetPolicyResponse;
import software.amazon.awssdk.services.iot.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.MalformedPolicyException;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.PolicyVersion;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TransferConflictException;
import software.amazon.awssdk.services.iot.model.VersionsLimitExceededException;

/** Policies, versions, attachments and the delete guards through the AWS SDK for Java v2. */
class PolicyTest extends RunningServer {
    static final String DOCUMENT = """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]
            }""";
    private static final String OTHER_DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":[\"iot:*\"],\"Resource\":\"*\"}}";

    private IotClient patching;

    @BeforeEach
    void patchingClient() {
        // HttpURLConnection cannot send PATCH, which SetDefaultPolicyVersion uses.
        patching = client("AKIDEXAMPLE", "us-east-1", Apache5HttpClient.create());
    }

    private CreateKeysAndCertificateResponse certificate() {
        return iot.createKeysAndCertificate(r -> r.setAsActive(true));
    }

    @Test
    void theFourStepProvisioningScriptRunsUnchanged() {
        // CreateThing -> CreateKeysAndCertificate -> AttachPolicy -> AttachThingPrincipal, as AWS IoT's users write it.
        iot.createThing(r -> r.thingName("MyLightBulb"));
        CreateKeysAndCertificateResponse cert = certificate();
        CreatePolicyResponse policy = iot.createPolicy(r -> r.policyName("PubSubToAnyTopic").policyDocument(DOCUMENT));
        iot.attachPolicy(r -> r.policyName("PubSubToAnyTopic").target(cert.certificateArn()));
        iot.attachThingPrincipal(r -> r.thingName("MyLightBulb").principal(cert.certificateArn()));

        assertThat(iot.listThingPrincipals(r -> r.thingName("MyLightBulb")).principals())
                .containsExactly(cert.certificateArn());
        assertThat(iot.listPrincipalThings(r -> r.principal(cert.certificateArn())).things())
                .containsExactly("MyLightBulb");

        assertThat(policy.policyArn()).isEqualTo("arn:aws:iot:us-east-1:" + DEFAULT_ACCOUNT + ":policy/PubSubToAnyTopic");
        assertThat(policy.policyVersionId()).isEqualTo("1");
        assertThat(policy.policyDocument()).isEqualTo(DOCUMENT);
        assertThat(iot.listAttachedPolicies(r -> r.target(cert.certificateArn())).policies())
                .containsExactly(Policy.builder().policyName("PubSubToAnyTopic").policyArn(policy.policyArn()).build());
        assertThat(iot.listTargetsForPolicy(r -> r.policyName("PubSubToAnyTopic")).targets())
                .containsExactly(cert.certificateArn());
        Scope scope = new Scope(DEFAULT_ACCOUNT, "us-east-1");
        assertThat(store.policies().attachedPolicies(scope, cert.certificateArn()))
                .containsExactly(new AttachedPolicy("PubSubToAnyTopic", DOCUMENT));
        PolicySource devicePlane = new PolicyService(store, new NamedMarkers(new byte[32]), clock);
        assertThat(devicePlane.policiesFor(scope, cert.certificateId()))
                .containsExactly(new AppliedPolicy("PubSubToAnyTopic", PolicyDocument.parse(DOCUMENT)));
    }

    @Test
    void aPolicyReadsBackWithItsDefaultVersionAndTheNameIsTakenOnce() {
        String name = "p+q=r,s.t@u-v";
        CreatePolicyResponse created = iot.createPolicy(r -> r.policyName(name).policyDocument(DOCUMENT));
        GetPolicyResponse got = iot.getPolicy(r -> r.policyName(name));
        assertThat(got.policyName()).isEqualTo(name);
        assertThat(got.policyArn()).isEqualTo(created.policyArn());
        assertThat(got.policyDocument()).isEqualTo(DOCUMENT);
        assertThat(got.defaultVersionId()).isEqualTo("1");
        assertThat(got.generationId()).matches("[0-9a-f]{64}");
        assertThat(got.creationDate()).isEqualTo(got.lastModifiedDate());

        assertThatThrownBy(() -> iot.createPolicy(r -> r.policyName(name).policyDocument(DOCUMENT)))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceId()).isEqualTo(name);
                    assertThat(e.resourceArn()).isEqualTo(created.policyArn());
                });
        assertThatThrownBy(() -> iot.getPolicy(r -> r.policyName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.getPolicy(r -> r.policyName("bad/name")))
                .isInstanceOf(Exception.class);
        iot.deletePolicy(r -> r.policyName(name));
        assertThatThrownBy(() -> iot.getPolicy(r -> r.policyName(name))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aDocumentThatIsNotAPolicyIsMalformed() {
        List<String> bad = List.of("", "not json", "[]", "{\"Statement\":[]}",
                "{\"Version\":\"2012-10-17\"}",
                "{\"Version\":\"2099-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"iot:*\",\"Resource\":\"*\"}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:*\"}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":"
                        + "\"*\",\"Bogus\":1}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\""
                        + "a".repeat(2048) + "\"}}");
        for (String document : bad) {
            assertThatThrownBy(() -> iot.createPolicy(r -> r.policyName("p").policyDocument(document)))
                    .as(document).isInstanceOfSatisfying(MalformedPolicyException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(400));
        }
        assertThat(iot.listPolicies(r -> r.pageSize(10)).policies()).isEmpty();
        String padded = DOCUMENT.replace("\"*\"", "\"*\"" + " ".repeat(5000));
        assertThat(iot.createPolicy(r -> r.policyName("spacious").policyDocument(padded)).policyDocument())
                .isEqualTo(padded);
    }

    @Test
    void aPolicyHasAtMostFiveVersionsAndNeverLosesItsDefault() {
        iot.createPolicy(r -> r.policyName("p").policyDocument(DOCUMENT));
        CreatePolicyVersionResponse two = iot.createPolicyVersion(r -> r.policyName("p").policyDocument(OTHER_DOCUMENT));
        assertThat(two.policyVersionId()).isEqualTo("2");
        assertThat(two.isDefaultVersion()).isFalse();
        assertThat(two.policyArn()).endsWith(":policy/p");
        CreatePolicyVersionResponse three = iot.createPolicyVersion(
                r -> r.policyName("p").policyDocument(OTHER_DOCUMENT).setAsDefault(true));
        assertThat(three.isDefaultVersion()).isTrue();
        assertThat(iot.getPolicy(r -> r.policyName("p")).defaultVersionId()).isEqualTo("3");
        iot.createPolicyVersion(r -> r.policyName("p").policyDocument(DOCUMENT));
        iot.createPolicyVersion(r -> r.policyName("p").policyDocument(DOCUMENT));
        assertThatThrownBy(() -> iot.createPolicyVersion(r -> r.policyName("p").policyDocument(DOCUMENT)))
                .isInstanceOfSatisfying(VersionsLimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The policy p already has the maximum number of versions (5)");
                });

        assertThat(iot.listPolicyVersions(r -> r.policyName("p")).policyVersions())
                .extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5", false),
                        org.assertj.core.groups.Tuple.tuple("4", false), org.assertj.core.groups.Tuple.tuple("3", true),
                        org.assertj.core.groups.Tuple.tuple("2", false), org.assertj.core.groups.Tuple.tuple("1", false));
        GetPolicyVersionResponse one = iot.getPolicyVersion(r -> r.policyName("p").policyVersionId("1"));
        assertThat(one.policyDocument()).isEqualTo(DOCUMENT);
        assertThat(one.isDefaultVersion()).isFalse();
        assertThat(one.policyName()).isEqualTo("p");
        assertThat(one.generationId()).isEqualTo(iot.getPolicy(r -> r.policyName("p")).generationId());

        // API reference, DeletePolicyVersion: "You cannot delete the default version of a policy".
        assertThatThrownBy(() -> iot.deletePolicyVersion(r -> r.policyName("p").policyVersionId("3")))
                .isInstanceOf(DeleteConflictException.class);
        patching.setDefaultPolicyVersion(r -> r.policyName("p").policyVersionId("1"));
        assertThat(iot.getPolicy(r -> r.policyName("p")).policyDocument()).isEqualTo(DOCUMENT);
        iot.deletePolicyVersion(r -> r.policyName("p").policyVersionId("3"));
        assertThat(iot.createPolicyVersion(r -> r.policyName("p").policyDocument(DOCUMENT)).policyVersionId())
                .isEqualTo("6");
        assertThatThrownBy(() -> iot.getPolicyVersion(r -> r.policyName("p").policyVersionId("3")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> patching.setDefaultPolicyVersion(r -> r.policyName("p").policyVersionId("3")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listPolicyVersions(r -> r.policyName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletePolicyIsRefusedWhileAttachedThenWhileOtherVersionsExist() {
        // API reference, DeletePolicy: a policy must be detached from all targets, and all its versions except the
        // default deleted, before it can be deleted; both answer DeleteConflictException.
        CreateKeysAndCertificateResponse cert = certificate();
        iot.createPolicy(r -> r.policyName("p").policyDocument(DOCUMENT));
        iot.createPolicyVersion(r -> r.policyName("p").policyDocument(OTHER_DOCUMENT));
        iot.attachPolicy(r -> r.policyName("p").target(cert.certificateArn()));
        assertThatThrownBy(() -> iot.deletePolicy(r -> r.policyName("p")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).contains("attached to one or more principals"));
        iot.detachPolicy(r -> r.policyName("p").target(cert.certificateArn()));
        assertThatThrownBy(() -> iot.deletePolicy(r -> r.policyName("p")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).contains("versions other than"));
        iot.deletePolicyVersion(r -> r.policyName("p").policyVersionId("2"));
        iot.deletePolicy(r -> r.policyName("p"));
        assertThatThrownBy(() -> iot.deletePolicy(r -> r.policyName("p")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deleteCertificateWithPoliciesNeedsForceDeleteWhichDetachesThem() {
        // API reference, DeleteCertificate: an ACTIVE certificate cannot be deleted (CertificateStateException);
        // one with policies attached cannot either unless forceDelete, which detaches them
        // (DeleteConflictException otherwise).
        CreateKeysAndCertificateResponse cert = certificate();
        String id = cert.certificateId();
        iot.createPolicy(r -> r.policyName("p").policyDocument(DOCUMENT));
        iot.attachPolicy(r -> r.policyName("p").target(cert.certificateArn()));
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id).forceDelete(true)))
                .isInstanceOf(CertificateStateException.class);
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id)))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Certificate policies must be detached before deletion (arn: " + cert.certificateArn() + ")");
                });
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id).forceDelete(false)))
                .isInstanceOf(DeleteConflictException.class);
        iot.deleteCertificate(r -> r.certificateId(id).forceDelete(true));
        assertThatThrownBy(() -> iot.describeCertificate(r -> r.certificateId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(iot.listTargetsForPolicy(r -> r.policyName("p")).targets()).isEmpty();
        iot.deletePolicy(r -> r.policyName("p"));
    }

    @Test
    void aCertificateWithPoliciesCannotBeTransferred() {
        // API reference, TransferCertificate: no policies can be attached to the certificate.
        CreateKeysAndCertificateResponse cert = iot.createKeysAndCertificate(r -> r.setAsActive(false));
        iot.createPolicy(r -> r.policyName("p").policyDocument(DOCUMENT));
        iot.attachPolicy(r -> r.policyName("p").target(cert.certificateArn()));
        assertThatThrownBy(() -> patching.transferCertificate(r -> r.certificateId(cert.certificateId())
                .targetAwsAccount("222222222222")))
                .isInstanceOfSatisfying(TransferConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        iot.detachPolicy(r -> r.policyName("p").target(cert.certificateArn()));
        assertThat(patching.transferCertificate(r -> r.certificateId(cert.certificateId())
                .targetAwsAccount("222222222222")).transferredCertificateArn()).contains(":222222222222:cert/");
    }

    @Test
    void aCertificateTakesTenPoliciesAndAttachingAgainIsNoChange() {
        CreateKeysAndCertificateResponse cert = certificate();
        for (int i = 0; i < 11; i++) {
            String name = "p" + i;
            iot.createPolicy(r -> r.policyName(name).policyDocument(DOCUMENT));
        }
        for (int i = 0; i < 10; i++) {
            String name = "p" + i;
            iot.attachPolicy(r -> r.policyName(name).target(cert.certificateArn()));
        }
        iot.attachPolicy(r -> r.policyName("p0").target(cert.certificateArn()));
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("p10").target(cert.certificateArn())))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
        List<String> names = new ArrayList<>();
        iot.listAttachedPoliciesPaginator(r -> r.target(cert.certificateArn()).pageSize(3))
                .forEach(page -> page.policies().forEach(p -> names.add(p.policyName())));
        assertThat(names).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
    }

    @Test
    void targetsThatAreNotCertificatesOfTheCallerAreRefused() {
        CreateKeysAndCertificateResponse cert = certificate();
        iot.createPolicy(r -> r.policyName("p").policyDocument(DOCUMENT));
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("missing").target(cert.certificateArn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("p")
                .target("arn:aws:iot:us-east-1:" + DEFAULT_ACCOUNT + ":cert/" + "0".repeat(64))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("p")
                .target(cert.certificateArn().replace(DEFAULT_ACCOUNT, "999999999999"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("p")
                .target("arn:aws:iot:us-east-1:" + DEFAULT_ACCOUNT + ":thinggroup/g")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("p")
                .target("us-east-1:12345678-1234-1234-1234-123456789012")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.attachPolicy(r -> r.policyName("p").target("nonsense")))
                .isInstanceOf(InvalidRequestException.class);
        // DetachPolicy models no ResourceNotFoundException: detaching what is not attached succeeds.
        iot.detachPolicy(r -> r.policyName("p").target(cert.certificateArn()));
        iot.detachPolicy(r -> r.policyName("missing").target(cert.certificateArn()));
        assertThatThrownBy(() -> iot.listAttachedPolicies(r -> r.target(
                "arn:aws:iot:us-east-1:" + DEFAULT_ACCOUNT + ":cert/" + "0".repeat(64))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listTargetsForPolicy(r -> r.policyName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @SuppressWarnings("deprecation")
    void theLegacyPrincipalCallsShareTheAttachments() {
        CreateKeysAndCertificateResponse cert = certificate();
        iot.createPolicy(r -> r.policyName("legacy").policyDocument(DOCUMENT));
        iot.createPolicy(r -> r.policyName("modern").policyDocument(DOCUMENT));
        iot.attachPrincipalPolicy(r -> r.policyName("legacy").principal(cert.certificateArn()));
        iot.attachPolicy(r -> r.policyName("modern").target(cert.certificateArn()));
        assertThat(iot.listPrincipalPolicies(r -> r.principal(cert.certificateArn())).policies())
                .extracting(Policy::policyName).containsExactly("modern", "legacy");
        assertThat(iot.listPrincipalPolicies(r -> r.principal(cert.certificateArn()).ascendingOrder(true))
                .policies()).extracting(Policy::policyName).containsExactly("legacy", "modern");
        assertThat(iot.listPolicyPrincipals(r -> r.policyName("legacy")).principals())
                .containsExactly(cert.certificateArn());
        assertThat(iot.listTargetsForPolicy(r -> r.policyName("legacy")).targets())
                .containsExactly(cert.certificateArn());
        iot.detachPrincipalPolicy(r -> r.policyName("legacy").principal(cert.certificateArn()));
        assertThat(iot.listAttachedPolicies(r -> r.target(cert.certificateArn())).policies())
                .extracting(Policy::policyName).containsExactly("modern");
        assertThatThrownBy(() -> iot.detachPrincipalPolicy(r -> r.policyName("gone")
                .principal(cert.certificateArn()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachPrincipalPolicy(r -> r.policyName("legacy")
                .principal("arn:aws:iot:us-east-1:" + DEFAULT_ACCOUNT + ":thinggroup/g")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listPoliciesPagesEveryPolicyOnceInEitherOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "policy-" + i;
            iot.createPolicy(r -> r.policyName(name).policyDocument(DOCUMENT));
            created.add(name);
        }
        List<String> ascending = new ArrayList<>();
        iot.listPoliciesPaginator(r -> r.pageSize(5).ascendingOrder(true))
                .forEach(page -> page.policies().forEach(p -> ascending.add(p.policyName())));
        assertThat(ascending).isEqualTo(created);
        List<String> descending = new ArrayList<>();
        iot.listPoliciesPaginator(r -> r.pageSize(5))
                .forEach(page -> page.policies().forEach(p -> descending.add(p.policyName())));
        assertThat(descending).containsExactlyElementsOf(reversed(created));
        String marker = iot.listPolicies(r -> r.pageSize(5)).nextMarker();
        assertThatThrownBy(() -> iot.listPolicies(r -> r.pageSize(5).marker(marker).ascendingOrder(true)))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
