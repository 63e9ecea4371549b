"""Duplicates in an order: the same product at the same nominal for the same person, twice.

A list that names someone twice is most often a slip of copy and paste; where it is meant (two gifts to
one person), the client confirms it. Lines without recipients (codes the client hands out) have no
person to repeat and are never duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gifthub.domain.order_line import OrderLine, Recipient


@dataclass(frozen=True)
class Place:
    """A certificate's place in an order: its line, its recipient and its nominal (indexes)."""

    line: int
    recipient: int
    nominal: int


@dataclass(frozen=True)
class Duplicate:
    place: Place
    first: Place  # where the same certificate was first asked for
    person: str  # the email or phone both name


def person_of(recipient: Recipient) -> str:
    """Who a recipient is, as far as an order can tell: the email, else the phone; "" for nobody."""
    return recipient.email.lower() or recipient.phone


CertificateKey = tuple[str, int, str]  # product id, nominal in minor units, person


def certificate_key(product_id: str, nominal_minor: int, recipient: Recipient) -> CertificateKey | None:
    person = person_of(recipient)
    return (product_id, nominal_minor, person) if person else None


def _keyed(lines: Sequence[OrderLine]):
    for line_index, line in enumerate(lines):
        for recipient_index, recipient in enumerate(line.recipients):
            for nominal_index, nominal in enumerate(line.nominals):
                key = certificate_key(line.product.product_id, nominal.minor, recipient)
                if key is not None:
                    yield key, Place(line_index, recipient_index, nominal_index)


def keys_of(lines: Sequence[OrderLine]) -> set[CertificateKey]:
    """Every certificate of these lines that is for a person."""
    return {key for key, _ in _keyed(lines)}


def find_duplicates(lines: Sequence[OrderLine]) -> list[Duplicate]:
    seen: dict[CertificateKey, Place] = {}
    found = []
    for key, place in _keyed(lines):
        first = seen.setdefault(key, place)
        if first is not place:
            found.append(Duplicate(place, first, key[2]))
    return found
