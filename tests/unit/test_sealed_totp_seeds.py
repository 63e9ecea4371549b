"""TOTP seeds are stored sealed: codes work through the seal, other keys cannot open it, rotation keeps
old seeds readable, and seeds stored before sealing still work."""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp
import pytest
from cryptography.fernet import Fernet

from gifthub.adapters.auth.seed_keys import load_or_create_keys, seed_box
from gifthub.adapters.auth.totp import PyOtpPasswords, SealedSeedUnreadable
from gifthub.config import SettingsError

NOW = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)


def _plain(passwords: PyOtpPasswords, sealed: str) -> str:
    return pyotp.parse_uri(passwords.provisioning_uri(sealed, "a@b.ru")).secret


def test_a_sealed_seed_gives_codes_but_reveals_nothing() -> None:
    passwords = PyOtpPasswords(seed_box((Fernet.generate_key().decode(),)))
    sealed = passwords.new_secret()
    plain = _plain(passwords, sealed)
    assert plain not in sealed and len(sealed) <= 255
    assert passwords.matching_step(sealed, pyotp.TOTP(plain).at(NOW), NOW) == int(NOW.timestamp()) // 30
    stranger = PyOtpPasswords(seed_box((Fernet.generate_key().decode(),)))
    with pytest.raises(SealedSeedUnreadable):
        stranger.matching_step(sealed, "123456", NOW)


def test_rotation_and_seeds_from_before_sealing() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    before = PyOtpPasswords(seed_box((old,)))
    sealed_with_old = before.new_secret()
    rotated = PyOtpPasswords(seed_box((new, old)))
    plain = _plain(before, sealed_with_old)
    assert rotated.matching_step(sealed_with_old, pyotp.TOTP(plain).at(NOW), NOW) is not None
    legacy = pyotp.random_base32()
    assert rotated.matching_step(legacy, pyotp.TOTP(legacy).at(NOW), NOW) is not None


def test_keys_come_from_the_variable_or_one_file_and_bad_ones_are_named(tmp_path) -> None:
    first = load_or_create_keys((), tmp_path)
    assert load_or_create_keys((), tmp_path) == first and (tmp_path / "secret-keys").stat().st_mode & 0o077 == 0
    assert load_or_create_keys(("k1", "k2"), tmp_path) == ("k1", "k2")
    with pytest.raises(SettingsError, match="GIFTHUB_SECRET_KEYS"):
        seed_box(("not a key",))
