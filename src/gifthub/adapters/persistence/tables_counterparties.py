"""Tables of client companies, their bank accounts, the BIC directory and refused CRM leads."""

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, PrimaryKeyConstraint, String, Table, Text, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.company import CompanyKind
from gifthub.domain.region import Region

companies = Table(
    "companies",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("country", str_enum(Region, 2), nullable=False),
    Column("kind", str_enum(CompanyKind, 20), nullable=False),
    Column("tax_id", String(12), nullable=False),
    Column("kpp", String(9), nullable=False),
    Column("registration_number", String(15), nullable=False),
    Column("name", String(300), nullable=False),
    Column("full_name", String(500), nullable=False),
    Column("legal_address", String(500), nullable=False),
    Column("head_name", String(200), nullable=False),
    Column("head_position", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    # One record per company (a branch has its own KPP): cabinets link to it instead of copying it.
    Index("uq_companies_tax_id", "country", "tax_id", "kpp", unique=True),
)

cabinet_companies = Table(
    "cabinet_companies",
    metadata,
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False),
    Column("company_id", Uuid, ForeignKey("companies.id"), nullable=False),
    Column("linked_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("cabinet_id", "company_id"),
    Index("ix_cabinet_companies_company", "company_id"),
)

company_bank_accounts = Table(
    "company_bank_accounts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("company_id", Uuid, ForeignKey("companies.id"), nullable=False),
    Column("country", str_enum(Region, 2), nullable=False),
    Column("bic", String(11), nullable=False),
    Column("account", String(34), nullable=False),
    Column("correspondent_account", String(20), nullable=False),
    Column("bank_name", String(300), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("uq_company_bank_accounts", "company_id", "bic", "account", unique=True),
)

banks = Table(
    "banks",
    metadata,
    Column("bic", String(9), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("english_name", String(300), nullable=False),
    Column("city", String(120), nullable=False),
    Column("postcode", String(10), nullable=False),
    Column("address", String(300), nullable=False),
    Column("participant_type", String(4), nullable=False),
    Column("participant_status", String(4), nullable=False),
    Column("restrictions", String(200), nullable=False),  # comma-separated Rstr codes
    Column("correspondent_account", String(20), nullable=True),
    Column("swift_bic", String(11), nullable=True),
    Column("directory_date", Date, nullable=True),
)

bank_directory_imports = Table(
    "bank_directory_imports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("business_day", Date, nullable=True),
    Column("source", String(1000), nullable=False),
    Column("entries", Integer, nullable=False),
    Column("imported_at", UtcDateTime, nullable=False),
)

crm_failures = Table(
    "crm_failures",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("origin_id", String(100), nullable=False),
    Column("title", String(300), nullable=False),
    Column("error_code", String(100), nullable=False),
    Column("error_description", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("failed_at", UtcDateTime, nullable=False),
    Index("ix_crm_failures_failed", "failed_at", "id"),
)
