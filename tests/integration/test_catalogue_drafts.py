"""Preparing a new year's catalogue through the gateway: PATCH and DELETE of draft items, publishing."""
from __future__ import annotations

from tests.integration.conftest import assert_problem

YEAR = 2028  # test_catalogue_items prepares 2027; this module works on its own year


def test_a_draft_item_is_edited_and_deleted_and_a_published_one_is_not(api, login):
    admin = login("fu.min")
    created = api.post("/api/v1/catalogue/versions", headers=admin,
                       json={"year": YEAR, "copy_from_year": 2026})
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "draft"
    item = f"/api/v1/catalogue/items/V-NY-010?year={YEAR}"

    patched = api.patch(item, headers=admin, json={
        "name": "秸秆禁烧巡查", "description": "夏收秋收期间巡查田间焚烧秸秆，发现火情劝阻并报告。"})
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert (body["code"], body["name"], body["year"]) == ("V-NY-010", "秸秆禁烧巡查", YEAR)
    assert body["department"]  # fields absent from the PATCH are kept
    assert api.get(item, headers=admin).json()["name"] == "秸秆禁烧巡查"
    assert api.get("/api/v1/catalogue/items/V-NY-010", params={"year": 2026},
                   headers=admin).json()["name"] == "秸秆禁烧巡查与综合利用宣传"

    assert_problem(api.patch(item, headers=admin, json={"parent_code": "V-NOPE-1"}), 400,
                   "VALIDATION_FAILED")
    assert_problem(api.patch(item, headers=admin, json={"code": "V-NY-099"}), 400)
    assert_problem(api.patch(item, headers=login("he.fangya"), json={"name": "改名"}), 403,
                   "ROLE_REQUIRED")
    assert_problem(api.delete(f"/api/v1/catalogue/items/V-MZ-001?year={YEAR}", headers=admin), 409,
                   "ITEM_HAS_CHILDREN")

    deleted = api.delete(f"/api/v1/catalogue/items/V-MZ-002?year={YEAR}", headers=admin)
    assert deleted.status_code == 204, deleted.text
    assert_problem(api.get(f"/api/v1/catalogue/items/V-MZ-002?year={YEAR}", headers=admin), 404,
                   "ITEM_NOT_FOUND")
    assert_problem(api.delete(f"/api/v1/catalogue/items/V-MZ-002?year={YEAR}", headers=admin), 404,
                   "ITEM_NOT_FOUND")

    # The published 2026 list is never edited item by item.
    refused = api.patch("/api/v1/catalogue/items/V-NY-010?year=2026", headers=admin,
                        json={"name": "改名"})
    assert_problem(refused, 409, "CATALOGUE_PUBLISHED")
    assert "准入审查" in refused.json()["detail"]
    assert_problem(api.delete("/api/v1/catalogue/items/V-MZ-003?year=2026", headers=admin), 409,
                   "CATALOGUE_PUBLISHED")
    english = api.delete("/api/v1/catalogue/items/V-MZ-003?year=2026",
                         headers={**admin, "Accept-Language": "en"})
    assert "published" in english.json()["detail"]

    published = api.post(f"/api/v1/catalogue/versions/{YEAR}/publish", headers=admin)
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published" and published.json()["published_at"]
    assert_problem(api.patch(item, headers=admin, json={"name": "再改"}), 409,
                   "CATALOGUE_PUBLISHED")
    assert_problem(api.post(f"/api/v1/catalogue/versions/{YEAR}/publish", headers=admin), 409,
                   "INVALID_TRANSITION")
    versions = {c["year"]: c for c in api.get("/api/v1/catalogue/versions",
                                              headers=admin).json()["catalogues"]}
    assert versions[2026]["status"] == "published" and versions[YEAR]["status"] == "published"
