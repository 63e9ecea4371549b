"""Every link GiftHub emails opens a real page: the invitation and the password reset, in the person's language."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

from tests.web.conftest import assert_accessible, screenshot
from tests.web.test_getting_in import sign_in

STRONG = "Rainy-Tuesday-Harbour-42"


def test_an_invited_manager_sets_a_password_from_the_emailed_link_and_signs_in(new_page, cabinet):
    address = f"manager-{uuid.uuid4().hex[:8]}@client.example"
    with cabinet.api() as api:
        invited = api.post(
            f"/api/v1/cabinets/{cabinet.demo_cabinet_id()}/members/invite",
            json={"email": address, "role": "manager"},
        )
        assert invited.status_code in (200, 201, 202), invited.text
    link = cabinet.emailed_link(address, "/invitation?token=")

    page = new_page()
    page.goto(link)
    expect(page.get_by_role("heading", name="Приглашение в кабинет")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "invitation-ru")

    # A password the API refuses: said at the field, in Russian, and what was typed stays.
    page.get_by_label("Пароль", exact=True).fill("short")
    page.get_by_label("Пароль ещё раз").fill("short")
    page.get_by_role("button", name="Задать пароль").click()
    expect(page.get_by_text(re.compile("^Пароль не подходит"))).to_be_visible()
    expect(page.get_by_label("Пароль", exact=True)).to_have_value("short")
    screenshot(page, "invitation-refused-ru")

    page.get_by_label("Пароль", exact=True).fill(STRONG)
    page.get_by_label("Пароль ещё раз").fill(STRONG + "!")
    expect(page.get_by_text("Пароли не совпадают.")).to_be_visible()
    expect(page.get_by_role("button", name="Задать пароль")).to_be_disabled()
    page.get_by_label("Пароль ещё раз").fill(STRONG)
    page.get_by_role("button", name="Задать пароль").click()

    expect(page.get_by_text("Пароль задан: войдите с ним.")).to_be_visible()
    sign_in(page, address, STRONG)
    expect(page.get_by_role("heading", name="Проекты")).to_be_visible()
    expect(page.locator("[data-test=projects]")).to_contain_text("Demo project")

    # The link is spent: opened again, it says so instead of failing silently.
    again = new_page()
    again.goto(link)
    again.get_by_label("Пароль", exact=True).fill(STRONG)
    again.get_by_label("Пароль ещё раз").fill(STRONG)
    again.get_by_role("button", name="Задать пароль").click()
    expect(again.get_by_role("alert")).to_have_text("Ссылка недействительна или устарела: попросите новую.")


def test_a_person_who_forgot_the_password_gets_a_link_and_sets_a_new_one(new_page, cabinet, width):
    address = f"accountant-{uuid.uuid4().hex[:8]}@client.example"
    with cabinet.api() as api:
        api.post(
            f"/api/v1/cabinets/{cabinet.demo_cabinet_id()}/members/invite",
            json={"email": address, "role": "accountant", "language": "en"},
        ).raise_for_status()
        accepted = api.post(
            "/api/v1/auth/invitations/accept",
            json={"token": _token(cabinet.emailed_link(address, "/invitation?token=")), "password": STRONG},
        )
        assert accepted.status_code == 200, accepted.text

    page = new_page(width)
    page.goto("/sign-in")
    page.get_by_role("button", name="EN").click()
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", name="Password recovery")).to_be_visible()
    page.get_by_label("Email").fill(address)
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator("[data-test=reset-sent]")).to_contain_text("If this address is registered")
    assert_accessible(page)
    screenshot(page, "reset-sent-en")

    page.goto(cabinet.emailed_link(address, "/password-reset?token="))
    expect(page.get_by_role("heading", name="New password")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "reset-en")
    page.get_by_label("Password", exact=True).fill(STRONG + "-new")
    page.get_by_label("Password again").fill(STRONG + "-new")
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_text("Your password has been changed: sign in with the new one.")).to_be_visible()
    sign_in(page, address, STRONG + "-new")
    expect(page.get_by_role("heading", name="Projects")).to_be_visible()


def _token(link: str) -> str:
    return link.split("token=", 1)[1]
