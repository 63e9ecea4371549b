"""Bitrix24 leads through an inbound webhook: idempotent on ORIGINATOR_ID/ORIGIN_ID, backs off on
QUERY_LIMIT_EXCEEDED and 5xx, and tells permanent refusals (credentials, bad fields) from temporary ones."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx

from gifthub.application.ports.crm_gateway import CrmPermanentError, CrmTemporaryError
from gifthub.domain.crm import ORIGINATOR, CrmLead

# httpx logs every request URL at INFO, and the webhook URL holds its secret code: keep those
# lines out of the logs.
logging.getLogger("httpx").setLevel(logging.WARNING)


def lead_fields(lead: CrmLead) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "TITLE": lead.title,
        "NAME": lead.contact_name,
        "COMPANY_TITLE": lead.company_name,
        "COMMENTS": lead.comments,
        "SOURCE_ID": "WEB",
        "STATUS_ID": "NEW",
        "OPENED": "Y",
        "OPPORTUNITY": lead.amount,  # a decimal string: Bitrix24 accepts it as is, no float on our side
        "CURRENCY_ID": lead.currency,
        "ORIGINATOR_ID": ORIGINATOR,
        "ORIGIN_ID": lead.origin_id,
    }
    if lead.email:
        fields["EMAIL"] = [{"VALUE": lead.email, "VALUE_TYPE": "WORK"}]
    if lead.phone:
        fields["PHONE"] = [{"VALUE": lead.phone, "VALUE_TYPE": "WORK"}]
    return fields


class Bitrix24Crm:
    def __init__(
        self, webhook_url: str, *, attempts: int = 5, backoff: float = 0.5, max_backoff: float = 10.0,
        timeout: float = 10.0,
    ) -> None:  # fmt: skip
        self._base = webhook_url.rstrip("/") + "/"
        self._attempts, self._backoff, self._max_backoff, self._timeout = attempts, backoff, max_backoff, timeout

    async def add_lead(self, lead: CrmLead) -> int:
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            # Ask first: a lead added before a lost reply (or a redelivered message) is not added twice.
            found = await self._call(
                client, "crm.lead.list", {"filter": {"ORIGINATOR_ID": ORIGINATOR, "ORIGIN_ID": lead.origin_id},
                                          "select": ["ID"]},
            )  # fmt: skip
            if isinstance(found, list) and found:
                return int(found[0]["ID"])
            result = await self._call(
                client, "crm.lead.add", {"fields": lead_fields(lead), "params": {"REGISTER_SONET_EVENT": "Y"}}
            )
        try:
            return int(result)
        except (TypeError, ValueError):
            raise CrmTemporaryError(f"Bitrix24 answered a lead id that is not a number: {result!r:.50}") from None

    async def _call(self, client: httpx.AsyncClient, method: str, body: dict[str, Any]) -> Any:
        last = ""
        for attempt in range(self._attempts):
            if attempt:
                await asyncio.sleep(min(self._backoff * 2 ** (attempt - 1), self._max_backoff))
            try:
                response = await client.post(self._base + method + ".json", json=body)
            except httpx.HTTPError as error:
                last = f"Bitrix24 is unreachable ({type(error).__name__})"
                continue
            payload = _json(response)
            code = str(payload.get("error", "")) if isinstance(payload, dict) else ""
            if response.status_code == 200 and isinstance(payload, dict) and "result" in payload:
                return payload["result"]
            description = str(payload.get("error_description", ""))[:300] if isinstance(payload, dict) else ""
            if code == "QUERY_LIMIT_EXCEEDED" or response.status_code >= 500 or payload is None:
                last = f"Bitrix24 {method}: HTTP {response.status_code} {code or 'not JSON'}".strip()
                continue
            raise CrmPermanentError(
                f"Bitrix24 refused {method}: {code or response.status_code} {description}".strip(),
                error_code=code or f"HTTP_{response.status_code}",
            )
        raise CrmTemporaryError(f"{last} after {self._attempts} attempts")


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return None
