"""A cabinet's security policy: 2FA required for its users, and an optional IP allow-list (CIDR) for
browser sessions and API keys acting in it."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from gifthub.domain.errors import DomainError

MAX_NETWORKS = 50


class InvalidNetwork(DomainError):
    code = "invalid-network"


def parse_networks(values: list[str], *, field: str = "allowed_networks") -> str:
    """Validated, normalized CIDRs joined by spaces (the stored form)."""
    if len(values) > MAX_NETWORKS:
        raise InvalidNetwork(f"at most {MAX_NETWORKS} networks", field=field)
    networks = []
    for index, value in enumerate(values):
        try:
            networks.append(str(ipaddress.ip_network(value.strip(), strict=False)))
        except ValueError:
            message = f"{value!r} is not an IP network such as 203.0.113.0/24"
            raise InvalidNetwork(message, field=f"{field}[{index}]") from None
    return " ".join(networks)


@dataclass(eq=False)
class CabinetPolicy:
    cabinet_id: UUID
    require_two_factor: bool
    allowed_networks: str  # space-separated CIDRs; empty: any address
    updated_at: datetime

    @property
    def networks(self) -> list[str]:
        return self.allowed_networks.split() if self.allowed_networks else []

    def allows_ip(self, ip: str) -> bool:
        if not self.allowed_networks:
            return True
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return False  # an unknown address is not on any allow-list
        return any(address in ipaddress.ip_network(n) for n in self.networks)
