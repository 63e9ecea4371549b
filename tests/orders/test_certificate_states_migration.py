"""Migration 0130_certificate_states carries real rows down and up again, on SQLite and PostgreSQL: the
states get their new names, a finished order still waiting becomes scheduled, and a recipient a resend
overwrote comes back from the outbox's resend facts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Uuid, bindparam, text

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import downgrade, upgrade
from gifthub.application.ordering.commands import DraftInput, LineInput, RecipientInput
from gifthub.application.ordering.create_order import CreateOrder, CreateOrderCommand
from gifthub.application.ordering.resend_certificate import ResendCertificate, ResendCertificateCommand
from gifthub.application.ordering.submit_order import SubmitOrder, SubmitOrderCommand
from tests.orders.test_order_worker import certificates, drain

BEFORE = "0104_user_language"


async def _order(app, project, email: str, moment=None):
    line = LineInput("101", "1000.00", 1, recipients=(RecipientInput(email=email),))
    order = (
        await app.run(CreateOrder, CreateOrderCommand(project.id, DraftInput(scheduled_at=moment, lines=(line,))))
    ).order
    await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))
    return order


async def _rows(engine, order_ids) -> dict[str, tuple]:
    async with engine.connect() as connection:
        query = text(
            "select o.status, c.state, c.email from orders o join order_certificates c on c.order_id = o.id"
            " where o.id = :id"
        ).bindparams(bindparam("id", type_=Uuid))
        return {str(i): tuple((await connection.execute(query, {"id": i})).one()) for i in order_ids}


async def test_states_and_recipients_are_carried_over_both_ways(app, clock, giftery, settings):
    giftery.polls_before_done = 0
    project = await app.project(balance="10000.00")
    waiting = await _order(app, project, "later@x.ru", clock.now() + timedelta(days=1))
    resent = await _order(app, project, "anna@x.ru")
    await drain(app, clock)
    [certificate] = await certificates(app, project, resent)
    await app.run(ResendCertificate, ResendCertificateCommand(project.id, resent.id, certificate.id, "new@x.ru"))
    await app.run(ResendCertificate, ResendCertificateCommand(project.id, resent.id, certificate.id, "newer@x.ru"))
    ids = [waiting.id, resent.id]

    engine = create_engine(settings.database_url)
    try:
        assert await _rows(engine, ids) == {
            str(waiting.id): ("scheduled", "issued", "later@x.ru"),
            str(resent.id): ("completed", "issued", "anna@x.ru"),
        }
        await downgrade(engine, BEFORE)  # as the code before it kept them: the last address in email
        assert await _rows(engine, ids) == {
            str(waiting.id): ("completed", "delivered", "later@x.ru"),
            str(resent.id): ("completed", "delivered", "newer@x.ru"),
        }
        await upgrade(engine)
        assert await _rows(engine, ids) == {
            str(waiting.id): ("scheduled", "issued", "later@x.ru"),
            str(resent.id): ("completed", "issued", "anna@x.ru"),
        }
        async with engine.connect() as connection:
            query = text("select resent_to from order_certificates where order_id = :id").bindparams(
                bindparam("id", type_=Uuid)
            )
            assert (await connection.execute(query, {"id": resent.id})).scalar_one() == "newer@x.ru"
    finally:
        await engine.dispose()
