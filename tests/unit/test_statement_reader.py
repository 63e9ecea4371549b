"""The 1CClientBankExchange reader on real-shaped and broken files; every error names its line."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gifthub.adapters.onec.statement_reader import OneCStatementReader, _amount
from gifthub.domain.billing.errors import StatementError
from gifthub.domain.money import Currency, Money
from tests.support.billing import OUR_ACCOUNT, document, statement

reader = OneCStatementReader()


@pytest.mark.parametrize("encoding", ["Windows", "DOS"])
def test_both_encodings_with_several_documents(encoding):
    data = statement(
        document("101", "100000.00", "Оплата по счету GHR-2026-00001"),
        document("102", "50000.5", "Аванс; НДС не облагается", extra=["НовыйКлюч=что-то"]),
        encoding=encoding,
    )
    parsed = reader.read(data)
    assert parsed.accounts == (OUR_ACCOUNT,)
    assert parsed.period == (date(2026, 11, 1), date(2026, 11, 2))
    first, second = parsed.incoming()
    assert first.number == "101" and first.amount == Money(10000000, Currency.RUB)
    assert first.payer_inn == "7707083893" and first.payer_name == 'ООО "Ромашка"'
    assert first.purpose == "Оплата по счету GHR-2026-00001"
    assert second.amount == Money(5000050, Currency.RUB)
    assert first.payment_reference != second.payment_reference


def test_missing_optional_keys_and_outgoing_documents():
    minimal = [
        "СекцияДокумент=Платежное поручение",
        "Номер=7",
        "Дата=02.11.2026",
        "Сумма=10.00",
        f"ПолучательСчет={OUR_ACCOUNT}",
        "КонецДокумента",
    ]
    outgoing = [
        "СекцияДокумент=Платежное поручение",
        "Номер=8",
        "Дата=02.11.2026",
        "Сумма=5.00",
        f"ПлательщикСчет={OUR_ACCOUNT}",
        "ПолучательСчет=40702810000000000009",
        "КонецДокумента",
    ]
    parsed = reader.read(statement(minimal, outgoing))
    assert len(parsed.documents) == 2
    (only,) = parsed.incoming()
    assert only.number == "7" and only.payer_inn == "" and only.purpose == ""


def _line_of(data: bytes, text: str, codec: str = "cp1251") -> int:
    return data.decode(codec).split("\r\n").index(text) + 1


def test_wrong_encoding_is_named():
    data = statement(document("1", "10.00", "x")).replace(
        "Кодировка=Windows".encode("cp1251"), "Кодировка=DOS".encode("cp1251")
    )
    with pytest.raises(StatementError, match=r"line 3: .*declares Кодировка=DOS \(cp866\) but is written in cp1251"):
        reader.read(data)
    utf8 = statement(document("1", "10.00", "x")).decode("cp1251").encode("utf-8")
    with pytest.raises(StatementError, match="line 3: the file is UTF-8"):
        reader.read(utf8)


def test_missing_end_of_document_names_the_section():
    doc = document("1", "10.00", "x")[:-1]
    data = statement(doc, document("2", "20.00", "y"))
    start = _line_of(data, "СекцияДокумент=Платежное поручение")
    with pytest.raises(StatementError, match=r"has no КонецДокумента") as error:
        reader.read(data)
    assert f"started on line {start}" in str(error.value)


def test_missing_end_of_file_and_truncated_file():
    data = statement(document("1", "10.00", "x"), end=False)
    with pytest.raises(StatementError, match="truncated: no КонецФайла"):
        reader.read(data)
    full = statement(document("1", "10.00", "x"))
    with pytest.raises(StatementError, match="truncated: the document started on line"):
        reader.read(full[: len(full) // 2 + 200].rsplit(b"\r\n", 1)[0])


def test_bad_amount_and_date_name_their_line():
    data = statement(document("1", "10,50", "x"))
    line = _line_of(data, "Сумма=10,50")
    with pytest.raises(StatementError, match=rf"line {line}: Сумма='10,50' is not an amount"):
        reader.read(data)
    data = statement(document("1", "10.50", "x", extra=["Дата=31.02.2026"]))
    with pytest.raises(StatementError, match=r"Дата='31.02.2026' is not a date"):
        reader.read(data)


def test_not_a_statement():
    with pytest.raises(StatementError, match="line 1: the first line must be 1CClientBankExchange"):
        reader.read(b"hello\r\n")
    with pytest.raises(StatementError, match="line 1: the file is empty"):
        reader.read(b"")


def test_a_bad_header_date_names_its_line():
    data = statement(document("1", "10.00", "x")).replace(b"=01.11.2026\r\n", b"=2026-11-01\r\n", 1)
    with pytest.raises(StatementError, match=r"line 8: ДатаНачала='2026-11-01' is not a date"):
        reader.read(data)


def test_without_an_account_header_the_dates_tell_incoming_from_outgoing():
    received = document("201", "700.00", "Оплата по счету GHR-2026-00002")
    paid_out = [
        "СекцияДокумент=Платежное поручение",
        "Номер=202",
        "Дата=02.11.2026",
        "Сумма=300.00",
        f"ПлательщикСчет={OUR_ACCOUNT}",
        "ДатаСписано=02.11.2026",
        "ПолучательСчет=40702810000000000009",
        "ДатаПоступило=",
        "КонецДокумента",
    ]
    with_accounts = statement(received, paid_out)
    assert [d.number for d in reader.read(with_accounts).incoming()] == ["201"]
    data = with_accounts.replace(f"РасчСчет={OUR_ACCOUNT}\r\n".encode("cp1251"), b"")
    parsed = reader.read(data + b"\x1a")  # a DOS end-of-file mark after КонецФайла is harmless
    assert parsed.accounts == ()
    assert [d.number for d in parsed.incoming()] == ["201"]


@given(st.integers(min_value=1, max_value=10**15 - 1), st.booleans())
def test_amounts_read_in_minor_units_exactly_as_money_parses_them(minor, short_fraction):
    text = f"{minor // 100}.{minor % 100:02d}"
    if short_fraction and text.endswith("0"):
        text = text[:-1]  # "1500.5" as 1C may write it
    assert _amount(text, Currency.RUB) == Money.parse(text, Currency.RUB)
