from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.params import FromPath, JSONBody, Parameter

from gifthub.application.counterparties.add_bank_account import AddBankAccount, AddBankAccountCommand
from gifthub.application.counterparties.announce import Contact
from gifthub.application.counterparties.get_company import GetCompany
from gifthub.application.counterparties.list_companies import ListCompanies
from gifthub.application.counterparties.register_company_by_hand import RegisterByHandCommand, RegisterCompanyByHand
from gifthub.application.counterparties.register_company_by_inn import RegisterByInnCommand, RegisterCompanyByInn
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.errors import DomainError
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.region import Region, parse_region
from gifthub.entrypoints.http.schemas.counterparties import (
    BankAccountIn,
    BankAccountOut,
    CompanyOut,
    CompanyPage,
    RegisterCompanyIn,
    RegistrationOut,
)

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]


def _expected(data: RegisterCompanyIn, region: Region) -> Money | None:
    if data.expected_amount is None:
        return None
    return Money.parse(data.expected_amount, region.currency, field="expected_amount")


class CompanyController(Controller):
    path = "/cabinets/{cabinet_id:uuid}/companies"
    tags = ["companies"]

    @post("/", summary="Register a company: RU by INN (filled from Kontur.Focus), KZ/BY by hand")
    async def register(
        self,
        cabinet_id: FromPath[UUID],
        data: JSONBody[RegisterCompanyIn],
        principal: FromDishka[Principal],
        by_inn: FromDishka[RegisterCompanyByInn],
        by_hand: FromDishka[RegisterCompanyByHand],
    ) -> Response[RegistrationOut]:
        region = parse_region(data.country, field="country")
        contact = (
            Contact(**{k: getattr(data.contact, k) for k in ("name", "email", "phone")}) if data.contact else Contact()
        )
        if region is Region.RU:
            if not data.inn:
                raise DomainError("a Russian company is registered by its INN", field="inn")
            command = RegisterByInnCommand(cabinet_id, data.inn, contact, _expected(data, region))
            registration = await by_inn.execute(principal, command)
        else:
            if not data.tax_id:
                raise DomainError("a BIN (KZ) or UNP (BY) is required", field="tax_id")
            if not data.name:
                raise DomainError("the company name is required outside Russia", field="name")
            registration = await by_hand.execute(
                principal,
                RegisterByHandCommand(
                    cabinet_id, region, data.tax_id, data.name, data.full_name, data.legal_address,
                    data.head_name, data.head_position, contact, _expected(data, region),
                ),
            )  # fmt: skip
        body = RegistrationOut(company=CompanyOut.of(registration.company), created=registration.created)
        return Response(body, status_code=201 if registration.created else 200)

    @get("/", summary="Companies of the cabinet")
    async def list_companies(
        self,
        cabinet_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[ListCompanies],
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> CompanyPage:
        page = await use_case.execute(principal, cabinet_id, limit=limit, cursor=cursor)
        return CompanyPage(items=[CompanyOut.of(c) for c in page.items], next_cursor=page.next_cursor)

    @get("/{company_id:uuid}", summary="One company with its bank accounts")
    async def get_company(
        self,
        cabinet_id: FromPath[UUID],
        company_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[GetCompany],
    ) -> CompanyOut:
        details = await use_case.execute(principal, cabinet_id, company_id)
        return CompanyOut.of(details.company, details.accounts)

    @post("/{company_id:uuid}/bank-accounts", summary="Add bank details (RU: checked against the BIC directory)")
    async def add_bank_account(
        self,
        cabinet_id: FromPath[UUID],
        company_id: FromPath[UUID],
        data: JSONBody[BankAccountIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[AddBankAccount],
    ) -> BankAccountOut:
        command = AddBankAccountCommand(cabinet_id, company_id, data.bic, data.account, data.bank_name)
        return BankAccountOut.of(await use_case.execute(principal, command))
