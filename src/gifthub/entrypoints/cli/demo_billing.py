"""Demo sellers, so that a fresh `make run` can issue invoices offers and render their PDFs at once.

Their requisites are checksum-valid but fictitious; platform staff register the real ones."""

from __future__ import annotations

from dishka import AsyncContainer

from gifthub.adapters.documents.demo_marks import demo_signature_png, demo_stamp_png
from gifthub.application.billing.manage_sellers import ListSellers
from gifthub.application.billing.register_seller import RegisterSeller, SellerData
from gifthub.domain.billing.seller import BankDetails, Requisites
from gifthub.domain.identity import Principal
from gifthub.domain.region import Region

DEMO_SELLERS = [
    SellerData(
        region=Region.RU,
        name="ООО «ГифтХаб» (демо)",
        number_prefix="GHR",
        requisites=Requisites(
            inn="7707083893",
            kpp="770701001",
            ogrn="1027700132195",
            address="123112, г. Москва, Пресненская наб., д. 12",
        ),
        bank=BankDetails("ПАО Сбербанк", "40702810938000000001", "044525225", "30101810400000000225"),
        signatory_name="Иванов И. И.",
        signatory_title="Генеральный директор",
        vat_exempt=False,
        signature_image=demo_signature_png(),
        stamp_image=demo_stamp_png("ООО «ГИФТХАБ» • МОСКВА"),
    ),
    SellerData(
        region=Region.KZ,
        name="ТОО «GiftHub Қазақстан» (демо)",
        number_prefix="GHK",
        requisites=Requisites(bin="090840000906", kbe="17", knp="859", address="г. Алматы, пр. Абая, 10"),
        bank=BankDetails("АО «Kaspi Bank»", "KZ86125KZT5004100100", "CASPKZKA"),
        signatory_name="Серікұлы Ә. Ғ.",
        signatory_title="Директор",
        vat_exempt=False,
        signature_image=demo_signature_png(),
        stamp_image=demo_stamp_png("ТОО «GIFTHUB ҚАЗАҚСТАН» • АЛМАТЫ"),
    ),
    SellerData(
        region=Region.BY,
        name="ООО «ГифтХаб Бел» (демо)",
        number_prefix="GHB",
        requisites=Requisites(unp="200988541", address="220030, г. Минск, пр. Независимости, 5"),
        bank=BankDetails("Национальный банк Республики Беларусь", "BY13NBRB3600900000002Z00AB00", "NBRBBY2X"),
        signatory_name="Петров П. П.",
        signatory_title="Директор",
        vat_exempt=False,
        signature_image=demo_signature_png(),
        stamp_image=demo_stamp_png("ООО «ГИФТХАБ БЕЛ» • МИНСК"),
    ),
]


async def seed_demo_sellers(container: AsyncContainer) -> list[str]:
    system = Principal.system("demo")
    async with container() as scope:
        existing = {seller.region for seller in await (await scope.get(ListSellers)).execute(system)}
    added = []
    for data in DEMO_SELLERS:
        if data.region in existing:
            continue
        async with container() as scope:
            seller = await (await scope.get(RegisterSeller)).execute(system, data)
        added.append(seller.name)
    return added
