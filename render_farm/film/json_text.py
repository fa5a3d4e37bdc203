"""Parsing JSON that comes from outside (a film spec file, a bundle's ``film.json``, a request
body): plain JSON and nothing a database, an encoder or a JSON reader elsewhere would choke on.

Python's own parser accepts more than JSON (``NaN``, ``Infinity``), turns 5000-digit numbers into
a ``ValueError`` and deep nesting into a ``RecursionError``, and lets lone UTF-16 surrogates
(``"\\ud800"``) through, which no UTF-8 encoder can write back. :func:`parse_json` refuses all of
these with one :class:`JSONTextError` whose message says what is wrong.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64
"""Nesting deeper than this is refused; a film spec is about six levels deep."""
MAX_INT = 2**63 - 1
_MAX_INT_DIGITS = len(str(MAX_INT))
_EXACT_FLOAT_INTS = 2**53


class JSONTextError(ValueError):
    """Text that is not plain JSON; the message says why."""


class _Refused(Exception):
    """Raised from inside the parser's hooks (which must not raise a ValueError of their own)."""


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS or abs(value := int(text)) > MAX_INT:
        raise _Refused(f"the number {text[:24]}... is too large (whole numbers stop at {MAX_INT})")
    return value


def _real(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text[:24]}... is too large")
    return value


def _constant(text: str) -> Any:
    raise _Refused(f"{text} is not a JSON value")


def _encodable(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_tree(value: Any, max_depth: int) -> None:
    """Depth and lone surrogates, without recursion (the tree may be as deep as the parser allows)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if not _encodable(item):
                raise JSONTextError("a string holds a lone UTF-16 surrogate (a broken character)")
        elif isinstance(item, dict | list):
            if depth > max_depth:
                raise JSONTextError(f"nested more than {max_depth} levels deep")
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)


def parse_json(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """The value ``text`` (UTF-8 when bytes) holds; :class:`JSONTextError` if it is not plain JSON."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise JSONTextError(f"not UTF-8 text (byte {error.start})") from None
    try:
        value = json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JSONTextError(f"{error.msg} at line {error.lineno}, column {error.colno}") from None
    except _Refused as error:
        raise JSONTextError(str(error)) from None
    except RecursionError:
        raise JSONTextError(f"nested more than {max_depth} levels deep") from None
    _check_tree(value, max_depth)
    return value


def whole_numbers(value: Any) -> Any:
    """``value`` with each float that is a whole number (``5.0``) as an int. JSON has one number
    type and JSON Schema counts 5.0 as an integer, so a strict reader that takes JSON's types as
    they are (``false`` is no number) must still take 5.0 where a whole number belongs."""
    if isinstance(value, float) and value.is_integer() and abs(value) <= _EXACT_FLOAT_INTS:
        return int(value)
    if isinstance(value, dict):
        return {key: whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [whole_numbers(item) for item in value]
    return value
