#!/usr/bin/env python3
"""Real-client check of the device endpoint with the AWS IoT Device SDK v2 for JavaScript (aws-iot-device-sdk-v2).

Installs the pinned SDK with npm (.ci/device_sdk/package.json), starts a fresh ``./certreg serve``, provisions a
device as the AWS IoT getting-started guide does (boto3: CreateKeysAndCertificate, CreatePolicy, AttachPolicy),
downloads the root CA from ``GET /certreg/root-ca.pem``, asks DescribeEndpoint(iot:Data-ATS) for the address, then
runs .ci/device_sdk/connect.mjs: the SDK's mTLS builder connects, subscribes, publishes at QoS 1 and receives its
own message. Skipped (exit 0, with a note) where node or npm is missing.

Prints ``ok - ...`` / ``FAIL - ...`` lines and ``N passed, M failed``; exits 0 only when nothing failed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import expect, iot_client, run  # noqa: E402

SDK_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "device_sdk")
NPM_TIMEOUT_S = 300
NODE_TIMEOUT_S = 50
POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:*:*:client/${iot:ClientId}"},
        {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
         "Resource": "arn:aws:iot:*:*:topic/devices/${iot:ClientId}/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:*:*:topicfilter/devices/${iot:ClientId}/*"},
    ],
}


def install_sdk(work):
    """npm install of the pinned SDK into work; runs with the caller's environment, which may hold a proxy."""
    for name in ("package.json", "connect.mjs"):
        shutil.copy(os.path.join(SDK_DIR, name), work)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"],
                   cwd=work, check=True, stdout=subprocess.DEVNULL, timeout=NPM_TIMEOUT_S)


class Checks:
    def __init__(self, server, sdk_dir):
        self.server = server
        self.sdk_dir = sdk_dir
        self.tmp = os.path.dirname(server.data_dir)
        self.boto = iot_client(server.endpoint)

    def provision(self):
        created = self.boto.create_keys_and_certificate(setAsActive=True)
        self.cert_file = self.write("device.pem.crt", created["certificatePem"])
        self.key_file = self.write("private.pem.key", created["keyPair"]["PrivateKey"])
        self.boto.create_policy(policyName="device-sdk-check", policyDocument=json.dumps(POLICY))
        self.boto.attach_policy(policyName="device-sdk-check", target=created["certificateArn"])

    def download_root_ca(self):
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.server.endpoint + "/certreg/root-ca.pem", timeout=10) as response:
            self.root_ca = self.write("root-ca.pem", response.read().decode("ascii"))

    def describe_endpoint(self):
        self.host = self.boto.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"]
        return self.host

    def sdk_connects_publishes_and_receives(self):
        result = subprocess.run(
            ["node", "connect.mjs", self.host, str(self.server.mqtt_port), self.root_ca, self.cert_file,
             self.key_file, "device-sdk-js"],
            cwd=self.sdk_dir, capture_output=True, text=True, timeout=NODE_TIMEOUT_S,
            env=dict(os.environ, NODE_NO_WARNINGS="1"))
        output = (result.stdout + result.stderr).strip()
        expect(result.returncode == 0, "connect.mjs exited %d: %s" % (result.returncode, output))
        return " / ".join(line[5:] for line in result.stdout.splitlines() if line.startswith("ok - "))

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path


def run_checks(sdk_dir):
    def body(report, server, env):
        checks = Checks(server, sdk_dir)
        ready = (report.check("./certreg serve answers on %s" % server.endpoint,
                              lambda: (server.start(), server.wait_ready()))
                 and report.check("boto3 provisions a device: CreateKeysAndCertificate, CreatePolicy, AttachPolicy",
                                  checks.provision)
                 and report.check("GET /certreg/root-ca.pem downloads the root CA", checks.download_root_ca)
                 and report.check("DescribeEndpoint iot:Data-ATS answers", checks.describe_endpoint))
        if ready:
            report.check("aws-iot-device-sdk-v2 (mTLS builder) connects, subscribes, publishes QoS 1 and receives",
                         checks.sdk_connects_publishes_and_receives)
    return body


def main():
    if not (shutil.which("node") and shutil.which("npm")):
        print("# skipped: node and npm are needed for aws-iot-device-sdk-v2")
        return 0
    sdk_dir = tempfile.mkdtemp(prefix="certreg-device-sdk-")
    try:
        install_sdk(sdk_dir)
        return run("certreg-device-sdk-", run_checks(sdk_dir))
    finally:
        shutil.rmtree(sdk_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
