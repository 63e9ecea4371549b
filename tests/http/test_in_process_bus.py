"""``make run``: the app runs the outbox relay and consumers in-process; emails land in the mailbox page."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from litestar.testing import AsyncTestClient

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.email_messages import EmailMessage, LowBalanceEmail, WelcomeEmail
from gifthub.domain.events import EmailRequested
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.integration.bus.conftest import MessagingOverride, eventually


async def request_email(container, clock, message: EmailMessage, to: str, dedup_key: str) -> None:
    async with container() as request:
        uow = await request.get(UnitOfWork)
        async with uow:
            uow.record(EmailRequested.of(message, to=to, occurred_at=clock.now(), dedup_key=dedup_key))
            await uow.commit()


@pytest.fixture
def database_url(tmp_path) -> str:
    """SQLite, as ``make run`` (the in-process bus is the single-node setup)."""
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


@pytest.fixture
def mailbox_settings(tmp_path) -> MessagingSettings:
    return replace(MessagingSettings(), bus="memory", mail_transport="mailbox", mailbox_dir=tmp_path / "mailbox")


async def test_requested_email_goes_through_the_in_process_bus_to_the_dev_mailbox(
    settings, clock, mailbox_settings
) -> None:
    container = make_container(settings, *http_providers(), clock_provider(clock), MessagingOverride(mailbox_settings))
    # The test client runs the app in a loop of its own: write through a container of our own (as
    # another process would), never through the app's.
    writer = make_container(settings, clock_provider(clock))
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        await request_email(
            writer,
            clock,
            LowBalanceEmail(
                project_name="Подарки <2026>",
                available="900.00",
                threshold="1000.00",
                currency="RUB",
                at="2026-11-01T09:00:00+00:00",
            ),
            to="olga@client.ru",
            dedup_key="low:7",
        )

        async def listed() -> bool:
            return "olga@client.ru" in (await client.get("/dev/mailbox")).text

        await eventually(listed, within=10, what="the email in the mailbox page")
        page = await client.get("/dev/mailbox")
        assert "Низкий баланс проекта «Подарки &lt;2026&gt;»" in page.text
        [name] = re.findall(r'href="/dev/mailbox/([^"]+\.eml)"', page.text)
        message = await client.get(f"/dev/mailbox/{name}")
        assert message.status_code == 200
        assert "12:00 (Europe/Moscow)" in message.text  # 09:00 UTC in the recipient's zone
        assert "Подарки &lt;2026&gt;" in message.text  # escaped, never rendered as markup
        assert (await client.get("/dev/mailbox/..%2F..%2Fetc%2Fpasswd")).status_code == 404

        # The same dedup key again: no second email.
        welcome = WelcomeEmail(email="olga@client.ru")
        await request_email(writer, clock, welcome, to="olga@client.ru", dedup_key="low:7")
        await request_email(writer, clock, WelcomeEmail(email="ivan@client.ru"), to="ivan@client.ru", dedup_key="w:1")

        async def ivan_listed() -> bool:
            return "ivan@client.ru" in (await client.get("/dev/mailbox")).text

        await eventually(ivan_listed, within=10, what="the second email")
        assert len(list(mailbox_settings.mailbox_dir.glob("*.eml"))) == 2
    await writer.close()


async def test_the_dev_mailbox_is_off_with_real_smtp(settings, clock, mailbox_settings) -> None:
    smtp = replace(mailbox_settings, mail_transport="smtp", smtp_port=1)
    container = make_container(settings, *http_providers(), clock_provider(clock), MessagingOverride(smtp))
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        assert (await client.get("/dev/mailbox")).status_code == 404
