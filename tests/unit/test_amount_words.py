"""Amounts in words: checked by reading the Russian words back into a number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gifthub.adapters.documents.amount_words import plural_ru, words_kz, words_ru
from gifthub.domain.money import Currency, Money

_UNITS = {
    "ноль": 0,
    "один": 1,
    "одна": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "четыреста": 400,
    "пятьсот": 500,
    "шестьсот": 600,
    "семьсот": 700,
    "восемьсот": 800,
    "девятьсот": 900,
}
_SCALES = {"тысяч": 10**3, "миллион": 10**6, "миллиард": 10**9, "триллион": 10**12}


def read_back(words: list[str]) -> int:
    total = current = 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
            continue
        scale = next((v for k, v in _SCALES.items() if word.startswith(k)), None)
        assert scale is not None, word
        total += max(current, 1) * scale
        current = 0
    return total + current


@given(minor=st.integers(min_value=0, max_value=10**14))
def test_russian_words_read_back_to_the_amount(minor):
    text = words_ru(Money(minor, Currency.RUB))
    assert text[0].isupper()
    words = text.lower().split()
    rouble_at = next(i for i, w in enumerate(words) if w.startswith("рубл"))
    assert read_back(words[:rouble_at]) == minor // 100
    assert words[rouble_at] == plural_ru(minor // 100, ("рубль", "рубля", "рублей"))
    assert words[rouble_at + 1] == f"{minor % 100:02d}"
    assert words[rouble_at + 2] == plural_ru(minor % 100, ("копейка", "копейки", "копеек"))


def test_known_phrases():
    assert words_ru(Money(15000000, Currency.RUB)) == "Сто пятьдесят тысяч рублей 00 копеек"
    assert words_ru(Money(2101, Currency.RUB)) == "Двадцать один рубль 01 копейка"
    assert words_ru(Money(1202, Currency.RUB)) == "Двенадцать рублей 02 копейки"
    assert words_ru(Money(100, Currency.KZT)) == "Один тенге 00 тиынов"
    assert words_kz(Money(500000, Currency.KZT)) == "Бес мың теңге 00 тиын"


@given(n=st.integers(min_value=0, max_value=10**6))
def test_plural_forms(n):
    form = plural_ru(n, ("1", "2", "5"))
    if n % 100 in range(11, 15):
        assert form == "5"
    else:
        assert form == {1: "1", 2: "2", 3: "2", 4: "2"}.get(n % 10, "5")
