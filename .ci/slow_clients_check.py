#!/usr/bin/env python3
"""Slow clients against a real ``./certreg serve``: 64 connections that send a body one byte every 2 s and 3,000
that send their headers one byte a second, all at once; meanwhile every normal request of boto3 must be answered
within 1 s. Then the slow connections must have been ended by the server: the slow bodies with a 400 after
--body-timeout, the slow headers by a close after --header-timeout.

The open-files limit of this process (and so of the server it starts) is raised to its hard limit first; 3,064
client sockets plus the server's own need more than the usual 1,024.
"""

import os
import resource
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkkit import HOST, Abort, expect, iot_client, run  # noqa: E402 - checkkit lives next to this script

SLOW_BODIES = int(os.environ.get("CERTREG_CHECK_SLOW_BODIES", "64"))
SLOW_HEADERS = int(os.environ.get("CERTREG_CHECK_SLOW_HEADERS", "3000"))
NORMAL_REQUESTS = 20
BOUND_S = 1.0
SCOPE = "Credential=AKIDEXAMPLE/20260101/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=00"


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = SLOW_BODIES + SLOW_HEADERS + 1024
    expect(hard == resource.RLIM_INFINITY or hard >= wanted,
           "the open-files hard limit %d is below the %d this check needs" % (hard, wanted))
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    print("# open-files limit raised from %d to %d" % (soft, hard), flush=True)


class SlowClients:
    """Opens the slow connections and keeps each trickling until the server closes it."""

    def __init__(self, port):
        self.port = port
        self.bodies = []
        self.headers = []
        self.stop = threading.Event()
        self.closed_by_server = {"body": 0, "header": 0}
        self.answered_400 = 0

    def open_all(self):
        for _ in range(SLOW_BODIES):
            s = self._connect()
            s.sendall(("PUT /cacertificate/%s HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 %s\r\n"
                       "Content-Length: 4096\r\n\r\n{" % ("a" * 64, SCOPE)).encode())
            self.bodies.append(s)
        for _ in range(SLOW_HEADERS):
            s = self._connect()
            s.sendall(b"GET /registrationcode HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            self.headers.append(s)
        threading.Thread(target=self._trickle, args=(self.bodies, "body", 2.0), daemon=True).start()
        threading.Thread(target=self._trickle, args=(self.headers, "header", 1.0), daemon=True).start()

    def _connect(self):
        s = socket.create_connection((HOST, self.port), timeout=10)
        s.setblocking(False)
        return s

    def _trickle(self, sockets, kind, period):
        while not self.stop.is_set() and sockets:
            for s in list(sockets):
                try:
                    s.send(b"a")
                    # Anything received ends the connection: a 400, or b"" for a close.
                    if s.recv(4096).startswith(b"HTTP/1.1 400"):
                        self.answered_400 += 1
                    self._closed(sockets, s, kind)
                except BlockingIOError:
                    pass
                except OSError:
                    self._closed(sockets, s, kind)
            self.stop.wait(period)

    def _closed(self, sockets, s, kind):
        sockets.remove(s)
        self.closed_by_server[kind] += 1
        s.close()

    def still_open(self):
        return len(self.bodies), len(self.headers)

    def close(self):
        self.stop.set()
        for s in self.bodies + self.headers:
            s.close()


def run_checks(report, server, env):
    raise_file_limit()
    if not report.check("./certreg serve starts", server.start):
        return
    if not report.check("server answers HTTP", server.wait_ready):
        raise Abort("the server is not up")
    slow = SlowClients(server.port)
    iot = iot_client(server.endpoint, connect_timeout=5, read_timeout=5)
    try:
        opened = time.monotonic()
        report.check("open %d slow-body and %d slow-header connections" % (SLOW_BODIES, SLOW_HEADERS),
                     slow.open_all)
        print("# opened in %.1f s; still open: %d bodies, %d headers"
              % ((time.monotonic() - opened,) + slow.still_open()), flush=True)

        latencies = []

        def normal_requests_answered_within_bound():
            for _ in range(NORMAL_REQUESTS):
                began = time.monotonic()
                code = iot.get_registration_code()["registrationCode"]
                latencies.append(time.monotonic() - began)
                expect(len(code) == 64, "registration code %r" % code)
            print("# normal requests while slow clients hold connections: max %.3f s, median %.3f s; still open:"
                  " %d bodies, %d headers" % ((max(latencies), sorted(latencies)[len(latencies) // 2])
                                             + slow.still_open()), flush=True)
            expect(max(latencies) < BOUND_S, "slowest normal request took %.3f s" % max(latencies))

        report.check("%d normal requests each answered within %.0f s" % (NORMAL_REQUESTS, BOUND_S),
                     normal_requests_answered_within_bound)

        def slow_clients_are_ended():
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and any(slow.still_open()):
                time.sleep(1)
            print("# after %.0f s: closed by the server %s, of them %d with a 400"
                  % (time.monotonic() - opened, slow.closed_by_server, slow.answered_400), flush=True)
            expect(slow.still_open() == (0, 0), "still open after 60 s: %d bodies, %d headers" % slow.still_open())

        report.check("the server ends every slow connection (header and body timeouts)", slow_clients_are_ended)
        server.still_running()
    finally:
        slow.close()


def main():
    return run("certreg-slow-", run_checks)


if __name__ == "__main__":
    sys.exit(main())
