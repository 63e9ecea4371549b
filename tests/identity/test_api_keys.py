"""A project's B2B code + secret key: shown once, stored hashed, rotated, revoked, checked."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_identity import api_clients
from tests.conftest import AUTH
from tests.http.helpers import new_project


async def test_issue_use_rotate_and_revoke_an_api_key(web, settings):
    web.headers.update(AUTH)
    project = await new_project(web, top_up="100.00")
    pid, code = project["id"], project["b2b_code"]
    issued = await web.post(f"/api/v1/projects/{pid}/api-key")
    assert issued.status_code == 201, issued.text
    secret = issued.json()["secret"]
    assert issued.json()["bearer"] == f"{code}:{secret}"
    status = await web.get(f"/api/v1/projects/{pid}/api-key")
    assert secret not in status.text and status.json()["active"] is True

    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        stored = (await connection.execute(select(api_clients.c.secret_hash))).scalar_one()
    await engine.dispose()
    assert stored == hashlib.sha256(secret.encode()).hexdigest() and secret not in stored

    machine = {"Authorization": f"Bearer {code}:{secret}"}
    me = await web.get("/api/v1/auth/me", headers=machine)
    assert me.json()["kind"] == "api_client" and me.json()["project_id"] == pid
    hold = {"amount": "1.00", "currency": "RUB", "reference": {"kind": "order", "value": "k-1"}}
    assert (await web.post(f"/api/v1/projects/{pid}/holds", json=hold, headers=machine)).status_code == 201

    check = {"b2b_code": code, "secret": secret}
    assert (await web.post("/api/v1/api-keys/check", json=check)).json() == {"match": True}
    wrong = {"b2b_code": code, "secret": secret + "x"}
    assert (await web.post("/api/v1/api-keys/check", json=wrong)).json() == {"match": False}

    rotated = (await web.post(f"/api/v1/projects/{pid}/api-key")).json()["secret"]
    assert rotated != secret
    assert (await web.get("/api/v1/auth/me", headers=machine)).status_code == 401  # the old secret is dead
    new_machine = {"Authorization": f"Bearer {code}:{rotated}"}
    assert (await web.get("/api/v1/auth/me", headers=new_machine)).status_code == 200

    revoked = await web.delete(f"/api/v1/projects/{pid}/api-key")
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    assert (await web.get("/api/v1/auth/me", headers=new_machine)).status_code == 401
    assert (await web.post("/api/v1/api-keys/check", json={"b2b_code": code, "secret": rotated})).json() == {
        "match": False
    }


async def test_an_api_client_acts_only_within_its_project(web):
    web.headers.update(AUTH)
    mine = await new_project(web, top_up="10.00")
    other = await new_project(web)
    secret = (await web.post(f"/api/v1/projects/{mine['id']}/api-key")).json()["bearer"]
    machine = {"Authorization": f"Bearer {secret}"}
    assert (await web.get(f"/api/v1/projects/{other['id']}/balance", headers=machine)).status_code == 404
    listed = (await web.get("/api/v1/projects", headers=machine)).json()["items"]
    assert [p["id"] for p in listed] == [mine["id"]]
    assert (await web.post(f"/api/v1/projects/{mine['id']}/api-key", headers=machine)).status_code == 403
