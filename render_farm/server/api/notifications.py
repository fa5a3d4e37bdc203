"""``/notifications``: the signed-in user's notifications (paged), marking them read, and a
server-sent-events stream that pushes new ones as they are created.

The stream sends each notification as ``event: notification`` with the notification's id as the
event id, so a client that reconnects with ``Last-Event-ID`` resumes right after the last one it
got. It opens with a comment line, sends keep-alive comments, re-checks the token on every poll
(a revoked token or a signed-out session ends the stream; signing out wakes the user's streams
so they end at once) and ends when the access token expires: the client reconnects with a fresh
token and its ``Last-Event-ID``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session, sessionmaker
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from render_farm.server import security
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import Notification, User
from render_farm.server.services import notify, users

from .deps import SessionDep, SettingsDep, UserDep, bearer
from .problems import responses
from .routing import FarmRoute

router = APIRouter(prefix="/notifications", tags=["notifications"], route_class=FarmRoute)

POLL_SECONDS = 1.0
PING_SECONDS = 15.0
RETRY_MILLISECONDS = 2000


class NotificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str = Field(description="what happened, e.g. render_finished, render_failed")
    title: str
    body: str
    link: str | None
    created_at: datetime
    read_at: datetime | None


class NotificationPageOut(BaseModel):
    items: list[NotificationOut]
    next_before: str | None = Field(description="pass as 'before' for the next (older) page; null on the last")
    unread: int = Field(description="how many of your notifications are unread")


class MarkedOut(BaseModel):
    marked: int = Field(description="notifications that were unread and now are read")


@router.get("", response_model=NotificationPageOut, responses=responses(401, 422))
def list_notifications(
    user: UserDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[
        str | None, Query(pattern=notify.CURSOR_PATTERN, description="a next_before from an earlier page")
    ] = None,
    unread_only: bool = False,
) -> NotificationPageOut:
    rows, next_before = notify.page(session, user.id, limit, before, unread_only)
    return NotificationPageOut(
        items=[NotificationOut.model_validate(row) for row in rows],
        next_before=next_before,
        unread=notify.unread_count(session, user.id),
    )


@router.post("/read-all", response_model=MarkedOut, responses=responses(401))
def mark_all_read(user: UserDep, session: SessionDep) -> MarkedOut:
    return MarkedOut(marked=notify.mark_all_read(session, user.id))


def _event(row: Notification) -> ServerSentEvent:
    data = NotificationOut.model_validate(row).model_dump(mode="json")
    return ServerSentEvent(data=json.dumps(data), event="notification", id=str(row.id))


def _still_valid(factory: sessionmaker[Session], claims: security.AccessClaims) -> bool:
    with factory() as session:
        user = session.get(User, claims.user_id)
        if user is None or not user.is_active or user.token_version != claims.token_version:
            return False
        return users.session_is_live(session, user.id, claims.session_id)


def _open(factory: sessionmaker[Session], user_id: uuid.UUID, last_event_id: str | None) -> notify.StreamCursor:
    with factory() as session:
        return notify.open_stream(session, user_id, last_event_id)


def _poll(factory: sessionmaker[Session], user_id: uuid.UUID, cursor: notify.StreamCursor) -> list[ServerSentEvent]:
    with factory() as session:
        return [_event(row) for row in notify.poll_stream(session, user_id, cursor)]


STREAM_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "an endless text/event-stream of `notification` events (data: a Notification as JSON)",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
    **responses(401),
}


@router.get("/stream", response_class=EventSourceResponse, responses=STREAM_RESPONSES)
async def stream(
    request: Request,
    user: UserDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    last_event_id: Annotated[str | None, Header(max_length=200, description="resume after this event")] = None,
) -> EventSourceResponse:
    assert credentials is not None  # UserDep has already refused requests without a token
    claims = security.decode_access_token(credentials.credentials, settings.jwt_signing_key)
    expires_at = claims.expires_at
    factory: sessionmaker[Session] = request.app.state.session_factory
    user_id = user.id
    cursor = await run_in_threadpool(_open, factory, user_id, last_event_id)

    async def events() -> AsyncIterator[ServerSentEvent]:
        signal = notify.wakeups.subscribe(user_id)
        try:
            yield ServerSentEvent(comment="notifications stream open", retry=RETRY_MILLISECONDS)
            while utcnow() < expires_at:
                if not await run_in_threadpool(_still_valid, factory, claims):
                    break
                for item in await run_in_threadpool(_poll, factory, user_id, cursor):
                    yield item
                with anyio.move_on_after(POLL_SECONDS):
                    await signal.wait()
                signal.clear()
        finally:
            notify.wakeups.unsubscribe(user_id, signal)

    return EventSourceResponse(events(), ping=PING_SECONDS)


@router.get("/{notification_id:uuid}", response_model=NotificationOut, responses=responses(401, 404, 422))
def get_notification(notification_id: uuid.UUID, user: UserDep, session: SessionDep) -> NotificationOut:
    return NotificationOut.model_validate(notify.get(session, user.id, notification_id))


@router.post("/{notification_id:uuid}/read", response_model=NotificationOut, responses=responses(401, 404, 422))
def mark_read(notification_id: uuid.UUID, user: UserDep, session: SessionDep) -> NotificationOut:
    return NotificationOut.model_validate(notify.mark_read(session, user.id, notification_id))
