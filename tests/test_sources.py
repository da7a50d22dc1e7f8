"""Reading local sources: files of each type, front matter, decoding, directories, stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from crossref.errors import CrossrefError, SourceError
from crossref.fetch import Limits
from crossref.models import ArticleInput
from crossref.sources import SourceDefaults, first_line_title, iter_sources
from crossref.textio import FrontMatterError, decode_bytes, split_front_matter

BODY = "The mayor said on Tuesday that the bridge would reopen.\n\n“It is safe,” she said.\n"
FRONT = (
    "---\ntitle: Bridge reopens\noutlet: City Wire\npublished: 2024-05-31\n"
    "url: https://www.citywire.example/a\nlanguage: en\n---\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bridge to reopen on Friday | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Bridge to reopen on Friday">
<meta property="article:published_time" content="2024-05-30T09:15:00+02:00">
</head><body>
<header><a href="/">Harbour Gazette</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>Bridge to reopen on Friday</h1>
<p>The harbour bridge will reopen to traffic on Friday after three weeks of repairs,
the city engineer said on Thursday.</p>
<p>“The new bearings passed every load test we ran,” chief engineer Marta Lind told reporters at the site.</p>
<p>Cyclists will have to wait another week while the railings on the north side are replaced, she added.</p>
</article></main>
<footer><p>Subscribe to our newsletter for daily updates.</p>
<p>Copyright 2019 Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""


def read(
    *specs: str | Path,
    defaults: SourceDefaults | None = None,
    limits: Limits | None = None,
    stdin: io.IOBase | None = None,
    stdin_format: str = "text",
) -> list[ArticleInput | SourceError]:
    return list(
        iter_sources(
            [str(s) for s in specs],
            stdin_format=stdin_format,
            defaults=defaults or SourceDefaults(),
            limits=limits or Limits(max_bytes=1_000_000),
            stdin=stdin,  # type: ignore[arg-type]
        )
    )


def one(*specs: str | Path, **kw: object) -> ArticleInput:
    items = read(*specs, **kw)  # type: ignore[arg-type]
    assert len(items) == 1, items
    assert isinstance(items[0], ArticleInput), items[0]
    return items[0]


def error(*specs: str | Path, **kw: object) -> SourceError:
    items = read(*specs, **kw)  # type: ignore[arg-type]
    assert len(items) == 1, items
    assert isinstance(items[0], SourceError), items[0]
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)  # never write_text: it would translate newlines
    return path


# ------------------------------------------------------------------------------- text & markdown


def test_text_file_with_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", FRONT + BODY)
    article = one(path)
    assert article == ArticleInput(
        text=BODY,
        source=str(path),
        title="Bridge reopens",
        outlet="City Wire",
        published="2024-05-31",
        url="https://www.citywire.example/a",
        language="en",
        format="text",
    )
    assert (FRONT + BODY)[len(FRONT) :] == article.text  # body starts right after the closing line


def test_body_kept_exactly_so_offsets_hold(tmp_path: Path) -> None:
    body = "\n\n  Indented first line, trailing spaces   \n\tTab\u00a0nbsp \u201cquote\u201d\n\n\n"
    path = write(tmp_path / "exact.md", "---\ntitle: X\n---\n" + body)
    article = one(path)
    assert article.text == body
    assert article.text.index("quote") == body.index("quote")


def test_crlf_preserved_with_and_without_front_matter(tmp_path: Path) -> None:
    body = "Line one said the minister.\r\n\r\nLine two.\r\n"
    plain = write(tmp_path / "plain.txt", body)
    fronted = write(tmp_path / "fronted.txt", "---\r\ntitle: CRLF\r\n---\r\n" + body)
    assert one(plain).text == body
    article = one(fronted)
    assert article.text == body
    assert article.title == "CRLF"


def test_utf8_bom_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + FRONT.encode() + BODY.encode())
    article = one(path)
    assert article.text == BODY
    assert article.title == "Bridge reopens"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published: 2024-05-31", "2024-05-31"),
        ("date: 2024-05-31", "2024-05-31"),
        ("date: 2024-05-31 17:45:00", "2024-05-31"),
        ("published: 2024-05-31T17:45:00+02:00", "2024-05-31"),
        ("published: '2024-05-31T17:45:00Z'", "2024-05-31"),
        ("published: 2024-05-31\ndate: 2023-01-01", "2024-05-31"),
        ("title: no date", None),
    ],
)
def test_front_matter_dates(tmp_path: Path, front: str, expected: str | None) -> None:
    path = write(tmp_path / "d.txt", f"---\n{front}\n---\n{BODY}")
    assert one(path).published == expected


def test_no_front_matter_uses_defaults_then_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bare.txt", "\n\n   Headline of the piece  \nBody said someone.\n")
    article = one(path)
    assert article.title == "Headline of the piece"
    assert article.outlet is None and article.published is None and article.url is None
    defaults = SourceDefaults(
        title="Given", outlet="Wire", published="2024-01-02", url="https://www.ex.example/x"
    )
    article = one(path, defaults=defaults)
    assert (article.title, article.outlet, article.published, article.url) == (
        "Given",
        "Wire",
        "2024-01-02",
        "https://www.ex.example/x",
    )


def test_front_matter_beats_defaults_and_outlet_falls_back_to_host(tmp_path: Path) -> None:
    content = "---\nurl: https://www.harbour.example/news/1\n---\n# Title here\n\nText.\n"
    path = write(tmp_path / "u.md", content)
    article = one(path, defaults=SourceDefaults(title=None, outlet=None, published="2020-01-01"))
    assert article.title == "Title here"  # Markdown #s stripped
    assert article.outlet == "harbour.example"
    assert article.published == "2020-01-01"
    assert article.format == "markdown"
    assert one(path, defaults=SourceDefaults(outlet="Given")).outlet == "Given"


def test_long_first_line_title_is_trimmed() -> None:
    title = first_line_title("word " * 100)
    assert title is not None and len(title) <= 150 and title.endswith("…")
    assert first_line_title("## Heading ##", markdown=True) == "Heading ##"
    assert first_line_title("   \n\n") is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("---\ntitle: [unclosed\n---\nBody.\n", "malformed front matter"),
        ("---\n- a\n- b\n---\nBody.\n", "not a mapping"),
        ("---\ntitle: never closed\nBody.\n", "not closed"),
        ("---\npublished: yesterday\n---\nBody.\n", "published: 'yesterday' is not a date"),
        ("---\ntitle: [a, b]\n---\nBody.\n", "title: expected text"),
        ("---\ntitle: Only metadata\n---\n\n  \n", "no article text after the front matter"),
    ],
)
def test_bad_front_matter_is_an_error_for_that_file(tmp_path: Path, content: str, problem: str) -> None:
    bad = write(tmp_path / "bad.txt", content)
    good = write(tmp_path / "good.txt", BODY)
    items = read(bad, good)
    assert isinstance(items[0], SourceError)
    assert items[0].source == str(bad)
    assert problem in items[0].problem
    assert isinstance(items[1], ArticleInput)


def test_split_front_matter_directly() -> None:
    assert split_front_matter("no block\n") == ({}, "no block\n")
    assert split_front_matter("---\n---\nbody") == ({}, "body")
    assert split_front_matter("---\na: 1\n---") == ({"a": 1}, "")
    assert split_front_matter("--- \na: 1\n---  \nbody") == ({"a": 1}, "body")
    assert split_front_matter("----\nnot: front\n") == ({}, "----\nnot: front\n")
    with pytest.raises(FrontMatterError):
        split_front_matter("---\na: 1\n")


# ------------------------------------------------------------------------------- decoding


def test_latin1_and_cp1252_files_decoded_by_detector(tmp_path: Path) -> None:
    french = (
        "Le président a déclaré à la presse que la réunion était reportée à lundi. "
        "« Nous étions prêts », a-t-il ajouté.\n"
    )
    quotes = "The minister said: “We will not retreat” – and the crowd cheered. Café owners agreed.\n"
    latin = write(tmp_path / "latin.txt", french.encode("latin-1"))
    windows = write(tmp_path / "windows.txt", quotes.encode("cp1252"))
    assert one(latin).text == french
    assert one(windows).text == quotes


def test_cyrillic_legacy_encoding_decoded(tmp_path: Path) -> None:
    text = "Министр сказал, что мост откроют в пятницу, а ремонт закончат к осени.\n"
    assert one(write(tmp_path / "ru.txt", text.encode("cp1251"))).text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "Line one.\r\nLine two said she.\r\n"
    assert one(write(tmp_path / "u16.txt", text.encode("utf-16"))).text == text


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file, not text"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"some text", "binary file, not text"),
        (bytes(range(0x80, 0x100)) * 4, "cannot decode text (not UTF-8, encoding not recognised)"),
        (b"", "empty file"),
        (b" \n\t\r\n  ", "empty file"),
    ],
)
def test_undecodable_inputs(tmp_path: Path, content: bytes, problem: str) -> None:
    err = error(write(tmp_path / "x.txt", content))
    assert err.problem == problem
    assert str(err) == f"{tmp_path / 'x.txt'}: {problem}"


def test_decode_bytes_declared_encoding_and_fallback() -> None:
    assert decode_bytes("café".encode("latin-1"), "s", encoding="iso-8859-1") == "café"
    assert decode_bytes("café".encode(), "s", encoding="no-such-codec") == "café"
    assert decode_bytes("café".encode(), "s", encoding="ascii") == "café"  # wrong declaration
    with pytest.raises(SourceError, match="s: empty file"):
        decode_bytes(b"   ", "s")


def test_file_over_the_size_limit_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 2000)
    err = error(path, limits=Limits(max_bytes=1000))
    assert err.problem == "file is 2,000 bytes, larger than the 1,000-byte limit (CROSSREF_MAX_BYTES)"


def test_limits_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREF_MAX_BYTES", raising=False)
    assert Limits().max_bytes == 50_000_000
    assert (Limits().timeout, Limits().max_redirects) == (20.0, 5)
    monkeypatch.setenv("CROSSREF_MAX_BYTES", "1234")
    assert Limits().max_bytes == 1234
    monkeypatch.setenv("CROSSREF_MAX_BYTES", "lots")
    with pytest.raises(CrossrefError, match="CROSSREF_MAX_BYTES"):
        Limits()


# ------------------------------------------------------------------------------- paths


def test_missing_path(tmp_path: Path) -> None:
    err = error(tmp_path / "nope.txt")
    assert err.problem == "no such file or directory"
    assert err.source == str(tmp_path / "nope.txt")


def test_unknown_extension_read_as_text_if_text(tmp_path: Path) -> None:
    article = one(write(tmp_path / "story.article", FRONT + BODY))
    assert article.text == BODY and article.format == "text"
    jpeg = write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert error(jpeg).problem == "binary file, not text"


def test_directory_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "B said.\n")
    write(root / "a.md", "# A\n\nA said.\n")
    write(root / "sub" / "c.html", HTML_PAGE)
    write(root / "sub" / "deeper" / "d.txt", "D said.\n")
    write(root / "z.jsonl", json.dumps({"text": "Z said."}) + "\n")
    write(root / ".hidden.txt", "hidden\n")
    write(root / ".git" / "e.txt", "hidden dir\n")
    write(root / "notes.docx", b"PK\x03\x04 binary")
    write(root / "image.png", b"\x89PNG\x00")
    items = read(root)
    assert all(isinstance(i, ArticleInput) for i in items), items
    sources = [i.source for i in items]
    assert sources == [
        str(root / "a.md"),
        str(root / "b.txt"),
        str(root / "sub" / "c.html"),
        str(root / "sub" / "deeper" / "d.txt"),
        str(root / "z.jsonl") + "#1",
    ]


def test_directory_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", b"")
    write(tmp_path / "d" / "b.txt", "Good said.\n")
    items = read(tmp_path / "d")
    assert [type(i) for i in items] == [SourceError, ArticleInput]
    assert isinstance(items[0], SourceError) and items[0].source == str(tmp_path / "d" / "a.txt")


def test_directory_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "empty" / ".hidden.txt", "x\n")
    write(tmp_path / "empty" / "pic.png", b"\x89PNG")
    err = error(tmp_path / "empty")
    assert err.source == str(tmp_path / "empty")
    assert "no article files" in err.problem


# ------------------------------------------------------------------------------- HTML


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    article = one(write(tmp_path / "page.html", HTML_PAGE))
    assert article.title == "Bridge to reopen on Friday"
    assert article.outlet == "Harbour Gazette"
    assert article.published == "2024-05-30"
    assert article.format == "html"
    assert "“The new bearings passed every load test we ran,” chief engineer Marta Lind" in article.text
    assert "Cyclists will have to wait another week" in article.text
    for boilerplate in ("Sport", "Weather", "newsletter", "Copyright"):
        assert boilerplate not in article.text
    assert "\n\n" in article.text  # paragraphs separated like a .txt file


def test_html_without_metadata_uses_defaults_and_latin1_meta_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><article>'
        "<p>Le maire a déclaré que le pont rouvrirait vendredi après trois semaines de travaux.</p>"
        "</article></body></html>"
    )
    path = write(tmp_path / "p.htm", page.encode("cp1252"))
    article = one(path, defaults=SourceDefaults(title="Pont", outlet="Gazette", published="2024-01-01"))
    assert "déclaré" in article.text
    assert (article.title, article.outlet, article.published) == ("Pont", "Gazette", "2024-01-01")


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><head><title>T</title></head><body><script>var x = 1;</script></body></html>"
    err = error(write(tmp_path / "empty.html", page))
    assert err.problem == "no article text found in the HTML page"


# ------------------------------------------------------------------------------- JSON


def test_jsonl_articles_with_broken_line_and_missing_text(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First said.", "title": "One", "outlet": "Wire", "date": "2024-02-03"}),
        "{this is not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Second said.\r\nMore.", "url": "https://www.feed.example/2", "language": "en"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "ArticleInput",
        "SourceError",
        "SourceError",
        "SourceError",
        "SourceError",
        "ArticleInput",
    ]
    first, second = items[0], items[-1]
    assert isinstance(first, ArticleInput) and isinstance(second, ArticleInput)
    assert (first.source, first.title, first.outlet, first.published, first.format) == (
        f"{path}#1",
        "One",
        "Wire",
        "2024-02-03",
        "json",
    )
    assert second.source == f"{path}#7"
    assert second.url == "https://www.feed.example/2"
    assert second.outlet == "feed.example"
    assert second.text == "Second said.\r\nMore."
    assert second.title == "Second said."
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:4", f"{path}:5", f"{path}:6"]
    assert errors[0].problem.startswith("invalid JSON")
    assert errors[1].problem == 'no "text" (a non-empty string) in the object'
    assert errors[3].problem == "not a JSON object"


def test_json_object_and_array(tmp_path: Path) -> None:
    obj = {"text": "Solo said.", "published": "2024-03-04T10:00:00Z"}
    single = write(tmp_path / "one.json", json.dumps(obj))
    article = one(single)
    assert (article.source, article.published, article.format) == (str(single), "2024-03-04", "json")
    array = write(tmp_path / "many.json", json.dumps([{"text": "A said."}, {"nope": 1}, {"text": "C said."}]))
    items = read(array)
    assert [i.source for i in items] == [f"{array}#1", f"{array}#2", f"{array}#3"]
    assert isinstance(items[1], SourceError)


@pytest.mark.parametrize(
    ("content", "problem"),
    [("{broken", "invalid JSON at line 1"), ("[]", "no articles"), ('"just a string"', "neither")],
)
def test_bad_json_files(tmp_path: Path, content: str, problem: str) -> None:
    assert problem in error(write(tmp_path / "bad.json", content)).problem


# ------------------------------------------------------------------------------- stdin


@pytest.mark.parametrize(
    ("fmt", "data", "text_part", "title", "article_format"),
    [
        ("text", (FRONT + BODY).encode(), BODY, "Bridge reopens", "text"),
        ("markdown", b"# Heading\r\n\r\nSaid.\r\n", "# Heading\r\n\r\nSaid.\r\n", "Heading", "markdown"),
        ("html", HTML_PAGE.encode(), "chief engineer Marta Lind", "Bridge to reopen on Friday", "html"),
        ("json", json.dumps({"text": "JSON said.", "title": "J"}).encode(), "JSON said.", "J", "json"),
        ("jsonl", (json.dumps({"text": "L said."}) + "\n").encode(), "L said.", "L said.", "json"),
    ],
)
def test_stdin_each_format(fmt: str, data: bytes, text_part: str, title: str, article_format: str) -> None:
    article = one("-", stdin=io.BytesIO(data), stdin_format=fmt)
    assert text_part in article.text
    assert article.title == title
    assert article.format == article_format
    assert article.source.startswith("-")


def test_stdin_text_stream_uses_its_bytes_and_keeps_crlf() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"Raw line said.\r\nSecond.\r\n"), encoding="utf-8")
    assert one("-", stdin=stream).text == "Raw line said.\r\nSecond.\r\n"
    assert one("-", stdin=io.StringIO("From a str stream.\n")).text == "From a str stream.\n"


def test_stdin_errors() -> None:
    assert error("-", stdin=io.BytesIO(b"  \n")).problem == "empty input"
    assert "unknown format" in error("-", stdin=io.BytesIO(b"x"), stdin_format="pdf").problem
    big = error("-", stdin=io.BytesIO(b"x" * 50), limits=Limits(max_bytes=10))
    assert big.problem == "input is larger than the 10-byte limit (CROSSREF_MAX_BYTES)"
    items = read("-", "-", stdin=io.BytesIO(b"Once said.\n"))
    assert isinstance(items[0], ArticleInput) and isinstance(items[1], SourceError)


def test_good_sources_land_between_bad_ones(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)
    items = read(tmp_path / "missing.txt", good, write(tmp_path / "empty.md", b""), "ftp://example.invalid/x")
    assert [type(i).__name__ for i in items] == ["SourceError", "ArticleInput", "SourceError", "SourceError"]
    last = items[-1]
    assert isinstance(last, SourceError) and "unsupported URL scheme 'ftp'" in last.problem


# ------------------------------------------------------------------------------- big JSON Lines


def _jsonl_line(i: int) -> str:
    return json.dumps({"title": f"Story {i}", "text": f"Officials said {i} boats were seized. " * 3})


def test_a_json_lines_file_larger_than_the_limit_is_read_line_by_line(tmp_path: Path) -> None:
    lines = [_jsonl_line(i) for i in range(400)]
    path = write(tmp_path / "year.jsonl", "\ufeff" + "\n".join(lines) + "\n")
    assert path.stat().st_size > 40_000
    items = read(path, limits=Limits(max_bytes=1_000))  # each line fits, the file does not
    assert all(isinstance(item, ArticleInput) for item in items)
    assert [item.title for item in items] == [f"Story {i}" for i in range(400)]  # type: ignore[union-attr]


def test_an_oversized_or_undecodable_json_line_fails_alone(tmp_path: Path) -> None:
    huge = json.dumps({"title": "Huge", "text": "word " * 2_000})
    content = (
        (_jsonl_line(1) + "\n" + huge + "\n").encode() + b'{"text": "caf\xe9"}\n' + _jsonl_line(2).encode()
    )
    path = write(tmp_path / "mixed.jsonl", content)
    items = read(path, limits=Limits(max_bytes=2_000))
    assert [type(item).__name__ for item in items] == [
        "ArticleInput",
        "SourceError",
        "SourceError",
        "ArticleInput",
    ]
    too_big, not_utf8 = items[1], items[2]
    assert isinstance(too_big, SourceError) and isinstance(not_utf8, SourceError)
    assert too_big.source == f"{path}:2" and "2,000-byte limit (CROSSREF_MAX_BYTES)" in too_big.problem
    assert not_utf8.source == f"{path}:3" and "not UTF-8" in not_utf8.problem


def test_an_article_longer_than_the_text_limit_is_refused(tmp_path: Path) -> None:
    long_text = write(tmp_path / "book.txt", "Officials said it was calm. " * 100)
    short = write(tmp_path / "short.txt", "Officials said it was calm.")
    items = read(long_text, short, limits=Limits(max_bytes=1_000_000, max_chars=1_000))
    assert isinstance(items[0], SourceError) and isinstance(items[1], ArticleInput)
    assert items[0].source == str(long_text)
    assert items[0].problem == (
        "article text is 2,800 characters, longer than the 1,000-character limit (CROSSREF_MAX_ARTICLE_CHARS)"
    )
