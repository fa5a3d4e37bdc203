"""The render farm's HTTP API as plain Python (httpx, no Qt): every call blocks, so the Qt layer
(:mod:`aistudio_desktop.farm.session`) makes them on worker threads.

The client signs in, keeps its tokens in a :class:`~aistudio_desktop.farm.tokens.TokenStore`,
renews the access token with the refresh token before it expires (and once more when the farm
answers 401), and turns every failure into one :class:`FarmClientError` whose message a user can
act on: :class:`FarmUnreachable`, :class:`SignInRequired`, :class:`NotEnoughCredits` (with the
shortfall) or :class:`FarmRefused` (any other refusal, with the farm's own detail).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from aistudio_desktop.farm.records import (
    Account,
    Checkout,
    CreditPack,
    Estimate,
    LedgerEntry,
    Notification,
    Prices,
    RenderJob,
    Submission,
)
from aistudio_desktop.farm.tokens import Tokens, TokenStore, TokenStoreError
from render_farm.film.bundle import BundleError, bundle_bytes

__all__ = [
    "Account",
    "Checkout",
    "CreditPack",
    "Estimate",
    "FarmClient",
    "FarmClientError",
    "FarmRefused",
    "FarmUnreachable",
    "LedgerEntry",
    "NotEnoughCredits",
    "Notification",
    "Prices",
    "RenderJob",
    "SignInRequired",
    "Submission",
    "describe",
    "film_bundle",
    "normalise_url",
]

API_PREFIX = "/api/v1"
RENEW_BEFORE_SECONDS = 30.0  # renew a little early: the request must arrive before the token expires


class FarmClientError(Exception):
    """A farm call failed; ``str(error)`` is one line a user can act on."""


class FarmUnreachable(FarmClientError):
    """No answer from the farm (not running, wrong URL, network down)."""


class SignInRequired(FarmClientError):
    """Not signed in, or the sign-in ended (401)."""


class NotEnoughCredits(FarmClientError):
    """The farm refused a render for lack of credits (402)."""

    def __init__(self, message: str, shortfall: int) -> None:
        super().__init__(message)
        self.shortfall = shortfall


class FarmRefused(FarmClientError):
    """Any other refusal; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def describe(error: BaseException) -> str:
    """One line for the user, whatever went wrong."""
    if isinstance(error, (FarmClientError, TokenStoreError)):
        return str(error)
    return f"Something went wrong talking to the farm: {type(error).__name__}: {error}"


def why_unreachable(error: httpx.TransportError) -> str:
    """What went wrong on the way to the farm, in words (never the exception's class name)."""
    if isinstance(error, httpx.ConnectTimeout):
        return "it did not answer in time (is the address right, and the network up?)"
    if isinstance(error, httpx.ConnectError):
        return "nothing answers at that address (is the farm running, and is the address right?)"
    if isinstance(error, httpx.TimeoutException):
        return "it stopped answering (it may be busy; try again in a moment)"
    if isinstance(error, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return "the connection broke off"
    return "the network failed"


def normalise_url(url: str) -> str:
    """``url`` as the farm's address: scheme and host, no trailing slash or API prefix."""
    url = url.strip().rstrip("/")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    if not url:
        raise FarmClientError("Enter the farm's address, e.g. http://127.0.0.1:8000")
    if "://" not in url:
        url = "http://" + url
    if not url.startswith(("http://", "https://")):
        raise FarmClientError(f"The farm's address must start with http:// or https:// (not {url!r})")
    return url


def film_bundle(spec_json: str, files: dict[str, bytes]) -> bytes:
    """A zip with ``film.json`` at its top plus the art files the film names: the farm's upload format
    (the same film makes the same bytes, so an unchanged film is not uploaded again)."""
    try:
        return bundle_bytes(spec_json, files)
    except BundleError as error:
        raise FarmClientError(f"The film cannot be sent to the farm: {error}") from None


def _detail(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class FarmClient:
    """One farm, one user. Safe to call from several threads at once."""

    def __init__(self, url: str, store: TokenStore, *, timeout: float = 20.0) -> None:
        self.url = normalise_url(url)
        self.store = store
        self._http = httpx.Client(base_url=self.url + API_PREFIX, timeout=timeout)
        self._lock = threading.Lock()  # one renewal at a time: a refresh token is good for one exchange
        self._tokens: Tokens | None = None
        self._loaded = False

    def close(self) -> None:
        self._http.close()

    # -- tokens ---------------------------------------------------------------------------------

    @property
    def tokens(self) -> Tokens | None:
        with self._lock:
            self._load_locked()
            return self._tokens

    def _load_locked(self) -> None:
        if not self._loaded:
            self._tokens = self.store.load(self.url)
            self._loaded = True

    def _keep(self, email: str, body: dict[str, Any]) -> Tokens:
        tokens = Tokens(
            email=email,
            access_token=str(body["access_token"]),
            refresh_token=str(body["refresh_token"]),
            access_expires_at=time.time() + float(body["expires_in"]),
        )
        self.store.save(self.url, tokens)
        self._tokens, self._loaded = tokens, True
        return tokens

    def use_tokens(self, tokens: Tokens) -> None:
        """Adopt ``tokens`` (and store them): what a restored sign-in does."""
        with self._lock:
            self.store.save(self.url, tokens)
            self._tokens, self._loaded = tokens, True

    def _renew_locked(self, stale: Tokens) -> Tokens:
        if self._tokens is not None and self._tokens.access_token != stale.access_token:
            return self._tokens  # another thread renewed it meanwhile
        response = self._send("POST", "/auth/refresh", json={"refresh_token": stale.refresh_token})
        if response.status_code == 401:
            self._forget_locked()
            raise SignInRequired("Your farm sign-in has ended; sign in again.")
        self._check(response)
        return self._keep(stale.email, response.json())

    def _forget_locked(self) -> None:
        self._tokens, self._loaded = None, True
        self.store.clear(self.url)

    def _access_token(self) -> Tokens:
        with self._lock:
            self._load_locked()
            tokens = self._tokens
            if tokens is None:
                raise SignInRequired("Sign in to the farm first.")
            if tokens.access_expires_at - RENEW_BEFORE_SECONDS < time.time():
                tokens = self._renew_locked(tokens)
            return tokens

    # -- requests -------------------------------------------------------------------------------

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._http.request(method, path, **kwargs)
        except httpx.TransportError as error:
            raise FarmUnreachable(
                f"Cannot reach the farm at {self.url}: {why_unreachable(error)}. "
                "Your projects and previews keep working."
            ) from None

    def _check(self, response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if status < 400:
            return response
        body = _detail(response)
        detail = str(body.get("detail") or response.reason_phrase or "no detail")
        if status == 401:
            raise SignInRequired(f"Sign in to the farm again ({detail}).")
        if status == 402:
            shortfall = int(body.get("shortfall") or 0)
            raise NotEnoughCredits(f"Not enough credits: {shortfall} more are needed ({detail}).", shortfall)
        if status >= 500:
            raise FarmRefused(f"The farm had a problem ({status}); try again later. {detail}", status)
        if status == 429:
            wait = body.get("retry_after")
            raise FarmRefused(f"Too many attempts; wait {wait} s and try again." if wait else detail, status)
        raise FarmRefused(detail[:1].upper() + detail[1:], status)

    def call(self, method: str, path: str, *, headers: dict[str, str] | None = None, **kwargs: Any) -> httpx.Response:
        """An authorised request; renews the access token once if the farm says it expired."""
        tokens = self._access_token()
        for attempt in range(2):
            sent = {**(headers or {}), "Authorization": f"Bearer {tokens.access_token}"}
            response = self._send(method, path, headers=sent, **kwargs)
            if response.status_code != 401 or attempt:
                return self._check(response)
            with self._lock:
                tokens = self._renew_locked(tokens)
        raise AssertionError("unreachable")

    # -- account --------------------------------------------------------------------------------

    def sign_up(self, email: str, password: str, display_name: str = "") -> None:
        self._check(
            self._send(
                "POST", "/auth/signup", json={"email": email, "password": password, "display_name": display_name}
            )
        )

    def sign_in(self, email: str, password: str) -> Account:
        response = self._send("POST", "/auth/login", json={"email": email, "password": password})
        if response.status_code == 401:  # here a 401 is the answer itself, not an ended sign-in
            detail = str(_detail(response).get("detail") or "email or password is wrong")
            raise SignInRequired(detail[:1].upper() + detail[1:] + ".")
        self._check(response)
        with self._lock:
            self._keep(email, response.json())
        return self.account()

    def sign_out(self) -> None:
        """Revoke the refresh token on the farm and forget the tokens here (even when offline)."""
        with self._lock:
            self._load_locked()
            tokens = self._tokens
            self._forget_locked()
        if tokens is not None:
            with contextlib.suppress(FarmUnreachable):  # forgotten here; the farm lets it expire
                self._send("POST", "/auth/logout", json={"refresh_token": tokens.refresh_token})

    def account(self) -> Account:
        body = self.call("GET", "/auth/me").json()
        return Account(email=body["email"], display_name=body.get("display_name", ""), credits=int(body["credits"]))

    def ledger(self, limit: int = 50) -> list[LedgerEntry]:
        body = self.call("GET", "/billing/ledger", params={"limit": limit}).json()
        return [
            LedgerEntry(
                id=int(item["id"]),
                delta=int(item["delta"]),
                kind=str(item["kind"]),
                balance_after=int(item["balance_after"]),
                note=str(item.get("note", "")),
                job_id=item.get("job_id"),
                created_at=str(item["created_at"]),
            )
            for item in body["items"]
        ]

    # -- buying credits -------------------------------------------------------------------------

    def prices(self) -> Prices:
        """The farm's price list (no sign-in needed)."""
        return Prices.from_json(self._check(self._send("GET", "/billing/prices")).json())

    def packs(self) -> list[CreditPack]:
        """The credit packs the farm sells, smallest first (no sign-in needed)."""
        packs = [CreditPack.from_json(item) for item in self._check(self._send("GET", "/billing/packs")).json()]
        return sorted(packs, key=lambda pack: pack.credits)

    def checkout(self, pack_id: str) -> Checkout:
        """Start buying a pack: the farm's payment page for it, opened in a browser to pay."""
        mark = max((entry.id for entry in self.ledger(limit=1)), default=0)
        body = self.call("POST", "/billing/checkout", json={"pack": pack_id}).json()
        return Checkout(str(body["checkout_id"]), str(body["url"]), CreditPack.from_json(body["pack"]), mark)

    def purchase_since(self, checkout: Checkout) -> LedgerEntry | None:
        """The purchase the ledger got after ``checkout`` started, once it is paid."""
        for entry in self.ledger(limit=20):
            if entry.kind == "purchase" and entry.id > checkout.ledger_mark and entry.delta == checkout.pack.credits:
                return entry
        return None

    # -- projects and renders -------------------------------------------------------------------

    def create_project(self, name: str) -> str:
        return str(self.call("POST", "/projects", json={"name": name[:200] or "Untitled film"}).json()["id"])

    def project_exists(self, project_id: str) -> bool:
        try:
            self.call("GET", f"/projects/{project_id}")
        except FarmRefused as error:
            if error.status == 404:
                return False
            raise
        return True

    def upload_version(self, project_id: str, bundle: bytes) -> int:
        response = self.call(
            "POST", f"/projects/{project_id}/versions", content=bundle, headers={"Content-Type": "application/zip"}
        )
        return int(response.json()["number"])

    def estimate(self, project_id: str, version: int) -> Estimate:
        body = self.call("GET", f"/projects/{project_id}/versions/{version}/estimate").json()
        return Estimate(**{name: int(body[name]) for name in Estimate.__dataclass_fields__})

    def submit(self, submission: Submission) -> RenderJob:
        """Submit a render; sending the same submission again returns the same job, charged once."""
        body: dict[str, Any] = {}
        if submission.expected_credits is not None:
            body["expected_credits"] = submission.expected_credits
        response = self.call(
            "POST",
            f"/projects/{submission.project_id}/versions/{submission.version}/renders",
            json=body,
            headers={"Idempotency-Key": submission.key},
        )
        return RenderJob.from_json(response.json())

    def renders(self) -> list[RenderJob]:
        """Every render of every project the user can see, newest first."""
        jobs: list[RenderJob] = []
        for project in self.call("GET", "/projects").json():
            for item in self.call("GET", f"/projects/{project['id']}/renders").json():
                jobs.append(RenderJob.from_json(item, film_title=str(project["name"])))
        return sorted(jobs, key=lambda job: job.created_at, reverse=True)

    def render(self, job_id: str, film_title: str = "") -> RenderJob:
        return RenderJob.from_json(self.call("GET", f"/renders/{job_id}").json(), film_title)

    def cancel(self, job_id: str, film_title: str = "") -> RenderJob:
        return RenderJob.from_json(self.call("POST", f"/renders/{job_id}/cancel").json(), film_title)

    def download(
        self,
        job_id: str,
        path: Path,
        progress: Callable[[int, int], None] = lambda done, total: None,
        stop: threading.Event | None = None,
    ) -> Path:
        """Fetch the finished film to ``path`` (through a ``.partial`` file, so a broken download leaves nothing)."""
        url = str(self.call("GET", f"/renders/{job_id}/download").json()["url"])
        partial = path.with_name(path.name + ".partial")
        try:
            with self._http.stream("GET", url) as response:
                if response.status_code >= 400:
                    self._check(_read(response))
                total = int(response.headers.get("content-length") or 0)
                done = 0
                with partial.open("wb") as handle:
                    for chunk in response.iter_bytes(1 << 16):
                        if stop is not None and stop.is_set():
                            raise FarmClientError("Download stopped.")
                        handle.write(chunk)
                        done += len(chunk)
                        progress(done, total)
            partial.replace(path)
        except httpx.TransportError as error:
            why = why_unreachable(error)
            raise FarmUnreachable(f"The download from {self.url} failed: {why}; try again.") from None
        except OSError as error:
            raise FarmClientError(f"Cannot save the film to {path}: {error.strerror or error}") from None
        finally:
            partial.unlink(missing_ok=True)
        return path

    # -- notifications --------------------------------------------------------------------------

    def notifications(self, limit: int = 50) -> tuple[list[Notification], int]:
        body = self.call("GET", "/notifications", params={"limit": limit}).json()
        return [Notification.from_json(item) for item in body["items"]], int(body["unread"])

    def mark_read(self, notification_id: str) -> None:
        self.call("POST", f"/notifications/{notification_id}/read")

    def mark_all_read(self) -> int:
        return int(self.call("POST", "/notifications/read-all").json()["marked"])

    def notification_stream(
        self,
        last_event_id: str = "",
        stop: threading.Event | None = None,
        opened: Callable[[], None] = lambda: None,
    ) -> Iterator[Notification]:
        """New notifications as the farm pushes them (server-sent events); ends when the stream does.

        Like :meth:`call`, a sign-in the farm refuses (its access token ended early) is renewed once.
        """
        tokens = self._access_token()
        timeout = httpx.Timeout(10.0, read=40.0)  # the farm sends a keep-alive every 15 s
        try:
            for attempt in range(2):
                headers = {"Authorization": f"Bearer {tokens.access_token}", "Accept": "text/event-stream"}
                if last_event_id:
                    headers["Last-Event-ID"] = last_event_id
                with self._http.stream("GET", "/notifications/stream", headers=headers, timeout=timeout) as response:
                    if response.status_code == 401 and not attempt:
                        response.read()
                        with self._lock:
                            tokens = self._renew_locked(tokens)
                        continue
                    if response.status_code >= 400:
                        self._check(_read(response))
                    opened()
                    yield from _events(response.iter_lines(), stop)
                    return
        except httpx.TransportError as error:
            raise FarmUnreachable(f"The farm's notification stream stopped: {why_unreachable(error)}.") from None


def _read(response: httpx.Response) -> httpx.Response:
    response.read()
    return response


def _events(lines: Iterator[str], stop: threading.Event | None) -> Iterator[Notification]:
    """``notification`` events from server-sent-event lines (comments and keep-alives skipped)."""
    event, data = "", list[str]()
    for line in lines:
        if stop is not None and stop.is_set():
            return
        if not line:
            if event == "notification" and data:
                try:
                    item = Notification.from_json(json.loads("\n".join(data)))
                except (ValueError, KeyError):
                    item = None  # a malformed event is skipped, the stream goes on
                if item is not None:
                    yield item
            event, data = "", list[str]()
        elif line.startswith(":"):
            continue
        else:
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "event":
                event = value
            elif name == "data":
                data.append(value)
