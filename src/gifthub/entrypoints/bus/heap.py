"""Keep start-up objects out of the garbage collector's full passes.

A process running the bus holds ~100,000 long-lived objects from start-up (modules, mappings, the
container). Each full collection walked them all and paused the event loop for 90-250 ms on a loaded
machine: the relay's p99 lag (bench/outbox_relay.py). Frozen once after start-up, they are never scanned
again; what is created later is collected as usual.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_startup_heap() -> None:
    """Once per process, after start-up: collect what is already garbage, then freeze the survivors."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()
