"""Who sees which invoices in the list without a project filter: owners and managers the whole cabinet,
an accountant only granted projects, an operator none, nobody another cabinet's."""

from __future__ import annotations

from tests.conftest import AUTH
from tests.http.test_billing_api import _invoice, _seller
from tests.support.identity import add_member, create_user, sign_in


async def _project(client, cabinet_id: str, name: str) -> dict:
    answer = await client.post(f"/api/v1/cabinets/{cabinet_id}/projects", json={"name": name, "region": "RU"})
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_the_invoice_list_follows_roles_and_grants(client) -> None:
    await _seller(client)
    cabinet = (await client.post("/api/v1/cabinets", json={"name": "Acme"})).json()
    granted, other = await _project(client, cabinet["id"], "Granted"), await _project(client, cabinet["id"], "Other")
    foreign_cabinet = (await client.post("/api/v1/cabinets", json={"name": "Globex"})).json()
    foreign = await _project(client, foreign_cabinet["id"], "Foreign")
    invoices = {p["id"]: (await _invoice(client, p["id"], "1000.00"))["id"] for p in (granted, other, foreign)}
    for email, role, grants in (
        ("boss@acme.ru", "manager", []),
        ("buh@acme.ru", "accountant", [granted["id"]]),
        ("op@acme.ru", "operator", [granted["id"], other["id"]]),
    ):
        await create_user(client, email)
        await add_member(client, cabinet["id"], email, role, grants)
    client.headers.pop("Authorization", None)

    async def listed(email: str) -> set[str]:
        answer = await client.get("/api/v1/invoices", headers=await sign_in(client, email))
        assert answer.status_code == 200, answer.text
        return {item["id"] for item in answer.json()["items"]}

    assert await listed("boss@acme.ru") == {invoices[granted["id"]], invoices[other["id"]]}
    assert await listed("buh@acme.ru") == {invoices[granted["id"]]}
    assert await listed("op@acme.ru") == set()
    staff = await client.get("/api/v1/invoices", headers=AUTH)
    assert {item["id"] for item in staff.json()["items"]} == set(invoices.values())
