"""The registry of bus handlers: capabilities plug their consumers in with one ``register`` line.

A handler is an async function ``(message, resolve) -> None``. ``resolve.get(SomeUseCase)`` hands it
whatever it needs from the composition root, in a scope of its own per message; the unit of work it
gets writes the inbox row (message processed) in the same transaction as the handler's effects.
Raise ``MalformedMessage`` for a message that can never succeed; any other error is retried.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from gifthub.application.bus.message import InboundMessage

T = TypeVar("T")


class Resolver(Protocol):
    """What a handler may ask for: a dishka request container satisfies it."""

    async def get(self, dependency_type: type[T], component: Any = ...) -> T: ...


Handler = Callable[[InboundMessage, Resolver], Awaitable[None]]


@dataclass(frozen=True)
class Registration:
    consumer: str  # durable consumer name and inbox key; one per handler
    event_name: str
    handler: Handler
    description: str


class HandlerRegistry:
    def __init__(self) -> None:
        self._by_consumer: dict[str, Registration] = {}

    def register(self, event_name: str, handler: Handler, *, consumer: str | None = None) -> Handler:
        """``consumer`` defaults to the handler's name, so two capabilities can both react to one event."""
        name = consumer or handler.__name__
        if name in self._by_consumer:
            raise ValueError(f"consumer {name!r} is already registered")
        description = (handler.__doc__ or "").strip().splitlines()[0] if handler.__doc__ else name
        self._by_consumer[name] = Registration(name, event_name, handler, description)
        return handler

    def __iter__(self) -> Iterator[Registration]:
        return iter(self._by_consumer.values())

    def for_event(self, event_name: str) -> list[Registration]:
        return [r for r in self._by_consumer.values() if r.event_name == event_name]

    def get(self, consumer: str) -> Registration:
        return self._by_consumer[consumer]
