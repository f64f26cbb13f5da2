"""Who sees what: village, town and county scopes; supervisors read but never write."""
from tests.integration.conftest import assert_problem, demo_rows

TOWN = "330688100"          # 溪口镇
VILLAGE = "330688100201"    # 桃源村
OTHER_VILLAGE = "330688100202"  # 上蒋村


def test_login_returns_a_bearer_jwt(api):
    reply = api.post("/api/v1/auth/token", json={"username": "he.fangya", "password": "Zhili@2026"})
    assert reply.status_code == 200
    body = reply.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] > 0
    assert body["access_token"].count(".") == 2
    assert reply.headers["cache-control"] == "no-store"


def test_wrong_password_is_refused(api):
    reply = api.post("/api/v1/auth/token", json={"username": "he.fangya", "password": "nope"})
    assert_problem(reply, 401, "INVALID_CREDENTIALS")


def test_village_cadre_cannot_read_another_villages_people(api, login):
    headers = login("ge.yu")  # 村干部 of 桃源村
    own = api.get("/api/v1/people", params={"org_id": VILLAGE}, headers=headers)
    assert own.status_code == 200
    assert {p["org_id"] for p in own.json()["people"]} <= {VILLAGE} | {
        g["id"] for g in demo_rows("org_units.csv") if g["parent_id"] == VILLAGE}
    other = api.get("/api/v1/people", params={"org_id": OTHER_VILLAGE}, headers=headers)
    assert_problem(other, 403, "OUT_OF_SCOPE")


def test_person_of_another_village_is_not_found(api, login):
    stranger = api.get("/api/v1/people", params={"org_id": OTHER_VILLAGE},
                       headers=login("he.fangya")).json()["people"][0]
    reply = api.get(f"/api/v1/people/{stranger['id']}", headers=login("ge.yu"))
    assert_problem(reply, 404, "PERSON_NOT_FOUND")


def test_town_leader_sees_every_village_of_the_town(api, login):
    expected = {row["id"] for row in demo_rows("org_units.csv")
                if row["parent_id"] == TOWN and row["level"] == "village"}
    reply = api.get("/api/v1/org-units", params={"root_id": TOWN, "level": "village"},
                    headers=login("he.fangya"))
    assert reply.status_code == 200
    assert {unit["id"] for unit in reply.json()["org_units"]} == expected
    other_town = api.get("/api/v1/org-units", params={"root_id": "330688101"},
                         headers=login("he.fangya"))
    assert_problem(other_town, 403, "OUT_OF_SCOPE")


def test_default_listing_is_the_callers_own_subtree(api, login):
    reply = api.get("/api/v1/org-units", params={"page_size": 500}, headers=login("tu.su"))
    ids = {unit["id"] for unit in reply.json()["org_units"]}
    assert VILLAGE in ids and all(i.startswith(VILLAGE) for i in ids)


def test_pages_cover_the_county_without_overlap(api, login):
    headers, seen, token = login("yu.zhenying"), [], ""
    while True:
        page = api.get("/api/v1/org-units", params={"page_size": 40, "page_token": token},
                       headers=headers).json()
        seen += [unit["id"] for unit in page["org_units"]]
        token = page["next_page_token"]
        if not token:
            break
    assert sorted(seen) == sorted(row["id"] for row in demo_rows("org_units.csv"))


def test_supervisor_reads_the_county_but_never_writes(api, login):
    headers = login("yu.zhenying")  # 纪委监督员
    towns = api.get("/api/v1/org-units", params={"level": "town"}, headers=headers)
    assert len(towns.json()["org_units"]) == 3
    write = api.post("/api/v1/households", headers=headers, json={
        "grid_id": f"{VILLAGE}G01", "head_name": "测试户", "color": "green"})
    assert_problem(write, 403, "READ_ONLY_ROLE")


def test_grid_worker_records_a_household_and_recolours_it(api, login):
    headers = login("jin.yi")  # 网格员 of 桃源村第一网格
    created = api.post("/api/v1/households", headers=headers, json={
        "grid_id": f"{VILLAGE}G01", "head_name": "赵大伯", "members": 1, "color": "green"})
    assert created.status_code == 201, created.text
    household = created.json()
    assert household["village_id"] == VILLAGE
    changed = api.patch(f"/api/v1/households/{household['id']}", headers=headers,
                        json={"color": "yellow", "reason": "独居老人，子女在外地"})
    assert changed.status_code == 200 and changed.json()["color"] == "yellow"
    yellow = api.get("/api/v1/households", params={"org_id": f"{VILLAGE}G01", "color": "yellow",
                                                   "page_size": 500}, headers=headers)
    assert household["id"] in {h["id"] for h in yellow.json()["households"]}


def test_same_idempotency_key_creates_one_household(api, login):
    headers = {**login("jin.yi"), "Idempotency-Key": "household-retry-1"}
    body = {"grid_id": f"{VILLAGE}G01", "head_name": "钱阿婆", "color": "red", "note": "重病"}
    first = api.post("/api/v1/households", headers=headers, json=body)
    again = api.post("/api/v1/households", headers=headers, json=body)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    changed = api.post("/api/v1/households", headers=headers, json={**body, "head_name": "别人"})
    assert_problem(changed, 422, "IDEMPOTENCY_KEY_REUSED")


def test_grids_carry_their_governance_elements(api, login):
    grids = api.get("/api/v1/grids", params={"village_id": VILLAGE}, headers=login("tu.su")).json()
    assert grids["org_units"] and all(g["level"] == "grid" for g in grids["org_units"])
    expected = {(r["element_code"], int(r["count"])) for r in demo_rows("grid_elements.csv")
                if r["grid_id"] == f"{VILLAGE}G01"}
    grid = api.get(f"/api/v1/grids/{VILLAGE}G01", headers=login("tu.su")).json()
    assert {(e["code"], e["count"]) for e in grid["elements"]} == expected
    elements = api.get("/api/v1/governance-elements", headers=login("tu.su")).json()["elements"]
    assert len(elements) == 49
