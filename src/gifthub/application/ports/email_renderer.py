from __future__ import annotations

from typing import Protocol

from gifthub.domain.email import RenderedEmail


class UnknownTemplate(Exception):
    """No template of that name, or not in that language."""


class EmailRenderer(Protocol):
    def render(self, template: str, language: str, timezone: str, context: dict[str, str]) -> RenderedEmail:
        """Render subject, plain text and HTML in the recipient's language, datetimes in ``timezone``."""
        ...
