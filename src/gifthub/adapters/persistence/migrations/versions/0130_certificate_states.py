"""Status words a client can trust: a certificate bought is "issued" (it was called "delivered" while it
still waited for its moment), an order whose certificates wait for their moment is "scheduled" (it was
"completed"), and a resend to a new address keeps the recipient's own address (``resent_to`` beside it).

Existing rows: "delivered" certificates become "issued"; finished orders with certificates still waiting
become "scheduled" (the worker completes them when the last one is sent). Resends overwrote ``email``;
the outbox's ``order.certificate_resent`` facts still say what the first address was, so where they
are kept the recipient's address is put back and the new one moves to ``resent_to``.

Revision ID: 0130_certificate_states
Revises: 0104_user_language
"""

import json
from uuid import UUID

import sqlalchemy as sa
from alembic import op

revision = "0130_certificate_states"
down_revision = "0104_user_language"
branch_labels = None
depends_on = None

_certificates = sa.table(
    "order_certificates",
    sa.column("id", sa.Uuid),
    sa.column("order_id", sa.Uuid),
    sa.column("email", sa.String),
    sa.column("resent_to", sa.String),
    sa.column("state", sa.String),
    sa.column("delivery_status", sa.String),
)
_orders = sa.table("orders", sa.column("id", sa.Uuid), sa.column("status", sa.String))
_outbox = sa.table(
    "outbox", sa.column("event_name", sa.String), sa.column("payload", sa.Text), sa.column("occurred_at", sa.DateTime)
)


def _waiting(state: str):
    c = _certificates.c
    return sa.exists().where(c.order_id == _orders.c.id, c.state == state, c.delivery_status == "waiting")


def upgrade() -> None:
    with op.batch_alter_table("order_certificates") as batch:
        batch.add_column(sa.Column("resent_to", sa.String(length=254), nullable=False, server_default=""))
    c = _certificates.c
    op.execute(_certificates.update().where(c.state == "delivered").values(state="issued"))
    op.execute(
        _orders.update()
        .where(_orders.c.status.in_(["completed", "partially_completed"]), _waiting("issued"))
        .values(status="scheduled")
    )
    _restore_recipients()


def _restore_recipients() -> None:
    connection = op.get_bind()
    resends = connection.execute(
        sa.select(_outbox.c.payload)
        .where(_outbox.c.event_name == "order.certificate_resent")
        .order_by(_outbox.c.occurred_at)
    )
    recipients: dict[UUID, str] = {}  # the address before the first resend: the one it was ordered for
    for (payload,) in resends:
        try:
            fact = json.loads(payload)
            certificate_id, previous = UUID(str(fact["certificate_id"])), str(fact["previous_address"])
        except (ValueError, KeyError, TypeError):
            continue
        if previous:
            recipients.setdefault(certificate_id, previous)
    c = _certificates.c
    for certificate_id, recipient in recipients.items():
        current = connection.execute(sa.select(c.email).where(c.id == certificate_id)).scalar()
        if current is not None and current != recipient:
            connection.execute(
                _certificates.update().where(c.id == certificate_id).values(email=recipient, resent_to=current)
            )


def downgrade() -> None:
    c = _certificates.c
    op.execute(_certificates.update().where(c.resent_to != "").values(email=c.resent_to))
    op.execute(_certificates.update().where(c.state == "issued").values(state="delivered"))
    failed = sa.exists().where(c.order_id == _orders.c.id, c.state == "failed")
    op.execute(_orders.update().where(_orders.c.status == "scheduled", failed).values(status="partially_completed"))
    op.execute(_orders.update().where(_orders.c.status == "scheduled").values(status="completed"))
    with op.batch_alter_table("order_certificates") as batch:
        batch.drop_column("resent_to")
