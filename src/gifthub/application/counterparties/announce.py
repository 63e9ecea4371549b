"""What a new company tells the platform: an email to staff and a CRM lead, both through the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gifthub.application.counterparties.policy import CounterpartiesPolicy
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.company import Company
from gifthub.domain.crm import CompanyRegistered, CrmLeadRequested
from gifthub.domain.email_messages import NewCompanyEmail
from gifthub.domain.events import EmailRequested
from gifthub.domain.money import Money


@dataclass(frozen=True)
class Contact:
    """Who at the client the sales manager should call; optional, goes to the lead and the email only."""

    name: str = ""
    email: str = ""
    phone: str = ""


def announce_new_company(
    uow: UnitOfWork, policy: CounterpartiesPolicy, cabinet: Cabinet, company: Company, contact: Contact,
    expected: Money | None, at: datetime,
) -> None:  # fmt: skip
    uow.record(
        CompanyRegistered(
            occurred_at=at, company_id=company.id, cabinet_id=cabinet.id, country=company.country.value,
            tax_id=company.tax_id, company_name=company.name,
        )
    )  # fmt: skip
    uow.record(
        EmailRequested.of(
            NewCompanyEmail(
                company_id=str(company.id),
                company_name=company.name,
                country=company.country.value,
                tax_id=company.tax_id,
                kpp=company.kpp,
                registration_number=company.registration_number,
                cabinet_id=str(cabinet.id),
                cabinet_name=cabinet.name,
                contact_name=contact.name,
                contact_email=contact.email,
                contact_phone=contact.phone,
                registered_at=at.isoformat(),
            ),
            to=policy.staff_email,
            occurred_at=at,
            dedup_key=f"new_company:{company.id}",
        )
    )
    currency = expected.currency.value if expected else company.country.currency.value
    uow.record(
        CrmLeadRequested(
            occurred_at=at,
            origin_id=f"company:{company.id}",
            title=f"New client company: {company.name}",
            company_name=company.full_name or company.name,
            tax_id=company.tax_id,
            country=company.country.value,
            contact_name=contact.name or company.head_name,
            email=contact.email,
            phone=contact.phone,
            amount=expected.to_string() if expected else "0",
            currency=currency,
            comments=(
                f"Cabinet: {cabinet.name}. Tax id: {company.tax_id}"
                + (f", KPP {company.kpp}" if company.kpp else "")
                + (f", reg. no. {company.registration_number}" if company.registration_number else "")
                + (f". Head: {company.head_name} ({company.head_position})" if company.head_name else "")
                + (f". Address: {company.legal_address}" if company.legal_address else "")
            ),
        )
    )
