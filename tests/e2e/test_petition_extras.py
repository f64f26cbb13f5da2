"""A petition's 延期 (the village asks, the town decides) and a dispute's 调解 sessions in the console."""
from playwright.sync_api import expect

from tests.e2e.console_helpers import action, go, open_item

API = "/api/v1"
TAOYUAN = "330688100201"


def accepted_petition(api, login, content: str, **extra) -> dict:
    created = api.post(f"{API}/petitions", headers=login("tu.su"), json={
        "source": "mailbox", "content": content, "village_id": TAOYUAN, **extra})
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    accepted = api.post(f"{API}/petitions/{pid}/accept", json={}, headers=login("tu.su"))
    assert accepted.status_code == 200, accepted.text
    return accepted.json()


def test_village_asks_for_an_extension_and_the_town_approves_it(open_console, api, login, shots):
    petition = accepted_petition(api, login, "村委会门口路灯坏了三盏，晚上走路看不清",
                                 category_code="P08-01")
    assert petition["time_limit"] == "5 working_days"   # 120 hours of the category
    pid, limit = petition["id"], 5
    page = open_console("tu.su")
    go(page, f"#/petition/{pid}")
    expect(page.locator("#decide-extension")).to_have_count(0)
    action(page, "request-extension", {"days": 4, "reason": "灯具需向镇里申请采购，到货约一周"})
    expect(page.locator("#petition-due")).to_have_text("计时暂停（延期申请待审批）")
    expect(page.locator("#petition-extensions li")).to_contain_text("待审批")
    expect(page.locator("#petition-extensions li")).to_contain_text("灯具需向镇里申请采购")
    expect(page.locator("#request-extension")).to_have_count(0)   # one request at a time
    expect(page.locator("#decide-extension")).to_have_count(0)    # the village cannot decide
    expect(page.locator("#petition-timeline li[data-action=extension_requested]")).to_contain_text("申请延期")

    town = open_console("he.fangya")
    town.locator("#menu a", has_text="延期审批").click()
    expect(town.locator("#view h1")).to_have_text("延期审批")
    item = town.locator("#petition-list li", has_text="路灯坏了三盏")
    expect(item).to_contain_text("延期待批 4 天")
    open_item(town, "petition-list", "路灯坏了三盏")
    action(town, "decide-extension", {"approve": "true", "reason": "同意，尽快采购"})
    expect(town.locator("#petition-extensions li")).to_contain_text("已批准")
    expect(town.locator("#petition-extensions li")).to_contain_text("同意，尽快采购")
    expect(town.locator("#petition-due")).to_contain_text(f"{limit + 4}个工作日")
    expect(town.locator("#petition-timeline li[data-action=extension_approved]")).to_contain_text("批准延期")
    expect(town.locator("#request-extension")).to_have_count(0)  # only the handling village asks
    shots(town, "petition-extension")
    stored = api.get(f"{API}/petitions/{pid}", headers=login("he.fangya")).json()
    assert [e["status"] for e in stored["extensions"]] == ["approved"]
    assert not stored["clock_paused"] and stored["time_limit"] == f"{limit + 4} working_days"
    go(town, "#/petitions?view=extensions")
    expect(town.locator("#petition-list li", has_text="路灯坏了三盏")).to_have_count(0)
    assert page.console_errors == [] and town.console_errors == []


def test_a_dispute_is_mediated_twice_with_an_expert_asked_for(open_console, api, login, shots):
    dispute = accepted_petition(api, login, "两家因宅前排水沟堵塞闹矛盾，邻居把石头堆在我家门口不让走",
                                category_code="P01-01", reporter_name="张大伯")
    plain = accepted_petition(api, login, "村道边的垃圾桶满了没人清运", category_code="P04-03")
    page = open_console("tu.su")
    go(page, f"#/petition/{plain['id']}")
    expect(page.locator("#mediate")).to_have_count(0)          # only disputes are mediated
    expect(page.locator("#mediation-sessions")).to_have_count(0)

    go(page, f"#/petition/{dispute['id']}")
    expect(page.locator("#mediation-sessions")).to_contain_text("暂无调解记录")
    action(page, "mediate", {"held_on": "2026-11-10", "mediators": "屠素\n村调委会主任",
                             "parties": "张大伯、李家", "outcome": "failed",
                             "note": "双方各执一词", "expert_field": "水利"},
           checks=["[name=expert_requested]"])
    first = page.locator("#mediation-sessions li").first
    expect(first).to_contain_text("调解不成")
    expect(first).to_contain_text("屠素、村调委会主任")
    expect(first).to_contain_text("已申请：水利")
    action(page, "mediate", {"held_on": "2026-11-17", "mediators": "屠素、镇司法所调解员",
                             "parties": "张大伯\n李家", "outcome": "agreement",
                             "note": "李家移走石头，共同疏通排水沟"})
    expect(page.locator("#mediation-sessions li")).to_have_count(2)
    expect(page.locator("#mediation-sessions li").nth(1)).to_contain_text("达成协议")
    expect(page.locator("#petition-timeline li[data-action=mediated]")).to_have_count(2)
    # one party only: refused in the page, nothing stored
    action(page, "mediate", {"parties": "张大伯", "mediators": "屠素"})
    expect(page.locator("#toasts .toast.error").last).to_contain_text("两方")
    shots(page, "petition-mediation")
    stored = api.get(f"{API}/petitions/{dispute['id']}", headers=login("tu.su")).json()
    assert [(s["held_on"], s["outcome"], s["parties"]) for s in stored["mediation_sessions"]] == [
        ("2026-11-10", "failed", ["张大伯", "李家"]), ("2026-11-17", "agreement", ["张大伯", "李家"])]
    assert stored["mediation_sessions"][0]["expert_requested"]
    assert page.console_errors == []
