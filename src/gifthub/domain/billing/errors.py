"""Errors of the billing capability."""

from __future__ import annotations

from gifthub.domain.errors import DomainError


class InvalidRequisite(DomainError):
    code = "invalid-requisite"


class InvalidInvoice(DomainError):
    code = "invalid-invoice"


class InvoiceClosed(DomainError):
    """The invoice is paid, cancelled or expired: it takes no more changes of that kind."""

    code = "invoice-closed"


class UnknownVatRate(DomainError):
    code = "unknown-vat-rate"


class StatementError(DomainError):
    """A bank statement that cannot be read; ``line`` is 1-based. A broken file credits nothing."""

    code = "bad-statement"

    def __init__(self, message: str, *, line: int | None = None) -> None:
        where = f"line {line}: " if line is not None else ""
        super().__init__(where + message, field=f"line {line}" if line is not None else "statement")
        self.line = line
