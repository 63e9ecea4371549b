"""Every email kind renders in Russian and English, datetimes in the recipient's zone, HTML escaped."""

from __future__ import annotations

import pytest

from gifthub.adapters.email.renderer import KINDS, LANGUAGES, JinjaEmailRenderer
from gifthub.application.ports.email_renderer import UnknownTemplate

CONTEXT = {
    key: "2026-11-22T04:30:00+00:00"
    for key in ("expires_at", "changed_at", "completed_at", "valid_until", "due_at", "paid_at", "at", "registered_at")
} | {
    key: f"<{key}>"
    for key in (
        "cabinet_name",
        "inviter",
        "link",
        "name",
        "change",
        "order_number",
        "project_name",
        "certificates",
        "amount",
        "currency",
        "brand",
        "code",
        "invoice_number",
        "remaining",
        "available",
        "threshold",
        "company_name",
        "tax_id",
    )
}

renderer = JinjaEmailRenderer()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_text_and_escaped_html(kind: str, language: str) -> None:
    email = renderer.render(kind, language, "Asia/Yekaterinburg", CONTEXT)
    assert email.subject and "\n" not in email.subject
    assert "{{" not in email.text and "{%" not in email.text
    assert "<script" not in email.html
    if "<name>" in email.text:
        assert "&lt;name&gt;" in email.html  # the HTML part is escaped
    if "2026" in email.text:
        assert ("22.11.2026 09:30" if language == "ru" else "22 Nov 2026, 09:30") in email.text
        assert "(Asia/Yekaterinburg)" in email.text


def test_russian_and_english_differ() -> None:
    ru = renderer.render("low_balance", "ru", "Europe/Moscow", CONTEXT)
    en = renderer.render("low_balance", "en", "Europe/Moscow", CONTEXT)
    assert ru.subject.startswith("Низкий баланс") and en.subject.startswith("Low balance")


def test_unknown_template_zone_or_missing_value_is_named() -> None:
    with pytest.raises(UnknownTemplate, match="no email template 'nope'"):
        renderer.render("nope", "ru", "Europe/Moscow", CONTEXT)
    with pytest.raises(UnknownTemplate, match="unknown time zone 'Mars/Olympus'"):
        renderer.render("welcome", "ru", "Mars/Olympus", CONTEXT)
    with pytest.raises(UnknownTemplate, match="needs a context value"):
        renderer.render("welcome", "en", "Europe/Moscow", {})
