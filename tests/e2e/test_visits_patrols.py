"""民情日记 and 网格巡查 in the console: a grid worker visits a red household and patrols the grid."""
from playwright.sync_api import expect

from tests.e2e.console_helpers import go

API = "/api/v1"


def test_grid_worker_visits_a_due_household_and_turns_a_concern_into_a_petition(
        open_console, api, login, shots):
    page = open_console("jin.yi")
    page.locator("#menu a", has_text="民情日记").click()
    expect(page.locator("#view h1")).to_have_text("民情日记")
    expect(page.locator("#due-households li").first).to_contain_text("红色户")  # red first
    due = page.locator("#due-households li", has_text="韩法松")
    expect(due).to_contain_text("从未走访")
    household_id = due.get_attribute("data-id")
    due.locator("button.visit-this").click()
    form = page.locator("#visit-form")
    expect(form.locator("[name=household_id]")).to_have_value(household_id)
    form.locator("[name=content]").fill("老人独居，身体尚可，家中米油充足，叮嘱注意用电安全")
    form.locator("[name=concerns]").fill("屋后排水沟堵塞，下雨天积水进屋")
    form.locator("[name=open_petition]").check()
    form.locator("button[type=submit]").click()
    entry = page.locator("#visit-list li", has_text="韩法松")
    expect(entry).to_contain_text("叮嘱注意用电安全")
    expect(entry).to_contain_text("群众诉求：屋后排水沟堵塞")
    expect(page.locator("#due-households li", has_text="韩法松")).to_have_count(0)  # visited today
    shots(page, "visit-diary")
    entry.locator("a.petition-link").click()
    expect(page.locator("#view h1")).to_have_text("民情日记：韩法松户")   # the petition it opened
    expect(page.locator("#view")).to_contain_text("屋后排水沟堵塞")
    mine = api.get(f"{API}/visit-diaries", params={"view": "mine"}, headers=login("jin.yi")).json()
    [visit] = [v for v in mine["visits"] if v["household_id"] == household_id]
    assert visit["petition_id"] and visit["concerns"] == "屋后排水沟堵塞，下雨天积水进屋"
    # the village secretary reads the whole village's diaries, with who visited
    secretary = open_console("tu.su")
    go(secretary, "#/visits?view=all")
    expect(secretary.locator("#visit-list li", has_text="韩法松")).to_contain_text("金怡")
    assert page.console_errors == [] and secretary.console_errors == []


def test_grid_worker_records_a_patrol_and_the_problem_found_is_reported(
        open_console, api, login, shots):
    page = open_console("jin.yi")
    page.locator("#menu a", has_text="网格巡查").click()
    expect(page.locator("#view h1")).to_have_text("网格巡查")
    form = page.locator("#patrol-form")
    expect(form).to_contain_text("桃源村第一网格")
    form.locator("label", has_text="留守儿童和困境儿童").locator("input").check()
    form.locator("label", has_text="垃圾分类投放点").locator("input").check()
    form.locator("[name=note]").fill("走访两户留守儿童家庭，检查垃圾分类点三处")
    form.locator("[name=issue]").fill("上宅自然村垃圾分类点桶体破损，垃圾满溢")
    form.locator("[name=issue_element_code]").select_option("E08-05")
    form.locator("button[type=submit]").click()
    item = page.locator("#patrol-list li", has_text="检查垃圾分类点三处")
    expect(item).to_contain_text("巡查要素：留守儿童和困境儿童、垃圾分类投放点")
    expect(item).to_contain_text("金怡")
    shots(page, "patrol")
    item.locator("a.petition-link").click()
    expect(page.locator("#view h1")).to_contain_text("桶体破损")
    expect(page.locator("#view")).to_contain_text("网格上报")
    patrols = api.get(f"{API}/patrols", headers=login("jin.yi")).json()["patrols"]
    [patrol] = [p for p in patrols if p["note"] == "走访两户留守儿童家庭，检查垃圾分类点三处"]
    assert patrol["element_codes"] == ["E04-04", "E08-05"] and patrol["petition_id"]
    petition = api.get(f"{API}/petitions/{patrol['petition_id']}", headers=login("jin.yi")).json()
    assert (petition["source"], petition["element_code"]) == ("grid_report", "E08-05")
    # the village secretary reads the village's patrols but records none (patrols are the grid's)
    secretary = open_console("tu.su")
    secretary.locator("#menu a", has_text="网格巡查").click()
    expect(secretary.locator("#patrol-list li", has_text="检查垃圾分类点三处")).to_be_visible()
    expect(secretary.locator("#patrol-form")).to_have_count(0)
    assert page.console_errors == [] and secretary.console_errors == []
