"""The port to Giftery's B2B API (the adapter speaks the wire; see shared/reference/external-systems.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from gifthub.domain.catalog import Category, Product


class GifteryError(Exception):
    """Giftery answered ``status: error``: a definite refusal (the order was NOT taken)."""

    def __init__(self, code: int, text: str) -> None:
        super().__init__(f"Giftery error {code}: {text}")
        self.code = code
        self.text = text


class GifteryUnavailable(Exception):
    """Transport failure, timeout or 5xx. For make_order the outcome is UNKNOWN: ask find_order first."""


@dataclass(frozen=True)
class CertificateRequest:
    uuid: str  # our idempotency key for this one certificate (<= 36 chars)
    external_id: str  # our certificate id (<= 255 chars)
    product_id: str
    face: int  # whole units of the product's currency, as Giftery takes it
    delivery_type: str = "download"  # email | sms | download | code | link
    email_to: str = ""
    to: str = ""  # recipient name
    to_phone: str = ""  # 11 digits starting with 7
    from_name: str = ""
    text: str = ""  # greeting, <= 512
    date_send: datetime | None = None  # aware; sent as ISO-8601 with offset
    comment: str = ""
    testmode: bool = False


class QueueStatus(StrEnum):
    PENDING = "pending"  # taken, not finished
    OK = "ok"
    ERROR = "error"


@dataclass(frozen=True)
class CertificateStatus:
    queue_id: str
    status: QueueStatus
    order_id: str | None = None
    external_id: str | None = None
    face: int | None = None
    expire_date: str | None = None
    error_code: int | None = None
    error_text: str | None = None


@dataclass(frozen=True)
class CertificateCode:
    code: str
    pin: str = ""
    expire_date: str | None = None
    download_url: str = ""
    exchange_url: str = ""


@dataclass(frozen=True)
class CatalogSnapshot:
    categories: list[Category] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)


class GifteryGateway(Protocol):
    async def make_order(self, request: CertificateRequest) -> str:
        """Queue id. Raises GifteryError (refused) or GifteryUnavailable (unknown: never just retry)."""
        ...

    async def find_order(self, uuid: str, external_id: str) -> CertificateStatus | None:
        """Status of the order we may have placed under this uuid / external id; None if Giftery has none."""
        ...

    async def get_status(self, queue_id: str) -> CertificateStatus: ...

    async def get_code(self, queue_id: str) -> CertificateCode: ...

    async def get_certificate_pdf(self, queue_id: str) -> bytes: ...

    async def get_balance(self) -> int: ...

    async def fetch_catalog(self) -> CatalogSnapshot: ...
