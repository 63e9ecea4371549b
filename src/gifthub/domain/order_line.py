"""What an order buys: lines of one product with one or more nominals, for a list of recipients."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.catalog import Product
from gifthub.domain.contact import InvalidContact, clean_email, clean_phone
from gifthub.domain.money import Currency, Money
from gifthub.domain.order_errors import InvalidOrder
from gifthub.domain.pricing import Commission

MAX_QUANTITY = 10_000
MAX_MESSAGE = 512  # Giftery's limit on the greeting text


class DeliveryChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    LINK = "link"  # the client hands out a link
    CODE = "code"  # the client hands out the code itself


_CHANNELS: dict[str, DeliveryChannel] = {c.value: c for c in DeliveryChannel}


@dataclass(frozen=True)
class Recipient:
    name: str = ""
    email: str = ""
    phone: str = ""
    message: str = ""
    channel: DeliveryChannel = DeliveryChannel.EMAIL

    @classmethod
    def create(
        cls,
        *,
        name: str = "",
        email: str = "",
        phone: str = "",
        message: str = "",
        channel: DeliveryChannel | str = DeliveryChannel.EMAIL,
        field: str = "recipient",
    ) -> Recipient:
        known = _CHANNELS.get(channel)  # the common, clean spelling without an enum call (XLSX: per row)
        if known is not None:
            channel = known
        else:
            try:
                channel = DeliveryChannel(str(channel).strip().lower())
            except ValueError:
                accepted = ", ".join(c.value for c in DeliveryChannel)
                raise InvalidOrder(
                    f"unknown delivery channel {channel!r}; accepted: {accepted}", field=f"{field}.channel"
                ) from None
        email = clean_email(email, field=f"{field}.email")
        phone = clean_phone(phone, field=f"{field}.phone")
        if channel is DeliveryChannel.EMAIL and not email:
            raise InvalidContact("an email is required for delivery by email", field=f"{field}.email")
        if channel is DeliveryChannel.SMS and not phone:
            raise InvalidContact("a phone is required for delivery by SMS", field=f"{field}.phone")
        message = str(message).strip()
        if len(message) > MAX_MESSAGE:
            raise InvalidOrder(f"message must be at most {MAX_MESSAGE} characters", field=f"{field}.message")
        name = " ".join(str(name).split())
        if len(name) > 200:
            raise InvalidOrder("name must be at most 200 characters", field=f"{field}.name")
        return cls(name=name, email=email, phone=phone, message=message, channel=channel)


@dataclass(frozen=True)
class ProductSnapshot:
    """The product as it was when ordered: the order stays readable after it leaves the catalog."""

    product_id: str
    name: str
    currency: Currency
    image_url: str = ""
    terms: str = ""

    @classmethod
    def of(cls, product: Product) -> ProductSnapshot:
        return cls(
            product_id=product.id,
            name=product.title,
            currency=product.currency,
            image_url=product.image_url,
            terms=product.terms or product.disclaimer,
        )


@dataclass(frozen=True)
class OrderLine:
    id: UUID
    product: ProductSnapshot
    nominals: tuple[Money, ...]  # the first one, then any additional nominals
    quantity: int  # certificates of each nominal per recipient (or in total without recipients)
    commission: Commission
    recipients: tuple[Recipient, ...] = ()
    scheduled_at: datetime | None = None  # this line's own delivery moment, else the order's

    @classmethod
    def create(
        cls,
        line_id: UUID,
        product: Product,
        nominals: list[Money] | tuple[Money, ...],
        quantity: int,
        commission: Commission,
        recipients: list[Recipient] | tuple[Recipient, ...] = (),
        scheduled_at: datetime | None = None,
        *,
        field: str = "line",
    ) -> OrderLine:
        if not product.active:
            raise InvalidOrder(f"product {product.id} is no longer sold", field=f"{field}.product_id")
        if not nominals:
            raise InvalidOrder("a line needs at least one nominal", field=f"{field}.nominal")
        for index, nominal in enumerate(nominals):
            name = f"{field}.nominal" if index == 0 else f"{field}.additional_nominals[{index - 1}]"
            if nominal.currency is not product.currency:
                raise InvalidOrder(f"product {product.id} is sold in {product.currency}", field=name)
            product.nominals.ensure_allows(nominal, field=name)
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
            raise InvalidOrder(f"quantity must be between 1 and {MAX_QUANTITY}", field=f"{field}.quantity")
        return cls(
            id=line_id,
            product=ProductSnapshot.of(product),
            nominals=tuple(nominals),
            quantity=quantity,
            commission=commission,
            recipients=tuple(recipients),
            scheduled_at=scheduled_at,
        )

    @property
    def copies(self) -> int:
        """Certificates of each nominal: every recipient gets ``quantity`` of them."""
        return self.quantity * max(1, len(self.recipients))

    @property
    def certificate_count(self) -> int:
        return self.copies * len(self.nominals)

    def unit_price(self, nominal: Money) -> Money:
        return self.commission.price(nominal)

    @property
    def face_total(self) -> Money:
        return Money(sum(n.minor for n in self.nominals) * self.copies, self.product.currency)

    @property
    def total(self) -> Money:
        return Money(sum(self.unit_price(n).minor for n in self.nominals) * self.copies, self.product.currency)

    @property
    def commission_total(self) -> Money:
        return self.total - self.face_total
