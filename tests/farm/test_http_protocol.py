"""Connections to the API have Nagle's algorithm off, also when uvicorn binds the listening
socket itself (``aistudio-farm api --workers 2``), where asyncio leaves it on."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
import uvicorn
from farm_stack import free_port

from render_farm.server.http_protocol import PROTOCOL

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


async def hello(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    assert scope["type"] == "http"
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"hello"})


def served_nodelay(http: str) -> int:
    """TCP_NODELAY on the server's side of a kept-alive connection, through a socket that
    uvicorn binds itself (as it does for several worker processes)."""
    config = uvicorn.Config(hello, host="127.0.0.1", port=free_port(), http=http, lifespan="off", log_level="warning")
    sock = config.bind_socket()
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        with httpx.Client(base_url=f"http://127.0.0.1:{config.port}") as client:
            assert client.get("/").text == "hello"
            (connection,) = server.server_state.connections
            served = connection.transport.get_extra_info("socket")
            return int(served.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


def test_the_farm_protocol_turns_nagle_off_on_every_connection() -> None:
    if served_nodelay("auto"):
        pytest.skip("uvicorn's own protocol now turns Nagle off here: the farm's protocol can go")
    assert served_nodelay(PROTOCOL) == 1
