"""Amounts in words as Russian and Kazakh invoices print them: words for the whole units, digits for
kopecks/tiyn ("Сто пятьдесят тысяч рублей 00 копеек")."""

from __future__ import annotations

from num2words import num2words

from gifthub.domain.money import Currency, Money

# (one, two-four, five+) for the major and minor units, in Russian.
_RU_UNITS = {
    Currency.RUB: (("рубль", "рубля", "рублей"), ("копейка", "копейки", "копеек")),
    Currency.KZT: (("тенге", "тенге", "тенге"), ("тиын", "тиына", "тиынов")),
    Currency.BYN: (("белорусский рубль", "белорусских рубля", "белорусских рублей"), ("копейка", "копейки", "копеек")),
}


def plural_ru(n: int, forms: tuple[str, str, str]) -> str:
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def words_ru(amount: Money) -> str:
    major, minor = divmod(abs(amount.minor), 100)
    units, subunits = _RU_UNITS[amount.currency]
    words = num2words(major, lang="ru")
    return _capital(f"{words} {plural_ru(major, units)} {minor:02d} {plural_ru(minor, subunits)}")


def words_kz(amount: Money) -> str:
    """Kazakh: nouns after numerals do not inflect ("бес мың теңге 00 тиын")."""
    major, minor = divmod(abs(amount.minor), 100)
    return _capital(f"{num2words(major, lang='kz')} теңге {minor:02d} тиын")
