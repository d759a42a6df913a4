#!/usr/bin/env python3
"""What the machine allows below certreg: the floors of BENCHMARKS.md. Run it as ``bench/run.sh floors``.

Beside ``./certreg serve`` on a small seeded data directory, it starts the bench module's floor server (Jetty 12 with
certreg's connector settings, answering every request with one page built at start, bench/src/.../FloorServer.java)
and measures both the same way, one after the other:

- ListCertificatesByCA pages of 25 and 250, 8 connections (wrk): requests/s, the server's CPU per request and wrk's;
- the p50 of a page of 250 on one connection;
- 4,000 pages of 250 walked with certreg's Java paginator over the AWS SDK v2 against the floor server: the client's
  own time per page, which no server can take away;
- spawn to the first 200, median of 5, each JVM with the serve launcher's options and an archive of its classes;
  and the floor server once more without an archive, as a test JVM starts CertregExtension.

Writes bench/results/floors/<label>.json and .md. Only loopback addresses are used; every loop is bounded.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import (BENCH, JAR, ROOT, Server, cpu_s, free_port, java, load, log, wrk,  # noqa: E402
                   write_results)

SERVE_OPTS = ["-Xms32m", "-Xmx256m", "-XX:+UseSerialGC"]
WALK_PAGES = 4000


class FloorServer(Server):
    """The bench jar's floor-server on a free port, with the serve launcher's JVM options. It answers any path, so
    Server's readiness check (the first 200 of ListCACertificates) and stop apply as they are."""

    # Not Server.__init__, which starts certreg.
    def __init__(self, items: int, extra: list[str] | None = None):  # pylint: disable=super-init-not-called
        self.port = free_port()
        self.started = time.monotonic()
        self.proc = subprocess.Popen(["java"] + SERVE_OPTS + (extra or []) + ["-jar", JAR, "floor-server", "--port",
                                      str(self.port), "--items", str(items)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.pid = self.proc.pid
        self.endpoint = f"http://127.0.0.1:{self.port}"


def certreg_server(data_dir: str) -> Server:
    """./certreg serve on data_dir, SQLite, the device endpoint on a free port."""
    return Server(argparse.Namespace(serve_arg=["--mqtt-port", "0"], store="sqlite", jdbc_url=None, db_user=None),
                  data_dir)


@contextlib.contextmanager
def running(server: Server):
    """server once it answers; stopped afterwards, and also when it never answered."""
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def throughput(args, server, path: str, connections: int) -> dict:
    """wrk after a warm-up run; adds wrk's own CPU per request (it is the process's child, so RUSAGE_CHILDREN)."""
    wrk(args, server, connections, args.warmup, "get", path)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = wrk(args, server, connections, args.duration, "get", path)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    r["wrk_cpu_ms_per_request"] = round(1000 * used / max(1, r["requests"]), 3)
    return {k: r[k] for k in ("per_second", "server_cpu_ms_per_request", "wrk_cpu_ms_per_request", "p50_ms", "load")}


def pages(args, server, ca: str) -> dict:
    out = {}
    for size in (25, 250):
        log(f"certreg: pages of {size}, {args.connections} connections")
        out[f"list_{size}"] = throughput(args, server, f"/certificates-by-ca/{ca}?pageSize={size}", args.connections)
    log("certreg: page of 250, one connection")
    out["page_250_one_connection"] = throughput(args, server, f"/certificates-by-ca/{ca}?pageSize=250", 1)
    return out


def startups(make, runs: int) -> dict:
    samples, cpu = [], []
    for _ in range(runs):
        server = make()
        try:
            samples.append(server.wait_ready())
            cpu.append(cpu_s(server.pid))
        finally:
            server.stop()
    return {"median_s": round(statistics.median(samples), 3), "samples_s": [round(s, 3) for s in samples],
            "cpu_s": round(statistics.median(cpu), 3)}


def run(args) -> dict:
    work = tempfile.mkdtemp(prefix="certreg-floors-")
    result: dict = {"label": args.label, "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "machine": {"cpus": os.cpu_count(),
                                "java": subprocess.run(["java", "-version"], capture_output=True,
                                                       text=True).stderr.splitlines()[0],
                                "commit": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                                         capture_output=True, text=True).stdout.strip()},
                    "load_at_start": [round(x, 2) for x in os.getloadavg()]}
    try:
        data_dir = os.path.join(work, "data")
        log(f"seeding {args.n} certificates")
        state = java(["prepare", "--n", str(args.n), "--bodies", "10", "--out", work, "--data-dir", data_dir])
        ca = state["listCa"]

        with running(certreg_server(data_dir)) as certreg:
            result["certreg"] = pages(args, certreg, ca)
        with running(FloorServer(25)) as floor:
            log(f"floor: pages of 25, {args.connections} connections")
            result["floor"] = {"list_25": throughput(args, floor, "/certificates-by-ca/x?pageSize=25",
                                                     args.connections)}
        with running(FloorServer(250)) as floor:
            log(f"floor: pages of 250, {args.connections} connections, then one")
            result["floor"]["list_250"] = throughput(args, floor, "/certificates-by-ca/x?pageSize=250",
                                                     args.connections)
            result["floor"]["page_250_one_connection"] = throughput(args, floor,
                                                                    "/certificates-by-ca/x?pageSize=250", 1)
            log(f"floor: certreg's paginator over the AWS SDK v2, {WALK_PAGES} pages of 250, three times in one JVM")
            before = load()
            cpu_before = cpu_s(floor.pid)
            walk = java(["walk", "--endpoint", floor.endpoint, "--ca", "x", "--page-size", "250",
                         "--pages", str(WALK_PAGES)])
            walk["load"] = round(before, 2)
            walk["server_cpu_s"] = round(cpu_s(floor.pid) - cpu_before, 2)
            result["floor"]["walk"] = walk

        log(f"start-up, {args.startup_runs} runs each")
        jsa = os.path.join(work, "floor.jsa")
        startups(lambda: FloorServer(25, [f"-XX:ArchiveClassesAtExit={jsa}", "-Xlog:cds=off"]), 1)
        result["floor"]["startup"] = startups(
            lambda: FloorServer(25, [f"-XX:SharedArchiveFile={jsa}", "-Xlog:cds=off"]), args.startup_runs)
        # A test JVM has no archive: CertregExtension's first start loads its classes from the jars.
        result["floor"]["startup_no_archive"] = startups(lambda: FloorServer(25), args.startup_runs)
        empty = os.path.join(work, "empty")
        startups(lambda: certreg_server(empty), 1)  # writes the launcher's archive if this build has none yet
        result["certreg"]["startup"] = startups(lambda: certreg_server(empty), args.startup_runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return result


def markdown(r: dict) -> str:
    c, f = r["certreg"], r["floor"]
    lines = [f"# Floors: {r['label']}", "",
             f"{r['started']}, commit {r['machine']['commit']}, {r['machine']['java']}, {r['machine']['cpus']} CPUs,"
             f" load at start {r['load_at_start']}.", "",
             "| figure | certreg | floor server (Jetty alone) |", "| --- | --- | --- |"]
    for key, name in (("list_25", "pages of 25, 8 connections"), ("list_250", "pages of 250, 8 connections"),
                      ("page_250_one_connection", "page of 250, one connection")):
        def cell(x):
            return (f"{x['per_second']:,.0f}/s, server {x['server_cpu_ms_per_request']} CPU ms, wrk "
                    f"{x['wrk_cpu_ms_per_request']} ms, p50 {x['p50_ms']} ms")
        lines.append(f"| {name} | {cell(c[key])} | {cell(f[key])} |")
    w = f["walk"]
    for label in ("first", "second", "third"):
        lines.append(f"| paginator walk, {label} in the JVM | | {w[label]['pages']:,} pages in "
                     f"{w[label]['seconds']} s: {1000 * w[label]['seconds'] / w[label]['pages']:.3f} ms a page |")
    lines.append(f"| spawn to first 200 (median) | {c['startup']['median_s']} s ({c['startup']['cpu_s']} CPU s) | "
                 f"{f['startup']['median_s']} s ({f['startup']['cpu_s']} CPU s) |")
    lines.append(f"| spawn to first 200 without a class archive (median) | | "
                 f"{f['startup_no_archive']['median_s']} s ({f['startup_no_archive']['cpu_s']} CPU s) |")
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=2000, help="device certificates seeded for certreg")
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--duration", type=float, default=5)
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--startup-runs", type=int, default=5)
    p.add_argument("--label", default="run")
    p.add_argument("--results", default=os.path.join(BENCH, "results", "floors"))
    args = p.parse_args()
    if shutil.which("wrk") is None:
        p.error("wrk is missing: apt-get install wrk")
    result = run(args)
    os.makedirs(args.results, exist_ok=True)
    stem = os.path.join(args.results, args.label)
    write_results(stem, result, markdown(result))
    log(f"wrote {stem}.json and {stem}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
