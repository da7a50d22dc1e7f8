"""Fetching one http(s) URL with firm limits, turning every failure into one clear SourceError."""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crossref import __version__
from crossref.errors import CrossrefError, SourceError

if TYPE_CHECKING:
    import httpx  # imported when a URL is read: it takes a tenth of a second to load

DEFAULT_MAX_BYTES = 50_000_000
MAX_BYTES_ENV = "CROSSREF_MAX_BYTES"
DEFAULT_MAX_CHARS = 2_000_000
MAX_CHARS_ENV = "CROSSREF_MAX_ARTICLE_CHARS"
USER_AGENT = f"crossref/{__version__} (news statement cross-referencing command-line tool)"

# Media type -> how the body is read.
CONTENT_KINDS: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/json": "json",
    "text/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl",
}
_ACCEPT = "text/html, text/plain, application/json;q=0.9, */*;q=0.1"
_SUFFIX_KINDS = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".md": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
}


def _env_number(name: str, default: int, unit: str) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw.replace(",", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise CrossrefError(f"{name} must be a positive whole number of {unit}, not {raw!r}")
    return value


def _env_max_bytes() -> int:
    return _env_number(MAX_BYTES_ENV, DEFAULT_MAX_BYTES, "bytes")


def _env_max_chars() -> int:
    return _env_number(MAX_CHARS_ENV, DEFAULT_MAX_CHARS, "characters")


@dataclass
class Limits:
    """Limits on reading one source.

    ``max_bytes`` caps the size of any one file, URL body or standard input (of each line of
    a JSON Lines file, which is read line by line): 50,000,000 bytes (about 50 MB) unless the
    environment variable ``CROSSREF_MAX_BYTES`` says otherwise.
    ``max_chars`` caps the text of one article (after HTML or JSON is read): 2,000,000
    characters (a long book; news stories are a few thousand) unless ``CROSSREF_MAX_ARTICLE_CHARS``
    says otherwise, so that a text which is no news article cannot keep an ingest busy for hours.
    ``timeout`` (seconds) bounds each network step and the whole download of one URL;
    ``max_redirects`` caps redirects followed per URL.
    """

    max_bytes: int = field(default_factory=_env_max_bytes)
    max_chars: int = field(default_factory=_env_max_chars)
    timeout: float = 20.0
    max_redirects: int = 5


def too_large(limits: Limits) -> str:
    """The tail of every "too large" message, e.g. "larger than the 50,000,000-byte limit (...)"."""
    return f"larger than the {limits.max_bytes:,}-byte limit ({MAX_BYTES_ENV})"


@dataclass
class FetchedPage:
    """A successfully downloaded response body."""

    url: str  # final URL, after redirects
    kind: str  # html, text, markdown, json, jsonl
    media_type: str
    charset: str | None
    body: bytes


def is_url(spec: str) -> bool:
    """True for anything that looks like ``scheme://...`` (not only http)."""
    scheme, sep, _ = spec.partition("://")
    return (
        bool(sep)
        and scheme.isascii()
        and scheme[:1].isalpha()
        and all(ch.isalnum() or ch in "+.-" for ch in scheme)
    )


def fetch_url(url: str, limits: Limits, *, client: httpx.Client | None = None) -> FetchedPage:
    """Download ``url`` (http/https only) within ``limits``; raise SourceError(url, problem)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(url, f"unsupported URL scheme {scheme!r} (only http and https)")
    if client is None:
        with new_client(limits) as own:
            return _fetch(own, url, limits)
    return _fetch(client, url, limits)


def new_client(limits: Limits) -> httpx.Client:
    """An httpx client with crossref's User-Agent, timeout and redirect cap."""
    import httpx

    return httpx.Client(
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        timeout=httpx.Timeout(limits.timeout),
        headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
    )


def _fetch(client: httpx.Client, url: str, limits: Limits) -> FetchedPage:
    import httpx

    deadline = time.monotonic() + limits.timeout
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise SourceError(url, f"HTTP {response.status_code} {reason}")
            media_type, charset = _content_type(response.headers.get("content-type", ""))
            kind = CONTENT_KINDS.get(media_type) or _json_suffix_kind(media_type)
            if kind is None and not media_type:
                kind = _SUFFIX_KINDS.get(os.path.splitext(urlsplit(str(response.url)).path)[1].lower())
            if kind is None:
                shown = media_type or "(none given)"
                raise SourceError(url, f"unsupported content type {shown}")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > limits.max_bytes:
                raise SourceError(url, f"response is {int(length):,} bytes, {too_large(limits)}")
            body = _read_capped(response, url, limits, deadline)
            return FetchedPage(str(response.url), kind, media_type, charset, body)
    except httpx.TooManyRedirects:
        raise SourceError(url, f"too many redirects (more than {limits.max_redirects})") from None
    except httpx.ConnectTimeout:
        raise SourceError(url, f"connection timed out after {limits.timeout:g} seconds") from None
    except httpx.TimeoutException:
        raise SourceError(url, f"timed out after {limits.timeout:g} seconds") from None
    except httpx.ConnectError as exc:
        raise SourceError(url, _connect_problem(exc, url)) from None
    except httpx.UnsupportedProtocol as exc:
        raise SourceError(url, f"unsupported URL: {exc}") from None
    except httpx.InvalidURL as exc:
        raise SourceError(url, f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise SourceError(url, f"request failed: {exc or type(exc).__name__}") from None


def _read_capped(response: httpx.Response, url: str, limits: Limits, deadline: float) -> bytes:
    """The body, refusing it as soon as it passes ``max_bytes`` or the overall deadline."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise SourceError(url, f"response is {too_large(limits)}")
        if time.monotonic() > deadline:
            raise SourceError(url, f"timed out after {limits.timeout:g} seconds (download too slow)")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _json_suffix_kind(media_type: str) -> str | None:
    return "json" if media_type.endswith("+json") else None


def _connect_problem(exc: httpx.ConnectError, url: str) -> str:
    host = urlsplit(url).hostname or url
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host {host} (DNS lookup failed)"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {host}"
        cause = cause.__cause__ or cause.__context__
    return f"cannot connect to {host}: {exc}"
