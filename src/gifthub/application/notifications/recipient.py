"""Whose notifications a principal may see: a user their own; the platform any recipient it names."""

from __future__ import annotations

from gifthub.application.errors import Forbidden
from gifthub.domain.identity import Principal, PrincipalKind


def recipient_for(principal: Principal, requested: str | None) -> str:
    if principal.kind is PrincipalKind.USER:
        return principal.id
    if principal.is_platform and requested:
        return requested
    raise Forbidden("name the recipient (platform) or sign in as the user", field="recipient")
