from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gifthub.application.errors import ApplicationError
from gifthub.domain.company import CompanyKind


class ExternalServiceError(ApplicationError):
    """A neighbour system (Kontur.Focus, Bitrix24, the directory download) failed or answered nonsense."""

    code = "external-service-failed"


class CompanyRegistryError(ExternalServiceError):
    code = "company-registry-failed"


@dataclass(frozen=True)
class RegistryCompany:
    inn: str
    ogrn: str  # OGRN of a company, OGRNIP of a sole proprietor
    kind: CompanyKind
    kpp: str
    short_name: str
    full_name: str
    legal_address: str
    head_name: str
    head_position: str
    status: str
    dissolved: bool


class CompanyRegistry(Protocol):
    """Company data by INN (Kontur.Focus in production)."""

    async def find_by_inn(self, inn: str) -> RegistryCompany | None:
        """None when the registry does not know the INN; CompanyRegistryError when it cannot answer."""
        ...
