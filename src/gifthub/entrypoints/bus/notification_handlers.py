"""Domain events -> notifications for every person of the cabinet who may see them (in-app and email,
as each person's preferences say). The message id is the fact's key: emails are sent once per person."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.bus.errors import MalformedMessage, require_str
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.notifications.announce import Announce
from gifthub.application.notifications.announce_invoice import AnnounceInvoice, InvoiceNews
from gifthub.application.notifications.announce_order import CERTIFICATE_FAILED, AnnounceOrderNews, OrderNews
from gifthub.application.notifications.announce_payment import AnnouncePayment, PaymentNews
from gifthub.application.notifications.check_low_balance import CheckLowBalance
from gifthub.application.notifications.fact import Fact
from gifthub.domain.email_messages import CatalogExportReadyEmail
from gifthub.domain.errors import DomainError
from gifthub.domain.money import Money
from gifthub.domain.notification_kinds import NotificationKind


def _money(body: dict, name: str) -> Money:
    value = body.get(name)
    try:
        return Money.parse(value["amount"], value["currency"], field=name)
    except (TypeError, KeyError, DomainError) as error:
        raise MalformedMessage(f"field {name!r} must be {{amount, currency}}: {error}") from None


def _amount(body: dict, name: str, currency: str) -> Money:
    try:
        return Money.parse(require_str(body, name), currency, field=name)
    except DomainError as error:
        raise MalformedMessage(f"field {name!r} is not an amount in {currency}: {error}") from None


def _uuid(body: dict, name: str) -> UUID:
    try:
        return UUID(require_str(body, name))
    except ValueError:
        raise MalformedMessage(f"field {name!r} must be a UUID") from None


def _int(body: dict, name: str) -> int:
    value = body.get(name, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise MalformedMessage(f"field {name!r} must be an integer")
    return value


def _shown(money: Money) -> str:
    return f"{money.to_string()} {money.currency.value}"


async def notify_balance_topped_up(message: InboundMessage, resolve: Resolver) -> None:
    """Tell a project's people (owner, managers, accountants granted it) that its balance was topped up."""
    body = message.body
    if body.get("kind") != "top_up":
        return
    fact = Fact(
        NotificationKind.BALANCE_TOPPED_UP,
        f"Баланс пополнен на {_shown(_money(body, 'amount'))}",
        f"Доступно: {_shown(_money(body, 'available_after'))}",
        message.message_id,
        project_id=_uuid(body, "project_id"),
    )
    await (await resolve.get(Announce)).execute(fact)


async def notify_low_balance(message: InboundMessage, resolve: Resolver) -> None:
    """Alert a project's people once when its available funds fall below the threshold its owner set."""
    body = message.body
    project, money = _uuid(body, "project_id"), _money(body, "available_after")
    await (await resolve.get(CheckLowBalance)).execute(project, money, message.message_id)


async def notify_payment_applied(message: InboundMessage, resolve: Resolver) -> None:
    """A payment counted against an invoice: a partial-payment or payment-received notice."""
    body = message.body
    currency = require_str(body, "currency")
    news = PaymentNews(
        key=message.message_id,
        invoice_id=_uuid(body, "invoice_id"),
        project_id=_uuid(body, "project_id"),
        number=require_str(body, "invoice_number"),
        amount=_amount(body, "amount", currency),
        overpaid=_amount(body, "overpaid", currency),
        invoice_status=require_str(body, "invoice_status"),
    )
    await (await resolve.get(AnnouncePayment)).execute(news)


async def notify_invoice_issued(message: InboundMessage, resolve: Resolver) -> None:
    """An invoice offer issued for a project: told to the people who handle its money."""
    body = message.body
    news = InvoiceNews(
        key=message.message_id,
        invoice_id=_uuid(body, "invoice_id"),
        project_id=_uuid(body, "project_id"),
        number=require_str(body, "number"),
        total=require_str(body, "total"),
        currency=require_str(body, "currency"),
    )
    await (await resolve.get(AnnounceInvoice)).execute(news)


async def notify_order_status(message: InboundMessage, resolve: Resolver) -> None:
    """An order's status changed (created, awaiting payment, queued, finished, cancelled)."""
    body = message.body
    event = message.event_name.removeprefix("order.")
    status = require_str(body, "status") if event == "finished" else event
    news = OrderNews(message.message_id, _uuid(body, "order_id"), status, _int(body, "delivered"), _int(body, "failed"))
    await (await resolve.get(AnnounceOrderNews)).execute(news)


async def notify_certificate_failed(message: InboundMessage, resolve: Resolver) -> None:
    """A certificate of an order could not be issued."""
    body = message.body
    reason = body.get("reason") if isinstance(body.get("reason"), str) else ""
    news = OrderNews(message.message_id, _uuid(body, "order_id"), CERTIFICATE_FAILED, reason=reason)
    await (await resolve.get(AnnounceOrderNews)).execute(news)


async def notify_catalog_export_ready(message: InboundMessage, resolve: Resolver) -> None:
    """A catalog export is ready: told to the person who asked for it."""
    body = message.body
    export_id, cabinet_id = _uuid(body, "export_id"), _uuid(body, "cabinet_id")
    file_name, export_format = require_str(body, "file_name"), require_str(body, "format")
    fact = Fact(
        NotificationKind.CATALOG_EXPORT_READY,
        f"Выгрузка каталога готова: {file_name}",
        f"Скачать: /api/v1/cabinets/{cabinet_id}/catalog-exports/{export_id}/file",
        message.message_id,
        CatalogExportReadyEmail(
            cabinet_id=str(cabinet_id), export_id=str(export_id), format=export_format, file_name=file_name
        ),
        cabinet_id=cabinet_id,
        requester=require_str(body, "requested_by"),
    )
    await (await resolve.get(Announce)).execute(fact)
