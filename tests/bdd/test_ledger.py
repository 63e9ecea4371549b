from __future__ import annotations

from pytest_bdd import given, parsers, scenarios, then, when

scenarios("../../features/ledger.feature")


def _money(amount: str, currency: str = "RUB") -> dict:
    return {"amount": amount, "currency": currency}


@given(parsers.parse('a cabinet "{name}" with a project in RUB'))
def project(api, world, name):
    cabinet = api.post("/api/v1/cabinets", json={"name": name}).json()
    created = api.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "Gifts", "region": "RU"})
    assert created.status_code == 201, created.text
    world["project"] = created.json()["id"]


def _path(world, suffix: str) -> str:
    return f"/api/v1/projects/{world['project']}{suffix}"


@given(parsers.parse("the project's negative-balance limit is {amount} RUB"))
@when(parsers.parse("platform staff lower the negative-balance limit to {amount} RUB"))
def set_limit(api, world, amount):
    answer = api.put(_path(world, "/negative-limit"), json=_money(amount))
    assert answer.status_code == 200, answer.text


@given(parsers.parse('the payment "{payment}" of {amount} RUB was credited to the project'))
@when(parsers.parse('the payment "{payment}" of {amount} RUB is credited to the project'))
def credit(api, world, payment, amount):
    answer = api.post(
        _path(world, "/top-ups"), json=_money(amount) | {"reference": {"kind": "payment", "value": payment}}
    )
    assert answer.status_code in (200, 201), answer.text
    world.setdefault("credits", []).append(answer.json())


@when(parsers.parse('an order "{order}" holds {amount} RUB'))
def hold(api, world, order, amount):
    world["hold"] = api.post(
        _path(world, "/holds"), json=_money(amount) | {"reference": {"kind": "order", "value": order}}
    )


@given(parsers.parse('an order "{order}" held and spent {amount} RUB'))
def held_and_spent(api, world, order, amount):
    hold(api, world, order, amount)
    complete(api, world, order, amount)


@when(parsers.parse('the order "{order}" is completed for {amount} RUB'))
def complete(api, world, order, amount):
    hold_id = world["hold"].json()["hold"]["id"]
    body = _money(amount) | {"reference": {"kind": "order", "value": f"{order}-capture"}}
    answer = api.post(_path(world, f"/holds/{hold_id}/capture"), json=body)
    assert answer.status_code == 201, answer.text


@then("the hold is accepted")
def hold_accepted(world):
    assert world["hold"].status_code == 201, world["hold"].text


@then(parsers.parse("the hold is refused because only {amount} RUB is available"))
def hold_refused(world, amount):
    answer = world["hold"]
    assert answer.status_code == 409
    assert answer.json()["type"] == "/problems/insufficient-funds"
    assert answer.json()["available"] == amount


@then(parsers.parse('an order "{order}" holding {amount} RUB is refused'))
def another_hold_refused(api, world, order, amount):
    hold(api, world, order, amount)
    assert world["hold"].status_code == 409


@then(parsers.re(r"the project's balance is (still )?(?P<amount>-?\d+\.\d{2}) RUB"))
def balance_is(api, world, amount):
    assert api.get(_path(world, "/balance")).json()["balance"] == amount


@then(parsers.parse("the project's available funds are {amount} RUB"))
def available_is(api, world, amount):
    assert api.get(_path(world, "/balance")).json()["available"] == amount


@then(parsers.parse("the project's ledger has {count:d} entry"))
@then(parsers.parse("the project's ledger has {count:d} entries"))
def ledger_has(api, world, count):
    assert len(api.get(_path(world, "/ledger")).json()["items"]) == count


@then("the second credit is reported as a replay")
def second_is_replay(world):
    first, second = world["credits"]
    assert (first["replayed"], second["replayed"]) == (False, True)
    assert first["entry"]["id"] == second["entry"]["id"]
