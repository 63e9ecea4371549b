"""Sellers, buyers and 1C statements shaped like the real ones, for billing tests."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from uuid import uuid4

from PIL import Image, ImageDraw

from gifthub.domain.billing.seller import BankDetails, Requisites, Seller
from gifthub.domain.region import Region

OUR_ACCOUNT = "40702810938000000001"
PAYER_INN = "7707083893"


def signature_png() -> bytes:
    image = Image.new("RGBA", (240, 80), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(10, 60), (60, 15), (90, 55), (130, 20), (170, 60), (230, 30)], fill=(20, 40, 140, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def stamp_png() -> bytes:
    image = Image.new("RGBA", (300, 300), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([10, 10, 290, 290], outline=(30, 60, 170, 200), width=8)
    draw.ellipse([60, 60, 240, 240], outline=(30, 60, 170, 200), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def ru_seller_data() -> dict:
    return {
        "region": "RU",
        "name": "ООО «ГифтХаб»",
        "number_prefix": "GHR",
        "requisites": {
            "inn": "7707083893",
            "kpp": "770701001",
            "ogrn": "1027700132195",
            "address": "123112, г. Москва, Пресненская наб., д. 12",
        },
        "bank": {
            "bank_name": "ПАО Сбербанк",
            "account": OUR_ACCOUNT,
            "bic": "044525225",
            "correspondent_account": "30101810400000000225",
        },
        "signatory_name": "Иванов И. И.",
        "signatory_title": "Генеральный директор",
        "vat_exempt": False,
    }


def ru_seller(**changes) -> Seller:
    return Seller(
        id=uuid4(),
        region=Region.RU,
        name="ООО «ГифтХаб»",
        number_prefix="GHR",
        requisites=Requisites(
            inn="7707083893",
            kpp="770701001",
            ogrn="1027700132195",
            address="123112, г. Москва, Пресненская наб., д. 12",
        ),
        bank=BankDetails("ПАО Сбербанк", OUR_ACCOUNT, "044525225", "30101810400000000225"),
        signatory_name="Иванов И. И.",
        signatory_title="Генеральный директор",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        signature_image=signature_png(),
        stamp_image=stamp_png(),
        **{"vat_exempt": False, **changes},
    )


def kz_seller() -> Seller:
    return Seller(
        id=uuid4(),
        region=Region.KZ,
        name="ТОО «GiftHub Қазақстан»",
        number_prefix="GHK",
        requisites=Requisites(bin="090840000906", kbe="17", knp="859", address="г. Алматы, пр. Абая, 10"),
        bank=BankDetails("АО «Kaspi Bank»", "KZ86125KZT5004100100", "CASPKZKA"),
        signatory_name="Серікұлы Ә. Ғ.",
        signatory_title="Директор",
        vat_exempt=False,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        signature_image=signature_png(),
        stamp_image=stamp_png(),
    )


def document(
    number: str,
    amount: str,
    purpose: str,
    *,
    day: date = date(2026, 11, 2),
    payer_inn: str = PAYER_INN,
    payer_account: str = "40702810000000000001",
    extra: list[str] | None = None,
) -> list[str]:
    return [
        "СекцияДокумент=Платежное поручение",
        f"Номер={number}",
        f"Дата={day:%d.%m.%Y}",
        f"Сумма={amount}",
        f"ПлательщикСчет={payer_account}",
        f"ДатаСписано={day:%d.%m.%Y}",
        'Плательщик=ИНН 7707083893 ООО "Ромашка"',
        f"ПлательщикИНН={payer_inn}",
        'Плательщик1=ООО "Ромашка"',
        "ПлательщикБИК=044525225",
        f"ПолучательСчет={OUR_ACCOUNT}",
        f"ДатаПоступило={day:%d.%m.%Y}",
        "ПолучательИНН=7707083893",
        'Получатель1=ООО "ГифтХаб"',
        "ВидОплаты=01",
        "Очередность=5",
        f"НазначениеПлатежа={purpose}",
        *(extra or []),
        "КонецДокумента",
    ]


def statement(
    *documents: list[str], encoding: str = "Windows", header_extra: list[str] | None = None, end: bool = True
) -> bytes:
    lines = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        f"Кодировка={encoding}",
        "Отправитель=Бухгалтерия предприятия, редакция 3.0",
        "Получатель=",
        "ДатаСоздания=03.11.2026",
        "ВремяСоздания=10:15:00",
        "ДатаНачала=01.11.2026",
        "ДатаКонца=02.11.2026",
        f"РасчСчет={OUR_ACCOUNT}",
        *(header_extra or []),
        "СекцияРасчСчет",
        "ДатаНачала=01.11.2026",
        "НачальныйОстаток=0.00",
        f"РасчСчет={OUR_ACCOUNT}",
        "КонецРасчСчет",
    ]
    for doc in documents:
        lines.extend(doc)
    if end:
        lines.append("КонецФайла")
    codec = "cp1251" if encoding == "Windows" else "cp866"
    return ("\r\n".join(lines) + "\r\n").encode(codec)


def by_seller() -> Seller:
    return Seller(
        id=uuid4(),
        region=Region.BY,
        name="ООО «ГифтХаб Бел»",
        number_prefix="GHB",
        requisites=Requisites(unp="200988541", address="220030, г. Минск, пр. Независимости, 5"),
        bank=BankDetails("Национальный банк Республики Беларусь", "BY13NBRB3600900000002Z00AB00", "NBRBBY2X"),
        signatory_name="Петров П. П.",
        signatory_title="Директор",
        vat_exempt=False,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        signature_image=signature_png(),
        stamp_image=stamp_png(),
    )
