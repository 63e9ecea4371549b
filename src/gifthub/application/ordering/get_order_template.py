from __future__ import annotations

from gifthub.application.ports.order_sheet import OrderSheetReader


class GetOrderTemplate:
    """The XLSX template of an order list (headers plus a help sheet); anyone signed in may download it."""

    def __init__(self, reader: OrderSheetReader) -> None:
        self._reader = reader

    def execute(self) -> bytes:
        return self._reader.template()
