from __future__ import annotations

import secrets
from uuid import UUID, uuid4


class RandomIdGenerator:
    def new_id(self) -> UUID:
        return uuid4()

    def random_bits(self, bits: int) -> int:
        return secrets.randbits(bits)
