"""RFC 9457 problem responses: the one place errors become HTTP.

``FarmError`` subclasses carry status, title and detail; request validation errors become 422
problems listing each field; HTTP errors from routing (404, and 405 with an ``Allow`` that
lists every method the document gives the path) and anything unexpected (500, with an error id
that is also in the log line holding the details) use the same shape, served as
``application/problem+json``.
"""

from __future__ import annotations

import logging
import re
import uuid
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
    error_id: str | None = Field(default=None, description="the id the farm logged the error under (500)")


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


def _field_error(item: Mapping[str, Any]) -> dict[str, str]:
    if item.get("type") == "json_invalid":  # the body is not plain JSON (see routing.py)
        reason = str(item.get("ctx", {}).get("error", "")) or "it cannot be parsed"
        return {"field": "(body)", "message": f"not valid JSON: {reason}"}
    return {"field": _field(tuple(item.get("loc", ()))), "message": str(item.get("msg", ""))}


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = [_field_error(item) for item in error.errors()]
    detail = "; ".join(f"{item['field']}: {item['message']}" for item in errors) or "the request is not valid"
    return problem_response(422, "invalid-input", "Invalid input", detail, errors=errors)


_HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
_UUID = "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"


def _path_pattern(template: str, item: Mapping[str, Any]) -> re.Pattern[str]:
    """A regex for a documented path, each parameter matching what its schema allows."""
    kinds: dict[str, str] = {}
    for operation in item.values():
        for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
            if parameter.get("in") == "path":
                schema = parameter.get("schema", {})
                if schema.get("format") == "uuid":
                    kinds[parameter["name"]] = _UUID
                elif schema.get("type") == "integer":
                    kinds[parameter["name"]] = "[+-]?[0-9]+"
    parts = re.split(r"\{([^}]+)\}", template)
    pattern = "".join(
        re.escape(part) if index % 2 == 0 else f"(?:{kinds.get(part, '[^/]+')})" for index, part in enumerate(parts)
    )
    return re.compile(pattern)


def allowed_methods(request: Request) -> list[str]:
    """The methods the OpenAPI document lists for the request's path (Starlette's own 405 names
    only those of the first route that matched the path)."""
    document = request.app.openapi()
    methods: set[str] = set()
    for template, item in document.get("paths", {}).items():
        if _path_pattern(template, item).fullmatch(request.url.path):
            methods |= {method.upper() for method in item if method in _HTTP_METHODS}
    return sorted(methods)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(error.status_code, "http-error")
    title = {404: "Not found", 405: "Method not allowed"}.get(error.status_code, "HTTP error")
    headers = dict(error.headers or {})
    detail = str(error.detail)
    if error.status_code == 405:
        # A path the document does not list (the docs pages) keeps Starlette's own Allow.
        allowed = allowed_methods(request) or [m.strip() for m in headers.get("Allow", "").split(",") if m.strip()]
        headers["Allow"] = ", ".join(allowed)
        detail = f"{request.method} is not allowed here; use {' or '.join(allowed) or 'another path'}"
    return problem_response(error.status_code, slug, title, detail, headers=headers)


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    # The id is in the answer and in the log line with the traceback, so a report can be traced.
    error_id = uuid.uuid4().hex[:16]
    log.error("unhandled error %s on %s %s", error_id, request.method, request.url.path, exc_info=error)
    detail = f"something went wrong on the farm; it is logged as error {error_id}"
    return problem_response(500, "internal-error", "Internal error", detail, error_id=error_id)


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
