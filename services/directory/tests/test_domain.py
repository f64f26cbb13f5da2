"""Directory rules: tree codes, who may sit where, CSV row checks (pure)."""
from services.directory import domain


def test_child_codes_extend_their_parent():
    assert domain.child_id_error("330688", "county", "330688100", "town") is None
    assert domain.child_id_error("330688100", "town", "330688100201", "village") is None
    assert domain.child_id_error("330688100201", "village", "330688100201G01", "grid") is None
    assert domain.child_id_error("330688100", "town", "330688101201", "village")
    assert domain.child_id_error("330688100", "town", "330688100201G01", "grid")  # grid under town


def test_org_rows_report_every_problem_with_its_line():
    known = {"330688": "county"}
    errors = domain.validate_org_row(7, {"id": "3306881", "parent_id": "330688", "level": "town",
                                         "name": ""}, known)
    assert {(e.line, e.field) for e in errors} == {(7, "name"), (7, "id")}
    assert domain.validate_org_row(2, {"id": "330688", "parent_id": "", "level": "county",
                                       "name": "县"}, {}) == []


def test_people_rows():
    levels = {"330688100": "town", "330688100201": "village"}
    ok = {"username": "dong.qing", "name": "董庆", "gender": "男", "phone": "13800000000",
          "org_id": "330688100", "position": "deputy_secretary", "title": ""}
    assert domain.validate_person_row(2, ok, levels, set()) == []
    misplaced = {**ok, "org_id": "330688100201"}
    assert [e.field for e in domain.validate_person_row(2, misplaced, levels, set())] == ["org_id"]
    taken = domain.validate_person_row(2, ok, levels, {"dong.qing"})
    assert [e.field for e in taken] == ["username"]


def test_scope_roots():
    assert domain.scope_root("supervisor", "330688K13", "330688") == "330688"
    assert domain.scope_root("village_cadre", "330688100201", "330688") == "330688100201"


def test_household_rows():
    levels = {"330688100201G01": "grid"}
    good = {"grid_id": "330688100201G01", "head_name": "王", "members": "3", "color": "red"}
    assert domain.validate_household_row(2, good, levels) == []
    bad = {"grid_id": "330688100201", "head_name": "", "members": "0", "color": "blue"}
    assert {e.field for e in domain.validate_household_row(2, bad, levels)} == {
        "grid_id", "head_name", "members", "color"}
