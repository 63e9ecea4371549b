"""Render emails from jinja2 templates: one per kind and language; plain text, and HTML from it.

Each ``templates/<lang>/<kind>.j2`` has a ``subject`` and a ``body`` block (plain text, paragraphs
separated by blank lines) and may have a ``link`` block (the button of the HTML part). The kinds and
the values each may use are the typed messages of ``domain/email_messages.py``. The HTML part is the
same text in ``templates/layout.html.j2``, autoescaped, so the two never drift apart. Moments (ISO
strings in the context) are shown in the recipient's time zone with ``datetime``, dates with ``date``;
``url(path)`` joins a path to the configured public address.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, UndefinedError

from gifthub.adapters.email.attachments import BUILDERS
from gifthub.application.ports.email_renderer import UnknownTemplate
from gifthub.domain.email import RenderedEmail
from gifthub.domain.email_messages import EMAIL_MESSAGES

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("ru", "en")
KINDS = tuple(EMAIL_MESSAGES)
HELPERS = ("datetime", "date", "url", "zone")  # what the renderer adds to every context
_FORMATS = {"ru": "%d.%m.%Y %H:%M", "en": "%d %b %Y, %H:%M"}
_DATE_FORMATS = {"ru": "%d.%m.%Y", "en": "%d %b %Y"}


class JinjaEmailRenderer:
    def __init__(self, directory: Path = TEMPLATES, public_url: str = "http://127.0.0.1:8000") -> None:
        self._text = Environment(loader=FileSystemLoader(directory), autoescape=False, undefined=StrictUndefined)
        self._html = Environment(loader=FileSystemLoader(directory), autoescape=True)
        self._layout = self._html.get_template("layout.html.j2")
        self._public_url = public_url.rstrip("/")

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
        variables = {
            **context,
            "datetime": lambda value: _local(value, zone, language),
            "date": lambda value: _date(value, language),
            "url": lambda path: self._public_url + path,
            "zone": zone.key,
        }
        block_context = source.new_context(variables)
        try:
            subject = "".join(source.blocks["subject"](block_context)).strip()
            text = "".join(source.blocks["body"](block_context)).strip()
            link = "".join(source.blocks["link"](block_context)).strip() if "link" in source.blocks else ""
            builder = BUILDERS.get(template)
            attachments = (builder(context),) if builder else ()
        except UndefinedError as error:
            raise UnknownTemplate(f"template {template!r} needs a context value: {error.message}") from None
        except (KeyError, ValueError) as error:
            raise UnknownTemplate(f"template {template!r} cannot build its attachment: {error}") from None
        if link:
            text += f"\n\n{link}"
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip() and p.strip() != link]
        html = self._layout.render(subject=subject, paragraphs=paragraphs, link=link, lang=language)
        return RenderedEmail(subject=subject, text=text + "\n", html=html, attachments=attachments)


def _local(value: str, zone: ZoneInfo, language: str) -> str:
    """An ISO 8601 moment shown in the recipient's zone, e.g. 22.11.2026 07:21 (Europe/Moscow)."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    if moment.tzinfo is None:
        return moment.strftime(_FORMATS[language])
    return f"{moment.astimezone(zone).strftime(_FORMATS[language])} ({zone.key})"


def _date(value: str, language: str) -> str:
    try:
        return date.fromisoformat(value).strftime(_DATE_FORMATS[language])
    except (TypeError, ValueError):
        return str(value)
