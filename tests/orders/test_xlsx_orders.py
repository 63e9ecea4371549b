"""Orders from XLSX lists: file-level refusals, row rules, accepting valid rows, no doubling."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from gifthub.adapters.documents.xlsx_order_sheet import XlsxOrderSheetReader
from gifthub.application.ordering.errors import InvalidUpload
from gifthub.application.ordering.get_order import GetOrder
from gifthub.application.ordering.list_orders import ListOrders
from gifthub.application.ordering.upload_xlsx_order import UploadXlsxOrder, UploadXlsxOrderCommand
from tests.orders.xlsx_files import big_xlsx, xlsx

GOOD = ["101", 1000, 1, "Anna", "anna@example.com", "", "Hi", "email", None]


def read_all(content: bytes):
    sheet = XlsxOrderSheetReader().open(content)
    return sheet, list(sheet.rows)


@pytest.mark.parametrize(
    ("content", "message", "field"),
    [
        (b"", "the file is empty", "file"),
        (b"product_id;nominal\n101;1000\n", "not an XLSX", "file"),
        (b"PK\x03\x04 definitely not a zip", "damaged", "file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password-protected", "file"),
        (xlsx([], headers=[]), "the sheet is empty", "row 1"),
        (
            xlsx([GOOD], headers=["product_id", "face", "email"]),
            "row 1, column B: unknown header 'face'",
            "row 1, column B",
        ),
        (xlsx([["Anna"]], headers=["recipient_name"]), "required column(s) missing: nominal, product_id", "row 1"),
        (xlsx([GOOD, ["101", "=B2*2", 1, "B", "b@x.ru"]]), "row 3, column B (nominal): formulas", "row 3, column B"),
        (xlsx([GOOD, GOOD], merge="D2:E3"), "row 2, column D: merged cells (D2:E3)", "row 2, column D"),
    ],
)
def test_bad_files_get_a_message_naming_row_and_column(content, message, field):
    with pytest.raises(InvalidUpload) as error:
        read_all(content)
    assert message in error.value.message
    assert error.value.field == field


def test_cells_arrive_as_text_or_moments_never_floats():
    moment = datetime(2030, 1, 2, 10, 30)
    _, rows = read_all(xlsx([["202", 1500.5, 2, "B", " b@x.ru\u00a0", "", "", "", moment]]))
    cells = rows[0].cells
    assert rows[0].number == 2
    assert (cells["nominal"], cells["quantity"], cells["send_at"]) == ("1500.5", "2", moment)


def test_template_is_a_readable_empty_list():
    sheet, rows = read_all(XlsxOrderSheetReader().template())
    assert list(sheet.letters) == [
        "product_id",
        "nominal",
        "quantity",
        "recipient_name",
        "email",
        "phone",
        "message",
        "channel",
        "send_at",
    ]
    assert rows == []


async def test_preview_names_every_problem_by_row_and_column(app, clock):
    project = await app.project()
    past = (clock.now() - timedelta(days=1)).replace(tzinfo=None)
    rows = [
        GOOD,  # 2
        ["999", 1000, 1, "A", "a@x.ru"],  # 3 unknown product
        ["101", 1234, 1, "A", "a@x.ru"],  # 4 nominal not allowed
        ["202", 1500, 1, "A", "bad@"],  # 5 bad email
        ["202", 1500, 1, "A", "", "123", "", "sms"],  # 6 bad phone
        ["202", 1500, 1, "A", "c@x.ru", "", "", "", past],  # 7 in the past
        ["202", 1500, 1, "A", "d@x.ru", "", "", "", "next friday"],  # 8 date as text
        GOOD,  # 9 duplicate of 2
        ["202", 1505, 1, "A", "e@x.ru"],  # 10 off the free nominal's step
        ["202", 1500, 1, "A", "f\u00a0g@x.ru"],  # 11 non-breaking space inside the email
        ["202", "1 500,00", 1, "A", "\u00a0h@x.ru\u00a0", "", "", "", "31.12.2030 10:00"],  # 12 fine
    ]
    outcome = await app.run(UploadXlsxOrder, UploadXlsxOrderCommand(project.id, xlsx(rows)))
    check = outcome.check
    assert (check.rows, check.valid_rows) == (11, 2)
    found = {(p.row, p.column, p.header) for p in check.problems}
    assert found == {
        (3, "A", "product_id"),
        (4, "B", "nominal"),
        (5, "E", "email"),
        (6, "F", "phone"),
        (7, "I", "send_at"),
        (8, "I", "send_at"),
        (9, "E", "email"),
        (10, "B", "nominal"),
        (11, "E", "email"),
    }
    messages = {p.row: p.message for p in check.problems}
    assert messages[3] == "unknown product '999'"
    assert "duplicates row 2" in messages[9]
    assert "in the past" in messages[7] and "is text, not a date" in messages[8]
    assert check.failed_rows == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert outcome.order is None
    assert (await app.run(ListOrders, project.id, limit=10, cursor=None)).items == []


async def test_accept_valid_rows_then_add_the_fixed_ones_and_never_double(app):
    project = await app.project()
    first_file = xlsx(
        [GOOD, ["999", 1000, 1, "A", "a@x.ru"], ["202", 2000, 3, "C", "c@x.ru", "", "", "", "2030-01-01 09:00"]]
    )
    command = UploadXlsxOrderCommand(project.id, first_file, timezone="Asia/Almaty", sender_name="HR", accept=True)
    outcome = await app.run(UploadXlsxOrder, command)
    order = outcome.order
    assert outcome.check.failed_rows == [3]
    assert order.certificate_count == 4 and order.source.startswith("xlsx:")
    scheduled = [line.scheduled_at for line in order.lines if line.scheduled_at]
    assert scheduled[0].isoformat() == "2030-01-01T09:00:00+05:00"

    again = await app.run(UploadXlsxOrder, command)
    assert again.replayed and again.order.id == order.id

    fixed = xlsx([["101", 3000, 1, "A", "a@x.ru"]])
    added = await app.run(UploadXlsxOrder, UploadXlsxOrderCommand(project.id, fixed, accept=True, order_id=order.id))
    assert added.order.id == order.id
    reread = await app.run(GetOrder, project.id, order.id)
    assert reread.certificate_count == 5
    assert reread.total.to_string() == "10250.00"  # (1000 + 3*2000 + 3000) + 2.5%
    assert len((await app.run(ListOrders, project.id, limit=10, cursor=None)).items) == 1


async def test_a_file_with_no_valid_rows_creates_nothing(app):
    project = await app.project()
    with pytest.raises(InvalidUpload, match="none of the 1 rows is valid"):
        await app.run(UploadXlsxOrder, UploadXlsxOrderCommand(project.id, xlsx([["999", 1, 1]]), accept=True))
    with pytest.raises(InvalidUpload, match="no rows"):
        await app.run(UploadXlsxOrder, UploadXlsxOrderCommand(project.id, xlsx([]), accept=True))
    assert (await app.run(ListOrders, project.id, limit=10, cursor=None)).items == []


async def test_two_thousand_rows_become_one_draft(app):
    project = await app.project()
    outcome = await app.run(UploadXlsxOrder, UploadXlsxOrderCommand(project.id, big_xlsx(2000), accept=True))
    assert outcome.check.valid_rows == 2000 and not outcome.check.problems
    assert outcome.order.certificate_count == 2000
    assert len(outcome.order.lines) == 6  # grouped by product and nominal: 101 x 1000, 202 x 5 nominals
