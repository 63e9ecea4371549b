"""The invoice list as a CSV file for Russian Excel.

Format (copied to the README): UTF-8 with a byte-order mark (so Excel does not read it as cp1251),
fields separated by ``;`` (the list separator of the Russian locale, where ``,`` is the decimal mark),
amounts with a decimal comma and no thousands separator (``150000,00``), dates ``ДД.ММ.ГГГГ``,
CRLF line ends. Double-click opens it in Excel with every column in place.
"""

from __future__ import annotations

import csv
import io

from gifthub.domain.billing.invoice import Invoice
from gifthub.domain.money import Money

HEADER = [
    "Номер",
    "Дата",
    "Срок оплаты",
    "Статус",
    "Тип",
    "Проект",
    "Покупатель",
    "ИНН покупателя",
    "Сумма",
    "НДС",
    "Ставка НДС",
    "Оплачено",
    "Валюта",
]

STATUS_RU = {
    "issued": "выставлен",
    "partially_paid": "оплачен частично",
    "paid": "оплачен",
    "cancelled": "отменён",
    "expired": "просрочен",
}


def decimal_comma(amount: Money) -> str:
    return amount.to_string().replace(".", ",")


def invoices_csv(invoices: list[Invoice]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for inv in invoices:
        writer.writerow(
            [
                inv.number,
                inv.issued_on.strftime("%d.%m.%Y"),
                inv.due_on.strftime("%d.%m.%Y"),
                STATUS_RU[inv.status.value],
                "пополнение" if inv.kind.value == "top_up" else "реестр сертификатов",
                str(inv.project_id),
                inv.buyer.name,
                inv.buyer.inn,
                decimal_comma(inv.total),
                decimal_comma(inv.vat),
                f"{inv.vat_percent}%" if inv.vat_percent is not None else "без НДС",
                decimal_comma(inv.paid),
                inv.currency.value,
            ]
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
