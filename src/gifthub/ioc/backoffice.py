from __future__ import annotations

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncEngine

from gifthub.adapters.persistence.backoffice_search import SqlBackofficeSearch
from gifthub.adapters.persistence.engine import session_factory
from gifthub.application.backoffice.search_everything import SearchEverything
from gifthub.application.ports.backoffice_search import BackofficeSearch


class BackofficeProvider(Provider):
    scope = Scope.REQUEST

    @provide(scope=Scope.APP)
    def search(self, engine: AsyncEngine) -> BackofficeSearch:
        return SqlBackofficeSearch(session_factory(engine, read_only=True))

    search_everything = provide(SearchEverything)
