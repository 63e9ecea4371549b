"""Batch lookups of a statement import plan for their values on PostgreSQL (a cached generic plan of a
500-value IN-list scans linearly), for that transaction only; SQLite has no plan cache to steer."""

from __future__ import annotations

from sqlalchemy import text

from gifthub.adapters.persistence.billing_unit_of_work import SqlBillingUnitOfWork
from gifthub.adapters.persistence.engine import create_engine, session_factory


async def _plan_cache_mode(uow: SqlBillingUnitOfWork) -> str:
    return (await uow.session.execute(text("SHOW plan_cache_mode"))).scalar_one()


async def test_batch_lookups_plan_for_their_values_for_one_transaction(database_url):
    engine = create_engine(database_url)
    try:
        async with SqlBillingUnitOfWork(session_factory(engine)) as uow:
            assert await uow.payments.known_references(["1c:20261120:1:40702810000000000001:100"]) == set()
            assert await uow.invoices.by_numbers(["GHR-2026-000001"]) == []
            if engine.dialect.name == "postgresql":
                assert await _plan_cache_mode(uow) == "force_custom_plan"
        if engine.dialect.name == "postgresql":
            async with SqlBillingUnitOfWork(session_factory(engine)) as uow:
                assert await _plan_cache_mode(uow) == "auto"  # SET LOCAL ended with the transaction
    finally:
        await engine.dispose()
