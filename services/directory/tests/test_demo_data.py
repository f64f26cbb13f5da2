"""Unit checks of the demo county CSVs the directory imports: shape, id prefixes, staffing."""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
DEMO = DATA / "demo"

POSITIONS = {
    "admin", "county_staff", "supervisor", "town_leader", "deputy_secretary", "town_staff",
    "village_secretary", "village_cadre", "grid_worker",
}
# Which level of org each position belongs to.
POSITION_LEVEL = {
    "admin": "county", "county_staff": "department", "supervisor": "department",
    "town_leader": "town", "deputy_secretary": "town", "town_staff": "office",
    "village_secretary": "village", "village_cadre": "village", "grid_worker": "grid",
}
CHILD_LEVELS = {
    "county": {"department", "town"}, "town": {"office", "village"}, "village": {"grid"},
    "department": set(), "office": set(), "grid": set(),
}
ID_PATTERNS = {
    "county": r"\d{6}", "department": r"\d{6}K\d{2}", "town": r"\d{9}", "office": r"\d{9}B\d{2}",
    "village": r"\d{9}(0\d\d|2\d\d)", "grid": r"\d{12}G\d{2}",
}


def read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def orgs() -> dict[str, dict]:
    header, rows = read(DEMO / "org_units.csv")
    assert header == ["id", "parent_id", "level", "name"]
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows), "duplicate org ids"
    return by_id


@pytest.fixture(scope="module")
def people() -> list[dict]:
    header, rows = read(DEMO / "people.csv")
    assert header == ["username", "name", "gender", "phone", "org_id", "position", "title"]
    return rows


def of_level(orgs: dict[str, dict], level: str) -> list[dict]:
    return [o for o in orgs.values() if o["level"] == level]


def test_org_tree_ids_prefix_their_parent(orgs):
    seen: set[str] = set()
    for row in orgs.values():  # file order: every parent comes before its children
        assert re.fullmatch(ID_PATTERNS[row["level"]], row["id"]), row
        if row["level"] == "county":
            assert row["parent_id"] == ""
        else:
            parent = orgs[row["parent_id"]]
            assert row["id"].startswith(parent["id"]), row
            assert row["level"] in CHILD_LEVELS[parent["level"]], row
            assert row["parent_id"] in seen, f"{row['id']} listed before its parent"
        seen.add(row["id"])


def test_org_tree_shape(orgs):
    county = of_level(orgs, "county")
    assert [(c["id"], c["name"]) for c in county] == [("330688", "越溪县")]
    assert 8 <= len(of_level(orgs, "department")) <= 14
    towns = of_level(orgs, "town")
    assert len(towns) >= 3
    assert any(t["name"].endswith("街道") for t in towns)
    villages = of_level(orgs, "village")
    assert len(villages) >= 12
    for town in towns:
        assert 4 <= sum(v["parent_id"] == town["id"] for v in villages) <= 6, town
    for village in villages:
        kind = "社区" if village["id"][9] == "0" else "村"
        assert village["name"].endswith(kind), village
        assert 2 <= sum(g["parent_id"] == village["id"] for g in of_level(orgs, "grid")) <= 4
    names = [v["name"] for v in villages]
    assert len(set(names)) == len(names)


def test_every_town_has_the_routing_offices(orgs):
    wanted = {"镇党建办", "镇党政综合办", "镇农业农村办", "镇村镇建设办", "镇社会事务办",
              "镇平安办（社会治理中心）", "镇综合行政执法队", "镇应急管理办", "镇财政所"}
    for town in of_level(orgs, "town"):
        offices = {o["name"] for o in of_level(orgs, "office") if o["parent_id"] == town["id"]}
        assert wanted <= offices, town


def test_people_basics(people, orgs):
    assert 100 <= len(people) <= 130
    usernames = [p["username"] for p in people]
    assert len(set(usernames)) == len(usernames)
    phones = [p["phone"] for p in people]
    assert len(set(phones)) == len(phones)
    for p in people:
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d*", p["username"]), p
        assert re.fullmatch(r"1[358]\d{9}", p["phone"]), p
        assert p["gender"] in {"男", "女"}
        assert p["name"] and p["title"]
        assert orgs[p["org_id"]]["level"] == POSITION_LEVEL[p["position"]], p
    assert len({p["name"][0] for p in people}) >= 20, "surnames should be varied"


def test_every_position_present(people):
    assert {p["position"] for p in people} == POSITIONS


def test_supervisors_sit_in_discipline_or_agriculture(people, orgs):
    places = {orgs[p["org_id"]]["name"] for p in people if p["position"] == "supervisor"}
    assert places == {"县纪委县监委", "县农业农村局"}


def test_one_per_unit_rules(people, orgs):
    by = Counter((p["position"], p["org_id"]) for p in people)
    for town in of_level(orgs, "town"):
        assert by[("deputy_secretary", town["id"])] == 1, town
        assert by[("town_leader", town["id"])] >= 2, town
    for village in of_level(orgs, "village"):
        assert by[("village_secretary", village["id"])] == 1, village
        assert 2 <= by[("village_cadre", village["id"])] <= 3, village
    for grid in of_level(orgs, "grid"):
        assert by[("grid_worker", grid["id"])] == 1, grid


def test_households(orgs):
    header, rows = read(DEMO / "households.csv")
    assert header == ["grid_id", "head_name", "address", "members", "color", "note"]
    assert 300 <= len(rows) <= 500
    grids = {g["id"] for g in of_level(orgs, "grid")}
    assert {r["grid_id"] for r in rows} == grids, "every grid has households, and only grids"
    for r in rows:
        assert r["color"] in {"green", "yellow", "red"}
        assert (r["note"] == "") == (r["color"] == "green"), r
        assert 1 <= int(r["members"]) <= 8
        assert r["address"].startswith(orgs[r["grid_id"][:12]]["name"]), r
    share = Counter(r["color"] for r in rows)
    assert share["green"] / len(rows) >= 0.7
    assert 0.08 <= share["yellow"] / len(rows) <= 0.25
    assert 0.01 <= share["red"] / len(rows) <= 0.10


def test_grid_elements_use_known_codes(orgs):
    _, elements = read(DATA / "governance_elements.csv")
    assert len(elements) == 49
    codes = {e["minor_code"] for e in elements}
    header, rows = read(DEMO / "grid_elements.csv")
    assert header == ["grid_id", "element_code", "count"]
    per_grid = Counter(r["grid_id"] for r in rows)
    assert set(per_grid) == {g["id"] for g in of_level(orgs, "grid")}
    assert all(3 <= n <= 8 for n in per_grid.values())
    assert len({(r["grid_id"], r["element_code"]) for r in rows}) == len(rows)
    for r in rows:
        assert r["element_code"] in codes, r
        assert int(r["count"]) >= 1


def test_logins_name_real_accounts(people):
    text = (DEMO / "LOGINS.md").read_text(encoding="utf-8")
    assert "Zhili@2026" in text
    listed = set(re.findall(r"\| `([a-z.\d]+)` \|", text))
    by_name = {p["username"]: p for p in people}
    assert listed <= set(by_name)
    assert {by_name[u]["position"] for u in listed} == POSITIONS


def test_files_match_the_generator():
    spec = importlib.util.spec_from_file_location("demo_generate", DEMO / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.render().items():
        stored = (DEMO / name).read_text(encoding="utf-8")
        assert stored == text, f"{name} is stale: rerun generate.py"
