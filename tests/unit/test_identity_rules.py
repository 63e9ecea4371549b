from __future__ import annotations

import pytest

from gifthub.domain.email_address import normalize_email
from gifthub.domain.identity import CabinetRole, Principal
from gifthub.domain.identity_errors import InvalidEmail, WeakPassword
from gifthub.domain.password_policy import check_password


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("  Anna@Example.COM ", "anna@example.com"),
        ("ivan@пример.рф", "ivan@xn--e1afmkfd.xn--p1ai"),
        ("a.b+tag@sub.example.org", "a.b+tag@sub.example.org"),
    ],
)
def test_emails_are_normalized(raw, normalized):
    assert normalize_email(raw) == normalized


@pytest.mark.parametrize(
    "raw", ["", "plain", "@example.com", "a@", "a@b", "a..b@example.com", "a b@example.com", "a@-x-.com"]
)
def test_malformed_emails_are_refused_naming_the_field(raw):
    with pytest.raises(InvalidEmail) as error:
        normalize_email(raw)
    assert error.value.field == "email"


@pytest.mark.parametrize("password", ["short", "password1234", "1111111111111", "x" * 300, "my-anna.s-secret!"])
def test_weak_passwords(password):
    with pytest.raises(WeakPassword):
        check_password(password, email="anna.s@example.com")


def test_a_good_password_passes():
    check_password("correct horse battery", email="anna@example.com")


def test_a_user_principal_knows_its_roles():
    from uuid import uuid4

    cabinet = uuid4()
    principal = Principal.user("u", {cabinet: CabinetRole.MANAGER})
    assert principal.cabinet_ids == frozenset({cabinet})
    assert principal.role_in(cabinet) is CabinetRole.MANAGER and principal.role_in(uuid4()) is None
