"""The bottom-up loop through the gateway: report → village → town → office/county → resolve → 回访."""
from tests.integration.conftest import assert_problem

VILLAGE = "330688100201"      # 桃源村
TOWN = "330688100"            # 溪口镇
ENFORCEMENT = f"{TOWN}B07"    # 镇综合行政执法队 (wei.yayi)
CONSTRUCTION = f"{TOWN}B04"   # 镇村镇建设办 (qiu.qianying)
ECOLOGY = "330688K06"         # 县生态环境分局 (ru.songhao)


def act(api, login, who, petition_id, action, **body):
    reply = api.post(f"/api/v1/petitions/{petition_id}/{action}", json=body, headers=login(who))
    assert reply.status_code == 200, reply.text
    return reply.json()


def grid_report(api, login, content, **extra):
    reply = api.post("/api/v1/petitions", headers=login("jin.yi"), json={
        "source": "grid_report", "content": content, "element_code": "E0301", **extra})
    assert reply.status_code == 201, reply.text
    return reply.json()


def actions(api, login, petition_id, who="tu.su"):
    reply = api.get(f"/api/v1/petitions/{petition_id}/timeline", headers=login(who))
    assert reply.status_code == 200, reply.text
    return [(e["action"], e["to_org_id"]) for e in reply.json()["entries"]]


def test_a_grid_report_is_resolved_in_the_village_and_followed_up(api, login):
    petition = grid_report(api, login, "村道上三盏路灯不亮，晚上老人出门不方便")
    assert petition["category_code"] == "P08-01" and petition["suggested_level"] == "village"
    assert petition["triage"][0]["category_code"] == "P08-01"
    assert (petition["status"], petition["level"], petition["grid_id"]) == (
        "received", "village", f"{VILLAGE}G01")
    mine = api.get("/api/v1/petitions", params={"view": "reported_by_me"},
                   headers=login("jin.yi")).json()["petitions"]
    assert petition["id"] in {p["id"] for p in mine}
    open_list = api.get("/api/v1/petitions", params={"view": "open", "page_size": 500},
                        headers=login("tu.su")).json()["petitions"]
    deadlines = [p["due_at"] for p in open_list if p.get("due_at")]
    assert petition["id"] in {p["id"] for p in open_list} and deadlines == sorted(deadlines)

    def allowed(who):  # what the console offers each of them, from the service's rules
        reply = api.get(f"/api/v1/petitions/{petition['id']}", headers=login(who))
        assert reply.status_code == 200, reply.text
        return reply.json()["allowed_actions"]

    assert allowed("he.fangya") == ["urge"]  # the town's leader on a village petition
    assert allowed("tu.su") == ["accept", "decline"]  # the village's secretary, its handler
    assert allowed("yu.zhenying") == []  # 纪委监督员: read-only
    accepted = act(api, login, "tu.su", petition["id"], "accept")
    assert accepted["allowed_actions"] == ["escalate", "resolve", "request_extension"]
    resolved = act(api, login, "ge.yu", petition["id"], "resolve", result="已更换灯泡三只")
    assert (resolved["status"], resolved["resolved_level"]) == ("resolved", "village")
    assert allowed("jin.yi") == ["follow_up"]  # the reporter
    followed = act(api, login, "jin.yi", petition["id"], "follow-up", satisfaction="satisfied")
    assert followed["status"] == "followed_up" and followed["satisfaction"] == "satisfied"
    closed = act(api, login, "tu.su", petition["id"], "close")
    assert closed["status"] == "closed" and closed["closed_at"]
    assert [a for a, _ in actions(api, login, petition["id"])] == [
        "received", "accepted", "resolved", "followed_up", "closed"]
    stats = api.get("/api/v1/petition-statistics", params={"org_id": VILLAGE},
                    headers=login("tu.su")).json()
    lights = next(r for r in stats["by_category"] if r["key"] == "P08-01")
    assert lights["closed"] >= 1 and lights["resolved_at_village_share"] > 0


def test_escalated_village_to_town_to_office_and_resolved(api, login):
    petition = grid_report(api, login, "有人在河边违法搭建彩钢棚，占用河道管理范围")
    pid = petition["id"]
    act(api, login, "tu.su", pid, "accept")
    at_town = act(api, login, "tu.su", pid, "escalate", reason="涉及违法建设，村里无执法权")
    assert (at_town["level"], at_town["handler_org_id"]) == ("town", TOWN)
    # the office cannot see it before it is sent there
    assert_problem(api.get(f"/api/v1/petitions/{pid}", headers=login("wei.yayi")), 404,
                   "PETITION_NOT_FOUND")
    assigned = act(api, login, "he.fangya", pid, "assign", target_org_id=ENFORCEMENT)
    assert (assigned["level"], assigned["handler_org_id"]) == ("town", ENFORCEMENT)
    resolved = act(api, login, "wei.yayi", pid, "resolve", result="已责令当事人自行拆除，现场复核完毕")
    assert (resolved["resolved_level"], resolved["resolved_org_id"]) == ("town", ENFORCEMENT)
    act(api, login, "tu.su", pid, "follow-up", satisfaction="basically_satisfied")
    act(api, login, "he.fangya", pid, "close")
    assert actions(api, login, pid) == [
        ("received", VILLAGE), ("accepted", VILLAGE), ("escalated", TOWN),
        ("assigned", ENFORCEMENT), ("resolved", ENFORCEMENT), ("followed_up", ENFORCEMENT),
        ("closed", ENFORCEMENT)]


def test_town_escalates_to_a_county_department_which_sees_only_what_it_was_sent(api, login):
    petition = grid_report(api, login, "村旁化工厂夜里偷排废水，河水发黑有刺鼻异味")
    pid = petition["id"]
    act(api, login, "tu.su", pid, "accept")
    act(api, login, "tu.su", pid, "escalate")
    county = act(api, login, "dong.qing", pid, "escalate", target_org_id=ECOLOGY,
                 reason="企业排污需县级执法")
    assert (county["level"], county["handler_org_id"]) == ("county", ECOLOGY)
    other = api.get(f"/api/v1/petitions/{pid}", headers=login("xu.qiangxin"))  # 市场监管局
    assert_problem(other, 404, "PETITION_NOT_FOUND")
    listed = api.get("/api/v1/petitions", params={"page_size": 500},
                     headers=login("ru.songhao")).json()["petitions"]
    assert pid in {p["id"] for p in listed}
    assert all(p["handler_org_id"] == ECOLOGY or p["level"] != "county" for p in listed)
    assert_problem(api.post(f"/api/v1/petitions/{pid}/escalate", json={},
                            headers=login("ru.songhao")), 422, "INVALID_TRANSITION")


def test_a_return_carries_its_reason_down_one_level(api, login):
    petition = grid_report(api, login, "邻居家空调外机对着我家窗户，两家吵了好几次")
    pid = petition["id"]
    act(api, login, "tu.su", pid, "accept")
    act(api, login, "tu.su", pid, "escalate")
    missing_reason = api.post(f"/api/v1/petitions/{pid}/return", json={"reason": "  "},
                              headers=login("he.fangya"))
    assert_problem(missing_reason, 400, "VALIDATION_FAILED")
    back = act(api, login, "he.fangya", pid, "return", reason="邻里纠纷应由村调委会先行调解")
    assert (back["level"], back["handler_org_id"], back["status"]) == ("village", VILLAGE, "processing")
    timeline = api.get(f"/api/v1/petitions/{pid}/timeline", headers=login("tu.su")).json()["entries"]
    returned = next(e for e in timeline if e["action"] == "returned")
    assert returned["reason"] == "邻里纠纷应由村调委会先行调解"
    assert (returned["from_org_id"], returned["to_org_id"]) == (TOWN, VILLAGE)
    assert_problem(api.post(f"/api/v1/petitions/{pid}/return", json={"reason": "再退"},
                            headers=login("tu.su")), 422, "INVALID_TRANSITION")


def test_an_unsatisfied_follow_up_reopens_at_the_same_level(api, login):
    petition = grid_report(api, login, "村委会门口垃圾桶满了好几天没人清运，臭气很大")
    pid = petition["id"]
    act(api, login, "tu.su", pid, "accept")
    first = act(api, login, "ge.yu", pid, "resolve", result="已通知保洁员清运")
    reopened = act(api, login, "jin.yi", pid, "follow-up", satisfaction="unsatisfied",
                   comment="只清了一半")
    assert (reopened["status"], reopened["level"], reopened["handler_org_id"]) == (
        "processing", first["level"], first["handler_org_id"])
    assert reopened["reopen_count"] == 1 and reopened["resolution"] == ""
    assert [a for a, _ in actions(api, login, pid)][-2:] == ["followed_up", "reopened"]
    # a closed petition cannot be closed again, and a reopened one cannot be followed up yet
    assert_problem(api.post(f"/api/v1/petitions/{pid}/follow-up", json={"satisfaction": "satisfied"},
                            headers=login("jin.yi")), 422, "INVALID_TRANSITION")


def test_triage_on_its_own(api, login):
    reply = api.post("/api/v1/triage", json={"text": "小区门口井盖丢了，很危险"}, headers=login("tu.su"))
    assert reply.status_code == 200, reply.text
    top = reply.json()["suggestions"][0]
    assert (top["category_code"], top["level"]) == ("P08-02", "town")
    assert set(top) >= {"category_code", "name", "level", "department", "score"}
    assert_problem(api.post("/api/v1/triage", json={"text": ""}, headers=login("tu.su")), 400)
