"""Settings of the counterparties capability: Kontur.Focus, Bitrix24, the BIC directory, staff mailbox.

Without KONTUR_FOCUS_KEY / BITRIX24_WEBHOOK_URL the app talks to its own emulators, mounted under
``/emulators/`` of the same server, so ``make run`` needs no other process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from gifthub.config import Settings, SettingsError

EMULATOR_KONTUR_KEY = "emulator-key"
EMULATOR_BITRIX24_PATH = "/emulators/bitrix24/rest/1/emulatorwebhook/"


@dataclass(frozen=True)
class CounterpartiesSettings:
    kontur_url: str
    kontur_key: str = field(repr=False)
    bitrix24_webhook_url: str = field(repr=False)  # the webhook code in it is a secret
    staff_email: str = "sales@gifthub.local"
    bic_source: str | None = None
    bic_refresh_hours: float = 24.0
    kontur_emulated: bool = True
    bitrix24_emulated: bool = True

    @classmethod
    def from_env(cls, base: Settings, env: Mapping[str, str] | None = None) -> CounterpartiesSettings:
        env = os.environ if env is None else env
        own = f"http://{base.host}:{base.port}"
        key = env.get("KONTUR_FOCUS_KEY") or ""
        webhook = env.get("BITRIX24_WEBHOOK_URL") or ""
        for name, value in (("KONTUR_FOCUS_URL", env.get("KONTUR_FOCUS_URL")), ("BITRIX24_WEBHOOK_URL", webhook)):
            if value and not value.startswith(("http://", "https://")):
                raise SettingsError(f"{name} must be an http(s) URL")
        try:
            hours = float(env.get("GIFTHUB_BIC_REFRESH_HOURS") or 24)
        except ValueError:
            raise SettingsError("GIFTHUB_BIC_REFRESH_HOURS must be a number of hours") from None
        if hours <= 0:
            raise SettingsError("GIFTHUB_BIC_REFRESH_HOURS must be positive")
        return cls(
            kontur_url=env.get("KONTUR_FOCUS_URL")
            or ("https://focus-api.kontur.ru" if key else f"{own}/emulators/kontur"),
            kontur_key=key or EMULATOR_KONTUR_KEY,
            bitrix24_webhook_url=webhook or own + EMULATOR_BITRIX24_PATH,
            staff_email=env.get("GIFTHUB_STAFF_EMAIL") or "sales@gifthub.local",
            bic_source=env.get("GIFTHUB_BIC_SOURCE") or None,
            bic_refresh_hours=hours,
            kontur_emulated=not key,
            bitrix24_emulated=not webhook,
        )
