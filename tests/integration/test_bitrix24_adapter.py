"""The Bitrix24 adapter against the emulator over real loopback HTTP."""

from __future__ import annotations

import httpx
import pytest

from gifthub.adapters.bitrix24.client import Bitrix24Crm
from gifthub.adapters.bitrix24.emulator import create_bitrix24_emulator
from gifthub.application.ports.crm_gateway import CrmPermanentError, CrmTemporaryError
from gifthub.domain.crm import CrmLead
from tests.support.live_server import LiveServer

LEAD = CrmLead(
    origin_id="company:1",
    title="New client company: ПАО Сбербанк",
    company_name='ПАО "Сбербанк России"',
    contact_name="Анна",
    email="anna@example.ru",
    phone="+79990000000",
    amount="250000.00",
    currency="RUB",
)


@pytest.fixture
def bitrix():
    app = create_bitrix24_emulator({7: "secretcode"})
    with LiveServer(app) as server:
        server.state = app.state.emulator
        yield server


def _crm(server, code: str = "secretcode") -> Bitrix24Crm:
    return Bitrix24Crm(f"{server.url}/rest/7/{code}/", backoff=0.01)


def _fail(server, times: int, status: int, error: str) -> None:
    httpx.post(f"{server.url}/_emulator/fail", json={"times": times, "status": status, "error": error})


async def test_a_lead_with_the_fields_sales_needs_is_created_once(bitrix):
    crm = _crm(bitrix)
    lead_id = await crm.add_lead(LEAD)
    assert await crm.add_lead(LEAD) == lead_id  # a redelivered request finds the lead by ORIGIN_ID
    [stored] = bitrix.state.leads.values()
    assert stored["ORIGINATOR_ID"] == "gifthub" and stored["ORIGIN_ID"] == "company:1"
    assert (stored["OPPORTUNITY"], stored["CURRENCY_ID"]) == ("250000.00", "RUB")
    assert stored["EMAIL"] == [{"VALUE": "anna@example.ru", "VALUE_TYPE": "WORK"}]
    assert (stored["COMPANY_TITLE"], stored["NAME"], stored["STATUS_ID"]) == ('ПАО "Сбербанк России"', "Анна", "NEW")


async def test_query_limit_and_5xx_are_retried_with_backoff(bitrix):
    _fail(bitrix, 2, 503, "QUERY_LIMIT_EXCEEDED")
    assert await _crm(bitrix).add_lead(LEAD) == 1
    _fail(bitrix, 1, 500, "INTERNAL_SERVER_ERROR")
    assert await _crm(bitrix).add_lead(CrmLead(origin_id="project:2", title="B2B code")) == 2


async def test_a_crm_down_for_long_is_a_temporary_error(bitrix):
    _fail(bitrix, 10, 503, "QUERY_LIMIT_EXCEEDED")
    with pytest.raises(CrmTemporaryError, match="QUERY_LIMIT_EXCEEDED after 5 attempts"):
        await _crm(bitrix).add_lead(LEAD)
    assert bitrix.state.leads == {}


def test_the_emulator_lists_what_arrived(bitrix):
    httpx.post(f"{bitrix.url}/rest/7/secretcode/crm.lead.add.json", json={"fields": {"TITLE": "T", "ORIGIN_ID": "o"}})
    assert httpx.get(f"{bitrix.url}/_emulator/leads").json() == [{"ID": 1, "TITLE": "T", "ORIGIN_ID": "o"}]
    missing = httpx.post(f"{bitrix.url}/rest/7/secretcode/crm.lead.add.json", json={"fields": {}})
    assert missing.status_code == 400 and missing.json()["error"] == "ERROR_CORE"


async def test_credentials_errors_are_permanent_and_do_not_leak_the_webhook(bitrix):
    with pytest.raises(CrmPermanentError) as error:
        await _crm(bitrix, "wrongcode").add_lead(LEAD)
    assert error.value.error_code == "NO_AUTH_FOUND"
    assert "wrongcode" not in error.value.message
    _fail(bitrix, 1, 403, "INVALID_CREDENTIALS")
    with pytest.raises(CrmPermanentError) as error:
        await _crm(bitrix).add_lead(LEAD)
    assert error.value.error_code == "INVALID_CREDENTIALS"


async def test_an_unreachable_crm_is_temporary():
    with pytest.raises(CrmTemporaryError, match="unreachable"):
        await Bitrix24Crm("http://127.0.0.1:9/rest/1/x/", attempts=2, backoff=0.01).add_lead(LEAD)
