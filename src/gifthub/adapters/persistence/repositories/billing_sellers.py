"""Sellers: rows translated to the domain explicitly (billing keeps no ORM identity map state)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_billing import billing_sellers as t
from gifthub.domain.billing.seller import BankDetails, Requisites, Seller
from gifthub.domain.region import Region


def _row(seller: Seller) -> dict:
    r, b = seller.requisites, seller.bank
    return {
        "id": seller.id,
        "region": seller.region,
        "name": seller.name,
        "number_prefix": seller.number_prefix,
        "inn": r.inn,
        "kpp": r.kpp,
        "ogrn": r.ogrn,
        "bin": r.bin,
        "kbe": r.kbe,
        "knp": r.knp,
        "unp": r.unp,
        "address": r.address,
        "bank_name": b.bank_name,
        "bank_account": b.account,
        "bank_bic": b.bic,
        "bank_correspondent_account": b.correspondent_account,
        "signatory_name": seller.signatory_name,
        "signatory_title": seller.signatory_title,
        "vat_exempt": seller.vat_exempt,
        "signature_image": seller.signature_image,
        "stamp_image": seller.stamp_image,
        "active": seller.active,
        "created_at": seller.created_at,
    }


def _seller(row) -> Seller:
    return Seller(
        id=row.id,
        region=Region(row.region),
        name=row.name,
        number_prefix=row.number_prefix,
        requisites=Requisites(row.inn, row.kpp, row.ogrn, row.bin, row.kbe, row.knp, row.unp, row.address),
        bank=BankDetails(row.bank_name, row.bank_account, row.bank_bic, row.bank_correspondent_account),
        signatory_name=row.signatory_name,
        signatory_title=row.signatory_title,
        vat_exempt=row.vat_exempt,
        created_at=row.created_at,
        signature_image=row.signature_image,
        stamp_image=row.stamp_image,
        active=row.active,
    )


class SqlSellerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, seller: Seller) -> None:
        await self._session.execute(insert(t).values(_row(seller)))

    async def update(self, seller: Seller) -> None:
        values = _row(seller)
        values.pop("id")
        await self._session.execute(update(t).where(t.c.id == seller.id).values(values))

    async def get(self, seller_id: UUID) -> Seller | None:
        row = (await self._session.execute(select(t).where(t.c.id == seller_id))).first()
        return _seller(row) if row else None

    async def active_for(self, region: Region) -> Seller | None:
        query = select(t).where(t.c.region == region, t.c.active.is_(True)).order_by(t.c.created_at).limit(1)
        row = (await self._session.execute(query)).first()
        return _seller(row) if row else None

    async def prefix_taken(self, prefix: str, except_id: UUID | None = None) -> bool:
        condition = t.c.number_prefix == prefix
        if except_id is not None:
            condition = condition & (t.c.id != except_id)
        return bool(await self._session.scalar(select(exists().where(condition))))

    async def list(self) -> list[Seller]:
        rows = await self._session.execute(select(t).order_by(t.c.region, t.c.created_at))
        return [_seller(r) for r in rows]
