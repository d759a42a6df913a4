package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.Scope;
import dev.certreg.core.testing.TestPki;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.Tag;

/** TagResource, UntagResource and ListTagsForResource through the AWS SDK, on CA certificates and policies. */
class TagTest extends RunningServer {

    private String caArn(List<Tag> tags) {
        TestPki.Issued ca = TestPki.ca("tagged", TestPki.KeyType.EC);
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        return iot.registerCACertificate(r -> r.caCertificate(ca.pem()).verificationCertificate(ca.issue(code).pem())
                .tags(tags)).certificateArn();
    }

    private List<Tag> tagsOf(String arn) {
        List<Tag> all = new ArrayList<>();
        iot.listTagsForResourcePaginator(r -> r.resourceArn(arn)).tags().forEach(all::add);
        return all;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsGivenAtRegistrationAreListedThenChangedByTagAndUntag() {
        String arn = caArn(List.of(tag("team", "fleet"), tag("env", "dev")));
        assertThat(tagsOf(arn)).containsExactly(tag("env", "dev"), tag("team", "fleet"));

        iot.tagResource(r -> r.resourceArn(arn).tags(tag("env", "prod"), tag("owner", "")));
        assertThat(tagsOf(arn)).containsExactly(tag("env", "prod"), tag("owner", ""), tag("team", "fleet"));

        iot.untagResource(r -> r.resourceArn(arn).tagKeys("team", "never-set"));
        assertThat(tagsOf(arn)).containsExactly(tag("env", "prod"), tag("owner", ""));
        assertThat(iot.listTagsForResource(r -> r.resourceArn(arn)).nextToken()).isNull();
    }

    @Test
    void aResourceHoldsAtMostFiftyTags() {
        String arn = caArn(List.of());
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        iot.tagResource(r -> r.resourceArn(arn).tags(fifty));
        iot.tagResource(r -> r.resourceArn(arn).tags(tag("k0", "replaced")));
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("one-more", "v"))))
                .isInstanceOf(LimitExceededException.class);
        assertThat(tagsOf(arn)).hasSize(50).contains(tag("k0", "replaced"));
    }

    @Test
    void theAwsPrefixIsReservedAndKeysFollowTheModel() {
        String arn = caArn(List.of());
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("aws:owner", "me"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> iot.untagResource(r -> r.resourceArn(arn).tagKeys("aws:owner")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("", "v"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("k".repeat(129), "v"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("k", "v".repeat(257)))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> caArn(List.of(tag("aws:cloudformation:stack-name", "s"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(tagsOf(arn)).isEmpty();
    }

    @Test
    void anArnThatNamesNoTaggableResourceOfTheCallerIsRefused() {
        String arn = caArn(List.of());
        String missing = arn.substring(0, arn.lastIndexOf('/') + 1) + "0".repeat(64);
        assertThatThrownBy(() -> iot.listTagsForResource(r -> r.resourceArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(missing).tags(tag("k", "v"))))
                .isInstanceOf(ResourceNotFoundException.class);
        for (String foreign : List.of("not-an-arn", arn.replace(":123456789012:", ":210987654321:"),
                arn.replace("us-east-1", "eu-west-1"), "arn:aws:iot:us-east-1:123456789012:thing/lamp")) {
            assertThatThrownBy(() -> iot.listTagsForResource(r -> r.resourceArn(foreign)))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void aDeletedCaTakesItsTagsWithIt() {
        String arn = caArn(List.of(tag("team", "fleet")));
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        iot.deleteCACertificate(r -> r.certificateId(id));
        assertThatThrownBy(() -> iot.listTagsForResource(r -> r.resourceArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(store.tags().listTags(new Scope(DEFAULT_ACCOUNT, "us-east-1"), arn, Optional.empty(), 10).items())
                .isEmpty();
    }

    @Test
    void policiesAreTaggedAtCreationAndByArnAndADeletedPolicysTagsGoWithIt() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";
        String arn = iot.createPolicy(r -> r.policyName("tagged").policyDocument(document)
                .tags(tag("team", "fleet"))).policyArn();
        assertThat(tagsOf(arn)).containsExactly(tag("team", "fleet"));

        iot.tagResource(r -> r.resourceArn(arn).tags(tag("env", "dev")));
        assertThat(tagsOf(arn)).containsExactly(tag("env", "dev"), tag("team", "fleet"));

        iot.deletePolicy(r -> r.policyName("tagged"));
        assertThatThrownBy(() -> tagsOf(arn)).isInstanceOf(ResourceNotFoundException.class);
        iot.createPolicy(r -> r.policyName("tagged").policyDocument(document));
        assertThat(tagsOf(arn)).isEmpty();
    }
}
