"""Company and bank-account rules, without I/O."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from gifthub.domain.bank import Bank
from gifthub.domain.company import BankAccount, BankRefusesPayments, Company, CompanyKind
from gifthub.domain.errors import DomainError
from gifthub.domain.region import Region
from gifthub.domain.requisites import InvalidRequisite

AT = datetime(2026, 11, 1, tzinfo=UTC)


def test_a_ten_digit_inn_is_a_legal_entity_with_kpp_and_ogrn_and_twelve_a_sole_proprietor():
    ul = Company.russian(uuid4(), inn="7707083893", kpp="773601001", registration_number="1027700132195",
                         name="  ПАО   Сбербанк ", at=AT)  # fmt: skip
    assert (ul.kind, ul.name, ul.full_name) == (CompanyKind.LEGAL_ENTITY, "ПАО Сбербанк", "ПАО Сбербанк")
    ip = Company.russian(uuid4(), inn="561100409545", kpp="", registration_number="304500116000157",
                         name="ИП Иванов", at=AT)  # fmt: skip
    assert (ip.kind, ip.kpp) == (CompanyKind.SOLE_PROPRIETOR, "")
    with pytest.raises(InvalidRequisite, match="OGRNIP check digit 15"):
        Company.russian(uuid4(), inn="561100409545", kpp="", registration_number="304500116000150", name="x", at=AT)
    with pytest.raises(InvalidRequisite, match="KPP must be"):
        Company.russian(uuid4(), inn="7707083893", kpp="", registration_number="1027700132195", name="x", at=AT)


def test_foreign_companies_are_checked_by_their_countrys_rule():
    assert Company.foreign(uuid4(), country=Region.KZ, tax_id="090840000906", name="ТОО", at=AT).tax_id
    with pytest.raises(InvalidRequisite) as error:
        Company.foreign(uuid4(), country=Region.BY, tax_id="200988542", name="ООО", at=AT)
    assert error.value.field == "tax_id"
    with pytest.raises(DomainError, match="registered by INN"):
        Company.foreign(uuid4(), country=Region.RU, tax_id="7707083893", name="x", at=AT)


def _bank(**changes) -> Bank:
    values = dict(
        bic="044525225", name="ПАО Сбербанк", english_name="", city="", postcode="", address="",
        participant_type="20", participant_status="PSAC", restrictions=("FPRS",),
        correspondent_account="30101810400000000225", swift_bic=None, directory_date=date(2026, 11, 20),
    )  # fmt: skip
    values.update(changes)
    return Bank(**values)


def test_only_active_unrestricted_banks_with_a_crsa_account_take_payments():
    assert _bank().can_receive_payments  # a service-level restriction only
    assert "status PSDL" in _bank(participant_status="PSDL").refusal_reason
    assert "URRS" in _bank(restrictions=("URRS",)).refusal_reason
    with pytest.raises(BankRefusesPayments, match="no active correspondent account"):
        BankAccount.russian(uuid4(), uuid4(), _bank(correspondent_account=None), "40702810900000002851", AT)


def test_iban_accounts_need_a_bank_name():
    with pytest.raises(DomainError) as error:
        BankAccount.iban(uuid4(), uuid4(), Region.KZ, "HSBKKZKX", "KZ86125KZT5004100100", " ", AT)
    assert error.value.field == "bank_name"
