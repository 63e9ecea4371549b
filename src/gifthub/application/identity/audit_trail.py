"""Identity's audit records go through the one shared writer (see gifthub.application.audit_trail)."""

from __future__ import annotations

from gifthub.application.audit_trail import audit

__all__ = ["audit"]
