"""A village secretary runs a 四议两公开 on her phone (a failed step blocks, a new attempt passes) and
publishes a 三务公开 disclosure of it; the supervisor reads both without any form or button."""
from playwright.sync_api import expect

from tests.e2e.console_helpers import action, go

API = "/api/v1"
TAOYUAN = "330688100201"
PHONE = {"width": 375, "height": 740, "mobile": True}
TITLE = "村文化礼堂修缮工程"


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def meeting(size: int, present: int, yes: int, against: int = 0, abstain: int = 0) -> dict:
    return {"body_size": size, "present": present, "votes_for": yes, "votes_against": against,
            "abstentions": abstain}


def test_village_secretary_runs_a_procedure_and_publishes_a_disclosure(open_console, api, login, shots):
    page = open_console("tu.su", **PHONE)
    go(page, "#/procedures")
    page.click("#start-procedure")
    form = page.locator("#procedure-form")
    form.locator("[name=template_code]").select_option("sixiyi_liang_gongkai")
    expect(page.locator("#template-steps li")).to_have_count(6)
    expect(page.locator("#template-steps li").nth(3)).to_contain_text("村民(代表)会议决议（会议，决策环节）")
    form.locator("[name=title]").fill(TITLE)
    form.locator("[name=category]").select_option("public_works")
    form.locator("[name=amount]").fill("120000")
    form.locator("[name=description]").fill("礼堂屋面漏雨、墙体开裂，拟整体修缮")
    assert overflow(page) <= 0
    form.locator("button[type=submit]").click()

    expect(page.locator("#procedure-state")).to_have_text("进行中")
    expect(page.locator("#procedure-guidance")).to_contain_text("第1步“党组织提议”")
    expect(page.locator("#view")).to_contain_text("120,000.00 元")
    pid = page.evaluate("location.hash").split("/")[-1]

    # step 1 党组织提议 and step 2 两委商议, as the API's guidance asks
    action(page, "record-step", {**meeting(5, 5, 5), "minutes": "支委会一致同意提议修缮"})
    expect(page.locator("#procedure-guidance")).to_contain_text("第2步“两委商议”")
    action(page, "record-step", meeting(9, 8, 7, 1))
    expect(page.locator("#procedure-guidance")).to_contain_text("第3步“党员大会审议”")
    expect(page.locator("#procedure-guidance")).to_contain_text("半数以上有表决权的党员到会")
    # step 3: too few party members came — the service says so and the procedure is blocked
    action(page, "record-step", meeting(30, 12, 12))
    expect(page.locator("#procedure-state")).to_have_text("受阻")
    expect(page.locator("#procedure-guidance")).to_contain_text("须重新履行该步骤")
    expect(page.locator("#procedure-steps li[data-number='3']")).to_contain_text("未通过")
    expect(page.locator("#record-step")).to_contain_text("重新登记第 3 步")
    action(page, "record-step", meeting(30, 24, 20, 2, 2))
    expect(page.locator("#procedure-state")).to_have_text("进行中")
    expect(page.locator("#procedure-guidance")).to_contain_text("第4步“村民(代表)会议决议”")
    # the 村民会议 asks for the notice date; the 村民代表会议 does not
    page.click("#record-step")
    step_form = page.locator("#record-step-form")
    expect(step_form.locator("[name=notified_on]")).to_be_hidden()
    step_form.locator("[name=body]").select_option("villager_assembly")
    expect(step_form.locator("[name=notified_on]")).to_be_visible()
    expect(step_form.locator("[name=basis] option")).to_have_count(2)
    step_form.locator("button[type=button]", has_text="取消").click()
    expect(page.locator("#procedure-steps li[data-status=passed]")).to_have_count(3)
    expect(page.locator("#procedure-timeline li[data-action=step_failed]")).to_have_count(1)
    expect(page.locator("#procedure-timeline li[data-action=step_passed]")).to_have_count(3)
    expect(page.locator("#abandon")).to_be_visible()   # no resolution yet: it may still be withdrawn
    assert overflow(page) <= 0
    shots(page, "procedure-steps-phone")

    # 三务公开 from the procedure: a major village-affairs disclosure linked to it
    page.click("#publish-disclosure")
    disclosure = page.locator("#disclosure-form")
    expect(disclosure.locator("[name=kind]")).to_have_value("major")
    expect(disclosure.locator("[name=period]")).to_be_hidden()
    expect(disclosure.locator("[name=procedure_id]")).to_have_value(pid)
    disclosure.locator("[name=title]").fill(f"{TITLE}议题公示")
    disclosure.locator("[name=content]").fill("经党员大会审议，拟提交村民代表会议决议，预算12万元")
    disclosure.locator("[name=channel]").fill("村务公开栏")
    assert overflow(page) <= 0
    disclosure.locator("button[type=submit]").click()
    item = page.locator("#disclosure-list li", has_text=f"{TITLE}议题公示")
    expect(item).to_contain_text("重大事项")
    expect(item).to_contain_text(f"程序：{TITLE}")
    assert page.console_errors == []

    # the API holds the same
    stored = api.get(f"{API}/procedures/{pid}", headers=login("tu.su")).json()
    assert (stored["state"], stored["current_step"], stored["major"]) == ("in_progress", 4, True)
    assert [s["status"] for s in stored["steps"]] == ["passed"] * 3 + ["pending"] * 3
    assert stored["steps"][2]["record"]["present"] == 24 and stored["steps"][2]["record"]["attempt"] == 2
    assert [e["action"] for e in stored["timeline"]] == ["started", "step_passed", "step_passed",
                                                         "step_failed", "step_passed"]
    listed = api.get(f"{API}/disclosures", params={"org_id": TAOYUAN}, headers=login("tu.su")).json()
    mine = [d for d in listed["disclosures"] if d["title"] == f"{TITLE}议题公示"]
    assert len(mine) == 1 and mine[0]["procedure_id"] == pid
    assert (mine[0]["category"], mine[0]["kind"], mine[0]["channel"]) == ("village_affairs", "major", "村务公开栏")
    public = api.get("/public/v1/disclosures", params={"village_id": TAOYUAN}).json()
    assert f"{TITLE}议题公示" in [d["title"] for d in public["disclosures"]]

    # the supervisor reads the procedure and the disclosure, with nothing to press
    supervisor = open_console("yu.zhenying")
    go(supervisor, f"#/procedure/{pid}")
    expect(supervisor.locator("#procedure-steps li[data-status=passed]")).to_have_count(3)
    expect(supervisor.locator("#procedure-guidance")).to_contain_text("第4步")
    expect(supervisor.locator("#procedure-actions button, #procedure-actions a")).to_have_count(0)
    go(supervisor, "#/disclosures")
    expect(supervisor.locator("#disclosure-list li", has_text=f"{TITLE}议题公示")).to_be_visible()
    expect(supervisor.locator("#disclosure-form")).to_have_count(0)
    go(supervisor, "#/procedures")
    expect(supervisor.locator("#start-procedure")).to_have_count(0)
    assert supervisor.console_errors == []


def test_village_secretary_publishes_a_regular_finance_disclosure(open_console, api, login):
    page = open_console("tu.su")
    go(page, "#/disclosures")
    form = page.locator("#disclosure-form")
    form.locator("[name=category]").select_option("finance")
    period = form.locator("[name=period]").input_value()
    assert len(period) == 7 and period[4] == "-"        # last month, e.g. 2026-04
    form.locator("[name=title]").fill(f"{period} 村级财务收支公开")
    form.locator("[name=content]").fill("收入 8.2 万元，支出 6.5 万元，明细见公开栏")
    form.locator("button[type=submit]").click()
    expect(page.locator("#disclosure-list li", has_text=f"{period} 村级财务收支公开")).to_contain_text(f"定期 {period}")
    stored = api.get(f"{API}/disclosures", params={"org_id": TAOYUAN, "category": "finance", "period": period},
                     headers=login("tu.su")).json()["disclosures"]
    assert [d["title"] for d in stored] == [f"{period} 村级财务收支公开"]
    assert page.console_errors == []
