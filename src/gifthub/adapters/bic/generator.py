"""Write ED807 files in the published layout: the bundled sample, test fixtures and the full-size bench file.

Correspondent accounts get their control key computed here, so every generated account is valid.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import quoteattr

from gifthub.domain.requisites import account_key

NAMESPACE = "urn:cbr-ru:ed:v2.0"


@dataclass(frozen=True)
class SampleBank:
    bic: str
    name: str
    english: str = ""
    city_type: str = "г"
    city: str = "Москва"
    region: str = "45"
    postcode: str = "101000"
    address: str = ""
    swift: str | None = None
    crsa: bool = True
    status: str = "PSAC"
    restrictions: tuple[str, ...] = ()
    extra_accounts: tuple[str, ...] = field(default=())


def correspondent_account(bic: str) -> str:
    raw = "30101810" + "0" + "00000000" + bic[6:9]
    key = account_key(raw, bic, correspondent=True)
    return raw[:8] + str(key) + raw[9:]


def _attrs(**values: str) -> str:
    return " ".join(f"{name}={quoteattr(value)}" for name, value in values.items())


def _entry(bank: SampleBank, day: date) -> str:
    info = _attrs(
        NameP=bank.name,
        EnglName=bank.english,
        RegN=bank.bic[6:].lstrip("0") or "1",
        CntrCd="RU",
        Rgn=bank.region,
        Ind=bank.postcode,
        Tnp=bank.city_type,
        Nnp=bank.city,
        Adr=bank.address,
        DateIn="1996-01-01",
        PtType="20" if bank.crsa else "10",
        Srvcs="5",
        XchType="1",
        UID=bank.bic + "0",
        ParticipantStatus=bank.status,
    )
    rstr = "".join(f'<RstrList Rstr="{code}" RstrDate="{day.isoformat()}"/>' for code in bank.restrictions)
    lines = [f'<BICDirectoryEntry BIC="{bank.bic}">']
    lines.append(f"<ParticipantInfo {info}>{rstr}</ParticipantInfo>" if rstr else f"<ParticipantInfo {info}/>")
    if bank.swift:
        lines.append(f'<SWBICS SWBIC="{bank.swift}" DefaultSWBIC="1"/>')
    accounts = [(correspondent_account(bank.bic), "CRSA")] if bank.crsa else []
    accounts += [(number, "UTRA") for number in bank.extra_accounts]
    for number, kind in accounts:
        cbr = bank.bic[:6] + "000"
        lines.append(
            "<Accounts "
            + _attrs(
                Account=number,
                RegulationAccountType=kind,
                CK=number[8] + "0",
                AccountCBRBIC=cbr,
                DateIn="1996-01-01",
                AccountStatus="ACAC",
            )
            + "/>"
        )
    lines.append("</BICDirectoryEntry>")
    return "\n".join(lines)


def ed807_xml(banks: list[SampleBank], day: date, *, encoding: str = "windows-1251") -> bytes:
    head = _attrs(
        EDNo="1",
        EDDate=day.isoformat(),
        EDAuthor="4583001999",
        CreationReason="FCBD",
        CreationDateTime=f"{day.isoformat()}T03:00:00Z",
        InfoTypeCode="FIRR",
        BusinessDay=day.isoformat(),
        DirectoryVersion="1",
    )
    body = "\n".join(_entry(bank, day) for bank in banks)
    text = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n<ED807 xmlns="{NAMESPACE}" {head}>\n{body}\n</ED807>\n'
    )
    return text.encode("cp1251" if encoding.lower() == "windows-1251" else encoding)


SAMPLE = [
    SampleBank(
        "044525225", "ПАО Сбербанк", "Sberbank", address="ул Вавилова, 19", postcode="117312", swift="SABRRUMMXXX"
    ),
    SampleBank("044525187", "Банк ВТБ (ПАО)", "VTB Bank", address="ул Воронцовская, 43, стр 1", swift="VTBRRUMMXXX"),
    SampleBank("044525593", 'АО "АЛЬФА-БАНК"', "Alfa-Bank", address="ул Каланчевская, 27", swift="ALFARUMMXXX"),
    SampleBank("044525974", 'АО "ТБанк"', "TBank", address="ул Хуторская 2-я, 38А, стр 26", swift="TICSRUMMXXX"),
    SampleBank("044525700", 'АО "Райффайзенбанк"', "Raiffeisenbank", address="ул Троицкая, 17, стр 1"),
    SampleBank("044525823", "Банк ГПБ (АО)", "Gazprombank", address="ул Наметкина, 16, корп 1", swift="GAZPRUMMXXX"),
    SampleBank(
        "044030653",
        "Северо-Западный банк ПАО Сбербанк",
        city="Санкт-Петербург",
        region="40",
        postcode="191124",
        address="ул Красного Текстильщика, 2",
    ),
    SampleBank(
        "044030827",
        'АО "Банк Северная Пальмира"',
        city="Санкт-Петербург",
        region="40",
        postcode="190000",
        address="наб реки Мойки, 64",
    ),
    SampleBank(
        "046577674",
        "Уральский банк ПАО Сбербанк",
        city="Екатеринбург",
        region="65",
        postcode="620026",
        address="ул Куйбышева, 67",
    ),
    SampleBank(
        "045004641",
        "Сибирский банк ПАО Сбербанк",
        city="Новосибирск",
        region="50",
        postcode="630007",
        address="ул Серебренниковская, 20",
    ),
    SampleBank(
        "044525871",
        'КБ "Отозванный Кредит" (ООО)',
        address="ул Тверская, 1",
        restrictions=("LWRS",),
    ),
    SampleBank(
        "044525000",
        "ГУ Банка России по Центральному федеральному округу",
        address="ул Балчуг, 2",
        crsa=False,
    ),
]
SAMPLE_DAY = date(2026, 11, 20)


def full_size(count: int = 1200, *, seed: int = 807, day: date = SAMPLE_DAY) -> list[SampleBank]:
    """A directory as large as the real one (~1,100+ entries, ~1 MB) with the real mix of entries."""
    rng = random.Random(seed)
    cities = [("Москва", "45"), ("Санкт-Петербург", "40"), ("Казань", "92"), ("Новосибирск", "50"), ("Самара", "36")]
    banks: list[SampleBank] = []
    seen: set[str] = set()
    while len(banks) < count:
        bic = f"04{rng.randrange(10**7):07d}"
        if bic in seen or bic[6:8] == "00":
            continue
        seen.add(bic)
        city, region = rng.choice(cities)
        number = len(banks) + 1
        banks.append(
            SampleBank(
                bic=bic,
                name=f'АО "Коммерческий банк развития и кредита № {number}"',
                english=f"Commercial Bank of Development and Credit No. {number}",
                city=city,
                region=region,
                postcode=f"{rng.randrange(100000, 999999)}",
                address=f"ул Садовая, {rng.randrange(1, 200)}, стр {rng.randrange(1, 9)}",
                swift=f"CB{chr(65 + number % 26)}{chr(65 + number // 26 % 26)}RUMMXXX" if rng.random() < 0.4 else None,
                crsa=rng.random() > 0.05,
                status="PSAC" if rng.random() > 0.02 else "PSDL",
                restrictions=("URRS",) if rng.random() < 0.03 else (),
                extra_accounts=tuple(f"40116810{rng.randrange(10**12):012d}" for _ in range(rng.randrange(0, 4))),
            )
        )
    return banks
