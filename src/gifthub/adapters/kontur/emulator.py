"""A Kontur.Focus emulator speaking the documented wire: ``GET /api3/req?key=&inn=`` (or ``ogrn=``),
comma-separated lists, JSON array replies (an unknown INN is simply absent), plain-text 400/403 errors
and 429 with ``Retry-After`` under load.

Test controls (not part of Kontur's API) live under ``/_emulator/``: throttle or garble the next N replies.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from litestar import Litestar, MediaType, Request, Response, get, post
from litestar.params import JSONBody

from gifthub.adapters.kontur.companies import COMPANIES


@dataclass
class KonturEmulatorState:
    keys: frozenset[str]
    max_per_second: int | None = None  # the "load" above which it answers 429
    retry_after: int = 1
    throttle_next: int = 0
    garble_next: int = 0
    requests: int = 0
    _window: list[float] = field(default_factory=list)

    def overloaded(self) -> bool:
        if self.throttle_next > 0:
            self.throttle_next -= 1
            return True
        if self.max_per_second is None:
            return False
        now = time.monotonic()
        self._window = [t for t in self._window if now - t < 1.0]
        if len(self._window) >= self.max_per_second:
            return True
        self._window.append(now)
        return False


def _text(status: int, body: str, headers: dict[str, str] | None = None) -> Response:
    return Response(body, status_code=status, media_type=MediaType.TEXT, headers=headers)


def _values(raw: str | None, lengths: tuple[int, ...]) -> list[str]:
    items = [item.strip() for item in (raw or "").split(",") if item.strip()]
    return [item for item in items if item.isdigit() and len(item) in lengths]


def create_kontur_emulator(
    keys: frozenset[str] | set[str] = frozenset({"emulator-key"}),
    *,
    max_per_second: int | None = None,
    retry_after: int = 1,
) -> Litestar:
    state = KonturEmulatorState(frozenset(keys), max_per_second=max_per_second, retry_after=retry_after)

    @get("/api3/req", sync_to_thread=False)
    def req(request: Request) -> Response:
        state.requests += 1
        params = request.query_params
        if params.get("key") not in state.keys:
            return _text(403, "No valid key specified")
        if state.overloaded():
            return _text(429, "Too many requests", {"Retry-After": str(state.retry_after)})
        if state.garble_next > 0:
            state.garble_next -= 1
            return Response("<html><body>502 Bad Gateway</body></html>", status_code=200, media_type=MediaType.HTML)
        inns, ogrns = _values(params.get("inn"), (10, 12)), _values(params.get("ogrn"), (13, 15))
        if not inns and not ogrns:
            return _text(400, "inn/ogrn param is not specified")
        found = [COMPANIES[inn] for inn in inns if inn in COMPANIES]
        found += [c for c in COMPANIES.values() if c["ogrn"] in ogrns and c not in found]
        return Response(found, media_type=MediaType.JSON)

    @post("/_emulator/throttle", sync_to_thread=False, status_code=204)
    def throttle(data: JSONBody[dict[str, int]]) -> None:
        state.throttle_next = int(data.get("requests", 1))

    @post("/_emulator/garble", sync_to_thread=False, status_code=204)
    def garble(data: JSONBody[dict[str, int]]) -> None:
        state.garble_next = int(data.get("requests", 1))

    app = Litestar(route_handlers=[req, throttle, garble], openapi_config=None, debug=False)
    app.state.emulator = state
    return app
