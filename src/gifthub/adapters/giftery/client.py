"""The Giftery B2B client: one endpoint, signed commands, the ok/error envelope (implements GifteryGateway)."""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from gifthub.adapters.giftery import parsing
from gifthub.adapters.giftery.config import GifteryConfig
from gifthub.adapters.giftery.protocol import encode_data, sign
from gifthub.adapters.giftery.rate import TokenBucket
from gifthub.application.ports.giftery_gateway import (
    CatalogSnapshot,
    CertificateCode,
    CertificateRequest,
    CertificateStatus,
    GifteryError,
    GifteryUnavailable,
)

log = logging.getLogger("gifthub.giftery")
# httpx logs every request URL at INFO; ours carry signatures, which stay out of the logs.
logging.getLogger("httpx").setLevel(logging.WARNING)


class GifteryClient:
    def __init__(self, config: GifteryConfig, http: httpx.AsyncClient | None = None) -> None:
        self._config = config
        self._http = http or httpx.AsyncClient(timeout=httpx.Timeout(config.timeout))
        self._bucket = TokenBucket(config.rate)
        self._slots = asyncio.Semaphore(config.max_concurrency)
        self.calls = 0  # requests sent, for diagnostics and benchmarks

    async def aclose(self) -> None:
        await self._http.aclose()

    # the wire ---------------------------------------------------------------------------------
    async def call(self, cmd: str, arguments: dict[str, Any] | None = None, *, post: bool = False) -> Any:
        """Send one command; the reply's ``data`` on ok. GifteryError on an error envelope,
        GifteryUnavailable on anything that leaves the outcome unknown (timeout, reset, non-200, garbage)."""
        data = encode_data(arguments)
        params = {"id": self._config.client_id, "cmd": cmd, "in": "json", "out": "json"}
        if self._config.version:
            params["v"] = self._config.version
        signed = {"data": data, "sig": sign(cmd, data, self._config.secret)}
        async with self._slots:
            await self._bucket.acquire()
            self.calls += 1
            try:
                if post:
                    response = await self._http.post(self._config.url, params=params, data=signed)
                else:
                    response = await self._http.get(self._config.url, params={**params, **signed})
            except httpx.TimeoutException:
                raise GifteryUnavailable(f"Giftery {cmd}: no reply within {self._config.timeout}s") from None
            except httpx.HTTPError as error:
                # The message of a transport error never carries the query (and so never the signature).
                raise GifteryUnavailable(f"Giftery {cmd}: {type(error).__name__}") from None
        if response.status_code != 200:
            raise GifteryUnavailable(f"Giftery {cmd}: HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise GifteryUnavailable(f"Giftery {cmd}: the reply is not JSON") from None
        if not isinstance(body, dict):
            raise GifteryUnavailable(f"Giftery {cmd}: the reply is not an envelope")
        if body.get("status") == "ok":
            return body.get("data")
        if body.get("status") == "error":
            error = body.get("error") if isinstance(body.get("error"), dict) else {}
            raise GifteryError(parsing.as_int(error.get("code")) or 0, parsing.as_text(error.get("text")))
        raise GifteryUnavailable(f"Giftery {cmd}: unknown envelope status {body.get('status')!r}")

    # orders -----------------------------------------------------------------------------------
    async def make_order(self, request: CertificateRequest) -> str:
        arguments = _order_arguments(request)
        attempts = max(1, self._config.make_order_attempts)
        for attempt in range(1, attempts + 1):
            try:
                reply = await self.call("makeOrder", arguments, post=True)
            except GifteryUnavailable as error:
                # Unknown outcome: the order may have been taken. Ask before anything else; a lookup that
                # fails too leaves it unknown for the caller, who must not resend blindly either.
                try:
                    found = await self.find_order(request.uuid, request.external_id)
                except GifteryError as refused:
                    # The lookup itself was refused (e.g. this Giftery cannot look up by uuid): still unknown,
                    # and a GifteryError here would wrongly tell the caller the order was not taken.
                    raise GifteryUnavailable(f"{error}; the order could not be looked up: {refused}") from None
                if found is not None:
                    log.info("makeOrder %s was taken despite %s: queue %s", request.uuid, error, found.queue_id)
                    return found.queue_id
                if attempt == attempts:
                    raise GifteryUnavailable(
                        f"{error}; Giftery has no order {request.uuid} after {attempts} attempts"
                    ) from None
                log.info("makeOrder %s was not taken (%s): sending it again", request.uuid, error)
                continue
            queue_id = parsing.as_text(reply.get("id") if isinstance(reply, dict) else reply)
            if not queue_id:
                raise GifteryUnavailable("Giftery makeOrder: the reply has no queue id")
            return queue_id
        raise AssertionError("unreachable")

    async def find_order(self, uuid: str, external_id: str) -> CertificateStatus | None:
        key = "external_id" if self._config.order_lookup == "external_id" else "uuid"
        value = external_id if key == "external_id" else uuid
        try:
            data = await self.call("getStatus", {key: value})
        except GifteryError as error:
            if error.code in self._config.not_found_codes:
                return None
            raise
        return parsing.status(data)

    async def get_status(self, queue_id: str) -> CertificateStatus:
        return parsing.status(await self.call("getStatus", {"id": _queue_id(queue_id)}), queue_id)

    async def get_code(self, queue_id: str) -> CertificateCode:
        data = await self.call("getCode", {"queue_id": _queue_id(queue_id)})
        raw = data if isinstance(data, dict) else {}
        try:
            links = await self.call("getLinks", {"queue_id": _queue_id(queue_id)})
        except GifteryError:
            links = {}  # links are a convenience; the code is what was bought
        links = links if isinstance(links, dict) else {}
        return CertificateCode(
            code=parsing.as_text(raw.get("code")),
            pin=parsing.as_text(raw.get("pin")),
            expire_date=parsing.as_text(raw.get("expire_date")) or None,
            download_url=parsing.as_text(links.get("download_url")),
            exchange_url=parsing.as_text(links.get("exchange_url")),
        )

    async def get_certificate_pdf(self, queue_id: str) -> bytes:
        data = await self.call("getCertificate", {"queue_id": _queue_id(queue_id)})
        if isinstance(data, dict):
            data = data.get("certificate") or data.get("pdf") or data.get("file") or ""
        try:
            pdf = base64.b64decode(parsing.as_text(data), validate=True)
        except (binascii.Error, ValueError):
            raise GifteryUnavailable("Giftery getCertificate: the reply is not base64") from None
        if not pdf.startswith(b"%PDF"):
            raise GifteryUnavailable("Giftery getCertificate: the reply is not a PDF")
        return pdf

    # account and catalog ----------------------------------------------------------------------
    async def get_balance(self) -> int:
        data = await self.call("getBalance")
        raw = data.get("balance") if isinstance(data, dict) else data
        balance = parsing.as_int(raw)
        if balance is None:
            try:
                balance = int(Decimal(parsing.as_text(raw)))  # "1000.50": whole roubles are what the port reports
            except (InvalidOperation, ValueError):
                raise GifteryUnavailable("Giftery getBalance: no balance in the reply") from None
        return balance

    async def fetch_catalog(self) -> CatalogSnapshot:
        categories = [parsing.category(raw) for raw in parsing.items(await self.call("getCategories"), "categories")]
        products = [parsing.product(raw) for raw in parsing.items(await self.call("getProducts"), "products")]
        return CatalogSnapshot(
            categories=[c for c in categories if c is not None], products=[p for p in products if p is not None]
        )


def _queue_id(queue_id: str) -> int | str:
    number = parsing.as_int(queue_id)
    return number if number is not None else queue_id


def _order_arguments(request: CertificateRequest) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "product_id": _queue_id(request.product_id),
        "face": request.face,
        "uuid": request.uuid,
        "external_id": request.external_id,
        "delivery_type": request.delivery_type,
    }
    optional = {
        "email_to": request.email_to,
        "to": request.to,
        "to_phone": request.to_phone,
        "from": request.from_name,
        "text": request.text,
        "comment": request.comment,
    }
    arguments.update({name: value for name, value in optional.items() if value})
    if request.date_send is not None:
        arguments["date_send"] = request.date_send.isoformat()
    if request.testmode:
        arguments["testmode"] = 1
    return arguments
