"""Output shared by every listing command, and the stderr message channel.

Data goes to stdout as a Rich table on a terminal, or as JSON, JSON lines, CSV or TSV; with
no format asked for and stdout not a terminal it is plain TSV (header row, no ANSI codes).
Messages go to stderr. ``NO_COLOR`` turns every ANSI code off.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, TextIO

if TYPE_CHECKING:  # rich is imported where a table or message is drawn: --json output never needs it
    from rich.console import Console
    from rich.table import Table


class OutputFormat(StrEnum):
    """The formats a listing can be written in."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


class FormatConflict(ValueError):
    """More than one output format was asked for."""


def pick_format(chosen: Mapping[OutputFormat, bool]) -> OutputFormat | None:
    """The one format whose flag is set, None if none is; FormatConflict if several are."""
    on = [fmt for fmt, flag in chosen.items() if flag]
    if len(on) > 1:
        raise FormatConflict("choose one output format: " + ", ".join(f"--{fmt.value}" for fmt in on))
    return on[0] if on else None


def no_color() -> bool:
    """True when the ``NO_COLOR`` convention asks for no ANSI colours."""
    return os.environ.get("NO_COLOR", "") != ""


def make_console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A Console on ``file`` (default stdout, or stderr) that honours NO_COLOR and never
    highlights or wraps messages on its own."""
    from rich.console import Console

    return Console(
        file=file,
        stderr=stderr,
        color_system=None if no_color() else "auto",
        highlight=False,
        soft_wrap=False,
    )


class Messages:
    """Human messages on stderr; ``quiet`` silences all but errors."""

    def __init__(self, *, quiet: bool = False, console: Console | None = None) -> None:
        self.quiet = quiet
        self._console = console

    @property
    def console(self) -> Console:
        if self._console is None:  # made on the first message: most commands print none
            self._console = make_console(stderr=True)
        return self._console

    def info(self, message: str) -> None:
        """A progress or summary line (silenced by --quiet)."""
        if not self.quiet:
            self._print("", "", message)

    def warning(self, message: str) -> None:
        """A line that something was not quite right (silenced by --quiet)."""
        if not self.quiet:
            self._print("crossref: warning: ", "yellow", message)

    def error(self, message: str) -> None:
        """``crossref: error: MESSAGE`` on one line; shown even with --quiet."""
        self._print("crossref: error: ", "bold red", message)

    def detail(self, message: str) -> None:
        """A line that goes with an error (no prefix; shown even with --quiet)."""
        self._print("", "", message)

    def _print(self, prefix: str, style: str, message: str) -> None:
        from rich.text import Text

        self.console.print(Text.assemble((prefix, style), message), soft_wrap=True)


@dataclass(frozen=True)
class Column:
    """How one field shows in a table (machine formats carry every field).

    The ``flex`` column takes the width the others leave; the others are at most ``max_width``
    wide, and ``shrink`` ones give way on narrow consoles. ``flex`` and ``wrap`` columns wrap
    long values, the others are cut with "…". A column with ``min_console`` is left out on
    consoles narrower than that.
    """

    key: str
    header: str
    justify: Literal["left", "right"] = "left"
    max_chars: int | None = None  # longer values are cut, ending in "…"
    max_width: int | None = None
    flex: bool = False
    share: float = 0.45  # flex only: the least share of the console it gets (if it needs it)
    wrap: bool = False
    shrink: bool = False
    min_console: int | None = None


ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", justify="right"),
    Column("title", "title", max_chars=160, flex=True, share=0.3),
    Column("outlet", "outlet", max_width=18, shrink=True),
    Column("published", "published", max_width=10),
    Column("source", "source", max_width=40, shrink=True),
    Column("words", "words", justify="right", min_console=100),
    Column("statements", "stmts", justify="right"),
)

STATEMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", justify="right"),
    Column("article_id", "art", justify="right"),
    Column("speaker", "speaker", max_width=26, shrink=True, wrap=True),
    Column("party", "party", max_width=20, shrink=True, wrap=True),
    Column("kind", "kind", max_width=8, min_console=100),
    Column("text", "text", max_chars=300, flex=True),
)

MIN_FLEX_WIDTH = 20


def resolve_format(fmt: OutputFormat | None, stream: TextIO) -> OutputFormat:
    """``fmt``, or the default for ``stream``: a table on a terminal, TSV otherwise."""
    if fmt is not None:
        return fmt
    isatty = getattr(stream, "isatty", None)
    return OutputFormat.TABLE if isatty is not None and isatty() else OutputFormat.TSV


def render_rows(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    fmt: OutputFormat | None = None,
    *,
    fields: Sequence[str] | None = None,
    out: TextIO | None = None,
    title: str | None = None,
) -> None:
    """Write ``rows`` to ``out`` (default stdout) in ``fmt`` (default: see :func:`resolve_format`).

    Machine formats carry every key of each row, in ``fields`` order when given (so an empty
    CSV/TSV still has its header); the table shows ``columns`` only.
    """
    stream = out if out is not None else sys.stdout
    fmt = resolve_format(fmt, stream)
    default_keys = list(rows[0].keys()) if rows else [c.key for c in columns]
    keys = list(fields) if fields is not None else default_keys
    if fmt is OutputFormat.TABLE:
        if rows:
            console = make_console(stream)
            console.print(build_table(rows, columns, width=console.width, title=title))
    elif fmt is OutputFormat.JSON:
        stream.write(json.dumps([_project(row, keys) for row in rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt is OutputFormat.JSONL:
        for row in rows:
            stream.write(json.dumps(_project(row, keys), ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.CSV:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([_csv_value(row.get(k)) for k in keys] for row in rows)
    else:
        write_tsv(rows, keys, stream)


def _project(row: Mapping[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {k: row.get(k) for k in keys}


def _csv_value(value: Any) -> Any:
    return "" if value is None else value


def tsv_escape(value: Any) -> str:
    """A value as one TSV cell: None is empty; backslash, tab, CR and LF become ``\\\\ \\t \\r \\n``."""
    if value is None:
        return ""
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def write_tsv(rows: Iterable[Mapping[str, Any]], keys: Sequence[str], stream: TextIO) -> None:
    """Header line, then one line per row, every cell escaped by :func:`tsv_escape`."""
    stream.write("\t".join(keys) + "\n")
    for row in rows:
        stream.write("\t".join(tsv_escape(row.get(k)) for k in keys) + "\n")


def cell_text(value: Any, column: Column) -> str:
    """A table cell's text: whitespace collapsed, cut to ``max_chars``."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    if column.max_chars is not None and len(text) > column.max_chars:
        text = text[: column.max_chars - 1].rstrip() + "…"
    return text


def _fit_widths(columns: Sequence[Column], cells: list[list[str]], width: int) -> list[int]:
    """Column widths that fit ``width``: the flex column gets what the others leave."""
    from rich.cells import cell_len

    natural = [
        max([cell_len(col.header)] + [cell_len(row[i]) for row in cells]) for i, col in enumerate(columns)
    ]
    widths = [min(n, col.max_width) if col.max_width else n for n, col in zip(natural, columns, strict=True)]
    overhead = 3 * len(columns) - 1  # one space of padding each side, one divider between
    flex = [i for i, col in enumerate(columns) if col.flex]
    budget = width - overhead
    budget -= sum(min(natural[i], max(MIN_FLEX_WIDTH, int(width * columns[i].share))) for i in flex)
    floor = {i: max(cell_len(col.header), 4) for i, col in enumerate(columns) if col.shrink}
    while sum(w for i, w in enumerate(widths) if i not in flex) > budget:
        candidates = [i for i in floor if widths[i] > floor[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
    left = width - overhead - sum(w for i, w in enumerate(widths) if i not in flex)
    for i in flex:
        widths[i] = max(min(natural[i], left // len(flex)), min(natural[i], 8))
    return widths


def build_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], *, width: int = 80, title: str | None = None
) -> Table:
    """A Rich table of ``rows`` laid out for a console ``width`` columns wide (80 included)."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    shown = [col for col in columns if col.min_console is None or width >= col.min_console]
    cells = [[cell_text(row.get(col.key), col) for col in shown] for row in rows]
    widths = _fit_widths(shown, cells, width)
    flex = [i for i, col in enumerate(shown) if col.flex]
    wraps = any(cell_len(row[i]) > widths[i] for row in cells for i in flex)
    table = Table(
        box=box.SIMPLE_HEAD,
        title=title,
        header_style="bold",
        show_edge=False,
        show_lines=wraps,  # a blank line between rows that span several lines
        expand=False,
    )
    for col, col_width in zip(shown, widths, strict=True):
        wrap = col.flex or col.wrap
        table.add_column(
            col.header,
            justify=col.justify,
            width=col_width,
            no_wrap=not wrap,
            overflow="fold" if wrap else "ellipsis",
        )
    for row_cells in cells:
        table.add_row(*(Text(cell) for cell in row_cells))
    return table


def plural(n: int, word: str) -> str:
    """'1 statement', '3 statements'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
