from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.catalog.priced_product import PricedProduct, price_all
from gifthub.application.catalog.viewer import Viewer, viewer_of
from gifthub.application.pagination import DEFAULT_LIMIT, Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.catalog_search import CatalogSearch, ProductFilter
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.catalog import Acceptance
from gifthub.domain.errors import InvalidAmount
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.region import Region, parse_region


@dataclass(frozen=True)
class ProductQuery:
    project_id: UUID | None = None
    region: str | None = None
    text: str = ""
    category_id: str | None = None
    brand_id: str | None = None
    acceptance: str | None = None
    nominal_min: str | None = None  # decimal strings in the region's currency
    nominal_max: str | None = None
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None


class ListProducts:
    """The active catalog as a project sees it: its region, its prices; searched, filtered, paged."""

    def __init__(self, uow: UnitOfWork, search: CatalogSearch, rules: CommissionRules) -> None:
        self._uow, self._search, self._rules = uow, search, rules

    async def execute(self, principal: Principal, query: ProductQuery) -> Page[PricedProduct]:
        check_limit(query.limit)
        after = decode_cursor(query.cursor, 2)
        viewer = await viewer_of(principal, query.project_id, self._uow)
        product_filter = build_filter(viewer, query)
        rows = await self._search.search(product_filter, tuple(after) if after else None, query.limit + 1)
        page = page_of(rows, query.limit, lambda p: encode_cursor(p.title, p.id))
        return Page(await price_all(self._rules, viewer, page.items), page.next_cursor)


def build_filter(viewer: Viewer, query: ProductQuery) -> ProductFilter:
    regions = viewer.regions
    if query.region:
        wanted = parse_region(query.region)
        regions = frozenset({wanted}) if regions is None else regions & {wanted}
    acceptance = None
    if query.acceptance:
        try:
            acceptance = Acceptance(query.acceptance.strip().lower())
        except ValueError:
            raise InvalidAmount("acceptance must be online, offline or both", field="acceptance") from None
    low = _nominal(query.nominal_min, regions, "nominal_min")
    high = _nominal(query.nominal_max, regions, "nominal_max")
    if low is not None and high is not None and low > high:
        raise InvalidAmount("nominal_min is above nominal_max", field="nominal_min")
    return ProductFilter(
        regions=regions,
        text=" ".join(query.text.split()).lower(),
        category_id=query.category_id or None,
        brand_id=query.brand_id or None,
        acceptance=acceptance,
        nominal_min=low,
        nominal_max=high,
    )


def _nominal(text: str | None, regions: frozenset[Region] | None, field: str) -> int | None:
    if text is None or text == "":
        return None
    if regions is None or len(regions) != 1:
        raise InvalidAmount("a nominal range needs one region (give region or project_id)", field=field)
    (region,) = regions
    return Money.parse(text, region.currency, field=field).minor
