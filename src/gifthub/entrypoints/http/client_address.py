"""Who the client is: the connection's peer, unless the peer is a configured proxy (GIFTHUB_TRUSTED_PROXIES).

Behind trusted proxies the client is the rightmost address of ``X-Forwarded-For`` that is not itself a
trusted proxy: each proxy appends the address it was connected from, so everything to the left of the
first untrusted hop was written by the client and proves nothing. A header from anyone else is ignored
(uvicorn's own proxy handling is off in ``gifthub serve``: it would trust 127.0.0.1 by default). The
middleware rewrites the ASGI scope's ``client`` (and ``scheme`` from ``X-Forwarded-Proto``), so the
allow-lists, the sign-in throttle and the audit log all see the same address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from litestar.types import ASGIApp, Receive, Scope, Send

from gifthub.config_http import Network


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.9:5123
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks: Sequence[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_host(peer: str, forwarded_for: Sequence[str], trusted: Sequence[Network]) -> str:
    """``forwarded_for``: the X-Forwarded-For header values in the order received."""
    last = _address(peer)
    if not _trusted(last, trusted):
        return peer
    hops = [hop for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:  # garbage left of a trusted proxy: the proxy that reported it is all we know
            return str(last)
        if not _trusted(address, trusted):
            return str(address)
        last = address
    return str(last)  # every hop is one of ours: the leftmost is the nearest thing to a client


def client_address_middleware(trusted: Sequence[Network]):
    """A Litestar middleware factory; with no trusted proxy it leaves the scope as the server built it."""

    def middleware(app: ASGIApp) -> ASGIApp:
        if not trusted:
            return app

        async def resolve(scope: Scope, receive: Receive, send: Send) -> None:
            client = scope.get("client")
            if scope["type"] in ("http", "websocket") and client:
                headers = [(k.lower(), v) for k, v in scope.get("headers", [])]
                if _trusted(_address(client[0]), trusted):
                    forwarded = [v.decode("latin-1") for k, v in headers if k == b"x-forwarded-for"]
                    host = client_host(client[0], forwarded, trusted)
                    if host != client[0]:
                        scope["client"] = (host, 0)  # type: ignore[typeddict-unknown-key]
                    proto = [
                        v.decode("latin-1").split(",")[-1].strip().lower()
                        for k, v in headers
                        if k == b"x-forwarded-proto"
                    ]
                    if proto and proto[-1] in ("http", "https"):
                        scope["scheme"] = (
                            proto[-1] if scope["type"] == "http" else {"http": "ws", "https": "wss"}[proto[-1]]
                        )
            await app(scope, receive, send)

        return resolve

    return middleware
