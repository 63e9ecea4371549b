"""Reader of 1CClientBankExchange bank statements (windows-1251 or cp866 as declared, CRLF).

Strict where money is at stake (amounts, dates, section ends, the declared encoding) and tolerant of
keys it does not know. Every error names the 1-based line; nothing is returned from a broken file.
"""

from __future__ import annotations

import re
from datetime import date

from gifthub.domain.billing.errors import StatementError
from gifthub.domain.billing.statement import BankStatement, StatementDocument
from gifthub.domain.money import Currency, Money

MAGIC = b"1CClientBankExchange"
ENCODINGS = {"Windows": "cp1251", "DOS": "cp866"}
MARKERS = {"КонецДокумента", "КонецФайла", "СекцияРасчСчет", "КонецРасчСчет"}
_AMOUNT = re.compile(r"^\d{1,13}(\.\d{1,2})?$")
_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")


def _detect_encoding(lines: list[bytes]) -> str:
    key = "Кодировка="
    for number, raw in enumerate(lines, start=1):
        for codec in ("cp1251", "cp866"):
            if raw.startswith(key.encode(codec)):
                value = raw[len(key.encode(codec)) :].decode("ascii", "replace").strip()
                if value not in ENCODINGS:
                    raise StatementError(f"Кодировка={value!r} is unknown; expected Windows or DOS", line=number)
                if ENCODINGS[value] != codec:
                    raise StatementError(
                        f"the file declares Кодировка={value} ({ENCODINGS[value]}) but is written in {codec}",
                        line=number,
                    )
                return codec
        if raw.startswith(key.encode("utf-8")):
            raise StatementError("the file is UTF-8; 1C statements are windows-1251 or cp866", line=number)
    raise StatementError("no Кодировка line readable as windows-1251 or cp866", line=2)


def _date(value: str, key: str, line: int) -> date:
    match = _DATE.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise StatementError(f"{key}={value!r} is not a date ДД.ММ.ГГГГ", line=line)


def _amount(text: str, currency: Currency) -> Money:
    """An amount ``_AMOUNT`` accepted, in minor units by integer arithmetic (Decimal parsing showed at
    10,000 payments a statement); the same value Money.parse gives."""
    digits = currency.minor_digits
    if digits < 2:
        return Money.parse(text, currency, field="Сумма")
    whole, _, fraction = text.partition(".")
    return Money(int(whole) * 10**digits + int(fraction.ljust(digits, "0")), currency)


class OneCStatementReader:
    def __init__(self, currency: Currency = Currency.RUB) -> None:
        self._currency = currency

    def read(self, data: bytes) -> BankStatement:
        if not data:
            raise StatementError("the file is empty", line=1)
        if data.startswith(b"\xef\xbb\xbf"):
            raise StatementError(
                "the file starts with a UTF-8 byte-order mark; 1C writes windows-1251 or cp866", line=1
            )
        raw_lines = data.split(b"\n")
        if raw_lines and raw_lines[-1] == b"":
            raw_lines.pop()
        raw_lines = [r[:-1] if r.endswith(b"\r") else r for r in raw_lines]
        if raw_lines[0].strip() != MAGIC:
            raise StatementError("the first line must be 1CClientBankExchange", line=1)
        codec = _detect_encoding(raw_lines)
        try:
            # Both codecs are single-byte: decoding the whole file splits into the same lines, at once.
            lines = [line.strip() for line in b"\n".join(raw_lines).decode(codec).split("\n")]
        except UnicodeDecodeError:
            for number, raw in enumerate(raw_lines, start=1):  # which line: for the error message
                try:
                    raw.decode(codec)
                except UnicodeDecodeError:
                    raise StatementError(f"bytes that are not valid {codec}", line=number) from None
            raise
        return self._parse(lines)

    def _parse(self, lines: list[str]) -> BankStatement:
        accounts: list[str] = []
        header: dict[str, tuple[str, int]] = {}
        documents: list[StatementDocument] = []
        document: dict[str, tuple[str, int]] | None = None
        document_line = 0
        in_account_section = False
        ended = False
        for number, text in enumerate(lines[1:], start=2):
            if ended:
                if text.strip("\x1a\x00"):  # DOS-era files may end with ^Z
                    raise StatementError("text after КонецФайла", line=number)
                continue
            if not text:
                continue
            if text in MARKERS:
                key, value = text, ""
            elif "=" in text:
                key, _, value = text.partition("=")
                key, value = key.strip(), value.strip()
            else:
                raise StatementError(f"expected Key=Value, got {text[:40]!r}", line=number)
            if key == "СекцияДокумент":
                if document is not None:
                    raise StatementError(
                        f"the document started on line {document_line} has no КонецДокумента", line=number
                    )
                document, document_line = {"__kind": (value, number)}, number
            elif key == "КонецДокумента":
                if document is None:
                    raise StatementError("КонецДокумента without СекцияДокумент", line=number)
                documents.append(self._document(document, document_line))
                document = None
            elif key == "КонецФайла":
                if document is not None:
                    raise StatementError(
                        f"the document started on line {document_line} has no КонецДокумента", line=number
                    )
                ended = True
            elif key == "СекцияРасчСчет":
                in_account_section = True
            elif key == "КонецРасчСчет":
                in_account_section = False
            elif document is not None:
                document[key] = (value, number)
            elif key == "РасчСчет":  # in the header or an account section: one of our accounts
                if value and value not in accounts:
                    accounts.append(value)
            elif in_account_section:
                continue  # balances of the account section: not needed to credit payments
            else:
                header[key] = (value, number)  # unknown header keys are tolerated
        if document is not None:
            raise StatementError(
                f"the file is truncated: the document started on line {document_line} has no КонецДокумента",
                line=len(lines),
            )
        if not ended:
            raise StatementError("the file is truncated: no КонецФайла", line=len(lines))
        start, end = (
            _date(header[key][0], key, header[key][1]) if header.get(key, ("", 0))[0] else None
            for key in ("ДатаНачала", "ДатаКонца")
        )
        return BankStatement(tuple(accounts), (start, end), tuple(documents))

    def _document(self, fields: dict[str, tuple[str, int]], line: int) -> StatementDocument:
        def required(key: str) -> tuple[str, int]:
            if key not in fields or not fields[key][0]:
                raise StatementError(f"the document has no {key}", line=line)
            return fields[key]

        number, _ = required("Номер")
        day_text, day_line = required("Дата")
        amount_text, amount_line = required("Сумма")
        if not _AMOUNT.match(amount_text):
            raise StatementError(f"Сумма={amount_text!r} is not an amount like 1500.00", line=amount_line)
        amount = _amount(amount_text, self._currency)
        if not amount.is_positive:
            raise StatementError("Сумма must be greater than zero", line=amount_line)
        moments = {
            key: _date(fields[key][0], key, fields[key][1]) if fields.get(key, ("", 0))[0] else None
            for key in ("ДатаСписано", "ДатаПоступило")
        }

        def text(*keys: str) -> str:
            for key in keys:
                if fields.get(key, ("", 0))[0]:
                    return fields[key][0]
            return ""

        return StatementDocument(
            line=line,
            kind=fields["__kind"][0],
            number=number,
            date=_date(day_text, "Дата", day_line),
            amount=amount,
            payer_name=text("Плательщик1", "Плательщик"),
            payer_inn=text("ПлательщикИНН"),
            payer_account=text("ПлательщикСчет", "ПлательщикРасчСчет"),
            recipient_account=text("ПолучательСчет", "ПолучательРасчСчет"),
            purpose=text("НазначениеПлатежа"),
            received_on=moments["ДатаПоступило"],
            written_off_on=moments["ДатаСписано"],
        )
