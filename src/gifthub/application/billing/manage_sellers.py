from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.errors import Forbidden, NotFound
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.domain.billing.seller import Seller
from gifthub.domain.identity import Principal


class ListSellers:
    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal) -> list[Seller]:
        if not principal.is_platform:
            raise Forbidden("only platform staff see sellers")
        async with self._uow as uow:
            return await uow.sellers.list()


class SetSellerActive:
    """Retire a seller (or bring it back): invoices already issued keep their seller."""

    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, seller_id: UUID, active: bool) -> Seller:
        ensure_platform_admin(principal, "manage sellers")
        async with self._uow as uow:
            seller = await uow.sellers.get(seller_id)
            if seller is None:
                raise NotFound("seller not found")
            seller.active = active
            await uow.sellers.update(seller)
            await uow.commit()
        return seller
