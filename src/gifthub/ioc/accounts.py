"""Use cases of cabinets, projects and the ledger."""

from __future__ import annotations

from dishka import Provider, Scope, provide_all

from gifthub.application.accounts.adjust_balance import AdjustBalance
from gifthub.application.accounts.change_negative_limit import ChangeNegativeLimit
from gifthub.application.accounts.create_cabinet import CreateCabinet
from gifthub.application.accounts.create_project import CreateProject
from gifthub.application.accounts.get_cabinet import GetCabinet
from gifthub.application.accounts.get_hold import GetHold
from gifthub.application.accounts.get_project import GetProject
from gifthub.application.accounts.list_cabinets import ListCabinets
from gifthub.application.accounts.list_ledger_entries import ListLedgerEntries
from gifthub.application.accounts.list_projects import ListProjects
from gifthub.application.accounts.place_hold import PlaceHold
from gifthub.application.accounts.settle_hold import CaptureHold, ReleaseHold
from gifthub.application.accounts.top_up_project import TopUpProject


class AccountsProvider(Provider):
    scope = Scope.REQUEST

    use_cases = provide_all(
        CreateCabinet,
        GetCabinet,
        ListCabinets,
        CreateProject,
        GetProject,
        ListProjects,
        ChangeNegativeLimit,
        TopUpProject,
        AdjustBalance,
        PlaceHold,
        CaptureHold,
        ReleaseHold,
        GetHold,
        ListLedgerEntries,
    )
