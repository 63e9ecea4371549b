"""Money in end to end: seller, invoice, PDF, a 1C statement paying it, the balance, the queue, CSV."""

from __future__ import annotations

import base64
import io

from pypdf import PdfReader

from tests.http.helpers import new_project
from tests.support.billing import document, ru_seller_data, signature_png, stamp_png, statement


async def _seller(client) -> dict:
    body = ru_seller_data() | {
        "signature_png_base64": base64.b64encode(signature_png()).decode(),
        "stamp_png_base64": base64.b64encode(stamp_png()).decode(),
    }
    response = await client.post("/api/v1/platform/sellers", json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def _invoice(client, project_id: str, amount: str) -> dict:
    response = await client.post(
        f"/api/v1/projects/{project_id}/invoices",
        json={
            "amount": amount,
            "currency": "RUB",
            "buyer": {"name": "ООО «Ромашка»", "inn": "7707083893", "email": "buh@romashka.example"},
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _import(client, data: bytes) -> dict:
    response = await client.post(
        "/api/v1/platform/bank-statements", content=data, headers={"Content-Type": "application/octet-stream"}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_invoice_paid_in_two_parts_credits_the_project_once(client):
    seller = await _seller(client)
    assert seller["has_signature"] and seller["has_stamp"]
    project = await new_project(client)
    invoice = await _invoice(client, project["id"], "150000.00")
    assert invoice["number"] == "GHR-2026-00001"
    assert invoice["vat"] == "27049.18" and invoice["vat_percent"] == "22" and invoice["status"] == "issued"
    second = await _invoice(client, project["id"], "10.00")
    assert second["number"] == "GHR-2026-00002"

    pdf = await client.get(f"/api/v1/invoices/{invoice['id']}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "GHR-2026-00001" in text and "Сто пятьдесят тысяч рублей 00 копеек" in text

    first_part = statement(document("11", "100000.00", "Оплата по счету GHR-2026-00001 часть 1"))
    result = await _import(client, first_part)
    assert result == {"received": 1, "applied": 1, "unmatched": 0, "already_known": 0, "credited": 1}
    assert (await client.get(f"/api/v1/invoices/{invoice['id']}")).json()["status"] == "partially_paid"

    both = statement(
        document("11", "100000.00", "Оплата по счету GHR-2026-00001 часть 1"),
        document("12", "50000.00", "Оплата по счету № GHR-2026-00001 окончательный расчет"),
    )
    result = await _import(client, both)
    assert result == {"received": 2, "applied": 1, "unmatched": 0, "already_known": 1, "credited": 1}
    again = await _import(client, both)
    assert again["credited"] == 0 and again["already_known"] == 2
    # The same file through a browser's file input (multipart) is the same statement: nothing more credited.
    uploaded = await client.post("/api/v1/platform/bank-statements", files={"file": ("statement.txt", both)})
    assert uploaded.status_code == 200 and uploaded.json()["already_known"] == 2

    paid = (await client.get(f"/api/v1/invoices/{invoice['id']}")).json()
    assert paid["status"] == "paid" and paid["paid"] == "150000.00" and paid["outstanding"] == "0.00"
    balance = (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()
    assert balance["balance"] == "150000.00"

    listed = (await client.get("/api/v1/invoices", params={"status": "paid", "project_id": project["id"]})).json()
    assert [i["number"] for i in listed["items"]] == ["GHR-2026-00001"]
    page = (await client.get("/api/v1/invoices", params={"limit": 1})).json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = (await client.get("/api/v1/invoices", params={"limit": 1, "cursor": page["next_cursor"]})).json()
    assert rest["items"][0]["id"] != page["items"][0]["id"]

    csv = await client.get("/api/v1/invoices/export.csv", params={"project_id": project["id"]})
    assert csv.content.startswith(b"\xef\xbb\xbf")
    lines = csv.content.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("Номер;Дата;")
    assert any("GHR-2026-00001;" in line and ";150000,00;27049,18;22%;150000,00;RUB" in line for line in lines)


async def test_a_payment_without_an_invoice_number_waits_then_is_matched_by_staff(client):
    await _seller(client)
    project = await new_project(client)
    invoice = await _invoice(client, project["id"], "100.00")
    result = await _import(client, statement(document("31", "130.00", "Оплата за подарочные карты")))
    assert result["unmatched"] == 1 and result["credited"] == 0
    queue = (await client.get("/api/v1/platform/payments", params={"status": "unmatched"})).json()["items"]
    assert len(queue) == 1 and queue[0]["reason"] == "no invoice number in the payment purpose"

    matched = await client.post(f"/api/v1/platform/payments/{queue[0]['id']}/match", json={"invoice_id": invoice["id"]})
    assert matched.status_code == 200, matched.text
    body = matched.json()
    assert body["status"] == "applied" and body["overpaid"] == "30.00" and "over-payment" in body["reason"]
    balance = (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()
    assert balance["balance"] == "130.00"
    again = await client.post(f"/api/v1/platform/payments/{queue[0]['id']}/match", json={"invoice_id": invoice["id"]})
    assert again.status_code == 409


async def test_a_broken_statement_credits_nothing_and_names_the_line(client):
    await _seller(client)
    project = await new_project(client)
    await _invoice(client, project["id"], "100.00")
    broken = statement(document("41", "100.00", "Оплата по счету GHR-2026-00001"), document("42", "1.5.0", "x"))
    response = await client.post("/api/v1/platform/bank-statements", content=broken)
    assert response.status_code == 422
    assert "Сумма='1.5.0' is not an amount" in response.json()["detail"]
    assert response.json()["detail"].startswith("line ")
    assert (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()["balance"] == "0.00"
    assert (await client.get("/api/v1/platform/payments")).json()["items"] == []


async def test_cancel_and_bad_requisites(client):
    bad = ru_seller_data()
    bad["requisites"] = {**bad["requisites"], "inn": "7707083894"}
    response = await client.post("/api/v1/platform/sellers", json=bad)
    assert response.status_code == 422 and "INN checksum" in response.json()["detail"]
    await _seller(client)
    project = await new_project(client)
    invoice = await _invoice(client, project["id"], "10.00")
    cancelled = await client.post(f"/api/v1/invoices/{invoice['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert (await client.post(f"/api/v1/invoices/{invoice['id']}/cancel")).status_code == 409


async def test_period_filter_unknown_invoice_and_bad_status(client, clock):
    await _seller(client)
    project = await new_project(client)
    first = await _invoice(client, project["id"], "1.00")
    clock.advance(days=3)
    second = await _invoice(client, project["id"], "2.00")
    period = {"issued_from": "2026-11-02", "issued_to": "2026-11-30"}
    listed = (await client.get("/api/v1/invoices", params=period)).json()["items"]
    assert [i["id"] for i in listed] == [second["id"]]
    listed = (await client.get("/api/v1/invoices", params={"issued_to": "2026-11-01"})).json()["items"]
    assert [i["id"] for i in listed] == [first["id"]]
    missing = await client.get("/api/v1/invoices/00000000-0000-0000-0000-000000000000/pdf")
    assert missing.status_code == 404
    bad = await client.get("/api/v1/invoices", params={"status": "lost"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "status"


async def test_a_large_statement_is_accepted(client):
    await _seller(client)
    documents = [
        document(str(n), "1.00", "Оплата без номера счёта", payer_account=f"40702810{n:012d}") for n in range(2500)
    ]
    data = statement(*documents)
    assert len(data) > 1024 * 1024  # over the API-wide body limit
    result = await _import(client, data)
    assert result["received"] == 2500 and result["unmatched"] == 2500
