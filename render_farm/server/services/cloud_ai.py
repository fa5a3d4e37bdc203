"""Cloud AI: story breakdown and character design on the farm, with the desktop's providers.

The providers are built once per process from the farm's environment
(``ProviderSettings.from_env()``: built-in offline ones unless ``AISTUDIO_WRITER=http`` and so on).
A breakdown is free; designing characters costs :data:`CHARACTER_CREDITS` each.

A design request is charged *before* the designer runs, in one short transaction that also claims
its ``Idempotency-Key`` (a record with no answer yet), so two requests can never both spend the
same credits and repeats of the request wait for the first answer instead of designing again. If
the designer fails, the request that holds the claim gives the charge back (a ``release`` entry)
and drops the claim, in one transaction: exactly once, and the key may then be used again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from render_farm.ai.protocols import BreakdownRequest, ProviderError, Providers
from render_farm.ai.registry import ProviderSettings, make_providers
from render_farm.film import Film, dumps
from render_farm.film.bundle import unsafe_art
from render_farm.film.paths import contained
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import CreditLedgerEntry, IdempotencyRecord, LedgerKind, ProjectVersion, User
from render_farm.server.errors import Conflict, InvalidInput, ProviderFailed
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import Storage

from . import ledger, projects
from .access import Need, require_project
from .renders import IDEMPOTENCY_TTL, Submission, check_idempotency_key
from .tx import begin_write

CHARACTER_CREDITS = 10
DESIGN_STALL = timedelta(minutes=15)
"""A design claim unanswered this long belongs to a request that died: the reaper gives it back."""
REPEAT_WAIT_SECONDS = 120.0
"""How long a repeat of a design request waits for the first one's answer before a 409."""
_POLL_SECONDS = 0.05
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DesignEstimate:
    characters: int
    credits_per_character: int

    @property
    def total(self) -> int:
        return self.characters * self.credits_per_character


def estimate(characters: int) -> DesignEstimate:
    return DesignEstimate(characters=characters, credits_per_character=CHARACTER_CREDITS)


def _failure(error: Exception, provider: str) -> str:
    """One line for the client about a provider that failed. Its own refusal (ProviderError) or an
    answer that is not a valid film (ValueError) is its message; anything else is a bug in it, told
    as an error id, with the traceback under that id in the log."""
    if isinstance(error, ProviderError | ValueError):
        text = str(error).strip().splitlines()
        return text[0] if text else type(error).__name__
    error_id = uuid.uuid4().hex[:16]
    log.error("the %s failed unexpectedly: error %s", provider, error_id, exc_info=error)
    return f"it failed unexpectedly; it is logged as error {error_id}"


class CloudAI:
    """The farm's story writer and character designer, and the charging around them."""

    def __init__(self, providers: Providers) -> None:
        self.providers = providers

    # -- breakdown (free) ---------------------------------------------------------------------

    def breakdown(self, request: BreakdownRequest) -> Film:
        """The writer's film; :class:`ProviderFailed` (502) with its one-line message if it fails."""
        try:
            return self.providers.writer.breakdown(request)
        except Exception as error:  # ValueError: it answered a film that is not valid
            reason = _failure(error, "story writer")
            raise ProviderFailed(f"story writer ({self.providers.writer.name}): {reason}") from None

    def breakdown_into_project(
        self,
        session: Session,
        settings: FarmSettings,
        storage: Storage,
        user_id: uuid.UUID,
        project_id: uuid.UUID,
        request: BreakdownRequest,
    ) -> tuple[Film, ProjectVersion]:
        """Break down, then store the film as the project's next version (the caller must be able
        to change the project; that is checked before the writer runs and again when storing)."""
        require_project(session, user_id, project_id, Need.write)
        session.rollback()  # no transaction stays open while the writer works
        film = self.breakdown(request)
        body = dumps(film).encode("utf-8")
        version = projects.upload_version(session, settings, storage, user_id, project_id, body, "application/json")
        return film, version

    # -- character design (charged) -----------------------------------------------------------

    def design(self, session: Session, user_id: uuid.UUID, key: str, film: Film, only: list[str] | None) -> Submission:
        """Charge, design the chosen cast members (all when ``only`` is None), and answer with the
        film; a repeated ``key`` replays the first answer, the same key with another body is 422."""
        key = check_idempotency_key(key)
        _check_art_names(film)
        chosen = _chosen(film, only)
        cost = estimate(len(chosen)).total
        digest = _request_hash(film, only)
        replay = self._claim(session, user_id, key, digest, cost, len(chosen))
        if replay is not None:
            return replay
        try:
            designed, art = self._run_designer(film, set(chosen))
        except BaseException as error:
            self._give_back(session, user_id, key, cost)
            if isinstance(error, Exception):
                reason = _failure(error, "character designer")
                name = self.providers.designer.name
                raise ProviderFailed(f"character designer ({name}): {reason}; nothing was charged") from None
            raise
        begin_write(session)
        balance = ledger.balance(session, user_id)
        body = {
            "film": designed.model_dump(mode="json"),
            "designed": chosen,
            "credits_charged": cost,
            "balance": balance,
            "art": art,
        }
        record = _record(session, user_id, key)
        if record is None or record.response_status is not None:
            # The claim outlived DESIGN_STALL and was given back by the reaper: nothing was charged.
            session.rollback()
            raise Conflict("the character design took too long and its credits were returned; send it again")
        record.response_status = 200
        record.response_body = body
        session.commit()
        return Submission(200, body, replayed=False)

    def _claim(
        self, session: Session, user_id: uuid.UUID, key: str, digest: str, cost: int, characters: int
    ) -> Submission | None:
        """Charge and claim the key, or return the stored answer of an earlier identical request
        (waiting for it while that request is still designing)."""
        deadline = time.monotonic() + REPEAT_WAIT_SECONDS
        while True:
            begin_write(session)
            session.execute(select(User.id).where(User.id == user_id).with_for_update())
            now = utcnow()
            record = _record(session, user_id, key)
            if record is not None and record.expires_at <= now:
                session.delete(record)
                session.flush()
                record = None
            if record is None:
                break
            if record.request_hash != digest:
                raise InvalidInput(
                    "Idempotency-Key: this key was already used for a different request; send a new key for a new one"
                )
            if record.response_status is not None and record.response_body is not None:
                session.commit()
                return Submission(record.response_status, record.response_body, replayed=True)
            session.rollback()
            if time.monotonic() > deadline:
                raise Conflict("a request with this Idempotency-Key is still being designed; repeat it in a while")
            time.sleep(_POLL_SECONDS)
        claim = IdempotencyRecord(user_id=user_id, key=key, request_hash=digest, expires_at=now + IDEMPOTENCY_TTL)
        session.add(claim)
        session.flush()
        if cost:
            # InsufficientCredits (402, with the shortfall) rolls back the claim too: nothing was done.
            note = f"character design: {characters} {_tag(claim)}"
            ledger.append(session, user_id, -cost, LedgerKind.design, note=note)
        session.commit()
        return None

    def _give_back(self, session: Session, user_id: uuid.UUID, key: str, cost: int) -> None:
        """Undo a claim whose design failed: the charge comes back and the key is free again."""
        session.rollback()
        begin_write(session)
        session.execute(select(User.id).where(User.id == user_id).with_for_update())
        record = _record(session, user_id, key)
        if record is not None and record.response_status is None:
            _release(session, record, "character design failed")
        session.commit()

    def _run_designer(self, film: Film, chosen: set[str]) -> tuple[Film, dict[str, str]]:
        """The designed film and any art the designer drew (base64 PNG by the path the cast names)."""
        if not chosen:
            return film, {}
        with tempfile.TemporaryDirectory(prefix="farm-design-") as folder:
            designed = self.providers.designer.design(film, assets_dir=Path(folder), only=chosen)
            art: dict[str, str] = {}
            for member in designed.cast:
                if member.id in chosen and member.art:
                    # Only what the designer drew in its own folder is sent back: the name comes
                    # from the film, and the film comes from the client.
                    path = contained(Path(folder), member.art, inside="the designer's folder")
                    if path.is_file():
                        art[member.art] = base64.b64encode(path.read_bytes()).decode("ascii")
        return designed, art


def _tag(claim: IdempotencyRecord) -> str:
    """How a design's ledger entries name the claim they belong to."""
    return f"[claim {claim.id}]"


def _release(session: Session, claim: IdempotencyRecord, reason: str) -> None:
    """Give back what an unanswered claim was charged and drop the claim (the caller holds the
    user's row lock, and has checked that the claim is still unanswered: so this runs once)."""
    charge = session.scalar(
        select(CreditLedgerEntry).where(
            CreditLedgerEntry.user_id == claim.user_id,
            CreditLedgerEntry.kind == LedgerKind.design,
            CreditLedgerEntry.note.endswith(_tag(claim)),
        )
    )
    if charge is not None and charge.delta < 0:
        note = f"returned: {reason} {_tag(claim)}"
        ledger.append(session, claim.user_id, -charge.delta, LedgerKind.release, note=note)
    session.delete(claim)


def release_stalled(factory: sessionmaker[Session], now: datetime | None = None) -> int:
    """Give back the charge of design claims left unanswered for :data:`DESIGN_STALL` (the API
    process that held them died mid-design); returns how many. Run by the reaper."""
    cutoff = (now or utcnow()) - DESIGN_STALL
    released = 0
    with factory() as session:
        stalled = session.execute(
            select(IdempotencyRecord.user_id, IdempotencyRecord.key).where(
                IdempotencyRecord.response_status.is_(None), IdempotencyRecord.created_at < cutoff
            )
        ).all()
        session.rollback()  # the look was read-only; each claim is given back in its own write
        for user_id, key in stalled:
            begin_write(session)
            session.execute(select(User.id).where(User.id == user_id).with_for_update())
            record = _record(session, user_id, key)
            if record is not None and record.response_status is None and record.created_at < cutoff:
                _release(session, record, "character design did not finish")
                released += 1
            session.commit()
    return released


def _check_art_names(film: Film) -> None:
    """422 for a cast member whose ``art`` is not a plain path inside the film's bundle."""
    problem = unsafe_art(film)
    if problem:
        raise InvalidInput(f"film.{problem}")


def _chosen(film: Film, only: list[str] | None) -> list[str]:
    """The ids to design, in cast order; 422 for ids not in the cast."""
    ids = [member.id for member in film.cast]
    if only is None:
        return ids
    unknown = sorted(set(only) - set(ids))
    if unknown:
        raise InvalidInput(f"only: no cast member with id {', '.join(repr(u) for u in unknown)} in the film")
    return [member_id for member_id in ids if member_id in set(only)]


def _request_hash(film: Film, only: list[str] | None) -> str:
    canonical = json.dumps(
        {"route": "ai/characters", "film": film.model_dump(mode="json"), "only": sorted(set(only)) if only else only},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _record(session: Session, user_id: uuid.UUID, key: str) -> IdempotencyRecord | None:
    return session.scalar(
        select(IdempotencyRecord)
        .where(IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key)
        .execution_options(populate_existing=True)
    )


@cache
def from_environment() -> CloudAI:
    """The process's providers, as the farm's environment chooses them (made on first use)."""
    return CloudAI(make_providers(ProviderSettings.from_env()))
