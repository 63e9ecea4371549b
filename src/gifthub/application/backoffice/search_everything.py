"""Back-office: one search box over cabinets, projects (name or B2B code), companies (name or tax id)
and users (email) of every tenant."""

from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.authorization import ensure_platform_staff
from gifthub.application.errors import InvalidRequest
from gifthub.application.pagination import check_limit
from gifthub.application.ports.backoffice_search import BackofficeSearch, Found
from gifthub.domain.identity import Principal

KINDS = ("cabinet", "project", "company", "user")
MIN_LENGTH = 2  # a single letter matches half the platform


@dataclass(frozen=True)
class SearchResults:
    cabinets: list[Found]
    projects: list[Found]
    companies: list[Found]
    users: list[Found]


class SearchEverything:
    def __init__(self, search: BackofficeSearch) -> None:
        self._search = search

    async def execute(
        self, principal: Principal, text: str, limit: int, kinds: tuple[str, ...] = KINDS
    ) -> SearchResults:
        ensure_platform_staff(principal, "search the back-office")
        check_limit(limit)
        needle = " ".join(text.split())[:200]
        if len(needle) < MIN_LENGTH:
            raise InvalidRequest(f"type at least {MIN_LENGTH} characters", field="q")
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            raise InvalidRequest(f"unknown kind {unknown[0]!r}; use {', '.join(KINDS)}", field="kind")
        return SearchResults(
            cabinets=await self._search.cabinets(needle, limit) if "cabinet" in kinds else [],
            projects=await self._search.projects(needle, limit) if "project" in kinds else [],
            companies=await self._search.companies(needle, limit) if "company" in kinds else [],
            users=await self._search.users(needle, limit) if "user" in kinds else [],
        )
