"""The ``crossref`` command line: a thin layer over the library modules."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from crossref import __version__, render, store
from crossref.config import DB_ENV_VAR, parties_file, resolve_db_path
from crossref.errors import CrossrefError
from crossref.parties.settings import PartySettings
from crossref.render import Messages, OutputFormat

EXIT_CODES = """**Exit codes:**

- 0: success
- 1: an error (`crossref: error: ...` on stderr), or some SOURCE could not be read
- 2: bad usage (unknown option, bad value)
- 130: interrupted (Ctrl-C)"""


class CrossrefGroup(TyperGroup):
    """Turns crossref's errors into one stderr line and an exit code (see EXIT_CODES)."""

    def invoke(self, ctx: Any) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows up here, inside the handlers below
            return result
        except CrossrefError as exc:
            _fail(str(exc), debug)
        except sqlite3.Error as exc:
            _fail(f"database error: {exc}", debug)
        except KeyboardInterrupt:
            if debug:
                traceback.print_exc()
            Messages().error("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (e.g. `crossref statements | head`): stop quietly.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
        except Exception as exc:
            if type(exc).__module__.startswith(("typer", "click")):
                raise  # usage errors and exits: the framework reports them
            _fail(f"internal error: {exc!r} (run with --debug for the traceback; please report it)", debug)


def _fail(message: str, debug: bool) -> NoReturn:
    if debug:
        traceback.print_exc()
    Messages().error(message)
    raise typer.Exit(1) from None


app = typer.Typer(
    name="crossref",
    cls=CrossrefGroup,
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)

db_app = typer.Typer(
    help="Inspect and maintain the crossref database.\n\n**Examples:**\n\n"
    "```\ncrossref db path\ncrossref db compact\n```",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")
parties_app = typer.Typer(no_args_is_help=False, help="List parties, or assign, merge and rename them.")
app.add_typer(parties_app, name="parties")
events_app = typer.Typer(
    no_args_is_help=False, help="List events, or show, merge, move, rename and regroup them."
)
app.add_typer(events_app, name="events")
# Later sub-apps go here, next to `db`: app.add_typer(parties_app, name="parties"), then
# `events` and `compare`; they reuse DbOption, QuietOption, the output options and _open_db().


# --------------------------------------------------------------------------- shared options

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help=f"SQLite database file (default: ${DB_ENV_VAR}, else crossref.db in the user data dir).",
        show_default=False,
        dir_okay=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Print no messages on stderr, only errors.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Output one JSON array.")]
JsonlOption = Annotated[bool, typer.Option("--jsonl", help="Output one JSON object per line.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Output CSV with a header row.")]
TsvOption = Annotated[bool, typer.Option("--tsv", help="Output TSV with a header row (default when piped).")]
TableOption = Annotated[bool, typer.Option("--table", help="Output a table (default on a terminal).")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="Show at most this many rows.")]
PartiesOption = Annotated[
    Path | None,
    typer.Option(
        "--parties",
        help="TOML file mapping parties to speakers and aliases (default: parties.toml in the config dir).",
        dir_okay=False,
    ),
]


def _output_format(*, json_: bool, jsonl: bool, csv_: bool, tsv: bool, table: bool) -> OutputFormat | None:
    try:
        return render.pick_format(
            {
                OutputFormat.JSON: json_,
                OutputFormat.JSONL: jsonl,
                OutputFormat.CSV: csv_,
                OutputFormat.TSV: tsv,
                OutputFormat.TABLE: table,
            }
        )
    except render.FormatConflict as exc:
        raise typer.BadParameter(str(exc)) from None


def _open_db(db: Path | None) -> store.Database:
    path = resolve_db_path(db)

    def upgrading(pending: list[str]) -> None:
        Messages().info(f"upgrading {path} to this version of crossref (once; a big database takes a minute)")

    return store.open_database(path, on_upgrade=upgrading)


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        message = f"{value!r} is not a date like 2024-05-31"
        raise typer.BadParameter(message, param_hint="--published") from None


def _party_settings(path: Path | None) -> PartySettings | None:
    """The parties file given, else the one in the config directory, else none."""
    from crossref.parties.settings import load_parties_file

    if path is not None:
        return load_parties_file(path)
    default = parties_file()
    return load_parties_file(default) if default.is_file() else None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crossref {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback when an error stops crossref.")
    ] = False,
) -> None:
    """Show, side by side, how each party to an incident described it in the news.

    crossref reads articles into a SQLite database, finds attributed statements (who said what,
    for which side) and lists them.

    **Examples:**

    ```
    crossref ingest story.txt https://example.com/news/1
    crossref statements --party Israel --search ceasefire
    crossref articles --json > articles.json
    ```
    """


# --------------------------------------------------------------------------- ingest


class InputFormat(StrEnum):
    """How standard input (``-``) is read."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"


@contextmanager
def _ingest_feedback(messages: Messages) -> Iterator[Callable[[Any], None]]:
    """An ``on_item`` callback: prints each failure; a progress line on stderr if it is a terminal."""
    from crossref.ingest import IngestItem

    def report_failure(item: IngestItem) -> None:
        if item.status == "failed":
            messages.error(f"{item.source}: {item.problem}")

    if messages.quiet or not messages.console.is_terminal:
        yield report_failure
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=messages.console, transient=True) as progress:
        task = progress.add_task("reading", total=None)
        done = 0

        def on_item(item: IngestItem) -> None:
            nonlocal done
            done += 1
            report_failure(item)
            progress.update(task, description=f"{done} read, last {item.status}: {item.source}")

        yield on_item


@app.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files, URLs, or - for standard input.", metavar="SOURCE...", show_default=False),
    ],
    db: DbOption = None,
    stdin_format: Annotated[
        InputFormat, typer.Option("--format", "-f", help="How to read standard input (-).")
    ] = InputFormat.TEXT,
    outlet: Annotated[str | None, typer.Option(help="Outlet name, where the source does not say.")] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", "--date", help="Publication date YYYY-MM-DD, where not given."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title, where the source does not give one.")] = None,
    url: Annotated[str | None, typer.Option(help="URL the text came from, where not given.")] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Read again articles whose text is already stored.")
    ] = False,
    parties: PartiesOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Processes extracting in parallel. [default: all CPUs]",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Read articles from files, URLs or standard input and store their statements.

    An article whose text is already stored is skipped (use --replace to read it again).
    A source that cannot be read gets one error line; the others are still stored, and
    the exit code is 1.

    **Examples:**

    ```
    crossref ingest story.txt notes.md https://example.com/news/1
    crossref ingest --outlet Reuters --date 2024-05-31 story.txt
    cat story.md | crossref ingest - --format markdown --title "Port strike"
    crossref ingest --workers 4 corpus.jsonl
    ```
    """
    from crossref.ingest import ingest_sources
    from crossref.parallel import default_workers
    from crossref.sources import Limits, SourceDefaults

    published = _iso_date(published)
    messages = Messages(quiet=quiet)
    database = _open_db(db)
    defaults = SourceDefaults(title=title, outlet=outlet, published=published, url=url)
    with _ingest_feedback(messages) as on_item:
        report = ingest_sources(
            database,
            sources,
            defaults=defaults,
            limits=Limits(),
            stdin_format=stdin_format.value,
            replace=replace,
            on_item=on_item,
            settings=_party_settings(parties),
            workers=workers or default_workers(),
        )
    messages.info(report.summary())
    if not report.ok:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- listings


def _show(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[render.Column],
    fmt: OutputFormat | None,
    fields: Sequence[str],
    messages: Messages,
    empty: str,
) -> None:
    if not rows and render.resolve_format(fmt, sys.stdout) is OutputFormat.TABLE:
        messages.info(empty)
    render.render_rows(rows, columns, fmt, fields=fields)


@app.command()
def articles(
    db: DbOption = None,
    search: Annotated[str | None, typer.Option(help="Full-text search in titles and texts.")] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    jsonl: JsonlOption = False,
    csv_: CsvOption = False,
    tsv: TsvOption = False,
    table: TableOption = False,
    quiet: QuietOption = False,
) -> None:
    """List stored articles with their statement counts.

    **Examples:**

    ```
    crossref articles
    crossref articles --search "port strike" --json
    crossref articles --csv > articles.csv
    ```
    """
    fmt = _output_format(json_=json_, jsonl=jsonl, csv_=csv_, tsv=tsv, table=table)
    rows = store.list_articles(_open_db(db), search=search, limit=limit)
    _show(rows, render.ARTICLE_COLUMNS, fmt, store.ARTICLE_FIELDS, Messages(quiet=quiet), "No articles.")


class StatementKind(StrEnum):
    """Kinds of attributed statement."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@app.command()
def statements(
    db: DbOption = None,
    article: Annotated[
        int | None, typer.Option("--article", help="Only statements from this article id.")
    ] = None,
    party: Annotated[str | None, typer.Option(help="Only statements for this party (any case).")] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only speakers whose name contains this (any case or accents).")
    ] = None,
    event: Annotated[
        str | None, typer.Option("--event", help="Only statements grouped under this event id.")
    ] = None,
    kind: Annotated[StatementKind | None, typer.Option(help="Only direct, indirect or mixed quotes.")] = None,
    search: Annotated[
        str | None,
        typer.Option(
            help='Full-text search in statements: plain words, or FTS5 syntax (`"a phrase"`, OR, NOT, `x*`).'
        ),
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    jsonl: JsonlOption = False,
    csv_: CsvOption = False,
    tsv: TsvOption = False,
    table: TableOption = False,
    quiet: QuietOption = False,
) -> None:
    """List attributed statements: who said what, for which party, in which article.

    **Examples:**

    ```
    crossref statements --article 3
    crossref statements --party Israel --kind direct --json
    crossref statements --speaker erdogan --search "cease-fire"
    ```
    """
    fmt = _output_format(json_=json_, jsonl=jsonl, csv_=csv_, tsv=tsv, table=table)
    rows = store.list_statements(
        _open_db(db),
        article_id=article,
        party=party,
        speaker=speaker,
        event_id=event,
        kind=kind.value if kind else None,
        search=search,
        limit=limit,
    )
    messages = Messages(quiet=quiet)
    _show(rows, render.STATEMENT_COLUMNS, fmt, store.STATEMENT_FIELDS, messages, "No statements.")


# --------------------------------------------------------------------------- maintenance


@app.command()
def reextract(db: DbOption = None, parties: PartiesOption = None, quiet: QuietOption = False) -> None:
    """Run statement extraction again over every stored article (e.g. after an upgrade).

    Your speaker-to-party assignments are kept and applied again.

    **Examples:**

    ```
    crossref reextract --db news.db
    ```
    """
    from crossref.eventstore import regroup

    messages = Messages(quiet=quiet)
    database = _open_db(db)
    report = store.reextract_all(database, settings=_party_settings(parties))
    for article_id, problem in report.failed:
        messages.error(f"article {article_id}: {problem}")
    messages.info(
        f"re-extracted {render.plural(report.articles, 'article')}: "
        f"{report.statements_before} statements before, {report.statements_after} now"
    )
    grouped = regroup(database)
    messages.info(f"grouped into {render.plural(grouped.events, 'event')}")
    if report.failed:
        raise typer.Exit(1)


@parties_app.callback(invoke_without_command=True)
def parties_list(
    ctx: typer.Context,
    db: DbOption = None,
    json_: JsonOption = False,
    jsonl: JsonlOption = False,
    csv_: CsvOption = False,
    tsv: TsvOption = False,
    table: TableOption = False,
    quiet: QuietOption = False,
) -> None:
    """List parties (the sides speakers speak for), or change them with a subcommand.

    Parties are inferred from speakers' names and roles; `assign`, `merge` and `rename`
    correct them for good (kept across `reextract`). A parties file (`--parties` on
    `ingest` and `reextract`, or parties.toml in the config directory) does the same in bulk.

    **Examples:**

    ```
    crossref parties
    crossref parties assign "Dmitry Peskov" Russia
    crossref parties merge "Russian Federation" Russia
    crossref parties rename "Karabakh forces" "Karabakh Armenians"
    ```
    """
    if ctx.invoked_subcommand is not None:
        return
    fmt = _output_format(json_=json_, jsonl=jsonl, csv_=csv_, tsv=tsv, table=table)
    rows = store.list_parties(_open_db(db))
    columns = [
        render.Column("name", "party"),
        render.Column("kind", "kind"),
        render.Column("origin", "origin"),
        render.Column("speakers", "speakers", justify="right"),
        render.Column("statements", "statements", justify="right"),
        render.Column("aliases", "also known as"),
    ]
    _show(rows, columns, fmt, [c.key for c in columns], Messages(quiet=quiet), "no parties yet")


@parties_app.command("assign")
def parties_assign(
    speaker: Annotated[str, typer.Argument(help="Speaker name as `crossref statements` shows it.")],
    party: Annotated[str, typer.Argument(help="The party this speaker speaks for.")],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Assign a speaker to a party, now and after every re-extraction.

    **Examples:**

    ```
    crossref parties assign "Maria Zakharova" Russia
    ```
    """
    changed = store.set_speaker_party(_open_db(db), speaker, party)
    Messages(quiet=quiet).info(f"{speaker} -> {party} ({render.plural(changed, 'statement')})")


@parties_app.command("merge")
def parties_merge(
    source: Annotated[str, typer.Argument(help="The party to fold in.")],
    target: Annotated[str, typer.Argument(help="The party that remains.")],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Merge one party into another for good (the name is kept as an alias).

    **Examples:**

    ```
    crossref parties merge "Russian Federation" Russia
    ```
    """
    moved = store.merge_parties(_open_db(db), source, target)
    Messages(quiet=quiet).info(f"merged {source} into {target} ({render.plural(moved, 'statement')})")


@parties_app.command("rename")
def parties_rename(
    old: Annotated[str, typer.Argument(help="The party's current name.")],
    new: Annotated[str, typer.Argument(help="Its new name.")],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Rename a party (kept across re-extraction).

    **Examples:**

    ```
    crossref parties rename "Karabakh forces" "Karabakh Armenians"
    ```
    """
    count = store.rename_party(_open_db(db), old, new)
    Messages(quiet=quiet).info(f"renamed {old} to {new} ({render.plural(count, 'statement')})")


# --------------------------------------------------------------------------- events and compare


@events_app.callback(invoke_without_command=True)
def events_list(
    ctx: typer.Context,
    db: DbOption = None,
    party: Annotated[str | None, typer.Option(help="Only events with statements of this party.")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, typer.Option(help="Only events on or before this date (YYYY-MM-DD).")
    ] = None,
    search: Annotated[
        str | None, typer.Option(help="Words in the title, places or statements (FTS5 syntax allowed).")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    jsonl: JsonlOption = False,
    csv_: CsvOption = False,
    tsv: TsvOption = False,
    table: TableOption = False,
    quiet: QuietOption = False,
) -> None:
    """List events: the incidents statements were grouped into, latest first.

    Statements are grouped as articles are ingested. Correct the grouping with `merge`,
    `move` and `rename`; corrections are kept across `regroup` and `reextract`.

    **Examples:**

    ```
    crossref events --since 2020-12-01
    crossref events --party Russia --search cease-fire --json
    crossref events show 3f9a1c2e
    crossref events merge 3f9a1c2e 77b0e1d4
    ```
    """
    if ctx.invoked_subcommand is not None:
        return
    from crossref import eventquery
    from crossref.render_events import render_events

    fmt = _output_format(json_=json_, jsonl=jsonl, csv_=csv_, tsv=tsv, table=table)
    since_day = _date_option(since, "--since")
    until_day = _date_option(until, "--until")
    database = _open_db(db)
    eventquery.ensure_grouped(database, notify=Messages(quiet=quiet).info)
    rows = eventquery.list_events(
        database, party=party, since=since_day, until=until_day, search=search, limit=limit
    )
    if not rows and render.resolve_format(fmt, sys.stdout) is OutputFormat.TABLE:
        Messages(quiet=quiet).info("No events.")
    render_events(rows, fmt)


def _date_option(value: str | None, hint: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2024-05-31", param_hint=hint) from None


EventArgument = Annotated[
    str, typer.Argument(help="Event id (or its first 4+ characters).", show_default=False)
]


@events_app.command("show")
def events_show(
    event: EventArgument,
    db: DbOption = None,
    json_: JsonOption = False,
    jsonl: JsonlOption = False,
    csv_: CsvOption = False,
    tsv: TsvOption = False,
    table: TableOption = False,
) -> None:
    """Show one event and its statements.

    **Examples:**

    ```
    crossref events show 3f9a1c2e
    crossref events show 3f9a --json
    ```
    """
    from crossref import eventquery
    from crossref.render_events import render_events

    fmt = _output_format(json_=json_, jsonl=jsonl, csv_=csv_, tsv=tsv, table=table)
    database = _open_db(db)
    eventquery.ensure_grouped(database, notify=Messages().info)
    found = eventquery.resolve_event(database, event)
    rows = store.list_statements(database, event_id=found["id"])
    resolved = render.resolve_format(fmt, sys.stdout)
    if resolved is OutputFormat.JSON:
        payload = {k: found[k] for k in found if k != "title_locked"}
        payload["statements"] = [{k: r.get(k) for k in store.STATEMENT_FIELDS} for r in rows]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    if resolved is OutputFormat.TABLE:
        render_events([found], fmt)
    render.render_rows(rows, render.STATEMENT_COLUMNS, fmt, fields=store.STATEMENT_FIELDS)


@events_app.command("merge")
def events_merge(
    source: Annotated[str, typer.Argument(help="The event to fold in.", show_default=False)],
    target: Annotated[str, typer.Argument(help="The event that remains.", show_default=False)],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Merge one event into another for good (kept across regrouping and re-extraction).

    **Examples:**

    ```
    crossref events merge 77b0e1d4 3f9a1c2e
    ```
    """
    from crossref import eventstore

    merged = eventstore.merge_events(_open_db(db), source, target)
    Messages(quiet=quiet).info(
        f"merged into {merged['id']}: {merged['title']} ({merged['statements']} statements)"
    )


@events_app.command("move")
def events_move(
    statement: Annotated[
        int, typer.Argument(help="Statement id (see `crossref statements`).", show_default=False)
    ],
    event: Annotated[str | None, typer.Argument(help="The event to move it to.", show_default=False)] = None,
    new: Annotated[bool, typer.Option("--new", help="Move it into a new event of its own.")] = False,
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Move a statement to another event, or with --new to an event of its own (kept across
    regrouping and re-extraction).

    **Examples:**

    ```
    crossref events move 412 3f9a1c2e
    crossref events move 412 --new
    ```
    """
    from crossref import eventstore

    if new == (event is not None):
        raise typer.BadParameter("give either an EVENT to move the statement to, or --new")
    moved = eventstore.move_statement(_open_db(db), statement, None if new else event)
    Messages(quiet=quiet).info(f"statement {statement} is now in {moved['id']}: {moved['title']}")


@events_app.command("rename")
def events_rename(
    event: EventArgument,
    title: Annotated[str, typer.Argument(help="The new title.", show_default=False)],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Give an event a title of your own (kept across regrouping).

    **Examples:**

    ```
    crossref events rename 3f9a1c2e "Drone strike on Izmail port"
    ```
    """
    from crossref import eventstore

    renamed = eventstore.rename_event(_open_db(db), event, title)
    Messages(quiet=quiet).info(f"{renamed['id']}: {renamed['title']}")


@events_app.command("regroup")
def events_regroup(db: DbOption = None, quiet: QuietOption = False) -> None:
    """Group every statement into events again from scratch (your corrections are replayed).

    **Examples:**

    ```
    crossref events regroup --db news.db
    ```
    """
    from crossref import eventstore

    report = eventstore.regroup(_open_db(db))
    Messages(quiet=quiet).info(
        f"grouped {report.statements} statements from {report.articles} articles into {report.events} events"
    )


class CompareBy(StrEnum):
    """What the columns of a comparison are."""

    PARTY = "party"
    SPEAKER = "speaker"
    OUTLET = "outlet"


@app.command()
def compare(
    event: Annotated[
        str,
        typer.Argument(help="Event id, or words of its title (or of its statements).", show_default=False),
    ],
    db: DbOption = None,
    by: Annotated[
        CompareBy, typer.Option("--by", help="One column per party, speaker or outlet.")
    ] = CompareBy.PARTY,
    sources: Annotated[
        bool, typer.Option("--sources", help="Show the article and sentence behind every item.")
    ] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Output a Markdown report.")] = False,
    json_: JsonOption = False,
    jsonl: JsonlOption = False,
    csv_: CsvOption = False,
    tsv: TsvOption = False,
    table: TableOption = False,
) -> None:
    """Show side by side how each party described one event, and where they disagree.

    For each party: what happened in its words, whom it blames, the figures it gives, the
    places it names, its denials and confirmations, each with speaker, outlet and date.
    Words that match several events list them on stderr (exit code 1).

    **Examples:**

    ```
    crossref compare "Hadrut"
    crossref compare 3f9a1c2e --by outlet --sources
    crossref compare 3f9a1c2e --markdown > report.md
    crossref compare 3f9a1c2e --json | jq '.disagreements'
    ```
    """
    from crossref import eventquery
    from crossref.compare import build_comparison
    from crossref.render_events import render_comparison

    fmt = _output_format(json_=json_, jsonl=jsonl, csv_=csv_, tsv=tsv, table=table)
    if markdown and fmt is not None:
        raise typer.BadParameter(f"choose one output format: --markdown or --{fmt.value}")
    database = _open_db(db)
    eventquery.ensure_grouped(database, notify=Messages().info)
    found = eventquery.pick_events(database, event)
    if not found:
        raise CrossrefError(f"no event matches {event!r} (see `crossref events`)")
    if len(found) > 1:
        messages = Messages()
        messages.error(f"{event!r} matches {len(found)} events; give one id:")
        for candidate in found:
            messages.detail(f"  {candidate['id']}  {candidate['title']}")
        raise typer.Exit(1)
    comparison = build_comparison(database, found[0]["id"], by=by.value)
    render_comparison(comparison, fmt, markdown=markdown, sources=sources)


@db_app.command("path")
def db_path(db: DbOption = None) -> None:
    """Print the path of the database in use (--db, else $CROSSREF_DB, else the default).

    **Examples:**

    ```
    crossref db path
    sqlite-utils tables "$(crossref db path)"
    ```
    """
    typer.echo(str(resolve_db_path(db).absolute()))


@db_app.command("compact")
def db_compact(db: DbOption = None, quiet: QuietOption = False) -> None:
    """Write the database again in as few pages as it needs (its search indexes merged, then
    VACUUM). Ingest does this itself after a run that wrote most of the database; do it
    after other big changes (re-extraction, regrouping, parties merged).

    **Examples:**

    ```
    crossref db compact
    crossref db compact --db research.db
    ```
    """
    from crossref.compaction import compact

    result = compact(_open_db(db))
    Messages(quiet=quiet).info(
        f"compacted {resolve_db_path(db)}: {_megabytes(result.before)} -> {_megabytes(result.after)}"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main() -> None:
    """Console entry point."""
    try:
        app(prog_name="crossref")
    except KeyboardInterrupt:
        Messages().error("interrupted")
        sys.exit(130)
