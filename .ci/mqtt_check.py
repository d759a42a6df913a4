#!/usr/bin/env python3
"""Real-client check of the device endpoint: mosquitto_pub and mosquitto_sub against ``./certreg serve``.

Starts a fresh server, registers a CA and device certificates with boto3, then connects with the Debian
``mosquitto-clients`` (--cafile is the root the server wrote to its data directory, --cert/--key a device's):
an ACTIVE certificate with a policy attached publishes and subscribes at QoS 0 and 1; INACTIVE, REVOKED and unknown
certificates are refused, and so is an ACTIVE certificate with no policy attached; an MQTT 5 client is told
"Unsupported Protocol Version"; revoking a connected device's
certificate cuts it off (its presence event says AUTH_ERROR); an unknown certificate of an auto-registering CA
appears under that CA as PENDING_ACTIVATION.

Installs mosquitto-clients with apt-get when it is missing. Prints ``ok - ...`` / ``FAIL - ...`` lines and
``N passed, M failed``; exits 0 only when nothing failed.
"""

import json
import os
import shutil
import subprocess
import sys
import urllib.request

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import CheckFailed, expect, iot_client, mint_ca, mint_leaf, pem, run  # noqa: E402

DEVICE_HOST = "localhost"
WAIT_S = 30
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:*", "Resource": "*"}]}


def install_mosquitto_clients():
    if shutil.which("mosquitto_pub") and shutil.which("mosquitto_sub"):
        return
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "mosquitto-clients"], check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


class Checks:
    def __init__(self, server, tmp):
        self.server = server
        self.tmp = tmp
        self.boto = iot_client(server.endpoint)
        self.cafile = os.path.join(server.data_dir, "root-ca.pem")
        self.devices = {}
        self.policy_created = False

    # ---------------------------------------------------------------- the API side

    def root_ca_is_downloadable(self):
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.server.endpoint + "/certreg/root-ca.pem", timeout=10) as response:
            served = response.read().decode("ascii")
        with open(self.cafile) as f:
            expect(served == f.read(), "GET /certreg/root-ca.pem differs from %s" % self.cafile)

    def describe_endpoint_names_the_device_endpoint(self):
        address = self.boto.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"]
        expect(address == DEVICE_HOST, "iot:Data-ATS is %r" % address)

    def register(self):
        code = self.boto.get_registration_code()["registrationCode"]
        self.ca_key, self.ca_cert = mint_ca("certreg mqtt check CA")
        self.ca_id = self.boto.register_ca_certificate(
            caCertificate=pem(self.ca_cert), verificationCertificate=pem(mint_leaf(self.ca_key, self.ca_cert, code)),
            setAsActive=True, allowAutoRegistration=True)["certificateId"]
        for name, status in [("sub", "ACTIVE"), ("pub", "ACTIVE"), ("victim", "ACTIVE"), ("inactive", "INACTIVE"),
                             ("revoked", "REVOKED"), ("newcomer", None)]:
            self.devices[name] = self.device_files(name, status, self.ca_key, self.ca_cert)
        self.devices["nopolicy"] = self.device_files("nopolicy", "ACTIVE", self.ca_key, self.ca_cert, policy=False)
        self.devices["unknown"] = self.device_files("unknown", None, *mint_ca("certreg unregistered CA"))

    def device_files(self, name, status, ca_key, ca_cert, policy=True):
        """Mints a device certificate, registered with status unless None; returns (cert file, key file, id)."""
        key = ec.generate_private_key(ec.SECP256R1())
        cert = mint_leaf(ca_key, ca_cert, name, key=key)
        cert_file = os.path.join(self.tmp, name + ".pem")
        key_file = os.path.join(self.tmp, name + ".key")
        with open(cert_file, "w") as f:
            # The CA goes with the certificate, as just-in-time registration needs it in the TLS handshake.
            f.write(pem(cert) + pem(ca_cert))
        with open(key_file, "wb") as f:
            f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
        certificate_id = None
        if status:
            certificate_id = self.boto.register_certificate(
                certificatePem=pem(cert), caCertificatePem=pem(self.ca_cert), status=status)["certificateId"]
            if policy:
                self.attach_policy(certificate_id)
        return cert_file, key_file, certificate_id

    def attach_policy(self, certificate_id):
        """Allows the device everything, as a device with no policy attached cannot connect."""
        if not self.policy_created:
            self.boto.create_policy(policyName="mqtt-check", policyDocument=json.dumps(ALLOW_ALL))
            self.policy_created = True
        arn = self.boto.describe_certificate(certificateId=certificate_id)["certificateDescription"]["certificateArn"]
        self.boto.attach_policy(policyName="mqtt-check", target=arn)

    # ---------------------------------------------------------------- mosquitto

    def command(self, tool, device, *args):
        cert_file, key_file, _ = self.devices[device]
        return [tool, "-h", DEVICE_HOST, "-p", str(self.server.mqtt_port), "--cafile", self.cafile,
                "--cert", cert_file, "--key", key_file] + list(args)

    def publish(self, device, *args):
        return subprocess.run(self.command("mosquitto_pub", device, *args), capture_output=True, text=True,
                              timeout=WAIT_S)

    def subscriber(self, device, *args):
        """A running ``mosquitto_sub -d``, once its SUBACK arrived."""
        # stdbuf: mosquitto_sub block-buffers a pipe, which would hold its SUBACK line back.
        process = subprocess.Popen(["stdbuf", "-oL"] + self.command("mosquitto_sub", device, "-d", *args),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        seen = []
        for line in iter(process.stdout.readline, ""):
            seen.append(line.rstrip())
            if "received SUBACK" in line:
                return process
        process.kill()
        raise CheckFailed("mosquitto_sub got no SUBACK: %s" % " | ".join(seen[-5:]))

    @staticmethod
    def payloads(process):
        """The lines of a finished ``mosquitto_sub -d`` that are not its debug lines."""
        out = process.communicate(timeout=WAIT_S + 5)[0]
        return [line for line in out.splitlines()
                if line and not line.startswith("Client ") and not line.startswith("Subscribed")]

    def active_device_publishes_and_subscribes(self, qos):
        topic = "fleet/check/qos%d" % qos
        sub = self.subscriber("sub", "-i", "sub-%d" % qos, "-t", topic, "-q", str(qos), "-C", "1", "-W", str(WAIT_S))
        try:
            published = self.publish("pub", "-i", "pub-%d" % qos, "-t", topic, "-q", str(qos), "-m", "hello %d" % qos)
            expect(published.returncode == 0, "mosquitto_pub failed: %s" % published.stderr.strip())
            received = self.payloads(sub)
        finally:
            sub.kill()
        expect(received == ["hello %d" % qos], "mosquitto_sub printed %r" % received)

    def refused(self, device):
        result = self.publish(device, "-i", device, "-t", "fleet/refused", "-m", "x", "-q", "1")
        expect(result.returncode != 0, "mosquitto_pub with the %s certificate exited 0" % device)
        return result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""

    def mqtt5_is_refused_as_unsupported(self):
        """The broker speaks MQTT 3.1.1: an MQTT 5 client gets CONNACK 0x84, Unsupported Protocol Version."""
        result = self.publish("pub", "-V", "mqttv5", "-i", "pub-v5", "-t", "fleet/v5", "-m", "x", "-q", "1")
        expect(result.returncode != 0, "mosquitto_pub -V mqttv5 exited 0")
        expect("Unsupported Protocol Version" in result.stderr, "mosquitto_pub -V mqttv5 said %r" % result.stderr)

    def revoking_cuts_off(self):
        monitor = self.subscriber("sub", "-i", "monitor", "-t", "$aws/events/presence/disconnected/victim", "-q", "1",
                                  "-C", "1", "-W", str(WAIT_S))
        victim = self.subscriber("victim", "-i", "victim", "-t", "fleet/victim", "-q", "1")
        try:
            self.boto.update_certificate(certificateId=self.devices["victim"][2], newStatus="REVOKED")
            events = [json.loads(line) for line in self.payloads(monitor)]
        finally:
            monitor.kill()
            victim.kill()
        expect(len(events) == 1 and events[0].get("disconnectReason") == "AUTH_ERROR",
               "presence events %r" % events)

    def unknown_device_of_auto_registering_ca_is_registered_pending(self):
        result = self.publish("newcomer", "-i", "newcomer", "-t", "fleet/newcomer", "-m", "x", "-q", "1")
        expect(result.returncode != 0, "the newcomer's first connection was not closed")
        listed = self.boto.list_certificates_by_ca(caCertificateId=self.ca_id, pageSize=250)["certificates"]
        statuses = {c["certificateId"]: c["status"] for c in listed}
        pending = [c for c, status in statuses.items() if status == "PENDING_ACTIVATION"]
        expect(len(pending) == 1, "PENDING_ACTIVATION certificates under the CA: %r" % pending)
        self.boto.update_certificate(certificateId=pending[0], newStatus="ACTIVE")
        self.attach_policy(pending[0])
        again = self.publish("newcomer", "-i", "newcomer", "-t", "fleet/newcomer", "-m", "x", "-q", "1")
        expect(again.returncode == 0, "the activated newcomer was refused: %s" % again.stderr.strip())


def run_checks(report, server, env):
    checks = Checks(server, os.path.dirname(server.data_dir))
    ready = (report.check("./certreg serve answers on %s" % server.endpoint,
                          lambda: (server.start(), server.wait_ready()))
             and report.check("boto3 registers an auto-registering CA and device certificates", checks.register))
    if not ready:
        return
    report.check("GET /certreg/root-ca.pem serves the root written to the data directory",
                 checks.root_ca_is_downloadable)
    report.check("DescribeEndpoint iot:Data-ATS names the device endpoint", checks.describe_endpoint_names_the_device_endpoint)
    for qos in (0, 1):
        report.check("mosquitto_pub and mosquitto_sub with ACTIVE certificates exchange a QoS %d message" % qos,
                     checks.active_device_publishes_and_subscribes, qos)
    for device in ("inactive", "revoked", "unknown"):
        report.check("mosquitto_pub with an %s certificate is refused" % device.upper(), checks.refused, device)
    report.check("mosquitto_pub with an ACTIVE certificate and no policy attached is refused", checks.refused,
                 "nopolicy")
    report.check("mosquitto_pub -V mqttv5 is answered CONNACK 0x84 (Unsupported Protocol Version)",
                 checks.mqtt5_is_refused_as_unsupported)
    report.check("revoking a connected device's certificate cuts it off (presence event AUTH_ERROR)",
                 checks.revoking_cuts_off)
    report.check("an unknown certificate of an auto-registering CA is registered PENDING_ACTIVATION, then connects"
                 " once ACTIVE", checks.unknown_device_of_auto_registering_ca_is_registered_pending)


def main():
    install_mosquitto_clients()
    return run("certreg-mqtt-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
