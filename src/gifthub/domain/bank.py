"""A Russian bank as the Bank of Russia directory (ED807) describes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Restrictions that stop a participant from receiving payment orders (license withdrawn, participation
# restricted, moratorium). Other codes limit individual services and are only shown.
BLOCKING_RESTRICTIONS = frozenset({"LWRS", "URRS", "MRTR"})
ACTIVE_PARTICIPANT = "PSAC"


@dataclass(frozen=True)
class Bank:
    bic: str
    name: str
    english_name: str
    city: str
    postcode: str
    address: str
    participant_type: str
    participant_status: str
    restrictions: tuple[str, ...]
    correspondent_account: str | None  # the active CRSA account; none means no payment orders
    swift_bic: str | None
    directory_date: date | None

    @property
    def refusal_reason(self) -> str | None:
        """Why payment orders to this bank are refused, or None when they are accepted."""
        if self.participant_status != ACTIVE_PARTICIPANT:
            return f"the bank is not an active participant (status {self.participant_status})"
        blocking = sorted(BLOCKING_RESTRICTIONS.intersection(self.restrictions))
        if blocking:
            return f"the bank's participation is restricted ({', '.join(blocking)})"
        if self.correspondent_account is None:
            return "the bank has no active correspondent account (CRSA)"
        return None

    @property
    def can_receive_payments(self) -> bool:
        return self.refusal_reason is None
