from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.errors import ApplicationError, Forbidden
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.application.ports.crm_gateway import CrmGateway, CrmPermanentError
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.crm import CrmFailure, CrmLead, CrmLeadRequested
from gifthub.domain.events import ProjectCreated
from gifthub.domain.identity import Principal
from gifthub.domain.region import parse_region


class MalformedLeadRequest(ApplicationError):
    """The bus message cannot become a lead (missing or wrong fields): dead-letter it, do not retry."""

    code = "malformed-lead-request"


@dataclass(frozen=True)
class LeadOutcome:
    lead_id: int | None  # None: the CRM refused it for good; the failure is stored for platform staff
    failure: CrmFailure | None = None


_LEAD_FIELDS = [f.name for f in dataclasses.fields(CrmLead)]


class CreateCrmLead:
    """Called by the bus consumer for ``crm.lead_requested`` (a new company) and ``project.created``
    (a new B2B code). Temporary CRM errors propagate so the message is redelivered later; permanent
    ones are stored and the message is done."""

    def __init__(self, uow: CounterpartiesUnitOfWork, crm: CrmGateway, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._crm, self._clock, self._ids = uow, crm, clock, ids

    async def execute(self, principal: Principal, payload: Mapping[str, object]) -> LeadOutcome:
        if not principal.is_platform:
            raise Forbidden("only the platform creates CRM leads")
        lead = await self._lead(payload)
        try:
            return LeadOutcome(await self._crm.add_lead(lead))
        except CrmPermanentError as error:
            failure = CrmFailure(
                self._ids.new_id(), lead.origin_id, lead.title, error.error_code, error.message, 1, self._clock.now()
            )
            async with self._uow as uow:
                uow.crm_failures.add(failure)
                await uow.commit()
            return LeadOutcome(None, failure)

    async def _lead(self, payload: Mapping[str, object]) -> CrmLead:
        event = payload.get("event")
        if event == CrmLeadRequested.name:
            values = {k: str(payload[k]) for k in _LEAD_FIELDS if payload.get(k) is not None}
            if not values.get("origin_id") or not values.get("title"):
                raise MalformedLeadRequest("a lead request needs origin_id and title")
            return CrmLead(**values)
        if event == ProjectCreated.name:
            return await self._project_lead(payload)
        raise MalformedLeadRequest(f"no lead is made from event {event!r}")

    async def _project_lead(self, payload: Mapping[str, object]) -> CrmLead:
        try:
            project_id, cabinet_id = UUID(str(payload["project_id"])), UUID(str(payload["cabinet_id"]))
            region = parse_region(str(payload["region"]))
            code, name = str(payload["b2b_code"]), str(payload["project_name"])
        except (KeyError, ValueError) as error:
            raise MalformedLeadRequest(f"project.created payload is incomplete: {error}") from None
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(cabinet_id)
            companies = await uow.companies.list_for_cabinet(cabinet_id, after=None, limit=1)
        company = companies[0] if companies else None
        cabinet_name = cabinet.name if cabinet else str(cabinet_id)
        return CrmLead(
            origin_id=f"project:{project_id}",
            title=f"New B2B code {code}: {name}",
            company_name=company.full_name if company else cabinet_name,
            tax_id=company.tax_id if company else "",
            country=region.value,
            contact_name=company.head_name if company else "",
            amount="0",
            currency=region.currency.value,
            comments=f"Cabinet: {cabinet_name}. Project: {name} ({code}, {region.value})."
            + (f" Company INN/BIN/UNP: {company.tax_id}." if company else ""),
        )
