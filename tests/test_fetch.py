"""Reading URLs against a real HTTP server on 127.0.0.1 (no mock transport)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crossref.errors import SourceError
from crossref.fetch import USER_AGENT, Limits, fetch_url, is_url
from crossref.models import ArticleInput
from crossref.sources import SourceDefaults, iter_sources

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service resumes | Lake Courier</title>
<meta property="og:site_name" content="Lake Courier">
<meta property="og:title" content="Ferry service resumes">
<meta property="article:published_time" content="2024-06-01T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/jobs">Jobs</a></nav>
<article><h1>Ferry service resumes</h1>
<p>The lake ferry resumed its regular timetable on Saturday after a week of storms, the operator said.</p>
<p>“Every crossing today left on time,” operations manager Paul Berg said at the pier in the morning.</p>
</article>
<footer>Lake Courier · Contact us · Privacy policy</footer>
</body></html>"""
PLAIN = "Harbour master says the channel is open again.\r\n\r\nShips queued overnight.\r\n"
LATIN = "Le capitaine a déclaré que le chenal était rouvert.\n"

STOP = threading.Event()  # tells slow handlers to give up when the test server shuts down


class Handler(BaseHTTPRequestHandler):
    """Routes for every case the URL reader has to handle."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(
        self, status: int, body: bytes, content_type: str | None, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        routes = {
            "/article.html": lambda: self._send(200, PAGE.encode(), "text/html; charset=utf-8"),
            "/plain.txt": lambda: self._send(200, PLAIN.encode(), "text/plain; charset=utf-8"),
            "/latin": lambda: self._send(200, LATIN.encode("latin-1"), "text/plain; charset=ISO-8859-1"),
            "/nocharset": lambda: self._send(200, LATIN.encode("cp1252") * 3, "text/plain"),
            "/feed": lambda: self._send(200, self._feed(), "application/x-ndjson"),
            "/one.json": lambda: self._send(200, b'{"text": "JSON said."}', "application/json"),
            "/ua": lambda: self._send(200, self.headers.get("User-Agent", "").encode(), "text/plain"),
            "/missing": lambda: self._send(404, b"gone", "text/plain"),
            "/broken": lambda: self._send(500, b"oops", "text/html"),
            "/image.png": lambda: self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
            "/untyped": lambda: self._send(200, b"no type", None),
            "/empty": lambda: self._send(200, b"", "text/plain"),
            "/moved": lambda: self._send(301, b"", "text/plain", {"Location": "/plain.txt"}),
            "/loop-a": lambda: self._send(302, b"", "text/plain", {"Location": "/loop-b"}),
            "/loop-b": lambda: self._send(302, b"", "text/plain", {"Location": "/loop-a"}),
            "/declared-huge": lambda: self._send(200, b"x" * 5000, "text/plain"),
            "/slow": self._slow,
            "/endless": self._endless,
            "/trickle": self._trickle,
        }
        route = routes.get(self.path.split("?")[0])
        if route is None:
            self._send(404, b"no route", "text/plain")
        else:
            route()

    def _feed(self) -> bytes:
        lines = [json.dumps({"text": "Feed one said.", "url": "https://www.lake.example/1"}), "{broken"]
        return ("\n".join(lines) + "\n").encode()

    def _slow(self) -> None:
        STOP.wait(3)  # far beyond the test's timeout; returns at once on shutdown

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"endless text " * 1000
        for _ in range(2000):  # bounded: at most ~26 MB, the client hangs up long before
            if STOP.is_set():
                return
            try:
                self.wfile.write(chunk)
            except OSError:
                return

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(40):  # one byte every 50 ms: each read is quick, the whole is slow
            if STOP.wait(0.05):
                return
            try:
                self.wfile.write(b"a")
                self.wfile.flush()
            except OSError:
                return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    STOP.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def read(*urls: str, limits: Limits | None = None, defaults: SourceDefaults | None = None) -> list[object]:
    return list(
        iter_sources(
            list(urls),
            defaults=defaults or SourceDefaults(),
            limits=limits or Limits(max_bytes=1_000_000, timeout=2, max_redirects=3),
        )
    )


def article(url: str, **kw: object) -> ArticleInput:
    items = read(url, **kw)  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], ArticleInput), items
    return items[0]


def problem(url: str, **kw: object) -> str:
    items = read(url, **kw)  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], SourceError), items
    assert items[0].source == url
    return items[0].problem


def test_html_page(server: str) -> None:
    got = article(f"{server}/article.html")
    assert got.source == f"{server}/article.html"
    assert (got.title, got.outlet, got.published, got.format) == (
        "Ferry service resumes",
        "Lake Courier",
        "2024-06-01",
        "url",
    )
    assert "operations manager Paul Berg said" in got.text
    assert "Privacy policy" not in got.text and "Jobs" not in got.text
    assert got.url == f"{server}/article.html"


def test_text_page_exact_and_outlet_from_host(server: str) -> None:
    got = article(f"{server}/plain.txt")
    assert got.text == PLAIN  # CRLF kept
    assert got.title == "Harbour master says the channel is open again."
    assert got.outlet == "127.0.0.1"
    assert article(f"{server}/plain.txt", defaults=SourceDefaults(outlet="Given")).outlet == "Given"


def test_charset_from_header_and_from_detector(server: str) -> None:
    assert article(f"{server}/latin").text == LATIN
    assert article(f"{server}/nocharset").text == LATIN * 3


def test_json_lines_over_http(server: str) -> None:
    items = read(f"{server}/feed")
    assert isinstance(items[0], ArticleInput) and isinstance(items[1], SourceError)
    assert items[0].source == f"{server}/feed#1"
    assert items[0].url == "https://www.lake.example/1"
    assert items[1].source == f"{server}/feed:2"
    assert article(f"{server}/one.json").text == "JSON said."


def test_redirect_followed_and_user_agent(server: str) -> None:
    got = article(f"{server}/moved")
    assert got.text == PLAIN
    assert got.url == f"{server}/plain.txt"
    assert got.source == f"{server}/moved"
    assert "crossref" in USER_AGENT
    assert article(f"{server}/ua").text == USER_AGENT


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/image.png", "unsupported content type image/png"),
        ("/untyped", "unsupported content type (none given)"),
        ("/empty", "empty file"),
        ("/loop-a", "too many redirects (more than 3)"),
    ],
)
def test_http_failures(server: str, path: str, expected: str) -> None:
    assert problem(f"{server}{path}") == expected


def test_slow_endpoint_times_out(server: str) -> None:
    start = time.monotonic()
    assert problem(f"{server}/slow", limits=Limits(timeout=0.3)) == "timed out after 0.3 seconds"
    assert time.monotonic() - start < 2


def test_trickling_body_hits_the_overall_deadline(server: str) -> None:
    start = time.monotonic()
    assert "timed out after 0.4 seconds" in problem(f"{server}/trickle", limits=Limits(timeout=0.4))
    assert time.monotonic() - start < 1.5


def test_endless_body_stops_at_the_size_cap(server: str) -> None:
    expected = "response is larger than the 100,000-byte limit (CROSSREF_MAX_BYTES)"
    assert problem(f"{server}/endless", limits=Limits(max_bytes=100_000, timeout=2)) == expected


def test_declared_length_over_the_cap_refused_before_reading(server: str) -> None:
    expected = "response is 5,000 bytes, larger than the 1,000-byte limit (CROSSREF_MAX_BYTES)"
    assert problem(f"{server}/declared-huge", limits=Limits(max_bytes=1000)) == expected


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert problem(f"http://127.0.0.1:{port}/x") == "connection refused by 127.0.0.1"


def test_unresolvable_host() -> None:
    url = "http://no-such-host.crossref-test.invalid/story"
    assert problem(url) == "cannot resolve host no-such-host.crossref-test.invalid (DNS lookup failed)"


def test_only_http_schemes(server: str) -> None:
    assert problem("ftp://127.0.0.1/file.txt") == "unsupported URL scheme 'ftp' (only http and https)"
    assert problem("file:///etc/hostname") == "unsupported URL scheme 'file' (only http and https)"
    with pytest.raises(SourceError, match="unsupported URL scheme"):
        fetch_url("gopher://x/", Limits())
    assert is_url("https://a.example/") and not is_url("notes/a.txt") and not is_url("C:\\x.txt")


def test_failing_url_does_not_stop_the_others(server: str) -> None:
    items = read(f"{server}/missing", f"{server}/plain.txt", f"{server}/image.png", f"{server}/one.json")
    assert [type(i).__name__ for i in items] == ["SourceError", "ArticleInput", "SourceError", "ArticleInput"]
