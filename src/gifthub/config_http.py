"""How the HTTP server meets the network (``GIFTHUB_*`` variables), part of the one Settings object:
which proxies may say who the client is, and how long a client may take to send its request."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class HttpSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class HttpServerSettings:
    # GIFTHUB_TRUSTED_PROXIES: the load balancers / reverse proxies whose X-Forwarded-For is believed.
    # Empty (the default): nobody's; the client is the connection's peer.
    trusted_proxies: tuple[Network, ...] = ()
    keep_alive_seconds: float = 5.0  # GIFTHUB_HTTP_KEEP_ALIVE_SECONDS: an idle kept-alive connection closes
    header_timeout_seconds: float = 10.0  # GIFTHUB_HTTP_HEADER_TIMEOUT_SECONDS: to send the request line + headers
    body_timeout_seconds: float = 120.0  # GIFTHUB_HTTP_BODY_TIMEOUT_SECONDS: to send the whole body

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> HttpServerSettings:
        return cls(
            trusted_proxies=parse_networks(env.get("GIFTHUB_TRUSTED_PROXIES", "")),
            keep_alive_seconds=_seconds(env, "GIFTHUB_HTTP_KEEP_ALIVE_SECONDS", 5.0),
            header_timeout_seconds=_seconds(env, "GIFTHUB_HTTP_HEADER_TIMEOUT_SECONDS", 10.0),
            body_timeout_seconds=_seconds(env, "GIFTHUB_HTTP_BODY_TIMEOUT_SECONDS", 120.0),
        )


def parse_networks(text: str) -> tuple[Network, ...]:
    """``"10.0.0.0/8, 192.0.2.7"`` -> networks (a bare address is a network of one)."""
    networks = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise HttpSettingsError(
                f"GIFTHUB_TRUSTED_PROXIES: {item!r} is not an IP address or network (e.g. 10.0.0.5, 10.0.0.0/8)"
            ) from None
    return tuple(networks)


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.1 <= value <= 3600:
        raise HttpSettingsError(f"{name}={raw!r} must be seconds between 0.1 and 3600")
    return value
