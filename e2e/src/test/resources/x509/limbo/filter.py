"""Selects the x509-limbo cases a certificate registry can judge; writes limbo-registry-cases.json.

Usage: python3 filter.py limbo-regenerated-no-bettertls.json > limbo-registry-cases.json
Rule: SERVER cases with one trusted certificate and no untrusted intermediates, minus the families the registry
does not evaluate (SAN/CN/EKU/name constraints, CRLs, path length, online), minus verdicts that depend on the
expected peer name.
"""
import json
import sys

EXCLUDED_PREFIXES = ("webpki::san", "webpki::cn", "webpki::eku", "webpki::nc", "rfc5280::eku", "rfc5280::nc",
                     "crl", "pathlen", "online")
HOSTNAME_DEPENDENT = {"rfc5280::san::underscore-dns", "rfc5280::san::ip-in-dns", "rfc5280::ca-as-leaf-wrong-san"}
KEPT = ("id", "conflicts_with", "validation_time", "expected_result", "trusted_certs", "peer_certificate")

limbo = json.load(open(sys.argv[1]))
cases = [{k: c[k] for k in KEPT} for c in limbo["testcases"]
         if c["validation_kind"] == "SERVER" and len(c["trusted_certs"]) == 1 and not c["untrusted_intermediates"]
         and not c["id"].startswith(EXCLUDED_PREFIXES) and c["id"] not in HOSTNAME_DEPENDENT]
json.dump({"source": "C2SP/x509-limbo 8a2e6f4, regenerated without BetterTLS", "testcases": cases},
          sys.stdout, indent=2)
print()
