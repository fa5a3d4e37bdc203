"""FastAPI dependencies: settings, a database session per request, storage, the signed-in user
and the client's address. Services commit their own transactions; the session is closed (and
anything uncommitted rolled back) as soon as the route has built its answer, before the response
is sent, so a slow client or an open stream never holds a pooled connection."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from render_farm.server.db.models import User
from render_farm.server.errors import Unauthorized
from render_farm.server.services import users
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import Storage

bearer = HTTPBearer(auto_error=False, description="an access token from /api/v1/auth/login")


def get_settings(request: Request) -> FarmSettings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_storage(request: Request) -> Storage:
    return request.app.state.storage  # type: ignore[no-any-return]


def get_session(request: Request) -> Iterator[Session]:
    session: Session = request.app.state.session_factory()
    try:
        yield session
    finally:
        session.close()


def client_address(request: Request) -> str:
    """The client's address: the peer's, or, for a request from a proxy named in
    ``TRUSTED_PROXIES``, the one its ``X-Forwarded-For`` names (uvicorn applies that setting)."""
    return request.client.host if request.client else "unknown"


SettingsDep = Annotated[FarmSettings, Depends(get_settings)]
# "function" scope: the session closes when the route returns, not after the body has been sent.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
StorageDep = Annotated[Storage, Depends(get_storage)]
AddressDep = Annotated[str, Depends(client_address)]


def current_user(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("sign in first: send 'Authorization: Bearer <access token>'")
    user = users.authenticate(session, settings, credentials.credentials)
    session.commit()  # end the read so write services can begin their own transaction
    return user


UserDep = Annotated[User, Depends(current_user)]
