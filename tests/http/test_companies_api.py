"""Companies end to end: Litestar -> use cases -> SQLite/PostgreSQL, Kontur.Focus emulator over loopback."""

from __future__ import annotations

import json

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from gifthub.adapters.kontur.emulator import create_kontur_emulator
from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.support.counterparties import counterparties_settings_provider
from tests.support.live_server import LiveServer


@pytest.fixture(scope="module")
def kontur():
    with LiveServer(create_kontur_emulator({"emulator-key"}, retry_after=0)) as server:
        yield server


@pytest.fixture
async def api(settings, clock, kontur):
    extra = counterparties_settings_provider(kontur_url=kontur.url)
    container = make_container(settings, *http_providers(), clock_provider(clock), extra)
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        client.headers.update(AUTH)
        yield client


async def _cabinet(api, name="Acme") -> str:
    return (await api.post("/api/v1/cabinets", json={"name": name})).json()["id"]


async def _outbox(database_url) -> list[dict]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(outbox.c.payload).order_by(outbox.c.occurred_at))).all()
    finally:
        await engine.dispose()
    return [json.loads(row.payload) for row in rows]


async def test_register_by_inn_fills_from_kontur_and_announces_once(api, database_url):
    cabinet = await _cabinet(api)
    body = {"inn": "7707083893", "contact": {"name": "Анна", "email": "anna@example.ru"}, "expected_amount": "250000"}
    response = await api.post(f"/api/v1/cabinets/{cabinet}/companies", json=body)
    assert response.status_code == 201, response.text
    company = response.json()["company"]
    assert response.json()["created"] is True
    assert company["kind"] == "legal_entity"
    assert (company["kpp"], company["registration_number"], company["name"]) == (
        "773601001",
        "1027700132195",
        "ПАО Сбербанк",
    )
    assert company["head_name"] == "Греф Герман Оскарович"
    assert "Вавилова" in company["legal_address"]

    events = {e["event"]: e for e in await _outbox(database_url) if e["event"] != "cabinet.created"}
    assert set(events) == {"company.registered", "email.requested", "crm.lead_requested"}
    assert events["email.requested"]["template"] == "new_company"
    assert events["email.requested"]["to"] == "sales@gifthub.local"
    assert events["email.requested"]["context"]["contact_email"] == "anna@example.ru"
    lead = events["crm.lead_requested"]
    assert lead["origin_id"] == f"company:{company['id']}"
    assert (lead["amount"], lead["currency"], lead["tax_id"]) == ("250000.00", "RUB", "7707083893")
    assert lead["contact_name"] == "Анна"

    other = await _cabinet(api, "Other")
    again = await api.post(f"/api/v1/cabinets/{other}/companies", json={"inn": "7707083893"})
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["company"]["id"] == company["id"]
    assert len([e for e in await _outbox(database_url) if e["event"] == "crm.lead_requested"]) == 1
    listed = (await api.get(f"/api/v1/cabinets/{other}/companies")).json()
    assert [c["id"] for c in listed["items"]] == [company["id"]]


async def test_a_sole_proprietor_and_the_registrys_refusals(api):
    cabinet = await _cabinet(api)
    url = f"/api/v1/cabinets/{cabinet}/companies"
    ip = await api.post(url, json={"inn": "561100409545"})
    assert ip.status_code == 201, ip.text
    assert ip.json()["company"]["kind"] == "sole_proprietor"
    assert ip.json()["company"]["registration_number"] == "304500116000157"

    unknown = await api.post(url, json={"inn": "7702070139"})
    assert unknown.status_code == 404
    assert unknown.json()["errors"] == [{"field": "inn", "message": "INN 7702070139 is not in the company registry"}]
    dissolved = await api.post(url, json={"inn": "5001007329"})
    assert dissolved.status_code == 422 and dissolved.json()["type"] == "/problems/company-dissolved"
    invalid = await api.post(url, json={"inn": "7707083890"})
    assert invalid.status_code == 422
    assert invalid.json()["errors"] == [{"field": "inn", "message": "INN check digit 10 should be 3"}]


async def test_kz_and_by_companies_by_hand_with_iban_accounts(api):
    cabinet = await _cabinet(api)
    url = f"/api/v1/cabinets/{cabinet}/companies"
    kz = await api.post(url, json={"country": "KZ", "tax_id": "090840000906", "name": 'ТОО "Подарки"'})
    assert kz.status_code == 201, kz.text
    company = kz.json()["company"]
    accounts = f"{url}/{company['id']}/bank-accounts"
    iban = {"bic": "HSBKKZKX", "account": "KZ86125KZT5004100100", "bank_name": "Halyk Bank"}
    assert (await api.post(accounts, json=iban)).status_code == 201
    wrong = await api.post(accounts, json={**iban, "account": "KZ87125KZT5004100100"})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0] == {
        "field": "account",
        "message": "IBAN check digits 3-4 should be 86 (MOD 97-10)",
    }
    foreign_bic = await api.post(accounts, json={**iban, "bic": "SABRRUMM"})
    assert foreign_bic.json()["errors"][0]["message"] == "SWIFT BIC country (characters 5-6) should be KZ"

    bad_unp = await api.post(url, json={"country": "BY", "tax_id": "200988542", "name": "ООО Бел"})
    assert bad_unp.status_code == 422
    assert bad_unp.json()["errors"] == [{"field": "tax_id", "message": "UNP check digit 9 should be 1"}]
    by = await api.post(url, json={"country": "BY", "tax_id": "200988541", "name": "ООО Бел"})
    assert by.status_code == 201 and by.json()["company"]["country"] == "BY"


async def test_russian_bank_accounts_are_checked_against_the_directory(api):
    cabinet = await _cabinet(api)
    url = f"/api/v1/cabinets/{cabinet}/companies"
    company = (await api.post(url, json={"inn": "7736207543"})).json()["company"]
    accounts = f"{url}/{company['id']}/bank-accounts"
    added = await api.post(accounts, json={"bic": "044030827", "account": "40702810900000002851"})
    assert added.status_code == 201, added.text
    assert added.json()["correspondent_account"] == "30101810200000000827"
    assert added.json()["bank_name"] == 'АО "Банк Северная Пальмира"'
    twice = await api.post(accounts, json={"bic": "044030827", "account": "40702810900000002851"})
    assert twice.json()["id"] == added.json()["id"]

    key = await api.post(accounts, json={"bic": "044525225", "account": "40702810900000002851"})
    assert key.status_code == 422
    assert key.json()["errors"][0]["message"].startswith("account check digit 9 should be")
    restricted = await api.post(accounts, json={"bic": "044525871", "account": "40702810900000002851"})
    assert restricted.status_code == 422 and "restricted (LWRS)" in restricted.json()["detail"]
    no_crsa = await api.post(accounts, json={"bic": "044525000", "account": "40702810900000002851"})
    assert no_crsa.status_code == 422 and "no active correspondent account" in no_crsa.json()["detail"]
    unknown = await api.post(accounts, json={"bic": "049999999", "account": "40702810900000002851"})
    assert unknown.status_code == 404

    details = (await api.get(f"{url}/{company['id']}")).json()
    assert [a["account"] for a in details["bank_accounts"]] == ["40702810900000002851"]
    other = await _cabinet(api, "Stranger")
    assert (await api.get(f"/api/v1/cabinets/{other}/companies/{company['id']}")).status_code == 404
