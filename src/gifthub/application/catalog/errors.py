from __future__ import annotations

from gifthub.application.errors import ApplicationError


class CatalogSourceUnavailable(ApplicationError):
    """Giftery could not be asked, or answered nothing usable; the local catalog is left as it was."""

    code = "giftery-unavailable"


class ProjectRequired(ApplicationError):
    """What a client sees (region, prices) depends on a project, so a client must name one."""

    code = "project-required"
