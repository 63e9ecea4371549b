"""The password rule, stated once: at least 12 characters (at most 256), not a common password,
not the email address or its part before @."""

from __future__ import annotations

from gifthub.domain.identity_errors import WeakPassword

MIN_LENGTH = 12
MAX_LENGTH = 256  # bounds the hashing work an attacker can ask for
RULE = (
    f"a password needs at least {MIN_LENGTH} characters, must not be a common password "
    "and must not contain the email address"
)

# A small list of the most common passwords at or above the minimum length (breach corpora top entries).
COMMON = frozenset(
    {
        "123456789012",
        "1234567890123",
        "qwertyuiop123",
        "qwertyuiopasdf",
        "password1234",
        "password12345",
        "passwordpassword",
        "iloveyou1234",
        "111111111111",
        "000000000000",
        "aaaaaaaaaaaa",
        "abcdefghijkl",
        "abc123abc123",
        "qwerty123456",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "zaq12wsxcde3",
        "administrator",
        "letmein12345",
        "welcome12345",
        "changeme1234",
        "trustno1trustno1",
        "йцукенгшщзхъ",
        "пароль123456",
    }
)


def check_password(password: str, *, email: str | None = None, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"must be at least {MIN_LENGTH} characters; {RULE}", field=field)
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"must be at most {MAX_LENGTH} characters", field=field)
    lowered = password.lower()
    if lowered in COMMON or len(set(lowered)) < 4:
        raise WeakPassword(f"is too common or too repetitive; {RULE}", field=field)
    if email:
        local = email.split("@", 1)[0].lower()
        if email.lower() in lowered or (len(local) >= 4 and local in lowered):
            raise WeakPassword(f"must not contain the email address; {RULE}", field=field)
