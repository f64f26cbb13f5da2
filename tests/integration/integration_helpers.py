"""Helpers of the integration-service tests: a loopback webhook receiver and request signing."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """A webhook receiver on 127.0.0.1: records every request; can fail the next N with a status.

    Only requests that `fail_only` accepts (given the decoded payload) count towards the N, so a
    late callback of an earlier test cannot use up the failures meant for another delivery.
    """

    def __init__(self) -> None:
        self.received: list[tuple[dict, bytes]] = []
        self.fail_next = 0
        self.fail_status = 503
        self.fail_only = lambda payload: True
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = 200
                if outer.fail_next > 0 and outer.fail_only(json.loads(body)):
                    status, outer.fail_next = outer.fail_status, outer.fail_next - 1
                self.send_response(status)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/callback"

    def events_for(self, petition_id: str) -> list[tuple[dict, dict]]:
        found = []
        for headers, body in list(self.received):
            payload = json.loads(body)
            if payload.get("data", {}).get("petition_id") == petition_id:
                found.append((headers, payload))
        return found

    def wait_for(self, predicate, timeout: float = 30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = predicate()
            if result:
                return result
            time.sleep(0.1)
        raise AssertionError(f"nothing matched within {timeout} s; received {len(self.received)}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def key_bytes(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix("whsec_"))


def signed_headers(key_id: str, secret: str, body: bytes, timestamp: int | None = None) -> dict:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(key_bytes(secret), stamp.encode() + b"." + body, hashlib.sha256).digest()
    return {"X-Api-Key": key_id, "X-Timestamp": stamp, "content-type": "application/json",
            "X-Signature": "v1," + base64.b64encode(digest).decode()}


def webhook_signature_ok(secret: str, headers: dict, body: bytes) -> bool:
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key_bytes(secret), signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s) for s in headers["webhook-signature"].split(" "))


def order(order_id: str | None = None, **extra) -> dict:
    return {"order_id": order_id or f"WO-{uuid.uuid4().hex[:10]}", "category_code": "HL-0301",
            "title": "小区路灯不亮", "content": "桃源村村口到小学的路灯连续三晚不亮，行人摔倒。",
            "caller_name": "王先生", "caller_phone": "13800000000", "village_id": "330688100201",
            "address": "桃源村村口", "location": {"latitude": 29.1, "longitude": 119.2},
            "time_limit_hours": 72, **extra}
