"""Providers of the shared infrastructure: engine, sessions, unit of work, clock, ids, authentication."""

from __future__ import annotations

from collections.abc import AsyncIterator

from dishka import Provider, Scope, from_context, provide
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gifthub.adapters.auth.static_token import StaticTokenAuthenticator, load_or_create_token
from gifthub.adapters.persistence.engine import create_engine, session_factory
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork
from gifthub.adapters.system.clock import SystemClock
from gifthub.adapters.system.ids import RandomIdGenerator
from gifthub.application.ports.authenticator import Authenticator
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.config import Settings


class InfrastructureProvider(Provider):
    scope = Scope.APP

    settings = from_context(provides=Settings, scope=Scope.APP)

    @provide
    async def engine(self, settings: Settings) -> AsyncIterator[AsyncEngine]:
        engine = create_engine(settings.database_url, pool_size=settings.db_pool_size)
        yield engine
        await engine.dispose()

    @provide
    def sessions(self, engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
        return session_factory(engine)

    clock = provide(SystemClock, provides=Clock)
    ids = provide(RandomIdGenerator, provides=IdGenerator)

    @provide
    def authenticator(self, settings: Settings) -> Authenticator:
        token = settings.admin_token or load_or_create_token(settings.admin_token_file)
        return StaticTokenAuthenticator(token)

    unit_of_work = provide(SqlAlchemyUnitOfWork, provides=UnitOfWork, scope=Scope.REQUEST)
