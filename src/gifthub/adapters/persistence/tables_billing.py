"""Tables of billing: sellers, invoice counters, invoices, bank payments."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.billing.invoice import InvoiceKind, InvoiceStatus
from gifthub.domain.billing.payment import PaymentStatus
from gifthub.domain.money import Currency
from gifthub.domain.region import Region

billing_sellers = Table(
    "billing_sellers",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("region", str_enum(Region, 2), nullable=False),
    Column("name", String(300), nullable=False),
    Column("number_prefix", String(5), nullable=False, unique=True),
    Column("inn", String(12), nullable=False),
    Column("kpp", String(9), nullable=False),
    Column("ogrn", String(15), nullable=False),
    Column("bin", String(12), nullable=False),
    Column("kbe", String(2), nullable=False),
    Column("knp", String(3), nullable=False),
    Column("unp", String(9), nullable=False),
    Column("address", String(500), nullable=False),
    Column("bank_name", String(300), nullable=False),
    Column("bank_account", String(34), nullable=False),
    Column("bank_bic", String(11), nullable=False),
    Column("bank_correspondent_account", String(20), nullable=False),
    Column("signatory_name", String(200), nullable=False),
    Column("signatory_title", String(200), nullable=False),
    Column("vat_exempt", Boolean, nullable=False),
    Column("signature_image", LargeBinary, nullable=True),
    Column("stamp_image", LargeBinary, nullable=True),
    Column("active", Boolean, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_billing_sellers_region", "region", "active", "created_at"),
)

# One row per seller and year, locked FOR UPDATE while an invoice takes its number: gapless numbers.
billing_invoice_counters = Table(
    "billing_invoice_counters",
    metadata,
    Column("seller_id", Uuid, ForeignKey("billing_sellers.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("last_number", Integer, nullable=False),
    PrimaryKeyConstraint("seller_id", "year"),
)

billing_invoices = Table(
    "billing_invoices",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("seller_id", Uuid, ForeignKey("billing_sellers.id"), nullable=False),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=False),
    Column("number", String(30), nullable=False, unique=True),
    Column("kind", str_enum(InvoiceKind, 16), nullable=False),
    Column("status", str_enum(InvoiceStatus, 16), nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("total_minor", BigInteger, nullable=False),
    Column("vat_minor", BigInteger, nullable=False),
    Column("vat_percent", String(8), nullable=True),
    Column("paid_minor", BigInteger, nullable=False),
    Column("lines", Text, nullable=False),  # JSON: [{"title", "unit_minor", "quantity"}]
    Column("buyer_name", String(300), nullable=False),
    Column("buyer_inn", String(12), nullable=False),
    Column("buyer_kpp", String(9), nullable=False),
    Column("buyer_address", String(500), nullable=False),
    Column("buyer_email", String(320), nullable=False),
    Column("order_id", Uuid, nullable=True),
    Column("issued_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_billing_invoices_project_created", "project_id", "created_at", "id"),
    Index("ix_billing_invoices_created", "created_at", "id"),
    Index("ix_billing_invoices_status_due", "status", "due_on"),
    Index("ix_billing_invoices_issued", "issued_on"),
)

billing_payments = Table(
    "billing_payments",
    metadata,
    Column("id", Uuid, primary_key=True),
    # The idempotency key of a bank payment: the same document in two statements is one payment.
    Column("reference", String(200), nullable=False, unique=True),
    Column("document_number", String(40), nullable=False),
    Column("document_date", Date, nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("payer_name", String(500), nullable=False),
    Column("payer_inn", String(12), nullable=False),
    Column("payer_account", String(34), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("status", str_enum(PaymentStatus, 16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("invoice_id", Uuid, ForeignKey("billing_invoices.id"), nullable=True),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=True),
    Column("overpaid_minor", BigInteger, nullable=True),
    Column("credited", Boolean, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Index("ix_billing_payments_status_received", "status", "received_at", "id"),
    Index("ix_billing_payments_received", "received_at", "id"),
)
