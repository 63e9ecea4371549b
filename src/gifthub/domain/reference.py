"""What a money operation is about: a payment, invoice, order, certificate or manual action."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from gifthub.domain.errors import InvalidReference


class ReferenceKind(StrEnum):
    PAYMENT = "payment"
    INVOICE = "invoice"
    ORDER = "order"
    CERTIFICATE = "certificate"
    MANUAL = "manual"


_VALUE = re.compile(r"^[\w.:/#№\-]{1,200}$", re.UNICODE)


@dataclass(frozen=True)
class Reference:
    kind: ReferenceKind
    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.value, str) or not _VALUE.match(self.value):
            raise InvalidReference(
                "reference must be 1-200 letters, digits or . : / # - _ with no spaces",
                field="reference",
            )

    @classmethod
    def parse(cls, kind: str, value: str) -> Reference:
        try:
            parsed_kind = ReferenceKind(kind)
        except ValueError:
            accepted = ", ".join(k.value for k in ReferenceKind)
            raise InvalidReference(
                f"unknown reference kind {kind!r}; accepted: {accepted}", field="reference.kind"
            ) from None
        return cls(parsed_kind, value.strip() if isinstance(value, str) else value)

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"
