"""The language a person reads GiftHub in: emails are rendered in it (Russian unless they chose English)."""

from __future__ import annotations

from enum import StrEnum

from gifthub.domain.errors import DomainError


class Language(StrEnum):
    RU = "ru"
    EN = "en"


DEFAULT_LANGUAGE = Language.RU


class InvalidLanguage(DomainError):
    """The language is not one GiftHub writes in: ru or en."""

    code = "invalid-language"


def check_language(value: str, *, field: str = "language") -> Language:
    try:
        return Language(value.strip().lower())
    except ValueError:
        accepted = ", ".join(language.value for language in Language)
        message = f"{value!r} is not a language GiftHub writes in; use one of: {accepted}"
        raise InvalidLanguage(message, field=field) from None
