#!/usr/bin/env python3
"""certreg's MQTT benchmark: the device endpoint's figures of BENCHMARKS.md. Run it as ``bench/run.sh mqtt``.

Seeds N ACTIVE EC P-256 device certificates under one CA straight into a fresh data directory, starts
``./certreg serve`` on free ports, and drives its device endpoint from the bench module's MqttLoad to measure: new
mutual-TLS connections per second (each admitted by a registry lookup, then CONNACKed and disconnected; Netty's MQTT
codec over one TLS context, ConnectLoad), QoS 0 messages per second through the broker, and the server's RSS with N
connected idle devices (both with the HiveMQ MQTT client).
Every figure carries the 1-minute load average read just before it, and the server's CPU time, read from /proc.
Writes bench/results/mqtt/<label>.json and .md. Only loopback addresses are used; every wait is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import (BENCH, JAR, LAUNCHER, LoggedServer, cpu_s, free_port, load, log, rss_mb,  # noqa: E402
                   write_results)

LOAD_JAVA_OPTS = ["-Xmx1g", "-XX:+UseParallelGC"]


def java(*args: str, timeout: float = 300) -> dict:
    out = subprocess.run(["java", *LOAD_JAVA_OPTS, "-jar", JAR, *args], check=True, stdout=subprocess.PIPE,
                         text=True, timeout=timeout).stdout
    return json.loads(out.strip().splitlines()[-1])


class Server(LoggedServer):
    """./certreg serve with the device endpoint on free ports; the launcher execs java, so the pid is the JVM's."""

    def __init__(self, data_dir: str, log_path: str):
        self.port = free_port()
        self.mqtt_port = free_port()
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [LAUNCHER, "serve", "--port", str(self.port), "--mqtt-port", str(self.mqtt_port), "--data-dir", data_dir],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid


def measured(server: Server, what: str, run) -> dict:
    """Runs run(), adding the load average before it and the server's CPU seconds it took."""
    before_load = load()
    before_cpu = cpu_s(server.pid)
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    log(f"{what} (load {before_load:.1f})")
    result = run()
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["load"] = round(before_load, 2)
    result["server_cpu_s"] = round(cpu_s(server.pid) - before_cpu, 2)
    # The load generator's JVM, start-up included: it shares the two cores with the server.
    result["load_generator_cpu_s"] = round(after_children.ru_utime + after_children.ru_stime
                                           - before_children.ru_utime - before_children.ru_stime, 2)
    return result


def idle(server: Server, common: list[str], n: int, seconds: float) -> dict:
    """Connects n devices (as many as connect within seconds) and reads the server's RSS while they stay connected."""
    proc = subprocess.Popen(["java", *LOAD_JAVA_OPTS, "-jar", JAR, "mqtt-idle", *common, "--n", str(n),
                             "--seconds", str(seconds)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        result = json.loads(proc.stdout.readline())
        result["server_rss_mb"] = rss_mb(server.pid)
        result["server_threads"] = len(os.listdir(f"/proc/{server.pid}/task"))
        return result
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def server_tls(log_path: str) -> str:
    """What serve's start-up line says the device endpoint's handshakes run on (BoringSSL, or the JDK's TLS)."""
    marker = "(devices: mutual TLS on "
    with open(log_path, errors="replace") as f:
        for line in f:
            if line.startswith("mqtt: ") and marker in line:
                return line.split(marker, 1)[1].split("; root CA", 1)[0]
    return "not said"


def markdown(r: dict) -> str:
    c, p, i = r["connect"], r["publish"], r["idle"]
    return "\n".join([
        f"MQTT device endpoint, {r['devices']} EC P-256 devices, {r['date']} ({r['label']})",
        "",
        "| figure | goal | measured |",
        "| --- | --- | --- |",
        f"| new mTLS connections/s with the registry lookup ({c['concurrency']} in flight, {c['seconds']:.0f} s) "
        f"| ≥ 1,000/s on 2 cores | {c['perSecond']:,.0f}/s ({c['connections']} connections, {c['failed']} failed); "
        f"{1000 * c['server_cpu_s'] / max(1, c['connections']):.2f} server CPU ms/connection, "
        f"{1000 * c['load_generator_cpu_s'] / max(1, c['connections']):.2f} load generator CPU ms/connection "
        f"(load {c['load']}; after {r.get('warmup', {}).get('connections', 0)} warm-up connections; server TLS: "
        f"{r.get('server_tls', 'not said')}; load generator TLS: {c.get('tls', 'JDK')}) |",
        f"| QoS 0 messages/s through the broker ({p['publishers']} publishers, 1 subscriber, {p['seconds']:.0f} s) "
        f"| reported | {p['deliveredPerSecond']:,.0f} delivered/s ({p['delivered']} of {p['sent']} sent, the last "
        f"{p['secondsToLastDelivery']:.1f} s after the first); "
        f"{1e6 * p['server_cpu_s'] / max(1, p['delivered']):.1f} server CPU µs/message (load {p['load']}) |",
        f"| server RSS with {i['connected']} connected idle devices | ≤ 512 MB | {i['server_rss_mb']} MB "
        f"(idle server before: {r['rss_before_mb']} MB; {i['failed']} failed; connected in {i['seconds']:.0f} s; "
        f"load {i['load']}) |",
        "",
    ])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10000, help="devices seeded and connected idle (default 10000)")
    p.add_argument("--seconds", type=float, default=10, help="length of the connect and publish runs (default 10)")
    p.add_argument("--concurrency", type=int, default=32, help="connections in flight (default 32)")
    p.add_argument("--warmup-seconds", type=float, default=10,
                   help="connect load before the measured run, not counted, so that the JIT has compiled the "
                        "handshake (default 10; 0 measures a cold server)")
    p.add_argument("--idle-seconds", type=float, default=60,
                   help="at most this long to connect the idle devices (default 60)")
    p.add_argument("--publishers", type=int, default=4, help="QoS 0 publishers (default 4)")
    p.add_argument("--label", default="run")
    p.add_argument("--results", default=os.path.join(BENCH, "results", "mqtt"))
    args = p.parse_args()
    began = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="certreg-mqtt-bench-")
    data, devices = os.path.join(tmp, "data"), os.path.join(tmp, "devices")
    result: dict = {"label": args.label, "devices": args.n, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                    "cpus": os.cpu_count(), "load_at_start": [round(x, 2) for x in os.getloadavg()]}
    server = None
    try:
        log(f"seeding {args.n} device certificates")
        result["prepare"] = java("mqtt-prepare", "--data-dir", data, "--n", str(args.n), "--out", devices)
        server = Server(data, os.path.join(tmp, "serve.log"))
        server.wait_ready()
        result["server_tls"] = server_tls(os.path.join(tmp, "serve.log"))
        common = ["--port", str(server.mqtt_port), "--root-ca", os.path.join(data, "root-ca.pem"),
                  "--devices", devices]
        if args.warmup_seconds > 0:
            result["warmup"] = measured(server, "warm-up connections, not counted", lambda: java(
                "mqtt-connect", *common, "--seconds", str(args.warmup_seconds), "--concurrency",
                str(args.concurrency), "--first", str(args.n // 2)))
        result["connect"] = measured(server, "new connections", lambda: java(
            "mqtt-connect", *common, "--seconds", str(args.seconds), "--concurrency", str(args.concurrency)))
        result["publish"] = measured(server, "QoS 0 messages", lambda: java(
            "mqtt-publish", *common, "--seconds", str(args.seconds), "--publishers", str(args.publishers)))
        result["rss_before_mb"] = rss_mb(server.pid)
        result["idle"] = measured(server, f"{args.n} idle devices", lambda: idle(server, common, args.n, args.idle_seconds))
    except Exception:
        if server is not None:
            server.stop()
            server = None
            with open(os.path.join(tmp, "serve.log"), errors="replace") as f:
                sys.stderr.write(f.read()[-5000:])
        raise
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    result["runtime_s"] = round(time.monotonic() - began, 1)
    stem = os.path.join(args.results, args.label)
    write_results(stem, result, markdown(result))
    log(f"wrote {stem}.json and {stem}.md in {result['runtime_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
