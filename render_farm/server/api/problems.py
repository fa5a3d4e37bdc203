"""RFC 9457 problem responses: the one place errors become HTTP.

``FarmError`` subclasses carry status, title and detail; request validation errors become 422
problems listing each field; HTTP errors from routing (404, 405) and anything unexpected (500,
details only in the log) use the same shape, served as ``application/problem+json``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from render_farm.server.errors import FarmError

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:aistudio:farm:problem:"
log = logging.getLogger(__name__)


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(description="a URI naming the kind of problem")
    title: str
    status: int
    detail: str
    retry_after: int | None = Field(default=None, description="seconds to wait (429)")
    shortfall: int | None = Field(default=None, description="credits missing (402)")


class FieldError(BaseModel):
    field: str
    message: str


class ValidationProblem(Problem):
    errors: list[FieldError] = Field(default_factory=list)


def problem_response(
    status: int, slug: str, title: str, detail: str, headers: Mapping[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = {"type": TYPE_PREFIX + slug, "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "path", "header")]
    return ".".join(parts) or "(request)"


async def _farm_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, FarmError)
    return problem_response(
        error.status, error.slug, error.title, error.detail, headers=error.headers(), **error.extensions()
    )


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = [
        {"field": _field(tuple(item.get("loc", ()))), "message": str(item.get("msg", ""))} for item in error.errors()
    ]
    detail = "; ".join(f"{item['field']}: {item['message']}" for item in errors) or "the request is not valid"
    return problem_response(422, "invalid-input", "Invalid input", detail, errors=errors)


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(error.status_code, "http-error")
    title = {404: "Not found", 405: "Method not allowed"}.get(error.status_code, "HTTP error")
    return problem_response(error.status_code, slug, title, str(error.detail), headers=error.headers)


async def _unexpected(_request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=error)
    return problem_response(500, "internal-error", "Internal error", "something went wrong on the farm; it is logged")


def install(app: FastAPI) -> None:
    app.add_exception_handler(FarmError, _farm_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the problems a route can answer (see ``openapi.py``)."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        model = ValidationProblem if status == 422 else Problem
        out[status] = {"model": model, "description": _DESCRIPTIONS.get(status, "problem")}
    return out


_DESCRIPTIONS = {
    400: "bad request",
    502: "an AI provider failed; the detail is its message (nothing was charged)",
    401: "not signed in, or the token is expired, forged or revoked",
    402: "not enough credits",
    403: "your role does not allow this",
    404: "not found (or not yours)",
    409: "conflicts with the current state",
    413: "too large",
    415: "unsupported media type",
    422: "invalid input; the detail names the field",
    429: "too many attempts; see Retry-After",
}
