"""Catalogue administration through the gateway: items, negative list, imports, versions, admission."""
from __future__ import annotations

from tests.integration.conftest import assert_problem


def test_the_demo_county_has_the_shared_catalogues(api, login):
    headers = login("he.fangya")
    towns = api.get("/api/v1/catalogue/items", params={"level": "town", "page_size": 500},
                    headers=headers).json()["items"]
    villages = api.get("/api/v1/catalogue/items", params={"level": "village", "page_size": 500},
                       headers=headers).json()["items"]
    assert len(towns) == 155 and len(villages) == 185
    negative = api.get("/api/v1/negative-list", headers=headers).json()["entries"]
    assert len(negative) == 26 and negative[0]["code"] == "N-XS-001"
    straw = api.get("/api/v1/catalogue/items/V-NY-010", headers=headers).json()
    assert straw["level"] == "village" and straw["active"]
    found = api.get("/api/v1/catalogue/items", params={"q": "秸秆", "level": "village"},
                    headers=headers).json()["items"]
    assert "V-NY-010" in {i["code"] for i in found}
    assert_problem(api.get("/api/v1/catalogue/items/V-NOPE-1", headers=headers), 404,
                   "ITEM_NOT_FOUND")
    exported = api.get("/api/v1/catalogue/export", params={"kind": "negative"}, headers=headers)
    assert exported.status_code == 200 and exported.text.count("\n") == 27


def test_an_import_with_a_bad_row_changes_nothing(api, login):
    csv_text = ("code,level,category,name,description,basis,department,kind,parent_code\n"
                "V-TEST-001,village,测试,新增测试事项,说明,依据,县民政局,自治事项,\n"
                "V-TEST-002,town,测试,,说明,依据,县民政局,自治事项,V-NONE\n")
    reply = api.post("/api/v1/catalogue/imports", params={"kind": "village"},
                     content=csv_text.encode(), headers={**login("fu.min"),
                                                         "Content-Type": "text/csv"})
    body = assert_problem(reply, 422, "IMPORT_REJECTED")
    assert {(e["line"], e["field"]) for e in body["errors"]} == {
        (3, "name"), (3, "level"), (3, "parent_code")}
    assert_problem(api.get("/api/v1/catalogue/items/V-TEST-001", headers=login("fu.min")), 404,
                   "ITEM_NOT_FOUND")
    refused = api.post("/api/v1/catalogue/imports", params={"kind": "village"},
                       content=csv_text.encode(), headers={**login("he.fangya"),
                                                           "Content-Type": "text/csv"})
    assert_problem(refused, 403, "ROLE_REQUIRED")


def test_admission_review_adds_an_item_and_retirement_removes_it(api, login):
    admin = login("fu.min")
    proposal = api.post("/api/v1/admission-reviews", headers=admin, json={
        "item": {"code": "V-MZ-901", "level": "village", "category": "民政服务",
                 "name": "独居老人冬季取暖安全走访", "description": "入冬前走访独居老人，检查取暖设施安全。",
                 "department": "县民政局", "kind": "协助事项"},
        "required_by_law": False, "customary_assistance": True, "within_village_capacity": True,
        "justification": "村级惯例协助，入户走访村里力所能及"})
    assert proposal.status_code == 201, proposal.text
    review = proposal.json()
    assert review["status"] == "open"
    commented = api.post(f"/api/v1/admission-reviews/{review['id']}/comments",
                         headers=login("he.fangya"), json={"comment": "溪口镇同意，建议与网格走访合并"})
    assert commented.json()["town_comments"][0]["town_id"] == "330688100"
    decided = api.post(f"/api/v1/admission-reviews/{review['id']}/decision", headers=admin,
                       json={"decision": "admit", "note": "审查组一致同意"})
    assert decided.status_code == 200 and decided.json()["status"] == "admitted"
    item = api.get("/api/v1/catalogue/items/V-MZ-901", headers=admin).json()
    assert item["admission_review_id"] == review["id"]
    retired = api.post("/api/v1/catalogue/items/V-MZ-901/retire", headers=admin,
                       json={"reason": "并入V-MZ-002"})
    assert retired.status_code == 200 and not retired.json()["active"]
    screened = api.post("/api/v1/screenings", headers=login("chen.qianmei"), json={
        "title": "独居老人取暖安全走访", "matter_code": "V-MZ-901", "deadline": "2026-12-31",
        "target_org_ids": ["330688100201"], "description": "请各村入户走访独居老人，检查取暖设施，逐户登记。"})
    assert "INACTIVE_ITEM" in [r["code"] for r in screened.json()["reasons"]]


def test_admission_requires_the_criteria(api, login):
    admin = login("fu.min")
    review = api.post("/api/v1/admission-reviews", headers=admin, json={
        "item": {"code": "V-ZF-901", "level": "village", "name": "协助征收罚款"},
        "required_by_law": False, "customary_assistance": False,
        "within_village_capacity": False}).json()
    refused = api.post(f"/api/v1/admission-reviews/{review['id']}/decision", headers=admin,
                       json={"decision": "admit"})
    assert_problem(refused, 422, "ADMISSION_CRITERIA_NOT_MET")
    rejected = api.post(f"/api/v1/admission-reviews/{review['id']}/decision", headers=admin,
                        json={"decision": "reject", "note": "属执法事项"})
    assert rejected.json()["status"] == "rejected"


def test_a_new_years_version_copies_the_previous_one(api, login):
    admin = login("fu.min")
    created = api.post("/api/v1/catalogue/versions", headers=admin, json={"year": 2027})
    assert created.status_code == 201, created.text
    version = created.json()
    assert version["year"] == 2027 and version["village_items"] == 185
    assert version["status"] == "draft"
    again = api.post("/api/v1/catalogue/versions", headers=admin, json={"year": 2027})
    assert_problem(again, 409, "CATALOGUE_EXISTS")
    years = [c["year"] for c in api.get("/api/v1/catalogue/versions",
                                        headers=login("yu.zhenying")).json()["catalogues"]]
    assert {2026, 2027} <= set(years) and years == sorted(years)  # test_catalogue_drafts adds 2028
    old = api.get("/api/v1/catalogue/items/V-NY-010", params={"year": 2026}, headers=admin)
    assert old.status_code == 200
