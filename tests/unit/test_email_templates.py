"""Every email kind renders in Russian and English from exactly its typed context (domain/email_messages):
a template may use only its message's fields, moments show in the recipient's zone, HTML is escaped."""

from __future__ import annotations

import ast
import io
import json
import zipfile
from dataclasses import fields
from pathlib import Path

import pytest
from jinja2 import Environment, meta

from gifthub.adapters.email.renderer import HELPERS, KINDS, LANGUAGES, TEMPLATES, JinjaEmailRenderer
from gifthub.application.ports.email_renderer import UnknownTemplate
from gifthub.domain.email_messages import EMAIL_MESSAGES, EmailMessage

MOMENT = "2026-11-22T04:30:00+00:00"
SOURCE = Path(__file__).resolve().parents[2] / "src" / "gifthub"
renderer = JinjaEmailRenderer(public_url="https://cabinet.example.ru")


def sample(kind: type[EmailMessage]) -> EmailMessage:
    """Every field filled: moments and dates as ISO strings, the rest with a marker that must be escaped."""
    values: dict[str, str] = {}
    for field in fields(kind):
        name = field.name
        if name.endswith("_at") or name == "at":
            values[name] = MOMENT
        elif name in ("due_on", "day"):
            values[name] = "2026-12-01"
        elif name == "certificates" and kind.template == "certificates_archive":
            values[name] = json.dumps([{"product_name": "Ozon", "nominal": "1000.00", "code": "C-1"}] * 2)
        elif name in ("change",):
            values[name] = "enabled"
        else:
            values[name] = f"<{name}>"
    return kind(**values)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_template_uses_only_the_fields_of_its_message(kind: str, language: str) -> None:
    environment = Environment()
    source = (TEMPLATES / language / f"{kind}.j2").read_text(encoding="utf-8")
    used = meta.find_undeclared_variables(environment.parse(source))
    declared = {field.name for field in fields(EMAIL_MESSAGES[kind])}
    assert used - declared - set(HELPERS) == set(), f"{language}/{kind}.j2 uses values its message lacks"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_text_and_escaped_html(kind: str, language: str) -> None:
    message = sample(EMAIL_MESSAGES[kind])
    email = renderer.render(kind, language, "Asia/Yekaterinburg", message.context())
    assert email.subject and "\n" not in email.subject
    assert "{{" not in email.text and "{%" not in email.text
    assert "<script" not in email.html
    for value in message.context().values():
        if value.startswith("<") and value in email.text:
            escaped = value.replace("<", "&lt;").replace(">", "&gt;")
            assert escaped in email.html or escaped.replace("_", " ") in email.html
    if MOMENT in message.context().values():
        assert ("22.11.2026 09:30" if language == "ru" else "22 Nov 2026, 09:30") in email.text
        assert "(Asia/Yekaterinburg)" in email.text


def test_links_point_at_the_public_address() -> None:
    invitation = renderer.render("invitation", "ru", "Europe/Moscow", sample(EMAIL_MESSAGES["invitation"]).context())
    assert "https://cabinet.example.ru/invitation?token=<token>" in invitation.text
    assert 'href="https://cabinet.example.ru/invitation?token=&lt;token&gt;"' in invitation.html
    assert "владелец" not in invitation.text  # the role marker is shown as given when it is not a known role


def test_the_archive_and_the_registry_travel_as_attached_files() -> None:
    archive = renderer.render(
        "certificates_archive", "en", "UTC", sample(EMAIL_MESSAGES["certificates_archive"]).context()
    )
    [attached] = archive.attachments
    assert attached.content_type == "application/zip" and attached.filename == "order-<order_id>.zip"
    with zipfile.ZipFile(io.BytesIO(attached.content)) as opened:
        assert sorted(opened.namelist()) == ["certificate-0001.txt", "certificate-0002.txt", "certificates.csv"]
        assert "code: C-1" in opened.read("certificate-0001.txt").decode()
        assert opened.read("certificates.csv").decode("utf-8-sig").splitlines()[1].startswith("Ozon;1000.00;")
    registry = renderer.render("invoice_registry", "ru", "UTC", {"day": "2026-11-21", "count": "1", "csv": "a;b\r\n"})
    [csv_file] = registry.attachments
    assert csv_file.filename == "invoice-registry-2026-11-21.csv" and csv_file.content == "\ufeffa;b\r\n".encode()


def test_russian_and_english_differ() -> None:
    context = sample(EMAIL_MESSAGES["low_balance"]).context()
    ru = renderer.render("low_balance", "ru", "Europe/Moscow", context)
    en = renderer.render("low_balance", "en", "Europe/Moscow", context)
    assert ru.subject.startswith("Низкий баланс") and en.subject.startswith("Low balance")


def test_unknown_template_zone_or_missing_value_is_named() -> None:
    context = sample(EMAIL_MESSAGES["welcome"]).context()
    with pytest.raises(UnknownTemplate, match="no email template 'nope'"):
        renderer.render("nope", "ru", "Europe/Moscow", context)
    with pytest.raises(UnknownTemplate, match="unknown time zone 'Mars/Olympus'"):
        renderer.render("welcome", "ru", "Mars/Olympus", context)
    with pytest.raises(UnknownTemplate, match="needs a context value"):
        renderer.render("welcome", "en", "Europe/Moscow", {})


def test_producers_ask_for_email_only_through_a_typed_message() -> None:
    """``EmailRequested(...)`` with a hand-made context is how templates and producers drifted apart."""
    offenders = []
    for path in SOURCE.rglob("*.py"):
        if path.name == "events.py" and path.parent.name == "domain":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "EmailRequested":
                offenders.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert offenders == []
