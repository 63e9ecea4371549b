"""The profile: a person chooses their language and time zone, and every screen follows."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.web.conftest import assert_accessible, screenshot
from tests.web.test_getting_in import sign_in


def _demo_top_up_moment(cabinet) -> datetime:
    with cabinet.api() as api:
        project = next(p for p in api.get("/api/v1/projects").json()["items"] if p["name"] == "Demo project")
        entries = api.get(f"/api/v1/projects/{project['id']}/ledger", params={"kind": "top_up"}).json()["items"]
    return datetime.fromisoformat(entries[-1]["created_at"])


def test_the_owner_switches_to_english_and_almaty_time_and_the_ledger_follows(new_page, cabinet, width):
    moment = _demo_top_up_moment(cabinet)
    page = new_page(width)
    page.goto("/sign-in")
    sign_in(page, cabinet.owner_email, cabinet.owner_password)
    page.get_by_role("link", name="Профиль").click()
    expect(page.get_by_role("heading", name="Профиль")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "profile-ru")

    # Both lists are typed into and chosen with Enter, as a person using the keyboard would.
    page.locator("[data-test=zone]").click()
    page.keyboard.type("Asia/Almaty")
    page.keyboard.press("Enter")
    expect(page.locator("[data-test=zone]")).to_contain_text("Asia/Almaty")
    page.locator("[data-test=language]").click()
    page.keyboard.type("English")
    page.keyboard.press("Enter")
    expect(page.locator("[data-test=language]")).to_contain_text("English")
    page.get_by_role("button", name="Сохранить").click()

    expect(page.get_by_text("Profile saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Profile")).to_be_visible()
    try:
        page.get_by_role("link", name="Home").click()
        page.get_by_role("link", name="Demo project").click()
        almaty = moment.astimezone(ZoneInfo("Asia/Almaty")).strftime("%H:%M")
        expect(page.locator("[data-test=ledger]").get_by_role("row").filter(has_text="Top-up")).to_contain_text(almaty)
        screenshot(page, "project-almaty-en")
    finally:
        with cabinet.owner_session() as owner:
            owner.patch("/api/v1/auth/me", json={"time_zone": "Europe/Moscow"}).raise_for_status()
