"""Stable seeds: the one source of run-to-run and machine-to-machine repeatable randomness."""

from __future__ import annotations

import hashlib

__all__ = ["stable_seed"]


def stable_seed(*parts: object) -> int:
    """A 31-bit seed from ``parts`` that is the same on every run and machine (unlike ``hash()``)."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF
