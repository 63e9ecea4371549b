"""Imperative mapping of companies and their bank accounts (the BIC directory uses plain Core rows)."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import registry

from gifthub.adapters.persistence.tables_counterparties import companies, company_bank_accounts
from gifthub.domain.company import BankAccount, Company


def _give_events_list(target, _context) -> None:
    target.events = []


def map_counterparties(mapper_registry: registry) -> None:
    mapper_registry.map_imperatively(Company, companies)
    mapper_registry.map_imperatively(BankAccount, company_bank_accounts)
    event.listen(Company, "load", _give_events_list)
