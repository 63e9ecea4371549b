"""The composition root: dishka providers that build everything for HTTP, the bus, the CLI and tests.

Each capability has its own module here with one Provider class, listed once in ``providers()``.
Tests and entry points pass extra providers to ``make_container``; later ones override earlier ones,
so a test swaps the clock or a gateway without patching anything.
"""

from __future__ import annotations

from dishka import AsyncContainer, Provider, make_async_container

from gifthub.config import Settings
from gifthub.ioc.accounts import AccountsProvider
from gifthub.ioc.infrastructure import InfrastructureProvider
from gifthub.ioc.orders import OrdersProvider, OrdersStandInProvider


def providers() -> list[Provider]:
    return [
        InfrastructureProvider(),
        OrdersStandInProvider(),  # remove once the catalog capability provides these ports
        AccountsProvider(),
        OrdersProvider(),
    ]


def make_container(settings: Settings, *extra: Provider) -> AsyncContainer:
    return make_async_container(*providers(), *extra, context={Settings: settings})
