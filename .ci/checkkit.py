"""Shared pieces of the real-client checks in .ci/: reporting, an isolated environment, ``./certreg serve`` in
its own process group, test certificates and botocore pagination tokens.

A check script builds its checks on top of this module and hands them to ``run()``, which starts from a fresh
temporary directory and environment, always stops the server, and prints the closing ``N passed, M failed`` line.
Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; lines starting with ``#`` are
diagnostics.

Only the standard library, boto3, botocore and cryptography are used. Everything talks to 127.0.0.1.
"""

import base64
import datetime
import json
import os
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

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(REPO_ROOT, "certreg")
AWS_CLI = shutil.which("aws") or "aws"
HOST = "127.0.0.1"
REGION = "us-east-1"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "secret"

START_TIMEOUT_S = float(os.environ.get("CERTREG_CHECK_START_TIMEOUT", "120"))
STOP_TIMEOUT_S = 20


class CheckFailed(Exception):
    """A check's expectation did not hold."""


class Abort(Exception):
    """A prerequisite failed; the remaining checks cannot run."""


def expect(condition, message):
    """Raises CheckFailed(message) unless condition holds."""
    if not condition:
        raise CheckFailed(message)


# --------------------------------------------------------------------------------------------------- reporting

def describe_client_error(e):
    """One line with the error code, message and HTTP status of a botocore ClientError."""
    response = e.response or {}
    error = response.get("Error", {})
    meta = response.get("ResponseMetadata", {})
    return "ClientError code=%r message=%r http=%r" % (
        error.get("Code"), error.get("Message"), meta.get("HTTPStatusCode"))


class Report:
    """Counts and prints the outcome of each check."""

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
        """Runs fn(*args, **kwargs): ok if it returns, FAIL if it raises. Returns whether it passed.

        A non-empty string that fn returns is appended to the ok line in parentheses. An unexpected exception
        (anything but CheckFailed or a ClientError) also prints its traceback.
        """
        try:
            value = fn(*args, **kwargs)
        except CheckFailed as e:
            self.fail(description, e)
            return False
        except ClientError as e:
            self.fail(description, "unexpected %s" % describe_client_error(e))
            return False
        except Exception as e:  # noqa: BLE001 - any crash of a check is a failed check
            self.fail(description, "%s: %s" % (type(e).__name__, e))
            traceback.print_exc(file=sys.stdout)
            return False
        self.ok(description + (" (%s)" % value if isinstance(value, str) and value else ""))
        return True

    def finish(self):
        """Prints the closing line; returns the exit status: 0 only if something passed and nothing failed."""
        print("%d passed, %d failed" % (self.passed, self.failed), flush=True)
        return 1 if self.failed or not self.passed else 0


def compare_ids(actual, expected):
    """Raises CheckFailed describing the first difference unless actual == expected exactly."""
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

def isolated_environment(tmp, retry_mode="standard"):
    """os.environ without any AWS_* or proxy setting of the caller, plus our fixed credentials and region.

    The AWS config and credentials files point into a directory under tmp that does not exist, and every
    client makes exactly one attempt per call. AWS_RETRY_MODE is set to retry_mode, or left unset (the
    client's default mode) when retry_mode is None.
    """
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
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    if retry_mode is not None:
        env["AWS_RETRY_MODE"] = retry_mode
    return env


def isolate_this_process(env):
    """Makes boto3 in this process read the same AWS_* and no-proxy settings as env: no user config, no proxy."""
    for key in [k for k in os.environ if k.upper().startswith("AWS_")
                or k.lower() in ("http_proxy", "https_proxy", "all_proxy")]:
        del os.environ[key]
    os.environ.update({k: v for k, v in env.items() if k.upper().startswith("AWS_") or k.lower() == "no_proxy"})


def iot_client(endpoint, **config):
    """A boto3 IoT client for endpoint with our credentials, one attempt per call and no proxy.

    config holds further botocore Config options (timeouts, pool size).
    """
    return boto3.session.Session(
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name=REGION,
    ).client("iot", endpoint_url=endpoint, config=Config(
        retries={"total_max_attempts": 1, "mode": "standard"}, proxies={}, **config))


def free_port():
    """A TCP port on HOST that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


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


def read_log(path, limit=20000):
    """The last limit characters of the file at path (or why it cannot be read)."""
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


# --------------------------------------------------------------------------------------------------- the server

def group_alive(pgid):
    """Whether any process of the process group pgid is still there."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Server:
    """``./certreg serve`` on a free port of HOST, with its data directory and log file in tmp.

    It runs in its own session, so its process group id is its PID; stop() signals that group, which also
    reaches a JVM the launcher forked instead of exec'ing.
    """

    def __init__(self, env, tmp):
        self.env = env
        self.port = free_port()
        self.mqtt_port = free_port()
        self.endpoint = "http://%s:%d" % (HOST, self.port)
        self.data_dir = os.path.join(tmp, "data")
        self.log_path = os.path.join(tmp, "server.log")
        os.makedirs(self.data_dir, exist_ok=True)
        self.proc = None
        self.log = None

    def start(self):
        expect(os.path.isfile(LAUNCHER), "launcher %s does not exist" % LAUNCHER)
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [LAUNCHER, "serve", "--host", HOST, "--port", str(self.port), "--mqtt-port", str(self.mqtt_port),
             "--data-dir", self.data_dir],
            cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        print("# started server pid %d on %s (data dir %s)" % (self.proc.pid, self.endpoint, self.data_dir),
              flush=True)

    def wait_ready(self):
        """Waits up to START_TIMEOUT_S for any HTTP answer; returns it ('HTTP <status>')."""
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
        """Raises CheckFailed if the server process has exited."""
        code = self.proc.poll()
        expect(code is None, "the server process exited during the run with status %s "
               "(negative = killed by that signal; 143 = a SIGTERM it handled)" % code)

    def stop(self):
        """SIGTERM to the server's process group, SIGKILL after STOP_TIMEOUT_S; no-op if it never started."""
        try:
            if self.proc is not None:
                self._stop(self.proc.pid)
        finally:
            if self.log is not None:
                self.log.close()

    def _stop(self, pid):
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


# --------------------------------------------------------------------------------------------------- certificates

def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def pem(cert):
    """The certificate in PEM, as a str."""
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def mint_ca(cn="certreg check CA"):
    """(key, certificate) of a new self-signed EC P-256 CA, subject CN=cn, valid for a year."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    name = _name(cn)
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


def mint_leaf(ca_key, ca_cert, cn, days=365, key=None):
    """A certificate for key (a new EC P-256 key if None), subject CN=cn, issued and signed by the CA."""
    key = key or ec.generate_private_key(ec.SECP256R1())
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


# --------------------------------------------------------------------------------------------------- tokens

def decode_token(token):
    """The JSON object inside a botocore pagination token, or {} if it is a bare marker or unreadable."""
    try:
        decoded = json.loads(base64.b64decode(token).decode("utf-8"))
    except Exception:  # noqa: BLE001
        return {}
    return decoded if isinstance(decoded, dict) else {}


# --------------------------------------------------------------------------------------------------- running

def raise_keyboard_interrupt_on_sigterm():
    """Turns SIGTERM into KeyboardInterrupt, so that a terminated check still stops its server."""
    def on_signal(signum, _frame):
        raise KeyboardInterrupt("signal %d" % signum)
    signal.signal(signal.SIGTERM, on_signal)


def run(tmp_prefix, body, retry_mode="standard"):
    """Runs body(report, server, env) against a fresh ``./certreg serve``; returns the exit status.

    Creates a temporary directory (prefix tmp_prefix) for the server's data and log, an isolated environment
    (applied to this process too; retry_mode as for isolated_environment) and a Server on a free port that
    body starts. An Abort, an interrupt
    (SIGINT or SIGTERM) or a crash outside a check counts as one more failure. Afterwards the server is always
    stopped; if anything failed the server log is printed, and the temporary directory is kept when
    CERTREG_CHECK_KEEP=1. Ends with the ``N passed, M failed`` line.
    """
    raise_keyboard_interrupt_on_sigterm()
    began = time.monotonic()
    report = Report()
    tmp = tempfile.mkdtemp(prefix=tmp_prefix)
    env = isolated_environment(tmp, retry_mode)
    isolate_this_process(env)
    server = Server(env, tmp)
    keep = False
    try:
        body(report, server, env)
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
            print_log(server.log_path)
            keep = os.environ.get("CERTREG_CHECK_KEEP") == "1"
        if keep:
            print("# kept %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print("# runtime %.1f s" % (time.monotonic() - began))
    return report.finish()
