"""Giftery settings (``GIFTERY_*``), part of the one Settings object. Default: the in-process sandbox."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

SANDBOX_MOUNT = "/sandbox/giftery"
SANDBOX_CLIENT_ID = "1"
SANDBOX_SECRET = "gifthub-sandbox-secret"  # a sandbox secret, published on purpose: nothing real behind it


class GifterySettingsError(ValueError):
    pass


@dataclass(frozen=True)
class GifterySettings:
    url: str = ""  # empty: the sandbox mounted in our own app at SANDBOX_MOUNT
    client_id: str = SANDBOX_CLIENT_ID
    secret: str = field(default=SANDBOX_SECRET, repr=False)
    rate: float = 10.0  # requests per second to Giftery, all commands together
    timeout: float = 15.0  # seconds per request
    catalog_sync_minutes: int = 0  # 0: no scheduled sync (the env default is 60)

    @property
    def uses_sandbox(self) -> bool:
        return not self.url

    def endpoint(self, host: str, port: int) -> str:
        if self.url:
            return self.url
        host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        return f"http://{host}:{port}{SANDBOX_MOUNT}/"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> GifterySettings:
        url = env.get("GIFTERY_URL", "").strip()
        client_id = env.get("GIFTERY_CLIENT_ID", "").strip()
        secret = env.get("GIFTERY_SECRET", "")
        if url and not url.startswith(("http://", "https://")):
            raise GifterySettingsError(f"GIFTERY_URL={url!r} must be an http(s) URL, e.g. https://ssl-api.giftery.ru/")
        if url and (not client_id or not secret):
            raise GifterySettingsError("GIFTERY_URL points at a real Giftery: set GIFTERY_CLIENT_ID and GIFTERY_SECRET")
        if client_id and not client_id.isdigit():
            raise GifterySettingsError("GIFTERY_CLIENT_ID must be Giftery's numeric client id")
        return cls(
            url=url,
            client_id=client_id or SANDBOX_CLIENT_ID,
            secret=secret or SANDBOX_SECRET,
            rate=_number(env, "GIFTERY_RATE", 10.0, 0.0, 10_000.0),
            timeout=_number(env, "GIFTERY_TIMEOUT", 15.0, 0.1, 600.0),
            catalog_sync_minutes=int(_number(env, "GIFTHUB_CATALOG_SYNC_MINUTES", 60, 0, 7 * 24 * 60)),
        )


def _number(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise GifterySettingsError(f"{name}={raw!r} is not a number; expected {low}..{high}") from None
    if not low <= value <= high:
        raise GifterySettingsError(f"{name}={raw} is out of range; expected {low}..{high}")
    return value
