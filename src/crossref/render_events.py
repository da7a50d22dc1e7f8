"""Printing events and comparisons: tables on a terminal, Markdown reports, flat rows.

The comparison table has one column per party. When the terminal is too narrow for all of
them (each column needs about MIN_COLUMN characters), the parties are stacked: several
tables one below the other, each with as many parties as fit (one per table on a very
narrow terminal), so five parties stay readable on 80 columns.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from crossref.render import Column, OutputFormat, make_console, plural, render_rows, resolve_format

if TYPE_CHECKING:  # rich is imported where the comparison is drawn (not for JSON, CSV, Markdown)
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

EVENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", max_width=8),
    Column("title", "title", max_chars=160, flex=True, share=0.4),
    Column("start", "start", max_width=10),
    Column("end", "end", max_width=10, min_console=100),
    Column("parties", "parties", max_chars=120, flex=True, share=0.25),
    Column("statements", "stmts", justify="right"),
    Column("articles", "arts", justify="right", min_console=90),
    Column("outlets", "outlets", justify="right", min_console=100),
)
EVENT_FIELDS_OUT = ("id", "title", "start", "end", "places", "parties", "statements", "articles", "outlets")

MIN_COLUMN = 26  # characters a party's column needs to stay readable
LABEL_WIDTH = 11
MAX_TEXT = 220  # characters of a statement shown in a table cell
MAX_ITEMS = 8  # statements per party shown in the table
SECTIONS = (
    ("statements", "What happened"),
    ("blames", "Blames"),
    ("figures", "Figures"),
    ("places", "Places"),
    ("denials", "Denies"),
    ("confirmations", "Confirms"),
)
FLAT_FIELDS = (
    "party", "section", "text", "speaker", "outlet", "date", "statement_id", "article_id", "source",
    "sentence", "unit", "value", "target",
)  # fmt: skip


def _joined(value: Any) -> Any:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else value


def render_events(
    rows: Sequence[Mapping[str, Any]], fmt: OutputFormat | None, out: TextIO | None = None
) -> None:
    """Events as a table (lists joined), CSV/TSV (lists joined with ", ") or JSON (lists kept)."""
    stream = out if out is not None else sys.stdout
    resolved = resolve_format(fmt, stream)
    projected = [{k: row.get(k) for k in EVENT_FIELDS_OUT} for row in rows]
    if resolved is OutputFormat.TABLE:  # the first parties; the machine formats carry all
        projected = [{**row, "parties": _first(row["parties"], 3)} for row in projected]
    if resolved not in (OutputFormat.JSON, OutputFormat.JSONL):
        projected = [{k: _joined(v) for k, v in row.items()} for row in projected]
    render_rows(projected, EVENT_COLUMNS, fmt, fields=EVENT_FIELDS_OUT, out=stream)


def _first(names: Any, n: int) -> Any:
    if not isinstance(names, list) or len(names) <= n:
        return names
    return [*names[:n], f"+{len(names) - n}"]


def _clip(text: str | None, limit: int = MAX_TEXT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _attribution(item: Mapping[str, Any]) -> str:
    parts = [
        item.get("speaker") or item.get("speaker_mention"),
        item.get("outlet"),
        item.get("date") or item.get("published"),
    ]
    return ", ".join(str(p) for p in parts if p)


def _source_line(item: Mapping[str, Any]) -> str:
    where = f"article {item.get('article_id')}"
    if item.get("source"):
        where += f" ({item['source']})"
    return f"↳ {where}, statement {item.get('statement_id')}: “{_clip(item.get('sentence'), 160)}”"


def _cell(column: Mapping[str, Any], section: str, sources: bool) -> Text:
    from rich.text import Text

    text = Text()
    items = column.get(section) or []
    if section == "places":
        return Text(", ".join(items))
    shown = items[:MAX_ITEMS] if section == "statements" else items
    for i, item in enumerate(shown):
        if i:
            text.append("\n\n")
        if section == "figures":
            text.append(f"{_fmt_value(item['value'])} {item['unit']}", style="bold")
            text.append(f" (“{_clip(item['text'], 60)}”)")
        elif section == "blames":
            text.append(item.get("side") or item.get("target") or "", style="bold")
            text.append(f": “{_clip(item.get('text'), 120)}”")
        else:
            text.append(f"“{_clip(item.get('text'))}”")
        text.append(f"\n— {_attribution(item)}", style="dim")
        if sources:
            text.append("\n" + _source_line(item), style="dim")
    if len(shown) < len(items):
        text.append(
            f"\n\n… {len(items) - len(shown)} more (--markdown or --json for all)", style="italic dim"
        )
    return text


def _fmt_value(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _header(event: Mapping[str, Any]) -> Text:
    from rich.text import Text

    text = Text(event.get("title") or "", style="bold")
    facts = [f"event {event.get('id')}"]
    dates = event.get("start") or ""
    if event.get("end") and event.get("end") != event.get("start"):
        dates += f" – {event['end']}"
    if dates:
        facts.append(dates)
    if event.get("places"):
        facts.append(", ".join(event["places"][:4]))
    facts.append(
        ", ".join(plural(event.get(k) or 0, k.rstrip("s")) for k in ("statements", "articles", "outlets"))
    )
    text.append("\n" + " · ".join(facts), style="dim")
    return text


def comparison_tables(comparison: Mapping[str, Any], width: int, *, sources: bool = False) -> list[Table]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    """The comparison as tables for a console ``width`` wide: one column per party, as many
    parties per table as fit (stacked tables for the rest)."""
    columns = comparison["parties"]
    per_table = max(1, (width - LABEL_WIDTH - 3) // (MIN_COLUMN + 3))
    tables = []
    for start in range(0, len(columns), per_table):
        chunk = columns[start : start + per_table]
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, header_style="bold", show_edge=False)
        table.add_column("", width=LABEL_WIDTH, no_wrap=False, style="bold dim")
        for column in chunk:
            label = f"{column['party']} ({len(column['statements'])})"
            table.add_column(label, ratio=1, overflow="fold")
        for section, label in SECTIONS:
            if not any(column.get(section) for column in chunk):
                continue
            table.add_row(Text(label), *(_cell(column, section, sources) for column in chunk))
        tables.append(table)
    return tables


def disagreement_lines(comparison: Mapping[str, Any]) -> list[str]:
    """One line per disagreement."""
    lines = []
    for d in comparison.get("disagreements", []):
        if d["kind"] == "confirm_deny":
            confirmed, denied = _clip(d["confirmation"]["text"], 90), _clip(d["denial"]["text"], 90)
            more = len(d.get("pairs", [])) - 1
            tail = f" (and {more} more like it)" if more > 0 else ""
            lines.append(f"{d['summary']}: “{confirmed}” vs “{denied}”{tail}")
        elif d["kind"] == "mutual_blame":
            targets = "; ".join(f"{i['party']}: “{_clip(i['text'], 70)}”" for i in d["items"][:4])
            lines.append(f"{d['summary']} ({targets})")
        else:
            lines.append(d["summary"])
    return lines


def print_comparison(
    comparison: Mapping[str, Any], *, sources: bool = False, console: Console | None = None
) -> None:
    """The comparison as Rich tables, then where the parties disagree."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    console = console or make_console()
    parts: list[Any] = [_header(comparison["event"])]
    for table in comparison_tables(comparison, console.width, sources=sources):
        parts += [Text(""), table]
    lines = disagreement_lines(comparison)
    if lines:
        parts.append(Rule("Where they disagree", align="left", style="dim"))
        parts += [Padding(Text("• " + line), (0, 0, 0, 1)) for line in lines]
    console.print(Group(*parts))


def comparison_markdown(comparison: Mapping[str, Any], *, sources: bool = False) -> str:
    """A Markdown report of the comparison, to paste into a story or a wiki."""
    event = comparison["event"]
    out = [f"# {event.get('title')}", ""]
    facts = [f"Event `{event.get('id')}`"]
    if event.get("start"):
        facts.append(
            event["start"] + (f" – {event['end']}" if event.get("end") not in (None, event["start"]) else "")
        )
    if event.get("places"):
        facts.append(", ".join(event["places"]))
    counts = [plural(event.get(k) or 0, k[:-1]) for k in ("statements", "articles", "outlets")]
    facts.append(f"{counts[0]} from {counts[1]} ({counts[2]})")
    out += ["*" + " · ".join(facts) + "*", ""]
    for column in comparison["parties"]:
        out += [f"## {column['party']}", ""]
        for section, label in SECTIONS:
            items = column.get(section) or []
            if not items:
                continue
            out += [f"**{label}**", ""]
            if section == "places":
                out += [", ".join(items), ""]
                continue
            for item in items:
                if section == "figures":
                    line = f"- {_fmt_value(item['value'])} {item['unit']} (“{item['text']}”)"
                elif section == "blames":
                    line = f"- {item.get('side') or item.get('target')}: “{_md(item.get('text'))}”"
                else:
                    line = f"- “{_md(item.get('text'))}”"
                line += f" — {_attribution(item)}"
                if sources:
                    source = item.get("url") or item.get("source") or f"article {item.get('article_id')}"
                    line += f" ([source]({source}))" if str(source).startswith("http") else f" ({source})"
                    line += f"\n  > {_md(item.get('sentence'))}"
                out.append(line)
            out.append("")
    lines = disagreement_lines(comparison)
    if lines:
        out += ["## Where they disagree", ""] + [f"- {_md(line)}" for line in lines] + [""]
    return "\n".join(out).rstrip() + "\n"


def _md(text: Any) -> str:
    return " ".join(str(text or "").split()).replace("|", "\\|")


def comparison_rows(comparison: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The comparison flattened: one row per item (statement, blame, figure, denial,
    confirmation, disagreement), for JSON lines, CSV and TSV."""
    rows = []
    for column in comparison["parties"]:
        for section, _ in SECTIONS:
            if section == "places":
                continue
            for item in column.get(section) or []:
                rows.append(
                    {
                        "party": column["party"],
                        "section": section.rstrip("s") if section != "statements" else "statement",
                        "text": item.get("text"),
                        "speaker": item.get("speaker") or item.get("speaker_mention"),
                        "outlet": item.get("outlet"),
                        "date": item.get("date") or item.get("published"),
                        "statement_id": item.get("statement_id") or item.get("id"),
                        "article_id": item.get("article_id"),
                        "source": item.get("source"),
                        "sentence": item.get("sentence"),
                        "unit": item.get("unit"),
                        "value": item.get("value"),
                        "target": item.get("side") or item.get("target"),
                    }
                )
    for d in comparison.get("disagreements", []):
        rows.append(
            {"party": " / ".join(d.get("parties", [])), "section": "disagreement", "text": d["summary"]}
        )
    return rows


def render_comparison(
    comparison: Mapping[str, Any],
    fmt: OutputFormat | None,
    *,
    markdown: bool = False,
    sources: bool = False,
    out: TextIO | None = None,
) -> None:
    """Write a comparison in the format asked for (see the ``compare`` command)."""
    stream = out if out is not None else sys.stdout
    if markdown:
        stream.write(comparison_markdown(comparison, sources=sources))
        return
    resolved = resolve_format(fmt, stream)
    if resolved is OutputFormat.JSON:
        stream.write(json.dumps(comparison, ensure_ascii=False, indent=2) + "\n")
    elif resolved is OutputFormat.TABLE:
        print_comparison(comparison, sources=sources, console=make_console(stream))
    else:
        render_rows(comparison_rows(comparison), (), resolved, fields=FLAT_FIELDS, out=stream)
