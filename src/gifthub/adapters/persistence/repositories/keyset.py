"""Keyset paging on (created_at, id), shared by the list queries."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import and_, or_

from gifthub.application.errors import InvalidCursor


def after_keyset(table, after: tuple[str, str] | None):
    if after is None:
        return None
    try:
        created_at, row_id = datetime.fromisoformat(str(after[0])), UUID(str(after[1]))
    except ValueError:
        raise InvalidCursor("cursor is not one this API issued", field="cursor") from None
    return or_(
        table.c.created_at > created_at,
        and_(table.c.created_at == created_at, table.c.id > row_id),
    )
