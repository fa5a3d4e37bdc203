"""The HTTP protocol the farm's API serves with: uvicorn's own, with Nagle's algorithm off on
every connection.

asyncio turns TCP_NODELAY on only for sockets it creates itself. With ``--workers`` above one,
uvicorn binds the listening socket itself, its accepted connections keep Nagle's algorithm, and
each small answer then waits for the client's delayed ACK: about 40 ms a request instead of one
or two. Setting the option when a connection is made fixes that for every worker count.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol

PROTOCOL = "render_farm.server.http_protocol:NoDelayHTTPProtocol"
"""What to pass as uvicorn's ``http`` (an import path, so worker processes can load it)."""

_Base: Any = AutoHTTPProtocol  # h11, or httptools when installed


class NoDelayHTTPProtocol(_Base):  # type: ignore[misc]
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
