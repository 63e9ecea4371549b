"""The emulator's deterministic registry: real-shaped ``/api3/req`` elements, keyed by INN."""

from __future__ import annotations


def _part(short: str, full: str, value: str) -> dict[str, str]:
    return {"topoShortName": short, "topoFullName": full, "topoValue": value}


def _address(zip_code: str, region_code: str, region: str, city: str, street: str, house: str) -> dict:
    return {
        "parsedAddressRF": {
            "zipCode": zip_code,
            "regionCode": region_code,
            "regionName": _part("г", "город", region),
            "city": _part("г", "город", city),
            "street": _part("ул", "улица", street),
            "house": _part("д", "дом", house),
        }
    }


def _ul(inn, ogrn, kpp, short, full, address, head, position, *, dissolved_on=None, registered="2002-08-16"):
    status = {"statusString": "Действующее"}
    if dissolved_on:
        status = {"statusString": "Ликвидировано", "dissolved": True, "date": dissolved_on}
    element = {
        "inn": inn,
        "ogrn": ogrn,
        "focusHref": f"https://focus.kontur.ru/entity?query={ogrn}",
        "UL": {
            "kpp": kpp,
            "okpo": "00032537",
            "okopf": "12247",
            "opf": "Публичное акционерное общество"
            if short.startswith("ПАО")
            else "Общество с ограниченной ответственностью",
            "legalName": {"short": short, "full": full, "readable": short, "date": registered},
            "legalAddress": address,
            "status": status,
            "registrationDate": registered,
            "heads": [{"fio": head, "innfl": "", "position": position, "date": "2020-01-01"}],
        },
    }
    if dissolved_on:
        element["UL"]["dissolutionDate"] = dissolved_on
    return element


COMPANIES: dict[str, dict] = {
    "7707083893": _ul(
        "7707083893",
        "1027700132195",
        "773601001",
        "ПАО Сбербанк",
        'Публичное акционерное общество "Сбербанк России"',
        _address("117312", "77", "Москва", "Москва", "Вавилова", "19"),
        "Греф Герман Оскарович",
        "Президент, председатель правления",
    ),
    "7736207543": _ul(
        "7736207543",
        "1027700229193",
        "770401001",
        'ООО "ЯНДЕКС"',
        'Общество с ограниченной ответственностью "ЯНДЕКС"',
        _address("119021", "77", "Москва", "Москва", "Льва Толстого", "16"),
        "Савиновский Артём Геннадьевич",
        "Генеральный директор",
    ),
    "7728168971": _ul(
        "7728168971",
        "1027700067328",
        "770801001",
        'АО "АЛЬФА-БАНК"',
        'Акционерное общество "АЛЬФА-БАНК"',
        _address("107078", "77", "Москва", "Москва", "Каланчевская", "27"),
        "Верников Владимир Викторович",
        "Председатель правления",
    ),
    "5001007329": _ul(
        "5001007329",
        "1107746000010",
        "500101001",
        'ООО "ПОДАРКИ ВЧЕРА"',
        'Общество с ограниченной ответственностью "ПОДАРКИ ВЧЕРА"',
        _address("143900", "50", "Московская", "Балашиха", "Советская", "1"),
        "Петров Пётр Петрович",
        "Генеральный директор",
        dissolved_on="2019-03-01",
        registered="2010-01-12",
    ),
    "561100409545": {
        "inn": "561100409545",
        "ogrn": "304500116000157",
        "focusHref": "https://focus.kontur.ru/entity?query=304500116000157",
        "IP": {
            "fio": "Иванов Иван Иванович",
            "okpo": "0123456789",
            "okopf": "50102",
            "opf": "Индивидуальный предприниматель",
            "registrationDate": "2004-05-12",
            "status": {"statusString": "Действующее"},
        },
    },
}
