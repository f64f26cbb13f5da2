"""Small helpers of the browser tests: go to a console page, open a list item, run an action."""
from __future__ import annotations

from playwright.sync_api import Page, expect


def go(page: Page, route: str) -> None:
    """Navigate inside the single-page console (a hash change; the same hash renders the page
    again) and wait until that page has rendered."""
    page.evaluate("""route => {
        const view = document.getElementById("view");
        view.dataset.ready = "0";
        if (location.hash === route) window.dispatchEvent(new HashChangeEvent("hashchange"));
        else location.hash = route;
    }""", route)
    page.wait_for_function("""route => {
        const view = document.getElementById("view");
        return view.dataset.ready === "1" && view.dataset.route === route;
    }""", arg=route)


def open_item(page: Page, list_id: str, text: str) -> None:
    page.locator(f"#{list_id} li", has_text=text).first.locator("a.title").click()


def action(page: Page, button_id: str, fields: dict | None = None, checks: list[str] | None = None) -> None:
    """Click an action button; fill its form (if it has one) and confirm it."""
    page.click(f"#{button_id}")
    if fields is None and checks is None:
        return
    form = page.locator(f"#{button_id}-form")
    expect(form).to_be_visible()
    for name, value in (fields or {}).items():
        control = form.locator(f"[name={name}]")
        if isinstance(value, dict):  # a file: {"name", "mimeType", "buffer"}
            control.set_input_files(files=[value])
        elif control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(str(value))
    for selector in checks or []:
        form.locator(selector).check()
    form.locator("button[type=submit]").click()


def expect_text(page: Page, selector: str, text: str) -> None:
    expect(page.locator(selector)).to_have_text(text)
