from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from gifthub.domain.catalog_export import (
    CatalogExport,
    CatalogExportReady,
    ExportFormat,
    ExportStatus,
    InvalidExportFormat,
)

AT = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)


def test_progress_grows_stops_short_of_100_and_finishing_announces():
    export = CatalogExport(uuid4(), uuid4(), None, ExportFormat.XLSX, "user:1", AT)
    export.advance(40)
    export.advance(10)
    assert (export.status, export.progress) == (ExportStatus.RUNNING, 40)
    export.advance(250)
    assert export.progress == 99
    export.finish("catalog.xlsx", 1234, AT)
    assert (export.status, export.progress, export.is_open) == (ExportStatus.READY, 100, False)
    (event,) = export.events
    assert isinstance(event, CatalogExportReady) and event.requested_by == "user:1"


def test_unknown_format_names_the_field():
    assert ExportFormat.parse(" PDF ") is ExportFormat.PDF
    with pytest.raises(InvalidExportFormat) as error:
        ExportFormat.parse("docx")
    assert error.value.field == "format"
