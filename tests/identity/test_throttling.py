"""Growing delays after failed sign-ins, per account and per IP, kept in the database."""

from __future__ import annotations

from tests.support.identity import PASSWORD, create_user


async def _sign_in(web, email: str, password: str):
    answer = await web.post("/api/v1/auth/sign-in", json={"email": email, "password": password})
    web.cookies.clear()
    return answer


async def test_wrong_passwords_lock_the_account_with_growing_delays(web, clock):
    await create_user(web, "olga@example.com")
    for _ in range(5):
        assert (await _sign_in(web, "olga@example.com", "wrong password!")).status_code == 401
    locked = await _sign_in(web, "olga@example.com", PASSWORD)  # even the right password waits
    assert locked.status_code == 429 and locked.json()["type"] == "/problems/too-many-attempts"
    assert locked.headers["Retry-After"] == "1" and locked.json()["retry_after"] == 1
    clock.advance(seconds=1)
    assert (await _sign_in(web, "olga@example.com", "wrong password!")).status_code == 401
    clock.advance(seconds=1)
    assert (await _sign_in(web, "olga@example.com", PASSWORD)).status_code == 429  # now 2 seconds
    clock.advance(seconds=1)
    assert (await _sign_in(web, "olga@example.com", PASSWORD)).status_code == 200
    assert (await _sign_in(web, "olga@example.com", "wrong password!")).status_code == 401  # cleared by success


async def test_unknown_emails_are_throttled_exactly_like_known_ones(web):
    for _ in range(5):
        assert (await _sign_in(web, "ghost@example.com", "wrong password!")).status_code == 401
    assert (await _sign_in(web, "ghost@example.com", "wrong password!")).status_code == 429


async def test_one_ip_spraying_many_accounts_is_slowed_down(web):
    statuses = [(await _sign_in(web, f"user{n}@example.com", "wrong password!")).status_code for n in range(21)]
    assert statuses[:20] == [401] * 20 and statuses[20] == 429
