#!/usr/bin/env python3
"""certreg's benchmark: the figures of BENCHMARKS.md, measured through the API.

Run it through bench/run.sh (see that file and BENCHMARKS.md). Writes bench/results/<label>-<store>-<n>.json and
.md, and redraws bench/results/page-latency.svg (bench/chart.py) from every result.

Every figure carries the load average (1 minute) read just before it was taken: on a shared machine the figures of
one run are comparable only with those of a run taken under a similar load.
Only loopback addresses are used; every loop is bounded by a count or a deadline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg  # noqa: E402
from chart import redraw  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
JAR = os.path.join(BENCH, "target", "certreg-bench.jar")
LAUNCHER = os.path.join(ROOT, "certreg")
AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/iot/aws4_request, "
        "SignedHeaders=host, Signature=0")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load() -> float:
    return os.getloadavg()[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cpu_s(pid: int) -> float | None:
    """User plus system CPU seconds of a process so far: on a loaded machine a steadier figure than wall time."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Authorization": AUTH})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


class Server:
    """./certreg serve on a free port; the launcher execs java, so the pid is the JVM's."""

    def __init__(self, args, data_dir: str, java_opts: str | None = None):
        self.port = free_port()
        cmd = [LAUNCHER, "serve", "--port", str(self.port), "--data-dir", data_dir] + args.serve_arg
        if args.store == "postgres":
            cmd += ["--store", "postgres", "--jdbc-url", args.jdbc_url]
            if args.db_user:
                cmd += ["--db-user", args.db_user]
        env = dict(os.environ)
        if java_opts is not None:
            env["CERTREG_JAVA_OPTS"] = java_opts
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        self.pid = self.proc.pid
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, deadline_s: float = 120) -> float:
        """Seconds from spawn to the first 200 of ListCACertificates."""
        end = self.started + deadline_s
        while time.monotonic() < end:
            try:
                status, _ = get(self.port, "/cacertificates", timeout=2)
                if status == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"certreg serve exited with {self.proc.returncode}")
            time.sleep(0.002)
        raise RuntimeError("certreg serve did not answer 200 in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class LoggedServer:
    """A server a subclass started on a free port (setting port, proc, pid and log, its open output file); ready once
    GET ready_path answers 200."""
    name = "certreg serve"
    ready_path = "/cacertificates"

    def wait_ready(self, deadline_s: float = 300) -> None:
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            try:
                if get(self.port, self.ready_path, timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}")
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer 200 in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def write_results(stem: str, result: dict, md: str) -> None:
    """Writes stem.json and stem.md, creating their directory, and prints the Markdown."""
    os.makedirs(os.path.dirname(stem), exist_ok=True)
    with open(stem + ".json", "w") as f:
        json.dump(result, f, indent=2)
    with open(stem + ".md", "w") as f:
        f.write(md)
    print(md)


def wrk(args, server, connections: int, duration: float, mode: str, path: str, bodies: str | None = None):
    threads = min(2, connections)
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "--timeout", "30s", "-d", f"{max(1, round(duration))}s", "--latency",
           "-s", os.path.join(BENCH, "wrk.lua"), server.endpoint, "--", mode, path]
    if bodies:
        cmd += [bodies, str(threads)]
    before = load()
    cpu_before = cpu_s(server.pid)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 120, check=True).stdout
    cpu_used = cpu_s(server.pid) - cpu_before
    line = next(l for l in out.splitlines() if l.startswith("JSON "))
    result = json.loads(line[5:])
    result["load"] = round(before, 2)
    result["per_second"] = round(result["requests"] / result["seconds"], 1)
    ok = sum(v for k, v in result["statuses"].items() if k.startswith("2"))
    result["ok_per_second"] = round(ok / result["seconds"], 1)
    result["server_cpu_ms_per_request"] = round(1000 * cpu_used / max(1, result["requests"]), 3)
    return result


def split_lines(path: str, first: int) -> tuple[str, str]:
    """Writes the first `first` lines of path to path.warm and the rest to path.rest; returns the two paths."""
    with open(path) as f:
        lines = f.readlines()
    for name, part in ((path + ".warm", lines[:first]), (path + ".rest", lines[first:])):
        with open(name, "w") as out:
            out.writelines(part)
    return path + ".warm", path + ".rest"


def markers(port: int, ca: str, page_size: int, limit_pages: int) -> list[str | None]:
    """The marker of every page of a walk (None for the first page)."""
    found: list[str | None] = [None]
    marker = None
    for _ in range(limit_pages):
        path = f"/certificates-by-ca/{ca}?pageSize={page_size}"
        if marker:
            path += "&marker=" + urllib.parse.quote(marker, safe="")
        status, body = get(port, path)
        if status != 200:
            raise RuntimeError(f"ListCertificatesByCA answered {status}: {body[:200]!r}")
        marker = json.loads(body).get("nextMarker")
        if not marker:
            break
        found.append(marker)
    return found


def timed_runs(cmd: list[str], runs: int, env: dict | None = None) -> dict:
    samples = []
    cpu = []
    loads = []
    for _ in range(runs):
        loads.append(load())
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        subprocess.run(cmd, capture_output=True, check=True, timeout=120, env=env)
        samples.append(time.monotonic() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime)
    return {"median_s": round(statistics.median(samples), 3), "min_s": round(min(samples), 3),
            "samples_s": [round(s, 3) for s in samples], "cpu_s": round(statistics.median(cpu), 3),
            "load": round(statistics.mean(loads), 2)}


def startup(args, data_dir: str, runs: int) -> dict:
    samples = []
    cpu = []
    loads = []
    for _ in range(runs):
        loads.append(load())
        server = Server(args, data_dir)
        try:
            samples.append(server.wait_ready())
            cpu.append(cpu_s(server.pid))
        finally:
            server.stop()
    return {"median_s": round(statistics.median(samples), 3), "min_s": round(min(samples), 3),
            "samples_s": [round(s, 3) for s in samples], "cpu_s": round(statistics.median(cpu), 3),
            "load": round(statistics.mean(loads), 2)}


def java(args_list: list[str], timeout: float = 3600) -> dict:
    out = subprocess.run(["java", "-jar", JAR] + args_list, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"bench jar {args_list[0]} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(args) -> dict:
    work = tempfile.mkdtemp(prefix="certreg-bench-")
    data_dir = os.path.join(work, "data")
    result: dict = {
        "label": args.label, "store": args.store, "n": args.n,
        "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
                    "java_opts": os.environ.get("CERTREG_JAVA_OPTS", ""),
                    "commit": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                             capture_output=True, text=True).stdout.strip()},
        "load_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        log(f"start-up, empty data dir ({args.startup_runs} runs)")
        result["startup_empty"] = startup(args, os.path.join(work, "empty"), args.startup_runs)
        log(f"seeding {args.n} certificates and minting {args.bodies} request bodies of each key type")
        prep = ["prepare", "--n", str(args.n), "--bodies", str(args.bodies), "--out", work]
        prep += ["--jdbc-url", args.jdbc_url] if args.store == "postgres" else ["--data-dir", data_dir]
        if args.db_user:
            prep += ["--db-user", args.db_user]
        state = java(prep)
        result["seed"] = {"seconds": state["seedSeconds"], "per_second": round(args.n / state["seedSeconds"], 1)}
        log(f"start-up, {args.n}-certificate data dir")
        result["startup_seeded"] = startup(args, data_dir, args.startup_runs)

        server = Server(args, data_dir)
        server.wait_ready()
        try:
            measure(args, server, state, work, result)
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return result


def measure(args, server: Server, state: dict, work: str, result: dict) -> None:
    port, ca, c = server.port, state["listCa"], args.connections
    s = server
    # Warm the JIT on what is measured, as a server that has run a while would be.
    wrk(args, s, c, args.warmup, "get", f"/certificates-by-ca/{ca}?pageSize=25")
    for kind in ("ec", "rsa"):
        # The first quarter of the bodies warms the registration path (JIT, the CA key's table), unmeasured.
        warm, measured = split_lines(os.path.join(work, f"register-{kind}.jsonl"), args.bodies // 4)
        wrk(args, s, c, args.warmup, "post", "/certificate/register", warm)
        log(f"RegisterCertificate, {kind.upper()} device certificates, {c} connections, {args.duration}s")
        result[f"register_{kind}"] = wrk(args, s, c, args.duration, "post", "/certificate/register", measured)
    for size in (25, 250):
        log(f"ListCertificatesByCA pageSize {size}, {c} connections, {args.duration}s")
        result[f"list_{size}"] = wrk(args, s, c, args.duration, "get", f"/certificates-by-ca/{ca}?pageSize={size}")
    log("page latency at the first, middle and last page (pageSize 250, one connection)")
    marks = markers(port, ca, 250, args.n // 250 + 2)
    pages = {"first": (0, marks[0]), "middle": (len(marks) // 2, marks[len(marks) // 2]),
             "last": (len(marks) - 1, marks[-1])}
    result["page_latency"] = {"pages": len(marks)}
    for name, (index, marker) in pages.items():
        path = f"/certificates-by-ca/{ca}?pageSize=250"
        if marker:
            path += "&marker=" + urllib.parse.quote(marker, safe="")
        r = wrk(args, s, 1, args.latency_duration, "get", path)
        result["page_latency"][name] = {"page": index, "p50_ms": r["p50_ms"], "p99_ms": r["p99_ms"],
                                        "requests": r["requests"], "load": r["load"]}
    log("full walk with certreg's Java paginator (pageSize 250)")
    before = load()
    result["java_walk"] = java(["walk", "--endpoint", server.endpoint, "--ca", ca, "--page-size", "250"])
    result["java_walk"]["load"] = round(before, 2)
    result["rss_after_walk_mb"] = rss_mb(server.pid)
    log(f"load run: ListCertificatesByCA pageSize 250, {c} connections, 10s")
    result["load_run"] = wrk(args, s, c, 10, "get", f"/certificates-by-ca/{ca}?pageSize=250")
    result["rss_after_load_mb"] = rss_mb(server.pid)
    log("certreg iot get-registration-code")
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDBENCH", AWS_SECRET_ACCESS_KEY="x",
               AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true")
    result["get_registration_code"] = timed_runs(
        [LAUNCHER, "iot", "get-registration-code", "--endpoint-url", server.endpoint], args.cli_runs, env)
    log("CertregExtension starts")
    before = load()
    ext = java(["extension", "--starts", "10"])
    result["extension"] = {"first_ms": ext["startMillis"][0],
                           "later_median_ms": statistics.median(ext["startMillis"][1:]),
                           "samples_ms": ext["startMillis"], "load": round(before, 2)}


def fmt_load(x) -> str:
    return f"{x:.1f}" if isinstance(x, (int, float)) else "?"


def markdown(r: dict) -> str:
    def row(name, value, ld):
        return f"| {name} | {value} | {fmt_load(ld)} |"

    pl = r["page_latency"]
    lines = [
        f"## {r['label']}: {r['store']}, N = {r['n']:,} (commit {r['machine']['commit']}, {r['started']})",
        "",
        f"Machine: {r['machine']['cpus']} CPUs, load average at start "
        f"{' / '.join(fmt_load(x) for x in r['load_at_start'])}; {r['machine']['java']}; "
        f"CERTREG_JAVA_OPTS='{r['machine']['java_opts']}'."
        + (f" Store: {r['postgres']}." if r.get("postgres") else ""),
        "",
        "| figure | value | load (1 min) |",
        "| --- | --- | --- |",
    ]
    for kind in ("ec", "rsa"):
        x = r[f"register_{kind}"]
        extra = ", bodies ran out" if x["exhausted"] else ""
        lines.append(row(f"RegisterCertificate, {kind.upper()} device certs, {r.get('connections', 8)} connections",
                         f"{x['ok_per_second']:,.0f}/s, server CPU {x['server_cpu_ms_per_request']} ms/request "
                         f"(statuses {x['statuses']}{extra})", x["load"]))
    for size in (25, 250):
        x = r[f"list_{size}"]
        lines.append(row(f"ListCertificatesByCA pageSize {size}, {r.get('connections', 8)} connections",
                         f"{x['ok_per_second']:,.0f} req/s, p50 {x['p50_ms']} ms, server CPU "
                         f"{x['server_cpu_ms_per_request']} ms/request", x["load"]))
    lines.append(row(f"page of 250, p50 first / middle / last (of {pl['pages']} pages), one connection",
                     " / ".join(f"{pl[k]['p50_ms']:.2f}" for k in ("first", "middle", "last")) + " ms",
                     pl["middle"]["load"]))
    w = r["java_walk"]
    walks = [k for k in ("first", "second", "third") if k in w]
    lines.append(row(f"full walk at pageSize 250, Java paginator ({' / '.join(walks)} walk in one JVM)",
                     " / ".join(f"{w[k]['seconds']:.2f} s" for k in walks) + f" ({w['second']['items']:,} items)",
                     w["load"]))
    lines.append(row("RSS after the walk / after a 10 s load run", f"{r['rss_after_walk_mb']} / "
                     f"{r['rss_after_load_mb']} MB", r["load_run"]["load"]))
    for key, name in (("startup_empty", "empty"), ("startup_seeded", f"{r['n']:,}-row")):
        x = r[key]
        lines.append(row(f"`./certreg serve` to first 200, {name} data dir (median / min)",
                         f"{x['median_s']:.2f} s / {x['min_s']:.2f} s, {x['cpu_s']:.2f} CPU s", x["load"]))
    x = r["get_registration_code"]
    lines.append(row("one `./certreg iot get-registration-code` (median / min)",
                     f"{x['median_s']:.2f} s / {x['min_s']:.2f} s, {x['cpu_s']:.2f} CPU s", x["load"]))
    x = r["extension"]
    lines.append(row("CertregExtension start, first / later (median)",
                     f"{x['first_ms']:.0f} ms / {x['later_median_ms']:.0f} ms", x["load"]))
    lines.append(row("seeding straight into the store (not through the API)",
                     f"{r['seed']['per_second']:,.0f}/s", None))
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=10000, help="certificates under the listed CA (default 10000)")
    p.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--jdbc-url", help="with --store postgres: jdbc:postgresql://HOST:PORT/DATABASE (an empty one); "
                   "without it, a throwaway PostgreSQL 15 cluster is started for the run and deleted after it")
    p.add_argument("--db-user")
    p.add_argument("--bodies", type=int, default=40000, help="RegisterCertificate bodies of each key type")
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--duration", type=float, default=5, help="seconds of each throughput run")
    p.add_argument("--warmup", type=float, default=10)
    p.add_argument("--latency-duration", type=float, default=5)
    p.add_argument("--startup-runs", type=int, default=3)
    p.add_argument("--cli-runs", type=int, default=3)
    p.add_argument("--serve-arg", action="append", default=[],
                   help="an extra argument for certreg serve, such as --serve-arg=--no-mqtt (repeatable)")
    p.add_argument("--label", default="run")
    p.add_argument("--results", default=os.path.join(BENCH, "results"))
    args = p.parse_args()
    if shutil.which("wrk") is None:
        p.error("wrk is missing: apt-get install wrk")
    if args.store == "postgres" and not args.jdbc_url:
        with pg.cluster(log, free_port) as (args.jdbc_url, args.db_user):
            result = run(args)
        result["postgres"] = "a throwaway PostgreSQL 15 cluster (bench/pg.py), PostgreSQL's defaults"
    else:
        result = run(args)
    result["connections"] = args.connections
    result["serve_args"] = args.serve_arg
    stem = os.path.join(args.results, f"{args.label}-{args.store}-{args.n}")
    write_results(stem, result, markdown(result))
    log(f"wrote {stem}.json, {stem}.md and {redraw(args.results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
