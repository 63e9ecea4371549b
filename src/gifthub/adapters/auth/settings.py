"""Identity settings from ``GIFTHUB_*`` variables (kept here so the shared Settings stays untouched)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from gifthub.config import SettingsError

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class IdentitySettings:
    # GIFTHUB_COOKIE_SECURE=false only for plain-HTTP development on localhost.
    cookie_secure: bool = True
    # Argon2 memory in KiB (GIFTHUB_ARGON2_MEMORY_KIB); lower only on very small machines and in tests.
    argon2_memory_kib: int = 65536
    # GIFTHUB_SECRET_KEYS: Fernet keys sealing TOTP seeds (see adapters/auth/seed_keys.py); empty: var/secret-keys.
    secret_keys: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> IdentitySettings:
        env = os.environ if env is None else env
        raw = env.get("GIFTHUB_COOKIE_SECURE", "true").strip().lower()
        if raw not in _TRUE + _FALSE:
            raise SettingsError("GIFTHUB_COOKIE_SECURE must be true or false")
        memory = env.get("GIFTHUB_ARGON2_MEMORY_KIB", "65536")
        if not memory.isdigit() or not 8192 <= int(memory) <= 1048576:
            raise SettingsError("GIFTHUB_ARGON2_MEMORY_KIB must be a whole number 8192..1048576")
        keys = tuple(key.strip() for key in env.get("GIFTHUB_SECRET_KEYS", "").split(",") if key.strip())
        return cls(cookie_secure=raw in _TRUE, argon2_memory_kib=int(memory), secret_keys=keys)
