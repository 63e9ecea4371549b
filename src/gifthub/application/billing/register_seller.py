from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.billing.errors import InvalidRequisite
from gifthub.domain.billing.seller import BankDetails, Requisites, Seller
from gifthub.domain.identity import Principal
from gifthub.domain.region import Region


@dataclass(frozen=True)
class SellerData:
    region: Region
    name: str
    number_prefix: str
    requisites: Requisites
    bank: BankDetails
    signatory_name: str
    signatory_title: str
    vat_exempt: bool
    signature_image: bytes | None = None
    stamp_image: bytes | None = None


class RegisterSeller:
    def __init__(self, uow: BillingUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, data: SellerData) -> Seller:
        ensure_platform_admin(principal, "manage sellers")
        seller = Seller(
            id=self._ids.new_id(),
            region=data.region,
            name=data.name.strip(),
            number_prefix=data.number_prefix,
            requisites=data.requisites,
            bank=data.bank,
            signatory_name=data.signatory_name.strip(),
            signatory_title=data.signatory_title.strip(),
            vat_exempt=data.vat_exempt,
            created_at=self._clock.now(),
            signature_image=data.signature_image,
            stamp_image=data.stamp_image,
        )
        async with self._uow as uow:
            if await uow.sellers.prefix_taken(seller.number_prefix):
                raise InvalidRequisite(f"number prefix {seller.number_prefix} is taken", field="number_prefix")
            await uow.sellers.add(seller)
            await uow.commit()
        return seller
