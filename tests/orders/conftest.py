from __future__ import annotations

import pytest
from dishka import Provider, Scope, provide

from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.accounts.top_up_project import TopUpCommand, TopUpProject
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.giftery_gateway import GifteryGateway
from gifthub.application.ports.pricing_reader import PricingReader
from gifthub.domain.identity import Principal
from gifthub.domain.money import Currency, Money
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.orders.fakes import FakeGiftery, FakePricing, sample_catalog

ADMIN = Principal.staff("admin-1")


class FakePorts(Provider):
    def __init__(self, catalog, pricing, giftery) -> None:
        super().__init__(scope=Scope.APP)
        self._catalog, self._pricing, self._giftery = catalog, pricing, giftery

    @provide
    def catalog(self) -> CatalogReader:
        return self._catalog

    @provide
    def pricing(self) -> PricingReader:
        return self._pricing

    @provide
    def giftery(self) -> GifteryGateway:
        return self._giftery


@pytest.fixture
def catalog():
    return sample_catalog()


@pytest.fixture
def pricing():
    return FakePricing("2.5")


@pytest.fixture
def giftery():
    return FakeGiftery()


@pytest.fixture
def fake_ports(catalog, pricing, giftery) -> Provider:
    return FakePorts(catalog, pricing, giftery)


@pytest.fixture
async def app(settings, clock, fake_ports):
    container = make_container(settings, clock_provider(clock), fake_ports)
    yield Runner(container)
    await container.close()


class Runner:
    """Runs one use case per request scope, as an entrypoint would."""

    def __init__(self, container) -> None:
        self.container = container

    async def run(self, use_case_type, *args, principal: Principal = ADMIN, **kwargs):
        async with self.container() as request:
            use_case = await request.get(use_case_type)
            return await use_case.execute(principal, *args, **kwargs)

    async def project(self, balance: str = "0.00"):
        cabinet = await self.run(CreateCabinet, CreateCabinetCommand("Acme"))
        project = await self.run(CreateProject, CreateProjectCommand(cabinet.id, "Gifts", Region.RU))
        if balance != "0.00":
            await self.top_up(project.id, balance, "seed")
        return project

    async def top_up(self, project_id, amount: str, reference: str):
        command = TopUpCommand(
            project_id, Money.parse(amount, Currency.RUB), Reference(ReferenceKind.PAYMENT, reference)
        )
        return await self.run(TopUpProject, command)


@pytest.fixture
async def client(settings, clock, fake_ports):
    """The HTTP app with the fake catalog, pricing and Giftery (overrides the shared ``client``)."""
    from litestar.testing import AsyncTestClient

    from gifthub.entrypoints.http.app import create_app, http_providers
    from tests.conftest import AUTH

    container = make_container(settings, *http_providers(), clock_provider(clock), fake_ports)
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        client.headers.update(AUTH)
        yield client


@pytest.fixture
async def web(settings, clock, fake_ports):
    """The HTTP app with the fake catalog over HTTPS, for people signing in (cheap argon2); no default
    credentials: each request says who it is."""
    from litestar.testing import AsyncTestClient

    from gifthub.entrypoints.http.app import create_app, http_providers
    from tests.support.identity import BASE_URL, hasher_provider

    container = make_container(settings, *http_providers(), clock_provider(clock), fake_ports, hasher_provider())
    async with AsyncTestClient(app=create_app(settings, container), base_url=BASE_URL) as client:
        yield client
