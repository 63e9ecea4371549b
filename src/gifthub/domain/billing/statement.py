"""A bank statement as read from 1C: the documents that moved money on our accounts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gifthub.domain.money import Money


@dataclass(frozen=True)
class StatementDocument:
    line: int  # where its section starts in the file, for messages
    kind: str  # "Платежное поручение", ...
    number: str
    date: date
    amount: Money
    payer_name: str
    payer_inn: str
    payer_account: str
    recipient_account: str
    purpose: str
    received_on: date | None = None  # ДатаПоступило: set on money that came in
    written_off_on: date | None = None  # ДатаСписано: set on money that went out

    @property
    def payment_reference(self) -> str:
        """The payment's identity across statements: the same document in two files is one payment."""
        return f"1c:{self.date:%Y%m%d}:{self.number}:{self.payer_account or self.payer_inn}:{self.amount.minor}"


@dataclass(frozen=True)
class BankStatement:
    accounts: tuple[str, ...]  # our accounts the statement covers (РасчСчет)
    period: tuple[date | None, date | None]
    documents: tuple[StatementDocument, ...]

    def incoming(self) -> tuple[StatementDocument, ...]:
        """Money received: documents whose recipient is one of the statement's accounts. A file without
        РасчСчет tells the direction by its dates: an outgoing payment has ДатаСписано and no ДатаПоступило."""
        if not self.accounts:
            return tuple(d for d in self.documents if d.received_on is not None or d.written_off_on is None)
        return tuple(d for d in self.documents if d.recipient_account in self.accounts)
