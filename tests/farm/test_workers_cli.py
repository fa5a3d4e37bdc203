"""``aistudio-farm up``: the whole farm from one command on the embedded defaults, used over HTTP
as a user would (admin sign-in, upload, render, download), then stopped with Ctrl+C. Everything it
writes stays in the farm home: the folder it was started from is left empty."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
from farm_helpers import film_spec
from farm_stack import free_port


def test_up_runs_a_whole_farm_that_renders_a_film(tmp_path: Path) -> None:
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith(("DATABASE_URL", "BROKER", "S3_", "JWT"))}
    env = {
        **clean,
        "AISTUDIO_FARM_HOME": str(tmp_path / "home"),
        "FARM_RENDER_PRESET": "preview",
        "FARM_RENDER_SIZE": "320x180",
        "DISPATCH_INTERVAL_SECONDS": "0.1",
    }
    # The farm starts from another folder: relative import paths must still find this checkout.
    paths = [entry for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep) if entry]
    env["PYTHONPATH"] = os.pathsep.join(str(Path(entry).resolve()) for entry in paths)
    started_from = tmp_path / "started-from"
    started_from.mkdir()
    farm = subprocess.Popen(
        [sys.executable, "-m", "render_farm.server.cli", "up", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=started_from,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        lines = []
        assert farm.stdout is not None
        while not any("sign in as" in line for line in lines):
            line = farm.stdout.readline()
            assert line, "aistudio-farm up exited early:\n" + "".join(lines)
            lines.append(line)
        output = "".join(lines)
        url = f"http://127.0.0.1:{port}/api/v1"
        assert url in output and "2 worker process(es)" in output
        # The password is never printed: the output names the file that holds it.
        email, password_file = output.split("sign in as ", 1)[1].split(" (", 1)[0].split(" with the password in ")
        password = Path(password_file).read_text().strip()
        api = httpx.Client(base_url=url, timeout=10)
        deadline = time.monotonic() + 30
        while True:
            try:
                if api.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the API did not answer"
            time.sleep(0.1)
        tokens = api.post("/auth/login", json={"email": email, "password": password})
        assert tokens.status_code == 200, tokens.text
        headers = {"Authorization": f"Bearer {tokens.json()['access_token']}"}
        project = api.post("/projects", headers=headers, json={"name": "First film"}).json()["id"]
        assert api.post(f"/projects/{project}/versions", headers=headers, json=film_spec(scenes=1)).status_code == 201
        job = api.post(
            f"/projects/{project}/versions/1/renders",
            headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
            json={},
        ).json()
        deadline = time.monotonic() + 90
        while job["state"] in ("queued", "running"):
            assert time.monotonic() < deadline, job
            time.sleep(0.2)
            job = api.get(f"/renders/{job['id']}", headers=headers).json()
        assert job["state"] == "success", job
        link = api.get(f"/renders/{job['id']}/download", headers=headers).json()["url"]
        assert link.startswith(f"http://127.0.0.1:{port}/api/v1/files/")
        film = httpx.get(link, timeout=10)
        assert film.status_code == 200 and film.headers["content-type"] == "video/mp4" and len(film.content) > 1000
    finally:
        os.killpg(farm.pid, signal.SIGINT)
        try:
            farm.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(farm.pid, signal.SIGKILL)
            raise
    assert sorted(path.name for path in started_from.iterdir()) == []
