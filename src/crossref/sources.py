"""Reading ``crossref ingest SOURCE...`` inputs (files, directories, URLs, stdin) as articles.

:func:`iter_sources` yields an :class:`ArticleInput` per article and a :class:`SourceError`
per input that fails; it never raises for one bad source, so the good ones still land.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from crossref.errors import SourceError
from crossref.fetch import MAX_CHARS_ENV, Limits, fetch_url, is_url, new_client, too_large
from crossref.models import ArticleInput
from crossref.textio import FrontMatterError, decode_bytes, iso_date, split_front_matter

if TYPE_CHECKING:
    import httpx

__all__ = ["SUFFIX_FORMATS", "STDIN_FORMATS", "Limits", "SourceDefaults", "iter_sources"]

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
STDIN_FORMATS = ("text", "markdown", "html", "json", "jsonl")
STDIN = "-"
TITLE_MAX = 150  # a title taken from the text's first line is cut to this many characters
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_DATE_PARAMS = {"original_date": True, "extensive_search": False}  # no dates guessed from footers


@dataclass
class SourceDefaults:
    """Command-line values (--title, --outlet, --published, --url) for what a source does not say."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None


Item = ArticleInput | SourceError


@dataclass
class _Reader:
    """State shared by one :func:`iter_sources` run."""

    defaults: SourceDefaults
    limits: Limits
    stdin_format: str
    stdin: IO[bytes] | IO[str] | None
    client: httpx.Client | None = None
    stdin_used: bool = False


def iter_sources(
    specs: list[str],
    *,
    stdin_format: str = "text",
    defaults: SourceDefaults,
    limits: Limits,
    stdin: IO[bytes] | IO[str] | None = None,
) -> Iterator[Item]:
    """Yield the articles of every source in ``specs``, in order, and a SourceError per failure.

    A spec is a file (.txt .md .html .htm .json .jsonl, anything else read as text), a
    directory (read recursively, sorted, hidden entries skipped), an http(s) URL, or ``-``
    for ``stdin`` (default ``sys.stdin.buffer``) read as ``stdin_format``.
    """
    reader = _Reader(defaults, limits, stdin_format, stdin)
    try:
        for spec in specs:
            yield from _guarded(spec, _read_spec(reader, spec))
    finally:
        if reader.client is not None:
            reader.client.close()


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass ``items`` on, turning an exception into one SourceError and stopping that source."""
    try:
        yield from items
    except SourceError as exc:
        yield exc
    except OSError as exc:
        yield SourceError(getattr(exc, "filename", None) or source, _os_problem(exc))
    except Exception as exc:  # a parser bug must not sink the other sources of the run
        yield SourceError(source, f"could not read: {type(exc).__name__}: {exc}")


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def _read_spec(reader: _Reader, spec: str) -> Iterator[Item]:
    if spec == STDIN:
        yield from _read_stdin(reader)
    elif is_url(spec):
        yield from _read_url(reader, spec)
    elif os.path.isdir(spec):
        yield from _read_directory(reader, spec)
    elif not os.path.lexists(spec):
        yield SourceError(spec, "no such file or directory")
    else:
        suffix = os.path.splitext(spec)[1].lower()
        yield from _read_file(reader, spec, SUFFIX_FORMATS.get(suffix, "text"))


# ------------------------------------------------------------------------------- inputs


def _read_file(reader: _Reader, path: str, kind: str) -> Iterator[Item]:
    if kind == "jsonl":
        yield from _stream_jsonl(reader, path)
        return
    max_bytes = reader.limits.max_bytes
    size = os.stat(path).st_size
    if size > max_bytes:
        raise SourceError(path, f"file is {size:,} bytes, {too_large(reader.limits)}")
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # a special file, or one that grew while being read
        raise SourceError(path, f"file is {too_large(reader.limits)}")
    yield from _parse(reader, data, path, kind)


def _read_directory(reader: _Reader, path: str) -> Iterator[Item]:
    found = False
    for entry in _walk(path, {os.path.realpath(path)}):
        if isinstance(entry, SourceError):
            yield entry
            continue
        found = True
        kind = SUFFIX_FORMATS[os.path.splitext(entry)[1].lower()]
        yield from _guarded(entry, _read_file(reader, entry, kind))
    if not found:
        kinds = " ".join(sorted(SUFFIX_FORMATS))
        yield SourceError(path, f"directory has no article files ({kinds})")


FOLDER_NOTES = {"README", "LICENSE", "CHANGELOG", "NOTES"}
"""Files in a directory that describe it rather than hold an article; skipped when walking."""


def _walk(path: str, seen: set[str]) -> Iterator[str | SourceError]:
    """Article files under ``path``, depth first in name order; hidden entries, loops and a
    folder's own notes (README, LICENSE, CHANGELOG) skipped."""
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield SourceError(path, _os_problem(exc))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.split(".")[0].upper() in FOLDER_NOTES:
            continue
        if entry.is_dir():
            real = os.path.realpath(entry.path)
            if real not in seen:
                seen.add(real)
                yield from _walk(entry.path, seen)
        elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in SUFFIX_FORMATS:
            yield entry.path


def _read_stdin(reader: _Reader) -> Iterator[Item]:
    if reader.stdin_format not in STDIN_FORMATS:
        known = ", ".join(STDIN_FORMATS)
        raise SourceError(STDIN, f"unknown format {reader.stdin_format!r} (one of {known})")
    if reader.stdin_used:
        raise SourceError(STDIN, "standard input given more than once")
    reader.stdin_used = True
    stream: IO[bytes] | IO[str] | None = reader.stdin if reader.stdin is not None else sys.stdin
    if stream is None:
        raise SourceError(STDIN, "no standard input")
    binary = getattr(stream, "buffer", None) or stream  # the bytes under a text stream, if any
    raw = binary.read(reader.limits.max_bytes + 1)
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > reader.limits.max_bytes:
        raise SourceError(STDIN, f"input is {too_large(reader.limits)}")
    if not data.strip():
        raise SourceError(STDIN, "empty input")
    yield from _parse(reader, data, STDIN, reader.stdin_format)


def _read_url(reader: _Reader, url: str) -> Iterator[Item]:
    if reader.client is None and urlsplit(url).scheme.lower() in ("http", "https"):
        reader.client = new_client(reader.limits)
    page = fetch_url(url, reader.limits, client=reader.client)
    yield from _parse(reader, page.body, url, page.kind, encoding=page.charset, fetched_url=page.url)


# ------------------------------------------------------------------------------- formats


def _parse(
    reader: _Reader,
    data: bytes,
    source: str,
    kind: str,
    *,
    encoding: str | None = None,
    fetched_url: str | None = None,
) -> Iterator[Item]:
    fmt = "url" if fetched_url is not None else kind
    if kind == "html":
        yield _html_article(reader, data, source, encoding, fetched_url)
        return
    text = decode_bytes(data, source, encoding=encoding)
    if kind in ("json", "jsonl"):
        yield from _json_articles(reader, text, source, kind, fetched_url)
        return
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as exc:
        raise SourceError(source, str(exc)) from None
    if not body.strip():
        raise SourceError(source, "no article text after the front matter")
    yield _article(reader, body, source, meta, fmt, markdown=kind == "markdown", url=fetched_url)


def _html_article(
    reader: _Reader, data: bytes, source: str, encoding: str | None, fetched_url: str | None
) -> ArticleInput:
    hint = _META_CHARSET.search(data[:4096])
    html = decode_bytes(data, source, encoding=encoding, hint=hint.group(1).decode("ascii") if hint else None)
    import trafilatura  # only when HTML is read: it takes a while to import

    doc = trafilatura.bare_extraction(
        html, url=fetched_url, with_metadata=True, date_extraction_params=dict(_DATE_PARAMS)
    )
    fields: dict[str, Any] = {}
    if isinstance(doc, dict):
        fields = doc
    elif doc is not None:
        fields = {name: getattr(doc, name, None) for name in ("text", "title", "sitename", "date", "url")}
    text = fields.get("text") or ""
    if not isinstance(text, str) or not text.strip():
        raise SourceError(source, "no article text found in the HTML page")
    # trafilatura puts one block per line; a blank line between blocks marks paragraphs as in .txt files
    body = "\n\n".join(line for line in text.split("\n") if line.strip())
    published = fields.get("date")
    try:
        published = iso_date(published)
    except ValueError:
        published = None  # a date trafilatura cannot vouch for is left out, not an error
    meta = {
        "title": fields.get("title"),
        "outlet": fields.get("sitename"),
        "published": published,
        "url": fields.get("url"),
    }
    return _article(reader, body, source, meta, "url" if fetched_url else "html", url=fetched_url)


def _json_articles(
    reader: _Reader, text: str, source: str, kind: str, fetched_url: str | None
) -> Iterator[Item]:
    fmt = "url" if fetched_url else "json"
    if kind == "jsonl":
        count = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                count += 1
                yield _jsonl_item(reader, line, source, number, fmt, fetched_url)
        if not count:
            yield SourceError(source, "no articles in the file")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise SourceError(source, f"invalid JSON at {where}: {exc.msg}") from None
    if isinstance(data, dict):
        yield _json_article(reader, data, source, source, fmt, fetched_url)
    elif isinstance(data, list):
        if not data:
            raise SourceError(source, "no articles in the JSON array")
        for index, obj in enumerate(data, start=1):
            name = f"{source}#{index}"
            try:
                yield _json_article(reader, obj, name, name, fmt, fetched_url)
            except SourceError as exc:
                yield exc
    else:
        raise SourceError(source, "JSON is neither an article object nor an array of them")


def _jsonl_item(
    reader: _Reader, line: str, source: str, number: int, fmt: str, fetched_url: str | None = None
) -> Item:
    """The article on line ``number`` of a JSON Lines source, or what is wrong with it."""
    where = f"{source}:{number}"
    try:
        return _json_article(reader, json.loads(line), where, f"{source}#{number}", fmt, fetched_url)
    except json.JSONDecodeError as exc:
        return SourceError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except SourceError as exc:
        return exc


def _stream_jsonl(reader: _Reader, path: str) -> Iterator[Item]:
    """A JSON Lines file read line by line, so that a year of coverage in one file is read in
    bounded memory; the size limit applies to each line (each article), not to the file."""
    max_bytes = reader.limits.max_bytes
    count = 0
    with open(path, "rb") as handle:
        for number in itertools.count(1):
            raw = handle.readline(max_bytes + 1)
            if not raw:
                break
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the oversized line
                count += 1
                yield SourceError(f"{path}:{number}", f"line is {too_large(reader.limits)}")
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                count += 1
                yield SourceError(f"{path}:{number}", f"not UTF-8 (byte {exc.start + 1} of the line)")
                continue
            if line.strip():
                count += 1
                yield _jsonl_item(reader, line, path, number, "json")
    if not count:
        yield SourceError(path, "no articles in the file")


def _json_article(
    reader: _Reader, obj: object, where: str, source: str, fmt: str, fetched_url: str | None
) -> ArticleInput:
    if not isinstance(obj, dict):
        raise SourceError(where, "not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SourceError(where, 'no "text" (a non-empty string) in the object')
    return _article(reader, text, source, obj, fmt, url=fetched_url, where=where)


# ------------------------------------------------------------------------------- metadata


def _article(
    reader: _Reader,
    text: str,
    source: str,
    meta: dict[str, Any],
    fmt: str,
    *,
    markdown: bool = False,
    url: str | None = None,
    where: str | None = None,
) -> ArticleInput:
    """Fill metadata: the source's own, else the command-line defaults, else derived values."""
    where = where or source
    defaults = reader.defaults
    if len(text) > reader.limits.max_chars:
        raise SourceError(
            where,
            f"article text is {len(text):,} characters, longer than the "
            f"{reader.limits.max_chars:,}-character limit ({MAX_CHARS_ENV})",
        )
    try:
        published = iso_date(meta.get("published", meta.get("date")))
    except ValueError as exc:
        raise SourceError(where, f"published: {exc}") from None
    article_url = _string(meta, "url", where) or url or defaults.url
    host = (urlsplit(article_url).hostname or "") if article_url else ""
    return ArticleInput(
        text=text,
        source=source,
        title=_string(meta, "title", where) or defaults.title or first_line_title(text, markdown=markdown),
        outlet=_string(meta, "outlet", where) or defaults.outlet or host.removeprefix("www.") or None,
        published=published or defaults.published,
        url=article_url,
        language=_string(meta, "language", where),
        format=fmt,
    )


def _string(meta: dict[str, Any], key: str, where: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        raise SourceError(where, f"{key}: expected text, got {type(value).__name__}")
    return value.strip() or None


def first_line_title(text: str, *, markdown: bool = False) -> str | None:
    """The first non-empty line, ``#``s removed for Markdown, cut to TITLE_MAX characters."""
    for line in text.splitlines():
        title = line.strip()
        if markdown:
            title = title.lstrip("#").strip()
        title = " ".join(title.split())
        if title:
            if len(title) <= TITLE_MAX:
                return title
            cut = title[: TITLE_MAX - 1]
            space = cut.rfind(" ")
            return (cut[:space] if space > TITLE_MAX // 2 else cut).rstrip(" ,;:-") + "…"
    return None
