#!/usr/bin/env python3
"""Cross-language resumption check: a NextToken made by boto3 (or the AWS CLI) resumes in ``./certreg iot``,
and one made by ``./certreg iot`` resumes in boto3 (and the AWS CLI).

Starts ``./certreg serve`` on a free 127.0.0.1 port with a temporary data directory, registers a CA and
120 device certificates with boto3, then walks ListCertificatesByCA in StartingToken chains that hand the token
from one client to the other in the middle of a page (MaxItems 17 with PageSize 10, so every token carries
``boto_truncate_amount``), in both orders. Every chain must list every certificate exactly once, in the order
of one boto3 walk. It also checks that ``./certreg iot`` prints byte for byte what ``aws iot`` prints.

Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last line is
``N passed, M failed``. Exit status 1 if anything failed. The server is always stopped, by its PID.

Uses boto3, cryptography, the ``aws`` command and the ``./certreg`` launcher; everything talks to 127.0.0.1.
"""

import base64
import datetime
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(REPO_ROOT, "certreg")
HOST = "127.0.0.1"
REGION = "us-east-1"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "secret"
DEVICES = 120
PAGE_SIZE = 10
MAX_ITEMS = 17          # does not divide PAGE_SIZE: every token cuts a page
AWS_CLI_MAX_ITEMS = 23  # the AWS CLI v1 cannot combine --page-size with --max-items; it pages by 25
BUILD_TIMEOUT_S = 900   # the launcher builds the jar first when the sources are newer
START_TIMEOUT_S = 120
COMMAND_TIMEOUT_S = 120
STOP_TIMEOUT_S = 20
ORDERS = {"newest first": False, "oldest first": True}


class CheckFailed(Exception):
    """A check's expectation did not hold."""


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, description, fn, *args):
        """Runs fn(*args): ok if it returns, FAIL if it raises. Returns whether it passed."""
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - any crash of a check is a failed check
            self.failed += 1
            detail = " ".join(("%s: %s" % (type(e).__name__, e) if not isinstance(e, CheckFailed) else str(e)).split())
            print("FAIL - %s: %s" % (description, detail[:2000]), flush=True)
            return False
        self.passed += 1
        print("ok - " + description, flush=True)
        return True


# ------------------------------------------------------------------------------------------------ environment

def isolated_environment(tmp):
    """os.environ without the caller's AWS_* and proxy settings, plus fixed credentials and region."""
    env = {k: v for k, v in os.environ.items()
           if not k.upper().startswith("AWS_") and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": os.path.join(tmp, "no-such-dir", "config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "no-such-dir", "credentials"),
        "AWS_MAX_ATTEMPTS": "1",
        "AWS_EC2_METADATA_DISABLED": "true",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    })
    return env


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def answers(endpoint):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(endpoint + "/", timeout=5):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP status means it is serving
    except (urllib.error.URLError, OSError):
        return False


class Server:
    """./certreg serve in its own session; stopped by its PID (the launcher execs the JVM)."""

    def __init__(self, env, tmp):
        self.env = env
        self.port = free_port()
        self.endpoint = "http://%s:%d" % (HOST, self.port)
        self.data_dir = os.path.join(tmp, "data")
        self.log_path = os.path.join(tmp, "server.log")
        self.proc = None
        self.log = None

    def start(self):
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [LAUNCHER, "serve", "--host", HOST, "--port", str(self.port), "--data-dir", self.data_dir],
            cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        print("# started server pid %d on %s" % (self.proc.pid, self.endpoint), flush=True)

    def wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            code = self.proc.poll()
            expect(code is None, "server exited with status %s before answering; log: %s" % (code, self.tail()))
            if answers(self.endpoint):
                return
            time.sleep(0.25)
        raise CheckFailed("no HTTP answer within %d s; log: %s" % (START_TIMEOUT_S, self.tail()))

    def tail(self):
        try:
            with open(self.log_path, "r", errors="replace") as f:
                return f.read()[-2000:]
        except OSError as e:
            return "<%s>" % e

    def stop(self):
        if self.proc is None:
            return
        pid = self.proc.pid
        try:
            if self.proc.poll() is None:
                os.kill(pid, signal.SIGTERM)
                try:
                    self.proc.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    print("# server pid %d ignored SIGTERM; sending SIGKILL" % pid, flush=True)
                    os.kill(pid, signal.SIGKILL)
                    self.proc.wait(timeout=STOP_TIMEOUT_S)
            print("# stopped server pid %d (exit status %s)" % (pid, self.proc.returncode), flush=True)
        except ProcessLookupError:
            pass
        finally:
            self.log.close()


# ------------------------------------------------------------------------------------------------ certificates

def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _certificate(subject, issuer, public_key, signing_key, is_ca):
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    return (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
            .sign(signing_key, hashes.SHA256()))


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def mint_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("certreg cross-language CA")
    return key, _certificate(name, name, key.public_key(), key, True)


def mint_leaf(ca_key, ca_cert, cn):
    return _certificate(_name(cn), ca_cert.subject, ec.generate_private_key(ec.SECP256R1()).public_key(), ca_key,
                        False)


# ------------------------------------------------------------------------------------------------ the checks

def decode_token(token):
    return json.loads(base64.b64decode(token))


class Checks:
    def __init__(self, server, env):
        self.server = server
        self.env = env
        self.boto = boto3.session.Session(
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name=REGION,
        ).client("iot", endpoint_url=server.endpoint, config=Config(
            retries={"total_max_attempts": 1, "mode": "standard"}, proxies={}))
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
        return self.run(["aws", "iot"] + list(args) + ["--endpoint-url", self.server.endpoint])

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
        expected = self.oracle[ascending]
        if walked == expected:
            return
        detail = "got %d ids (%d distinct), expected %d" % (len(walked), len(set(walked)), len(expected))
        for i, (a, b) in enumerate(zip(walked, expected)):
            if a != b:
                detail += "; first difference at index %d: got %s, expected %s" % (i, a[:12], b[:12])
                break
        raise CheckFailed(detail)

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
        ca_key, ca_cert = mint_ca()
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


def main():
    report = Report()
    with tempfile.TemporaryDirectory(prefix="certreg-cross-language-") as tmp:
        env = isolated_environment(tmp)
        server = Server(env, tmp)
        checks = Checks(server, env)
        try:
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
                report.check("./certreg iot %s prints what aws iot prints" % shown,
                             checks.prints_what_aws_prints, *args)
        finally:
            server.stop()
    print("%d passed, %d failed" % (report.passed, report.failed), flush=True)
    return 1 if report.failed or not report.passed else 0


if __name__ == "__main__":
    sys.exit(main())
