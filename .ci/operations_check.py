"""Operations checks against a fresh ``./certreg serve``: a load balancer's probes, a Prometheus scrape parsed by
the Prometheus Python client's own parser, an online backup while the server runs, and a clean stop on SIGTERM.

Needs boto3, cryptography and prometheus-client (``.ci/run`` installs the last).
"""

import json
import os
import subprocess
import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import LAUNCHER, REPO_ROOT, expect, iot_client, mint_ca, mint_leaf, pem, run  # noqa: E402

COMMAND_TIMEOUT_S = 120


def get(url):
    """(status, body) of a GET without credentials and without proxies."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def run_checks(report, server, env):
    server.start()
    report.check("the server answers", server.wait_ready)
    boto = iot_client(server.endpoint)

    def health():
        status, body = get(server.endpoint + "/health")
        expect(status == 200 and json.loads(body)["status"] == "UP", "GET /health: %s %s" % (status, body))

    def ready():
        status, body = get(server.endpoint + "/health/ready")
        expect(status == 200 and json.loads(body)["status"] == "UP", "GET /health/ready: %s %s" % (status, body))

    def scrape_parses():
        ca_key, ca = mint_ca("operations check CA")
        boto.register_certificate_without_ca(certificatePem=pem(mint_leaf(ca_key, ca, "ops-device")),
                                             status="ACTIVE")
        boto.get_registration_code()
        status, text = get(server.endpoint + "/metrics")
        expect(status == 200, "GET /metrics: %s" % status)
        families = {f.name: f for f in text_string_to_metric_families(text)}
        for name in ("certreg_requests_seconds", "certreg_store_seconds", "certreg_sqlite_commit_batch_writes",
                     "certreg_certificates"):
            expect(name in families, "%s missing from the scrape (families: %s)" % (name, sorted(families)))
        counts = {(s.labels.get("operation"), s.labels.get("status")): s.value
                  for s in families["certreg_requests_seconds"].samples if s.name.endswith("_count")}
        expect(counts.get(("RegisterCertificateWithoutCA", "200")) == 1.0, "request counts: %s" % counts)
        active = [s.value for s in families["certreg_certificates"].samples if s.labels["status"] == "ACTIVE"]
        expect(active == [1.0], "certreg_certificates{status=ACTIVE}: %s" % active)

    def backup_while_serving():
        target = os.path.join(os.path.dirname(server.data_dir), "backup.db")
        done = subprocess.run([LAUNCHER, "backup", "--data-dir", server.data_dir, "--to", target], cwd=REPO_ROOT,
                              env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=COMMAND_TIMEOUT_S)
        expect(done.returncode == 0 and "integrity_check ok" in done.stdout,
               "certreg backup: status %d, %s %s" % (done.returncode, done.stdout, done.stderr))
        expect(os.path.getsize(target) > 0, "the backup file is empty")

    def stops_cleanly_on_sigterm():
        server.stop()
        expect(server.proc.returncode == 0, "exit status after SIGTERM: %s" % server.proc.returncode)
        with open(server.log_path, errors="replace") as log:
            expect("stopped cleanly" in log.read(), "no 'stopped cleanly' in the server log")

    report.check("GET /health answers 200 UP without credentials", health)
    report.check("GET /health/ready answers 200 UP: the store answers", ready)
    report.check("GET /metrics parses with the Prometheus client's parser and counts requests and certificates",
                 scrape_parses)
    report.check("./certreg backup copies the store while the server runs", backup_while_serving)
    report.check("SIGTERM stops the server with exit status 0", stops_cleanly_on_sigterm)


def main():
    return run("certreg-operations-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
