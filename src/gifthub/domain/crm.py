"""Leads for the sales team's CRM (Bitrix24) and the event that asks for one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar
from uuid import UUID

from gifthub.domain.events import DomainEvent

ORIGINATOR = "gifthub"  # our system's name in the CRM; with origin_id it makes a lead idempotent


@dataclass(frozen=True)
class CrmLead:
    origin_id: str  # e.g. "company:<uuid>", "project:<uuid>": the same origin makes one lead
    title: str
    company_name: str = ""
    tax_id: str = ""
    country: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    amount: str = "0"  # a decimal string, never a float
    currency: str = "RUB"
    comments: str = ""


@dataclass(frozen=True)
class CrmLeadRequested(DomainEvent):
    """Written to the outbox with the change; the bus consumer calls CreateCrmLead with its payload."""

    name: ClassVar[str] = "crm.lead_requested"
    origin_id: str
    title: str
    company_name: str = ""
    tax_id: str = ""
    country: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    amount: str = "0"
    currency: str = "RUB"
    comments: str = ""

    def lead(self) -> CrmLead:
        return CrmLead(
            self.origin_id, self.title, self.company_name, self.tax_id, self.country, self.contact_name,
            self.email, self.phone, self.amount, self.currency, self.comments,
        )  # fmt: skip


@dataclass(frozen=True)
class CompanyRegistered(DomainEvent):
    name: ClassVar[str] = "company.registered"
    company_id: UUID
    cabinet_id: UUID
    country: str
    tax_id: str
    company_name: str


@dataclass(eq=False)
class CrmFailure:
    """A lead the CRM refused for good (bad credentials, bad data): kept for platform staff to act on."""

    id: UUID
    origin_id: str
    title: str
    error_code: str
    error_description: str
    attempts: int
    failed_at: datetime
