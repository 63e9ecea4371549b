"""The composition root: dishka providers that build everything for HTTP, the bus, the CLI and tests.

Tests override providers (a fake clock, another database) instead of patching. Each capability adds
its own Provider class and lists it in ``providers()``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from dishka import AsyncContainer, Provider, Scope, from_context, make_async_container, provide, provide_all
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gifthub.adapters.auth.static_token import StaticTokenAuthenticator, load_or_create_token
from gifthub.adapters.persistence.engine import create_engine, session_factory
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork
from gifthub.adapters.system.clock import SystemClock
from gifthub.adapters.system.ids import RandomIdGenerator
from gifthub.application.accounts.adjust_balance import AdjustBalance
from gifthub.application.accounts.change_negative_limit import ChangeNegativeLimit
from gifthub.application.accounts.create_cabinet import CreateCabinet
from gifthub.application.accounts.create_project import CreateProject
from gifthub.application.accounts.get_cabinet import GetCabinet
from gifthub.application.accounts.get_hold import GetHold
from gifthub.application.accounts.get_project import GetProject
from gifthub.application.accounts.list_cabinets import ListCabinets
from gifthub.application.accounts.list_ledger_entries import ListLedgerEntries
from gifthub.application.accounts.list_projects import ListProjects
from gifthub.application.accounts.place_hold import PlaceHold
from gifthub.application.accounts.settle_hold import CaptureHold, ReleaseHold
from gifthub.application.accounts.top_up_project import TopUpProject
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


class AccountsProvider(Provider):
    scope = Scope.REQUEST

    use_cases = provide_all(
        CreateCabinet,
        GetCabinet,
        ListCabinets,
        CreateProject,
        GetProject,
        ListProjects,
        ChangeNegativeLimit,
        TopUpProject,
        AdjustBalance,
        PlaceHold,
        CaptureHold,
        ReleaseHold,
        GetHold,
        ListLedgerEntries,
    )


def providers() -> list[Provider]:
    return [InfrastructureProvider(), AccountsProvider()]


def make_container(settings: Settings, *extra: Provider) -> AsyncContainer:
    """``extra`` providers come last and so override earlier ones (tests, entrypoints)."""
    return make_async_container(*providers(), *extra, context={Settings: settings})
