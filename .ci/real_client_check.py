#!/usr/bin/env python3
"""Real-client check for certreg: drives a freshly started server with boto3 and the AWS CLI v1.

Starts ``./certreg serve`` on a free 127.0.0.1 port with a temporary data directory, registers a CA and
several hundred device certificates, then walks ListCertificatesByCA with the boto3 paginator (many
PaginationConfig combinations, StartingToken chains, both orders) and with ``aws iot
list-certificates-by-ca`` (--max-items / --starting-token chains), comparing every walk with one oracle walk.

Each check prints ``ok - <description>`` or ``FAIL - <description>: <detail>``; the last line is
``N passed, M failed``. Exit status 0 only when nothing failed. The server is always stopped.

Only boto3, botocore, cryptography and the ``aws`` command are used. Everything talks to 127.0.0.1.
The server, reporting and certificate helpers are shared with cross_language_check.py in checkkit.py.
"""

import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from botocore.exceptions import ClientError
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import (  # noqa: E402 - checkkit lives next to this script
    AWS_CLI, REGION, REPO_ROOT, Abort, CheckFailed, compare_ids, decode_token, describe_client_error, expect,
    iot_client, mint_ca, mint_leaf, pem, probe, read_log, run)

ACCOUNT = "123456789012"

DEVICE_COUNT = int(os.environ.get("CERTREG_CHECK_DEVICES", "300"))
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


# --------------------------------------------------------------------------------------------------- certificates

def sha256_hex(cert):
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


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
        self.client = iot_client(endpoint, connect_timeout=10, read_timeout=60,
                                 max_pool_connections=REGISTER_WORKERS + 2)
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
        self.ca_pem = pem(self.ca_cert)
        verification = mint_leaf(self.ca_key, self.ca_cert, self.registration_code, days=30)
        verify_signed_by(verification, self.ca_cert)
        response = self.client.register_ca_certificate(
            caCertificate=self.ca_pem, verificationCertificate=pem(verification), setAsActive=True)
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
        pems = [pem(c) for c in certs]

        def register(cert_pem):
            try:
                return cert_pem, self.client.register_certificate(
                    certificatePem=cert_pem, caCertificatePem=self.ca_pem, status="ACTIVE"), None
            except ClientError as e:
                return cert_pem, None, describe_client_error(e)
            except Exception as e:  # noqa: BLE001
                return cert_pem, None, "%s: %s" % (type(e).__name__, e)

        with ThreadPoolExecutor(max_workers=REGISTER_WORKERS) as pool:
            results = list(pool.map(register, pems))
        problems = []
        for cert, (cert_pem, response, error) in zip(certs, results):
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
                self.device_pems[got_id] = cert_pem
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
        cert_id, cert_pem = next(iter(self.device_pems.items()))
        e = self.expect_client_error("ResourceAlreadyExistsException", self.client.register_certificate,
                                     certificatePem=cert_pem, caCertificatePem=self.ca_pem, status="ACTIVE")
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


# --------------------------------------------------------------------------------------------------- main

def run_checks(report, server, env):
    if not report.check("launcher ./certreg serve starts", server.start):
        return
    if not report.check("server starts and answers HTTP on %s" % server.endpoint, server.wait_ready):
        raise Abort("the server is not up")
    checks = Checks(report, server.endpoint, env, server.log_path)
    report.check("launcher printed the endpoint URL %s" % server.endpoint, checks.launcher_announced_endpoint)

    if not report.check("get_registration_code: 64 hex chars, stable across calls",
                        checks.registration_code_is_stable):
        raise Abort("no registration code")
    if not report.check("register_ca_certificate with verification certificate: id = SHA-256 of DER, cacert ARN",
                        checks.register_ca):
        raise Abort("no CA")
    started = time.monotonic()
    report.check("register_certificate x%d (%d threads): ids = SHA-256 of DER, cert ARNs"
                 % (DEVICE_COUNT, REGISTER_WORKERS), checks.register_devices)
    print("# device registration took %.1f s" % (time.monotonic() - started), flush=True)
    if not checks.device_pems:
        raise Abort("no device certificate registered")

    report.check("duplicate register_certificate -> 409 ResourceAlreadyExistsException with resourceId",
                 checks.duplicate_register)
    report.check("list_certificates_by_ca pageSize=251 -> InvalidRequestException", checks.page_size_too_large)
    report.check("list_certificates_by_ca marker='Zm9vYmFy' -> InvalidRequestException", checks.garbage_marker)
    report.check("list_certificates_by_ca unknown CA id -> empty list, no nextMarker", checks.unknown_ca)

    if not report.check("oracle walk (pageSize=%d, default order): exactly the registered set, descending by "
                        "(creationDate, certificateId), ARNs and status" % ORACLE_PAGE_SIZE, checks.oracle_walk):
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
    return run("certreg-check-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
