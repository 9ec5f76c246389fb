#!/usr/bin/env python3
"""A webhook receiver for SurveyKit alerts, with nothing but Python's standard library.

It verifies every delivery as the Standard Webhooks specification says (standardwebhooks.com): the HMAC-SHA256 of
"webhook-id.webhook-timestamp.body" with the secret's bytes, compared in constant time, and a timestamp within five
minutes of now (a replayed delivery is refused). It answers 2xx only after it has kept the alert, and it recognises a
retry by its webhook-id: delivery is at least once, so the same alert may arrive twice.

    python3 receiver.py --port 8080 --secret-file cx-hook.secret
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 5 * 60


def verify(secret: bytes, headers, body: bytes) -> bool:
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "")
    if not msg_id or not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(secret, signed, hashlib.sha256).digest()).decode()
    # The header may carry several signatures (during a secret rotation), separated by spaces.
    return any(
        version == "v1" and hmac.compare_digest(signature, expected)
        for version, _, signature in (s.partition(",") for s in signatures.split())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--secret-file", required=True)
    args = parser.parse_args()
    text = open(args.secret_file, encoding="utf-8").read().strip()
    secret = base64.b64decode(text.removeprefix("whsec_"))
    seen = set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not verify(secret, self.headers, body):
                self.send_response(401)
                self.end_headers()
                return
            msg_id = self.headers["webhook-id"]
            if msg_id not in seen:  # a retry of an alert already kept is acknowledged, not handled twice
                seen.add(msg_id)
                alert = json.loads(body)
                print(f"{alert['alert']}: {alert['survey']} response {alert['responseId']} "
                      f"answers {json.dumps(alert['answers'], ensure_ascii=False)}", flush=True)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_):
            pass

    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    sys.exit(main())
