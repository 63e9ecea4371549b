"""TOTP with pyotp and its QR code with segno."""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta

import pyotp
import segno

ISSUER = "GiftHub"
STEP_SECONDS = 30


class PyOtpPasswords:
    def new_secret(self) -> str:
        return pyotp.random_base32()

    def matching_step(self, secret: str, code: str, at: datetime) -> int | None:
        code = code.strip().replace(" ", "")
        if len(code) != 6 or not code.isdigit():
            return None
        totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
        for drift in (-1, 0, 1):
            moment = at + timedelta(seconds=drift * STEP_SECONDS)
            if hmac.compare_digest(totp.at(moment), code):
                return int(moment.timestamp()) // STEP_SECONDS
        return None

    def provisioning_uri(self, secret: str, account: str) -> str:
        return pyotp.TOTP(secret, interval=STEP_SECONDS).provisioning_uri(name=account, issuer_name=ISSUER)

    def qr_data_uri(self, text: str) -> str:
        return segno.make(text, error="m").svg_data_uri(scale=4)
