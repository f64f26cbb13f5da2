"""The bottom-up loop in the browser: a grid worker reports a problem with a photo, the village
accepts and resolves it, the reporter follows up and the village closes it."""
import httpx
from playwright.sync_api import expect

from tests.e2e.console_helpers import action, expect_text, go, open_item
from tests.integration.test_attachments import png_pixel

PROBLEM = "桃源村村口石桥护栏断裂两米多，夜间行人有坠河危险"
PHOTO = "https://files.example.cn/snap/bridge-rail.jpg"


def test_bottom_up_report_through_the_console(open_console, api, login, shots):
    worker = open_console("jin.yi")
    go(worker, "#/report")
    form = worker.locator("#report-form")
    form.locator("[name=content]").fill(PROBLEM)
    worker.click("#triage-button")
    expect(worker.locator("#triage-result li").first).to_be_visible()
    form.locator("[name=element_code]").select_option("E08-01")
    form.locator("[name=photo_files]").set_input_files(
        files=[{"name": "bridge.png", "mimeType": "image/png", "buffer": png_pixel()}])
    form.locator("[name=photo_urls]").fill(PHOTO)
    form.locator("[name=address]").fill("桃源村村口石桥")
    worker.click("#report-submit")
    expect_text(worker, "#petition-status", "待受理")
    photos = worker.locator("#petition-photos img")
    expect(photos).to_have_count(2)
    expect(photos.nth(1)).to_have_attribute("src", PHOTO)
    uploaded = photos.nth(0).get_attribute("src")
    assert "/api/v1/attachments/" in uploaded
    worker.wait_for_function("img => img.complete && img.naturalWidth === 1", arg=photos.nth(0).element_handle())
    petition_id = worker.evaluate("location.hash").split("/")[-1]

    secretary = open_console("tu.su")
    go(secretary, "#/petitions?view=open")
    open_item(secretary, "petition-list", PROBLEM[:20])
    action(secretary, "accept")
    expect_text(secretary, "#petition-status", "办理中")
    expect_text(secretary, "#petition-level", "村级")
    action(secretary, "resolve", {"result": "已设置临时围挡，村里出资更换护栏"})
    expect_text(secretary, "#petition-status", "已办结")

    go(worker, f"#/petition/{petition_id}")
    action(worker, "follow-up", {"satisfaction": "satisfied", "comment": "护栏已换新"})
    expect_text(worker, "#petition-status", "已回访")
    go(secretary, f"#/petition/{petition_id}")
    action(secretary, "close")
    expect_text(secretary, "#petition-status", "已关闭")
    steps = secretary.locator("#petition-timeline li").evaluate_all("items => items.map(i => i.dataset.action)")
    assert steps == ["received", "accepted", "resolved", "followed_up", "closed"]
    shots(secretary, "petition-timeline")

    go(worker, "#/petitions?view=reported_by_me")
    expect(worker.locator("#petition-list li", has_text=PROBLEM[:20])).to_contain_text("已关闭")
    stored = api.get(f"/api/v1/petitions/{petition_id}", headers=login("tu.su")).json()
    assert (stored["status"], stored["resolved_level"], stored["satisfaction"]) == (
        "closed", "village", "satisfied")
    assert stored["photo_urls"] == [uploaded, PHOTO]
    assert httpx.get(uploaded).content == png_pixel()
    assert worker.console_errors == [] and secretary.console_errors == []
