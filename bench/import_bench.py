#!/usr/bin/env python3
"""certreg's bulk import benchmark: the `certreg import` figure of BENCHMARKS.md. Run it as ``bench/run.sh import``.

Registers one EC CA in a fresh data directory and mints N EC P-256 device certificates it signed, as PEM bundles of
1,000 (the bench module's import-prepare), then runs ``./certreg import --ca-certificate-id CA`` over them into a copy
of that data directory, ``--runs`` times, each into a fresh copy. Every run records the wall time (launcher and JVM
start included), the CPU time of the import process and the 1-minute load average read just before it, and a last
run imports the same files again, where every certificate is already registered. Writes
bench/results/import/<label>.json and .md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, JAR, LAUNCHER, load, log, write_results  # noqa: E402

SUMMARY = re.compile(r"imported (\d+) certificates in ([\d.]+) s .*: (\d+) registered, (\d+) already registered, "
                     r"(\d+) failed")


def timed_import(data_dir: str, ca: str, certs: str, env: dict) -> dict:
    before_load = load()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    out = subprocess.run([LAUNCHER, "import", "--data-dir", data_dir, "--ca-certificate-id", ca, certs],
                         capture_output=True, text=True, timeout=3600, env=env)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    match = SUMMARY.search(out.stdout)
    if match is None:
        raise RuntimeError(f"certreg import printed no summary (exit {out.returncode}):\n{out.stderr[-3000:]}")
    imported, seconds, registered, existing, failed = match.groups()
    return {"load": round(before_load, 2), "wall_s": round(wall, 3), "import_s": float(seconds),
            "cpu_s": round(after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime, 3),
            "registered": int(registered), "already_registered": int(existing), "failed": int(failed),
            "per_s_wall": round(int(imported) / wall, 1), "per_s_import": round(int(imported) / float(seconds), 1)
            if float(seconds) > 0 else None}


def markdown(r: dict) -> str:
    lines = [f"# certreg import, {r['n']} EC P-256 device certificates under one CA ({r['label']})", "",
             f"{r['started']}, {r['machine']}; load average (1/5/15 min) at the start: {r['load_start']}", "",
             "| run | load | wall (launcher and JVM included) | import alone | CPU | registered / existing / failed |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name, run in r["runs"]:
        lines.append(f"| {name} | {run['load']} | {run['wall_s']} s ({run['per_s_wall']:,.0f}/s) | "
                     f"{run['import_s']} s ({run['per_s_import'] or 0:,.0f}/s) | {run['cpu_s']} s "
                     f"({1000 * run['cpu_s'] / r['n']:.3f} ms per certificate) | {run['registered']} / "
                     f"{run['already_registered']} / {run['failed']} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--label", default="import")
    parser.add_argument("--java-opts", default=None, help="CERTREG_JAVA_OPTS for the import runs (e.g. a JFR flag)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="certreg-import-bench-")
    try:
        seed_dir = os.path.join(work, "seed")
        certs = os.path.join(work, "certs")
        log(f"registering a CA and minting {args.n} device certificates")
        prepared = json.loads(subprocess.run(
            ["java", "-jar", JAR, "import-prepare", "--data-dir", seed_dir, "--n", str(args.n), "--out", certs],
            check=True, capture_output=True, text=True, timeout=3600).stdout.strip().splitlines()[-1])
        env = dict(os.environ)
        if args.java_opts is not None:
            env["CERTREG_JAVA_OPTS"] = args.java_opts
        result = {"label": args.label, "n": args.n, "ca": prepared["ca"], "files": prepared["files"],
                  "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                  "machine": f"{os.cpu_count()} CPUs", "load_start": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
                  "runs": []}
        data_dir = None
        for i in range(args.runs):
            data_dir = os.path.join(work, f"data-{i}")
            shutil.copytree(seed_dir, data_dir)
            log(f"import run {i + 1} of {args.runs} (load {load():.2f})")
            result["runs"].append((f"fresh store {i + 1}", timed_import(data_dir, prepared["ca"], certs, env)))
        log("importing the same files again")
        result["runs"].append(("again, all already registered", timed_import(data_dir, prepared["ca"], certs, env)))
        write_results(os.path.join(BENCH, "results", "import", args.label), result, markdown(result))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
