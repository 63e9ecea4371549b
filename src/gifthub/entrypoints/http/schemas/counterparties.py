"""Request and response bodies of companies, bank details and the BIC directory."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.domain.bank import Bank
from gifthub.domain.company import BankAccount, Company
from gifthub.entrypoints.http.schemas.accounts import Body

Short = Annotated[str, msgspec.Meta(max_length=200)]
Long = Annotated[str, msgspec.Meta(max_length=500)]


class ContactIn(Body):
    name: Short = ""
    email: Annotated[str, msgspec.Meta(max_length=254)] = ""
    phone: Annotated[str, msgspec.Meta(max_length=40)] = ""


class RegisterCompanyIn(Body):
    """Russia: send ``inn`` only, the rest comes from Kontur.Focus. Kazakhstan / Belarus: ``tax_id``
    (BIN / UNP) and the details by hand."""

    country: Annotated[str, msgspec.Meta(description="RU, KZ or BY", examples=["RU"])] = "RU"
    inn: (
        Annotated[str, msgspec.Meta(max_length=20, description="RU: 10 digits (company) or 12 (sole proprietor)")]
        | None
    ) = None
    tax_id: Annotated[str, msgspec.Meta(max_length=20, description="KZ: 12-digit BIN; BY: 9-digit UNP")] | None = None
    name: Short | None = None
    full_name: Long = ""
    legal_address: Long = ""
    head_name: Short = ""
    head_position: Short = ""
    contact: ContactIn | None = None
    expected_amount: (
        Annotated[str, msgspec.Meta(max_length=40, description="Expected purchases, a decimal string (for sales)")]
        | None
    ) = None


class BankAccountIn(Body):
    bic: Annotated[str, msgspec.Meta(max_length=11, description="RU: 9-digit BIC; KZ/BY: SWIFT BIC")]
    account: Annotated[str, msgspec.Meta(max_length=40, description="RU: 20-digit account; KZ/BY: IBAN")]
    bank_name: Annotated[str, msgspec.Meta(max_length=300, description="KZ/BY only")] = ""


class BankAccountOut(msgspec.Struct, frozen=True):
    id: UUID
    bic: str
    account: str
    correspondent_account: str
    bank_name: str
    created_at: datetime

    @classmethod
    def of(cls, account: BankAccount) -> BankAccountOut:
        return cls(
            id=account.id,
            bic=account.bic,
            account=account.account,
            correspondent_account=account.correspondent_account,
            bank_name=account.bank_name,
            created_at=account.created_at,
        )


class CompanyOut(msgspec.Struct, frozen=True):
    id: UUID
    country: str
    kind: str
    tax_id: str
    kpp: str
    registration_number: str
    name: str
    full_name: str
    legal_address: str
    head_name: str
    head_position: str
    created_at: datetime
    bank_accounts: list[BankAccountOut] | None = None

    @classmethod
    def of(cls, company: Company, accounts: list[BankAccount] | None = None) -> CompanyOut:
        return cls(
            id=company.id,
            country=company.country.value,
            kind=company.kind.value,
            tax_id=company.tax_id,
            kpp=company.kpp,
            registration_number=company.registration_number,
            name=company.name,
            full_name=company.full_name,
            legal_address=company.legal_address,
            head_name=company.head_name,
            head_position=company.head_position,
            created_at=company.created_at,
            bank_accounts=None if accounts is None else [BankAccountOut.of(a) for a in accounts],
        )


class RegistrationOut(msgspec.Struct, frozen=True):
    company: CompanyOut
    created: bool  # false: an existing company record was linked to this cabinet


class CompanyPage(msgspec.Struct, frozen=True):
    items: list[CompanyOut]
    next_cursor: str | None


class BankOut(msgspec.Struct, frozen=True):
    bic: str
    name: str
    english_name: str
    city: str
    postcode: str
    address: str
    correspondent_account: str | None
    swift_bic: str | None
    participant_status: str
    restrictions: list[str]
    can_receive_payments: bool
    refusal_reason: str | None
    directory_date: date | None

    @classmethod
    def of(cls, bank: Bank) -> BankOut:
        return cls(
            bic=bank.bic,
            name=bank.name,
            english_name=bank.english_name,
            city=bank.city,
            postcode=bank.postcode,
            address=bank.address,
            correspondent_account=bank.correspondent_account,
            swift_bic=bank.swift_bic,
            participant_status=bank.participant_status,
            restrictions=list(bank.restrictions),
            can_receive_payments=bank.can_receive_payments,
            refusal_reason=bank.refusal_reason,
            directory_date=bank.directory_date,
        )
