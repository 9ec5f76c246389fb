#!/usr/bin/env python3
"""The alert benchmark's webhook receiver: verifies every Standard Webhooks signature (as examples/alerts/receiver.py
does), answers 204, and records how long after the collector stored the response the alert arrived (arrival minus the
body's receivedAt, which the collector takes just before the commit that precedes the 201: an upper bound of the time
from the 201 to the arrival). On SIGTERM it writes: count, median, p99 and max in milliseconds, and any bad signature.

    python3 receiver.py PORT SECRET_FILE STATS_FILE
"""
import base64
import hashlib
import hmac
import json
import signal
import sys
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, secret_file, stats_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
secret = base64.b64decode(open(secret_file).read().strip().removeprefix("whsec_"))
latencies, bad, ids = [], [0], set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        arrived = time.time()
        signed = f"{self.headers['webhook-id']}.{self.headers['webhook-timestamp']}.".encode() + body
        expected = "v1," + base64.b64encode(hmac.new(secret, signed, hashlib.sha256).digest()).decode()
        if not hmac.compare_digest(expected, self.headers["webhook-signature"]):
            bad[0] += 1
        else:
            received = datetime.fromisoformat(json.loads(body)["receivedAt"]).timestamp()
            latencies.append((arrived - received) * 1000)
            ids.add(self.headers["webhook-id"])
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass


def stop(*_):
    values = sorted(latencies)
    pick = lambda q: values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))] if values else float("nan")
    with open(stats_file, "w") as f:
        f.write(f"alerts received: {len(values)} ({len(ids)} distinct), bad signatures: {bad[0]}\n")
        f.write(f"201 -> arrival: median {pick(0.5):.1f} ms, p99 {pick(0.99):.1f} ms, max {pick(1.0):.1f} ms\n")
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
