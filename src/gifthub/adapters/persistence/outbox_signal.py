"""Wakes this process's outbox relays when a transaction that wrote outbox rows commits.

Without it a relay finds new rows at its next poll (tens of milliseconds later, and that wait is most of
the end-to-end lag). The signal only shortens the wait: rows written by other processes, or a signal
missed, are still found by polling, and the outbox table stays the only source of truth.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

_WROTE_OUTBOX = "gifthub.wrote_outbox"
_listeners: set[Callable[[], None]] = set()


def note_outbox_written(session) -> None:
    """Called by the outbox writer; the commit of ``session``'s transaction then wakes the relays."""
    session.info[_WROTE_OUTBOX] = True


def wake_on_outbox_commit(wake: asyncio.Event) -> Callable[[], None]:
    """Set ``wake`` after every commit that wrote outbox rows, from any thread; returns the unsubscribe."""
    loop = asyncio.get_running_loop()

    def listener() -> None:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            wake.set()
        else:  # a commit on another thread or loop: never let the signal fail the writer's commit
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(wake.set)

    _listeners.add(listener)
    return lambda: _listeners.discard(listener)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_WROTE_OUTBOX, False):
        for listener in tuple(_listeners):
            listener()


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_WROTE_OUTBOX, None)
