"""``gifthub.onec.statement`` -> a bank statement file from 1C, handed to the billing capability."""

from __future__ import annotations

import base64
import binascii

from gifthub.application.bus.errors import MalformedMessage, require_str
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.ports.bank_statement_inbox import BankStatementInbox

MAX_STATEMENT_BYTES = 20 * 1024 * 1024


def statement_file(message: InboundMessage) -> tuple[str, bytes]:
    filename = require_str(message.body, "filename")
    encoded = require_str(message.body, "content_base64")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise MalformedMessage(f"field 'content_base64' is not base64: {error}") from None
    if not content:
        raise MalformedMessage("field 'content_base64' decodes to an empty file")
    if len(content) > MAX_STATEMENT_BYTES:
        raise MalformedMessage(f"statement {filename!r} is larger than {MAX_STATEMENT_BYTES} bytes")
    return filename, content


async def import_onec_statement(message: InboundMessage, resolve: Resolver) -> None:
    """Import a bank statement (1CClientBankExchange) that 1C sent over the bus."""
    filename, content = statement_file(message)
    inbox = await resolve.get(BankStatementInbox)
    await inbox.accept(filename, content)
