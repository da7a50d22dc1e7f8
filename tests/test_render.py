"""Output formats, table layout, colour handling and stderr messages."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from crossref import render
from crossref.render import Column, Messages, OutputFormat

ANSI = re.compile(r"\x1b\[")

COLUMNS = (Column("id", "id", justify="right"), Column("name", "name", flex=True))
ROWS = [
    {"id": 1, "name": "Erdoğan", "note": None},
    {"id": 2, "name": "tab\there\nnewline \\ back", "note": "x"},
]
LONG_STATEMENTS = [
    {
        "id": 12345,
        "article_id": 678,
        "speaker": "Lieutenant Colonel Jonathan Conricus of the Defence Ministry press office",
        "party": "Israel Defense Forces and allied services",
        "kind": "indirect",
        "text": "We will never accept this [bold]cease-fire[/bold] proposal because it ignores reality " * 6,
    },
    {"id": 2, "article_id": 3, "speaker": None, "party": None, "kind": "direct", "text": "short"},
]


class FakeTTY(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def render_to(fmt: OutputFormat | None, rows: list[dict[str, object]] = ROWS, **kw: object) -> str:
    out = io.StringIO()
    render.render_rows(rows, COLUMNS, fmt, out=out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_pick_format() -> None:
    assert render.pick_format({OutputFormat.JSON: False, OutputFormat.CSV: False}) is None
    assert render.pick_format({OutputFormat.JSON: False, OutputFormat.CSV: True}) is OutputFormat.CSV
    with pytest.raises(render.FormatConflict, match="--json, --csv"):
        render.pick_format({OutputFormat.JSON: True, OutputFormat.CSV: True})


def test_default_format_follows_the_terminal() -> None:
    assert render.resolve_format(None, io.StringIO()) is OutputFormat.TSV
    assert render.resolve_format(None, FakeTTY()) is OutputFormat.TABLE
    assert render.resolve_format(OutputFormat.JSON, FakeTTY()) is OutputFormat.JSON


def test_json_is_one_unescaped_indented_array() -> None:
    text = render_to(OutputFormat.JSON)
    assert "Erdoğan" in text
    assert text.startswith("[\n  {\n")
    assert json.loads(text) == ROWS


def test_jsonl_is_one_object_a_line() -> None:
    lines = render_to(OutputFormat.JSONL).splitlines()
    assert [json.loads(line) for line in lines] == ROWS
    assert "Erdoğan" in lines[0]


def test_csv_round_trips() -> None:
    parsed = list(csv.reader(io.StringIO(render_to(OutputFormat.CSV))))
    assert parsed[0] == ["id", "name", "note"]
    assert parsed[1] == ["1", "Erdoğan", ""]
    assert parsed[2] == ["2", "tab\there\nnewline \\ back", "x"]


def test_tsv_escapes_and_has_a_header() -> None:
    text = render_to(OutputFormat.TSV)
    assert text.splitlines() == ["id\tname\tnote", "1\tErdoğan\t", "2\ttab\\there\\nnewline \\\\ back\tx"]


def test_default_output_off_a_terminal_is_plain_tsv() -> None:
    text = render_to(None)
    assert text == render_to(OutputFormat.TSV)
    assert not ANSI.search(text)


def test_fields_order_and_empty_listing_header() -> None:
    assert render_to(OutputFormat.TSV, [], fields=["id", "name"]) == "id\tname\n"
    assert render_to(OutputFormat.CSV, ROWS, fields=["name", "id"]).splitlines()[1] == "Erdoğan,1"
    assert json.loads(render_to(OutputFormat.JSON, [])) == []
    assert render_to(OutputFormat.JSONL, []) == ""
    assert render_to(OutputFormat.TABLE, []) == ""


def test_table_on_a_terminal_has_colour_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    out = FakeTTY()
    render.render_rows(ROWS, COLUMNS, None, out=out)
    assert ANSI.search(out.getvalue())
    assert "Erdoğan" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = FakeTTY()
    render.render_rows(ROWS, COLUMNS, None, out=out)
    assert not ANSI.search(out.getvalue())
    assert "Erdoğan" in out.getvalue()


@pytest.mark.parametrize("width", [80, 100, 60])
def test_statement_table_fits_the_console(width: int) -> None:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(render.build_table(LONG_STATEMENTS, render.STATEMENT_COLUMNS, width=width))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert lines and all(cell_len(line.rstrip()) <= width for line in lines)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold]" in text  # shown as written, never read as Rich markup
    assert "…" in text  # the long text was cut
    assert ("kind" in lines[0]) == (width >= 100)


def test_article_table_fits_80_columns() -> None:
    rows = [
        {
            "id": 1,
            "title": "Turkey says it will never accept the cease-fire proposal put forward by mediators " * 2,
            "outlet": "Al Jazeera English",
            "published": "2024-05-01",
            "source": "/home/user/news/aljazeera/2024-05-01-turkey-ceasefire-proposal-rejected.html",
            "words": 1234,
            "statements": 15,
        }
    ]
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(render.build_table(rows, render.ARTICLE_COLUMNS, width=80))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert all(cell_len(line.rstrip()) <= 80 for line in text.splitlines())
    assert "Turkey says it" in text and "2024-05-01" in text and "15" in text


def test_cell_text_collapses_whitespace_and_cuts() -> None:
    col = Column("x", "x", max_chars=10)
    assert render.cell_text("a\n b\t c", col) == "a b c"
    assert render.cell_text("abcdefghijklmnop", col) == "abcdefghi…"
    assert render.cell_text(None, col) == ""


def test_messages_quiet_and_error_format() -> None:
    err = io.StringIO()
    messages = Messages(quiet=False, console=Console(file=err, width=40, color_system=None))
    long = "x" * 100
    messages.info("hello [not markup]")
    messages.error(f"some/source.txt: {long}")
    lines = err.getvalue().splitlines()
    assert lines == ["hello [not markup]", f"crossref: error: some/source.txt: {long}"]
    err = io.StringIO()
    quiet = Messages(quiet=True, console=Console(file=err, color_system=None))
    quiet.info("hidden")
    quiet.warning("hidden too")
    quiet.error("shown")
    assert err.getvalue() == "crossref: error: shown\n"


def test_make_console_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = FakeTTY()
    console = render.make_console(out)
    console.print("[bold red]hi[/bold red]")
    assert out.getvalue() == "hi\n"
