"""Rules an order keeps over HTTP: whose time zone it is in, and one person named twice for the same gift."""

from __future__ import annotations

from tests.http.helpers import new_project
from tests.orders.xlsx_files import xlsx
from tests.support.identity import add_member, create_user, sign_in


def _draft(*recipients: str, product: str = "101", nominal: str = "1000.00") -> dict:
    return {"product_id": product, "nominal": nominal, "recipients": [{"email": e} for e in recipients]}


# 10.11: the zone of an order ---------------------------------------------------------------------------------


async def test_an_order_is_in_the_orderers_profile_zone_unless_the_request_names_one(client):
    project = await new_project(client, top_up="10000.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    await create_user(client, "almaty@x.ru")
    await add_member(client, project["cabinet_id"], "almaty@x.ru", "owner")
    person = await sign_in(client, "almaty@x.ru")
    person_only = {**person, "Authorization": ""}
    changed = await client.patch("/api/v1/auth/me", json={"time_zone": "Asia/Almaty"}, headers=person_only)
    assert changed.status_code == 200, changed.text

    draft = await client.post(base, json={"lines": [_draft("a@x.ru")]}, headers=person_only)
    assert draft.status_code == 201, draft.text
    assert draft.json()["timezone"] == "Asia/Almaty"
    quick = await client.post(
        f"{base}/quick", json={"product_id": "101", "nominal": "1000.00", "emails": ["b@x.ru"]}, headers=person_only
    )
    assert quick.status_code == 201, quick.text
    assert quick.json()["timezone"] == "Asia/Almaty"
    named = await client.post(base, json={"timezone": "Europe/Kaliningrad"}, headers=person_only)
    assert named.json()["timezone"] == "Europe/Kaliningrad"
    # Editing without a zone keeps the order's; the moment is read in it.
    edited = await client.put(
        f"{base}/{draft.json()['id']}",
        json={"lines": [_draft("a@x.ru")], "scheduled_at": "2030-01-02T10:00:00+05:00"},
        headers=person_only,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["timezone"] == "Asia/Almaty"
    assert edited.json()["scheduled_at_local"].startswith("2030-01-02T10:00:00+05:00")


async def test_an_api_keys_order_is_in_the_zone_of_its_projects_region(client):
    project = await new_project(client, region="KZ")
    issued = await client.post(f"/api/v1/projects/{project['id']}/api-key")
    assert issued.status_code == 201, issued.text
    machine = {"Authorization": f"Bearer {issued.json()['bearer']}"}
    draft = await client.post(f"/api/v1/projects/{project['id']}/orders", json={}, headers=machine)
    assert draft.status_code == 201, draft.text
    assert draft.json()["timezone"] == "Asia/Almaty"


# 10.6: duplicates against the whole order --------------------------------------------------------------------


async def test_a_quick_order_naming_one_email_twice_is_refused_unless_confirmed(client):
    project = await new_project(client, top_up="10000.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    body = {"product_id": "101", "nominal": "1000.00", "emails": ["a@x.ru", "b@x.ru", "A@x.ru"]}
    refused = await client.post(f"{base}/quick", json=body)
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"] == "/problems/duplicate-certificate"
    [error] = refused.json()["errors"]
    assert error["field"] == "emails[2]"
    assert "a@x.ru already gets product 101 at 1000.00 in emails[0]" in error["message"]
    assert "allow_duplicates" in error["message"]
    assert (await client.get(base)).json()["items"] == []  # nothing half-written
    assert (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()["held"] == "0.00"

    confirmed = await client.post(f"{base}/quick", json={**body, "allow_duplicates": True})
    assert confirmed.status_code == 201, confirmed.text
    assert confirmed.json()["certificate_count"] == 3


async def test_a_draft_naming_one_person_twice_for_the_same_gift_is_refused_across_its_lines(client):
    project = await new_project(client)
    base = f"/api/v1/projects/{project['id']}/orders"
    lines = [_draft("a@x.ru", "b@x.ru"), _draft("c@x.ru", nominal="3000.00"), _draft("d@x.ru", "b@x.ru")]
    refused = await client.post(base, json={"lines": lines})
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "lines[2].recipients[1].email"
    assert "in lines[0].recipients[1].email" in refused.json()["errors"][0]["message"]
    # Another nominal or another product for the same person is another gift.
    fine = await client.post(base, json={"lines": [_draft("a@x.ru"), _draft("a@x.ru", nominal="3000.00")]})
    assert fine.status_code == 201, fine.text
    edited = await client.put(f"{base}/{fine.json()['id']}", json={"lines": lines})
    assert edited.status_code == 422 and edited.json()["type"] == "/problems/duplicate-certificate"
    confirmed = await client.put(f"{base}/{fine.json()['id']}", json={"lines": lines, "allow_duplicates": True})
    assert confirmed.status_code == 200 and confirmed.json()["certificate_count"] == 5


async def test_xlsx_rows_added_to_a_draft_are_checked_against_what_the_draft_already_holds(client):
    project = await new_project(client)
    base = f"/api/v1/projects/{project['id']}/orders"
    draft = await client.post(base, json={"lines": [_draft("anna@x.ru")]})
    order_id = draft.json()["id"]
    rows = [["101", 1000, 1, "Anna", "anna@x.ru"], ["101", 1000, 1, "Bob", "bob@x.ru"]]
    files = {"file": ("more.xlsx", xlsx(rows), "application/octet-stream")}

    added = await client.post(f"{base}/{order_id}/xlsx", files=files)
    assert added.status_code == 200, added.text
    body = added.json()
    assert (body["valid_rows"], body["failed_rows"]) == (1, [2])
    assert (body["problems"][0]["row"], body["problems"][0]["column"]) == (2, "E")
    assert "already has this product at this nominal for this recipient" in body["problems"][0]["message"]
    assert (await client.get(f"{base}/{order_id}")).json()["certificate_count"] == 2  # anna once, bob

    again = {"file": ("again.xlsx", xlsx(rows[:1]), "application/octet-stream")}
    confirmed = await client.post(f"{base}/{order_id}/xlsx", files=again, data={"allow_duplicates": "true"})
    assert confirmed.status_code == 200, confirmed.text
    assert (await client.get(f"{base}/{order_id}")).json()["certificate_count"] == 3


async def test_an_xlsx_list_naming_one_person_twice_for_the_same_gift_reports_the_second_row(client):
    project = await new_project(client)
    base = f"/api/v1/projects/{project['id']}/orders"
    rows = [["101", 1000, 1, "Anna", "anna@x.ru"], ["101", 1000, 2, "Anna K.", "Anna@x.ru"]]
    files = {"file": ("list.xlsx", xlsx(rows), "application/octet-stream")}
    checked = (await client.post(f"{base}/xlsx", files=files)).json()
    assert checked["failed_rows"] == [3]
    assert checked["problems"][0]["message"] == "duplicates row 2"
