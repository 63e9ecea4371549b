from __future__ import annotations

from gifthub.application.errors import ApplicationError


class ExportNotReady(ApplicationError):
    """Asked for the file before it was generated (or after it failed): 409."""

    code = "export-not-ready"
