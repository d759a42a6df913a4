#!/usr/bin/env python3
"""Terraform check: the hashicorp/aws provider manages certreg's IoT resources as it manages AWS's.

Starts ``./certreg serve`` on a free 127.0.0.1 port, mints a CA, its verification certificate (for the account's
registration code) and a device certificate, then runs Terraform on a copy of .ci/terraform: ``init`` from the
filesystem mirror (CLI configuration .ci/terraform/cli.tfrc), ``apply``, ``plan -detailed-exitcode`` that must
find nothing to change, and ``destroy``, after which boto3 must find nothing left.

Skips (exit 0, with a line saying why) when ``terraform`` is not on the PATH or the mirror holds no
hashicorp/aws provider. Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last
line is ``N passed, M failed``.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import REPO_ROOT, expect, iot_client, mint_ca, mint_leaf, pem, run  # noqa: E402

CONFIG_DIR = os.path.join(REPO_ROOT, ".ci", "terraform")
CLI_CONFIG = os.path.join(CONFIG_DIR, "cli.tfrc")
MIRROR = "/opt/tf-plugins/registry.terraform.io/hashicorp/aws"
TERRAFORM_TIMEOUT_S = 300


def missing_prerequisite():
    """Why the check cannot run here, or None."""
    if shutil.which("terraform") is None:
        return "terraform is not on the PATH"
    if not os.path.isdir(MIRROR) or not os.listdir(MIRROR):
        return "no hashicorp/aws provider in the filesystem mirror %s" % MIRROR
    return None


class Terraform:
    def __init__(self, server, env):
        self.server = server
        self.iot = iot_client(server.endpoint)
        self.workdir = tempfile.mkdtemp(prefix="certreg-terraform-")
        for name in os.listdir(CONFIG_DIR):
            if name.endswith(".tf"):
                shutil.copy(os.path.join(CONFIG_DIR, name), self.workdir)
        self.env = dict(env, TF_CLI_CONFIG_FILE=CLI_CONFIG, TF_IN_AUTOMATION="1", TF_INPUT="0",
                        CHECKPOINT_DISABLE="1")

    def variables(self):
        key, ca = mint_ca("certreg terraform check CA")
        code = self.iot.get_registration_code()["registrationCode"]
        values = {"endpoint": self.server.endpoint, "ca_pem": pem(ca),
                  "verification_pem": pem(mint_leaf(key, ca, code)), "device_pem": pem(mint_leaf(key, ca, "device"))}
        for name, value in values.items():
            self.env["TF_VAR_" + name] = value

    def terraform(self, *args, ok=(0,)):
        result = subprocess.run(["terraform"] + list(args), cwd=self.workdir, env=self.env,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=TERRAFORM_TIMEOUT_S)
        expect(result.returncode in ok, "terraform %s exited %d:\n%s\n%s"
               % (" ".join(args), result.returncode, result.stdout[-3000:], result.stderr[-3000:]))
        return result

    def init(self):
        self.terraform("init", "-no-color")

    def apply(self):
        self.terraform("apply", "-auto-approve", "-no-color")
        things = self.iot.list_things()["things"]
        expect([t["thingName"] for t in things] == ["tf-light-bulb"], "things after apply: %r" % things)
        certificate_arn = self.iot.list_thing_principals(thingName="tf-light-bulb")["principals"]
        expect(len(certificate_arn) == 1, "principals of the thing after apply: %r" % certificate_arn)
        attached = self.iot.list_attached_policies(target=certificate_arn[0])["policies"]
        expect([p["policyName"] for p in attached] == ["tf-connect"], "policies of the certificate: %r" % attached)
        policy_arn = attached[0]["policyArn"]
        tags = self.iot.list_tags_for_resource(resourceArn=policy_arn)["tags"]
        expect(tags == [{"Key": "team", "Value": "fleet"}], "tags of the policy: %r" % tags)

    def plan_finds_nothing_to_change(self):
        result = self.terraform("plan", "-detailed-exitcode", "-no-color", ok=(0, 2))
        expect(result.returncode == 0, "plan wants changes:\n%s" % result.stdout[-3000:])

    def destroy_leaves_nothing(self):
        self.terraform("destroy", "-auto-approve", "-no-color")
        left = {"things": self.iot.list_things()["things"],
                "certificates": self.iot.list_certificates()["certificates"],
                "CA certificates": self.iot.list_ca_certificates()["certificates"],
                "policies": self.iot.list_policies()["policies"]}
        expect(not any(left.values()), "left after destroy: %r" % left)

    def clean_up(self):
        shutil.rmtree(self.workdir, ignore_errors=True)


def run_checks(report, server, env):
    if not report.check("./certreg serve answers HTTP", lambda: (server.start(), server.wait_ready())[1]):
        return
    terraform = Terraform(server, env)
    try:
        for description, step in [
                ("mint the CA, verification and device certificates", terraform.variables),
                ("terraform init from the filesystem mirror", terraform.init),
                ("terraform apply: CA certificate, two certificates, a thing and its principal, a policy attached",
                 terraform.apply),
                ("terraform plan -detailed-exitcode finds nothing to change", terraform.plan_finds_nothing_to_change),
                ("terraform destroy leaves nothing behind", terraform.destroy_leaves_nothing)]:
            if not report.check(description, step):
                return
    finally:
        terraform.clean_up()
    report.check("the server is still running", server.still_running)


def main():
    reason = missing_prerequisite()
    if reason is not None:
        print("# skipped: %s" % reason)
        return 0
    return run("certreg-terraform-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
