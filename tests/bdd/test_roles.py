"""Binds features/roles.feature: roles as an analyst states them, driven through the HTTP API."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from tests.conftest import AUTH
from tests.support.identity import PASSWORD

scenarios(str(Path(__file__).parents[2] / "features" / "roles.feature"))

STATUS = {"forbidden": 403, "created": 201, "not found": 404, "ok": 200}
_refs = itertools.count()


@pytest.fixture
def world() -> dict:
    return {"cabinets": {}, "projects": {}, "who": None, "answer": None}


def _ok(answer, status: int = 201) -> dict:
    assert answer.status_code == status, answer.text
    return answer.json()


def _project(app_client, world, cabinet: str, project: str) -> None:
    cabinet_id = world["cabinets"][cabinet]
    body = {"name": project, "region": "RU"}
    world["projects"][project] = _ok(
        app_client.post(f"/api/v1/cabinets/{cabinet_id}/projects", json=body, headers=AUTH)
    )["id"]


@given(parsers.parse('a cabinet "{cabinet}" with a project "{project}" topped up with {amount} RUB'))
def cabinet_with_project(app_client, world, cabinet, project, amount):
    world["cabinets"][cabinet] = _ok(app_client.post("/api/v1/cabinets", json={"name": cabinet}, headers=AUTH))["id"]
    _project(app_client, world, cabinet, project)
    money = {"amount": amount, "currency": "RUB", "reference": {"kind": "payment", "value": f"pay-{next(_refs)}"}}
    _ok(app_client.post(f"/api/v1/projects/{world['projects'][project]}/top-ups", json=money, headers=AUTH))


@given(parsers.parse('a project "{project}" in "{cabinet}"'))
def another_project(app_client, world, project, cabinet):
    _project(app_client, world, cabinet, project)


@given(parsers.re(r'an? (?P<role>\w+) of "(?P<cabinet>[^"]+)"(?: granted "(?P<project>[^"]+)")? signed in'))
def member_signed_in(app_client, world, role, cabinet, project):
    _sign(app_client, world, role, cabinet, [project] if project else [])


def _sign(app_client, world, role: str, cabinet: str, granted: list[str]) -> None:
    email = f"{role}.{next(_refs)}@example.com"
    _ok(app_client.post("/api/v1/users", json={"email": email, "password": PASSWORD}, headers=AUTH))
    member = {"email": email, "role": role, "project_ids": [world["projects"][p] for p in granted]}
    _ok(app_client.post(f"/api/v1/cabinets/{world['cabinets'][cabinet]}/members", json=member, headers=AUTH), 200)
    answer = app_client.post("/api/v1/auth/sign-in", json={"email": email, "password": PASSWORD})
    signed = _ok(answer, 200)
    session = answer.cookies["gifthub_session"]
    app_client.cookies.clear()
    world["who"] = {"Cookie": f"gifthub_session={session}", "X-CSRF-Token": signed["csrf_token"]}


@when(parsers.parse('the {role} asks for the balance of "{project}"'))
def ask_balance(app_client, world, role, project):
    world["answer"] = app_client.get(f"/api/v1/projects/{world['projects'][project]}/balance", headers=world["who"])


@when(parsers.parse('the {role} tries to place a hold of {amount} RUB on "{project}"'))
def place_hold(app_client, world, role, amount, project):
    body = {"amount": amount, "currency": "RUB", "reference": {"kind": "order", "value": f"o-{next(_refs)}"}}
    world["answer"] = app_client.post(
        f"/api/v1/projects/{world['projects'][project]}/holds", json=body, headers=world["who"]
    )


@then(parsers.parse("the available amount is {amount} RUB"))
def available_is(world, amount):
    assert world["answer"].status_code == 200, world["answer"].text
    assert world["answer"].json()["available"] == amount


@then(parsers.parse('the answer is "{outcome}"'))
def answer_is(world, outcome):
    assert world["answer"].status_code == STATUS[outcome], world["answer"].text


@then(parsers.parse('the available amount of "{project}" is still {amount} RUB'))
def still_available(app_client, world, project, amount):
    balance = app_client.get(f"/api/v1/projects/{world['projects'][project]}/balance", headers=AUTH).json()
    assert balance["available"] == amount
