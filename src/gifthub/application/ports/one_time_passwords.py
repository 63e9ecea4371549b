from __future__ import annotations

from datetime import datetime
from typing import Protocol


class OneTimePasswords(Protocol):
    """TOTP (RFC 6238, 30-second steps, 6 digits) and its QR provisioning code."""

    def new_secret(self) -> str: ...

    def matching_step(self, secret: str, code: str, at: datetime) -> int | None:
        """The time step the code belongs to (this one or a neighbour, for clock drift), or None."""
        ...

    def provisioning_uri(self, secret: str, account: str) -> str: ...

    def qr_data_uri(self, text: str) -> str:
        """An SVG QR code as a ``data:`` URI to put in an <img>."""
        ...
