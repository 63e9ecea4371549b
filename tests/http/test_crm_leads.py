"""CreateCrmLead as the bus consumer calls it, on SQLite and PostgreSQL, with the Bitrix24 emulator;
refused leads are visible to platform staff through the API."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient

from gifthub.adapters.bitrix24.emulator import create_bitrix24_emulator
from gifthub.adapters.kontur.emulator import create_kontur_emulator
from gifthub.application.crm.create_crm_lead import CreateCrmLead, MalformedLeadRequest
from gifthub.application.ports.crm_gateway import CrmTemporaryError
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.support.counterparties import counterparties_settings_provider
from tests.support.live_server import LiveServer

BUS = Principal.system("bus")


@pytest.fixture(scope="module")
def emulators():
    bitrix = create_bitrix24_emulator({1: "code"})
    with LiveServer(create_kontur_emulator()) as kontur, LiveServer(bitrix) as crm:
        crm.state = bitrix.state.emulator
        yield kontur, crm


@pytest.fixture
async def app(settings, clock, emulators):
    kontur, crm = emulators
    crm.state.leads.clear()
    crm.state.failures.clear()
    extra = counterparties_settings_provider(kontur_url=kontur.url, bitrix24_url=f"{crm.url}/rest/1/code/")
    http_container = make_container(settings, *http_providers(), clock_provider(clock), extra)
    # The bus consumer's own container: the test client serves the app on another event loop.
    bus_container = make_container(settings, clock_provider(clock), extra)
    async with AsyncTestClient(app=create_app(settings, http_container)) as client:
        client.headers.update(AUTH)
        yield client, bus_container, crm
    await bus_container.close()


async def _create(container, payload):
    async with container() as scope:
        return await (await scope.get(CreateCrmLead)).execute(BUS, payload)


async def test_leads_for_a_new_company_and_a_new_b2b_code(app):
    client, container, crm = app
    cabinet = (await client.post("/api/v1/cabinets", json={"name": "Acme"})).json()["id"]
    company = (await client.post(f"/api/v1/cabinets/{cabinet}/companies", json={"inn": "7736207543"})).json()
    project = (await client.post(f"/api/v1/cabinets/{cabinet}/projects", json={"name": "Gifts", "region": "RU"})).json()

    request = {
        "event": "crm.lead_requested", "origin_id": f"company:{company['company']['id']}", "title": "New company",
        "company_name": "ООО ЯНДЕКС", "amount": "1000.00", "currency": "RUB", "occurred_at": "2026-11-01T09:00:00Z",
    }  # fmt: skip
    first = await _create(container, request)
    assert (await _create(container, request)).lead_id == first.lead_id  # redelivery: one lead
    project_lead = await _create(
        container,
        {"event": "project.created", "project_id": project["id"], "cabinet_id": cabinet,
         "project_name": "Gifts", "region": "RU", "b2b_code": project["b2b_code"]},
    )  # fmt: skip
    leads = {lead["ORIGIN_ID"]: lead for lead in crm.state.leads.values()}
    assert len(leads) == 2 and project_lead.lead_id != first.lead_id
    b2b = leads[f"project:{project['id']}"]
    assert b2b["TITLE"] == f"New B2B code {project['b2b_code']}: Gifts"
    assert b2b["COMPANY_TITLE"] == 'Общество с ограниченной ответственностью "ЯНДЕКС"'
    assert "7736207543" in b2b["COMMENTS"] and b2b["CURRENCY_ID"] == "RUB"


async def test_permanent_refusals_are_stored_for_staff_and_temporary_ones_raise(app):
    client, container, crm = app
    crm.state.failures = [(403, "INVALID_CREDENTIALS")]
    outcome = await _create(container, {"event": "crm.lead_requested", "origin_id": "company:x", "title": "Lead X"})
    assert outcome.lead_id is None and outcome.failure.error_code == "INVALID_CREDENTIALS"
    listed = (await client.get("/api/v1/backoffice/crm-failures")).json()
    assert [(f["origin_id"], f["error_code"]) for f in listed["items"]] == [("company:x", "INVALID_CREDENTIALS")]

    crm.state.failures = [(503, "QUERY_LIMIT_EXCEEDED")] * 10
    with pytest.raises(CrmTemporaryError):
        await _create(container, {"event": "crm.lead_requested", "origin_id": "company:y", "title": "Lead Y"})
    with pytest.raises(MalformedLeadRequest, match="origin_id and title"):
        await _create(container, {"event": "crm.lead_requested", "title": "no origin"})
    with pytest.raises(MalformedLeadRequest, match="no lead is made from event 'order.completed'"):
        await _create(container, {"event": "order.completed"})
