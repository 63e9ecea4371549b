from __future__ import annotations

import pytest

from tests.support.identity import anonymous_client


@pytest.fixture
async def web(settings, clock):
    """An HTTPS test client with no credentials: each request says who it is."""
    async with anonymous_client(settings, clock) as client:
        yield client
