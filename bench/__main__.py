"""``make bench``: run every benchmark with its baseline."""

import asyncio

from bench.outbox_relay import main as outbox_relay

asyncio.run(outbox_relay(20000))
