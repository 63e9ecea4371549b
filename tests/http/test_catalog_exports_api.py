"""Catalog exports end to end: catalog synced from the sandbox over loopback, export in the background,
progress polled, the file downloaded and read back; on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import dataclasses
import io
from decimal import Decimal

import pytest
from litestar.testing import AsyncTestClient
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.config_giftery import GifterySettings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.http.helpers import new_project
from tests.support.giftery import CLIENT_ID, SECRET, sandbox, sandbox_server  # noqa: F401


@pytest.fixture
async def api(settings, clock, sandbox_server, sandbox):  # noqa: F811
    giftery = GifterySettings(url=sandbox_server.url + "/", client_id=CLIENT_ID, secret=SECRET, rate=0)
    settings = dataclasses.replace(settings, giftery=giftery)
    container = make_container(settings, *http_providers(), clock_provider(clock))
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        client.headers.update(AUTH)
        synced = await client.post("/api/v1/catalog/sync")
        assert synced.status_code == 200, synced.text
        client.database_url = settings.database_url
        yield client


async def finished(api, url: str) -> dict:
    seen = []
    for _ in range(300):
        body = (await api.get(url)).json()
        seen.append(body["progress"])
        if body["status"] in ("ready", "failed"):
            assert seen == sorted(seen)  # progress never goes back
            return body
        await asyncio.sleep(0.05)
    raise AssertionError(f"the export did not finish: {body}")


async def region_products(api, project_id: str) -> list[dict]:
    items, cursor = [], None
    while True:
        params = {"project_id": project_id, "limit": 200, **({"cursor": cursor} if cursor else {})}
        page = (await api.get("/api/v1/catalog/products", params=params)).json()
        items += page["items"]
        if (cursor := page["next_cursor"]) is None:
            return items


async def test_an_xlsx_export_runs_in_the_background_and_downloads(api):
    project = await new_project(api, region="RU")
    cabinet_id = project["cabinet_id"]
    fee = await api.put("/api/v1/commissions/", json={"cabinet_id": cabinet_id, "percent": "4.5"})
    assert fee.status_code == 200, fee.text
    base = f"/api/v1/cabinets/{cabinet_id}/catalog-exports"
    started = await api.post(f"{base}/", json={"format": "xlsx", "project_id": project["id"]})
    assert started.status_code == 202, started.text
    assert started.json()["status"] == "pending" and started.json()["download_url"] is None
    done = await finished(api, f"{base}/{started.json()['id']}")
    assert done["status"] == "ready" and done["progress"] == 100, done
    file = await api.get(done["download_url"])
    assert file.status_code == 200
    assert file.headers["content-type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(file.content)).active.iter_rows(values_only=True))
    expected = await region_products(api, project["id"])
    assert rows[0][:3] == ("Бренд", "Продукт", "Номиналы") and len(rows) == len(expected) + 1
    assert {r[3] for r in rows[1:]} == {"RU"}
    assert {Decimal(str(r[6])) for r in rows[1:]} == {Decimal("4.5")}
    free = [r for r in rows[1:] if r[2].startswith("от ")]
    assert free and all(" с шагом " in r[2] for r in free)
    assert {r[5] for r in rows[1:]} <= {"онлайн", "офлайн", "онлайн и офлайн"}
    # announced to the user in the same transaction as "ready"
    engine = create_engine(api.database_url)  # the app runs on the test client's own loop: a separate engine
    try:
        async with engine.connect() as connection:
            names = (await connection.execute(select(outbox.c.event_name))).scalars().all()
    finally:
        await engine.dispose()
    assert "catalog_export.ready" in names


async def test_a_pdf_export_lists_the_region_brands(api):
    project = await new_project(api, region="KZ")
    base = f"/api/v1/cabinets/{project['cabinet_id']}/catalog-exports"
    started = await api.post(f"{base}/", json={"format": "pdf"})
    assert started.status_code == 202, started.text
    done = await finished(api, f"{base}/{started.json()['id']}")
    assert done["status"] == "ready", done
    file = await api.get(done["download_url"])
    assert file.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(file.content))
    text = "".join(p.extract_text() for p in reader.pages)
    brands = (await api.get("/api/v1/catalog/brands", params={"project_id": project["id"], "limit": 200})).json()
    assert brands["items"] and len(reader.pages) == -(-len(brands["items"]) // 24)
    for brand in brands["items"]:
        assert brand["name"][:12] in text


async def test_bad_requests_and_foreign_cabinets(api):
    empty = (await api.post("/api/v1/cabinets", json={"name": "Пустой"})).json()
    base = f"/api/v1/cabinets/{empty['id']}/catalog-exports"
    bad = await api.post(f"{base}/", json={"format": "docx"})
    assert bad.status_code == 400
    started = await api.post(f"{base}/", json={"format": "xlsx"})
    done = await finished(api, f"{base}/{started.json()['id']}")
    assert done["status"] == "failed" and "no projects" in done["error"]
    not_ready = await api.get(f"{base}/{started.json()['id']}/file")
    assert not_ready.status_code == 409 and not_ready.json()["type"] == "/problems/export-not-ready"
    other = await new_project(api)
    foreign = await api.post(f"{base}/", json={"format": "xlsx", "project_id": other["id"]})
    assert foreign.status_code == 404
    missing = await api.get(f"/api/v1/cabinets/{other['cabinet_id']}/catalog-exports/{started.json()['id']}")
    assert missing.status_code == 404
