#!/usr/bin/env python3
"""Real-client check for certreg: drives a freshly started server with boto3 and the AWS CLI v1.

Starts ``./certreg serve`` on a free 127.0.0.1 port with a temporary data directory, registers a CA and
several hundred device certificates, then walks ListCertificatesByCA with the boto3 paginator (many
PaginationConfig combinations, StartingToken chains, both orders) and with ``aws iot
list-certificates-by-ca`` (--max-items / --starting-token chains), comparing every walk with one oracle walk.

Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last line is
``N passed, M failed``. Exit status 0 only when nothing failed. The server is always stopped.

Only boto3, botocore, cryptography and the ``aws`` command are used. Everything talks to 127.0.0.1.
"""

import base64
import datetime
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"
REGION = "us-east-1"
ACCOUNT = "123456789012"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "secret"

DEVICE_COUNT = int(os.environ.get("CERTREG_CHECK_DEVICES", "300"))
START_TIMEOUT_S = float(os.environ.get("CERTREG_CHECK_START_TIMEOUT", "120"))
STOP_TIMEOUT_S = 20
CLI_TIMEOUT_S = 90
REGISTER_WORKERS = 8
# Oracle walk page size and the paginator walks: (PageSize, MaxItems); MaxItems None = one full walk,
# otherwise a StartingToken chain. Every MaxItems here cuts some page in the middle.
ORACLE_PAGE_SIZE = 250
PAGINATOR_WALKS = [
    (7, None), (25, None), (100, None), (250, None),
    (7, 50), (25, 123), (100, 50), (250, 123),
]
CLI_MAX_ITEMS = 70


class CheckFailed(Exception):
    """A check's expectation did not hold."""


class Abort(Exception):
    """A prerequisite failed; the remaining checks cannot run."""


# --------------------------------------------------------------------------------------------------- reporting

class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, description):
        self.passed += 1
        print("ok - " + description, flush=True)

    def fail(self, description, detail):
        self.failed += 1
        detail = " ".join(str(detail).split())  # one line
        if len(detail) > 2000:
            detail = detail[:2000] + "..."
        print("FAIL - %s: %s" % (description, detail), flush=True)

    def check(self, description, fn, *args, **kwargs):
        """Run fn; ok if it returns, FAIL if it raises. Returns (passed, value)."""
        try:
            value = fn(*args, **kwargs)
        except CheckFailed as e:
            self.fail(description, e)
            return False, None
        except ClientError as e:
            self.fail(description, "unexpected %s" % describe_client_error(e))
            return False, None
        except Exception as e:  # noqa: BLE001 - any crash of a check is a failed check
            self.fail(description, "%s: %s" % (type(e).__name__, e))
            traceback.print_exc(file=sys.stdout)
            return False, None
        self.ok(description + (" (%s)" % value if isinstance(value, str) and value else ""))
        return True, value


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def describe_client_error(e):
    response = e.response or {}
    error = response.get("Error", {})
    meta = response.get("ResponseMetadata", {})
    return "ClientError code=%r message=%r http=%r" % (
        error.get("Code"), error.get("Message"), meta.get("HTTPStatusCode"))


def compare_ids(actual, expected):
    """CheckFailed describing the first difference unless actual == expected exactly."""
    if actual == expected:
        return
    detail = "got %d ids, expected %d" % (len(actual), len(expected))
    dupes = len(actual) - len(set(actual))
    if dupes:
        detail += "; %d duplicates" % dupes
    missing = set(expected) - set(actual)
    extra = set(actual) - set(expected)
    if missing:
        detail += "; %d missing" % len(missing)
    if extra:
        detail += "; %d unexpected" % len(extra)
    for i, (a, b) in enumerate(zip(actual, expected)):
        if a != b:
            detail += "; first difference at index %d: got %s expected %s" % (i, a[:16], b[:16])
            break
    else:
        detail += "; one is a prefix of the other"
    raise CheckFailed(detail)


# --------------------------------------------------------------------------------------------------- environment

def isolated_environment(tmp):
    """os.environ without any AWS_* or proxy setting of the caller, plus our fixed credentials and region."""
    env = {k: v for k, v in os.environ.items()
           if not k.upper().startswith("AWS_") and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": os.path.join(tmp, "no-such-dir", "config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "no-such-dir", "credentials"),
        "AWS_MAX_ATTEMPTS": "1",
        "AWS_RETRY_MODE": "standard",
        "AWS_EC2_METADATA_DISABLED": "true",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    return env


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def read_log(path, limit=20000):
    try:
        with open(path, "r", errors="replace") as f:
            text = f.read()
    except OSError as e:
        return "<cannot read %s: %s>" % (path, e)
    return text if len(text) <= limit else "...\n" + text[-limit:]


def print_log(path):
    print("----- server log (%s) -----" % path)
    print(read_log(path))
    print("----- end of server log -----", flush=True)


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def probe(endpoint):
    """One GET to the endpoint: 'HTTP <status>' if anything answered, else the error."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(endpoint + "/", timeout=5) as response:
            return "HTTP %d" % response.status
    except urllib.error.HTTPError as e:  # any HTTP status means it is answering
        return "HTTP %d" % e.code
    except (urllib.error.URLError, OSError) as e:
        return "no answer: %s" % (getattr(e, "reason", None) or e)


class Server:
    def __init__(self, port, data_dir, log_path, env):
        self.port = port
        self.data_dir = data_dir
        self.log_path = log_path
        self.env = env
        self.proc = None
        self.endpoint = "http://%s:%d" % (HOST, port)

    def start(self):
        launcher = os.path.join(REPO_ROOT, "certreg")
        expect(os.path.isfile(launcher), "launcher %s does not exist" % launcher)
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [launcher, "serve", "--host", HOST, "--port", str(self.port), "--data-dir", self.data_dir],
            cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True)
        print("# started server pid %d on %s (data dir %s)" % (self.proc.pid, self.endpoint, self.data_dir),
              flush=True)

    def wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT_S
        last_error = None
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                raise CheckFailed("server exited with status %d before answering" % code)
            answer = probe(self.endpoint)
            if answer.startswith("HTTP "):
                return answer
            last_error = answer
            time.sleep(0.25)
        raise CheckFailed("no HTTP answer within %.0f s (last error: %s)" % (START_TIMEOUT_S, last_error))

    def still_running(self):
        code = self.proc.poll()
        expect(code is None, "the server process exited during the run with status %s "
               "(negative = killed by that signal; 143 = a SIGTERM it handled)" % code)

    def stop(self):
        if self.proc is None:
            return
        pid = self.proc.pid
        try:
            if self.proc.poll() is not None:
                print("# server pid %d had already exited (status %s) before we stopped it"
                      % (pid, self.proc.returncode), flush=True)
                try:
                    os.killpg(pid, signal.SIGTERM)  # anything left of its group
                except (ProcessLookupError, PermissionError):
                    pass
            else:
                try:
                    os.killpg(pid, signal.SIGTERM)  # start_new_session: the group id is the server's pid
                except ProcessLookupError:
                    pass
                try:
                    self.proc.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    print("# server pid %d ignored SIGTERM for %d s; sending SIGKILL" % (pid, STOP_TIMEOUT_S))
                    try:
                        os.killpg(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    self.proc.wait(timeout=STOP_TIMEOUT_S)
            # The launcher may have forked the JVM instead of exec'ing it: wait for the rest of the group
            # to finish its SIGTERM shutdown, then SIGKILL whatever is left.
            deadline = time.monotonic() + STOP_TIMEOUT_S
            while group_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if group_alive(pid):
                print("# process group %d still alive after %d s; sending SIGKILL" % (pid, STOP_TIMEOUT_S))
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            print("# stopped server pid %d (exit status %s)" % (pid, self.proc.returncode), flush=True)
        finally:
            self._log.close()


# --------------------------------------------------------------------------------------------------- certificates

def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def pem_of(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def sha256_hex(cert):
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def mint_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    name = _name("certreg check CA")
    cert = (x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


def mint_leaf(ca_key, ca_cert, cn, days):
    """A certificate for a new EC P-256 key, subject CN=cn, issued and signed by the CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    return (x509.CertificateBuilder()
            .subject_name(_name(cn))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))


def verify_signed_by(cert, ca_cert):
    """Raises unless cert's issuer is ca_cert's subject and ca_cert's key verifies its signature."""
    if cert.issuer != ca_cert.subject:
        raise CheckFailed("issuer %s is not the CA subject %s" % (cert.issuer, ca_cert.subject))
    ca_cert.public_key().verify(cert.signature, cert.tbs_certificate_bytes,
                                ec.ECDSA(cert.signature_hash_algorithm))


# --------------------------------------------------------------------------------------------------- the checks

class Checks:
    def __init__(self, report, endpoint, env, log_path):
        self.report = report
        self.endpoint = endpoint
        self.env = env
        self.log_path = log_path
        self.client = boto3.session.Session(
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name=REGION,
        ).client("iot", endpoint_url=endpoint, config=Config(
            retries={"total_max_attempts": 1, "mode": "standard"},
            connect_timeout=10, read_timeout=60, max_pool_connections=REGISTER_WORKERS + 2,
            proxies={}))
        self.registration_code = None
        self.ca_key = self.ca_cert = self.ca_pem = self.ca_id = None
        self.device_pems = {}   # certificateId -> PEM of every device certificate we registered
        self.expected_desc = None

    # ---------------------------------------------------------------- setup

    def launcher_announced_endpoint(self):
        deadline = time.monotonic() + 5
        while True:
            if self.endpoint in read_log(self.log_path, limit=10 ** 7):
                return
            if time.monotonic() >= deadline:
                raise CheckFailed("the server log does not contain %s" % self.endpoint)
            time.sleep(0.2)

    def registration_code_is_stable(self):
        first = self.client.get_registration_code().get("registrationCode")
        expect(isinstance(first, str) and re.fullmatch(r"[0-9a-fA-F]{64}", first) is not None,
               "registrationCode is not 64 hex chars: %r" % (first,))
        second = self.client.get_registration_code().get("registrationCode")
        expect(first == second, "registration code changed between calls: %r then %r" % (first, second))
        self.registration_code = first
        return None

    def register_ca(self):
        self.ca_key, self.ca_cert = mint_ca()
        self.ca_pem = pem_of(self.ca_cert)
        verification = mint_leaf(self.ca_key, self.ca_cert, self.registration_code, days=30)
        verify_signed_by(verification, self.ca_cert)
        response = self.client.register_ca_certificate(
            caCertificate=self.ca_pem, verificationCertificate=pem_of(verification), setAsActive=True)
        expected_id = sha256_hex(self.ca_cert)
        expect(response.get("certificateId") == expected_id,
               "certificateId %r is not the CA's SHA-256 %s" % (response.get("certificateId"), expected_id))
        expected_arn = "arn:aws:iot:%s:%s:cacert/%s" % (REGION, ACCOUNT, expected_id)
        expect(response.get("certificateArn") == expected_arn,
               "certificateArn %r, expected %r" % (response.get("certificateArn"), expected_arn))
        self.ca_id = expected_id

    def register_devices(self):
        certs = [mint_leaf(self.ca_key, self.ca_cert, "device-%d" % i, days=30) for i in range(DEVICE_COUNT)]
        verify_signed_by(certs[0], self.ca_cert)
        pems = [pem_of(c) for c in certs]

        def register(pem):
            try:
                return pem, self.client.register_certificate(
                    certificatePem=pem, caCertificatePem=self.ca_pem, status="ACTIVE"), None
            except ClientError as e:
                return pem, None, describe_client_error(e)
            except Exception as e:  # noqa: BLE001
                return pem, None, "%s: %s" % (type(e).__name__, e)

        with ThreadPoolExecutor(max_workers=REGISTER_WORKERS) as pool:
            results = list(pool.map(register, pems))
        problems = []
        for cert, (pem, response, error) in zip(certs, results):
            expected_id = sha256_hex(cert)
            if error is not None:
                problems.append("device %s: %s" % (expected_id[:12], error))
                continue
            got_id = response.get("certificateId")
            expected_arn = "arn:aws:iot:%s:%s:cert/%s" % (REGION, ACCOUNT, expected_id)
            if got_id != expected_id:
                problems.append("certificateId %r is not the SHA-256 %s" % (got_id, expected_id))
            elif response.get("certificateArn") != expected_arn:
                problems.append("certificateArn %r, expected %r" % (response.get("certificateArn"), expected_arn))
            if got_id:
                self.device_pems[got_id] = pem
        if problems:
            raise CheckFailed("%d of %d registrations went wrong; first: %s"
                              % (len(problems), DEVICE_COUNT, "; ".join(problems[:3])))
        expect(len(self.device_pems) == DEVICE_COUNT,
               "%d distinct certificate ids for %d certificates" % (len(self.device_pems), DEVICE_COUNT))

    # ---------------------------------------------------------------- errors and edge cases

    def expect_client_error(self, code, fn, **kwargs):
        try:
            response = fn(**kwargs)
        except ClientError as e:
            got = (e.response or {}).get("Error", {}).get("Code")
            expect(got == code, "expected %s, got %s" % (code, describe_client_error(e)))
            return e
        raise CheckFailed("expected %s, the call succeeded: %s"
                          % (code, {k: v for k, v in response.items() if k != "ResponseMetadata"}))

    def duplicate_register(self):
        cert_id, pem = next(iter(self.device_pems.items()))
        e = self.expect_client_error("ResourceAlreadyExistsException", self.client.register_certificate,
                                     certificatePem=pem, caCertificatePem=self.ca_pem, status="ACTIVE")
        status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        expect(status == 409, "HTTP status %r, expected 409" % status)
        resource_id = e.response.get("resourceId")
        expect(resource_id is not None, "error response has no resourceId: %r"
               % {k: v for k, v in e.response.items() if k != "ResponseMetadata"})
        expect(resource_id == cert_id, "resourceId %r is not the certificate id %s" % (resource_id, cert_id))

    def page_size_too_large(self):
        self.expect_client_error("InvalidRequestException", self.client.list_certificates_by_ca,
                                 caCertificateId=self.ca_id, pageSize=251)

    def garbage_marker(self):
        self.expect_client_error("InvalidRequestException", self.client.list_certificates_by_ca,
                                 caCertificateId=self.ca_id, marker="Zm9vYmFy")

    def unknown_ca(self):
        response = self.client.list_certificates_by_ca(caCertificateId="0" * 64)
        expect(response.get("certificates", []) == [], "certificates: %r" % response.get("certificates"))
        expect(not response.get("nextMarker"), "nextMarker present: %r" % response.get("nextMarker"))

    # ---------------------------------------------------------------- the oracle walk

    def oracle_walk(self):
        """One raw walk, default (descending) order, pageSize 250: the expected order for every other walk."""
        items, marker, requests = [], None, 0
        max_requests = DEVICE_COUNT // ORACLE_PAGE_SIZE + 5
        while True:
            requests += 1
            expect(requests <= max_requests, "no end after %d requests (%d items so far)"
                   % (max_requests, len(items)))
            kwargs = {"caCertificateId": self.ca_id, "pageSize": ORACLE_PAGE_SIZE}
            if marker:
                kwargs["marker"] = marker
            response = self.client.list_certificates_by_ca(**kwargs)
            page = response.get("certificates", [])
            expect(len(page) <= ORACLE_PAGE_SIZE, "a page of %d items for pageSize %d"
                   % (len(page), ORACLE_PAGE_SIZE))
            items.extend(page)
            marker = response.get("nextMarker")
            if not marker:
                break
        ids = [c.get("certificateId") for c in items]
        expect(len(ids) == len(set(ids)), "%d duplicate ids in the walk" % (len(ids) - len(set(ids))))
        missing = set(self.device_pems) - set(ids)
        extra = set(ids) - set(self.device_pems)
        expect(not missing and not extra, "%d registered certificates missing, %d unexpected (of %d listed)"
               % (len(missing), len(extra), len(ids)))
        for c in items:
            cid = c["certificateId"]
            arn = "arn:aws:iot:%s:%s:cert/%s" % (REGION, ACCOUNT, cid)
            expect(c.get("certificateArn") == arn, "certificateArn %r, expected %r" % (c.get("certificateArn"), arn))
            expect(c.get("status") == "ACTIVE", "certificate %s has status %r" % (cid[:12], c.get("status")))
            expect(isinstance(c.get("creationDate"), datetime.datetime),
                   "certificate %s has creationDate %r" % (cid[:12], c.get("creationDate")))
        keys = [(c["creationDate"], c["certificateId"]) for c in items]
        for i in range(len(keys) - 1):
            expect(keys[i] > keys[i + 1], "not descending by (creationDate, certificateId) at index %d: %s then %s"
                   % (i, (str(keys[i][0]), keys[i][1][:12]), (str(keys[i + 1][0]), keys[i + 1][1][:12])))
        self.expected_desc = ids
        return "%d requests" % requests

    def expected(self, ascending):
        return list(reversed(self.expected_desc)) if ascending else list(self.expected_desc)

    # ---------------------------------------------------------------- boto3 paginator walks

    def paginator_full_walk(self, ascending, page_size):
        """No MaxItems: page by page, each page at most PageSize, no NextToken, the whole list in order."""
        paginator = self.client.get_paginator("list_certificates_by_ca")
        kwargs = {"caCertificateId": self.ca_id, "PaginationConfig": {"PageSize": page_size}}
        if ascending:
            kwargs["ascendingOrder"] = True
        ids, pages = [], 0
        max_pages = DEVICE_COUNT // page_size + 5
        for page in paginator.paginate(**kwargs):
            pages += 1
            expect(pages <= max_pages, "no end after %d pages" % max_pages)
            certs = page.get("certificates", [])
            expect(len(certs) <= page_size, "page %d has %d items for PageSize %d" % (pages, len(certs), page_size))
            ids.extend(c["certificateId"] for c in certs)
        compare_ids(ids, self.expected(ascending))
        result = paginator.paginate(**kwargs).build_full_result()
        expect("NextToken" not in result, "build_full_result without MaxItems gave NextToken %r"
               % result.get("NextToken"))
        compare_ids([c["certificateId"] for c in result.get("certificates", [])], self.expected(ascending))

    def paginator_chain(self, ascending, page_size, max_items):
        """build_full_result with MaxItems, fed back NextToken as StartingToken until no NextToken."""
        paginator = self.client.get_paginator("list_certificates_by_ca")
        ids, token, links, truncated_mid_page = [], None, 0, False
        max_links = DEVICE_COUNT // max_items + 3
        while True:
            links += 1
            expect(links <= max_links, "no end after %d StartingToken links (%d items so far)"
                   % (max_links, len(ids)))
            config = {"PageSize": page_size, "MaxItems": max_items}
            if token is not None:
                config["StartingToken"] = token
            result = paginator.paginate(caCertificateId=self.ca_id, ascendingOrder=ascending,
                                        PaginationConfig=config).build_full_result()
            certs = result.get("certificates", [])
            next_token = result.get("NextToken")
            expect(len(certs) <= max_items, "link %d returned %d items for MaxItems %d"
                   % (links, len(certs), max_items))
            if next_token:
                expect(len(certs) == max_items, "link %d returned %d items and a NextToken, MaxItems %d"
                       % (links, len(certs), max_items))
                truncated_mid_page = truncated_mid_page or "boto_truncate_amount" in decode_token(next_token)
            ids.extend(c["certificateId"] for c in certs)
            if not next_token:
                break
            token = next_token
        compare_ids(ids, self.expected(ascending))
        if max_items % page_size and len(ids) > max_items:
            expect(truncated_mid_page, "no NextToken carried boto_truncate_amount although MaxItems %d cuts "
                   "pages of %d" % (max_items, page_size))
        return "%d links%s" % (links, ", truncated mid-page" if truncated_mid_page else "")

    # ---------------------------------------------------------------- AWS CLI walks

    def aws(self, *args):
        command = [AWS_CLI, "iot", "list-certificates-by-ca", "--ca-certificate-id", self.ca_id,
                   "--endpoint-url", self.endpoint, "--region", REGION, "--output", "json"] + list(args)
        try:
            done = subprocess.run(command, env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                                  text=True, timeout=CLI_TIMEOUT_S, cwd=REPO_ROOT)
        except subprocess.TimeoutExpired:
            raise CheckFailed("%s timed out after %d s" % (" ".join(args) or "(no options)", CLI_TIMEOUT_S))
        if done.returncode != 0:
            raise CheckFailed("aws ... %s exited %d: %s [a GET to the endpoint right after: %s]"
                              % (" ".join(args), done.returncode, (done.stderr or done.stdout).strip()[-1000:],
                                 probe(self.endpoint)))
        try:
            return json.loads(done.stdout) if done.stdout.strip() else {}
        except ValueError:
            raise CheckFailed("aws printed no JSON: %r" % done.stdout[:500])

    def cli_chain(self, ascending):
        ids, token, calls = [], None, 0
        max_calls = DEVICE_COUNT // CLI_MAX_ITEMS + 3
        while True:
            calls += 1
            expect(calls <= max_calls, "no end after %d calls (%d items so far)" % (max_calls, len(ids)))
            args = ["--max-items", str(CLI_MAX_ITEMS)]
            if ascending:
                args.append("--ascending-order")
            if token is not None:
                args += ["--starting-token", token]
            output = self.aws(*args)
            certs = output.get("certificates", [])
            expect(len(certs) <= CLI_MAX_ITEMS, "call %d printed %d items for --max-items %d"
                   % (calls, len(certs), CLI_MAX_ITEMS))
            ids.extend(c["certificateId"] for c in certs)
            token = output.get("NextToken")
            if not token:
                break
        compare_ids(ids, self.expected(ascending))
        return "%d calls" % calls

    def cli_plain(self):
        output = self.aws()
        expect(not output.get("NextToken"), "NextToken printed: %r" % output.get("NextToken"))
        compare_ids([c["certificateId"] for c in output.get("certificates", [])], self.expected(False))


def decode_token(token):
    """The JSON inside a botocore pagination token, or {} if it is a bare marker."""
    try:
        return json.loads(base64.b64decode(token).decode("utf-8"))
    except Exception:  # noqa: BLE001
        return {}


AWS_CLI = shutil.which("aws") or "aws"


# --------------------------------------------------------------------------------------------------- main

def run_checks(report, server, env):
    ok, answer = report.check("server starts and answers HTTP on %s" % server.endpoint, server.wait_ready)
    if not ok:
        raise Abort("the server is not up")
    checks = Checks(report, server.endpoint, env, server.log_path)
    report.check("launcher printed the endpoint URL %s" % server.endpoint, checks.launcher_announced_endpoint)

    ok, _ = report.check("get_registration_code: 64 hex chars, stable across calls",
                         checks.registration_code_is_stable)
    if not ok:
        raise Abort("no registration code")
    ok, _ = report.check("register_ca_certificate with verification certificate: id = SHA-256 of DER, cacert ARN",
                         checks.register_ca)
    if not ok:
        raise Abort("no CA")
    started = time.monotonic()
    ok, _ = report.check("register_certificate x%d (%d threads): ids = SHA-256 of DER, cert ARNs"
                         % (DEVICE_COUNT, REGISTER_WORKERS), checks.register_devices)
    print("# device registration took %.1f s" % (time.monotonic() - started), flush=True)
    if not checks.device_pems:
        raise Abort("no device certificate registered")

    report.check("duplicate register_certificate -> 409 ResourceAlreadyExistsException with resourceId",
                 checks.duplicate_register)
    report.check("list_certificates_by_ca pageSize=251 -> InvalidRequestException", checks.page_size_too_large)
    report.check("list_certificates_by_ca marker='Zm9vYmFy' -> InvalidRequestException", checks.garbage_marker)
    report.check("list_certificates_by_ca unknown CA id -> empty list, no nextMarker", checks.unknown_ca)

    ok, _ = report.check("oracle walk (pageSize=%d, default order): exactly the registered set, descending by "
                         "(creationDate, certificateId), ARNs and status" % ORACLE_PAGE_SIZE, checks.oracle_walk)
    if not ok:
        raise Abort("no expected order")

    for ascending in (False, True):
        order = "ascending" if ascending else "descending"
        for page_size, max_items in PAGINATOR_WALKS:
            if max_items is None:
                report.check("paginator %s PageSize=%d: every certificate once, in order, pages <= PageSize"
                             % (order, page_size), checks.paginator_full_walk, ascending, page_size)
            else:
                report.check("paginator %s PageSize=%d MaxItems=%d StartingToken chain: every certificate once, "
                             "in order" % (order, page_size, max_items),
                             checks.paginator_chain, ascending, page_size, max_items)

    for ascending in (False, True):
        order = "--ascending-order" if ascending else "default order"
        report.check("aws iot list-certificates-by-ca %s --max-items %d --starting-token chain: every certificate "
                     "once, in order" % (order, CLI_MAX_ITEMS), checks.cli_chain, ascending)
    report.check("aws iot list-certificates-by-ca (auto-pagination): every certificate once, descending",
                 checks.cli_plain)
    report.check("server still running after all checks", server.still_running)


def main():
    def on_signal(signum, _frame):
        raise KeyboardInterrupt("signal %d" % signum)
    signal.signal(signal.SIGTERM, on_signal)

    began = time.monotonic()
    report = Report()
    tmp = tempfile.mkdtemp(prefix="certreg-check-")
    data_dir = os.path.join(tmp, "data")
    os.mkdir(data_dir)
    log_path = os.path.join(tmp, "server.log")
    env = isolated_environment(tmp)
    # boto3 in this process reads the same variables: no user config, no proxy.
    for key in [k for k in os.environ if k.upper().startswith("AWS_")
                or k.lower() in ("http_proxy", "https_proxy", "all_proxy")]:
        del os.environ[key]
    os.environ.update({k: v for k, v in env.items() if k.upper().startswith("AWS_") or k.lower() == "no_proxy"})

    server = Server(free_port(), data_dir, log_path, env)
    keep = False
    try:
        ok, _ = report.check("launcher ./certreg serve starts", server.start)
        if ok:
            run_checks(report, server, env)
    except Abort as e:
        report.fail("remaining checks", "not run: %s" % e)
    except KeyboardInterrupt as e:
        report.fail("run", "interrupted (%s)" % (e or "SIGINT"))
    except Exception as e:  # noqa: BLE001
        traceback.print_exc(file=sys.stdout)
        report.fail("run", "crashed: %s: %s" % (type(e).__name__, e))
    finally:
        try:
            server.stop()
        except Exception as e:  # noqa: BLE001
            report.fail("stop the server", "%s: %s" % (type(e).__name__, e))
        if report.failed:
            print_log(log_path)
            keep = os.environ.get("CERTREG_CHECK_KEEP") == "1"
        if keep:
            print("# kept %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print("# runtime %.1f s" % (time.monotonic() - began))
    print("%d passed, %d failed" % (report.passed, report.failed), flush=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
