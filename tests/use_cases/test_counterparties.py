"""Company registration, bank details and CRM leads with hand-written fakes: no I/O."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from gifthub.application.counterparties.add_bank_account import AddBankAccount, AddBankAccountCommand
from gifthub.application.counterparties.policy import CounterpartiesPolicy
from gifthub.application.counterparties.register_company_by_inn import RegisterByInnCommand, RegisterCompanyByInn
from gifthub.application.crm.create_crm_lead import CreateCrmLead
from gifthub.application.errors import Forbidden, NotFound
from gifthub.application.ports.company_registry import RegistryCompany
from gifthub.application.ports.crm_gateway import CrmPermanentError
from gifthub.domain.bank import Bank
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.company import BankRefusesPayments, CompanyDissolved, CompanyKind
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.money import Money
from tests.use_cases.fakes_counterparties import (
    FakeCrm,
    FakeDirectory,
    FakeRegistry,
    FakeUnitOfWork,
    FixedClock,
    Ids,
)

SYSTEM = Principal.system()
SBER = RegistryCompany(
    "7707083893", "1027700132195", CompanyKind.LEGAL_ENTITY, "773601001", "ПАО Сбербанк", "ПАО Сбербанк России",
    "Москва", "Греф Г. О.", "Президент", "Действующее", False,
)  # fmt: skip
GONE = RegistryCompany(
    "5001007329", "1107746000010", CompanyKind.LEGAL_ENTITY, "500101001", "ООО Вчера", "ООО Вчера", "", "", "",
    "Ликвидировано", True,
)  # fmt: skip


def _bank(bic="044030827", **changes) -> Bank:
    values = dict(
        bic=bic, name="Банк", english_name="", city="г Москва", postcode="", address="", participant_type="20",
        participant_status="PSAC", restrictions=(), correspondent_account="30101810200000000827", swift_bic=None,
        directory_date=date(2026, 11, 20),
    )  # fmt: skip
    values.update(changes)
    return Bank(**values)


@pytest.fixture
def world():
    uow = FakeUnitOfWork()
    cabinet = Cabinet.open(uuid4(), "Acme", FixedClock().now())
    uow.cabinets.rows[cabinet.id] = cabinet
    registry = FakeRegistry(uow, SBER, GONE)
    register = RegisterCompanyByInn(uow, registry, FixedClock(), Ids(), CounterpartiesPolicy("staff@x"))
    return uow, cabinet, registry, register


async def test_registration_asks_the_registry_once_and_announces_in_one_commit(world):
    uow, cabinet, registry, register = world
    command = RegisterByInnCommand(cabinet.id, " 7707083893 ", expected_amount=Money.parse("10", "RUB"))
    first = await register.execute(SYSTEM, command)
    assert first.created and first.company.kpp == "773601001"
    assert [e.name for e in uow.events] == ["company.registered", "email.requested", "crm.lead_requested"]
    assert uow.events[2].amount == "10.00"

    other = Cabinet.open(uuid4(), "Other", FixedClock().now())
    uow.cabinets.rows[other.id] = other
    second = await register.execute(SYSTEM, RegisterByInnCommand(other.id, "7707083893"))
    assert not second.created and second.company is first.company
    assert registry.asked == ["7707083893"] and len(uow.events) == 3


async def test_registration_refusals(world):
    uow, cabinet, registry, register = world
    with pytest.raises(NotFound, match="not in the company registry"):
        await register.execute(SYSTEM, RegisterByInnCommand(cabinet.id, "7736207543"))
    with pytest.raises(CompanyDissolved, match="Ликвидировано"):
        await register.execute(SYSTEM, RegisterByInnCommand(cabinet.id, "5001007329"))
    stranger = Principal(PrincipalKind.USER, "u", cabinet_ids=frozenset({uuid4()}))
    with pytest.raises(NotFound, match="cabinet not found"):
        await register.execute(stranger, RegisterByInnCommand(cabinet.id, "7707083893"))
    assert uow.events == [] and uow.companies.rows == {}


async def test_bank_accounts_need_a_bank_that_takes_payments(world):
    uow, cabinet, _, register = world
    company = (await register.execute(SYSTEM, RegisterByInnCommand(cabinet.id, "7707083893"))).company
    directory = FakeDirectory(
        _bank(), _bank("044525871", restrictions=("LWRS",)), _bank("044525000", correspondent_account=None)
    )
    add = AddBankAccount(uow, directory, FixedClock(), Ids())
    account = await add.execute(
        SYSTEM, AddBankAccountCommand(cabinet.id, company.id, "044030827", "40702810900000002851")
    )
    assert account.correspondent_account == "30101810200000000827"
    for bic, reason in (("044525871", "restricted"), ("044525000", "no active correspondent account")):
        with pytest.raises(BankRefusesPayments, match=reason):
            await add.execute(SYSTEM, AddBankAccountCommand(cabinet.id, company.id, bic, "40702810900000002851"))
    assert len(uow.companies.accounts) == 1


async def test_a_permanent_crm_refusal_is_stored_not_raised():
    uow = FakeUnitOfWork()
    crm = FakeCrm(
        CrmPermanentError("Bitrix24 refused crm.lead.add: INVALID_CREDENTIALS", error_code="INVALID_CREDENTIALS")
    )
    outcome = await CreateCrmLead(uow, crm, FixedClock(), Ids()).execute(
        SYSTEM, {"event": "crm.lead_requested", "origin_id": "company:1", "title": "T"}
    )
    assert outcome.lead_id is None
    assert [f.error_code for f in uow.crm_failures.rows] == ["INVALID_CREDENTIALS"] and uow.commits == 1
    with pytest.raises(Forbidden):
        await CreateCrmLead(uow, FakeCrm(), FixedClock(), Ids()).execute(
            Principal(PrincipalKind.USER, "u"), {"event": "crm.lead_requested"}
        )
