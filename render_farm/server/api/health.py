"""``GET /health``: is the API up and can it reach its database."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from .deps import SessionDep
from .routing import FarmRoute
from .schemas import HealthOut

router = APIRouter(tags=["health"], route_class=FarmRoute)


@router.get("/health", response_model=HealthOut)
def health(session: SessionDep) -> HealthOut:
    session.execute(text("SELECT 1"))
    return HealthOut(status="ok", database=session.get_bind().dialect.name)
