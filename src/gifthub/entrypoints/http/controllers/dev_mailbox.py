"""GET /dev/mailbox: the emails ``make run`` delivered to var/mailbox (only with the mailbox active)."""

from __future__ import annotations

from html import escape

from dishka.integrations.litestar import FromDishka
from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import Response

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.adapters.email.mailbox_reader import list_mailbox, read_message

_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:2em}} td,th{{padding:4px 10px;text-align:left}}
pre{{background:#f4f4f4;padding:1em;white-space:pre-wrap}}
iframe{{width:100%;height:480px;border:1px solid #ccc}}</style>
</head><body>{body}</body></html>"""


def _page(title: str, body: str) -> Response[str]:
    return Response(_PAGE.format(title=escape(title), body=body), media_type="text/html; charset=utf-8")


class DevMailboxController(Controller):
    path = "/dev/mailbox"
    include_in_schema = False

    @get("/")
    async def index(self, settings: FromDishka[MessagingSettings]) -> Response[str]:
        _ensure_enabled(settings)
        rows = "".join(
            f'<tr><td>{escape(e.date)}</td><td>{escape(e.to)}</td><td><a href="/dev/mailbox/{escape(e.name)}">'
            f"{escape(e.subject)}</a></td></tr>"
            for e in list_mailbox(settings.mailbox_dir)
        )
        body = (
            f"<h1>Local mailbox</h1><p>{escape(str(settings.mailbox_dir))}</p>"
            f"<table><tr><th>Date</th><th>To</th><th>Subject</th></tr>{rows or '<tr><td>empty</td></tr>'}</table>"
        )
        return _page("Local mailbox", body)

    @get("/{name:str}")
    async def view(self, name: FromPath[str], settings: FromDishka[MessagingSettings]) -> Response[str]:
        _ensure_enabled(settings)
        message = read_message(settings.mailbox_dir, name)
        if message is None:
            raise NotFoundException(f"no email {name!r} in the mailbox")
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        headers = "".join(
            f"<tr><th>{escape(key)}</th><td>{escape(str(message[key] or ''))}</td></tr>"
            for key in ("Date", "From", "To", "Subject", "Message-ID")
        )
        body = (
            f'<p><a href="/dev/mailbox">&larr; mailbox</a></p><table>{headers}</table>'
            f"<h3>Text</h3><pre>{escape(text.get_content() if text else '')}</pre>"
            f'<h3>HTML</h3><iframe sandbox="" srcdoc="{escape(html.get_content() if html else "")}"></iframe>'
        )
        return _page(str(message["Subject"] or name), body)


def _ensure_enabled(settings: MessagingSettings) -> None:
    if not settings.mailbox_active:
        raise NotFoundException("the developer mailbox is off (GIFTHUB_DEV_MAILBOX=1 or the mailbox transport)")
