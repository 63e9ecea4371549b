"""Settings from ``GIFTHUB_*`` environment variables, validated once at start."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from gifthub.config_giftery import GifterySettings, GifterySettingsError
from gifthub.config_http import HttpServerSettings, HttpSettingsError
from gifthub.config_schedule import ScheduleSettings, ScheduleSettingsError


class SettingsError(ValueError):
    """A bad setting; the message names the variable and what it accepts."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("var")
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    admin_token: str | None = field(default=None, repr=False)
    db_pool_size: int = 10
    log_level: str = "INFO"
    # ``gifthub serve`` executes queued orders itself (the embedded default); off when a settings object
    # is built directly (tests drive execution explicitly) or with GIFTHUB_IN_PROCESS_WORKER=0.
    in_process_worker: bool = False
    giftery: GifterySettings = field(default_factory=GifterySettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    http: HttpServerSettings = field(default_factory=HttpServerSettings)

    @property
    def admin_token_file(self) -> Path:
        return self.data_dir / "admin-token"

    @property
    def is_sqlite(self) -> bool:
        return make_url(self.database_url).get_backend_name() == "sqlite"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("GIFTHUB_DATA_DIR", "var"))
        database_url = env.get("GIFTHUB_DATABASE_URL") or f"sqlite:///{data_dir / 'gifthub.db'}"
        try:
            backend = make_url(database_url).get_backend_name()
        except ArgumentError:
            raise SettingsError(
                f"GIFTHUB_DATABASE_URL={database_url!r} is not a database URL; "
                "use sqlite:///path/to/file.db or postgresql://user:password@host:5432/dbname"
            ) from None
        if backend not in ("sqlite", "postgresql"):
            raise SettingsError(f"GIFTHUB_DATABASE_URL: backend {backend!r} is not supported; use sqlite or postgresql")
        token = env.get("GIFTHUB_ADMIN_TOKEN") or None
        if token is not None and len(token) < 16:
            raise SettingsError("GIFTHUB_ADMIN_TOKEN must be at least 16 characters")
        log_level = env.get("GIFTHUB_LOG_LEVEL", "INFO").upper()
        if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise SettingsError("GIFTHUB_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR")
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            host=env.get("GIFTHUB_HOST", "127.0.0.1"),
            port=_int(env, "GIFTHUB_PORT", 8000, 1, 65535),
            admin_token=token,
            db_pool_size=_int(env, "GIFTHUB_DB_POOL_SIZE", 10, 1, 500),
            log_level=log_level,
            in_process_worker=_flag(env, "GIFTHUB_IN_PROCESS_WORKER", True),
            giftery=_giftery(env),
            schedule=_schedule(env),
            http=_http(env),
        )


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number; expected {low}..{high}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is out of range; expected {low}..{high}")
    return value


def _giftery(env: Mapping[str, str]) -> GifterySettings:
    try:
        return GifterySettings.from_env(env)
    except GifterySettingsError as error:
        raise SettingsError(str(error)) from None


def _schedule(env: Mapping[str, str]) -> ScheduleSettings:
    try:
        return ScheduleSettings.from_env(env)
    except ScheduleSettingsError as error:
        raise SettingsError(str(error)) from None


def _http(env: Mapping[str, str]) -> HttpServerSettings:
    try:
        return HttpServerSettings.from_env(env)
    except HttpSettingsError as error:
        raise SettingsError(str(error)) from None


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}={raw!r} is not a flag; use 1/0, true/false, yes/no or on/off")
