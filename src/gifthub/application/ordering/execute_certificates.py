"""The worker's use case: buy queued certificates from Giftery exactly once, follow them to a code,
capture what was bought and release the rest of the hold when the order finishes.

Each certificate goes through: claim (a short transaction that records the intent and takes a lease)
-> the Giftery call (no transaction open) -> the outcome (a transaction under the project's lock).
A crash anywhere leaves the certificate ORDERING or ORDERED with an expiring lease; whoever picks it up
next asks Giftery (find_order) before ordering again under the SAME uuid, so nothing is bought twice.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.giftery_gateway import (
    CertificateRequest,
    CertificateStatus,
    GifteryError,
    GifteryGateway,
    GifteryUnavailable,
    QueueStatus,
)
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.certificate import Certificate, CertificateState
from gifthub.domain.order import OrderStatus
from gifthub.domain.order_settlement import capture_certificate, release_rest


@dataclass(frozen=True)
class WorkerSettings:
    batch: int = 20
    lease_seconds: float = 120.0  # how long a claim keeps other workers off a certificate
    first_check_seconds: float = 1.0
    max_check_seconds: float = 300.0


@dataclass(frozen=True)
class _Claim:
    certificate_id: UUID
    action: str  # "buy" | "reconcile" | "check"
    request: CertificateRequest
    queue_id: str


@dataclass(frozen=True)
class _Outcome:
    queue_id: str = ""
    status: CertificateStatus | None = None
    code: str = ""
    pin: str = ""
    link: str = ""
    failure: str = ""
    retry_later: bool = False


def certificate_request(certificate: Certificate) -> CertificateRequest:
    # GiftHub emails it itself: Giftery only issues the code, and must not send it too (no email, no date).
    own = certificate.emailed_by_gifthub
    return CertificateRequest(
        uuid=str(certificate.purchase_key),
        external_id=str(certificate.id),
        product_id=certificate.product_id,
        face=certificate.nominal.minor // 10**certificate.nominal.currency.minor_digits,
        delivery_type="code" if own else certificate.channel.value,  # email | sms | link | code
        email_to="" if own else certificate.email,
        to=certificate.recipient_name,
        to_phone=certificate.phone,
        from_name=certificate.sender_name,
        text=certificate.message,
        date_send=None if own else certificate.scheduled_at,
    )


class ExecuteCertificates:
    def __init__(
        self,
        uow: OrdersUnitOfWork,
        giftery: GifteryGateway,
        clock: Clock,
        ids: IdGenerator,
        settings: WorkerSettings | None = None,
    ) -> None:
        self._uow, self._giftery, self._clock, self._ids = uow, giftery, clock, ids
        self._settings = settings or WorkerSettings()

    async def run_once(self) -> int:
        """Act on one batch of due certificates; returns how many were acted on (0: nothing due)."""
        claims = await self._claim()
        outcomes = await asyncio.gather(*(self._act(claim) for claim in claims))
        for claim, outcome in zip(claims, outcomes, strict=True):
            await self._apply(claim, outcome)
        return len(claims)

    # 1. claim ---------------------------------------------------------------------------------------
    async def _claim(self) -> list[_Claim]:
        now = self._clock.now()
        lease = now + timedelta(seconds=self._settings.lease_seconds)
        claims = []
        async with self._uow as uow:
            for certificate in await uow.certificates.claim_due(now, self._settings.batch):
                if certificate.state is CertificateState.PENDING:
                    certificate.begin_ordering(now)  # committed before Giftery hears of it
                    action = "buy"
                elif certificate.state is CertificateState.ORDERING:
                    action = "reconcile"  # we may have ordered it already: ask first
                else:
                    action = "check"
                certificate.next_check_at = lease
                claims.append(_Claim(certificate.id, action, certificate_request(certificate), certificate.queue_id))
            await uow.commit()
        return claims

    # 2. talk to Giftery (no transaction open) ---------------------------------------------------------
    async def _act(self, claim: _Claim) -> _Outcome:
        try:
            if claim.action == "check":
                return await self._check(claim.queue_id)
            if claim.action == "reconcile":
                found = await self._giftery.find_order(claim.request.uuid, claim.request.external_id)
                if found is not None:
                    return await self._after_status(found)
            queue_id = await self._giftery.make_order(claim.request)
            return _Outcome(queue_id=queue_id)
        except GifteryError as error:
            return _Outcome(failure=f"Giftery refused the order: {error.text} (code {error.code})")
        except GifteryUnavailable:
            return _Outcome(retry_later=True)

    async def _check(self, queue_id: str) -> _Outcome:
        return await self._after_status(await self._giftery.get_status(queue_id))

    async def _after_status(self, status: CertificateStatus) -> _Outcome:
        if status.status is QueueStatus.OK:
            code = await self._giftery.get_code(status.queue_id)
            link = code.download_url or code.exchange_url
            return _Outcome(queue_id=status.queue_id, status=status, code=code.code, pin=code.pin, link=link)
        if status.status is QueueStatus.ERROR:
            reason = status.error_text or "Giftery could not issue the certificate"
            code = f" (code {status.error_code})" if status.error_code is not None else ""
            return _Outcome(queue_id=status.queue_id, status=status, failure=reason + code)
        return _Outcome(queue_id=status.queue_id, status=status)

    # 3. record the outcome, money included ----------------------------------------------------------
    async def _apply(self, claim: _Claim, outcome: _Outcome) -> None:
        now = self._clock.now()
        async with self._uow as uow:
            peek = await uow.certificates.get(claim.certificate_id)
            if peek is None:
                return
            project = await uow.projects.get(peek.project_id, for_update=True)
            order = await uow.orders.get(peek.order_id, for_update=True)
            certificate = await uow.certificates.get(claim.certificate_id, for_update=True)
            assert project is not None and order is not None and certificate is not None
            if order.status is OrderStatus.QUEUED:
                order.start_processing(now)
            self._record(certificate, outcome, now)
            if certificate.state is CertificateState.ISSUED and not certificate.captured:
                hold = await uow.ledger.get_hold(certificate.hold_id or order.hold_id)
                uow.ledger.add_entry(capture_certificate(project, hold, certificate, self._ids.new_id(), now))
            counts = await uow.certificates.count_by_state(order.id)
            if order.status is OrderStatus.PROCESSING and sum(counts.values()) == sum(
                counts.get(s, 0) for s in (CertificateState.ISSUED, CertificateState.FAILED)
            ):
                # Everything is bought or failed: the money settles now; the order is finished only once
                # nothing waits for its moment (CompleteDeliveredOrders), "scheduled" until then.
                waiting = await uow.certificates.count_awaiting_delivery(order.id)
                issued, failed = counts.get(CertificateState.ISSUED, 0), counts.get(CertificateState.FAILED, 0)
                order.settle(issued, failed, waiting, now)
                for hold_id in await self._holds_of(uow, order):
                    hold = await uow.ledger.get_hold(hold_id)
                    entry = release_rest(project, hold, self._ids.new_id(), now) if hold else None
                    if entry is not None:
                        uow.ledger.add_entry(entry)
            uow.orders.add(order)
            await uow.commit()

    def _record(self, certificate: Certificate, outcome: _Outcome, now: datetime) -> None:
        if outcome.retry_later:
            certificate.schedule_check(now, self._delay(certificate.polls))
            return
        if certificate.state is CertificateState.ORDERING:
            if outcome.failure and not outcome.queue_id:
                certificate.fail(outcome.failure, now)
                return
            certificate.ordered(outcome.queue_id, now)
        if certificate.state is not CertificateState.ORDERED:
            return
        if outcome.failure:
            certificate.fail(outcome.failure, now)
        elif outcome.code:
            certificate.issued(outcome.code, outcome.pin, outcome.link, now)
        else:
            certificate.schedule_check(now, self._delay(certificate.polls))

    def _delay(self, polls: int) -> float:
        return min(self._settings.first_check_seconds * 2**polls, self._settings.max_check_seconds)

    async def _holds_of(self, uow: OrdersUnitOfWork, order) -> list[UUID]:
        own = [c.hold_id for c in await uow.certificates.all_for_order(order.id) if c.hold_id is not None]
        return ([order.hold_id] if order.hold_id else []) + own
