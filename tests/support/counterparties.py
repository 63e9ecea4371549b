"""Point the counterparties adapters at emulators served over loopback, through the container."""

from __future__ import annotations

from dishka import Provider, Scope, provide

from gifthub.counterparties_settings import CounterpartiesSettings


class _SettingsProvider(Provider):
    def __init__(self, settings: CounterpartiesSettings) -> None:
        super().__init__(scope=Scope.APP)
        self._settings = settings

    @provide
    def counterparties_settings(self) -> CounterpartiesSettings:
        return self._settings


def counterparties_settings_provider(
    *,
    kontur_url: str = "http://127.0.0.1:9",
    bitrix24_url: str = "http://127.0.0.1:9/rest/1/x/",
    key: str = "emulator-key",
    **more,
) -> Provider:
    return _SettingsProvider(
        CounterpartiesSettings(kontur_url=kontur_url, kontur_key=key, bitrix24_webhook_url=bitrix24_url, **more)
    )
