from __future__ import annotations


async def new_project(client, *, region: str = "RU", limit: str | None = None, top_up: str | None = None) -> dict:
    cabinet = (await client.post("/api/v1/cabinets", json={"name": "Acme"})).json()
    response = await client.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "Gifts", "region": region})
    assert response.status_code == 201, response.text
    project = response.json()
    currency = project["currency"]
    if limit is not None:
        answer = await client.put(
            f"/api/v1/projects/{project['id']}/negative-limit", json={"amount": limit, "currency": currency}
        )
        assert answer.status_code == 200, answer.text
    if top_up is not None:
        answer = await client.post(
            f"/api/v1/projects/{project['id']}/top-ups",
            json={"amount": top_up, "currency": currency, "reference": {"kind": "payment", "value": "seed"}},
        )
        assert answer.status_code == 201, answer.text
    return project


def money(amount: str, currency: str = "RUB", kind: str = "order", value: str = "o-1") -> dict:
    return {"amount": amount, "currency": currency, "reference": {"kind": kind, "value": value}}
