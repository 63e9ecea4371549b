"""The sandbox as a plain ASGI app (no framework: the faults need full control over each reply).

Routes, relative to where it is served (its own port, or mounted at /sandbox/giftery):
- ``/`` with ``cmd`` (query, or form body for POST): the Giftery API; without: an HTML page saying SANDBOX
- ``/images/<brand>.svg``, ``/certificates/<queue id>.pdf``, ``/exchange/<queue id>``
- ``GET|POST /control/faults`` (JSON), ``POST /control/balance {"balance": n}``, ``GET /control/stats``,
  ``POST /control/reset``: switch faults and inspect state (sandbox only; never part of Giftery's API)
"""

from __future__ import annotations

import asyncio
import json
import logging
from html import escape
from typing import Any
from urllib.parse import parse_qs

from gifthub.adapters.giftery.protocol import BAD_REQUEST, BAD_SIGNATURE, TEMPORARILY_UNAVAILABLE, sign
from gifthub.adapters.giftery.sandbox.faults import Faults
from gifthub.adapters.giftery.sandbox.images import logo_svg
from gifthub.adapters.giftery.sandbox.state import CommandError, SandboxState

log = logging.getLogger("gifthub.giftery.sandbox")


class GifterySandbox:
    def __init__(self, client_id: str, secret: str, state: SandboxState | None = None, *, prefix: str = "") -> None:
        """``prefix``: the path it is mounted at, so the URLs it hands out (images, PDFs) point back at it."""
        self.client_id = str(client_id)
        self.prefix = prefix.rstrip("/")
        self._secret = secret
        self.state = state or SandboxState()

    @property
    def faults(self) -> Faults:
        return self.state.faults

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = await _read_body(receive)
        path = scope.get("path", "/")
        root = scope.get("root_path", "") + self.prefix
        if root and path.startswith(root):
            path = path[len(root) :]
        path = path.rstrip("/") or "/"  # a mount may hand us "/images/1.svg/"
        base = _base_url(scope, root)
        method = scope["method"]
        params = _params(scope, body)
        if path == "/" and "cmd" in params:
            await self._api(params, base, send)
        elif path == "/":
            await _reply(send, 200, self._banner(base).encode(), "text/html; charset=utf-8")
        elif path.startswith("/images/") and path.endswith(".svg"):
            brand = self.state.catalog.brands.get(path[len("/images/") : -len(".svg")])
            if brand is None:
                await _reply(send, 404, b"no such image", "text/plain")
            else:
                await _reply(send, 200, logo_svg(brand.name_en, brand.color).encode(), "image/svg+xml")
        elif path.startswith("/certificates/") and path.endswith(".pdf"):
            await self._pdf(path[len("/certificates/") : -len(".pdf")], send)
        elif path.startswith("/exchange/"):
            page = "<h1>SANDBOX</h1><p>Here a recipient would exchange the certificate. Nothing is real.</p>"
            await _reply(send, 200, page.encode(), "text/html; charset=utf-8")
        elif path.startswith("/control/"):
            await self._control(method, path, body, send)
        else:
            await _reply(send, 404, b"not found", "text/plain")

    # the API ----------------------------------------------------------------------------------
    async def _api(self, params: dict[str, str], base: str, send) -> None:
        state, faults = self.state, self.state.faults
        cmd, data, sig = params.get("cmd", ""), params.get("data", "") or "{}", params.get("sig", "")
        state.calls[cmd] = state.calls.get(cmd, 0) + 1
        if faults.latency:
            await asyncio.sleep(faults.latency)
        if faults.applies_to(cmd) and state.roll(faults.http_error_rate):
            await _reply(send, 500, b"SANDBOX: simulated internal server error", "text/plain")
            return
        if params.get("id") != self.client_id or sig != sign(cmd, params.get("data", ""), self._secret):
            # Same answer for an unknown client and a bad signature: say nothing about which.
            await _envelope(send, _error(BAD_SIGNATURE, "signature is not valid"))
            return
        if faults.applies_to(cmd) and state.roll(faults.error_reply_rate):
            await _envelope(send, _error(TEMPORARILY_UNAVAILABLE, "SANDBOX: simulated refusal, try later"))
            return
        try:
            arguments = json.loads(data)
            if not isinstance(arguments, dict):
                raise ValueError
        except ValueError:
            await _envelope(send, _error(BAD_REQUEST, "data is not a JSON object"))
            return
        try:
            result = state.run(cmd, arguments, base)
        except CommandError as error:
            await _envelope(send, _error(error.code, error.text))
            return
        if cmd == "makeOrder" and state.roll(faults.hang_after_order_rate):
            await asyncio.sleep(faults.hang_seconds)  # the order IS taken; the caller's read times out
        if cmd == "getStatus" and faults.status_delay:
            await asyncio.sleep(faults.status_delay)
        await _envelope(send, {"status": "ok", "data": result, "sandbox": True})

    async def _pdf(self, queue_id: str, send) -> None:
        order = self.state.orders.get(int(queue_id)) if queue_id.isdigit() else None
        if order is None or order.status != "ok":
            await _reply(send, 404, b"no such certificate", "text/plain")
            return
        await _reply(send, 200, self.state.certificate_pdf(order), "application/pdf")

    async def _control(self, method: str, path: str, body: bytes, send) -> None:
        try:
            payload = json.loads(body or b"{}")
            if path == "/control/faults" and method == "POST":
                self.faults.update(payload)
            elif path == "/control/balance" and method == "POST":
                self.state.balance = int(payload["balance"])
            elif path == "/control/reset" and method == "POST":
                self.state = SandboxState(balance=self.state.balance, faults=Faults())
            elif path == "/control/stats":
                await _json(send, 200, self.state.stats())
                return
            elif path != "/control/faults":
                await _json(send, 404, {"error": "unknown control"})
                return
        except (ValueError, KeyError, TypeError) as error:
            await _json(send, 400, {"error": str(error)})
            return
        await _json(send, 200, {"faults": self.faults.as_dict(), **self.state.stats()})

    def _banner(self, base: str) -> str:
        catalog = self.state.catalog
        return (
            "<!doctype html><html><head><meta charset='utf-8'><title>Giftery SANDBOX</title></head><body>"
            "<div style='background:#c00;color:#fff;padding:12px;font:bold 20px sans-serif'>"
            "GIFTERY SANDBOX: test mode, nothing bought here is real</div>"
            f"<p>Endpoint: <code>{escape(base)}/</code> (Giftery B2B protocol: id, cmd, in, out, data, sig)</p>"
            f"<p>{len(catalog.products)} products, {len(catalog.brands)} brands, "
            f"{len(catalog.categories)} categories; balance {self.state.balance}; "
            f"{len(self.state.orders)} orders taken.</p>"
            f"<p>Faults: <code>{escape(json.dumps(self.faults.as_dict()))}</code> "
            "(change with POST /control/faults)</p></body></html>"
        )


def _error(code: int, text: str) -> dict[str, Any]:
    return {"status": "error", "error": {"code": code, "text": text}, "sandbox": True}


def _params(scope, body: bytes) -> dict[str, str]:
    params = {k: v[-1] for k, v in parse_qs(scope.get("query_string", b"").decode("latin-1")).items()}
    content_type = dict(scope.get("headers", [])).get(b"content-type", b"").decode("latin-1")
    if scope["method"] == "POST" and "application/x-www-form-urlencoded" in content_type:
        params.update({k: v[-1] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()})
    return params


def _base_url(scope, root: str) -> str:
    headers = dict(scope.get("headers", []))
    host = headers.get(b"host", b"").decode("latin-1")
    if not host:
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}{root}"


async def _read_body(receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def _lifespan(receive, send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _envelope(send, body: dict[str, Any]) -> None:
    await _json(send, 200, body)


async def _json(send, status: int, body: Any) -> None:
    await _reply(send, status, json.dumps(body, ensure_ascii=False).encode(), "application/json")


async def _reply(send, status: int, body: bytes, content_type: str) -> None:
    headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]
    headers.append((b"x-giftery-sandbox", b"testmode"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
