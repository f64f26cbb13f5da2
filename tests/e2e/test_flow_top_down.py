"""The top-down loop in the browser: draft → screen → approve → sign → allocate → progress →
submit → accept with a score, each step by the demo person whose job it is."""
import re

from playwright.sync_api import expect

from tests.e2e.conftest import photo_png
from tests.e2e.console_helpers import action, expect_text, go, open_item

TAOYUAN = "330688100201"
TITLE = "汛前山塘水库安全隐患排查"
TEXT = "各村对辖区内山塘、小型水库开展一次汛前安全检查，核查巡查责任人和应急预案，发现渗漏险情立即上报镇应急办。"


def test_top_down_loop_through_the_console(open_console, api, login, shots):
    leader = open_console("he.fangya")
    go(leader, "#/tasks/new")
    form = leader.locator("#draft-form")
    form.locator("[name=title]").fill(TITLE)
    form.locator("[name=description]").fill(TEXT)
    form.locator("[name=deadline]").fill("2030-06-30")
    form.locator("[name=points]").fill("20")
    form.locator(f"#target-villages input[value='{TAOYUAN}']").check()
    leader.click("#prescreen-button")
    expect(leader.locator("#screening-result")).to_contain_text("准入通过")
    expect(leader.locator("#suggestions")).to_contain_text("V-SL-002")
    shots(leader, "task-draft-screening")
    leader.click("#save-submit")
    expect_text(leader, "#task-state", "待审核")
    task_id = leader.evaluate("location.hash").split("/")[-1]

    deputy = open_console("dong.qing")
    go(deputy, "#/review")
    open_item(deputy, "task-list", TITLE)
    action(deputy, "approve-task", {"comment": "同意派发，汛前必须完成"})
    expect_text(deputy, "#task-state", "已派发")
    expect(deputy.locator(f"#task-progress tr[data-village='{TAOYUAN}']")).to_contain_text("待签收")

    secretary = open_console("tu.su")
    go(secretary, "#/inbox")
    open_item(secretary, "assignment-list", TITLE)
    action(secretary, "sign")
    expect_text(secretary, "#assignment-state", "已签收")
    action(secretary, "allocate", {"note": "葛宇牵头，网格员配合"},
           checks=["input[data-username='ge.yu']", "input[data-username='jin.yi']"])
    expect_text(secretary, "#assignment-state", "已分派")
    assignment_id = secretary.evaluate("location.hash").split("/")[-1]

    cadre = open_console("ge.yu")
    go(cadre, "#/inbox")
    open_item(cadre, "assignment-list", TITLE)
    photo = {"name": "shantang.png", "mimeType": "image/png", "buffer": photo_png()}
    action(cadre, "progress", {"text": "三座山塘已全部检查，溢洪道清淤完毕", "percent": 100, "photo_files": photo})
    shown = cadre.locator("#assignment-timeline li[data-action=progress] img")
    expect(shown).to_have_attribute("src", re.compile(r"/api/v1/attachments/[\w-]{22}\.png$"))
    cadre.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=shown.element_handle())
    action(cadre, "submit-assignment", {"note": "检查台账已报镇应急办"})
    expect_text(cadre, "#assignment-state", "待验收")

    go(leader, "#/acceptance")
    open_item(leader, "assignment-list", TITLE)
    action(leader, "accept", {"quality": 92, "comment": "排查细致"})
    expect_text(leader, "#assignment-state", "已验收")
    expect(leader.locator("#view")).to_contain_text("92 / 18.4")
    steps = leader.locator("#assignment-timeline li").evaluate_all("items => items.map(i => i.dataset.action)")
    assert steps == ["dispatched", "sign", "allocate", "progress", "submit", "accept"]
    shots(leader, "assignment-timeline")

    stored = api.get(f"/api/v1/assignments/{assignment_id}", headers=login("he.fangya")).json()
    assert (stored["state"], stored["quality"], stored["points_earned"]) == ("accepted", 92, 18.4)
    assert stored["task_id"] == task_id
    for page in (leader, deputy, secretary, cadre):
        assert page.console_errors == []


def test_an_off_list_task_is_refused_with_its_reason(open_console):
    leader = open_console("he.fangya")
    go(leader, "#/tasks/new")
    form = leader.locator("#draft-form")
    form.locator("[name=title]").fill("各村上报招商引资任务完成情况")
    form.locator("[name=description]").fill("请各村每月上报招商引资签约项目和到位资金，完成情况纳入年度考核。")
    form.locator("[name=deadline]").fill("2030-06-30")
    form.locator(f"#target-villages input[value='{TAOYUAN}']").check()
    leader.click("#prescreen-button")
    expect(leader.locator("#screening-result")).to_contain_text("过筛结果：驳回")
    expect(leader.locator("#screening-result")).to_contain_text("负面清单")
    leader.click("#save-submit")
    expect_text(leader, "#task-state", "草稿")  # a refused draft stays a draft, with the reason
    expect(leader.locator("#screening-result li[data-code=OFF_LIST]")).to_be_visible()
    expect(leader.locator("#submit-task")).to_be_visible()
