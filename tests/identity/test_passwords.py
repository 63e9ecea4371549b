"""argon2id hashing: the hash is rehashed at sign-in when the parameters change."""

from __future__ import annotations

from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_identity import users
from tests.support.identity import PASSWORD, anonymous_client, cheap_hasher, create_user, sign_in


async def _stored_hash(settings) -> str:
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        value = (await connection.execute(select(users.c.password_hash))).scalar_one()
    await engine.dispose()
    return value


async def test_argon2id_and_rehash_on_sign_in_when_parameters_change(settings, clock):
    async with anonymous_client(settings, clock, cheap_hasher(time_cost=1)) as web:
        await create_user(web, "vera@example.com")
    old = await _stored_hash(settings)
    assert old.startswith("$argon2id$") and ",t=1," in old and PASSWORD not in old
    async with anonymous_client(settings, clock, cheap_hasher(time_cost=2)) as web:
        await sign_in(web, "vera@example.com")
        new = await _stored_hash(settings)
        assert new.startswith("$argon2id$") and ",t=2," in new
        await sign_in(web, "vera@example.com")  # the new hash verifies
