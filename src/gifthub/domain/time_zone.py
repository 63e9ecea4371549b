"""A user's time zone: an IANA name; timestamps are stored in UTC and shown in this zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from gifthub.domain.errors import DomainError

DEFAULT_TIME_ZONE = "Europe/Moscow"


class InvalidTimeZone(DomainError):
    code = "invalid-time-zone"


def check_time_zone(name: str, *, field: str = "time_zone") -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidTimeZone(f"{name!r} is not an IANA time zone such as Europe/Moscow", field=field) from None
    return name


def in_zone(moment: datetime, name: str) -> datetime:
    return moment.astimezone(ZoneInfo(name))
