"""What each role sees: its menu, its lists (超期提醒 with 催办, office petitions, supervision)."""
import pytest
from playwright.sync_api import expect

from tests.e2e.console_helpers import action, expect_text, go, open_item

MENUS = {
    "he.fangya": ["驾驶舱", "起草任务", "任务列表", "待验收", "超期提醒", "诉求待办", "延期审批", "督办清单"],
    "dong.qing": ["驾驶舱", "审核队列", "任务列表", "待验收", "超期提醒", "诉求待办", "延期审批", "督办清单"],
    "tu.su": ["驾驶舱", "待办派单", "诉求待办", "上报问题", "我的上报", "民情日记", "网格巡查", "议事程序"],
    "jin.yi": ["待办派单", "上报问题", "我的上报", "民情日记", "网格巡查", "驾驶舱"],
    "yu.zhenying": ["驾驶舱", "议事程序", "预警", "督办清单", "全部诉求"],
    "wei.yayi": ["驾驶舱", "诉求待办", "督办清单", "全部诉求"],
}


@pytest.mark.parametrize("username", list(MENUS))
def test_menu_follows_the_role(open_console, username):
    page = open_console(username)
    assert page.locator("#menu a").all_inner_texts() == MENUS[username]
    assert page.locator("#who").inner_text().startswith(
        {"he.fangya": "何芳雅", "dong.qing": "董庆", "tu.su": "屠素", "jin.yi": "金怡",
         "yu.zhenying": "俞珍颖", "wei.yayi": "魏雅怡"}[username])


def test_overdue_list_and_online_urge(open_console, activity):
    page = open_console("dong.qing")
    go(page, "#/overdue")
    open_item(page, "assignment-list", "农村房屋安全隐患排查")
    expect(page.locator("#view")).to_contain_text("已超期")
    action(page, "urge", {"note": "已超期，请今日签收办理"})
    expect(page.locator("#assignment-timeline li[data-action=urge]")).to_contain_text("已超期，请今日签收办理")
    expect(page.locator("#view")).to_contain_text("1 次")


def test_town_office_handles_what_it_was_assigned(open_console, activity):
    page = open_console("wei.yayi")
    go(page, "#/petitions?view=open")
    open_item(page, "petition-list", "彩钢棚")
    expect_text(page, "#petition-level", "镇级")
    action(page, "resolve", {"result": "已责令当事人自行拆除，现场复核完毕"})
    expect_text(page, "#petition-status", "已办结")
    go(page, "#/petitions?view=supervision")
    expect(page.locator("#view h1")).to_have_text("督办清单")


def test_supervisor_reads_procedures_and_warnings_without_actions(open_console, activity, shots):
    page = open_console("yu.zhenying")
    go(page, "#/warnings")
    expect(page.locator("#warning-list li", has_text="重大事项未经程序")).to_be_visible()
    expect(page.locator("#warning-list")).to_contain_text("竹溪村")
    shots(page, "supervisor-warnings")
    go(page, "#/procedures")
    expect(page.locator("#view h1")).to_have_text("议事程序")
    expect(page.locator("#procedure-list li").first).to_be_visible()
    page.locator("#procedure-list li a.title").first.click()
    expect(page.locator("#view")).to_contain_text("当前环节")
    go(page, "#/petitions?view=all")
    page.locator("#petition-list li a.title").first.click()
    expect(page.locator("#petition-timeline")).to_be_visible()
    expect(page.locator("#petition-actions button")).to_have_count(0)  # reads, never writes


def test_town_leader_sees_only_what_the_api_allows_on_a_village_petition(open_console, api, login):
    """办结 / 上报镇街 / 受理 belong to the handling village; the town may only 督办 (and decide 延期)."""
    headers = login("tu.su")
    created = api.post("/api/v1/petitions", headers=headers, json={
        "source": "mailbox", "content": "村口水塘护栏松动，孩子放学经过有危险", "village_id": "330688100201"})
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    town = open_console("he.fangya")
    go(town, f"#/petition/{pid}")
    expect_text(town, "#petition-status", "待受理")
    assert town.locator("#petition-actions button").evaluate_all("bs => bs.map(b => b.id)") == ["urge"]
    accepted = api.post(f"/api/v1/petitions/{pid}/accept", json={}, headers=headers)
    assert accepted.status_code == 200, accepted.text
    go(town, f"#/petition/{pid}")
    expect_text(town, "#petition-status", "办理中")
    assert town.locator("#petition-actions button").evaluate_all("bs => bs.map(b => b.id)") == ["urge"]
    # the API agrees: the town leader is not the handler of a village petition
    refused = api.post(f"/api/v1/petitions/{pid}/resolve", json={"result": "已处理"}, headers=login("he.fangya"))
    assert refused.status_code == 403, refused.text
    village = open_console("tu.su")
    go(village, f"#/petition/{pid}")
    ids = village.locator("#petition-actions button").evaluate_all("bs => bs.map(b => b.id)")
    assert {"resolve", "escalate", "request-extension"} <= set(ids) and "urge" not in ids
    assert town.console_errors == [] and village.console_errors == []
