#!/usr/bin/env python3
"""Cross-language resumption check: a NextToken made by boto3 (or the AWS CLI) resumes in ``./certreg iot``,
and one made by ``./certreg iot`` resumes in boto3 (and the AWS CLI).

Starts ``./certreg serve`` on a free 127.0.0.1 port with a temporary data directory, registers a CA and
120 device certificates with boto3, then walks ListCertificatesByCA in StartingToken chains that hand the token
from one client to the other in the middle of a page (MaxItems 17 with PageSize 10, so every token carries
``boto_truncate_amount``), in both orders. Every chain must list every certificate exactly once, in the order
of one boto3 walk. It also checks that ``./certreg iot`` prints byte for byte what ``aws iot`` prints.

Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last line is
``N passed, M failed``. Exit status 1 if anything failed. The server is always stopped, by its PID
(its process group).

Uses boto3, cryptography, the ``aws`` command and the ``./certreg`` launcher; everything talks to 127.0.0.1.
The server, reporting and certificate helpers are shared with real_client_check.py in checkkit.py.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import (  # noqa: E402 - checkkit lives next to this script
    AWS_CLI, LAUNCHER, REPO_ROOT, compare_ids, decode_token, expect, iot_client, mint_ca, mint_leaf, pem, run)

DEVICES = 120
PAGE_SIZE = 10
MAX_ITEMS = 17          # does not divide PAGE_SIZE: every token cuts a page
AWS_CLI_MAX_ITEMS = 23  # the AWS CLI v1 cannot combine --page-size with --max-items; it pages by 25
BUILD_TIMEOUT_S = 900   # the launcher builds the jar first when the sources are newer
COMMAND_TIMEOUT_S = 120
ORDERS = {"newest first": False, "oldest first": True}


# ------------------------------------------------------------------------------------------------ the checks

class Checks:
    def __init__(self, server, env):
        self.server = server
        self.env = env
        self.boto = iot_client(server.endpoint)
        self.ca_id = None
        self.device_id = None
        self.oracle = {}

    # ---------------------------------------------------------------- running the clients

    def run(self, command):
        return subprocess.run(command, cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S)

    def certreg(self, *args):
        return self.run([LAUNCHER, "iot"] + list(args) + ["--endpoint-url", self.server.endpoint])

    def aws(self, *args):
        return self.run([AWS_CLI, "iot"] + list(args) + ["--endpoint-url", self.server.endpoint])

    @staticmethod
    def listed(result, who):
        """(certificate ids, NextToken or None) of a CLI run that must have succeeded."""
        expect(result.returncode == 0, "%s exited %d: %s" % (who, result.returncode, result.stderr.strip()))
        output = json.loads(result.stdout)
        expect(list(output)[0] == "certificates", "%s printed keys %s" % (who, list(output)))
        return [c["certificateId"] for c in output["certificates"]], output.get("NextToken")

    def certreg_page(self, ascending, token, max_items=MAX_ITEMS, page_size=PAGE_SIZE):
        args = ["list-certificates-by-ca", "--ca-certificate-id", self.ca_id, "--page-size", str(page_size),
                "--max-items", str(max_items)]
        args += ["--ascending-order"] if ascending else []
        args += ["--starting-token", token] if token else []
        return self.listed(self.certreg(*args), "./certreg iot list-certificates-by-ca")

    def aws_page(self, ascending, token):
        args = ["list-certificates-by-ca", "--ca-certificate-id", self.ca_id, "--max-items", str(AWS_CLI_MAX_ITEMS)]
        args += ["--ascending-order"] if ascending else []
        args += ["--starting-token", token] if token else []
        return self.listed(self.aws(*args), "aws iot list-certificates-by-ca")

    def boto_page(self, ascending, token, max_items=MAX_ITEMS):
        config = {"PageSize": PAGE_SIZE}
        if max_items is not None:
            config["MaxItems"] = max_items
        if token:
            config["StartingToken"] = token
        kwargs = {"caCertificateId": self.ca_id, "PaginationConfig": config}
        if ascending:
            kwargs["ascendingOrder"] = True
        result = self.boto.get_paginator("list_certificates_by_ca").paginate(**kwargs).build_full_result()
        return [c["certificateId"] for c in result["certificates"]], result.get("NextToken")

    def compare(self, walked, ascending):
        compare_ids(walked, self.oracle[ascending])

    @staticmethod
    def expect_cut(token, who):
        expect(token is not None, "%s printed no NextToken" % who)
        decoded = decode_token(token)
        expect("boto_truncate_amount" in decoded, "%s's NextToken does not cut a page: %s" % (who, decoded))

    # ---------------------------------------------------------------- setup

    def launcher_builds(self):
        result = subprocess.run([LAUNCHER, "--version"], cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
        expect(result.returncode == 0, "exit %d: %s" % (result.returncode, result.stderr[-2000:]))

    def register(self):
        code = self.boto.get_registration_code()["registrationCode"]
        ca_key, ca_cert = mint_ca("certreg cross-language CA")
        self.ca_id = self.boto.register_ca_certificate(
            caCertificate=pem(ca_cert), verificationCertificate=pem(mint_leaf(ca_key, ca_cert, code)),
            setAsActive=True)["certificateId"]
        for i in range(DEVICES):
            self.device_id = self.boto.register_certificate(
                certificatePem=pem(mint_leaf(ca_key, ca_cert, "device-%d" % i)), caCertificatePem=pem(ca_cert),
                status="ACTIVE")["certificateId"]

    def walk_oracle(self, ascending):
        kwargs = {"caCertificateId": self.ca_id, "PaginationConfig": {"PageSize": 250}}
        if ascending:
            kwargs["ascendingOrder"] = True
        result = self.boto.get_paginator("list_certificates_by_ca").paginate(**kwargs).build_full_result()
        ids = [c["certificateId"] for c in result["certificates"]]
        expect(len(ids) == DEVICES and len(set(ids)) == DEVICES, "%d ids, %d distinct" % (len(ids), len(set(ids))))
        self.oracle[ascending] = ids

    # ---------------------------------------------------------------- resumption

    def boto3_token_resumes_in_certreg(self, ascending):
        first, token = self.boto_page(ascending, None)
        self.expect_cut(token, "boto3")
        rest, after = self.certreg_page(ascending, token, max_items=DEVICES)
        expect(after is None, "./certreg printed a NextToken after the last certificate: %s" % after)
        self.compare(first + rest, ascending)

    def certreg_token_resumes_in_boto3(self, ascending):
        first, token = self.certreg_page(ascending, None)
        self.expect_cut(token, "./certreg")
        _, boto_token = self.boto_page(ascending, None)
        expect(token == boto_token, "./certreg's NextToken %r differs from boto3's %r" % (token, boto_token))
        rest, after = self.boto_page(ascending, token, max_items=None)
        expect(after is None, "boto3 returned a NextToken after the last certificate: %s" % after)
        self.compare(first + rest, ascending)

    def alternating_chain(self, ascending, runs):
        walked, token, turn = [], None, 0
        while True:
            ids, token = runs[turn % len(runs)](ascending, token)
            walked += ids
            turn += 1
            if token is None:
                break
            expect("marker" in decode_token(token), "run %d printed an unreadable NextToken %r" % (turn, token))
            expect(turn <= DEVICES, "the chain does not end")
        self.compare(walked, ascending)

    # ---------------------------------------------------------------- same output as the AWS CLI

    def prints_what_aws_prints(self, *args):
        theirs, ours = self.aws(*args), self.certreg(*args)
        # The launcher announces a rebuild of a stale jar on stderr; that line is not the command's output.
        our_stderr = "".join(line for line in ours.stderr.splitlines(True) if not line.startswith("certreg: building"))
        expect(theirs.returncode == ours.returncode,
               "exit status %d, aws %d (stderr %r)" % (ours.returncode, theirs.returncode, our_stderr))
        expect(ours.stdout == theirs.stdout, "stdout differs:\n%s\naws:\n%s" % (ours.stdout[:800], theirs.stdout[:800]))
        expect(our_stderr == theirs.stderr, "stderr %r, aws %r" % (our_stderr, theirs.stderr))


def run_checks(report, server, env):
    checks = Checks(server, env)
    ready = (report.check("the launcher builds and runs the jar", checks.launcher_builds)
             and report.check("./certreg serve answers on %s" % server.endpoint,
                              lambda: (server.start(), server.wait_ready()))
             and report.check("boto3 registers a CA and %d device certificates" % DEVICES, checks.register))
    for order, ascending in ORDERS.items() if ready else []:
        if not report.check("a boto3 walk with PageSize 250 lists %d certificates (%s)" % (DEVICES, order),
                            checks.walk_oracle, ascending):
            continue
        report.check("boto3's NextToken (PageSize %d, MaxItems %d) resumes in ./certreg iot "
                     "list-certificates-by-ca --starting-token (%s)" % (PAGE_SIZE, MAX_ITEMS, order),
                     checks.boto3_token_resumes_in_certreg, ascending)
        report.check("./certreg's NextToken (--page-size %d --max-items %d) equals boto3's and resumes in "
                     "boto3 (%s)" % (PAGE_SIZE, MAX_ITEMS, order),
                     checks.certreg_token_resumes_in_boto3, ascending)
        report.check("a chain alternating boto3 and ./certreg lists every certificate once, in order (%s)"
                     % order, checks.alternating_chain, ascending, [checks.boto_page, checks.certreg_page])
        report.check("a chain alternating aws (--max-items %d) and ./certreg lists every certificate once, "
                     "in order (%s)" % (AWS_CLI_MAX_ITEMS, order),
                     checks.alternating_chain, ascending, [checks.aws_page, checks.certreg_page])
    for args in ([["list-certificates-by-ca", "--ca-certificate-id", checks.ca_id, "--max-items", "5"],
                  ["list-certificates-by-ca", "--ca-certificate-id", checks.ca_id, "--max-items", "3",
                   "--output", "table"],
                  ["describe-ca-certificate", "--certificate-id", checks.ca_id],
                  ["describe-certificate", "--certificate-id", checks.device_id],
                  ["describe-certificate", "--certificate-id", checks.device_id, "--output", "table"],
                  ["describe-certificate", "--certificate-id", "0" * 64],
                  ["get-registration-code"]] if ready else []):
        shown = " ".join(a if len(a) <= 24 else a[:12] + "..." for a in args)
        report.check("./certreg iot %s prints what aws iot prints" % shown, checks.prints_what_aws_prints, *args)


def main():
    # AWS_RETRY_MODE stays unset: the AWS CLI's messages depend on the retry mode ("standard" adds "(reached max
    # retries: 0)" to error lines), and ./certreg iot must print what the CLI prints in its default mode.
    return run("certreg-cross-language-", run_checks, retry_mode=None)


if __name__ == "__main__":
    sys.exit(main())
