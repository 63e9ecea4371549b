from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.company_registry import ExternalServiceError
from gifthub.domain.crm import CrmLead


class CrmTemporaryError(ExternalServiceError):
    """The CRM is busy or down even after the adapter's retries: try the whole message again later."""

    code = "crm-unavailable"


class CrmPermanentError(ExternalServiceError):
    """The CRM refused the lead for good (credentials, scope, bad fields): a person must act."""

    code = "crm-refused"

    def __init__(self, message: str, *, error_code: str) -> None:
        super().__init__(message)
        self.error_code = error_code


class CrmGateway(Protocol):
    async def add_lead(self, lead: CrmLead) -> int:
        """Create the lead once per ``lead.origin_id`` and return its CRM id (the existing one on repeat)."""
        ...
