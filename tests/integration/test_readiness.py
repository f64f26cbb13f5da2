"""A stopped service shows in /readyz, and its routes answer 503 at once instead of hanging."""
import time

from tests.integration.conftest import assert_problem


def test_stopped_directory_makes_routes_503_and_readyz_report_it(api, login, stack):
    headers = login("he.fangya")
    assert api.get("/readyz").json()["peers"]["directory"] == "SERVING"
    stack.stop("directory")
    try:
        started = time.monotonic()
        reply = api.get("/api/v1/me", headers=headers)
        assert time.monotonic() - started < 3
        assert_problem(reply, 503, "UNAVAILABLE")
        ready = api.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["peers"]["directory"] != "SERVING"
        assert api.get("/healthz").status_code == 200  # the gateway itself is alive
    finally:
        stack.start_service("directory")
    deadline = time.monotonic() + 10  # channels reconnect within their 2 s backoff
    while api.get("/readyz").status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert api.get("/api/v1/me", headers=headers).status_code == 200


def test_metrics_are_exposed(api, login):
    api.get("/api/v1/me", headers=login("he.fangya"))
    text = api.get("/metrics").text
    assert "zhili_http_requests_total" in text and 'route="/api/v1/me"' in text
