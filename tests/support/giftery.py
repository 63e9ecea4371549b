"""The Giftery sandbox on a real loopback port, for any test that talks to Giftery.

Use: ``from tests.support.giftery import giftery, sandbox, sandbox_server  # noqa: F401`` in a conftest or
test module; ``sandbox.faults.update({...})`` switches faults; ``sandbox.state.stats()`` counts orders/calls.
"""

from __future__ import annotations

import httpx
import pytest

from gifthub.adapters.giftery.client import GifteryClient
from gifthub.adapters.giftery.config import GifteryConfig
from gifthub.adapters.giftery.sandbox.app import GifterySandbox
from tests.support.live_server import LiveServer

CLIENT_ID = "4242"
SECRET = "sandbox-test-secret"


@pytest.fixture(scope="module")
def sandbox_server():
    sandbox = GifterySandbox(CLIENT_ID, SECRET)
    with LiveServer(sandbox) as server:
        server.sandbox = sandbox
        yield server


@pytest.fixture
def sandbox(sandbox_server):
    """A fresh sandbox state (no orders, no faults) on the module's live server."""
    httpx.post(f"{sandbox_server.url}/control/reset").raise_for_status()
    return sandbox_server.sandbox


def make_client(url: str, **overrides) -> GifteryClient:
    options = {"client_id": CLIENT_ID, "secret": SECRET, "rate": 0, "timeout": 2.0, **overrides}
    return GifteryClient(GifteryConfig(url=url + "/", **options))


@pytest.fixture
async def giftery(sandbox_server, sandbox):
    client = make_client(sandbox_server.url)
    yield client
    await client.aclose()
