"""Orders and billing meet on the bus: an order that waits for money gets a registry invoice, and money
arriving (a top-up of any kind, or its registry invoice paid) lets waiting orders go on."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from gifthub.application.billing.issue_registry_invoice import (
    IssueRegistryInvoice,
    RegistryInvoiceCommand,
    RegistryLine,
)
from gifthub.application.bus.errors import MalformedMessage
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.ordering.resume_awaiting_orders import (
    ResumeOrdersAwaitingPayment,
    ResumeOrdersAwaitingPaymentCommand,
)
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money, parse_currency

SYSTEM = Principal.system("orders-billing")


def _uuid(body: dict, name: str) -> UUID:
    try:
        return UUID(str(body[name]))
    except (KeyError, ValueError):
        raise MalformedMessage(f"field {name!r} must be a UUID") from None


async def issue_registry_invoice(message: InboundMessage, resolve: Resolver) -> None:
    """Issue the invoice for the certificate registry of an order awaiting payment."""
    body = message.body
    try:
        currency = parse_currency(str(body["currency"]))
        lines = tuple(
            RegistryLine(
                title=f"Сертификат {line['product_name']} номиналом {Decimal(str(line['nominal'])):.2f}",
                # The client pays the price with commission; the registry names the face value.
                nominal=Money.parse(str(line["unit_price"]), currency),
                quantity=int(line["quantity"]),
            )
            for line in body["registry"]
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise MalformedMessage(f"order.awaiting_payment registry is malformed: {error!r}") from None
    if not lines:
        raise MalformedMessage("order.awaiting_payment has an empty registry")
    command = RegistryInvoiceCommand(
        project_id=_uuid(body, "project_id"), order_id=_uuid(body, "order_id"), lines=lines
    )
    await (await resolve.get(IssueRegistryInvoice)).execute(SYSTEM, command)


async def resume_orders_after_payment(message: InboundMessage, resolve: Resolver) -> None:
    """Money reached a project: hold and queue the orders that were waiting for it."""
    body = message.body
    if message.event_name == "ledger.entry_posted" and body.get("kind") not in ("top_up", "adjustment", "release"):
        return
    use_case = await resolve.get(ResumeOrdersAwaitingPayment)
    await use_case.execute(SYSTEM, ResumeOrdersAwaitingPaymentCommand(project_id=_uuid(body, "project_id")))
