"""The notification centre: list with unread count, mark read, live updates (Server-Sent Events)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from gifthub.application.notifications.change_preferences import ChangeNotificationPreferences, ChannelChoice
from gifthub.application.notifications.get_preferences import GetNotificationPreferences
from gifthub.application.notifications.list_notifications import ListNotifications
from gifthub.application.notifications.mark_read import MarkNotificationRead
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.notifications import (
    NotificationListOut,
    NotificationOut,
    PreferencesIn,
    PreferencesOut,
)

Recipient = Annotated[str | None, QueryParameter(description="whose notifications (platform callers only)")]
POLL_SECONDS = 1.0


class NotificationController(Controller):
    path = "/notifications"
    tags = ["notifications"]

    @get("/", summary="Latest notifications, newest first, with the unread count")
    async def list_notifications(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListNotifications],
        recipient: Recipient = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    ) -> NotificationListOut:
        result = await use_case.execute(principal, recipient, limit)
        return NotificationListOut([NotificationOut.of(n) for n in result.items], result.unread)

    @post("/{notification_id:uuid}/read", summary="Mark a notification read", status_code=200)
    async def mark_read(
        self,
        notification_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[MarkNotificationRead],
        recipient: Recipient = None,
    ) -> NotificationOut:
        return NotificationOut.of(await use_case.execute(principal, recipient, notification_id))

    @get("/preferences", summary="The signed-in user's channels (in_app, email) for every kind")
    async def preferences(
        self, principal: FromDishka[Principal], use_case: FromDishka[GetNotificationPreferences]
    ) -> PreferencesOut:
        return PreferencesOut.of(await use_case.execute(principal))

    @put("/preferences", summary="Switch channels per kind; kinds not listed keep their setting")
    async def change_preferences(
        self,
        data: JSONBody[PreferencesIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[ChangeNotificationPreferences],
    ) -> PreferencesOut:
        choices = [ChannelChoice(item.kind, item.in_app, item.email) for item in data.items]
        return PreferencesOut.of(await use_case.execute(principal, choices))

    @get("/stream", summary="Live notifications (text/event-stream); reconnect when it ends")
    async def stream(
        self,
        request: Request,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListNotifications],
        recipient: Recipient = None,
        for_seconds: Annotated[float, QueryParameter(ge=0.5, le=600)] = 300.0,
    ) -> ServerSentEvent:
        # Fails fast (403) before the stream opens; then polls the database, so notifications
        # created by any process (gifthub worker included) reach the browser.
        first = await use_case.execute(principal, recipient, 50)
        container = request.app.state.dishka_container
        return ServerSentEvent(_events(container, principal, recipient, first, for_seconds))


async def _events(container, principal: Principal, recipient: str | None, first, for_seconds: float) -> AsyncIterator:
    yield ServerSentEventMessage(event="unread", data=str(first.unread))
    since = first.items[0].created_at if first.items else None
    # Several notifications may share a moment: ask from the last one's moment on, skip those already sent.
    sent = {n.id for n in first.items if n.created_at == since}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + for_seconds
    while loop.time() < deadline:
        await asyncio.sleep(POLL_SECONDS)
        async with container() as request_scope:
            use_case = await request_scope.get(ListNotifications)
            fresh = await use_case.execute(principal, recipient, 50, since)
        new = [n for n in reversed(fresh.items) if n.id not in sent]
        for notification in new:
            yield ServerSentEventMessage(
                event="notification",
                id=str(notification.id),
                data=msgspec.json.encode(NotificationOut.of(notification)).decode(),
            )
            if notification.created_at != since:
                sent.clear()
            since = notification.created_at
            sent.add(notification.id)
        if new:
            yield ServerSentEventMessage(event="unread", data=str(fresh.unread))
