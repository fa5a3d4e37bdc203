"""Cloud AI routes: story breakdown (free) and character design (10 credits a character, with an
``Idempotency-Key``), run by the farm's providers. The routes are plain functions, so FastAPI runs
them in its thread pool: a provider call never blocks the event loop."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from render_farm.ai.protocols import BreakdownRequest
from render_farm.film import Film, Style
from render_farm.film.spec import Identifier
from render_farm.server.services import cloud_ai, ledger

from .deps import SessionDep, SettingsDep, StorageDep, UserDep
from .problems import responses
from .renders import IdempotencyKey
from .routing import FarmRoute
from .schemas import JsonFloat, JsonInt, StrictFilm

router = APIRouter(prefix="/ai", tags=["cloud AI"], route_class=FarmRoute)

HAS_VISIBLE_TEXT = "[^\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
"""Some character that is neither a control character nor a space of any kind. Spelled with explicit
ranges (every character Python's ``str.isspace`` knows, and the controls) so that the farm and the
ECMA-262 regexes of OpenAPI tools agree: a prompt of a lone control character (\\x1c is a space to
Python but not to a JavaScript ``\\S``) is a 422, not a story writer's failure."""


def get_cloud_ai(request: Request) -> cloud_ai.CloudAI:
    """The app's own providers when it was given some, else the process's (from the environment)."""
    chosen = getattr(request.app.state, "cloud_ai", None)
    return chosen if isinstance(chosen, cloud_ai.CloudAI) else cloud_ai.from_environment()


CloudAIDep = Annotated[cloud_ai.CloudAI, Depends(get_cloud_ai)]


class BreakdownIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prompt: str = Field(
        min_length=1,
        max_length=20000,
        pattern=HAS_VISIBLE_TEXT,
        description="a premise, or a whole story pasted in (at least one visible character)",
    )
    style: Style = Style.storybook
    length: JsonFloat = Field(default=60.0, ge=15.0, le=600.0, description="seconds of film wanted (15 s to 10 min)")
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}$", description="ISO 639 code of the dialogue")
    seed: JsonInt = Field(default=0, ge=0, le=2**31 - 1, description="the same seed gives the same film")
    project_id: uuid.UUID | None = Field(
        default=None, description="store the film as the next version of this project (you must be able to edit it)"
    )


class DesignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    film: StrictFilm
    only: list[Identifier] | None = Field(
        default=None, max_length=12, description="the cast ids to (re)design; all of the cast when left out"
    )


class DesignOut(BaseModel):
    film: Film
    designed: list[str] = Field(description="the cast ids designed (and charged for)")
    credits_charged: int
    balance: int = Field(description="your credit balance after the charge")
    art: dict[str, str] = Field(description="base64 PNG art by the path the film's cast names (image designers only)")


class DesignEstimateOut(BaseModel):
    characters: int
    credits_per_character: int
    total: int
    balance: int = Field(description="your credit balance now")
    shortfall: int = Field(description="credits missing to design them (0 if none)")


@router.post("/breakdown", response_model=Film, responses=responses(401, 403, 404, 422, 502))
def breakdown(
    body: BreakdownIn,
    user: UserDep,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    ai: CloudAIDep,
) -> JSONResponse:
    """Turn a premise or a pasted story into a film spec with the farm's story writer. Free.
    With ``project_id`` the film is also stored as that project's next version (its number is in
    the ``Content-Location`` header)."""
    request = BreakdownRequest(
        prompt=body.prompt, style=body.style, length=body.length, language=body.language, seed=body.seed
    )
    headers: dict[str, str] = {}
    if body.project_id is None:
        film = ai.breakdown(request)
    else:
        film, version = ai.breakdown_into_project(session, settings, storage, user.id, body.project_id, request)
        headers["Content-Location"] = f"/api/v1/projects/{body.project_id}/versions/{version.number}"
    return JSONResponse(film.model_dump(mode="json"), headers=headers)


@router.get("/characters/estimate", response_model=DesignEstimateOut, responses=responses(401, 422))
def design_estimate(
    user: UserDep, session: SessionDep, count: Annotated[int, Query(ge=1, le=12, description="characters")]
) -> DesignEstimateOut:
    """What designing ``count`` characters costs (10 credits each). Nothing is charged."""
    cost = cloud_ai.estimate(count)
    balance = ledger.balance(session, user.id)
    session.rollback()
    return DesignEstimateOut(
        characters=cost.characters,
        credits_per_character=cost.credits_per_character,
        total=cost.total,
        balance=balance,
        shortfall=max(0, cost.total - balance),
    )


@router.post(
    "/characters",
    status_code=status.HTTP_200_OK,
    response_model=DesignOut,
    responses=responses(401, 402, 409, 422, 502),
)
def design_characters(
    body: DesignIn, user: UserDep, session: SessionDep, idempotency_key: IdempotencyKey, ai: CloudAIDep
) -> JSONResponse:
    """Design the film's cast (or the ``only`` ids) with the farm's character designer: 10 credits
    a character, charged before the work (402 with the shortfall when short) and given back if the
    designer fails (502). Repeats with the same ``Idempotency-Key`` return the first answer."""
    result = ai.design(session, user.id, idempotency_key, body.film, body.only)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
    return JSONResponse(result.body, status_code=result.status, headers=headers)
