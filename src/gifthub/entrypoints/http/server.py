"""How ``gifthub serve`` runs uvicorn: the client's address resolved by GiftHub (client_address.py), and
timeouts that cut off slow and broken clients without hurting the others.

uvicorn's h11 protocol times out only an idle kept-alive connection. ``TimedH11Protocol`` adds two
deadlines: the request line and headers must arrive within ``header_timeout`` of the connection opening
(or of the first byte of a kept-alive connection's next request), and the whole body within
``body_timeout`` of the headers. A connection that opens and sends nothing, or trickles its body a byte
a second, is answered ``408`` (when no answer has begun) and closed; the event loop never waits on it.
"""

from __future__ import annotations

import functools
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from gifthub.config_http import HttpServerSettings

REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class TimedH11Protocol(H11Protocol):
    def __init__(self, *args: Any, header_timeout: float, body_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timeouts = {"headers": header_timeout, "body": body_timeout}
        self._phase: str | None = None
        self._deadline = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._arm(None)
        super().connection_lost(exc)

    def _watch(self) -> None:
        state = self.conn.their_state
        if state is h11.IDLE:
            # Waiting for a request: an idle kept-alive connection is uvicorn's timer's; ours starts with
            # a new connection or the first byte of the next request.
            phase = None if self.timeout_keep_alive_task is not None else "headers"
        elif state is h11.SEND_BODY:
            phase = "body"
        else:
            phase = None
        if phase != self._phase:
            self._arm(phase)

    def _arm(self, phase: str | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self._phase = phase
        if phase is not None:
            self._deadline = self.loop.call_later(self._timeouts[phase], self._timed_out)

    def _timed_out(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is None or not self.cycle.response_started:
            self.transport.write(REQUEST_TIMEOUT)
        if self.cycle is not None:
            self.cycle.keep_alive = False
        self.transport.close()


def uvicorn_options(settings: HttpServerSettings) -> dict[str, Any]:
    """The keyword arguments of ``uvicorn.run`` / ``uvicorn.Config`` that ``gifthub serve`` uses (and the
    tests' live servers, so they meet the network exactly as production does)."""
    return {
        # GiftHub resolves X-Forwarded-For itself, from GIFTHUB_TRUSTED_PROXIES only: uvicorn's own
        # handling would trust whatever FORWARDED_ALLOW_IPS says, 127.0.0.1 by default.
        "proxy_headers": False,
        "forwarded_allow_ips": [str(network) for network in settings.trusted_proxies],
        "timeout_keep_alive": settings.keep_alive_seconds,
        # A partial of a module-level class: picklable, so ``--workers N`` can hand it to each process.
        "http": functools.partial(
            TimedH11Protocol,
            header_timeout=settings.header_timeout_seconds,
            body_timeout=settings.body_timeout_seconds,
        ),
    }
