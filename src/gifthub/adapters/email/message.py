"""Build the MIME message (text + HTML alternative) both transports send or store."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from gifthub.domain.email import OutgoingEmail


def mime_message(email: OutgoingEmail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = email.to
    message["Subject"] = email.subject
    message["Date"] = formatdate(localtime=False)
    # The dedup key in the Message-ID lets a receiving system recognise a (rare) duplicate too.
    message["Message-ID"] = make_msgid(idstring=email.message_id.replace("@", "-")[:64], domain="gifthub.local")
    message["X-GiftHub-Dedup-Key"] = email.message_id
    message.set_content(email.text)
    message.add_alternative(email.html, subtype="html")
    for attachment in email.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        message.add_attachment(attachment.content, maintype=maintype, subtype=subtype, filename=attachment.filename)
    return message
