from __future__ import annotations

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.catalog.errors import CatalogSourceUnavailable
from gifthub.application.ports.catalog_store import CatalogStore, SyncReport
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.giftery_gateway import GifteryError, GifteryGateway, GifteryUnavailable
from gifthub.domain.identity import Principal


class SyncCatalog:
    """Copy Giftery's catalog into the local tables, so the cabinet never waits on Giftery."""

    def __init__(self, giftery: GifteryGateway, store: CatalogStore, clock: Clock) -> None:
        self._giftery, self._store, self._clock = giftery, store, clock

    async def execute(self, principal: Principal) -> SyncReport:
        ensure_platform_admin(principal, "sync the catalog")
        try:
            snapshot = await self._giftery.fetch_catalog()
        except (GifteryError, GifteryUnavailable) as error:
            raise CatalogSourceUnavailable(f"the catalog was not synced: {error}") from error
        if not snapshot.products:
            # An empty reply is far likelier a fault than a supplier leaving: deactivating everything
            # would empty every cabinet's catalog.
            raise CatalogSourceUnavailable("Giftery returned no products; the local catalog is kept as it was")
        return await self._store.apply(snapshot, self._clock.now())
