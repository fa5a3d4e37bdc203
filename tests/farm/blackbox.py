"""The farm's security checks run from outside, over HTTP, as an attacker would: each finding of
the black-box security test that the suite also checks in-process.

    # start a farm here (PostgreSQL and Redis given by URL), attack it, then stop it with SIGTERM
    python tests/farm/blackbox.py --start --database-url postgresql://postgres@127.0.0.1/farm_blackbox \\
        --broker-url redis://127.0.0.1:6379/11

    # attack a farm that is already running (what needs the process itself is left out)
    python tests/farm/blackbox.py --url http://127.0.0.1:8000

Add ``--schemathesis`` to run ``st run --checks all`` (with tests/farm/schemathesis.toml) too.
Sign-in spraying comes last: it leaves this machine's address throttled for a minute or so.
Prints one line per check and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from render_farm.film import SCHEMA_VERSION

HERE = Path(__file__).resolve().parent
PASSWORD = "correct horse battery staple"
HOSTILE = [
    "/etc/passwd",
    "/proc/self/environ",
    "../../../../../../etc/passwd",
    "art/../../../../etc/passwd",
    "art\\..\\..\\etc\\passwd",
    "C:/Windows/win.ini",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "art/fox\x00.png",
]
LEAKS = ("root:x:0:0", "JWT_SECRET", "DATABASE_URL")
results: list[tuple[str, bool, str]] = []


def check(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def wrap(function: Callable[..., None]) -> Callable[..., None]:
        def run(*args: Any) -> None:
            try:
                function(*args)
            except AssertionError as error:
                results.append((name, False, str(error)[:300]))
                print(f"FAIL  {name}: {str(error)[:300]}", flush=True)
                return
            results.append((name, True, ""))
            print(f"pass  {name}", flush=True)

        return run

    return wrap


class Farm:
    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.api = f"{self.url}/api/v1"
        self.http = httpx.Client(base_url=self.api, timeout=60)

    def account(self) -> dict[str, str]:
        email = f"blackbox-{uuid.uuid4().hex[:12]}@example.com"
        created = self.http.post("/auth/signup", json={"email": email, "password": PASSWORD})
        assert created.status_code == 201, created.text
        return self.sign_in(email)

    def sign_in(self, email: str) -> dict[str, str]:
        tokens = self.http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert tokens.status_code == 200, tokens.text
        body = tokens.json()
        return {"email": email, "access": body["access_token"], "refresh": body["refresh_token"]}

    @staticmethod
    def auth(account: dict[str, str]) -> dict[str, str]:
        return {"Authorization": f"Bearer {account['access']}"}

    def credits(self, account: dict[str, str]) -> int:
        return int(self.http.get("/auth/me", headers=self.auth(account)).json()["credits"])


def film(art: str | None = None) -> dict[str, Any]:
    cast: dict[str, Any] = {"id": "fox", "name": "Fern the Fox"}
    if art is not None:
        cast["art"] = art
    scene = {
        "id": "one",
        "number": 1,
        "duration": 4.0,
        "cast": ["fox"],
        "dialogue": [{"speaker": "fox", "text": "Hi."}],
    }
    return {"schema_version": SCHEMA_VERSION, "title": "Black box", "cast": [cast], "scenes": [scene]}


def no_leak(text: str) -> None:
    assert not any(leak in text for leak in LEAKS), f"a file's content came back: {text[:200]}"


@check("1 file read: cast art outside the bundle is refused, nothing charged")
def art_is_contained(farm: Farm) -> None:
    me = farm.account()
    for art in HOSTILE:
        headers = {**farm.auth(me), "Idempotency-Key": uuid.uuid4().hex}
        response = farm.http.post("/ai/characters", headers=headers, json={"film": film(art)})
        no_leak(response.text)
        for value in response.json().get("art", {}).values() if response.status_code == 200 else []:
            no_leak(base64.b64decode(value).decode("latin-1"))
        assert response.status_code == 422, f"{art!r}: {response.status_code} {response.text[:200]}"
    assert farm.credits(me) == 100, "a refused design was charged"


@check("1 file read: uploads and bundle entries stay inside the bundle")
def uploads_are_contained(farm: Farm) -> None:
    me = farm.account()
    project = farm.http.post("/projects", headers=farm.auth(me), json={"name": "Black box"}).json()["id"]
    for art in HOSTILE:
        response = farm.http.post(f"/projects/{project}/versions", headers=farm.auth(me), json=film(art))
        assert response.status_code == 422, f"spec art {art!r}: {response.status_code}"
    for name in [*HOSTILE[:-1], "%2e%2e/evil.txt", "C:evil.txt"]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("film.json", json.dumps(film()))
            archive.writestr(zipfile.ZipInfo(name), b"evil")
        headers = {**farm.auth(me), "Content-Type": "application/zip"}
        response = farm.http.post(f"/projects/{project}/versions", headers=headers, content=buffer.getvalue())
        assert response.status_code == 422, f"bundle entry {name!r}: {response.status_code}"
    assert farm.http.get(f"/projects/{project}/versions", headers=farm.auth(me)).json() == []


@check("1 file read: download links name no file outside the storage folder")
def downloads_are_contained(farm: Farm) -> None:
    query = {"expires": str(int(time.time()) + 600), "filename": "film.mp4", "signature": "0" * 64}
    for key in ["..%2f..%2f..%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd", "films/..%5c..%5cetc%5cpasswd"]:
        response = farm.http.get(f"{farm.api}/files/{key}", params=query)
        no_leak(response.text)
        assert response.status_code in (404, 422), f"{key}: {response.status_code}"


@check("2 sign-out ends the session's access tokens and streams at once, and no other session")
def sign_out_ends_the_session(farm: Farm) -> None:
    laptop = farm.account()
    desktop = farm.sign_in(laptop["email"])
    ended = threading.Event()

    def follow() -> None:
        try:
            with farm.http.stream("GET", "/notifications/stream", headers=farm.auth(laptop)) as stream:
                for _line in stream.iter_lines():
                    pass
        except httpx.HTTPError:
            pass
        ended.set()

    threading.Thread(target=follow, daemon=True).start()
    time.sleep(1.5)
    assert not ended.is_set(), "the stream did not stay open"
    assert farm.http.post("/auth/logout", json={"refresh_token": laptop["refresh"]}).status_code == 204
    for route in ["/auth/me", "/projects", "/notifications", "/billing/ledger"]:
        status = farm.http.get(route, headers=farm.auth(laptop)).status_code
        assert status == 401, f"{route} answered {status} after sign-out"
    assert ended.wait(5), "the open event stream went on after sign-out"
    assert farm.http.get("/auth/me", headers=farm.auth(desktop)).status_code == 200, "another session ended too"


@check("3 no 500 on bad input: deep nesting, long numbers, NaN, bad UTF-8, broken characters, big versions")
def bad_input_is_4xx(farm: Farm) -> None:
    me = farm.account()
    project = farm.http.post("/projects", headers=farm.auth(me), json={"name": "Bad input"}).json()["id"]
    assert farm.http.post(f"/projects/{project}/versions", headers=farm.auth(me), json=film()).status_code == 201
    spec = json.dumps(film())
    bodies = {
        "deep spec": spec[:-1] + ', "premise": ' + "[" * 1500 + "]" * 1500 + "}",
        "5000 digits": json.dumps({**film(), "schema_version": "N"}).replace('"N"', "9" * 5000),
        "NaN": spec.replace("4.0", "NaN"),
        "surrogate": spec.replace("Black box", "\\ud800"),
        "not UTF-8": spec.replace("Black box", "\udcff"),
    }
    json_headers = {**farm.auth(me), "Content-Type": "application/json"}
    for label, body in bodies.items():
        raw = body.encode("utf-8", "surrogateescape")
        for path in [f"/projects/{project}/versions", "/teams", "/ai/breakdown"]:
            response = farm.http.post(path, headers=json_headers, content=raw)
            assert 400 <= response.status_code < 500, f"{label} to {path}: {response.status_code}"
    for number in [2**31, 2**63, 10**30]:
        for method, path in [
            ("GET", f"/projects/{project}/versions/{number}"),
            ("GET", f"/projects/{project}/versions/{number}/spec"),
            ("GET", f"/projects/{project}/versions/{number}/estimate"),
            ("POST", f"/projects/{project}/versions/{number}/renders"),
        ]:
            headers = {**farm.auth(me), "Idempotency-Key": uuid.uuid4().hex}
            status = farm.http.request(method, path, headers=headers).status_code
            assert status == 422, f"{method} {path}: {status}"


@check("4 the document holds: 405 with the right Allow, false is no number")
def document_holds(farm: Farm) -> None:
    me = farm.account()
    response = farm.http.get("/notifications/read-all", headers=farm.auth(me))
    assert response.status_code == 405 and response.headers.get("allow") == "POST", response.status_code
    response = farm.http.request("OPTIONS", "/projects", headers=farm.auth(me))
    assert response.status_code == 405 and response.headers.get("allow") == "GET, POST", response.headers
    response = farm.http.post("/ai/breakdown", headers=farm.auth(me), json={"prompt": "a fox", "seed": False})
    assert response.status_code == 422, response.status_code


@check("4 schemathesis, every check, finds no violation")
def schemathesis_run(farm: Farm) -> None:
    me = farm.account()
    project = farm.http.post("/projects", headers=farm.auth(me), json={"name": "Fuzzed"}).json()["id"]
    assert farm.http.post(f"/projects/{project}/versions", headers=farm.auth(me), json=film()).status_code == 201
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "schemathesis.toml"
        config.write_text((HERE / "schemathesis.toml").read_text().replace("{owned_project_id}", project))
        command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run"]
        command += [f"{farm.api}/openapi.json", "--checks", "all", "--phases", "examples,coverage,fuzzing"]
        command += ["--max-examples", "20", "--workers", "1", "--exclude-path-regex", "/stream$", "--no-color"]
        command += ["--header", f"Authorization: Bearer {me['access']}", "--generation-database", "none"]
        result = subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=1200)
    summary = [line for line in result.stdout.splitlines() if "generated" in line or "Seed" in line]
    print("      " + " / ".join(line.strip() for line in summary), flush=True)
    assert result.returncode == 0, result.stdout[-3000:]


@check("6 a prompt of a lone control character is a 422")
def control_character_prompt(farm: Farm) -> None:
    me = farm.account()
    for prompt in ["\u001c", "\u001f", "\u2000"]:
        response = farm.http.post("/ai/breakdown", headers=farm.auth(me), json={"prompt": prompt})
        assert response.status_code == 422, f"{prompt!r}: {response.status_code} {response.text[:120]}"


@check("8 the docs pages load everything from the farm")
def docs_are_local(farm: Farm) -> None:
    import re

    for page in ["/docs", "/redoc"]:
        html = farm.http.get(page).text
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
        assert urls, f"{page}: no assets"
        for url in urls:
            assert not url.startswith(("http://", "https://", "//")), f"{page} loads {url}"
            assert httpx.get(f"{farm.url}{url}", timeout=30).status_code == 200, url


@check("5 proxy headers from an unnamed proxy are ignored: sign-in spraying is throttled")
def proxy_headers_ignored(farm: Farm) -> None:
    statuses = []
    for n in range(1, 41):
        response = farm.http.post(
            "/auth/login",
            json={"email": f"victim-{n}-{uuid.uuid4().hex[:6]}@example.com", "password": "wrong password"},
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        )
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert 429 in statuses, f"{len(statuses)} claimed addresses, no 429: {statuses}"


def start_farm(args: argparse.Namespace, home: Path) -> tuple[subprocess.Popen[str], str, list[str]]:
    port = args.port
    env = {**os.environ, "AISTUDIO_FARM_HOME": str(home)}
    for name, value in [("DATABASE_URL", args.database_url), ("BROKER_URL", args.broker_url)]:
        if value:
            env[name] = value
    process = subprocess.Popen(
        [sys.executable, "-m", "render_farm.server.cli", "up", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 180
    while not any("Ctrl+C stops the farm" in line for line in output):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the farm did not start:\n" + "".join(output))
        time.sleep(0.2)
    return process, f"http://127.0.0.1:{port}", output


def descendants(pid: int) -> set[int]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            tree.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@check("9 up prints how to sign in, never the password; Celery's banner stays in the log")
def up_output(home: Path, output: list[str]) -> None:
    text = "".join(output)
    password = (home / "admin_password").read_text().strip()
    assert password not in text, "the admin password was printed"
    assert (home / "admin_password").stat().st_mode & 0o777 == 0o600
    assert f"with the password in {home / 'admin_password'}" in text
    assert "[config]" not in text and "Warning" not in text, text


@check("7 SIGTERM to up stops every process it started")
def sigterm_stops_all(process: subprocess.Popen[str], children: set[int]) -> None:
    process.send_signal(signal.SIGTERM)
    status = process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = {pid for pid in children if alive(pid)}
    for pid in survivors:  # leave nothing behind, whatever the result
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"still running: {survivors}"
    assert status == 143, f"exit status {status}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="attack this running farm")
    parser.add_argument("--start", action="store_true", help="start 'aistudio-farm up' here and attack it")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--broker-url", default="")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--schemathesis", action="store_true")
    args = parser.parse_args()
    if not args.url and not args.start:
        parser.error("give --url or --start")
    with tempfile.TemporaryDirectory(prefix="farm-blackbox-") as folder:
        home = Path(folder) / "farm"
        process = output = None
        url = args.url
        if args.start:
            process, url, output = start_farm(args, home)
            print("".join(output), end="", flush=True)
        farm = Farm(url)
        children = descendants(process.pid) if process is not None else set()
        try:
            art_is_contained(farm)
            uploads_are_contained(farm)
            downloads_are_contained(farm)
            sign_out_ends_the_session(farm)
            bad_input_is_4xx(farm)
            document_holds(farm)
            if args.schemathesis:
                schemathesis_run(farm)
            control_character_prompt(farm)
            docs_are_local(farm)
            proxy_headers_ignored(farm)
            if process is not None and output is not None:
                up_output(home, output)
        finally:
            if process is not None:
                sigterm_stops_all(process, children | descendants(process.pid))
    failed = [name for name, ok, _ in results if not ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
