"""The composition root: dishka providers that build everything for HTTP, the bus, the CLI and tests.

Each capability has its own module here with one Provider class, listed once in ``providers()``.
Tests and entry points pass extra providers to ``make_container``; later ones override earlier ones,
so a test swaps the clock or a gateway without patching anything.
"""

from __future__ import annotations

from dishka import AsyncContainer, Provider, make_async_container

from gifthub.config import Settings
from gifthub.ioc.accounts import AccountsProvider
from gifthub.ioc.backoffice import BackofficeProvider
from gifthub.ioc.billing import BillingProvider
from gifthub.ioc.catalog import CatalogProvider
from gifthub.ioc.catalog_exports import CatalogExportsProvider
from gifthub.ioc.counterparties import CounterpartiesProvider
from gifthub.ioc.giftery import GifteryProvider
from gifthub.ioc.identity import IdentityProvider
from gifthub.ioc.infrastructure import InfrastructureProvider
from gifthub.ioc.messaging import MessagingProvider
from gifthub.ioc.notifications import NotificationsProvider
from gifthub.ioc.orders import OrdersProvider


def providers() -> list[Provider]:
    return [
        InfrastructureProvider(),
        AccountsProvider(),
        GifteryProvider(),
        CatalogProvider(),
        CounterpartiesProvider(),
        MessagingProvider(),
        BillingProvider(),
        IdentityProvider(),
        OrdersProvider(),
        CatalogExportsProvider(),
        BackofficeProvider(),
        NotificationsProvider(),
    ]


def make_container(settings: Settings, *extra: Provider) -> AsyncContainer:
    return make_async_container(*providers(), *extra, context={Settings: settings})
