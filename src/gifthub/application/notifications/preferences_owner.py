"""Preferences belong to a signed-in person: other callers have none."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.errors import Forbidden
from gifthub.domain.identity import Principal, PrincipalKind


def preferences_owner(principal: Principal) -> UUID:
    if principal.kind is not PrincipalKind.USER:
        raise Forbidden("notification preferences belong to a signed-in user")
    try:
        return UUID(principal.id)
    except ValueError:
        raise Forbidden("notification preferences belong to a signed-in user") from None
