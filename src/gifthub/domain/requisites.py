"""Checksums of Russian, Kazakh and Belarusian requisites; each refusal names the rule that failed.

Every ``check_*`` returns the cleaned value (spaces removed) or raises ``InvalidRequisite`` with the
field and a message such as "INN check digit 10 should be 3".
"""

from __future__ import annotations

import re

from gifthub.domain.errors import DomainError


class InvalidRequisite(DomainError):
    code = "invalid-requisite"


_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_BIN_FIRST = tuple(range(1, 12))
_BIN_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_UNP = (29, 23, 19, 17, 13, 7, 5, 3)
_ACCOUNT = ((7, 1, 3) * 8)[:23]
_KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")
_SWIFT = re.compile(r"^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$")
_IBAN_SHAPE = {
    # country: (length, pattern of the BBAN after the 4 leading characters)
    "KZ": (20, re.compile(r"^\d{3}[A-Z0-9]{13}$")),
    "BY": (28, re.compile(r"^[A-Z0-9]{4}\d{4}[A-Z0-9]{16}$")),
}


def _clean(value: object) -> str:
    return "".join(str(value).split()).upper()


def _digits(value: object, lengths: tuple[int, ...], what: str, field: str) -> str:
    text = _clean(value)
    if not text.isdigit() or not text.isascii() or len(text) not in lengths:
        sizes = " or ".join(str(n) for n in lengths)
        raise InvalidRequisite(f"{what} must be {sizes} digits, got {text!r}", field=field)
    return text


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False))


def _expect(actual: str, expected: int, what: str, position: int, field: str) -> None:
    if int(actual) != expected:
        raise InvalidRequisite(f"{what} check digit {position} should be {expected}", field=field)


# Russia -------------------------------------------------------------------------------------------
def check_inn(value: object, *, field: str = "inn") -> str:
    """10 digits for a company, 12 for a person or sole proprietor."""
    inn = _digits(value, (10, 12), "INN", field)
    if len(inn) == 10:
        _expect(inn[9], _weighted(inn, _INN10) % 11 % 10, "INN", 10, field)
    else:
        _expect(inn[10], _weighted(inn, _INN12_11) % 11 % 10, "INN", 11, field)
        _expect(inn[11], _weighted(inn, _INN12_12) % 11 % 10, "INN", 12, field)
    return inn


def check_kpp(value: object, *, field: str = "kpp") -> str:
    kpp = _clean(value)
    if not _KPP.match(kpp):
        raise InvalidRequisite(
            f"KPP must be 4 digits, 2 digits or capital letters, then 3 digits (9 characters), got {kpp!r}",
            field=field,
        )
    return kpp


def check_ogrn(value: object, *, field: str = "ogrn") -> str:
    ogrn = _digits(value, (13,), "OGRN", field)
    _expect(ogrn[12], int(ogrn[:12]) % 11 % 10, "OGRN", 13, field)
    return ogrn


def check_ogrnip(value: object, *, field: str = "ogrnip") -> str:
    # The final "mod 10" matters: python-stdnum leaves it out.
    ogrnip = _digits(value, (15,), "OGRNIP", field)
    _expect(ogrnip[14], int(ogrnip[:14]) % 13 % 10, "OGRNIP", 15, field)
    return ogrnip


def check_ru_bic(value: object, *, field: str = "bic") -> str:
    return _digits(value, (9,), "BIC", field)


def _account_prefix(bic: str, correspondent: bool) -> str:
    # Accounts at a Bank of Russia division (BIC digits 7-8 "00") are keyed like correspondent accounts.
    if correspondent or bic[6:8] == "00":
        return "0" + bic[4:6]
    return bic[6:9]


def account_key(account: str, bic: str, *, correspondent: bool = False) -> int:
    """The control key (digit 9) that makes ``account`` valid at ``bic``."""
    for key in range(10):
        candidate = _account_prefix(bic, correspondent) + account[:8] + str(key) + account[9:]
        if sum(int(d) * w % 10 for d, w in zip(candidate, _ACCOUNT, strict=True)) % 10 == 0:
            return key
    raise AssertionError("weight 3 at the key position makes every key reachable")


def check_account(value: object, bic: str, *, correspondent: bool = False, field: str = "account") -> str:
    """A 20-digit settlement (or, with ``correspondent``, correspondent) account keyed against ``bic``."""
    what = "correspondent account" if correspondent else "account"
    account = _digits(value, (20,), what, field)
    bic = check_ru_bic(bic)
    if correspondent and not account.startswith("301"):
        raise InvalidRequisite(f"a correspondent account starts with 301, got {account[:3]}", field=field)
    expected = account_key(account, bic, correspondent=correspondent)
    if int(account[8]) != expected:
        raise InvalidRequisite(f"{what} check digit 9 should be {expected} for BIC {bic}", field=field)
    return account


# Kazakhstan and Belarus ---------------------------------------------------------------------------
def check_kz_bin(value: object, *, field: str = "bin") -> str:
    """BIN (companies) and IIN (people) share one rule."""
    number = _digits(value, (12,), "BIN/IIN", field)
    check = _weighted(number, _BIN_FIRST) % 11
    if check == 10:
        check = _weighted(number, _BIN_SECOND) % 11
        if check == 10:
            raise InvalidRequisite("BIN/IIN has no valid check digit 12 (both weight sets give 10)", field=field)
    _expect(number[11], check, "BIN/IIN", 12, field)
    return number


def check_by_unp(value: object, *, field: str = "unp") -> str:
    # Only the all-digit UNP of organisations; people's UNP with letters are not accepted yet.
    unp = _digits(value, (9,), "UNP", field)
    check = _weighted(unp, _UNP) % 11
    if check > 9:
        raise InvalidRequisite("UNP has no valid check digit 9 (the weighted sum mod 11 is 10)", field=field)
    _expect(unp[8], check, "UNP", 9, field)
    return unp


def check_swift_bic(value: object, *, country: str | None = None, field: str = "bic") -> str:
    bic = _clean(value)
    match = _SWIFT.match(bic)
    if not match:
        raise InvalidRequisite(
            f"a SWIFT BIC is 4 letters (bank), 2 letters (country), 2 letters or digits (place) "
            f"and an optional 3-character branch, got {bic!r}",
            field=field,
        )
    if country is not None and match.group(1) != country:
        raise InvalidRequisite(f"SWIFT BIC country (characters 5-6) should be {country}", field=field)
    return bic


def _iban_remainder(iban: str) -> int:
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97


def check_iban(value: object, *, country: str, field: str = "iban") -> str:
    """KZ (20 characters) or BY (28) IBAN, checked with ISO 7064 MOD 97-10."""
    iban = _clean(value)
    length, bban = _IBAN_SHAPE[country]
    if not iban.isascii() or not iban.isalnum():
        raise InvalidRequisite("IBAN may hold only Latin letters and digits", field=field)
    if iban[:2] != country:
        raise InvalidRequisite(f"IBAN must start with the country code {country}", field=field)
    if len(iban) != length:
        raise InvalidRequisite(f"a {country} IBAN has {length} characters, got {len(iban)}", field=field)
    if not iban[2:4].isdigit() or not bban.match(iban[4:]):
        raise InvalidRequisite(f"IBAN does not have the {country} layout", field=field)
    if _iban_remainder(iban) != 1:
        expected = 98 - _iban_remainder(iban[:2] + "00" + iban[4:])
        raise InvalidRequisite(f"IBAN check digits 3-4 should be {expected:02d} (MOD 97-10)", field=field)
    return iban
