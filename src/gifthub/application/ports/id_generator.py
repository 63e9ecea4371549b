from __future__ import annotations

from typing import Protocol
from uuid import UUID


class IdGenerator(Protocol):
    def new_id(self) -> UUID: ...

    def random_bits(self, bits: int) -> int:
        """A cryptographically random integer in [0, 2**bits)."""
        ...
