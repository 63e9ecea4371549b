"""Kontur.Focus adapter: ``/api3/req`` by INN over httpx; retries 429 honouring Retry-After."""

from __future__ import annotations

import asyncio
import json
import logging

import httpx

from gifthub.application.ports.company_registry import CompanyRegistryError, RegistryCompany
from gifthub.domain.company import CompanyKind

MAX_RETRY_WAIT = 30.0

# httpx logs every request URL at INFO, and the API key travels in the query string (Kontur's
# protocol): keep those lines out of the logs.
logging.getLogger("httpx").setLevel(logging.WARNING)


def _one_line(address: dict | None) -> str:
    if not address:
        return ""
    if address.get("oneLineFormatOfAddress"):
        return str(address["oneLineFormatOfAddress"])
    parsed = address.get("parsedAddressRF") or {}
    parts = [parsed.get("zipCode", "")]
    for key in ("regionName", "city", "street", "house", "bulk", "flat"):
        part = parsed.get(key)
        if isinstance(part, dict) and part.get("topoValue"):
            parts.append(f"{part.get('topoShortName', '')} {part['topoValue']}".strip())
    return ", ".join(p for p in parts if p)


def _status(status: dict | None) -> tuple[str, bool]:
    status = status or {}
    return str(status.get("statusString", "")), bool(status.get("dissolved"))


def to_registry_company(element: dict) -> RegistryCompany:
    inn, ogrn = str(element["inn"]), str(element.get("ogrn", ""))
    if "UL" in element:
        ul = element["UL"]
        names = ul.get("legalName") or {}
        heads = ul.get("heads") or [{}]
        text, dissolved = _status(ul.get("status"))
        return RegistryCompany(
            inn=inn,
            ogrn=ogrn,
            kind=CompanyKind.LEGAL_ENTITY,
            kpp=str(ul.get("kpp", "")),
            short_name=str(names.get("short") or names.get("full") or ""),
            full_name=str(names.get("full") or names.get("short") or ""),
            legal_address=_one_line(ul.get("legalAddress")),
            head_name=str(heads[0].get("fio", "")),
            head_position=str(heads[0].get("position", "")),
            status=text,
            dissolved=dissolved or bool(ul.get("dissolutionDate")),
        )
    ip = element["IP"]
    text, dissolved = _status(ip.get("status"))
    fio = str(ip.get("fio", ""))
    return RegistryCompany(
        inn=inn,
        ogrn=ogrn,
        kind=CompanyKind.SOLE_PROPRIETOR,
        kpp="",
        short_name=f"ИП {fio}",
        full_name=f"Индивидуальный предприниматель {fio}",
        legal_address="",
        head_name=fio,
        head_position="Индивидуальный предприниматель",
        status=text,
        dissolved=dissolved or bool(ip.get("dissolutionDate")),
    )


class KonturFocusRegistry:
    def __init__(self, base_url: str, key: str, *, attempts: int = 4, timeout: float = 10.0) -> None:
        self._url = base_url.rstrip("/") + "/api3/req"
        self._key = key
        self._attempts = attempts
        self._timeout = timeout

    async def find_by_inn(self, inn: str) -> RegistryCompany | None:
        for element in await self._request({"inn": inn}):
            if str(element.get("inn")) == inn:
                try:
                    return to_registry_company(element)
                except (KeyError, TypeError, AttributeError, IndexError):
                    raise CompanyRegistryError("Kontur.Focus answered a company in an unexpected shape") from None
        return None

    async def _request(self, params: dict[str, str]) -> list[dict]:
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            for attempt in range(1, self._attempts + 1):
                try:
                    response = await client.get(self._url, params={"key": self._key, **params})
                except httpx.HTTPError as error:
                    if attempt == self._attempts:
                        raise CompanyRegistryError(f"Kontur.Focus is unreachable: {type(error).__name__}") from None
                    await asyncio.sleep(0.2 * attempt)
                    continue
                if response.status_code == 429 and attempt < self._attempts:
                    await asyncio.sleep(_retry_after(response, attempt))
                    continue
                return _elements(response)
        raise AssertionError("unreachable")


def _retry_after(response: httpx.Response, attempt: int) -> float:
    try:
        return min(max(float(response.headers.get("Retry-After", "")), 0.0), MAX_RETRY_WAIT)
    except ValueError:
        return min(0.5 * 2**attempt, MAX_RETRY_WAIT)


def _elements(response: httpx.Response) -> list[dict]:
    status = response.status_code
    if status == 403:
        raise CompanyRegistryError("Kontur.Focus refused the API key (403); check KONTUR_FOCUS_KEY")
    if status == 429:
        raise CompanyRegistryError("Kontur.Focus is over its request limit (429); try again later")
    if status == 400:
        raise CompanyRegistryError(f"Kontur.Focus rejected the request: {response.text[:200]}")
    if status != 200:
        raise CompanyRegistryError(f"Kontur.Focus answered HTTP {status}")
    try:
        body = json.loads(response.content)
    except ValueError:
        kind = response.headers.get("content-type", "unknown type").split(";")[0]
        raise CompanyRegistryError(f"Kontur.Focus answered something that is not JSON ({kind})") from None
    if not isinstance(body, list) or not all(
        isinstance(e, dict) and "inn" in e and ("UL" in e or "IP" in e) for e in body
    ):
        raise CompanyRegistryError("Kontur.Focus answered JSON that is not an array of companies")
    return body
