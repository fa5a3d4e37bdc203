"""The farm's one exception family. Services raise these; the API maps them to RFC 9457 problems
in one place (``api/problems.py``) and the CLI prints them as one line."""

from __future__ import annotations

from typing import Any, ClassVar


class FarmError(Exception):
    """A problem a user can act on; ``detail`` is the sentence shown to them."""

    status: ClassVar[int] = 400
    slug: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Bad request"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def extensions(self) -> dict[str, Any]:
        """Extra members of the problem document (RFC 9457 section 3.2)."""
        return {}

    def headers(self) -> dict[str, str]:
        return {}


class InvalidInput(FarmError):
    status, slug, title = 422, "invalid-input", "Invalid input"


class Unauthorized(FarmError):
    status, slug, title = 401, "unauthorized", "Not signed in"

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class Forbidden(FarmError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(FarmError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(FarmError):
    status, slug, title = 409, "conflict", "Conflict"


class TooLarge(FarmError):
    status, slug, title = 413, "too-large", "Too large"


class Throttled(FarmError):
    status, slug, title = 429, "throttled", "Too many attempts"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = max(1, int(retry_after))

    def extensions(self) -> dict[str, Any]:
        return {"retry_after": self.retry_after}

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class InsufficientCredits(FarmError):
    status, slug, title = 402, "insufficient-credits", "Not enough credits"

    def __init__(self, detail: str, shortfall: int) -> None:
        super().__init__(detail)
        self.shortfall = shortfall

    def extensions(self) -> dict[str, Any]:
        return {"shortfall": self.shortfall}


class UnsupportedMedia(FarmError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class ProviderFailed(FarmError):
    """An AI provider (story writer, character designer) could not do its job; nothing was charged."""

    status, slug, title = 502, "provider-failed", "AI provider failed"
