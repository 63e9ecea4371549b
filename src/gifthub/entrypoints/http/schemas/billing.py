"""Bodies of sellers, invoices and bank payments. Amounts are decimal strings."""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.application.billing.import_bank_statement import ImportResult
from gifthub.application.billing.register_seller import SellerData
from gifthub.domain.billing.errors import InvalidRequisite
from gifthub.domain.billing.invoice import Buyer, Invoice
from gifthub.domain.billing.payment import Payment
from gifthub.domain.billing.seller import BankDetails, Requisites, Seller
from gifthub.domain.region import parse_region
from gifthub.entrypoints.http.schemas.accounts import AmountText, Body, CurrencyText

Short = Annotated[str, msgspec.Meta(max_length=300)]


def _image(value: str | None, field: str) -> bytes | None:
    if not value:
        return None
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidRequisite("must be a base64-encoded PNG or JPEG", field=field) from None
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        raise InvalidRequisite("must be a PNG or JPEG image", field=field)
    return data


class RequisitesIn(Body):
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""
    bin: str = ""
    kbe: str = ""
    knp: str = ""
    unp: str = ""
    address: Annotated[str, msgspec.Meta(max_length=500)] = ""


class BankIn(Body):
    bank_name: Short
    account: Annotated[str, msgspec.Meta(max_length=34, description="RU settlement account, KZ IIK or BY IBAN")]
    bic: Annotated[str, msgspec.Meta(max_length=11)]
    correspondent_account: str = ""


class SellerIn(Body):
    region: str
    name: Short
    number_prefix: Annotated[str, msgspec.Meta(description="2-5 capital Latin letters that start invoice numbers")]
    requisites: RequisitesIn
    bank: BankIn
    signatory_name: Short
    signatory_title: Short
    vat_exempt: bool = False
    signature_png_base64: Annotated[str, msgspec.Meta(max_length=700_000)] | None = None
    stamp_png_base64: Annotated[str, msgspec.Meta(max_length=700_000)] | None = None

    def to_data(self) -> SellerData:
        return SellerData(
            region=parse_region(self.region),
            name=self.name,
            number_prefix=self.number_prefix,
            requisites=Requisites(**msgspec.structs.asdict(self.requisites)),
            bank=BankDetails(**msgspec.structs.asdict(self.bank)),
            signatory_name=self.signatory_name,
            signatory_title=self.signatory_title,
            vat_exempt=self.vat_exempt,
            signature_image=_image(self.signature_png_base64, "signature_png_base64"),
            stamp_image=_image(self.stamp_png_base64, "stamp_png_base64"),
        )


class SellerOut(msgspec.Struct, frozen=True):
    id: UUID
    region: str
    name: str
    number_prefix: str
    inn: str
    kpp: str
    bin: str
    unp: str
    bank_name: str
    account: str
    bic: str
    signatory_name: str
    vat_exempt: bool
    active: bool
    has_signature: bool
    has_stamp: bool

    @classmethod
    def of(cls, s: Seller) -> SellerOut:
        r, b = s.requisites, s.bank
        return cls(
            s.id,
            s.region.value,
            s.name,
            s.number_prefix,
            r.inn,
            r.kpp,
            r.bin,
            r.unp,
            b.bank_name,
            b.account,
            b.bic,
            s.signatory_name,
            s.vat_exempt,
            s.active,
            bool(s.signature_image),
            bool(s.stamp_image),
        )


class SellerActiveIn(Body):
    active: bool


class BuyerIn(Body):
    name: Short
    inn: Annotated[str, msgspec.Meta(max_length=12)] = ""
    kpp: Annotated[str, msgspec.Meta(max_length=9)] = ""
    address: Annotated[str, msgspec.Meta(max_length=500)] = ""
    email: Annotated[str, msgspec.Meta(max_length=320)] = ""

    def to_domain(self) -> Buyer:
        return Buyer(self.name.strip(), self.inn.strip(), self.kpp.strip(), self.address.strip(), self.email.strip())


class TopUpInvoiceIn(Body):
    amount: AmountText
    currency: CurrencyText
    buyer: BuyerIn | None = None


class LineOut(msgspec.Struct, frozen=True):
    title: str
    unit_price: str
    quantity: int
    total: str


class InvoiceOut(msgspec.Struct, frozen=True):
    id: UUID
    number: str
    project_id: UUID
    seller_id: UUID
    kind: str
    status: str
    currency: str
    total: str
    vat: str
    vat_percent: str | None
    paid: str
    outstanding: str
    issued_on: date
    due_on: date
    buyer_name: str
    buyer_inn: str
    order_id: UUID | None
    lines: list[LineOut]
    created_at: datetime

    @classmethod
    def of(cls, i: Invoice) -> InvoiceOut:
        return cls(
            i.id,
            i.number,
            i.project_id,
            i.seller_id,
            i.kind.value,
            i.status.value,
            i.currency.value,
            i.total.to_string(),
            i.vat.to_string(),
            str(i.vat_percent) if i.vat_percent is not None else None,
            i.paid.to_string(),
            i.outstanding.to_string(),
            i.issued_on,
            i.due_on,
            i.buyer.name,
            i.buyer.inn,
            i.order_id,
            [LineOut(x.title, x.unit_price.to_string(), x.quantity, x.total.to_string()) for x in i.lines],
            i.created_at,
        )


class InvoicePage(msgspec.Struct, frozen=True):
    items: list[InvoiceOut]
    next_cursor: str | None


class PaymentOut(msgspec.Struct, frozen=True):
    id: UUID
    reference: str
    document_number: str
    document_date: date
    amount: str
    currency: str
    payer_name: str
    payer_inn: str
    purpose: str
    status: str
    reason: str
    invoice_id: UUID | None
    project_id: UUID | None
    overpaid: str | None
    credited: bool

    @classmethod
    def of(cls, p: Payment) -> PaymentOut:
        return cls(
            p.id,
            p.reference,
            p.document_number,
            p.document_date,
            p.amount.to_string(),
            p.amount.currency.value,
            p.payer_name,
            p.payer_inn,
            p.purpose,
            p.status.value,
            p.reason,
            p.invoice_id,
            p.project_id,
            p.overpaid.to_string() if p.overpaid is not None else None,
            p.credited,
        )


class PaymentPage(msgspec.Struct, frozen=True):
    items: list[PaymentOut]
    next_cursor: str | None


class MatchIn(Body):
    invoice_id: UUID


class ImportOut(msgspec.Struct, frozen=True):
    received: int
    applied: int
    unmatched: int
    already_known: int
    credited: int

    @classmethod
    def of(cls, r: ImportResult) -> ImportOut:
        return cls(r.received, r.applied, r.unmatched, r.already_known, r.credited)
