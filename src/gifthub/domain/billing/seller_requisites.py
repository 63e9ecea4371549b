"""Checksums of the sellers' requisites (INN, KPP, OGRN, BIC + account, BIN, UNP, IBAN).

Private to billing on purpose: the counterparties capability keeps its own for client companies.
Vectors: /shared/reference/external-systems.md section 6.
"""

from __future__ import annotations

import re

from gifthub.domain.billing.errors import InvalidRequisite


def _digits(value: str, length: int | tuple[int, ...], field: str, what: str) -> str:
    lengths = (length,) if isinstance(length, int) else length
    if not isinstance(value, str) or not value.isdigit() or len(value) not in lengths:
        wanted = " or ".join(str(n) for n in lengths)
        raise InvalidRequisite(f"{what} must be {wanted} digits", field=field)
    return value


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False))


def check_inn(value: str, field: str = "inn") -> str:
    inn = _digits(value, (10, 12), field, "INN")
    if len(inn) == 10:
        ok = _weighted(inn, (2, 4, 10, 3, 5, 9, 4, 6, 8)) % 11 % 10 == int(inn[9])
    else:
        d11 = _weighted(inn, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) % 11 % 10
        d12 = _weighted(inn, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) % 11 % 10
        ok = d11 == int(inn[10]) and d12 == int(inn[11])
    if not ok:
        raise InvalidRequisite("INN checksum does not match", field=field)
    return inn


def check_kpp(value: str, field: str = "kpp") -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}[\dA-Z]{2}\d{3}", value):
        raise InvalidRequisite("KPP must be 9 characters: 4 digits, 2 digits or capitals, 3 digits", field=field)
    return value


def check_ogrn(value: str, field: str = "ogrn") -> str:
    ogrn = _digits(value, (13, 15), field, "OGRN")
    ok = int(ogrn[:12]) % 11 % 10 == int(ogrn[12]) if len(ogrn) == 13 else int(ogrn[:14]) % 13 % 10 == int(ogrn[14])
    if not ok:
        raise InvalidRequisite("OGRN checksum does not match", field=field)
    return ogrn


def check_bic(value: str, field: str = "bic") -> str:
    return _digits(value, 9, field, "BIC")


def _account_key_ok(prefix: str, account: str) -> bool:
    weights = (7, 1, 3) * 8
    return sum(int(d) * w % 10 for d, w in zip(prefix + account, weights, strict=False)) % 10 == 0


def check_settlement_account(account: str, bic: str, field: str = "account") -> str:
    _digits(account, 20, field, "the account")
    check_bic(bic)
    # Accounts at a Bank of Russia division are keyed like correspondent accounts.
    prefix = "0" + bic[4:6] if bic[6:8] == "00" else bic[-3:]
    if not _account_key_ok(prefix, account):
        raise InvalidRequisite("the account's control key does not match the BIC", field=field)
    return account


def check_correspondent_account(account: str, bic: str, field: str = "correspondent_account") -> str:
    _digits(account, 20, field, "the correspondent account")
    check_bic(bic)
    if not _account_key_ok("0" + bic[4:6], account):
        raise InvalidRequisite("the correspondent account's control key does not match the BIC", field=field)
    return account


def check_bin(value: str, field: str = "bin") -> str:
    bin_ = _digits(value, 12, field, "BIN")
    check = _weighted(bin_, tuple(range(1, 12))) % 11
    if check == 10:
        check = _weighted(bin_, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)) % 11
    if check == 10 or check != int(bin_[11]):
        raise InvalidRequisite("BIN checksum does not match", field=field)
    return bin_


def check_unp(value: str, field: str = "unp") -> str:
    unp = _digits(value, 9, field, "UNP")
    check = _weighted(unp, (29, 23, 19, 17, 13, 7, 5, 3)) % 11
    if check > 9 or check != int(unp[8]):
        raise InvalidRequisite("UNP checksum does not match", field=field)
    return unp


def check_iban(value: str, field: str = "iban") -> str:
    iban = value.replace(" ", "").upper() if isinstance(value, str) else ""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        raise InvalidRequisite("IBAN must be a country code, 2 check digits and the account", field=field)
    rearranged = iban[4:] + iban[:4]
    if int("".join(str(int(c, 36)) for c in rearranged)) % 97 != 1:
        raise InvalidRequisite("IBAN check digits do not match", field=field)
    return iban
