"""Domain events -> in-app notifications (recipient "project:<id>" until users come from identity)."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.bus.errors import MalformedMessage, require_str
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.notifications.check_low_balance import CheckLowBalance
from gifthub.application.notifications.notify import NewNotification, Notify
from gifthub.domain.errors import DomainError
from gifthub.domain.money import Money


def _money(body: dict, name: str) -> str:
    value = body.get(name)
    if not isinstance(value, dict) or not isinstance(value.get("amount"), str):
        raise MalformedMessage(f"field {name!r} must be {{amount, currency}}")
    return f"{value['amount']} {value.get('currency', '')}".strip()


async def notify_balance_topped_up(message: InboundMessage, resolve: Resolver) -> None:
    """Tell a project's people that its balance was topped up."""
    body = message.body
    if body.get("kind") != "top_up":
        return
    project_id = require_str(body, "project_id")
    command = NewNotification(
        recipient=f"project:{project_id}",
        kind="balance_topped_up",
        title=f"Баланс пополнен на {_money(body, 'amount')}",
        body=f"Доступно: {_money(body, 'available_after')}",
    )
    await (await resolve.get(Notify)).execute(command)


async def notify_low_balance(message: InboundMessage, resolve: Resolver) -> None:
    """Alert a project once when its available funds fall below the threshold its owner set."""
    body = message.body
    project_id = require_str(body, "project_id")
    available = body.get("available_after")
    try:
        money = Money.parse(available["amount"], available["currency"], field="available_after")
        project = UUID(project_id)
    except (TypeError, KeyError, ValueError, DomainError) as error:
        raise MalformedMessage(f"field 'available_after' or 'project_id' is invalid: {error}") from None
    await (await resolve.get(CheckLowBalance)).execute(project, money)
