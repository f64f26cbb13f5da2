"""Per-caller rate limits at the edge: token buckets per partner key, per login, per client IP."""
from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from dataclasses import dataclass

from gateway.problems import wants_english
from shared.auth import TokenVerifier
from shared.errors import Unauthenticated
from shared.logs import current_trace_id
from shared.settings import env_int

LOGIN_PATH = "/api/v1/auth/token"
PUBLIC_PREFIXES = ("/public/", "/open311/")


@dataclass
class Bucket:
    tokens: float
    stamp: float


class TokenBuckets:
    """`per_minute` requests per key and minute, bursts up to `per_minute`; least recently used
    keys are forgotten beyond `max_keys`, so a flood of new keys cannot exhaust memory."""

    def __init__(self, per_minute: int, *, max_keys: int = 100_000, clock=time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, Bucket] = OrderedDict()

    def take(self, key: str) -> float:
        """0 if the request may pass, else the seconds until the next token."""
        now = self.clock()
        bucket = self._buckets.pop(key, None) or Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        self._buckets[key] = bucket
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate


class RateLimitMiddleware:
    """Sorts each request into one bucket family: logins by client IP, partner calls by API key,
    other API calls by the verified JWT `sub` (by client IP when the token is missing or bad, so a
    forged token cannot drain someone else's bucket), the login-free /public and /open311 by
    client IP. A limit of 0 switches that family off. In memory, per gunicorn worker: see
    gateway/README.md."""

    def __init__(self, app, *, login: int, user: int, partner: int, public: int = 0,
                 verifier: TokenVerifier | None = None) -> None:
        self.app = app
        self.buckets = {name: TokenBuckets(limit) for name, limit in
                        (("login", login), ("user", user), ("partner", partner),
                         ("public", public)) if limit > 0}
        self._verifier = verifier
        self._subjects: OrderedDict[str, str | None] = OrderedDict()

    @classmethod
    def from_env(cls, app) -> "RateLimitMiddleware":
        return cls(app, login=env_int("RATE_LIMIT_PER_MINUTE_LOGIN", 300),
                   user=env_int("RATE_LIMIT_PER_MINUTE_USER", 60_000),
                   partner=env_int("RATE_LIMIT_PER_MINUTE_PARTNER", 60_000),
                   public=env_int("RATE_LIMIT_PER_MINUTE_PUBLIC", 60_000))

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            family, key = self._classify(scope)
            wait = self.buckets[family].take(key) if family in self.buckets else 0.0
            if wait > 0:
                return await _too_many(scope, send, math.ceil(wait))
        return await self.app(scope, receive, send)

    def _classify(self, scope) -> tuple[str | None, str]:
        path, headers = scope.get("path", ""), dict(scope.get("headers") or [])
        client = (scope.get("client") or ("?", 0))[0]
        if path == LOGIN_PATH:
            return "login", client
        if path.startswith("/partner/"):
            return "partner", headers.get(b"x-api-key", b"").decode("latin-1")[:128] or "ip:" + client
        if path.startswith(PUBLIC_PREFIXES):  # no login: the caller is its address
            return "public", "ip:" + client
        if path.startswith("/api/"):
            auth = headers.get(b"authorization", b"").decode("latin-1")
            subject = self._subject(auth[7:].strip()) if auth[:7].lower() == "bearer " else None
            return "user", subject or "ip:" + client
        return None, ""

    def _subject(self, token: str) -> str | None:
        """The verified `sub` of a token; verifications are cached (bounded) per token string."""
        if token in self._subjects:
            self._subjects.move_to_end(token)
            return self._subjects[token]
        try:
            subject = "sub:" + self._get_verifier().verify(token).subject
        except Unauthenticated:
            subject = None
        self._subjects[token] = subject
        if len(self._subjects) > 10_000:
            self._subjects.popitem(last=False)
        return subject

    def _get_verifier(self) -> TokenVerifier:
        if self._verifier is None:
            from gateway import security  # the worker's verifier, loaded in its lifespan
            self._verifier = security._verifier or security.load_verifier()
        return self._verifier


async def _too_many(scope, send, retry_after: int) -> None:
    headers = dict(scope.get("headers") or [])
    english = wants_english(headers.get(b"accept-language", b"").decode("latin-1"))
    detail = (f"Too many requests; retry in {retry_after} s" if english
              else f"请求过于频繁，请 {retry_after} 秒后重试")
    body = json.dumps({"type": "urn:zhili:problem:RATE_LIMITED", "title": "Too Many Requests",
                       "status": 429, "code": "RATE_LIMITED", "detail": detail,
                       "instance": scope.get("path", ""), "trace_id": current_trace_id() or ""},
                      ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode())]})
    await send({"type": "http.response.body", "body": body})
