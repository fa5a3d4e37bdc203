"""``/auth``: sign up, sign in, refresh, sign out, change password, me."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from render_farm.server.services import notify, users

from .deps import AddressDep, SessionDep, SettingsDep, UserDep
from .problems import responses
from .routing import FarmRoute
from .schemas import ChangePasswordIn, LogInIn, RefreshIn, SignUpIn, TokenPairOut, UserOut

router = APIRouter(prefix="/auth", tags=["auth"], route_class=FarmRoute)


def _tokens(pair: users.TokenPair) -> TokenPairOut:
    return TokenPairOut(access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in)


def user_out(session: SessionDep, user: users.User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        created_at=user.created_at,
        credits=users.credit_balance(session, user.id),
    )


@router.post("/signup", status_code=status.HTTP_201_CREATED, response_model=UserOut, responses=responses(409, 422))
def sign_up(body: SignUpIn, session: SessionDep, settings: SettingsDep) -> UserOut:
    user = users.sign_up(session, settings, str(body.email), body.password, body.display_name)
    return user_out(session, user)


@router.post("/login", response_model=TokenPairOut, responses=responses(401, 422, 429))
def log_in(body: LogInIn, session: SessionDep, settings: SettingsDep, address: AddressDep) -> TokenPairOut:
    return _tokens(users.log_in(session, settings, body.email, body.password, address))


@router.post("/refresh", response_model=TokenPairOut, responses=responses(401, 422))
def refresh(body: RefreshIn, session: SessionDep, settings: SettingsDep) -> TokenPairOut:
    return _tokens(users.refresh(session, settings, body.refresh_token))


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, response_class=Response, responses=responses(422))
def log_out(body: RefreshIn, session: SessionDep) -> Response:
    """End the sign-in session the refresh token belongs to: its refresh tokens, its access tokens
    (at once, not when they expire) and its open notification streams."""
    user_id = users.log_out(session, body.refresh_token)
    if user_id is not None:
        notify.wakeups.wake(user_id)  # the user's streams check their session now and end if it was this one
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/change-password", response_model=TokenPairOut, responses=responses(401, 422, 429))
def change_password(
    body: ChangePasswordIn, user: UserDep, session: SessionDep, settings: SettingsDep, address: AddressDep
) -> TokenPairOut:
    pair = users.change_password(session, settings, user.id, body.current_password, body.new_password, address)
    return _tokens(pair)


@router.get("/me", response_model=UserOut, responses=responses(401))
def me(user: UserDep, session: SessionDep) -> UserOut:
    return user_out(session, user)
