"""Patrols and 民情日记 visits through the gateway: recorded, read back, paged, and kept within scope."""
from __future__ import annotations

import datetime as dt

from tests.integration.conftest import assert_problem

VILLAGE = "330688100201"      # 桃源村: tu.su (secretary), ge.yu (cadre)
GRID = f"{VILLAGE}G01"        # jin.yi
GRID2 = f"{VILLAGE}G02"       # ge.fang
OTHER_VILLAGE = "330688100202"  # 上蒋村: yan.fenying
TOWN = "330688100"            # he.fangya
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def today() -> dt.date:
    return dt.datetime.now(SHANGHAI).date()


def get_all(api, login, who: str, path: str, key: str, page_size: int = 2, **params) -> list[dict]:
    """Every page of a listing, checking that the pages neither overlap nor skip."""
    found, token, pages = [], None, 0
    while True:
        query = {"page_size": page_size, **params, **({"page_token": token} if token else {})}
        reply = api.get(path, params=query, headers=login(who))
        assert reply.status_code == 200, reply.text
        body = reply.json()
        assert len(body[key]) <= page_size
        found += body[key]
        pages += 1
        token = body.get("next_page_token")
        if not token:
            break
    ids = [item["id"] for item in found]
    assert len(ids) == len(set(ids)), "pages overlap"
    return found


def households(api, login, who: str, org_id: str) -> list[dict]:
    reply = api.get("/api/v1/households", params={"org_id": org_id, "page_size": 100}, headers=login(who))
    assert reply.status_code == 200, reply.text
    return reply.json()["households"]


# --- patrols ------------------------------------------------------------------------------------

def record_patrol(api, login, who: str, **body):
    return api.post("/api/v1/patrols", headers=login(who), json=body)


def test_a_patrol_is_recorded_and_read_back_by_its_grid_village_and_town(api, login):
    reply = record_patrol(api, login, "jin.yi", element_codes=["E0101", "E0302"], note="巡查主干道和河道，未见异常")
    assert reply.status_code == 201, reply.text
    patrol = reply.json()
    assert (patrol["grid_id"], patrol["worker_name"]) == (GRID, "金怡")
    assert patrol["element_codes"] == ["E0101", "E0302"] and not patrol.get("petition_id")
    assert patrol["patrolled_at"]
    for who, org_id in [("jin.yi", None), ("tu.su", VILLAGE), ("he.fangya", TOWN), ("yu.zhenying", None)]:
        listed = get_all(api, login, who, "/api/v1/patrols", "patrols", page_size=50,
                         **({"org_id": org_id} if org_id else {}))
        mine = [p for p in listed if p["id"] == patrol["id"]]
        assert mine == [patrol], who
    # Newest first.
    stamps = [p["patrolled_at"] for p in get_all(api, login, "tu.su", "/api/v1/patrols", "patrols",
                                                   org_id=VILLAGE)]
    assert stamps == sorted(stamps, reverse=True)


def test_a_patrol_finding_opens_a_grid_report(api, login):
    reply = record_patrol(api, login, "jin.yi", element_codes=["E0301"], note="巡查村道",
                          issue="村道旁两盏路灯不亮，夜间行人看不清路", issue_element_code="E0301")
    assert reply.status_code == 201, reply.text
    patrol = reply.json()
    assert patrol["petition_id"]
    petition = api.get(f"/api/v1/petitions/{patrol['petition_id']}", headers=login("tu.su"))
    assert petition.status_code == 200, petition.text
    body = petition.json()
    assert (body["source"], body["grid_id"], body["village_id"], body["status"]) == (
        "grid_report", GRID, VILLAGE, "received")
    mine = api.get("/api/v1/petitions", params={"view": "reported_by_me", "page_size": 500},
                   headers=login("jin.yi")).json()["petitions"]
    assert patrol["petition_id"] in {p["id"] for p in mine}


def test_patrols_stay_within_scope(api, login):
    patrol = record_patrol(api, login, "jin.yi", element_codes=["E0101"], note="范围检查").json()
    # Another grid's worker, another village's secretary: not in their lists, and not askable.
    for who in ("ge.fang", "yan.fenying"):
        listed = get_all(api, login, who, "/api/v1/patrols", "patrols", page_size=100)
        assert patrol["id"] not in {p["id"] for p in listed}
        assert all(p["grid_id"].startswith(GRID2 if who == "ge.fang" else OTHER_VILLAGE) for p in listed)
    assert_problem(api.get("/api/v1/patrols", params={"org_id": GRID}, headers=login("ge.fang")),
                   403, "OUT_OF_SCOPE")
    assert_problem(api.get("/api/v1/patrols", params={"org_id": VILLAGE}, headers=login("yan.fenying")),
                   403, "OUT_OF_SCOPE")
    # Only a grid worker patrols, only their own grid; supervisors never write.
    assert_problem(record_patrol(api, login, "jin.yi", grid_id=GRID2, element_codes=["E0101"]),
                   403, "OUT_OF_SCOPE")
    assert_problem(record_patrol(api, login, "tu.su", grid_id=GRID, element_codes=["E0101"]),
                   403, "ROLE_REQUIRED")
    assert_problem(record_patrol(api, login, "yu.zhenying", grid_id=GRID, element_codes=["E0101"]),
                   403, "READ_ONLY_ROLE")


# --- 民情日记 visits ------------------------------------------------------------------------------

def record_visit(api, login, who: str, **body):
    return api.post("/api/v1/visit-diaries", headers=login(who), json=body)


def test_visits_are_listed_per_grid_and_household_with_paging(api, login):
    homes = households(api, login, "jin.yi", GRID)
    assert len(homes) >= 4 and all(h["grid_id"] == GRID for h in homes)
    yesterday = (today() - dt.timedelta(days=1)).isoformat()
    # Today jin.yi visits three households; one visit turns the household's concern into a petition.
    made = []
    for index, home in enumerate(homes[:3]):
        reply = record_visit(api, login, "jin.yi", household_id=home["id"], content=f"走访第{index + 1}户，家中情况正常",
                             **({"concerns": "院墙开裂，担心倒塌", "open_petition": True} if index == 0 else {}))
        assert reply.status_code == 201, reply.text
        made.append(reply.json())
    for visit in made:
        assert (visit["grid_id"], visit["village_id"], visit["visitor_name"]) == (GRID, VILLAGE, "金怡")
        assert visit["visited_on"] == today().isoformat()
    first = homes[0]
    # A cadre visited the first household yesterday: two entries for one household, newest first.
    earlier = record_visit(api, login, "ge.yu", household_id=first["id"], visited_on=yesterday,
                           content="村干部入户，了解院墙情况")
    assert earlier.status_code == 201, earlier.text
    assert (earlier.json()["visitor_name"], earlier.json()["visited_on"]) == ("葛宇", yesterday)

    all_in_grid = get_all(api, login, "jin.yi", "/api/v1/visit-diaries", "visits", page_size=2)
    assert {v["id"] for v in made} <= {v["id"] for v in all_in_grid}
    assert all(v["grid_id"] == GRID for v in all_in_grid)
    days = [v["visited_on"] for v in all_in_grid]
    assert days == sorted(days, reverse=True)
    one_page = api.get("/api/v1/visit-diaries", params={"page_size": 2}, headers=login("jin.yi")).json()
    assert len(one_page["visits"]) == 2 and one_page["next_page_token"]

    per_household = get_all(api, login, "tu.su", "/api/v1/visit-diaries", "visits", page_size=1,
                            org_id=VILLAGE, household_id=first["id"])
    assert {v["household_id"] for v in per_household} == {first["id"]}
    assert [(v["visitor_name"], v["visited_on"]) for v in per_household] == [
        ("金怡", today().isoformat()), ("葛宇", yesterday)]
    assert made[0]["petition_id"] and not made[1].get("petition_id")
    petition = api.get(f"/api/v1/petitions/{made[0]['petition_id']}", headers=login("tu.su")).json()
    assert (petition["source"], petition["content"], petition["grid_id"]) == ("visit", "院墙开裂，担心倒塌", GRID)


def test_visits_stay_within_scope(api, login):
    home = households(api, login, "jin.yi", GRID)[-1]
    reply = record_visit(api, login, "jin.yi", household_id=home["id"], content="范围检查走访")
    assert reply.status_code == 201, reply.text
    visit_ids = {v["id"] for v in get_all(api, login, "jin.yi", "/api/v1/visit-diaries", "visits",
                                          page_size=50, household_id=home["id"])}
    assert visit_ids == {reply.json()["id"]}
    for who, org_id in [("tu.su", VILLAGE), ("he.fangya", TOWN), ("yu.zhenying", None)]:
        seen = get_all(api, login, who, "/api/v1/visit-diaries", "visits", page_size=50,
                       household_id=home["id"], **({"org_id": org_id} if org_id else {}))
        assert visit_ids <= {v["id"] for v in seen}, who
    # Another grid's worker and another village see nothing of it, even naming the household.
    for who in ("ge.fang", "yan.fenying"):
        seen = get_all(api, login, who, "/api/v1/visit-diaries", "visits", page_size=50,
                       household_id=home["id"])
        assert seen == [], who
    assert_problem(api.get("/api/v1/visit-diaries", params={"org_id": GRID}, headers=login("ge.fang")),
                   403, "OUT_OF_SCOPE")
    assert_problem(api.get("/api/v1/visit-diaries", params={"org_id": VILLAGE},
                           headers=login("yan.fenying")), 403, "OUT_OF_SCOPE")
    # Recording: another grid's household is not found for ge.fang; supervisors never write;
    # no visits in the future; one entry per visitor, household and day.
    assert_problem(record_visit(api, login, "ge.fang", household_id=home["id"], content="越界走访"),
                   404, "HOUSEHOLD_NOT_FOUND")
    assert_problem(record_visit(api, login, "yu.zhenying", household_id=home["id"], content="监督走访"),
                   403)
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    assert_problem(record_visit(api, login, "jin.yi", household_id=home["id"], content="明天的走访",
                                visited_on=tomorrow), 400)
    assert_problem(record_visit(api, login, "jin.yi", household_id=home["id"], content="同一天再记一次"),
                   409, "VISIT_ALREADY_RECORDED")


# --- 民情日记 by cadre: one's own diary, a leader's view of their cadres -------------------------

def test_a_cadres_own_diary_and_a_leaders_view_by_cadre_and_period(api, login):
    grid_homes = households(api, login, "jin.yi", GRID)
    other_homes = households(api, login, "yan.fenying", OTHER_VILLAGE)
    assert len(grid_homes) >= 3 and other_homes
    day = lambda n: (today() - dt.timedelta(days=n)).isoformat()  # noqa: E731
    # Dates far enough back not to collide with the other tests' visits (one per visitor, household, day).
    planned = [("jin.yi", grid_homes[0], day(40)), ("jin.yi", grid_homes[1], day(45)),
               ("jin.yi", grid_homes[2], day(60)), ("ge.yu", grid_homes[0], day(41)),
               ("yan.fenying", other_homes[0], day(42))]
    made = {}
    for who, home, on in planned:
        reply = record_visit(api, login, who, household_id=home["id"], visited_on=on, content=f"{on}入户走访")
        assert reply.status_code == 201, reply.text
        made.setdefault(who, []).append(reply.json())
    jin, ge, yan = (made[w][0]["visitor_id"] for w in ("jin.yi", "ge.yu", "yan.fenying"))
    assert len({jin, ge, yan}) == 3

    # One's own diary: every entry is theirs, newest first, pages neither overlap nor skip.
    for who, person in (("jin.yi", jin), ("ge.yu", ge), ("yan.fenying", yan)):
        mine = get_all(api, login, who, "/api/v1/visit-diaries", "visits", page_size=1, view="mine")
        assert {v["visitor_id"] for v in mine} == {person}, who
        assert {v["id"] for v in made[who]} <= {v["id"] for v in mine}, who
        days = [v["visited_on"] for v in mine]
        assert days == sorted(days, reverse=True), who

    # The village secretary and the town leader look at one cadre over a period (both ends included).
    period = {"from_date": day(45), "to_date": day(40)}
    for who, extra in (("tu.su", {}), ("he.fangya", {"org_id": TOWN}), ("he.fangya", {})):
        seen = get_all(api, login, who, "/api/v1/visit-diaries", "visits", page_size=1,
                       visitor_id=jin, **period, **extra)
        assert sorted(v["id"] for v in seen) == sorted(v["id"] for v in made["jin.yi"][:2]), who
        assert all(day(45) <= v["visited_on"] <= day(40) for v in seen)
    everyone = get_all(api, login, "he.fangya", "/api/v1/visit-diaries", "visits", page_size=50,
                       from_date=day(45), to_date=day(40))
    assert {v["id"] for v in everyone} >= {made["jin.yi"][0]["id"], made["jin.yi"][1]["id"],
                                           made["ge.yu"][0]["id"], made["yan.fenying"][0]["id"]}
    assert made["jin.yi"][2]["id"] not in {v["id"] for v in everyone}
    single_day = get_all(api, login, "tu.su", "/api/v1/visit-diaries", "visits",
                         from_date=day(41), to_date=day(41))
    assert [v["id"] for v in single_day] == [made["ge.yu"][0]["id"]]

    # A grid worker sees the visits to their grid's households, a cadre's included, and no others.
    in_grid = get_all(api, login, "jin.yi", "/api/v1/visit-diaries", "visits", page_size=50, visitor_id=ge)
    assert made["ge.yu"][0]["id"] in {v["id"] for v in in_grid}
    assert all(v["grid_id"] == GRID and v["visitor_id"] == ge for v in in_grid)
    # A village cannot see another village's visits, even naming the cadre; another grid or town neither.
    for who, person in (("tu.su", yan), ("yan.fenying", jin), ("yan.fenying", ge), ("ge.fang", jin),
                        ("zhang.chenliang", jin)):
        seen = get_all(api, login, who, "/api/v1/visit-diaries", "visits", page_size=50, visitor_id=person)
        assert seen == [], (who, person)
    assert_problem(api.get("/api/v1/visit-diaries", params={"org_id": OTHER_VILLAGE, "visitor_id": yan},
                           headers=login("tu.su")), 403, "OUT_OF_SCOPE")
    # Town offices and county departments see only petitions sent to them, and no household diaries.
    for who in ("chen.qianmei", "chen.taozhi"):
        assert_problem(api.get("/api/v1/visit-diaries", headers=login(who)), 403, "OUT_OF_SCOPE")
    # Supervisors read the county.
    seen = get_all(api, login, "yu.zhenying", "/api/v1/visit-diaries", "visits", page_size=50,
                   visitor_id=yan, from_date=day(42), to_date=day(42))
    assert [v["id"] for v in seen] == [made["yan.fenying"][0]["id"]]
    # Bad filters are 400s, not empty lists.
    assert_problem(api.get("/api/v1/visit-diaries", params={"from_date": day(1), "to_date": day(2)},
                           headers=login("tu.su")), 400)
    assert_problem(api.get("/api/v1/visit-diaries", params={"view": "theirs"}, headers=login("tu.su")), 400)
    assert_problem(api.get("/api/v1/visit-diaries", params={"from_date": "2026-13-01"},
                           headers=login("tu.su")), 400)
