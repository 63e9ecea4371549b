"""Every bus consumer, one ``register`` line each: event name -> handler (see application/bus/handlers.py).

Documents out to 1C and leads to Bitrix24 are registered here the same way by their capabilities.
"""

from __future__ import annotations

from gifthub.application.bus.handlers import HandlerRegistry
from gifthub.entrypoints.bus import notification_handlers as notices
from gifthub.entrypoints.bus.crm_handler import create_crm_lead
from gifthub.entrypoints.bus.delivery_handlers import record_certificate_email_refusal
from gifthub.entrypoints.bus.email_handler import send_requested_email
from gifthub.entrypoints.bus.notification_handlers import notify_balance_topped_up, notify_low_balance
from gifthub.entrypoints.bus.onec_handler import import_onec_statement
from gifthub.entrypoints.bus.order_payment_handlers import issue_registry_invoice, resume_orders_after_payment

HANDLERS = HandlerRegistry()
HANDLERS.register("email.requested", send_requested_email)
HANDLERS.register("onec.statement", import_onec_statement)
HANDLERS.register("ledger.entry_posted", notify_balance_topped_up)
HANDLERS.register("ledger.entry_posted", notify_low_balance)
HANDLERS.register("crm.lead_requested", create_crm_lead, consumer="crm_lead_for_company")
HANDLERS.register("project.created", create_crm_lead, consumer="crm_lead_for_project")
HANDLERS.register("order.awaiting_payment", issue_registry_invoice)
HANDLERS.register("ledger.entry_posted", resume_orders_after_payment, consumer="resume_orders_after_top_up")
HANDLERS.register("billing.registry_invoice_paid", resume_orders_after_payment, consumer="resume_orders_after_invoice")
HANDLERS.register("billing.payment_applied", notices.notify_payment_applied)
HANDLERS.register("billing.invoice_issued", notices.notify_invoice_issued)
HANDLERS.register("order.created", notices.notify_order_status, consumer="notify_order_created")
HANDLERS.register("order.awaiting_payment", notices.notify_order_status, consumer="notify_order_awaiting_payment")
HANDLERS.register("order.queued", notices.notify_order_status, consumer="notify_order_queued")
HANDLERS.register("order.finished", notices.notify_order_status, consumer="notify_order_finished")
HANDLERS.register("order.cancelled", notices.notify_order_status, consumer="notify_order_cancelled")
HANDLERS.register("order.certificate_failed", notices.notify_certificate_failed)
HANDLERS.register("catalog_export.ready", notices.notify_catalog_export_ready)
HANDLERS.register("email.refused", record_certificate_email_refusal)
