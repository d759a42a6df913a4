#!/usr/bin/env python3
"""Real-client check of certreg's policies: boto3 and the AWS CLI v1 against a freshly started ./certreg serve.

Runs the provisioning script's certificate half unchanged (CreateKeysAndCertificate, CreatePolicy, AttachPolicy),
then the delete guards as AWS documents them (DeleteCertificate, DeletePolicy), policy versions up to the limit,
the deprecated principal calls, and ``aws iot`` against ``./certreg iot`` output for the policy reads.

Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last line is
``N passed, M failed``. Exit status 0 only when nothing failed. The server is always stopped.
"""

import json
import os
import subprocess
import sys

from botocore.exceptions import ClientError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import (  # noqa: E402 - checkkit lives next to this script
    AWS_CLI, LAUNCHER, REGION, REPO_ROOT, CheckFailed, expect, iot_client, run)

CLI_TIMEOUT_S = 90
BUILD_TIMEOUT_S = 900
DOCUMENT = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["iot:Connect", "iot:Publish"], "Resource": "*"}],
}, indent=2)


def expect_error(call, code, status, **kwargs):
    """Raises CheckFailed unless call(**kwargs) fails with error code and HTTP status."""
    try:
        call(**kwargs)
    except ClientError as e:
        got = (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
        expect(got == (code, status), "expected %s %d, got %s %d" % (code, status, got[0], got[1]))
        return
    raise CheckFailed("expected %s %d, but the call succeeded" % (code, status))


class Checks:
    def __init__(self, server, env):
        self.server = server
        self.env = env
        self.boto = None
        self.cert = None

    def launcher_builds(self):
        result = subprocess.run([LAUNCHER, "--version"], cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        expect(result.returncode == 0, "exit %d: %s" % (result.returncode, result.stderr[-2000:]))

    def start(self):
        self.server.start()
        self.server.wait_ready()
        self.boto = iot_client(self.server.endpoint)

    def provisioning(self):
        self.cert = self.boto.create_keys_and_certificate(setAsActive=True)
        policy = self.boto.create_policy(policyName="PubSubToAnyTopic", policyDocument=DOCUMENT)
        self.boto.attach_policy(policyName="PubSubToAnyTopic", target=self.cert["certificateArn"])
        expect(policy["policyVersionId"] == "1", "policyVersionId %r" % policy["policyVersionId"])
        expect(policy["policyDocument"] == DOCUMENT, "the document did not come back byte for byte")
        attached = self.boto.list_attached_policies(target=self.cert["certificateArn"])["policies"]
        expect([p["policyName"] for p in attached] == ["PubSubToAnyTopic"], "attached %r" % attached)
        targets = self.boto.list_targets_for_policy(policyName="PubSubToAnyTopic")["targets"]
        expect(targets == [self.cert["certificateArn"]], "targets %r" % targets)

    def test_authorization(self):
        arn = self.cert["certificateArn"].split(":cert/")[0] + ":"
        results = self.boto.test_authorization(
            principal=self.cert["certificateArn"], clientId="device-1",
            authInfos=[{"actionType": "PUBLISH", "resources": [arn + "topic/device-1/state"]},
                       {"actionType": "SUBSCRIBE", "resources": [arn + "topicfilter/device-1/#"]}])["authResults"]
        decisions = [r["authDecision"] for r in results]
        expect(decisions == ["ALLOWED", "IMPLICIT_DENY"], "authDecision %r" % decisions)
        allowed = [p["policyName"] for p in results[0]["allowed"]["policies"]]
        expect(allowed == ["PubSubToAnyTopic"], "allowed by %r" % allowed)

    def malformed(self):
        expect_error(self.boto.create_policy, "MalformedPolicyException", 400, policyName="bad",
                     policyDocument='{"Version": "2012-10-17"}')
        expect_error(self.boto.create_policy, "ResourceAlreadyExistsException", 409,
                     policyName="PubSubToAnyTopic", policyDocument=DOCUMENT)

    def delete_certificate_guard(self):
        cert_id = self.cert["certificateId"]
        expect_error(self.boto.delete_certificate, "CertificateStateException", 406, certificateId=cert_id)
        self.boto.update_certificate(certificateId=cert_id, newStatus="INACTIVE")
        expect_error(self.boto.delete_certificate, "DeleteConflictException", 409, certificateId=cert_id)
        self.boto.delete_certificate(certificateId=cert_id, forceDelete=True)
        targets = self.boto.list_targets_for_policy(policyName="PubSubToAnyTopic")["targets"]
        expect(targets == [], "forceDelete left targets %r" % targets)

    def versions(self):
        for _ in range(4):
            self.boto.create_policy_version(policyName="PubSubToAnyTopic", policyDocument=DOCUMENT,
                                            setAsDefault=True)
        expect_error(self.boto.create_policy_version, "VersionsLimitExceededException", 409,
                     policyName="PubSubToAnyTopic", policyDocument=DOCUMENT)
        versions = self.boto.list_policy_versions(policyName="PubSubToAnyTopic")["policyVersions"]
        expect([v["versionId"] for v in versions] == ["5", "4", "3", "2", "1"], "versions %r" % versions)
        expect_error(self.boto.delete_policy_version, "DeleteConflictException", 409,
                     policyName="PubSubToAnyTopic", policyVersionId="5")
        self.boto.set_default_policy_version(policyName="PubSubToAnyTopic", policyVersionId="1")
        expect(self.boto.get_policy(policyName="PubSubToAnyTopic")["defaultVersionId"] == "1", "default not 1")

    def delete_policy_guard(self):
        cert = self.boto.create_keys_and_certificate(setAsActive=False)
        self.boto.attach_principal_policy(policyName="PubSubToAnyTopic", principal=cert["certificateArn"])
        principals = self.boto.list_policy_principals(policyName="PubSubToAnyTopic")["principals"]
        expect(principals == [cert["certificateArn"]], "principals %r" % principals)
        expect_error(self.boto.delete_policy, "DeleteConflictException", 409, policyName="PubSubToAnyTopic")
        self.boto.detach_principal_policy(policyName="PubSubToAnyTopic", principal=cert["certificateArn"])
        expect_error(self.boto.delete_policy, "DeleteConflictException", 409, policyName="PubSubToAnyTopic")
        for version in ("2", "3", "4", "5"):
            self.boto.delete_policy_version(policyName="PubSubToAnyTopic", policyVersionId=version)
        self.boto.delete_policy(policyName="PubSubToAnyTopic")
        expect_error(self.boto.get_policy, "ResourceNotFoundException", 404, policyName="PubSubToAnyTopic")

    def cli_matches(self, *args):
        self.boto.create_policy(policyName="cli-%d" % len(args), policyDocument=DOCUMENT)
        outputs = []
        for tool in (AWS_CLI, LAUNCHER):
            command = [tool, "iot", args[0], "--endpoint-url", self.server.endpoint, "--region", REGION]
            result = subprocess.run(command + list(args[1:]), cwd=REPO_ROOT, env=self.env, capture_output=True,
                                    text=True, timeout=CLI_TIMEOUT_S, stdin=subprocess.DEVNULL)
            expect(result.returncode == 0, "%s exited %d: %s" % (command[0], result.returncode, result.stderr))
            outputs.append(json.loads(result.stdout))
        expect(outputs[0] == outputs[1], "aws printed %r, ./certreg printed %r" % tuple(outputs))


def run_checks(report, server, env):
    checks = Checks(server, env)
    if not (report.check("the launcher builds and runs the jar", checks.launcher_builds)
            and report.check("./certreg serve answers on %s" % server.endpoint, checks.start)):
        return
    report.check("boto3 runs CreateKeysAndCertificate, CreatePolicy, AttachPolicy unchanged", checks.provisioning)
    report.check("boto3 TestAuthorization decides with the attached policy", checks.test_authorization)
    report.check("a malformed document is 400 MalformedPolicy, a taken name 409", checks.malformed)
    report.check("DeleteCertificate: ACTIVE 406, with a policy 409, forceDelete detaches",
                 checks.delete_certificate_guard)
    report.check("five versions at most (409 VersionsLimitExceeded); the default cannot be deleted",
                 checks.versions)
    report.check("DeletePolicy: 409 while attached (legacy calls), 409 while versions remain, then 200",
                 checks.delete_policy_guard)
    report.check("./certreg iot list-policies prints what aws iot prints", checks.cli_matches, "list-policies")
    report.check("./certreg iot get-policy prints what aws iot prints", checks.cli_matches,
                 "get-policy", "--policy-name", "cli-3")


def main():
    return run("certreg-policy-check-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
