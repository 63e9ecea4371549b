"""What the sandbox knows and does: its catalog, balance and orders, and the commands over them."""

from __future__ import annotations

import base64
import random
import time
from typing import Any

from gifthub.adapters.giftery.parsing import as_int
from gifthub.adapters.giftery.protocol import (
    BAD_REQUEST,
    FACE_NOT_ALLOWED,
    INSUFFICIENT_FUNDS,
    ORDER_NOT_FOUND,
    ORDER_NOT_READY,
    PRODUCT_INACTIVE,
    UNKNOWN_COMMAND,
)
from gifthub.adapters.giftery.sandbox.catalog import SandboxCatalog, build_catalog
from gifthub.adapters.giftery.sandbox.faults import Faults
from gifthub.adapters.giftery.sandbox.orders import SandboxOrder
from gifthub.adapters.giftery.sandbox.pdf import certificate_pdf

CURRENCY = {"ru": "RUB", "kz": "KZT", "by": "BYN"}
# The sandbox keeps one balance in roubles; other currencies are charged at a rough fixed rate.
RUB_PER_UNIT = {"ru": (1, 1), "kz": (1, 5), "by": (30, 1)}  # (numerator, denominator)


class CommandError(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(text)
        self.code, self.text = code, text


class SandboxState:
    def __init__(self, *, balance: int = 10_000_000, faults: Faults | None = None, seed: int = 2026) -> None:
        self.catalog: SandboxCatalog = build_catalog(seed)
        self.balance = balance
        self.faults = faults or Faults()
        self.random = random.Random(seed)
        self.orders: dict[int, SandboxOrder] = {}
        self.by_uuid: dict[str, SandboxOrder] = {}
        self.by_external_id: dict[str, SandboxOrder] = {}
        self.calls: dict[str, int] = {}

    def roll(self, rate: float) -> bool:
        return rate > 0 and self.random.random() < rate

    # commands ---------------------------------------------------------------------------------
    def run(self, cmd: str, args: dict[str, Any], base: str) -> Any:
        handler = getattr(self, f"cmd_{cmd}", None)
        if handler is None:
            raise CommandError(UNKNOWN_COMMAND, f"unknown command {cmd!r}")
        return handler(args, base)

    def cmd_test(self, args: dict[str, Any], base: str) -> Any:
        return {"test": "ok", "testmode": 1}

    def cmd_getBalance(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802 - Giftery's command name
        return {"balance": self.balance}

    def cmd_getAddress(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        return {"address": "SANDBOX, 1 Test street, Moscow"}

    def cmd_getCategories(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        return self.catalog.categories

    def cmd_getProducts(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        return [_with_base(product, base) for product in self.catalog.products.values()]

    def cmd_makeOrder(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        uuid = str(args.get("uuid") or "")
        if len(uuid) > 36:
            raise CommandError(BAD_REQUEST, "uuid is longer than 36 characters")
        if uuid and uuid in self.by_uuid:
            return {"id": self.by_uuid[uuid].queue_id}  # idempotent on our key
        product = self.catalog.products.get(str(args.get("product_id", "")))
        if product is None:
            raise CommandError(PRODUCT_INACTIVE, "product is not found or inactive")
        face = as_int(args.get("face"))
        if face is None or not _face_allowed(product, face):
            raise CommandError(FACE_NOT_ALLOWED, f"face {args.get('face')!r} is not allowed for this product")
        region = product["region"]
        numerator, denominator = RUB_PER_UNIT[region]
        cost = face * numerator // denominator
        if cost > self.balance:
            raise CommandError(INSUFFICIENT_FUNDS, f"insufficient funds: balance {self.balance}, needed {cost}")
        fails = self.roll(self.faults.order_failure_rate)
        if not fails:
            self.balance -= cost  # a failed order is charged nothing
        queue_id = 500_000 + len(self.orders) + 1
        order = SandboxOrder(
            queue_id=queue_id,
            order_id=900_000 + queue_id,
            uuid=uuid,
            external_id=str(args.get("external_id") or ""),
            product_id=str(product["id"]),
            face=face,
            region=region,
            arguments=dict(args),
            ready_at=time.monotonic() + self.faults.processing_seconds,
            fails=fails,
        )
        self.orders[queue_id] = order
        if uuid:
            self.by_uuid[uuid] = order
        if order.external_id:
            self.by_external_id[order.external_id] = order
        return {"id": queue_id}

    def cmd_getStatus(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        return self._find(args).status_reply(base)

    def cmd_getCode(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        order = self._finished(args)
        return {"code": order.code, "pin": order.pin, "expire_date": order.expire_date}

    def cmd_getLinks(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        order = self._finished(args)
        return {
            "download_url": f"{base}/certificates/{order.queue_id}.pdf",
            "exchange_url": f"{base}/exchange/{order.queue_id}",
        }

    def cmd_getCertificate(self, args: dict[str, Any], base: str) -> Any:  # noqa: N802
        return base64.b64encode(self.certificate_pdf(self._finished(args))).decode()

    # helpers ----------------------------------------------------------------------------------
    def certificate_pdf(self, order: SandboxOrder) -> bytes:
        product = self.catalog.products[order.product_id]
        return certificate_pdf(
            title=product["title_en"],
            face=order.face,
            currency=CURRENCY[order.region],
            code=order.code,
            pin=order.pin,
            expire_date=order.expire_date,
        )

    def _find(self, args: dict[str, Any]) -> SandboxOrder:
        order = None
        for key in ("id", "queue_id"):
            if args.get(key) not in (None, ""):
                number = as_int(args[key])
                order = self.orders.get(number) if number is not None else None
                break
        else:
            if self.faults.lookup_by_uuid and args.get("uuid"):
                order = self.by_uuid.get(str(args["uuid"]))
            elif self.faults.lookup_by_uuid and args.get("external_id"):
                order = self.by_external_id.get(str(args["external_id"]))
            else:
                raise CommandError(BAD_REQUEST, "give the queue id as id")
        if order is None:
            raise CommandError(ORDER_NOT_FOUND, "order not found")
        return order

    def _finished(self, args: dict[str, Any]) -> SandboxOrder:
        order = self._find(args)
        if order.status != "ok":
            raise CommandError(ORDER_NOT_READY, f"order is {order.status}, not ok")
        return order

    def stats(self) -> dict[str, Any]:
        return {"orders": len(self.orders), "balance": self.balance, "calls": dict(self.calls)}


def _face_allowed(product: dict[str, Any], face: int) -> bool:
    faces = [int(f) for f in product["faces"]]
    if face > 0 and face in faces:
        return True
    if 0 not in faces:
        return False
    low, high, step = int(product["face_min"]), int(product["face_max"]), int(product["face_step"])
    return low <= face <= high and (face - low) % step == 0


def _with_base(product: dict[str, Any], base: str) -> dict[str, Any]:
    copy = dict(product)
    if "image_url" in copy:
        copy["image_url"] = copy["image_url"].replace("{base}", base)
    if "main_image" in copy:
        copy["main_image"] = {size: url.replace("{base}", base) for size, url in copy["main_image"].items()}
    return copy
