"""A seller: the platform's legal entity that issues invoices in one region."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from gifthub.domain.billing import seller_requisites as req
from gifthub.domain.billing.errors import InvalidRequisite
from gifthub.domain.region import Region

_PREFIX = re.compile(r"^[A-Z]{2,5}$")


@dataclass(frozen=True)
class BankDetails:
    bank_name: str
    account: str  # RU: 20-digit settlement account; KZ: IIK (IBAN); BY: IBAN
    bic: str  # RU: 9-digit BIC; KZ/BY: SWIFT-like bank code
    correspondent_account: str = ""  # RU only


@dataclass(frozen=True)
class Requisites:
    inn: str = ""  # RU
    kpp: str = ""  # RU
    ogrn: str = ""  # RU
    bin: str = ""  # KZ
    kbe: str = ""  # KZ: beneficiary code
    knp: str = ""  # KZ: purpose-of-payment code
    unp: str = ""  # BY
    address: str = ""


@dataclass
class Seller:
    id: UUID
    region: Region
    name: str
    number_prefix: str  # letters that start every invoice number, unique per seller (e.g. GHR)
    requisites: Requisites
    bank: BankDetails
    signatory_name: str
    signatory_title: str
    vat_exempt: bool  # "без НДС": a simplified tax regime
    created_at: datetime
    signature_image: bytes | None = None
    stamp_image: bytes | None = None
    active: bool = True
    events: list = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        validate_seller(self)


def validate_seller(seller: Seller) -> None:
    if not seller.name.strip() or len(seller.name) > 300:
        raise InvalidRequisite("the seller's name must be 1-300 characters", field="name")
    if not _PREFIX.match(seller.number_prefix):
        raise InvalidRequisite("number_prefix must be 2-5 capital Latin letters", field="number_prefix")
    if not seller.signatory_name.strip():
        raise InvalidRequisite("the signatory's name is required", field="signatory_name")
    r, bank = seller.requisites, seller.bank
    if not bank.bank_name.strip():
        raise InvalidRequisite("the bank's name is required", field="bank.bank_name")
    if seller.region is Region.RU:
        req.check_inn(r.inn, "requisites.inn")
        if len(r.inn) == 10:
            req.check_kpp(r.kpp, "requisites.kpp")
        if r.ogrn:
            req.check_ogrn(r.ogrn, "requisites.ogrn")
        req.check_settlement_account(bank.account, bank.bic, "bank.account")
        req.check_correspondent_account(bank.correspondent_account, bank.bic, "bank.correspondent_account")
    elif seller.region is Region.KZ:
        req.check_bin(r.bin, "requisites.bin")
        req.check_iban(bank.account, "bank.account")
        if not re.fullmatch(r"\d{2}", r.kbe):
            raise InvalidRequisite("KBe must be 2 digits", field="requisites.kbe")
        if not re.fullmatch(r"\d{3}", r.knp):
            raise InvalidRequisite("KNP must be 3 digits", field="requisites.knp")
    else:
        req.check_unp(r.unp, "requisites.unp")
        req.check_iban(bank.account, "bank.account")
