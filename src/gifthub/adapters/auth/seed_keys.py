"""Keys that seal TOTP seeds at rest (Fernet: AES-128-CBC + HMAC-SHA256, from the cryptography package).

``GIFTHUB_SECRET_KEYS`` holds one or more comma-separated Fernet keys: the first seals, all of them
open, so a key is rotated by putting the new one first and keeping the old one after it for as long
as seeds sealed with it exist. Without the variable, a key is generated once and
kept beside the embedded database (``var/secret-keys``, readable only by its owner); several hosts
sharing one database must set the variable to the same keys.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet

from gifthub.config import SettingsError


def load_or_create_keys(configured: tuple[str, ...], data_dir: Path) -> tuple[str, ...]:
    if configured:
        return configured
    path = data_dir / "secret-keys"
    if path.exists():
        return tuple(line.strip() for line in path.read_text().splitlines() if line.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    path.touch(mode=0o600)
    path.write_text(key + "\n")
    return (key,)


def seed_box(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError:
        raise SettingsError(
            "GIFTHUB_SECRET_KEYS: each key must be 32 url-safe base64-encoded bytes "
            '(python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")'
        ) from None
