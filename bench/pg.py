"""A throwaway PostgreSQL 15 cluster for ``bench/run.sh --store postgres`` given no --jdbc-url.

Debian's PostgreSQL 15 (/usr/lib/postgresql/15/bin, package postgresql-15): initdb into a temporary directory,
the server on a free 127.0.0.1 port with its unix socket in that directory, one empty database, trust
authentication for loopback only. The server keeps PostgreSQL's defaults (fsync and synchronous_commit on), so
an acknowledged write is as durable as on an ordinary installation. PostgreSQL refuses to run as root: run as root,
the cluster belongs to the user postgres (or nobody, when there is no postgres user) and its programs run through
runuser. The cluster is stopped and deleted when the block ends, whether it succeeded or not, and on SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PG_BIN = os.environ.get("CERTREG_BENCH_PG_BIN", "/usr/lib/postgresql/15/bin")
USER = "certreg"
DATABASE = "certreg_bench"


def _runner() -> tuple[list[str], pwd.struct_passwd | None]:
    """The prefix that runs PostgreSQL's programs, and the account that owns the cluster when that is not us."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], account
    raise RuntimeError("running as root, and neither a postgres nor a nobody user exists to own the cluster")


def _sigterm(signum, frame):
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def cluster(log, free_port):
    """Yields (jdbc_url, db_user) of an empty database in a fresh cluster; stops and deletes the cluster after."""
    if not os.path.exists(os.path.join(PG_BIN, "initdb")):
        raise RuntimeError(f"no initdb in {PG_BIN}: apt-get install postgresql-15, or pass --jdbc-url")
    prefix, account = _runner()
    work = tempfile.mkdtemp(prefix="certreg-bench-pg-")
    data = os.path.join(work, "data")
    port = free_port()
    previous = signal.signal(signal.SIGTERM, _sigterm)

    def pg(program: str, *args: str, timeout: float = 120) -> None:
        out = subprocess.run(prefix + [os.path.join(PG_BIN, program), *args], capture_output=True, text=True,
                             timeout=timeout, cwd=work)
        if out.returncode != 0:
            raise RuntimeError(f"{program} failed ({out.returncode}):\n{out.stdout[-1500:]}{out.stderr[-1500:]}")

    try:
        if account is not None:
            os.chown(work, account.pw_uid, account.pw_gid)
        who = account.pw_name if account else pwd.getpwuid(os.geteuid()).pw_name
        log(f"PostgreSQL: a throwaway cluster in {work}, owned by {who}, on 127.0.0.1:{port}")
        pg("initdb", "-D", data, "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        pg("pg_ctl", "-D", data, "-l", os.path.join(work, "server.log"), "-w", "-t", "60",
           "-o", f"-h 127.0.0.1 -p {port} -k {work}", "start")
        pg("createdb", "-h", work, "-p", str(port), "-U", USER, DATABASE)
        yield f"jdbc:postgresql://127.0.0.1:{port}/{DATABASE}", USER
    finally:
        try:
            _stop(pg, data)
        finally:
            signal.signal(signal.SIGTERM, previous)
            shutil.rmtree(work, ignore_errors=True)
            log("PostgreSQL: cluster stopped and deleted")


def _stop(pg, data: str) -> None:
    """pg_ctl stop; if that fails while the postmaster still runs, SIGKILL it (the pid of postmaster.pid)."""
    pid_file = os.path.join(data, "postmaster.pid")
    if not os.path.exists(pid_file):
        return
    try:
        pg("pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "60", "stop", timeout=90)
        return
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"pg_ctl stop: {e}", file=sys.stderr)
    try:
        with open(pid_file) as f:
            pid = int(f.readline())
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):  # at most 10 s for it to go
            os.kill(pid, 0)
            time.sleep(0.1)
    except (OSError, ValueError):
        pass
