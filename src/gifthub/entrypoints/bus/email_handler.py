"""``gifthub.email.requested`` -> render and send the email (once per dedup key)."""

from __future__ import annotations

from gifthub.application.bus.errors import MalformedMessage, require_str
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.email.send_email import EmailToSend, SendEmail
from gifthub.application.ports.email_renderer import UnknownTemplate


def email_command(message: InboundMessage) -> EmailToSend:
    body = message.body
    context = body.get("context", {})
    if not isinstance(context, dict) or not all(isinstance(v, str) for v in context.values()):
        raise MalformedMessage("field 'context' must be an object of strings")
    to = require_str(body, "to")
    if "@" not in to:
        raise MalformedMessage(f"field 'to' is not an email address: {to!r}")
    return EmailToSend(
        message_id=message.message_id,
        to=to,
        template=require_str(body, "template"),
        context=context,
        language=body.get("language") or "ru",
        timezone=body.get("timezone") or "Europe/Moscow",
        dedup_key=body.get("dedup_key") or "",
    )


async def send_requested_email(message: InboundMessage, resolve: Resolver) -> None:
    """Send an email requested by a domain event (EmailRequested), rendered in the recipient's language."""
    command = email_command(message)
    use_case = await resolve.get(SendEmail)
    try:
        await use_case.execute(command)
    except (UnknownTemplate, ValueError) as error:
        raise MalformedMessage(str(error)) from None
