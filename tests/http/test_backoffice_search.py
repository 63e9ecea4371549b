"""Back-office search: platform staff find cabinets, projects (name, B2B code), companies (name, tax id)
and users (email) across tenants; clients may not search; bad input names the parameter."""

from __future__ import annotations

from tests.conftest import AUTH
from tests.http.helpers import new_project
from tests.support.identity import add_member, create_user, sign_in


async def _project(client, cabinet_name: str, project_name: str) -> dict:
    cabinet = (await client.post("/api/v1/cabinets", json={"name": cabinet_name})).json()
    answer = await client.post(
        f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": project_name, "region": "RU"}
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


async def test_staff_find_every_kind_by_part_of_its_name_or_code(client) -> None:
    acme = await _project(client, "Acme Gifts", "Подарки к Новому году")
    other = await _project(client, "Globex", "Bonuses")
    await create_user(client, "anna.acme@example.com")
    await add_member(client, acme["cabinet_id"], "anna.acme@example.com", "manager")

    found = (await client.get("/api/v1/backoffice/search", params={"q": "ACME"}, headers=AUTH)).json()
    assert [c["label"] for c in found["cabinets"]] == ["Acme Gifts"]
    assert [(u["label"], u["cabinet_ids"]) for u in found["users"]] == [("anna.acme@example.com", [acme["cabinet_id"]])]
    assert found["projects"] == [] and found["companies"] == []

    by_name = (await client.get("/api/v1/backoffice/search", params={"q": "новому"}, headers=AUTH)).json()
    assert [p["id"] for p in by_name["projects"]] == [acme["id"]]  # case folding beyond ASCII, on both engines
    code = other["b2b_code"]
    by_code = (await client.get("/api/v1/backoffice/search", params={"q": code[:6]}, headers=AUTH)).json()
    assert other["id"] in [p["id"] for p in by_code["projects"]]
    assert code in next(p["detail"] for p in by_code["projects"] if p["id"] == other["id"])

    narrowed = await client.get("/api/v1/backoffice/search", params={"q": "acme", "kind": "user"}, headers=AUTH)
    assert narrowed.json()["cabinets"] == [] and len(narrowed.json()["users"]) == 1


async def test_bad_searches_name_the_parameter_and_clients_are_refused(client) -> None:
    short = await client.get("/api/v1/backoffice/search", params={"q": " a "}, headers=AUTH)
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "q"
    odd = await client.get("/api/v1/backoffice/search", params={"q": "acme", "kind": "planet"}, headers=AUTH)
    assert odd.status_code == 422 and odd.json()["errors"][0]["field"] == "kind"
    project = await new_project(client)
    await create_user(client, "owner@example.com")
    await add_member(client, project["cabinet_id"], "owner@example.com", "owner")
    owner = await sign_in(client, "owner@example.com")
    client.headers.pop("Authorization", None)
    refused = await client.get("/api/v1/backoffice/search", params={"q": "acme"}, headers=owner)
    assert refused.status_code == 403
