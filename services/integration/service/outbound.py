"""Outbound HTTP: destinations checked against SSRF rules, no redirects, bounded time and size."""
from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from services.integration import domain
from shared.errors import InvalidArgument


@dataclass(frozen=True)
class HttpResult:
    status_code: int          # 0: no HTTP answer
    retry_after: str | None
    error: str
    duration_ms: int
    body: bytes = b""


class BlockedDestination(Exception):
    """The URL resolves to an address we must not call (loopback, private, link-local …)."""


class Outbound:
    def __init__(self, *, allow_private: bool, timeout_seconds: float = 10.0,
                 max_response_bytes: int = 65536) -> None:
        self.allow_private = allow_private
        self.max_response_bytes = max_response_bytes
        self._client = httpx.AsyncClient(
            follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(timeout_seconds, connect=min(5.0, timeout_seconds)),
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
            headers={"user-agent": "zhili-integration/1.0"})

    async def resolve_blocked(self, url: str) -> str | None:
        """The first forbidden address the URL's host resolves to, or None when all are allowed."""
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            return None  # unresolvable now: the attempt fails and is retried like any outage
        for info in infos:
            address = info[4][0]
            if not domain.address_allowed(address, allow_private=self.allow_private):
                return address
        return None

    async def check_destination(self, url: str, field: str = "callback_url") -> None:
        domain.check_url_shape(url, field)
        if await self.resolve_blocked(url):
            raise InvalidArgument("回调地址指向内网、回环或链路本地地址，已拒绝",
                                  "The URL resolves to a loopback, private or link-local address",
                                  code="UNSAFE_DESTINATION", field=field)

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> HttpResult:
        started = time.perf_counter()
        elapsed = lambda: int((time.perf_counter() - started) * 1000)  # noqa: E731
        blocked = await self.resolve_blocked(url)
        if blocked:
            raise BlockedDestination(f"{urlsplit(url).hostname} resolves to a forbidden address")
        try:
            async with self._client.stream("POST", url, content=body, headers=headers) as response:
                kept = bytearray()
                async for chunk in response.aiter_raw():
                    kept += chunk[: self.max_response_bytes - len(kept)]
                    if len(kept) >= self.max_response_bytes:
                        break  # the rest is not read: a huge answer cannot exhaust memory
                return HttpResult(response.status_code, response.headers.get("retry-after"), "",
                                  elapsed(), bytes(kept))
        except httpx.HTTPError as exc:
            return HttpResult(0, None, f"{type(exc).__name__}: {exc}"[:300], elapsed())

    async def close(self) -> None:
        await self._client.aclose()
