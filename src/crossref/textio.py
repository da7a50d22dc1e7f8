"""Turning raw bytes into article text, and splitting off a YAML front-matter block.

Both functions keep the text exactly as the file has it (no newline translation, no
stripping) apart from a leading byte-order mark, because later stages store character
offsets into it.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime
from typing import Any

import charset_normalizer
import yaml

from crossref.errors import SourceError

BINARY = "binary file, not text"
UNDECODABLE = "cannot decode text (not UTF-8, encoding not recognised)"
EMPTY = "empty file"

# Control bytes that plain text does not contain (tab, newlines, form feed, escape are allowed).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_CONTROL_SHARE = 0.05  # above this share of control characters a file is not text
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# When the detector's best guess is a near tie with Windows-1252, the latter wins: it is by far
# the most common legacy encoding of news text (and a superset of Latin-1's printable range).
_CP1252_TIE = 0.03


class FrontMatterError(ValueError):
    """A ``---`` front-matter block is present but unusable (bad YAML, not a mapping, unclosed)."""


def decode_bytes(data: bytes, source: str, *, encoding: str | None = None, hint: str | None = None) -> str:
    """Decode a file's bytes to text, or raise :class:`SourceError` naming ``source``.

    Tried in turn: a declared ``encoding`` (e.g. an HTTP charset), a UTF-32/16 BOM, UTF-8
    (BOM stripped), a ``hint`` (e.g. an HTML meta charset), charset-normalizer's best guess.
    NUL bytes or a high share of control characters mean a binary file; blank content
    means an empty file.
    """
    if not data.strip():
        raise SourceError(source, EMPTY)
    text = _decode_declared(data, encoding) if encoding else None
    if text is None:
        text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data or _control_share(data) > _CONTROL_SHARE:
            raise SourceError(source, BINARY)
        text = _decode_utf8(data)
    if text is None and hint:
        text = _decode_declared(data, hint)
    if text is None:
        text = _decode_detected(data)
        if text is None or _control_char_share(text) > _CONTROL_SHARE:
            raise SourceError(source, UNDECODABLE)
    if "\x00" in text or _control_char_share(text) > _CONTROL_SHARE:
        raise SourceError(source, BINARY)
    if not text.strip():
        raise SourceError(source, EMPTY)
    return text


def _decode_declared(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return text.removeprefix("\ufeff")


def _decode_with_bom(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _decode_detected(data: bytes) -> str | None:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence - _CP1252_TIE
        ):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)


def _control_share(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _control_char_share(text: str) -> float:
    return len(_CONTROL_CHARS.findall(text)) / len(text) if text else 0.0


# ------------------------------------------------------------------------------- front matter

_FENCE = re.compile(r"---[ \t]*(?:\r\n|\n|\r|\Z)")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a leading ``---``-fenced YAML block from ``text``.

    Returns ``(metadata, body)``; ``body`` starts right after the closing ``---`` line's
    newline and is otherwise unchanged. Without a block: ``({}, text)``. Raises
    :class:`FrontMatterError` for an unclosed block, invalid YAML or a non-mapping.
    """
    opening = _FENCE.match(text)
    if opening is None:
        return {}, text
    pos = opening.end()
    while pos < len(text):
        closing = _FENCE.match(text, pos)
        if closing is not None:
            return _parse_yaml(text[opening.end() : pos]), text[closing.end() :]
        newline = _next_line(text, pos)
        if newline < 0:
            break
        pos = newline
    raise FrontMatterError("front matter is not closed (no closing --- line)")


def _next_line(text: str, pos: int) -> int:
    """Index just past the line break after ``pos``, or -1 at the last line."""
    match = _LINE_BREAK.search(text, pos)
    return match.end() if match else -1


def _parse_yaml(block: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +1 for 1-based, +1 for the fence
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"malformed front matter{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("malformed front matter: not a mapping of keys to values")
    return {str(key): value for key, value in data.items()}


def iso_date(value: object) -> str | None:
    """``value`` (a date, datetime or ISO string) as YYYY-MM-DD; None if absent or blank.

    Raises :class:`ValueError` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        raw = value.strip()
        if not raw:
            return None
        for parse in (date.fromisoformat, datetime.fromisoformat):
            try:
                parsed = parse(raw)
            except ValueError:
                continue
            return (parsed.date() if isinstance(parsed, datetime) else parsed).isoformat()
    raise ValueError(f"{value!r} is not a date like 2024-05-31")
