from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet, ensure_step_up
from gifthub.application.identity.audit_trail import audit
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.cabinet_policy import CabinetPolicy, parse_networks
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.identity_errors import PolicyLocksYouOut


@dataclass(frozen=True)
class CabinetPolicyCommand:
    cabinet_id: UUID
    require_two_factor: bool
    allowed_networks: list[str] = field(default_factory=list)


class SetCabinetPolicy:
    """The owner requires 2FA and/or limits sessions and API keys to networks (audited). A policy that
    would shut out the owner setting it is refused with the reason; platform staff are not bound by it."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: CabinetPolicyCommand) -> CabinetPolicy:
        networks = parse_networks(command.allowed_networks)
        now = self._clock.now()
        async with self._uow as uow:
            ensure_can_manage_cabinet(principal, await uow.cabinets.get(command.cabinet_id))
            ensure_step_up(principal, now, "changing the cabinet's security policy")
            _ensure_keeps_author_in(
                principal, CabinetPolicy(command.cabinet_id, command.require_two_factor, networks, now)
            )
            policy = await uow.cabinet_policies.get(command.cabinet_id)
            before = {"require_two_factor": False, "allowed_networks": ""}
            if policy is None:
                policy = CabinetPolicy(command.cabinet_id, command.require_two_factor, networks, now)
                uow.cabinet_policies.add(policy)
            else:
                before = {"require_two_factor": policy.require_two_factor, "allowed_networks": policy.allowed_networks}
                policy.require_two_factor, policy.allowed_networks, policy.updated_at = (
                    command.require_two_factor,
                    networks,
                    now,
                )
            after = {"require_two_factor": command.require_two_factor, "allowed_networks": networks}
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "cabinet.policy",
                cabinet_id=command.cabinet_id,
                before=before,
                after=after,
            )
            await uow.commit()
        return policy


def _ensure_keeps_author_in(principal: Principal, policy: CabinetPolicy) -> None:
    if principal.kind is not PrincipalKind.USER:
        return
    if policy.require_two_factor and not principal.two_factor:
        raise PolicyLocksYouOut(
            "you have no two-factor authentication: turn it on (POST /api/v1/auth/2fa/setup) before requiring it",
            field="require_two_factor",
        )
    if not policy.allows_ip(principal.ip):
        raise PolicyLocksYouOut(
            f"your address {principal.ip or '(unknown)'} is on none of these networks: list it too, or you lose access",
            field="allowed_networks",
        )
