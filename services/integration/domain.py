"""Pure rules of integration: partner kinds and scopes, signatures, replay window, retries, Open311, SSRF."""
from __future__ import annotations

import base64
import datetime as dt
import email.utils
import hashlib
import hmac
import ipaddress
import json
import random
import re
import secrets as _secrets
from dataclasses import dataclass

from shared.errors import InvalidArgument, Unauthenticated

KINDS = {
    "hotline_12345": ("12345热线", "12345 hotline"),
    "complaint_platform": ("投诉平台", "complaint platform"),
    "open311_client": ("Open311 客户端", "Open311 client"),
    "data_consumer": ("数据使用方", "data consumer"),
}
SCOPE_CREATE = "work_orders:create"
SCOPE_STATUS = "status:read"
SCOPE_SUPERVISION = "supervision:read"
SCOPES = {SCOPE_CREATE: "创建工单", SCOPE_STATUS: "接收状态回传", SCOPE_SUPERVISION: "读取督办/监督数据"}
# Which scope a partner needs to subscribe to an event type (prefix match).
EVENT_SCOPES = {"procedures.warning.": SCOPE_SUPERVISION, "petitions.petition.overdue": SCOPE_SUPERVISION,
                "tasks.assignment.overdue": SCOPE_SUPERVISION, "petitions.petition.": SCOPE_STATUS}
CODE = re.compile(r"[a-z0-9][a-z0-9-]{1,39}")
SECRET_PREFIX = "whsec_"
REPLAY_WINDOW = dt.timedelta(minutes=5)


def check_partner(*, code: str, name: str, kind: str, jurisdiction: str, scopes: list[str]) -> None:
    if not CODE.fullmatch(code):
        raise InvalidArgument("编码应为2—40位小写字母、数字或连字符", "code: 2-40 of a-z 0-9 -", field="code")
    if not 0 < len(name.strip()) <= 100:
        raise InvalidArgument("请填写1—100字的名称", "name must be 1-100 characters", field="name")
    if kind not in KINDS:
        raise InvalidArgument(f"类型应为{'/'.join(KINDS)}", "Unknown partner kind", field="kind")
    if not re.fullmatch(r"\d{6}(\d{3}(\d{3})?)?", jurisdiction):
        raise InvalidArgument("管辖范围应为县、镇或村的行政区划代码", "jurisdiction must be a county, town or "
                              "village code", field="jurisdiction_org_id")
    check_scopes(scopes)


def check_scopes(scopes: list[str]) -> None:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise InvalidArgument(f"未知权限范围：{'、'.join(unknown)}", f"Unknown scopes: {unknown}",
                              field="scopes")


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(_secrets.token_bytes(32)).decode()


def new_key_id() -> str:
    return "pk_" + _secrets.token_hex(10)


def secret_bytes(secret: str) -> bytes:
    """Standard Webhooks secrets are whsec_<base64>: the HMAC key is the decoded bytes."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def _b64_hmac(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


# --- inbound: partner → us ----------------------------------------------------------------------

def sign_request(secret: str, timestamp: str, body: bytes) -> str:
    """X-Signature of an inbound request: v1,<base64 HMAC-SHA256(key, "<timestamp>.<body>")>."""
    return "v1," + _b64_hmac(secret_bytes(secret), timestamp.encode() + b"." + body)


def _unauthenticated(code: str, zh: str, en: str) -> Unauthenticated:
    return Unauthenticated(zh, en, code=code)


def check_timestamp(timestamp: str, now: dt.datetime, window: dt.timedelta = REPLAY_WINDOW) -> None:
    if not re.fullmatch(r"\d{9,11}", timestamp or ""):
        raise _unauthenticated("BAD_TIMESTAMP", "X-Timestamp 应为 Unix 秒数", "X-Timestamp must be Unix seconds")
    moment = dt.datetime.fromtimestamp(int(timestamp), dt.UTC)
    if abs(now - moment) > window:
        raise _unauthenticated("STALE_TIMESTAMP", "请求时间戳超出允许范围（±5分钟）",
                               "The timestamp is outside the allowed window (±5 minutes)")


def verify_request(secrets: list[str], timestamp: str, body: bytes, signature: str) -> None:
    """Any of the partner's valid secrets (rotation overlap) may have signed; constant-time compare."""
    given = [part.strip() for part in (signature or "").split(" ") if part.strip()]
    for secret in secrets:
        expected = sign_request(secret, timestamp, body)
        if any(hmac.compare_digest(expected, candidate) for candidate in given):
            return
    raise _unauthenticated("BAD_SIGNATURE", "签名校验失败", "The signature does not match")


def signature_fingerprint(signature: str) -> str:
    """What the replay table stores: a hash of the signature (fixed length, nothing reusable)."""
    return hashlib.sha256(signature.strip().encode()).hexdigest()


# --- outbound: us → partner (Standard Webhooks) --------------------------------------------------

def webhook_headers(secrets: list[str], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """webhook-id / webhook-timestamp / webhook-signature ("v1,<sig>" per secret, space-separated)."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    signature = " ".join("v1," + _b64_hmac(secret_bytes(s), signed) for s in secrets)
    return {"webhook-id": msg_id, "webhook-timestamp": str(timestamp), "webhook-signature": signature,
            "content-type": "application/json"}


def verify_webhook(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver does (used by tests and documented for partners)."""
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = "v1," + _b64_hmac(secret_bytes(secret), signed)
    return any(hmac.compare_digest(expected, s) for s in headers["webhook-signature"].split(" "))


# --- retries ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, capped; attempts stop once `period` has passed."""

    base_seconds: float = 30.0
    max_seconds: float = 6 * 3600.0
    period: dt.timedelta = dt.timedelta(days=3)
    max_retry_after_seconds: float = 24 * 3600.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Delay after the `attempt`-th failure: uniform in [ceiling/2, ceiling] (never zero)."""
        ceiling = min(self.base_seconds * 2 ** max(attempt - 1, 0), self.max_seconds)
        return ceiling / 2 + (rng or random).random() * ceiling / 2

    def next_attempt(self, *, attempt: int, now: dt.datetime, expires_at: dt.datetime,
                     retry_after: float | None = None,
                     rng: random.Random | None = None) -> dt.datetime | None:
        """When to try again, or None when that would be past the delivery's expiry (dead-letter)."""
        delay = self.delay(attempt, rng)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_retry_after_seconds))
        moment = now + dt.timedelta(seconds=delay)
        return None if moment > expires_at else moment


def parse_retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Retry-After as seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return max((moment - now).total_seconds(), 0.0)


def outcome_of(status_code: int) -> str:
    """succeeded (2xx), gone (410: disable the endpoint), retry (everything else)."""
    if 200 <= status_code < 300:
        return "succeeded"
    if status_code == 410:
        return "gone"
    return "retry"


# --- outbound safety (SSRF) ---------------------------------------------------------------------

def check_url_shape(url: str, field: str = "callback_url") -> None:
    if not re.fullmatch(r"https?://[^\s/?#@]+(:\d{1,5})?(/[^\s]*)?", url or "") or len(url) > 500:
        raise InvalidArgument("回调地址应为 http(s) 地址，不含用户名密码", "The URL must be http(s) "
                              "without credentials", field=field)


def address_allowed(address: str, *, allow_private: bool) -> bool:
    """Public unicast only, unless private destinations are allowed (local and test stacks)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_multicast or ip.is_unspecified:
        return False
    if ip.is_loopback or ip.is_private or ip.is_link_local or not ip.is_global:
        return allow_private
    return not ip.is_reserved


# --- Open311 ------------------------------------------------------------------------------------

OPEN = {"received", "processing"}


def open311_status(status: str) -> str:
    """Our richer states → Open311's two: resolved/followed up/closed/declined count as closed."""
    return "open" if status in OPEN else "closed"


STATUS_NOTES = {
    "received": "已受理登记，待处理",
    "processing": "办理中",
    "resolved": "已办结，待回访",
    "followed_up": "已回访",
    "closed": "已办结关闭",
    "declined": "不予受理",
}


def status_notes(status: str, detail: str = "") -> str:
    note = STATUS_NOTES.get(status, status)
    return f"{note}：{detail}" if detail else note


# --- notifications ------------------------------------------------------------------------------

CHANNELS = {"webhook", "email"}
NOTIFICATION_KINDS = {"petition_assigned", "petition_overdue", "task_due_soon", "task_overdue",
                      "task_urged", "custom"}
HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
try:
    from zoneinfo import ZoneInfo
    LOCAL_TZ: dt.tzinfo = ZoneInfo("Asia/Shanghai")
except Exception:  # slim images without tzdata; China has no DST
    LOCAL_TZ = dt.timezone(dt.timedelta(hours=8))


def check_preferences(*, channels: list[str], email: str, webhook_url: str, quiet_start: str,
                      quiet_end: str, muted_kinds: list[str]) -> None:
    if set(channels) - CHANNELS:
        raise InvalidArgument("渠道应为 webhook 或 email", "channels: webhook | email", field="channels")
    if "email" in channels and not re.fullmatch(r"[^@\s]{1,64}@[^@\s]{1,190}\.[a-zA-Z]{2,}", email):
        raise InvalidArgument("邮箱地址无效", "Invalid email address", field="email")
    if "webhook" in channels:
        check_url_shape(webhook_url, "webhook_url")
    if bool(quiet_start) != bool(quiet_end) or any(v and not HHMM.fullmatch(v) for v in (quiet_start, quiet_end)):
        raise InvalidArgument("免打扰时段应为成对的 HH:MM", "quiet_start/quiet_end: HH:MM, both or neither",
                              field="quiet_start")
    if set(muted_kinds) - NOTIFICATION_KINDS:
        raise InvalidArgument("未知的提醒类型", "Unknown notification kind", field="muted_kinds")


def quiet_until(now: dt.datetime, start: str, end: str) -> dt.datetime | None:
    """End of the quiet period `now` falls in (Asia/Shanghai clock, may span midnight), else None."""
    if not start or not end or start == end:
        return None
    local = now.astimezone(LOCAL_TZ)
    begin, finish = dt.time.fromisoformat(start), dt.time.fromisoformat(end)
    clock = local.time().replace(tzinfo=None)
    quiet = begin <= clock < finish if begin < finish else (clock >= begin or clock < finish)
    if not quiet:
        return None
    until = dt.datetime.combine(local.date(), finish, tzinfo=LOCAL_TZ)
    if until <= local:
        until += dt.timedelta(days=1)
    return until.astimezone(dt.UTC)


def robot_message(title: str, body: str) -> dict:
    """DingTalk / WeCom robot text message (both accept this shape)."""
    return {"msgtype": "text", "text": {"content": f"【{title}】{body}"}}


def robot_refusal(body: bytes) -> str:
    """DingTalk and WeCom robots answer HTTP 200 with {"errcode": n, "errmsg": …}; n ≠ 0 means the
    message was refused (bad keyword, signature, rate limit): the refusal, or "" when accepted."""
    try:
        answer = json.loads(body)
    except ValueError:
        return ""
    if not isinstance(answer, dict) or answer.get("errcode") in (None, 0, "0"):
        return ""
    return f"robot errcode {answer['errcode']}: {str(answer.get('errmsg', ''))[:200]}"
