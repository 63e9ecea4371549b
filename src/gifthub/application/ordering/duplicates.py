"""Refuse an order that names the same certificate twice, unless the request confirms it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gifthub.domain.order_duplicates import Place, find_duplicates
from gifthub.domain.order_errors import DuplicateCertificate
from gifthub.domain.order_line import OrderLine


def draft_field(lines: Sequence[OrderLine], place: Place) -> str:
    """Where a certificate is in a draft's body, as the request spells it."""
    recipient = lines[place.line].recipients[place.recipient]
    contact = "email" if recipient.email else "phone"
    return f"lines[{place.line}].recipients[{place.recipient}].{contact}"


def ensure_no_duplicates(
    lines: Sequence[OrderLine],
    *,
    allow: bool,
    field_of: Callable[[Sequence[OrderLine], Place], str] = draft_field,
) -> None:
    if allow:
        return
    duplicates = find_duplicates(lines)
    if not duplicates:
        return
    duplicate = duplicates[0]
    place, first = duplicate.place, duplicate.first
    line = lines[place.line]
    nominal = line.nominals[place.nominal].to_string()
    if (place.line, place.recipient) == (first.line, first.recipient):  # one recipient, a nominal repeated
        field = f"lines[{place.line}].additional_nominals[{place.nominal - 1}]"
        where = f"lines[{first.line}].nominal" if first.nominal == 0 else ""
        where = where or f"lines[{first.line}].additional_nominals[{first.nominal - 1}]"
    else:
        field, where = field_of(lines, place), field_of(lines, first)
    more = f" ({len(duplicates)} such certificates)" if len(duplicates) > 1 else ""
    raise DuplicateCertificate(
        f"{duplicate.person} already gets product {line.product.product_id} at {nominal} in {where}{more}; "
        "send allow_duplicates: true if the same person is to get it twice",
        field=field,
    )
