"""Leads to Bitrix24: a new company (``crm.lead_requested``) and a new B2B code (``project.created``)."""

from __future__ import annotations

from gifthub.application.bus.errors import MalformedMessage
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.crm.create_crm_lead import CreateCrmLead, MalformedLeadRequest
from gifthub.domain.identity import Principal


async def create_crm_lead(message: InboundMessage, resolve: Resolver) -> None:
    """Create a Bitrix24 lead; temporary CRM errors are retried, refusals are kept for platform staff."""
    use_case = await resolve.get(CreateCrmLead)
    try:
        await use_case.execute(Principal.system("crm-consumer"), message.body)
    except MalformedLeadRequest as error:
        raise MalformedMessage(error.message) from None
