"""The 驾驶舱 with the demo county's activity: indicators, charts, leaderboards, drill-down, refresh."""
from playwright.sync_api import expect

from tests.e2e.console_helpers import go

TOWN, TAOYUAN = "330688100", "330688100201"


def tile(page, tile_id: str) -> int:
    return int(page.locator(f"#{tile_id} .tile-value").inner_text())


def test_town_dashboard_shows_the_real_numbers(open_console, activity, api, login, shots):
    page = open_console("he.fangya")
    go(page, "#/dashboard")
    expect(page.locator("#dash-title")).to_have_text("溪口镇 驾驶舱")
    expect(page.locator("#refreshed-at")).not_to_have_text("—")
    headers = login("he.fangya")
    assignments = api.get("/api/v1/assignments", params={"town_id": TOWN, "page_size": 500},
                          headers=headers).json()["assignments"]
    stats = api.get("/api/v1/petition-statistics", params={"org_id": TOWN}, headers=headers).json()
    assert tile(page, "kpi-assignments") == len(assignments) >= 9
    assert tile(page, "kpi-overdue") == sum(a["overdue"] and a["state"] != "accepted" for a in assignments) >= 1
    assert tile(page, "kpi-petitions") == stats["overall"]["total"] >= 6
    assert tile(page, "kpi-warnings") >= 1
    # every assignment state is drawn with its count
    bars = page.locator("#chart-assignments rect[data-value]").evaluate_all(
        "rects => rects.map(r => Number(r.dataset.value))")
    assert sum(bars) == len(assignments) and len([b for b in bars if b]) >= 3
    expect(page.locator("#chart-rates svg")).to_have_count(3)
    expect(page.locator("#chart-rates")).to_contain_text(f"{stats['overall']['closure_rate'] * 100:.1f}%")
    expect(page.locator("#chart-warnings")).to_contain_text("重大事项未经程序")
    expect(page.locator("#board-villages li").first).to_be_visible()
    expect(page.locator("#board-villages .move").first).to_be_visible()
    expect(page.locator("#board-cadres")).to_be_visible()
    expect(page.locator("#drill-down")).to_contain_text("桃源村")
    expect(page.locator("#overdue-alerts")).to_contain_text("农村房屋安全隐患排查")
    shots(page, "dashboard-town")

    page.locator("#drill-down a.drill", has_text="桃源村").click()
    expect(page.locator("#dash-title")).to_have_text("桃源村 驾驶舱")
    village = api.get("/api/v1/assignments", params={"village_id": TAOYUAN, "page_size": 500},
                      headers=headers).json()["assignments"]
    expect(page.locator("#kpi-assignments .tile-value")).to_have_text(str(len(village)))
    page.locator(".crumbs a", has_text="溪口镇").click()
    expect(page.locator("#dash-title")).to_have_text("溪口镇 驾驶舱")
    assert page.console_errors == []


def test_county_drills_down_to_town_and_village(open_console, activity, shots):
    page = open_console("fu.min")
    go(page, "#/dashboard")
    expect(page.locator("#dash-title")).to_have_text("越溪县 驾驶舱")
    expect(page.locator("#drill-down")).to_contain_text("溪口镇")
    assert int(page.locator("#kpi-petitions .tile-value").inner_text()) >= 7
    shots(page, "dashboard-county")
    page.locator("#drill-down a.drill", has_text="溪口镇").click()
    expect(page.locator("#dash-title")).to_have_text("溪口镇 驾驶舱")
    page.locator("#drill-down a.drill", has_text="竹溪村").click()
    expect(page.locator("#dash-title")).to_have_text("竹溪村 驾驶舱")
    expect(page.locator(".crumbs")).to_have_text("越溪县 › 溪口镇 › 竹溪村")
    expect(page.locator("#kpi-overdue")).to_have_class("tile alert")


def test_dashboard_refreshes_by_itself(open_console, activity):
    page = open_console("dong.qing")
    go(page, "#/dashboard?refresh=5")
    expect(page.locator("#refreshed-at")).to_have_attribute("data-count", "1")
    expect(page.locator(".refresh")).to_contain_text("每 5 秒自动刷新")
    expect(page.locator("#refreshed-at")).to_have_attribute("data-count", "2", timeout=9_000)
    go(page, "#/inbox")  # leaving the page stops its timer
    page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('#refreshed-at')") is None


def test_village_secretary_sees_other_villages_and_cadres_by_name(open_console, activity):
    # 屠素 may not read the other villages of her town, yet their ranks are shown to her (晾晒)
    page = open_console("tu.su")
    go(page, "#/dashboard?refresh=5")
    expect(page.locator("#dash-title")).to_have_text("桃源村 驾驶舱")
    board = page.locator("#board-villages")
    expect(board).to_contain_text("上蒋村", timeout=20_000)
    expect(board).to_contain_text("竹溪村")
    names = board.locator(".name").all_inner_texts()
    assert len(names) >= 3 and not [n for n in names if n.startswith("村社")], names
    # 桃源村's own cadres are named with their village
    expect(page.locator("#board-cadres .name").first).to_contain_text("（桃源村）")
    assert not [n for n in page.locator("#board-cadres .name").all_inner_texts()
                if n.startswith("人员")]
    assert page.console_errors == []
