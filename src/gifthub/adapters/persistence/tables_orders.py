"""Tables of orders, their certificates, idempotency keys of the orders API and XLSX uploads."""

from sqlalchemy import BigInteger, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.order_lines_json import OrderLinesJson
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.certificate import CertificateState, DeliveryStatus
from gifthub.domain.delivery import DeliveredBy
from gifthub.domain.money import Currency
from gifthub.domain.order import OrderStatus
from gifthub.domain.order_line import DeliveryChannel

orders = Table(
    "orders",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=False),
    Column("cabinet_id", Uuid, nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("status", str_enum(OrderStatus, 24), nullable=False),
    Column("sender_name", String(200), nullable=False),
    Column("scheduled_at", UtcDateTime, nullable=True),
    Column("timezone", String(64), nullable=False),
    Column("lines", OrderLinesJson, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("hold_id", Uuid, ForeignKey("holds.id"), nullable=True),
    Column("source", String(100), nullable=False),
    Column("delivered_by", str_enum(DeliveredBy, 8), nullable=False, server_default="giftery"),
    Index("ix_orders_project_created", "project_id", "created_at", "id"),
    Index("ix_orders_status", "status"),
)

order_certificates = Table(
    "order_certificates",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("order_id", Uuid, ForeignKey("orders.id"), nullable=False),
    Column("project_id", Uuid, nullable=False),
    Column("line_id", Uuid, nullable=False),
    Column("position", Integer, nullable=False),
    Column("product_id", String(64), nullable=False),
    Column("product_name", String(300), nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("nominal_minor", BigInteger, nullable=False),
    Column("price_minor", BigInteger, nullable=False),
    Column("recipient_name", String(200), nullable=False),
    Column("email", String(254), nullable=False),
    Column("phone", String(20), nullable=False),
    Column("message", Text, nullable=False),
    Column("channel", str_enum(DeliveryChannel, 8), nullable=False),
    Column("sender_name", String(200), nullable=False),
    Column("scheduled_at", UtcDateTime, nullable=True),
    Column("state", str_enum(CertificateState, 12), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("purchase_key", Uuid, nullable=False, unique=True),
    Column("queue_id", String(64), nullable=False),
    Column("code", String(200), nullable=False),
    Column("pin", String(100), nullable=False),
    Column("link", String(1000), nullable=False),
    Column("failure_reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("polls", Integer, nullable=False),
    Column("next_check_at", UtcDateTime, nullable=True),
    Column("captured", Boolean, nullable=False),
    Column("hold_id", Uuid, ForeignKey("holds.id"), nullable=True),
    Column("delivery_status", str_enum(DeliveryStatus, 12), nullable=False),
    Column("delivered_by", str_enum(DeliveredBy, 8), nullable=False, server_default="giftery"),
    Column("delivery_error", Text, nullable=False, server_default=""),
    Column("resent_to", String(254), nullable=False, server_default=""),  # beside email, never over it
    Index("uq_order_certificates_position", "order_id", "position", unique=True),
    # GiftHub's own delivery queue: issued certificates waiting for their moment.
    Index("ix_order_certificates_waiting", "delivery_status", "scheduled_at"),
    # The worker's queue: what to buy or check next.
    Index("ix_order_certificates_due", "state", "next_check_at"),
)

order_idempotency_keys = Table(
    "order_idempotency_keys",
    metadata,
    Column("scope", String(200), primary_key=True),  # who and which operation, e.g. "create:<project>"
    Column("key", String(200), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("order_id", Uuid, nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("response", Text, nullable=False),  # the original body, replayed verbatim
    Column("created_at", UtcDateTime, nullable=False),
)

order_uploads = Table(
    "order_uploads",
    metadata,
    Column("project_id", Uuid, ForeignKey("projects.id"), primary_key=True),
    Column("content_hash", String(64), primary_key=True),  # the same file twice makes one order
    Column("order_id", Uuid, ForeignKey("orders.id"), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
