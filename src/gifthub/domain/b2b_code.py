"""The one rule that makes a project's B2B code: region prefix and 40 random bits in Crockford base32."""

from __future__ import annotations

import re

from gifthub.domain.region import Region

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_PATTERN = re.compile(rf"^(RU|KZ|BY)-[{_ALPHABET}]{{4}}-[{_ALPHABET}]{{4}}$")
B2B_CODE_BITS = 40


def b2b_code(region: Region, random_value: int) -> str:
    """``RU-7KQ2-M9XD``: readable over the phone, no ambiguous letters, 2^40 codes per region."""
    if not 0 <= random_value < 2**B2B_CODE_BITS:
        raise ValueError("random_value must fit in 40 bits")
    chars = []
    for _ in range(8):
        random_value, digit = divmod(random_value, 32)
        chars.append(_ALPHABET[digit])
    body = "".join(reversed(chars))
    return f"{region.value}-{body[:4]}-{body[4:]}"


def is_b2b_code(text: str) -> bool:
    return bool(_PATTERN.match(text))
