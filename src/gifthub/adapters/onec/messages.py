"""Outbound messages for 1C, rendered from billing's outbox events.

Each message is JSON with ``type`` (versioned), the GiftHub ids and the fields a 1C exchange handler maps
onto its documents: ``СчетНаОплатуПокупателю`` for an issued invoice, ``ПоступлениеНаРасчетныйСчет`` for
an applied payment, and the day's invoice registry. Amounts are decimal strings with a dot; dates are
ISO ``YYYY-MM-DD``. Events this module does not know return None (they are not for 1C).

The outbox writer calls ``onec_document`` for every event it writes: a billing event gets its 1C document
as an outbox row of its own (subject ``gifthub.onec.invoice``, ``.receipt``, ``.registry``) in the same
transaction, so 1C hears of exactly the changes that were committed.
"""

from __future__ import annotations

from typing import Any


def _vat_rate(percent: str | None) -> str:
    # 1C's enumeration "СтавкиНДС": НДС22, НДС20, НДС16, НДС12 ... or БезНДС.
    return "БезНДС" if percent is None else f"НДС{percent}"


# billing event -> the event name (subject gifthub.<name>) its 1C document travels under
ONEC_DOCUMENTS: dict[str, str] = {
    "billing.invoice_issued": "onec.invoice",
    "billing.payment_applied": "onec.receipt",
    "billing.invoice_registry": "onec.registry",
}


def onec_message(event_name: str, payload: dict[str, Any]) -> dict[str, Any] | None:
    if event_name == "billing.invoice_issued":
        return {
            "type": "gifthub.1c.invoice_issued.v1",
            "document": "СчетНаОплатуПокупателю",
            "id": payload["invoice_id"],
            "Номер": payload["number"],
            "Дата": payload["issued_on"],
            "Контрагент": {"Наименование": payload["buyer_name"], "ИНН": payload["buyer_inn"]},
            "Сумма": payload["total"],
            "Валюта": payload["currency"],
            "СуммаНДС": payload["vat"],
            "СтавкаНДС": _vat_rate(payload["vat_percent"]),
            "ВидСчета": "реестр сертификатов" if payload["kind"] == "registry" else "пополнение баланса",
            "Заказ": payload.get("order_id"),
            "Проект": payload["project_id"],
        }
    if event_name == "billing.payment_applied":
        return {
            "type": "gifthub.1c.payment_applied.v1",
            "document": "ПоступлениеНаРасчетныйСчет",
            "id": payload["payment_id"],
            "НомерВходящегоДокумента": payload["document_number"],
            "ДатаВходящегоДокумента": payload["document_date"],
            "ИННПлательщика": payload["payer_inn"],
            "СчетНаОплату": payload["invoice_number"],
            "Сумма": payload["amount"],
            "Валюта": payload["currency"],
            "Переплата": payload["overpaid"],
            "СтатусСчета": payload["invoice_status"],
            "Проект": payload["project_id"],
        }
    if event_name == "billing.invoice_registry":
        return {
            "type": "gifthub.1c.invoice_registry.v1",
            "День": payload["day"],
            "Количество": payload["count"],
            "csv": payload["csv"],
        }
    return None


def onec_document(event_name: str, payload: dict[str, Any]) -> dict[str, Any] | None:
    """The outbox payload of the 1C document for a billing event (``event``, ``occurred_at`` and the
    document's fields, like every payload on the bus), or None when the event is not for 1C."""
    name = ONEC_DOCUMENTS.get(event_name)
    if name is None:
        return None
    message = onec_message(event_name, payload)
    assert message is not None  # every key of ONEC_DOCUMENTS is rendered above
    return {"event": name, "occurred_at": payload["occurred_at"], **message}
