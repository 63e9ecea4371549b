"""A client company (legal entity or sole proprietor) and its bank accounts.

One company record may serve several cabinets; the link lives beside it (cabinet_companies), so the
company itself knows nothing of cabinets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.bank import Bank
from gifthub.domain.cabinet import clean_name
from gifthub.domain.errors import DomainError
from gifthub.domain.events import DomainEvent
from gifthub.domain.region import Region
from gifthub.domain.requisites import (
    check_account,
    check_by_unp,
    check_iban,
    check_inn,
    check_kpp,
    check_kz_bin,
    check_ogrn,
    check_ogrnip,
    check_swift_bic,
)


class CompanyKind(StrEnum):
    LEGAL_ENTITY = "legal_entity"
    SOLE_PROPRIETOR = "sole_proprietor"


class BankRefusesPayments(DomainError):
    code = "bank-refuses-payments"


class CompanyDissolved(DomainError):
    code = "company-dissolved"


def _text(value: str, max_length: int = 500) -> str:
    return " ".join(str(value).split())[:max_length] if value else ""


@dataclass(eq=False)
class Company:
    id: UUID
    country: Region
    kind: CompanyKind
    tax_id: str  # INN (RU), BIN (KZ), UNP (BY)
    kpp: str  # RU legal entities only; "" otherwise
    registration_number: str  # OGRN / OGRNIP (RU); "" otherwise
    name: str
    full_name: str
    legal_address: str
    head_name: str
    head_position: str
    created_at: datetime
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    @classmethod
    def russian(
        cls,
        company_id: UUID,
        *,
        inn: str,
        kpp: str,
        registration_number: str,
        name: str,
        full_name: str = "",
        legal_address: str = "",
        head_name: str = "",
        head_position: str = "",
        at: datetime,
    ) -> Company:
        inn = check_inn(inn)
        if len(inn) == 10:
            kind, kpp = CompanyKind.LEGAL_ENTITY, check_kpp(kpp)
            registration_number = check_ogrn(registration_number)
        else:
            kind, kpp = CompanyKind.SOLE_PROPRIETOR, ""
            registration_number = check_ogrnip(registration_number, field="ogrn")
        return cls._new(company_id, Region.RU, kind, inn, kpp, registration_number, name, full_name,
                        legal_address, head_name, head_position, at)  # fmt: skip

    @classmethod
    def foreign(
        cls,
        company_id: UUID,
        *,
        country: Region,
        tax_id: str,
        name: str,
        full_name: str = "",
        legal_address: str = "",
        head_name: str = "",
        head_position: str = "",
        at: datetime,
    ) -> Company:
        """Kazakhstan (BIN) and Belarus (UNP): entered by hand, no registry to fill from."""
        if country is Region.KZ:
            tax_id = check_kz_bin(tax_id, field="tax_id")
        elif country is Region.BY:
            tax_id = check_by_unp(tax_id, field="tax_id")
        else:
            raise DomainError("Russian companies are registered by INN from the registry", field="country")
        return cls._new(company_id, country, CompanyKind.LEGAL_ENTITY, tax_id, "", "", name, full_name,
                        legal_address, head_name, head_position, at)  # fmt: skip

    @classmethod
    def _new(cls, company_id, country, kind, tax_id, kpp, number, name, full_name, address, head, position, at):
        return cls(
            id=company_id,
            country=country,
            kind=kind,
            tax_id=tax_id,
            kpp=kpp,
            registration_number=number,
            name=clean_name(name, max_length=300),
            full_name=_text(full_name) or clean_name(name, max_length=300),
            legal_address=_text(address),
            head_name=_text(head, 200),
            head_position=_text(position, 200),
            created_at=at,
        )


@dataclass(eq=False)
class BankAccount:
    id: UUID
    company_id: UUID
    country: Region
    bic: str  # 9-digit BIC (RU) or SWIFT BIC (KZ, BY)
    account: str  # 20-digit settlement account (RU) or IBAN (KZ, BY)
    correspondent_account: str  # RU only; "" otherwise
    bank_name: str
    created_at: datetime

    @classmethod
    def russian(cls, account_id: UUID, company_id: UUID, bank: Bank, account: str, at: datetime) -> BankAccount:
        reason = bank.refusal_reason
        if reason is not None or bank.correspondent_account is None:
            raise BankRefusesPayments(f"BIC {bank.bic} cannot receive payment orders: {reason}", field="bic")
        account = check_account(account, bank.bic, field="account")
        return cls(account_id, company_id, Region.RU, bank.bic, account, bank.correspondent_account, bank.name, at)

    @classmethod
    def iban(
        cls, account_id: UUID, company_id: UUID, country: Region, swift_bic: str, iban: str, bank_name: str,
        at: datetime,
    ) -> BankAccount:  # fmt: skip
        swift_bic = check_swift_bic(swift_bic, country=country.value, field="bic")
        iban = check_iban(iban, country=country.value, field="account")
        name = clean_name(bank_name, field="bank_name", max_length=300)
        return cls(account_id, company_id, country, swift_bic, iban, "", name, at)
