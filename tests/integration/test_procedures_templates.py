"""Templates are versioned per county; an edit never changes a procedure already started."""
import datetime as dt

from tests.integration.conftest import assert_problem

CODE = "cunwu_lianxi_huiyi"


def test_editing_a_template_leaves_started_procedures_on_their_version(api, login):
    cadre = login("du.jianyu")  # 桃源村
    before = api.post("/api/v1/procedures", headers=cadre, json={
        "template_code": CODE, "title": "村级活动室保洁外包"}).json()
    template = api.get(f"/api/v1/procedure-templates/{CODE}", headers=cadre).json()
    assert before["template_version"] == template["version"]
    steps = [{k: s[k] for k in ("key", "name", "kind", "bodies", "decisive", "max_days")}
             for s in template["steps"]]
    steps.insert(1, {"key": "supervisory_review", "name": "村务监督委员会核议",
                     "kind": "meeting", "bodies": ["supervisory_committee"]})
    edited = api.put(f"/api/v1/procedure-templates/{CODE}", headers=login("fu.min"),
                     json={"name": "村务联席会议（含监委会核议）", "steps": steps})
    assert edited.status_code == 200, edited.text
    assert edited.json()["version"] > template["version"] and len(edited.json()["steps"]) == 3

    unchanged = api.get(f"/api/v1/procedures/{before['id']}", headers=cadre).json()
    assert unchanged["template_version"] == before["template_version"]
    assert [s["key"] for s in unchanged["steps"]] == [s["key"] for s in before["steps"]]
    after = api.post("/api/v1/procedures", headers=cadre, json={
        "template_code": CODE, "title": "村级活动室空调采购"}).json()
    assert after["template_version"] == edited.json()["version"]
    assert after["steps"][1]["key"] == "supervisory_review"
    # The old procedure still finishes on its own two steps.
    today = dt.date.today()
    step = api.post(f"/api/v1/procedures/{before['id']}/steps/1/record", headers=cadre, json={
        "held_on": (today - dt.timedelta(days=9)).isoformat(), "body_size": 12, "present": 10,
        "votes_for": 8}).json()
    assert step["current_step_key"] == "result_publicity"
    listed = api.get("/api/v1/procedure-templates", headers=cadre).json()["templates"]
    assert {t["code"] for t in listed} >= {"sixiyi_liang_gongkai", "wuyi_villager_suggestion",
                                           "wuyi_supervisory_review", "wuyi_post_evaluation", CODE}


def test_only_county_staff_edit_templates_and_bodies_must_be_known(api, login):
    steps = [{"key": "x_meeting", "name": "会议", "kind": "meeting", "bodies": ["villager_assembly"]}]
    village = api.put(f"/api/v1/procedure-templates/{CODE}", headers=login("tu.su"),
                      json={"name": "篡改", "steps": steps})
    assert_problem(village, 403, "ROLE_REQUIRED")
    supervisor = api.put(f"/api/v1/procedure-templates/{CODE}", headers=login("yu.zhenying"),
                         json={"name": "篡改", "steps": steps})
    assert_problem(supervisor, 403, "READ_ONLY_ROLE")
    unknown = api.put(f"/api/v1/procedure-templates/{CODE}", headers=login("chen.taozhi"),
                      json={"name": "坏模板", "steps": [{**steps[0], "bodies": ["tea_party"]}]})
    assert_problem(unknown, 400, "VALIDATION_FAILED")


def test_rules_in_force_name_their_legal_source(api, login):
    rules = {r["key"]: r for r in api.get("/api/v1/procedure-rules",
                                          headers=login("tu.su")).json()["rules"]}
    assert "第二十二条" in rules["quorum.villager_assembly"]["source"]
    assert rules["quorum.representative_assembly"]["value"][0]["num"] == 2
    assert rules["notice_days.villager_assembly"]["value"] == 10
