package dev.certreg.cli.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy operations through {@code certreg iot}, printed in the AWS CLI's layout. */
class PolicyCommandsTest extends RunningRegistry {
    private static final String DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

    @TempDir
    Path files;

    @Test
    void aPolicyIsCreatedVersionedAttachedListedAndDeleted() throws IOException {
        Path document = Files.writeString(files.resolve("policy.json"), DOCUMENT);
        CliRun created = iot("create-policy", "--policy-name", "fleet", "--policy-document", "file://" + document);
        assertThat(CliRun.keys(created.json()))
                .containsExactly("policyName", "policyArn", "policyDocument", "policyVersionId");
        assertThat(created.json().get("policyVersionId").asText()).isEqualTo("1");

        CliRun version = iot("create-policy-version", "--policy-name", "fleet", "--policy-document", DOCUMENT,
                "--set-as-default");
        assertThat(version.json().get("policyVersionId").asText()).isEqualTo("2");
        assertThat(version.json().get("isDefaultVersion").asBoolean()).isTrue();
        JsonNode versions = iot("list-policy-versions", "--policy-name", "fleet").json().get("policyVersions");
        assertThat(versions).hasSize(2);
        assertThat(iot("set-default-policy-version", "--policy-name", "fleet", "--policy-version-id", "1").out())
                .isEmpty();
        assertThat(iot("get-policy", "--policy-name", "fleet").json().get("defaultVersionId").asText())
                .isEqualTo("1");
        assertThat(iot("get-policy-version", "--policy-name", "fleet", "--policy-version-id", "2").json()
                .get("isDefaultVersion").asBoolean()).isFalse();
        iot("delete-policy-version", "--policy-name", "fleet", "--policy-version-id", "2");

        String certificateArn = iot.createKeysAndCertificate(r -> r.setAsActive(false)).certificateArn();
        assertThat(iot("attach-policy", "--policy-name", "fleet", "--target", certificateArn).out()).isEmpty();
        assertThat(iot("list-attached-policies", "--target", certificateArn).json().get("policies").get(0)
                .get("policyName").asText()).isEqualTo("fleet");
        assertThat(iot("list-targets-for-policy", "--policy-name", "fleet").json().get("targets").get(0).asText())
                .isEqualTo(certificateArn);
        assertThat(iot("list-policy-principals", "--policy-name", "fleet").json().get("principals")).hasSize(1);
        assertThat(iot("list-principal-policies", "--principal", certificateArn).json().get("policies")).hasSize(1);
        assertThat(iot("list-policies").json().get("policies").get(0).get("policyName").asText()).isEqualTo("fleet");

        CliRun refused = iot("delete-policy", "--policy-name", "fleet");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("DeleteConflictException");
        iot("detach-policy", "--policy-name", "fleet", "--target", certificateArn);
        iot("attach-principal-policy", "--policy-name", "fleet", "--principal", certificateArn);
        iot("detach-principal-policy", "--policy-name", "fleet", "--principal", certificateArn);
        CliRun deleted = iot("delete-policy", "--policy-name", "fleet");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(iot("list-policies").json().get("policies")).isEmpty();
    }
}
