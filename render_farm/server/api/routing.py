"""How every route reads its request: JSON bodies go through the film package's strict parser
(:func:`render_farm.film.json_text.parse_json`), so a body that is not UTF-8, nests hundreds of
levels deep, holds a number of thousands of digits, ``NaN`` or a broken character is a 422
problem naming what is wrong, never a 400 the document does not list or a 500 from deeper down.

Every router is an ``APIRouter(route_class=FarmRoute)`` (FastAPI's documented hook for a custom
request class).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from render_farm.film.json_text import JSONTextError, parse_json


class FarmRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = parse_json(body)
            except JSONTextError as error:
                # FastAPI turns a JSONDecodeError into its 422 "json_invalid" validation error.
                raise json.JSONDecodeError(str(error), body.decode("utf-8", "replace"), 0) from None
        return self._json


class FarmRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def farm_handler(request: Request) -> Response:
            return await handler(FarmRequest(request.scope, request.receive))

        return farm_handler
