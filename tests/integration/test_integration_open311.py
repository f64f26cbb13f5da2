"""Open311 GeoReport v2 through the gateway, read with the PyPI client `georeport` (0.3.1)."""
from __future__ import annotations

import time
import uuid

import pytest
import requests
import xmltodict
from georeport import GeoReport


@pytest.fixture(scope="module")
def open311_key(api, login):
    reply = api.post("/api/v1/partners", headers=login("fu.min"), json={
        "code": f"o311-{uuid.uuid4().hex[:6]}", "name": "城市随手拍 App（Open311）",
        "kind": "open311_client", "jurisdiction_org_id": "330688",
        "scopes": ["work_orders:create", "status:read"]})
    assert reply.status_code == 201, reply.text
    return reply.json()["open311_api_key"]


@pytest.fixture(scope="module")
def root(stack):
    return f"{stack.config.base_url}/open311/v2"


def test_services_list_our_petition_categories(root):
    services = GeoReport(root).get_service_list()
    by_code = {s["service_code"]: s for s in services}
    assert by_code["P08-01"]["service_name"] == "村内道路和路灯损坏"
    assert by_code["P08-01"]["metadata"] is True and by_code["P08-01"]["type"] == "realtime"
    definition = GeoReport(root).get_service_definition("P08-01")
    assert [a["code"] for a in definition["attributes"]] == ["village_id"]
    xml_services = GeoReport(root, output_format="xml").get_service_list()
    assert any(s["service_code"] == "P08-01" for s in xml_services)


def test_post_then_get_round_trip(root, open311_key, api, login):
    # georeport 0.3.1 has no POST; this is the spec's form POST (what Open311 clients send).
    posted = requests.post(f"{root}/requests.json", params={"api_key": open311_key}, data={
        "service_code": "P08-01", "lat": "29.12", "long": "119.31", "address_string": "桃源村村口",
        "description": "村口路灯坏了三盏", "attribute[village_id]": "330688100201",
        "first_name": "明", "last_name": "李", "phone": "13900000001"}, timeout=10)
    assert posted.status_code == 201, posted.text
    created = posted.json()[0]
    request_id, token = created["service_request_id"], created["token"]
    client = GeoReport(root)
    fetched = client.get_service_request(request_id)
    assert (fetched["status"], fetched["service_code"]) == ("open", "P08-01")
    assert fetched["description"] == "村口路灯坏了三盏" and fetched["lat"] == pytest.approx(29.12)
    listed = client.get_service_requests(service_code="P08-01", status="open")
    assert request_id in {r["service_request_id"] for r in listed}
    by_token = requests.get(f"{root}/tokens/{token}.json", timeout=10).json()
    assert by_token == [{"service_request_id": request_id, "token": token}]
    # Resolved in zhili → closed in Open311, with our richer state in status_notes.
    for who, action, body in [("tu.su", "accept", {}), ("ge.yu", "resolve", {"result": "已修复"})]:
        assert api.post(f"/api/v1/petitions/{request_id}/{action}", json=body,
                        headers=login(who)).status_code == 200

    def closed():
        current = client.get_service_request(request_id)
        return current if current["status"] == "closed" else None
    deadline = time.monotonic() + 30
    while not closed() and time.monotonic() < deadline:
        time.sleep(0.2)
    final = closed()
    assert final is not None and final["status_notes"] == "已办结，待回访：已修复"
    as_xml = GeoReport(root, output_format="xml").get_service_request(request_id)
    assert as_xml["status"] == "closed"


def test_errors_follow_the_spec(root):
    bad_key = requests.post(f"{root}/requests.json", data={"api_key": "pk_x.nope",
                                                            "service_code": "P08-01"}, timeout=10)
    assert bad_key.status_code == 403
    assert bad_key.json()[0]["code"] == 403 and bad_key.json()[0]["description"]
    missing = requests.get(f"{root}/requests/{uuid.uuid4()}.xml", timeout=10)
    assert missing.status_code == 404
    assert xmltodict.parse(missing.content)["errors"]["error"]["code"] == "404"
    unknown = requests.get(f"{root}/services/NOPE.json", timeout=10)
    assert unknown.status_code == 404
    too_wide = requests.get(f"{root}/requests.json", params={
        "start_date": "2020-01-01T00:00:00Z", "end_date": "2021-01-01T00:00:00Z"}, timeout=10)
    assert too_wide.status_code == 400 and too_wide.json()[0]["code"] == 400
    csv_format = requests.get(f"{root}/services.csv", timeout=10)
    assert csv_format.status_code == 400 and csv_format.headers["content-type"].startswith(
        "application/problem+json")


@pytest.mark.parametrize("lat, long", [("nan", "120.5"), ("30.1", "inf"), ("91", "120.5"), ("北纬30", "120.5")])
def test_impossible_coordinates_are_refused(root, open311_key, lat, long):
    posted = requests.post(f"{root}/requests.json", data={
        "api_key": open311_key, "service_code": "P08-01", "description": "路灯不亮",
        "lat": lat, "long": long, "attribute[village_id]": "330688100201"}, timeout=10)
    assert posted.status_code == 400, posted.text
    error = posted.json()[0]
    assert error["code"] == 400 and ("lat" in error["description"] or "long" in error["description"])


def test_discovery(root):
    document = requests.get(f"{root}/discovery.json", timeout=10).json()
    assert document["endpoints"][0]["url"].endswith("/open311/v2")
    assert "text/xml" in document["endpoints"][0]["formats"]
