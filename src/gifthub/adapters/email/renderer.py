"""Render emails from jinja2 templates: one per kind and language; plain text, and HTML from it.

Each ``templates/<lang>/<kind>.j2`` has a ``subject`` and a ``body`` block (plain text, paragraphs
separated by blank lines). The HTML part is the same text in ``templates/layout.html.j2``,
autoescaped, so the two never drift apart. Datetimes (ISO strings in the context) are shown in the
recipient's time zone with the ``datetime`` filter.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, UndefinedError

from gifthub.application.ports.email_renderer import UnknownTemplate
from gifthub.domain.email import RenderedEmail

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("ru", "en")
KINDS = (
    "invitation",
    "welcome",
    "password_reset",
    "two_factor_changed",
    "order_completed",
    "certificate_delivery",
    "invoice_issued",
    "payment_received",
    "partial_payment",
    "low_balance",
    "new_company",
)
_FORMATS = {"ru": "%d.%m.%Y %H:%M", "en": "%d %b %Y, %H:%M"}


class JinjaEmailRenderer:
    def __init__(self, directory: Path = TEMPLATES) -> None:
        self._text = Environment(loader=FileSystemLoader(directory), autoescape=False, undefined=StrictUndefined)
        self._html = Environment(loader=FileSystemLoader(directory), autoescape=True)
        self._layout = self._html.get_template("layout.html.j2")

    def render(self, template: str, language: str, timezone: str, context: dict[str, str]) -> RenderedEmail:
        if language not in LANGUAGES:
            language = "ru"
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise UnknownTemplate(f"unknown time zone {timezone!r}") from None
        if template not in KINDS:
            raise UnknownTemplate(f"no email template {template!r}; known: {', '.join(KINDS)}")
        try:
            source = self._text.get_template(f"{language}/{template}.j2")
        except TemplateNotFound:
            raise UnknownTemplate(f"no email template {template!r} in {language!r}") from None
        variables = {**context, "datetime": lambda value: _local(value, zone, language), "zone": zone.key}
        block_context = source.new_context(variables)
        try:
            subject = "".join(source.blocks["subject"](block_context)).strip()
            text = "".join(source.blocks["body"](block_context)).strip() + "\n"
        except UndefinedError as error:
            raise UnknownTemplate(f"template {template!r} needs a context value: {error.message}") from None
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        html = self._layout.render(subject=subject, paragraphs=paragraphs, link=context.get("link"), lang=language)
        return RenderedEmail(subject=subject, text=text, html=html)


def _local(value: str, zone: ZoneInfo, language: str) -> str:
    """An ISO 8601 moment shown in the recipient's zone, e.g. 22.11.2026 07:21 (Europe/Moscow)."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if moment.tzinfo is None:
        return moment.strftime(_FORMATS[language])
    return f"{moment.astimezone(zone).strftime(_FORMATS[language])} ({zone.key})"
