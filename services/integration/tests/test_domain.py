"""Pure rules: HMAC and replay window, Standard Webhooks signature, backoff, Open311 states, SSRF, quiet hours."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import random

import pytest

from services.integration import domain
from shared.errors import InvalidArgument, Unauthenticated

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
SECRET = domain.new_secret()


def test_a_request_signed_with_the_secret_verifies_and_a_tampered_one_does_not():
    stamp, body = str(int(NOW.timestamp())), '{"order_id":"A1"}'.encode()
    signature = domain.sign_request(SECRET, stamp, body)
    domain.verify_request([SECRET], stamp, body, signature)
    for args in [(stamp, body + b" ", signature), (str(int(stamp) + 1), body, signature),
                 (stamp, body, "v1," + base64.b64encode(b"x" * 32).decode())]:
        with pytest.raises(Unauthenticated) as refused:
            domain.verify_request([SECRET], *args)
        assert refused.value.code == "BAD_SIGNATURE"


def test_during_rotation_both_secrets_verify():
    stamp, body, old, new = "1772438400", b"{}", domain.new_secret(), domain.new_secret()
    domain.verify_request([new, old], stamp, body, domain.sign_request(old, stamp, body))
    domain.verify_request([new, old], stamp, body, domain.sign_request(new, stamp, body))
    with pytest.raises(Unauthenticated):
        domain.verify_request([new], stamp, body, domain.sign_request(old, stamp, body))


@pytest.mark.parametrize("offset, ok", [(0, True), (299, True), (-299, True), (301, False), (-301, False)])
def test_the_timestamp_window_is_five_minutes_either_way(offset, ok):
    stamp = str(int(NOW.timestamp()) + offset)
    if ok:
        domain.check_timestamp(stamp, NOW)
    else:
        with pytest.raises(Unauthenticated, match="window"):
            domain.check_timestamp(stamp, NOW)


@pytest.mark.parametrize("stamp", ["", "abc", "1.5", "17724384000000"])
def test_malformed_timestamps_are_refused(stamp):
    with pytest.raises(Unauthenticated):
        domain.check_timestamp(stamp, NOW)


def test_standard_webhooks_signature_matches_the_reference_construction():
    headers = domain.webhook_headers([SECRET], "msg_1", 1772438400, b'{"a":1}')
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, b'msg_1.1772438400.{"a":1}', hashlib.sha256).digest())
    assert headers["webhook-signature"] == "v1," + expected.decode()
    assert domain.verify_webhook(SECRET, headers, b'{"a":1}')
    assert not domain.verify_webhook(SECRET, headers, b'{"a":2}')
    two = domain.webhook_headers([SECRET, domain.new_secret()], "msg_1", 1772438400, b"{}")
    assert len(two["webhook-signature"].split(" ")) == 2


def test_backoff_grows_exponentially_with_jitter_and_is_capped():
    policy = domain.RetryPolicy(base_seconds=30, max_seconds=3600)
    rng = random.Random(7)
    for attempt, ceiling in [(1, 30), (2, 60), (3, 120), (8, 3600), (20, 3600)]:
        delays = [policy.delay(attempt, rng) for _ in range(200)]
        assert ceiling / 2 <= min(delays) and max(delays) <= ceiling


def test_retries_stop_at_the_end_of_the_period_and_retry_after_is_honoured():
    policy = domain.RetryPolicy(base_seconds=30, max_seconds=3600, period=dt.timedelta(days=3))
    expires = NOW + policy.period
    assert policy.next_attempt(attempt=1, now=NOW, expires_at=expires, retry_after=600) >= \
        NOW + dt.timedelta(seconds=600)
    assert policy.next_attempt(attempt=30, now=expires - dt.timedelta(seconds=10),
                               expires_at=expires) is None
    schedule, moment, attempt = [], NOW, 0
    while (moment := policy.next_attempt(attempt=attempt + 1, now=moment, expires_at=expires)):
        attempt += 1
        schedule.append(moment)
    assert 70 < len(schedule) < 160 and schedule[-1] <= expires  # hours of outage lose nothing


@pytest.mark.parametrize("value, seconds", [("120", 120.0), ("Mon, 02 Mar 2026 08:10:00 GMT", 600.0),
                                            ("soon", None), (None, None)])
def test_retry_after_as_seconds_or_http_date(value, seconds):
    assert domain.parse_retry_after(value, NOW) == seconds


@pytest.mark.parametrize("code, outcome", [(200, "succeeded"), (204, "succeeded"), (410, "gone"),
                                           (301, "retry"), (429, "retry"), (500, "retry")])
def test_response_outcomes(code, outcome):
    assert domain.outcome_of(code) == outcome


@pytest.mark.parametrize("status, open311", [("received", "open"), ("processing", "open"),
                                             ("resolved", "closed"), ("followed_up", "closed"),
                                             ("closed", "closed"), ("declined", "closed")])
def test_our_states_map_to_open311(status, open311):
    assert domain.open311_status(status) == open311
    assert domain.status_notes(status, "说明").endswith("：说明")


@pytest.mark.parametrize("address, public", [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False), ("10.1.2.3", False),
    ("192.168.1.1", False), ("172.16.0.1", False), ("169.254.169.254", False), ("::1", False),
    ("fe80::1", False), ("fd00::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False),
    ("100.64.0.1", False), ("224.0.0.1", False)])
def test_ssrf_rules(address, public):
    assert domain.address_allowed(address, allow_private=False) is public
    if address not in ("0.0.0.0", "224.0.0.1"):
        assert domain.address_allowed(address, allow_private=True)


@pytest.mark.parametrize("url", ["ftp://x.cn/a", "http://user:pw@x.cn/", "javascript:alert(1)", ""])
def test_callback_urls_must_be_plain_http(url):
    with pytest.raises(InvalidArgument):
        domain.check_url_shape(url)


@pytest.mark.parametrize("local_time, quiet", [("23:00", True), ("06:59", True), ("07:30", False),
                                               ("12:00", False), ("22:00", True)])
def test_quiet_hours_span_midnight_in_shanghai(local_time, quiet):
    hour, minute = map(int, local_time.split(":"))
    now = dt.datetime(2026, 3, 2, hour, minute, tzinfo=domain.LOCAL_TZ).astimezone(dt.UTC)
    until = domain.quiet_until(now, "22:00", "07:30")
    assert (until is not None) is quiet
    if until:
        assert until.astimezone(domain.LOCAL_TZ).time() == dt.time(7, 30)


def test_partner_validation():
    domain.check_partner(code="hotline-12345", name="热线", kind="hotline_12345", jurisdiction="330688",
                         scopes=["work_orders:create"])
    for bad in [dict(code="X"), dict(kind="fax"), dict(jurisdiction="33"), dict(scopes=["all"])]:
        args = dict(code="hotline-12345", name="热线", kind="hotline_12345", jurisdiction="330688",
                    scopes=[]) | bad
        with pytest.raises(InvalidArgument):
            domain.check_partner(**args)


@pytest.mark.parametrize("body, refused", [
    (b'{"errcode":0,"errmsg":"ok"}', ""),
    (b"ok", ""), (b"", ""), (b"[1]", ""),
    (b'{"errcode":310000,"errmsg":"keywords not in content"}', "robot errcode 310000: keywords not in content"),
    (b'{"errcode":93000,"errmsg":"invalid webhook url"}', "robot errcode 93000: invalid webhook url"),
])
def test_a_robot_refusal_inside_http_200_is_recognised(body, refused):
    assert domain.robot_refusal(body) == refused
