"""Imperative mapping of the identity domain classes (called from ``mapping.map_domain``)."""

from __future__ import annotations

from sqlalchemy.orm import registry

from gifthub.adapters.persistence.tables_identity import (
    api_clients,
    audit_log,
    auth_sessions,
    auth_throttles,
    cabinet_memberships,
    cabinet_policies,
    one_time_tokens,
    project_grants,
    recovery_codes,
    users,
)
from gifthub.domain.api_client import ApiClient
from gifthub.domain.audit import AuditRecord
from gifthub.domain.auth_session import AuthSession
from gifthub.domain.cabinet_policy import CabinetPolicy
from gifthub.domain.one_time_token import OneTimeToken
from gifthub.domain.throttle import Throttle
from gifthub.domain.user import Membership, ProjectGrant, RecoveryCode, User


def map_identity(mapper_registry: registry) -> None:
    mapper_registry.map_imperatively(User, users)
    mapper_registry.map_imperatively(Membership, cabinet_memberships)
    mapper_registry.map_imperatively(ProjectGrant, project_grants)
    mapper_registry.map_imperatively(AuthSession, auth_sessions)
    mapper_registry.map_imperatively(ApiClient, api_clients)
    mapper_registry.map_imperatively(RecoveryCode, recovery_codes)
    mapper_registry.map_imperatively(Throttle, auth_throttles)
    mapper_registry.map_imperatively(OneTimeToken, one_time_tokens)
    mapper_registry.map_imperatively(AuditRecord, audit_log)
    mapper_registry.map_imperatively(CabinetPolicy, cabinet_policies)
