#!/usr/bin/env python3
"""certreg beside moto_server, in one run. Run it as ``bench/run.sh moto [--n 2000] [--label NAME]``.

Starts moto_server (``python3 -m moto.server``) and ``./certreg serve`` (SQLite, a fresh data directory) on free
127.0.0.1 ports, then runs ../shared/bench/certbench.py against both, one after the other with the same material:
one CA and N EC P-256 device certificates registered through boto3 (RegisterCACertificate, then RegisterCertificate
from 4 workers), a walk at pageSize 250, the p50/p99 of the first page of 250 on one keep-alive connection, and
pageSize 25 from 8 connections for --duration seconds. moto ignores pageSize and answers ListCertificatesByCA with the
whole list in one response: that response is what a client of moto gets, and it is recorded as such. For certreg,
the first, middle and last page of 250 are then measured the same way as certbench's first page (its latency phase).
Every request carries a credential scope and a dummy signature (certbench's auth=scope: certreg's --auth open, and
moto routes by the scope).

Writes bench/results/moto/<label>.json and .md and redraws bench/results/page-latency.svg. Only loopback addresses
are used; every wait is bounded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, ROOT, LoggedServer, free_port, load, log, markers, write_results  # noqa: E402
from chart import redraw  # noqa: E402
from mqtt_bench import Server  # noqa: E402

CERTBENCH = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "certbench.py"))


class Moto(LoggedServer):
    """moto_server on a free port; its pid is the Python process that serves."""
    name = "moto_server"
    ready_path = "/moto-api/data.json"  # moto's own API: answers once the server is up

    def __init__(self, log_path: str):
        self.port = free_port()
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.pid = self.proc.pid


def load_certbench(path: str):
    spec = importlib.util.spec_from_file_location("certbench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def digest(target: dict) -> dict:
    """The figures of one certbench target that this benchmark reports."""
    seed, tp = target["seed"], target["throughput"]
    registered = max(1, seed["certs_registered"])
    return {
        "register_per_s": seed["register_certs_per_s"], "registered": seed["certs_registered"],
        "register_errors": seed["register_errors"], "seed_workers": seed["seed_workers"],
        "register_server_cpu_ms": round(1000 * (seed["server_cpu_s"] or 0) / registered, 3),
        "paginates": target["pagination_probe"]["pagination_implemented"],
        "walk": {k: target["walk"][k] for k in ("walk_seconds", "pages", "certificates_returned", "complete")},
        "list_25": {"requests_per_s": tp["requests_per_s"], "errors": tp["errors"],
                    "concurrency": tp["concurrency"], "seconds": tp["elapsed_s"],
                    "server_cpu_ms_per_request": round(1000 * (tp["server_cpu_s"] or 0) / max(1, tp["requests_ok"]), 3),
                    "client_cpu_cores": tp["client_cpu_utilization_cores"],
                    "p50_ms": tp["latency_under_load"].get("p50_ms")},
        "rss_mb_after_seed": round((target["server_rss_kb_after_seed"] or 0) / 1024, 1),
    }


def certreg_pages(cb, params: dict, server: Server, ca: str, n: int) -> dict:
    """p50/p99 of the first, middle and last page of 250, with certbench's latency phase."""
    ns = argparse.Namespace(**params, access_key="testing", secret_key="testing")
    target = cb.Target(f"certreg=http://127.0.0.1:{server.port},auth=scope,pid={server.pid}", "scope", 0)
    marks = markers(server.port, ca, 250, n // 250 + 2)
    out: dict = {"pages": len(marks), "load": round(load(), 2)}
    for name, index in (("first", 0), ("middle", len(marks) // 2), ("last", len(marks) - 1)):
        r = cb.latency(target, ns, ca, marks[index], 250)
        out[name] = {"page": index, "p50_ms": r.get("p50_ms"), "p99_ms": r.get("p99_ms"), "samples": r["n"],
                     "items": r["items_per_response"], "errors": r["errors"]}
    return out


def run(args, work: str) -> dict:
    import moto
    result: dict = {
        "label": args.label, "n": args.n,
        "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "moto": moto.__version__,
                    "commit": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                             capture_output=True, text=True).stdout.strip()},
        "load_at_start": [round(x, 2) for x in os.getloadavg()],
        "method": "certbench.py (" + os.path.relpath(args.certbench, ROOT) + "), auth=scope, one run, same material",
    }
    mock = certreg = None
    try:
        mock = Moto(os.path.join(work, "moto.log"))
        certreg = Server(os.path.join(work, "data"), os.path.join(work, "serve.log"))
        mock.wait_ready(60)
        certreg.wait_ready()
        out = os.path.join(work, "certbench.json")
        cmd = [sys.executable, args.certbench, "--certs", str(args.n), "--duration", str(args.duration),
               "--concurrency", str(args.connections), "--seed-workers", str(args.seed_workers),
               "--latency-budget", str(args.latency_budget), "--out", out,
               "--endpoint", f"certreg=http://127.0.0.1:{certreg.port},auth=scope,pid={certreg.pid}",
               "--endpoint", f"moto=http://127.0.0.1:{mock.port},auth=scope,pid={mock.pid}"]
        result["load_certbench"] = round(load(), 2)
        log(f"certbench.py against certreg and moto, {args.n} certificates (load {result['load_certbench']:.1f})")
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, timeout=1800 + args.n / 5)
        with open(out) as f:
            bench = json.load(f)
        result["certbench"] = bench
        targets = {t["target"]["label"]: t for t in bench["targets"]}
        for name in ("certreg", "moto"):
            if "error" in targets[name]:
                raise RuntimeError(f"certbench failed on {name}: {targets[name]['error']}")
            result[name] = digest(targets[name])
        first = targets["moto"]["latency"]["first_page"]
        result["moto"]["whole_list"] = {"items": first["items_per_response"], "bytes": first["response_bytes"],
                                        "p50_ms": first["p50_ms"], "p99_ms": first["p99_ms"], "samples": first["n"],
                                        "page_size_asked": first["page_size"]}
        log("certreg: the first, middle and last page of 250")
        result["certreg"]["page_latency"] = certreg_pages(load_certbench(args.certbench), bench["params"], certreg,
                                                          targets["certreg"]["seed"]["ca_certificate_id"], args.n)
    finally:
        for server in (certreg, mock):
            if server is not None:
                server.stop()
    result["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return result


def markdown(r: dict) -> str:
    c, m = r["certreg"], r["moto"]
    pl, whole = c["page_latency"], m["whole_list"]

    def rate(x: dict) -> str:
        return f"{x['register_per_s']:,.0f}/s, server CPU {x['register_server_cpu_ms']} ms each"

    def tp(x: dict) -> str:
        y = x["list_25"]
        return f"{y['requests_per_s']:,.0f} req/s, server CPU {y['server_cpu_ms_per_request']} ms/request"

    def walk(x: dict) -> str:
        pages = x["walk"]["pages"]
        return f"{x['walk']['walk_seconds']:.2f} s, {pages} request{'s' if pages != 1 else ''}"

    def page(name: str) -> str:
        return f"{pl[name]['p50_ms']:.2f} / {pl[name]['p99_ms']:.2f} ms (page {pl[name]['page'] + 1})"

    lines = [
        f"## {r['label']}: certreg beside moto {r['machine']['moto']}, N = {r['n']:,} "
        f"(commit {r['machine']['commit']}, {r['started']})",
        "",
        f"{r['machine']['cpus']} CPUs, load average at start {' / '.join(f'{x:.1f}' for x in r['load_at_start'])}, "
        f"{r['load_certbench']:.1f} when certbench started and {pl['load']:.1f} before certreg's pages. "
        f"Method: {r['method']}; certreg on SQLite. The client is Python on the same cores, so the rates are partly "
        "its own (bench/run.sh measures certreg with wrk).",
        "",
        "| figure | certreg | moto |",
        "| --- | --- | --- |",
        f"| RegisterCertificate through boto3, {c['seed_workers']} workers | {rate(c)} | {rate(m)} |",
        f"| ListCertificatesByCA pagination | {pl['pages']} pages of 250 | none: pageSize ignored, "
        f"{whole['items']:,} certificates ({whole['bytes']:,} bytes) in one response |",
        f"| first page of 250, p50 / p99 | {page('first')} | the whole list: {whole['p50_ms']:.2f} / "
        f"{whole['p99_ms']:.2f} ms |",
        f"| middle page of 250, p50 / p99 | {page('middle')} | n/a (one response) |",
        f"| last page of 250, p50 / p99 | {page('last')} | n/a (one response) |",
        f"| pageSize 25, {c['list_25']['concurrency']} connections | {tp(c)} | {tp(m)} (each the whole list) |",
        f"| walk of all N at pageSize 250 | {walk(c)} | {walk(m)} |",
        f"| server RSS after registering N | {c['rss_mb_after_seed']} MB | {m['rss_mb_after_seed']} MB |",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=2000, help="device certificates registered in each server (default 2000)")
    p.add_argument("--duration", type=float, default=5, help="seconds of the pageSize 25 run (default 5)")
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--seed-workers", type=int, default=4, help="concurrent RegisterCertificate calls (default 4)")
    p.add_argument("--latency-budget", type=float, default=20,
                   help="seconds for each page's latency samples (at most 300, at least 10)")
    p.add_argument("--certbench", default=CERTBENCH, help=f"certbench.py (default {CERTBENCH})")
    p.add_argument("--label", default="run")
    p.add_argument("--results", default=os.path.join(BENCH, "results"))
    args = p.parse_args()
    if not os.path.exists(args.certbench):
        p.error(f"{args.certbench} is missing: pass --certbench PATH")
    if importlib.util.find_spec("moto") is None:
        p.error("moto is missing: pip install 'moto[server]'")
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))  # so the servers are stopped
    work = tempfile.mkdtemp(prefix="certreg-bench-moto-")
    began = time.monotonic()
    try:
        result = run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["runtime_s"] = round(time.monotonic() - began, 1)
    stem = os.path.join(args.results, "moto", args.label)
    write_results(stem, result, markdown(result))
    log(f"wrote {stem}.json, {stem}.md and {redraw(args.results)} in {result['runtime_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
