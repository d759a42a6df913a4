#!/usr/bin/env python3
"""Provisioning check: the script most AWS IoT users run first, through boto3 and the AWS CLI, unchanged.

Starts ``./certreg serve`` on a free 127.0.0.1 port with a temporary data directory, then runs, with boto3,
CreateThing -> CreateKeysAndCertificate -> AttachPolicy -> AttachThingPrincipal, reads the attachments back, checks
the delete guards AWS documents (a certificate attached to a thing cannot be deleted, even with forceDelete; a
thing with principals cannot be deleted; an attached policy cannot be deleted), tags a CA certificate, and cleans
everything up again. The same provisioning
steps then run through the ``aws iot`` command.

Each step is one entry of STEPS (a description and a method of Provisioning), run in order; a failed step fails
the run, and the steps after it still run. To extend the script, add a method and its line in STEPS at the point of
the script where it belongs.

Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last line is
``N passed, M failed``. Exit status 1 if anything failed. Uses boto3, cryptography and the ``aws`` command.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import AWS_CLI, REPO_ROOT, expect, iot_client, mint_ca, mint_leaf, pem, run  # noqa: E402

from botocore.exceptions import ClientError  # noqa: E402

THING = "MyLightBulb"
CLI_THING = "MyCliLightBulb"
POLICY = "MyLightBulbPolicy"
CLI_POLICY = "MyCliLightBulbPolicy"
POLICY_DOCUMENT = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iot:Connect",
     "Resource": "arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"},
    {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
     "Resource": "arn:aws:iot:us-east-1:123456789012:topic/things/${iot:Connection.Thing.ThingName}/*"}]})
COMMAND_TIMEOUT_S = 120


def error_of(call):
    """(error code, HTTP status) of a call that must fail with a service error."""
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("the call succeeded")


class Provisioning:
    """The state the steps share: the client, the server and what earlier steps created."""

    def __init__(self, server, env):
        self.server = server
        self.env = env
        self.iot = iot_client(server.endpoint)
        self.thing = None
        self.keys = None

    # -- the provisioning script

    def create_thing(self):
        self.thing = self.iot.create_thing(thingName=THING, attributePayload={"attributes": {"model": "bulb-1"}})
        expect(self.thing["thingArn"].endswith(":thing/" + THING), "thingArn %r" % self.thing["thingArn"])
        again = self.iot.create_thing(thingName=THING, attributePayload={"attributes": {"model": "bulb-1"}})
        expect(again["thingId"] == self.thing["thingId"], "CreateThing again gave another thingId")
        return self.thing["thingId"]

    def create_keys_and_certificate(self):
        self.keys = self.iot.create_keys_and_certificate(setAsActive=True)
        expect("BEGIN RSA PRIVATE KEY" in self.keys["keyPair"]["PrivateKey"]
               or "BEGIN PRIVATE KEY" in self.keys["keyPair"]["PrivateKey"], "no private key")
        return self.keys["certificateId"][:16]

    def attach_policy(self):
        self.iot.create_policy(policyName=POLICY, policyDocument=POLICY_DOCUMENT)
        self.iot.attach_policy(policyName=POLICY, target=self.keys["certificateArn"])
        attached = self.iot.list_attached_policies(target=self.keys["certificateArn"])["policies"]
        expect([p["policyName"] for p in attached] == [POLICY], "ListAttachedPolicies %r" % attached)

    def attached_policy_cannot_be_deleted(self):
        got = error_of(lambda: self.iot.delete_policy(policyName=POLICY))
        expect(got == ("DeleteConflictException", 409), "DeletePolicy while attached answered %r" % (got,))

    def attach_thing_principal(self):
        self.iot.attach_thing_principal(thingName=THING, principal=self.keys["certificateArn"])

    def attachment_reads_back_both_ways(self):
        principals = self.iot.list_thing_principals(thingName=THING)["principals"]
        expect(principals == [self.keys["certificateArn"]], "ListThingPrincipals %r" % principals)
        things = self.iot.list_principal_things(principal=self.keys["certificateArn"])["things"]
        expect(things == [THING], "ListPrincipalThings %r" % things)
        v2 = self.iot.list_thing_principals_v2(thingName=THING)["thingPrincipalObjects"]
        expect(v2 == [{"principal": self.keys["certificateArn"], "thingPrincipalType": "NON_EXCLUSIVE_THING"}],
               "ListThingPrincipalsV2 %r" % v2)
        described = self.iot.describe_thing(thingName=THING)
        expect(described["version"] == 1 and described["attributes"] == {"model": "bulb-1"},
               "DescribeThing %r" % described)

    def things_list_and_filter(self):
        listed = [t["thingName"] for page in self.iot.get_paginator("list_things").paginate(
            attributeName="model", attributeValue="bulb-1", PaginationConfig={"PageSize": 1}) for t in page["things"]]
        expect(listed == [THING], "ListThings by attribute %r" % listed)

    # -- the delete guards

    def certificate_attached_to_a_thing_cannot_be_deleted(self):
        cert_id = self.keys["certificateId"]
        self.iot.update_certificate(certificateId=cert_id, newStatus="INACTIVE")
        got = error_of(lambda: self.iot.delete_certificate(certificateId=cert_id, forceDelete=True))
        expect(got == ("DeleteConflictException", 409), "DeleteCertificate(forceDelete) answered %r" % (got,))

    def thing_with_principals_cannot_be_deleted(self):
        got = error_of(lambda: self.iot.delete_thing(thingName=THING))
        expect(got == ("InvalidRequestException", 400), "DeleteThing answered %r" % (got,))

    def update_thing_checks_the_version(self):
        self.iot.update_thing(thingName=THING, attributePayload={"attributes": {"room": "hall"}, "merge": True},
                              expectedVersion=1)
        got = error_of(lambda: self.iot.update_thing(thingName=THING, expectedVersion=1))
        expect(got == ("VersionConflictException", 409), "stale UpdateThing answered %r" % (got,))

    # -- tags

    def ca_certificate_tags(self):
        key, ca = mint_ca("certreg provisioning check CA")
        code = self.iot.get_registration_code()["registrationCode"]
        verification = mint_leaf(key, ca, code)
        arn = self.iot.register_ca_certificate(caCertificate=pem(ca), verificationCertificate=pem(verification),
                                               tags=[{"Key": "team", "Value": "fleet"}])["certificateArn"]
        self.iot.tag_resource(resourceArn=arn, tags=[{"Key": "env", "Value": "prod"}])
        self.iot.untag_resource(resourceArn=arn, tagKeys=["team"])
        tags = [t for page in self.iot.get_paginator("list_tags_for_resource").paginate(resourceArn=arn)
                for t in page["tags"]]
        expect(tags == [{"Key": "env", "Value": "prod"}], "ListTagsForResource %r" % tags)

    # -- clean up

    def detach_and_delete_everything(self):
        self.iot.detach_thing_principal(thingName=THING, principal=self.keys["certificateArn"])
        self.iot.detach_policy(policyName=POLICY, target=self.keys["certificateArn"])
        self.iot.delete_policy(policyName=POLICY)
        self.iot.delete_certificate(certificateId=self.keys["certificateId"])
        self.iot.delete_thing(thingName=THING, expectedVersion=2)
        got = error_of(lambda: self.iot.describe_thing(thingName=THING))
        expect(got == ("ResourceNotFoundException", 404), "DescribeThing after delete answered %r" % (got,))

    # -- the same script through the AWS CLI

    def aws(self, *args):
        result = subprocess.run([AWS_CLI, "iot"] + list(args) + ["--endpoint-url", self.server.endpoint,
                                                                 "--output", "json"],
                                cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, timeout=COMMAND_TIMEOUT_S)
        expect(result.returncode == 0, "aws iot %s exited %d: %s" % (args[0], result.returncode,
                                                                      result.stderr.strip()))
        return json.loads(result.stdout) if result.stdout.strip() else {}

    def aws_cli_provisioning_script(self):
        self.aws("create-thing", "--thing-name", CLI_THING)
        keys = self.aws("create-keys-and-certificate", "--set-as-active")
        self.aws("create-policy", "--policy-name", CLI_POLICY, "--policy-document", POLICY_DOCUMENT)
        self.aws("attach-policy", "--policy-name", CLI_POLICY, "--target", keys["certificateArn"])
        self.aws("attach-thing-principal", "--thing-name", CLI_THING, "--principal", keys["certificateArn"])
        things = self.aws("list-principal-things", "--principal", keys["certificateArn"])["things"]
        expect(things == [CLI_THING], "aws iot list-principal-things %r" % things)


STEPS = [
    ("boto3: CreateThing (again with the same configuration: the same thing)", Provisioning.create_thing),
    ("boto3: CreateKeysAndCertificate", Provisioning.create_keys_and_certificate),
    ("boto3: CreatePolicy and AttachPolicy", Provisioning.attach_policy),
    ("boto3: AttachThingPrincipal", Provisioning.attach_thing_principal),
    ("boto3: DeletePolicy of an attached policy is a 409", Provisioning.attached_policy_cannot_be_deleted),
    ("boto3: the attachment reads back from the thing and from the certificate",
     Provisioning.attachment_reads_back_both_ways),
    ("boto3: ListThings pages and filters on an attribute", Provisioning.things_list_and_filter),
    ("boto3: DeleteCertificate of a certificate attached to a thing is a 409 even with forceDelete",
     Provisioning.certificate_attached_to_a_thing_cannot_be_deleted),
    ("boto3: DeleteThing of a thing with principals is a 400", Provisioning.thing_with_principals_cannot_be_deleted),
    ("boto3: UpdateThing merges attributes and checks expectedVersion", Provisioning.update_thing_checks_the_version),
    ("boto3: a CA certificate's tags, given at registration, then tagged, untagged and listed",
     Provisioning.ca_certificate_tags),
    ("boto3: detach, then delete the policy, the certificate and the thing", Provisioning.detach_and_delete_everything),
    ("aws iot: create-thing, create-keys-and-certificate, create-policy, attach-policy, attach-thing-principal",
     Provisioning.aws_cli_provisioning_script),
]


def run_checks(report, server, env):
    if not report.check("./certreg serve answers HTTP", lambda: (server.start(), server.wait_ready())[1]):
        return
    provisioning = Provisioning(server, env)
    for description, step in STEPS:
        report.check(description, step, provisioning)
    report.check("the server is still running", server.still_running)


def main():
    return run("certreg-provisioning-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
