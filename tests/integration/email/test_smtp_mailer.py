"""The SMTP adapter and the SendEmail use case against a real aiosmtpd server over loopback."""

from __future__ import annotations

import io
import json
import ssl
import subprocess
import zipfile
from dataclasses import replace

import pytest

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.adapters.email.smtp import SmtpMailer
from gifthub.application.email.send_email import EmailToSend, SendEmail
from gifthub.application.ports.mailer import MailerUnavailable
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.email import DeliveryStatus, OutgoingEmail
from gifthub.domain.email_messages import CertificatesArchiveEmail, InvoiceIssuedEmail, WelcomeEmail
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.integration.bus.conftest import MessagingOverride
from tests.support.components import missing
from tests.support.nats import free_port
from tests.support.smtp import SmtpServer


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def smtp_settings(port: int, **changes) -> MessagingSettings:
    base = {"smtp_timeout": 5.0, "mail_from": "GiftHub <no-reply@gifthub.test>"}
    return replace(
        MessagingSettings(), mail_transport="smtp", smtp_host="127.0.0.1", smtp_port=port, **(base | changes)
    )


@pytest.fixture
async def send_email(settings, clock, smtp):
    container = make_container(settings, clock_provider(clock), MessagingOverride(smtp_settings(smtp.port)))

    async def send(command: EmailToSend):
        async with container() as request:
            use_case = await request.get(SendEmail)
            return await use_case.execute(command)

    send.container = container
    yield send
    await container.close()


INVOICE = InvoiceIssuedEmail(
    invoice_id="42", number="GHR-2026-00042", amount="150000.00", currency="RUB", due_on="2026-12-01"
).context()
WELCOME = WelcomeEmail(email="a@b.ru").context()


async def test_sends_html_and_text_in_the_recipients_language_and_time_zone(send_email, smtp) -> None:
    delivery = await send_email(
        EmailToSend(
            message_id="m-1", to="buh@client.kz", template="invoice_issued", context=INVOICE, timezone="Asia/Almaty"
        )
    )
    assert delivery.status is DeliveryStatus.SENT
    [message] = smtp.received
    assert message["To"] == "buh@client.kz"
    assert message["From"] == "GiftHub <no-reply@gifthub.test>"
    assert message["Subject"] == "Счёт-оферта № GHR-2026-00042 на 150000.00 RUB"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Оплатите его до 01.12.2026" in text
    assert "GHR-2026-00042" in html and 'href="http://127.0.0.1:8000/api/v1/invoices/42/pdf"' in html

    await send_email(
        EmailToSend(message_id="m-2", to="cfo@client.com", template="invoice_issued", context=INVOICE, language="en")
    )
    english = smtp.received[1]
    assert english["Subject"] == "Invoice offer GHR-2026-00042 for 150000.00 RUB"
    assert "Please pay by 01 Dec 2026." in english.get_body(("plain",)).get_content()


async def test_an_archive_travels_as_an_attached_zip(send_email, smtp) -> None:
    certificates = json.dumps([{"product_name": "Ozon", "nominal": "1000.00", "code": "OZ-1"}])
    archive = CertificatesArchiveEmail(order_id="o-1", count="1", certificates=certificates).context()
    await send_email(EmailToSend(message_id="m-5", to="boss@x.ru", template="certificates_archive", context=archive))
    [message] = smtp.received
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "order-o-1.zip" and attachment.get_content_type() == "application/zip"
    with zipfile.ZipFile(io.BytesIO(attachment.get_content())) as opened:
        assert "code: OZ-1" in opened.read("certificate-0001.txt").decode()


async def test_the_same_dedup_key_is_sent_once(send_email, smtp) -> None:
    command = EmailToSend(message_id="m-1", to="a@b.ru", template="welcome", context=WELCOME, dedup_key="welcome:a")
    await send_email(command)
    await send_email(replace(command, message_id="m-2"))  # another event asking for the same email
    assert len(smtp.received) == 1
    assert smtp.received[0]["X-GiftHub-Dedup-Key"] == "welcome:a"


async def test_a_refused_recipient_is_recorded_not_lost_nor_retried(send_email, smtp) -> None:
    command = EmailToSend(message_id="m-9", to="refused@client.ru", template="welcome", context=WELCOME)
    delivery = await send_email(command)
    assert delivery.status is DeliveryStatus.REFUSED
    assert "550" in delivery.reason and "refused@client.ru" in delivery.reason
    again = await send_email(command)  # redelivered: the refusal stands, the server is not asked again
    assert again.status is DeliveryStatus.REFUSED
    assert smtp.received == []
    async with send_email.container() as request:
        uow = await request.get(MessagingUnitOfWork)
        async with uow:
            [recorded] = await uow.email_deliveries.recent(10)
    assert (recorded.recipient, recorded.status) == ("refused@client.ru", DeliveryStatus.REFUSED)


async def test_a_deferred_recipient_or_a_dead_server_is_retried_later(send_email, smtp, settings, clock) -> None:
    with pytest.raises(MailerUnavailable, match="451"):
        await send_email(EmailToSend(message_id="m-3", to="later@client.ru", template="welcome", context=WELCOME))
    down = SmtpMailer(smtp_settings(free_port(), smtp_timeout=2.0))
    with pytest.raises(MailerUnavailable, match="unavailable"):
        await down.send(OutgoingEmail(to="a@b.ru", subject="s", text="t", html="<p>t</p>", message_id="x"))
    # Nothing was recorded for the deferred one, so the bus's redelivery will try it again.
    async with send_email.container() as request:
        uow = await request.get(MessagingUnitOfWork)
        async with uow:
            assert await uow.email_deliveries.get("m-3") is None


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    try:
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as error:
        missing("openssl", error)
    return cert, key


async def test_starttls_and_authentication(certificate) -> None:
    cert, key = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    client_tls = ssl.create_default_context(cafile=str(cert))
    with SmtpServer(tls_context=server_tls, user="mailer", password="s3cret-pass") as server:
        settings = smtp_settings(server.port, smtp_tls="starttls", smtp_user="mailer", smtp_password="s3cret-pass")
        await SmtpMailer(settings, tls_context=client_tls).send(
            OutgoingEmail(to="a@b.ru", subject="Тест", text="привет", html="<p>привет</p>", message_id="tls-1")
        )
        assert [m["Subject"] for m in server.received] == ["Тест"]

        wrong = replace(settings, smtp_password="wrong-password", smtp_timeout=1.0)
        with pytest.raises(MailerUnavailable) as refused:
            await SmtpMailer(wrong, tls_context=client_tls).send(
                OutgoingEmail(to="a@b.ru", subject="x", text="x", html="x", message_id="tls-2")
            )
        assert "wrong-password" not in str(refused.value)
