"""A phone-sized screen (375 px): no sideways scrolling, the menu behind a button, work still done."""
from playwright.sync_api import expect

from tests.e2e.console_helpers import go

PHONE = {"width": 375, "height": 740, "mobile": True}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_phone_dashboard_and_menu(open_console, activity, shots):
    page = open_console("tu.su", **PHONE)
    go(page, "#/dashboard")
    expect(page.locator("#dash-title")).to_have_text("桃源村 驾驶舱")
    expect(page.locator("#chart-rates svg").first).to_be_visible()
    assert overflow(page) <= 0
    shots(page, "dashboard-phone")
    menu = page.locator("#menu")
    assert menu.bounding_box()["x"] < 0 or not menu.is_visible()  # off screen until asked for
    page.click("#menu-toggle")
    expect(menu.locator("a", has_text="待办派单")).to_be_in_viewport()
    menu.locator("a", has_text="上报问题").click()
    expect(page.locator("#report-form")).to_be_visible()
    assert overflow(page) <= 0
    page.wait_for_function("() => document.querySelector('#menu').getBoundingClientRect().right <= 0")


def test_phone_inbox_and_petition_pages_fit(open_console, activity, shots):
    page = open_console("jin.yi", **PHONE)
    for route in ("#/inbox", "#/petitions?view=reported_by_me", "#/report"):
        go(page, route)
        assert overflow(page) <= 0, route
    go(page, "#/petitions?view=reported_by_me")
    page.locator("#petition-list li a.title").first.click()
    expect(page.locator("#petition-timeline")).to_be_visible()
    assert overflow(page) <= 0
    shots(page, "petition-phone")
