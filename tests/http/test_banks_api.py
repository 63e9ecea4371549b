"""GET /api/v1/banks/{bic}: the bundled sample is loaded when the app starts with an empty directory."""

from __future__ import annotations


async def test_a_bank_by_bic_from_the_bundled_sample(client):
    response = await client.get("/api/v1/banks/044525225")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "ПАО Сбербанк"
    assert body["city"] == "г Москва"
    assert body["correspondent_account"] == "30101810400000000225"
    assert body["can_receive_payments"] is True and body["refusal_reason"] is None


async def test_banks_that_cannot_take_payments_say_why(client):
    restricted = (await client.get("/api/v1/banks/044525871")).json()
    assert restricted["can_receive_payments"] is False
    assert restricted["restrictions"] == ["LWRS"]
    no_account = (await client.get("/api/v1/banks/044525000")).json()
    assert no_account["correspondent_account"] is None
    assert "no active correspondent account" in no_account["refusal_reason"]


async def test_unknown_and_malformed_bics(client):
    unknown = await client.get("/api/v1/banks/049999999")
    assert unknown.status_code == 404
    assert unknown.json()["type"] == "/problems/not-found"
    bad = await client.get("/api/v1/banks/12345")
    assert bad.status_code == 422
    assert bad.json()["errors"] == [{"field": "bic", "message": "BIC must be 9 digits, got '12345'"}]


async def test_a_configured_source_is_loaded_in_the_background_on_start(settings, clock, tmp_path):
    import asyncio

    from litestar.testing import AsyncTestClient

    from gifthub.adapters.bic.generator import SAMPLE_DAY, SampleBank, ed807_xml
    from gifthub.entrypoints.http.app import create_app, http_providers
    from gifthub.ioc import make_container
    from tests.conftest import AUTH, clock_provider
    from tests.support.counterparties import counterparties_settings_provider

    source = tmp_path / "ed807.xml"
    source.write_bytes(ed807_xml([SampleBank("044525999", 'АО "Свежий Банк"')], SAMPLE_DAY))
    extra = counterparties_settings_provider(bic_source=str(source), bic_refresh_hours=24)
    container = make_container(settings, *http_providers(), clock_provider(clock), extra)
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        client.headers.update(AUTH)
        for _ in range(100):
            response = await client.get("/api/v1/banks/044525999")
            if response.status_code == 200:
                break
            await asyncio.sleep(0.05)
        assert response.json()["name"] == 'АО "Свежий Банк"'
        assert (await client.get("/api/v1/banks/044525225")).status_code == 404  # no sample: the source rules


def test_emulators_are_mounted_only_for_services_not_configured_for_real():
    from gifthub.entrypoints.http.counterparties_plugin import emulator_mounts

    assert [m.paths for m in emulator_mounts({})] == [{"/emulators/kontur"}, {"/emulators/bitrix24"}]
    real = {"KONTUR_FOCUS_KEY": "k", "BITRIX24_WEBHOOK_URL": "https://x.bitrix24.ru/rest/1/c/"}
    assert emulator_mounts(real) == []
