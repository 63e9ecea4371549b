"""Tables of users, cabinet memberships, project grants, browser sessions and API clients."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.identity import CabinetRole, StaffRole
from gifthub.domain.one_time_token import TokenPurpose
from gifthub.domain.user import UserStatus

users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),  # normalized: one mailbox, one user
    Column("password_hash", String(200), nullable=True),  # argon2id; null until an invitation is accepted
    Column("status", str_enum(UserStatus, 16), nullable=False),
    Column("staff_role", str_enum(StaffRole, 32), nullable=True),
    Column("time_zone", String(64), nullable=False),
    Column("language", String(8), nullable=False, server_default="ru"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("totp_secret", String(255), nullable=True),  # sealed (Fernet), see adapters/auth/totp.py
    Column("totp_pending_secret", String(255), nullable=True),
    Column("totp_enabled_at", UtcDateTime, nullable=True),
    Column("totp_last_step", BigInteger, nullable=True),
)

recovery_codes = Table(
    "recovery_codes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False, index=True),
    Column("code_hash", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("used_at", UtcDateTime, nullable=True),
)

cabinet_memberships = Table(
    "cabinet_memberships",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False),
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False),
    Column("role", str_enum(CabinetRole, 16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("accepted_at", UtcDateTime, nullable=True),  # NULL: an invitation the person has not accepted
    PrimaryKeyConstraint("user_id", "cabinet_id"),
    Index("ix_cabinet_memberships_cabinet", "cabinet_id"),
)

project_grants = Table(
    "project_grants",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=False),
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("user_id", "project_id"),
    Index("ix_project_grants_user_cabinet", "user_id", "cabinet_id"),
)

auth_sessions = Table(
    "auth_sessions",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # SHA-256 of the cookie's token
    Column("csrf_hash", String(64), nullable=False),
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_seen_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("ip", String(64), nullable=False),
    Column("user_agent", String(300), nullable=False),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("stepped_up_at", UtcDateTime, nullable=True),
    Column("impersonated_by", String(100), nullable=False, default=""),
    Index("ix_auth_sessions_user", "user_id"),
)

api_clients = Table(
    "api_clients",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=False, unique=True),
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False),
    Column("b2b_code", String(20), nullable=False, unique=True),
    Column("secret_hash", String(64), nullable=False),  # SHA-256 of a 256-bit random secret
    Column("created_at", UtcDateTime, nullable=False),
    Column("rotated_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime, nullable=True),
)

auth_throttles = Table(
    "auth_throttles",
    metadata,
    Column("key_hash", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("failures", Integer, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("locked_until", UtcDateTime, nullable=True),
)

one_time_tokens = Table(
    "one_time_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("purpose", str_enum(TokenPurpose, 16), nullable=False),
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("used_at", UtcDateTime, nullable=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("on_behalf_of", String(100), nullable=False),
    Column("action", String(64), nullable=False),
    Column("cabinet_id", Uuid, nullable=True),  # no foreign key: the trail outlives what it mentions
    Column("target", String(200), nullable=False),
    Column("ip", String(64), nullable=False),
    Column("before_state", Text, nullable=False),
    Column("after_state", Text, nullable=False),
    Index("ix_audit_log_cabinet_created", "cabinet_id", "created_at"),
    Index("ix_audit_log_created", "created_at", "id"),
)

cabinet_policies = Table(
    "cabinet_policies",
    metadata,
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), primary_key=True),
    Column("require_two_factor", Boolean, nullable=False),
    Column("allowed_networks", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)
