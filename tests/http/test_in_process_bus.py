"""``make run``: the app runs the outbox relay and consumers in-process; emails land in the mailbox page."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from litestar.testing import AsyncTestClient

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.events import EmailRequested
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.integration.bus.conftest import MessagingOverride, eventually


async def request_email(container, clock, **fields) -> None:
    async with container() as request:
        uow = await request.get(UnitOfWork)
        async with uow:
            uow.record(EmailRequested(occurred_at=clock.now(), **fields))
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
            to="olga@client.ru",
            template="payment_received",
            context={
                "invoice_number": "7",
                "amount": "5000.00",
                "currency": "RUB",
                "paid_at": "2026-11-01T09:00:00+00:00",
                "project_name": "Подарки <2026>",
            },
            dedup_key="payment:7",
        )

        async def listed() -> bool:
            return "olga@client.ru" in (await client.get("/dev/mailbox")).text

        await eventually(listed, within=10, what="the email in the mailbox page")
        page = await client.get("/dev/mailbox")
        assert "Оплата по счёту № 7 получена" in page.text
        [name] = re.findall(r'href="/dev/mailbox/([^"]+\.eml)"', page.text)
        message = await client.get(f"/dev/mailbox/{name}")
        assert message.status_code == 200
        assert "12:00 (Europe/Moscow)" in message.text  # 09:00 UTC in the recipient's zone
        assert "Подарки &lt;2026&gt;" in message.text  # escaped, never rendered as markup
        assert (await client.get("/dev/mailbox/..%2F..%2Fetc%2Fpasswd")).status_code == 404

        # The same dedup key again: no second email.
        await request_email(writer, clock, to="olga@client.ru", template="welcome", context={}, dedup_key="payment:7")
        await request_email(
            writer, clock, to="ivan@client.ru", template="welcome", context={"name": "Иван", "link": "x"}
        )

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
