"""The ED807 parser on the bundled sample, the daily zip and broken files (each names the line)."""

from __future__ import annotations

import io
import zipfile

import pytest

from gifthub.adapters.bic import SAMPLE_PATH
from gifthub.adapters.bic.ed807 import read_ed807
from gifthub.adapters.bic.generator import SAMPLE, SAMPLE_DAY, SampleBank, ed807_xml
from gifthub.application.ports.bank_directory import DirectoryFileError


def _banks(snapshot):
    return {bank.bic: bank for bank in snapshot.banks}


def test_the_bundled_sample_is_the_generated_one_and_parses():
    assert SAMPLE_PATH.read_bytes() == ed807_xml(SAMPLE, SAMPLE_DAY)
    snapshot = read_ed807(SAMPLE_PATH)
    banks = _banks(snapshot)
    assert snapshot.business_day == SAMPLE_DAY
    assert len(banks) == 12
    sber = banks["044525225"]
    assert (sber.name, sber.city, sber.correspondent_account) == ("ПАО Сбербанк", "г Москва", "30101810400000000225")
    assert sber.swift_bic == "SABRRUMMXXX" and sber.can_receive_payments
    assert banks["044525871"].restrictions == ("LWRS",)
    assert not banks["044525871"].can_receive_payments
    assert banks["044525000"].correspondent_account is None
    assert "no active correspondent account" in banks["044525000"].refusal_reason


def test_the_daily_zip_is_read_by_content():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20261120_ED807_full.xml", SAMPLE_PATH.read_bytes())
    assert len(read_ed807(buffer.getvalue()).banks) == 12


def _error(data: bytes) -> str:
    with pytest.raises(DirectoryFileError) as error:
        read_ed807(data)
    return error.value.message


def test_a_truncated_file_names_the_line():
    data = SAMPLE_PATH.read_bytes()
    message = _error(data[: len(data) // 2])
    assert message.startswith("line ") and "XML is broken" in message


def test_utf8_text_declared_as_windows_1251_is_refused():
    text = SAMPLE_PATH.read_bytes().decode("cp1251")
    message = _error(text.encode("utf-8"))
    assert "line 3" in message and "UTF-8" in message and "044525225" in message


def test_windows_1251_bytes_declared_as_utf8_are_refused_with_the_line():
    data = SAMPLE_PATH.read_bytes().replace(b'encoding="WINDOWS-1251"', b'encoding="UTF-8"')
    message = _error(data)
    assert message.startswith("line 4,") and "broken" in message


def test_a_foreign_xml_is_not_a_directory():
    assert "not an ED807 directory" in _error(b'<?xml version="1.0"?>\n<Invoice xmlns="urn:x"/>')
    assert "namespace 'urn:cbr-ru:ed:v1.0'" in _error(b'<ED807 xmlns="urn:cbr-ru:ed:v1.0" BusinessDay="2026-01-01"/>')
    assert "no BICDirectoryEntry" in _error(b'<ED807 xmlns="urn:cbr-ru:ed:v2.0" BusinessDay="2026-01-01"/>')


def test_a_wrong_correspondent_account_key_names_bank_and_line():
    data = SAMPLE_PATH.read_bytes().replace(b"30101810700000000187", b"30101810000000000187")
    message = _error(data)
    assert "BIC 044525187" in message and "check digit 9 should be 7" in message and message.startswith("line 1")


def test_duplicates_and_bad_bics_are_refused():
    twice = ed807_xml([SampleBank("044525225", "Банк"), SampleBank("044525225", "Банк")], SAMPLE_DAY)
    assert "listed twice (first on line 3)" in _error(twice)
    assert "must be 9 digits" in _error(ed807_xml([SampleBank("04452522X", "Банк", crsa=False)], SAMPLE_DAY))


def test_broken_archives_are_refused():
    assert "zip archive is damaged" in _error(b"PK\x03\x04garbage")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "nothing")
    assert "holds no .xml" in _error(buffer.getvalue())
