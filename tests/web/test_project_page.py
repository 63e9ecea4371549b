"""A project's page: its balance and its ledger; another cabinet's project is simply not found."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.web.conftest import assert_accessible, screenshot
from tests.web.test_getting_in import sign_in


def test_the_owner_opens_the_project_and_reads_its_ledger_in_their_zone_and_language(new_page, cabinet, width):
    page = new_page(width)
    page.goto("/sign-in")
    sign_in(page, cabinet.owner_email, cabinet.owner_password)
    page.get_by_role("link", name="Demo project").click()

    expect(page.get_by_role("heading", name="Demo project")).to_be_visible()
    figures = page.locator("[data-test=balance]")
    expect(figures).to_contain_text("Доступно")
    expect(figures).to_contain_text(re.compile(r"100\s000,00\s₽"))
    ledger = page.locator("[data-test=ledger]")
    expect(ledger.get_by_role("row").filter(has_text="Пополнение")).to_contain_text(re.compile(r"100\s000,00\s₽"))
    assert_accessible(page)
    screenshot(page, "project-ru")

    # Only corrections: the demo has none, and the table says so.
    page.get_by_role("checkbox", name="Корректировка").check()
    expect(ledger).to_contain_text("Операций пока нет.")
    page.get_by_role("checkbox", name="Корректировка").uncheck()
    expect(ledger).to_contain_text("Пополнение")

    page.get_by_role("button", name="EN").click()
    expect(ledger.get_by_role("row").filter(has_text="Top-up")).to_contain_text("₽100,000.00")
    screenshot(page, "project-en")


def test_another_cabinets_project_is_not_found_however_it_is_reached(new_page, cabinet):
    with cabinet.api() as api:
        other = api.post("/api/v1/cabinets", json={"name": "Somebody else"}).json()
        foreign = api.post(f"/api/v1/cabinets/{other['id']}/projects", json={"name": "Their money", "region": "RU"})
        assert foreign.status_code == 201, foreign.text
    page = new_page()
    page.goto("/sign-in")
    sign_in(page, cabinet.owner_email, cabinet.owner_password)
    expect(page.get_by_role("heading", name="Проекты")).to_be_visible()
    page.goto(f"/projects/{foreign.json()['id']}")
    expect(page.get_by_text("Такой страницы нет, или она вам недоступна.")).to_be_visible()
    expect(page.get_by_text("Their money")).to_have_count(0)
