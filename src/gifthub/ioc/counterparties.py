"""Companies, bank details, the BIC directory, Kontur.Focus and Bitrix24 leads."""

from __future__ import annotations

from dishka import Provider, Scope, provide, provide_all
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bic.source import Ed807Source
from gifthub.adapters.bitrix24.client import Bitrix24Crm
from gifthub.adapters.kontur.client import KonturFocusRegistry
from gifthub.adapters.persistence.counterparties_unit_of_work import SqlCounterpartiesUnitOfWork
from gifthub.adapters.persistence.repositories.bank_directory import SqlBankDirectory
from gifthub.application.counterparties.add_bank_account import AddBankAccount
from gifthub.application.counterparties.get_bank import GetBank
from gifthub.application.counterparties.get_company import GetCompany
from gifthub.application.counterparties.list_companies import ListCompanies
from gifthub.application.counterparties.policy import CounterpartiesPolicy
from gifthub.application.counterparties.refresh_bank_directory import RefreshBankDirectory
from gifthub.application.counterparties.register_company_by_hand import RegisterCompanyByHand
from gifthub.application.counterparties.register_company_by_inn import RegisterCompanyByInn
from gifthub.application.crm.create_crm_lead import CreateCrmLead
from gifthub.application.crm.list_crm_failures import ListCrmFailures
from gifthub.application.ports.bank_directory import BankDirectory, BankDirectorySource
from gifthub.application.ports.company_registry import CompanyRegistry
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.application.ports.crm_gateway import CrmGateway
from gifthub.config import Settings
from gifthub.counterparties_settings import CounterpartiesSettings


class CounterpartiesProvider(Provider):
    scope = Scope.APP

    @provide
    def counterparties_settings(self, settings: Settings) -> CounterpartiesSettings:
        return CounterpartiesSettings.from_env(settings)

    @provide
    def policy(self, settings: CounterpartiesSettings) -> CounterpartiesPolicy:
        return CounterpartiesPolicy(staff_email=settings.staff_email)

    @provide
    def registry(self, settings: CounterpartiesSettings) -> CompanyRegistry:
        return KonturFocusRegistry(settings.kontur_url, settings.kontur_key)

    @provide
    def crm(self, settings: CounterpartiesSettings) -> CrmGateway:
        return Bitrix24Crm(settings.bitrix24_webhook_url)

    @provide
    def bank_directory(self, sessions: async_sessionmaker[AsyncSession]) -> BankDirectory:
        return SqlBankDirectory(sessions)

    @provide
    def directory_source(self) -> BankDirectorySource:
        return Ed807Source()

    unit_of_work = provide(SqlCounterpartiesUnitOfWork, provides=CounterpartiesUnitOfWork, scope=Scope.REQUEST)

    use_cases = provide_all(
        RegisterCompanyByInn,
        RegisterCompanyByHand,
        AddBankAccount,
        GetCompany,
        ListCompanies,
        GetBank,
        RefreshBankDirectory,
        CreateCrmLead,
        ListCrmFailures,
        scope=Scope.REQUEST,
    )
