"""Getting in: a person signs in, sees their projects and balances in their language, and comes back where they were."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.web.conftest import assert_accessible, screenshot


def sign_in(page, email: str, password: str) -> None:
    page.get_by_label(re.compile("Электронная почта|Email")).fill(email)
    page.get_by_label(re.compile("^(Пароль|Password)$")).fill(password)
    page.get_by_role("button", name=re.compile("^(Войти|Sign in)$")).click()


def test_the_owner_signs_in_and_sees_the_demo_project_with_its_balance_in_roubles(new_page, cabinet, width):
    page = new_page(width)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/$"))
    expect(page.get_by_role("heading", name="Вход в кабинет")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "sign-in-ru")

    sign_in(page, cabinet.owner_email, cabinet.owner_password)

    expect(page.get_by_role("heading", name="Проекты")).to_be_visible()
    projects = page.locator("[data-test=projects]")
    expect(projects).to_contain_text("Demo project")
    # 100 000,00 ₽ with the group and currency separators Russian uses (no-break spaces).
    expect(projects).to_contain_text(re.compile(r"100\s000,00\s₽"))
    expect(page.locator("[data-test=footer-balance]")).to_contain_text(re.compile(r"Demo project: 100\s000,00\s₽"))
    expect(page.locator("[data-test=who]")).to_have_text(cabinet.owner_email)
    assert_accessible(page)
    screenshot(page, "home-ru")

    page.get_by_role("button", name="EN").click()
    expect(page.get_by_role("heading", name="Projects")).to_be_visible()
    expect(projects).to_contain_text("₽100,000.00")
    expect(page.get_by_role("columnheader", name="Available")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "home-en")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to the cabinet")).to_be_visible()
    screenshot(page, "sign-in-en")

    # The choice was kept in the person's profile: in a new browser, after sign-in, the cabinet speaks English.
    elsewhere = new_page(width)
    elsewhere.goto("/sign-in")
    sign_in(elsewhere, cabinet.owner_email, cabinet.owner_password)
    expect(elsewhere.get_by_role("heading", name="Projects")).to_be_visible()


def test_a_wrong_password_is_said_in_the_persons_language_and_the_email_stays_typed(new_page, cabinet):
    page = new_page()
    page.goto("/sign-in")
    sign_in(page, cabinet.owner_email, "not-the-password-at-all")
    expect(page.get_by_role("alert")).to_have_text("Неверная почта или пароль.")
    expect(page.get_by_label("Электронная почта")).to_have_value(cabinet.owner_email)
    assert_accessible(page)

    page.get_by_role("button", name="EN").click()
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong email or password.")


def test_a_deep_link_asks_to_sign_in_then_returns_there_and_an_unknown_page_says_not_found(new_page, cabinet):
    page = new_page()
    page.goto("/projects/00000000-0000-0000-0000-000000000000")
    expect(page.get_by_role("heading", name="Вход в кабинет")).to_be_visible()
    sign_in(page, cabinet.owner_email, cabinet.owner_password)
    expect(page).to_have_url(re.compile(r"/projects/00000000-0000-0000-0000-000000000000$"))
    expect(page.get_by_text("Не найдено")).to_be_visible()
    expect(page.get_by_text("Такой страницы нет, или она вам недоступна.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "not-found-ru")


def test_an_expired_session_asks_to_sign_in_again_and_returns_to_the_screen(new_page, cabinet):
    page = new_page()
    page.goto("/sign-in")
    sign_in(page, cabinet.owner_email, cabinet.owner_password)
    expect(page.get_by_role("heading", name="Проекты")).to_be_visible()
    page.goto("/somewhere-else")
    expect(page.get_by_text("Не найдено")).to_be_visible()

    page.context.clear_cookies()  # the session ends on the server's side of the browser
    page.get_by_role("button", name="На главную").click()

    expect(page.get_by_role("alert")).to_have_text("Сессия истекла: войдите снова.")
    sign_in(page, cabinet.owner_email, cabinet.owner_password)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="Проекты")).to_be_visible()
