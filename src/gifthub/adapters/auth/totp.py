"""TOTP with pyotp and its QR code with segno; seeds leave this adapter only sealed.

The application stores what ``new_secret`` returns and hands it back; a database dump alone therefore
cannot produce codes. Seeds written before sealing (plain base32) are still read, so nobody loses 2FA.
"""

from __future__ import annotations

import hmac
import re
from datetime import datetime, timedelta

import pyotp
import segno
from cryptography.fernet import InvalidToken, MultiFernet

ISSUER = "GiftHub"
STEP_SECONDS = 30
_PLAIN_SEED = re.compile(r"^[A-Z2-7]{16,64}=*$")


class SealedSeedUnreadable(Exception):
    """No configured key opens the seed (GIFTHUB_SECRET_KEYS lost or rotated too early)."""


class PyOtpPasswords:
    def __init__(self, box: MultiFernet) -> None:
        self._box = box

    def new_secret(self) -> str:
        return self._box.encrypt(pyotp.random_base32().encode()).decode()

    def _open(self, sealed: str) -> str:
        if _PLAIN_SEED.match(sealed):
            return sealed
        try:
            return self._box.decrypt(sealed.encode()).decode()
        except InvalidToken:
            raise SealedSeedUnreadable("no key in GIFTHUB_SECRET_KEYS opens this TOTP seed") from None

    def matching_step(self, secret: str, code: str, at: datetime) -> int | None:
        code = code.strip().replace(" ", "")
        if len(code) != 6 or not code.isdigit():
            return None
        totp = pyotp.TOTP(self._open(secret), interval=STEP_SECONDS)
        for drift in (-1, 0, 1):
            moment = at + timedelta(seconds=drift * STEP_SECONDS)
            if hmac.compare_digest(totp.at(moment), code):
                return int(moment.timestamp()) // STEP_SECONDS
        return None

    def provisioning_uri(self, secret: str, account: str) -> str:
        return pyotp.TOTP(self._open(secret), interval=STEP_SECONDS).provisioning_uri(name=account, issuer_name=ISSUER)

    def qr_data_uri(self, text: str) -> str:
        return segno.make(text, error="m").svg_data_uri(scale=4)
