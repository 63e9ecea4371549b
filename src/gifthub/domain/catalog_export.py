"""A catalog export: an XLSX price list or a PDF brand sheet, generated in the background for a cabinet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from gifthub.domain.errors import DomainError
from gifthub.domain.events import DomainEvent


class InvalidExportFormat(DomainError):
    code = "invalid-export-format"


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"

    @classmethod
    def parse(cls, value: str) -> ExportFormat:
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise InvalidExportFormat("format must be xlsx or pdf", field="format") from None

    @property
    def media_type(self) -> str:
        if self is ExportFormat.PDF:
            return "application/pdf"
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class CatalogExportReady(DomainEvent):
    """Announces a finished export to whoever asked for it (the notifications consumer tells the user)."""

    name: ClassVar[str] = "catalog_export.ready"
    export_id: UUID
    cabinet_id: UUID
    requested_by: str
    format: str
    file_name: str


@dataclass(eq=False)
class CatalogExport:
    id: UUID
    cabinet_id: UUID
    project_id: UUID | None
    format: ExportFormat
    requested_by: str  # the principal, e.g. "user:42"
    created_at: datetime
    status: ExportStatus = ExportStatus.PENDING
    progress: int = 0  # 0..100
    file_name: str = ""
    size: int = 0
    error: str = ""
    finished_at: datetime | None = None
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    @property
    def is_open(self) -> bool:
        return self.status in (ExportStatus.PENDING, ExportStatus.RUNNING)

    def advance(self, progress: int) -> None:
        """Progress only grows and stops short of 100: 100 means the file is there."""
        self.status = ExportStatus.RUNNING
        self.progress = max(self.progress, min(99, max(0, int(progress))))

    def finish(self, file_name: str, size: int, at: datetime) -> None:
        self.status, self.progress, self.file_name, self.size, self.finished_at = (
            ExportStatus.READY,
            100,
            file_name,
            size,
            at,
        )
        self.events.append(
            CatalogExportReady(
                occurred_at=at,
                export_id=self.id,
                cabinet_id=self.cabinet_id,
                requested_by=self.requested_by,
                format=self.format.value,
                file_name=file_name,
            )
        )

    def fail(self, reason: str, at: datetime) -> None:
        self.status, self.error, self.finished_at = ExportStatus.FAILED, reason[:500], at
