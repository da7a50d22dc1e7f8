"""The crossref command line, end to end through CliRunner and temporary databases."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from typer.testing import CliRunner, Result

from crossref import __version__, store
from crossref.cli import app
from crossref.models import ArticleInput, Statement

StatementFactory = Callable[..., Statement]
ANSI = re.compile(r"\x1b\[")

STORY_1 = (
    "Port officials in Izmail said on Tuesday that three drones struck the grain terminal overnight.\n\n"
    '"We lost two warehouses," the port director told reporters.\n'
)
STORY_2 = (
    "The defence ministry in Moscow said its forces had hit military targets near the Danube.\n\n"
    "Kyiv rejected the claim and said only civilian sites were damaged.\n"
)
TEXT_S = "Erdoğan said the cease-fire must hold. The Defence Ministry said the port was hit."


def invoke(runner: CliRunner, *args: str | Path, **kw: Any) -> Result:
    return runner.invoke(app, [str(a) for a in args], **kw)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("crossref: error: ")]


def json_out(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def stories(tmp_path: Path) -> list[Path]:
    one = tmp_path / "izmail.txt"
    one.write_text(STORY_1, encoding="utf-8")
    two = tmp_path / "danube.txt"
    two.write_text(STORY_2, encoding="utf-8")
    return [one, two]


@pytest.fixture
def filled_db(db_path: Path, make_statement: StatementFactory) -> Path:
    """A database with two articles and three hand-made statements."""
    db = store.open_database(db_path)
    store.save_article(
        db,
        ArticleInput(text=TEXT_S, source="s.txt", title="Port hit", outlet="Wire", published="2024-05-01"),
        [
            make_statement(
                "the cease-fire must hold", speaker="Erdoğan", party="Turkey", article_text=TEXT_S
            ),
            make_statement(
                "the port was hit",
                speaker="Defence Ministry",
                party="Ukraine",
                kind="indirect",
                article_text=TEXT_S,
            ),
        ],
    )
    store.save_article(
        db,
        ArticleInput(text="Erdogan spoke again.", source="t.txt", title="Again", outlet="Herald"),
        [make_statement("spoke again", speaker="Erdogan", party="Turkey", kind="mixed")],
    )
    db.execute("UPDATE statements SET event_id = 'izmail-strike' WHERE id = 2")
    db.close()
    return db_path


# --------------------------------------------------------------------------- basics


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"crossref {__version__}"


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crossref", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"crossref {__version__}"


@pytest.mark.parametrize(
    "command",
    [[], ["ingest"], ["articles"], ["statements"], ["reextract"], ["db"], ["db", "path"]],
    ids=lambda c: " ".join(c) or "crossref",
)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = invoke(runner, *command, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert "Examples" in result.stdout
    assert "crossref " in result.stdout.split("Examples", 1)[1]


def test_top_level_help_documents_exit_codes(runner: CliRunner) -> None:
    out = invoke(runner, "--help").stdout
    assert "Exit codes" in out
    for code in ("0", "1", "2", "130"):
        assert re.search(rf"\b{code}\b", out)


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = invoke(runner)
    assert "Usage:" in result.output
    assert result.exit_code in (0, 2)


# --------------------------------------------------------------------------- database path


def test_db_path_precedence(runner: CliRunner, tmp_path: Path) -> None:
    default = Path(platformdirs.user_data_dir("crossref", appauthor=False)) / "crossref.db"
    assert str(tmp_path) in str(default)  # the isolated XDG_DATA_HOME
    assert invoke(runner, "db", "path").stdout.strip() == str(default)
    env = {"CROSSREF_DB": str(tmp_path / "env.db")}
    assert invoke(runner, "db", "path", env=env).stdout.strip() == str(tmp_path / "env.db")
    flagged = invoke(runner, "db", "path", "--db", tmp_path / "flag.db", env=env)
    assert flagged.stdout.strip() == str(tmp_path / "flag.db")
    assert not default.exists()  # `db path` only prints


def test_env_database_is_used(runner: CliRunner, tmp_path: Path, stories: list[Path]) -> None:
    env_db = tmp_path / "from-env.db"
    result = invoke(runner, "ingest", stories[0], env={"CROSSREF_DB": str(env_db)})
    assert result.exit_code == 0, result.stderr
    assert env_db.exists()
    assert len(json_out(invoke(runner, "articles", "--json", "--db", env_db))) == 1


def test_default_database_is_used(runner: CliRunner, stories: list[Path]) -> None:
    result = invoke(runner, "ingest", stories[0])
    assert result.exit_code == 0, result.stderr
    default = Path(platformdirs.user_data_dir("crossref", appauthor=False)) / "crossref.db"
    assert default.exists()


# --------------------------------------------------------------------------- ingest


def test_ingest_and_list_articles(runner: CliRunner, db_path: Path, stories: list[Path]) -> None:
    result = invoke(runner, "ingest", "--db", db_path, *stories, "--outlet", "Wire", "--date", "2026-03-14")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "added 2 articles" in result.stderr
    rows = json_out(invoke(runner, "articles", "--db", db_path, "--json"))
    assert [Path(r["source"]).name for r in rows] == [p.name for p in stories]
    assert {r["outlet"] for r in rows} == {"Wire"}
    assert {r["published"] for r in rows} == {"2026-03-14"}
    assert rows[0]["words"] == len(STORY_1.split())
    assert tuple(rows[0]) == store.ARTICLE_FIELDS


def test_ingest_skips_duplicates_and_replace_reads_again(
    runner: CliRunner, db_path: Path, stories: list[Path]
) -> None:
    assert invoke(runner, "ingest", "--db", db_path, *stories).exit_code == 0
    before = json_out(invoke(runner, "articles", "--db", db_path, "--json"))
    again = invoke(runner, "ingest", "--db", db_path, *stories)
    assert again.exit_code == 0
    assert "skipped 2 already stored (same text); --replace to read again" in again.stderr
    assert json_out(invoke(runner, "articles", "--db", db_path, "--json")) == before

    replaced = invoke(runner, "ingest", "--db", db_path, "--replace", "--title", "Retitled", stories[0])
    assert replaced.exit_code == 0, replaced.stderr
    assert "replaced 1 article" in replaced.stderr
    after = json_out(invoke(runner, "articles", "--db", db_path, "--json"))
    assert [r["id"] for r in after] == [r["id"] for r in before]
    assert len(after) == 2


def test_ingest_quiet(runner: CliRunner, db_path: Path, stories: list[Path]) -> None:
    result = invoke(runner, "ingest", "-q", "--db", db_path, *stories)
    assert result.exit_code == 0
    assert result.stderr == ""


def test_ingest_stdin(runner: CliRunner, db_path: Path) -> None:
    args = ["ingest", "--db", db_path, "-", "--format", "text", "--outlet", "Piped Wire"]
    result = invoke(runner, *args, input=STORY_2)
    assert result.exit_code == 0, result.stderr
    rows = json_out(invoke(runner, "articles", "--db", db_path, "--json"))
    assert [r["outlet"] for r in rows] == ["Piped Wire"]


def test_bad_inputs_each_get_one_line_and_good_ones_land(
    runner: CliRunner, db_path: Path, tmp_path: Path, stories: list[Path]
) -> None:
    assert invoke(runner, "ingest", "--db", db_path, stories[0]).exit_code == 0
    stored_before = json_out(invoke(runner, "articles", "--db", db_path, "--json"))

    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    undecodable = tmp_path / "mojibake.txt"
    undecodable.write_bytes(bytes(range(0x80, 0x100)) * 4)
    feed = tmp_path / "feed.jsonl"
    good_line = {"text": "The mayor said the bridge would reopen on Friday.", "title": "From JSON"}
    feed.write_text(json.dumps(good_line) + "\n{this is not json\n", encoding="utf-8")

    result = invoke(runner, "ingest", "--db", db_path, missing, empty, binary, stories[1], undecodable, feed)
    assert result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == 5, result.stderr
    for bad, line in zip([missing, empty, binary, undecodable, feed], lines, strict=True):
        assert bad.name in line
    assert result.stdout == ""  # the data channel stays clean
    assert "5 sources failed" in result.stderr

    rows = json_out(invoke(runner, "articles", "--db", db_path, "--json"))
    assert rows[0] == stored_before[0]  # untouched
    assert Path(rows[1]["source"]).name == stories[1].name
    assert "From JSON" in [r["title"] for r in rows]
    assert len(rows) == 3


def test_bad_date_is_a_usage_error(runner: CliRunner, db_path: Path, stories: list[Path]) -> None:
    result = invoke(runner, "ingest", "--db", db_path, "--date", "last tuesday", stories[0])
    assert result.exit_code == 2
    assert not db_path.exists()


# --------------------------------------------------------------------------- articles / statements output


@pytest.mark.parametrize("command", ["articles", "statements"])
def test_output_formats(runner: CliRunner, filled_db: Path, command: str) -> None:
    as_json = json_out(invoke(runner, command, "--db", filled_db, "--json"))
    jsonl = invoke(runner, command, "--db", filled_db, "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in jsonl] == as_json
    as_csv = list(csv.DictReader(io.StringIO(invoke(runner, command, "--db", filled_db, "--csv").stdout)))
    assert [row["id"] for row in as_csv] == [str(r["id"]) for r in as_json]
    tsv = invoke(runner, command, "--db", filled_db, "--tsv").stdout.splitlines()
    assert tsv[0].split("\t") == list(as_json[0])
    assert len(tsv) == len(as_json) + 1
    table = invoke(runner, command, "--db", filled_db, "--table")
    assert table.exit_code == 0
    assert "Wire" in table.stdout or "Erdoğan" in table.stdout
    assert not ANSI.search(table.stdout)
    assert all(len(line) <= 80 for line in table.stdout.splitlines())


def test_statement_json_fields(runner: CliRunner, filled_db: Path) -> None:
    rows = json_out(invoke(runner, "statements", "--db", filled_db, "--json"))
    required = {"id", "article_id", "source", "outlet", "published", "title", "speaker", "speaker_mention"}
    required |= {"party", "cue", "kind", "text", "start", "end", "sentence", "event_id"}
    assert required <= set(rows[0])
    first = rows[0]
    assert (first["speaker"], first["party"], first["outlet"], first["title"]) == (
        "Erdoğan",
        "Turkey",
        "Wire",
        "Port hit",
    )
    assert TEXT_S[first["start"] : first["end"]] == first["text"]


def test_default_output_when_piped_is_tsv(runner: CliRunner, filled_db: Path) -> None:
    result = invoke(runner, "statements", "--db", filled_db)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("id\tarticle_id\t")
    assert not ANSI.search(result.stdout)
    assert result.stdout == invoke(runner, "statements", "--db", filled_db, "--tsv").stdout


def test_no_color_turns_off_ansi_in_tables(runner: CliRunner, filled_db: Path) -> None:
    coloured = invoke(runner, "articles", "--db", filled_db, "--table", env={"FORCE_COLOR": "1"})
    assert ANSI.search(coloured.stdout)
    plain = invoke(
        runner, "articles", "--db", filled_db, "--table", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert plain.exit_code == 0
    assert not ANSI.search(plain.stdout)
    assert "Port hit" in plain.stdout


def test_empty_listings(runner: CliRunner, db_path: Path) -> None:
    assert json_out(invoke(runner, "statements", "--db", db_path, "--json")) == []
    tsv = invoke(runner, "articles", "--db", db_path)
    assert tsv.stdout == "\t".join(store.ARTICLE_FIELDS) + "\n"
    table = invoke(runner, "articles", "--db", db_path, "--table")
    assert table.stdout == "" and "No articles" in table.stderr


@pytest.mark.parametrize(
    ("args", "texts"),
    [
        (["--article", "2"], ["spoke again"]),
        (["--party", "turkey"], ["the cease-fire must hold", "spoke again"]),
        (["--speaker", "ERDOGAN"], ["the cease-fire must hold", "spoke again"]),
        (["--speaker", "defense"], ["the port was hit"]),
        (["--kind", "indirect"], ["the port was hit"]),
        (["--event", "izmail-strike"], ["the port was hit"]),
        (["--search", "cease-fire"], ["the cease-fire must hold"]),
        (["--search", "port OR again"], ["the port was hit", "spoke again"]),
        (["--party", "Turkey", "--search", "again", "--limit", "1"], ["spoke again"]),
    ],
)
def test_statement_filters(runner: CliRunner, filled_db: Path, args: list[str], texts: list[str]) -> None:
    rows = json_out(invoke(runner, "statements", "--db", filled_db, "--json", *args))
    assert [r["text"] for r in rows] == texts


def test_malformed_search_is_a_clear_error(runner: CliRunner, filled_db: Path) -> None:
    result = invoke(runner, "statements", "--db", filled_db, "--search", '"unclosed AND')
    assert result.exit_code == 1
    assert error_lines(result) == [result.stderr.strip()]
    assert "search" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unknown_party_and_article(runner: CliRunner, filled_db: Path) -> None:
    party = invoke(runner, "statements", "--db", filled_db, "--party", "Atlantis")
    assert party.exit_code == 1
    assert "no party named 'Atlantis'" in party.stderr
    article = invoke(runner, "statements", "--db", filled_db, "--article", "42")
    assert article.exit_code == 1
    assert error_lines(article) == ["crossref: error: no article with id 42"]


@pytest.mark.parametrize(
    "args",
    [
        ["articles", "--json", "--csv"],
        ["statements", "--kind", "shouted"],
        ["statements", "--no-such-option"],
        ["articles", "--limit", "0"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, db_path: Path, args: list[str]) -> None:
    result = invoke(runner, *args, "--db", db_path)
    assert result.exit_code == 2


# --------------------------------------------------------------------------- bad databases


def test_foreign_sqlite_database_is_refused(runner: CliRunner, tmp_path: Path, stories: list[Path]) -> None:
    path = tmp_path / "accounts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    conn.execute("INSERT INTO accounts (owner) VALUES ('me')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for args in (["ingest", stories[0]], ["articles"], ["statements"], ["reextract"]):
        result = invoke(runner, *args, "--db", path)
        assert result.exit_code == 1
        assert len(error_lines(result)) == 1
        assert "crossref did not create" in result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_corrupt_database_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    content = b"SQLite format 3\x00" + bytes(range(256)) * 16
    path.write_bytes(content)
    result = invoke(runner, "articles", "--db", path)
    assert result.exit_code == 1
    assert error_lines(result) and "untouched" in result.stderr
    text_file = tmp_path / "notes.txt"
    text_file.write_text("just notes\n")
    result = invoke(runner, "articles", "--db", text_file)
    assert result.exit_code == 1
    assert "not a SQLite database" in result.stderr
    assert path.read_bytes() == content
    assert text_file.read_text() == "just notes\n"


def test_debug_shows_the_traceback(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not sqlite")
    result = invoke(runner, "--debug", "articles", "--db", path)
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert error_lines(result)


def test_keyboard_interrupt_exits_130(
    runner: CliRunner, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> list[dict[str, object]]:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "list_articles", interrupted)
    result = invoke(runner, "articles", "--db", db_path)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr


# --------------------------------------------------------------------------- reextract


def test_reextract(
    runner: CliRunner, filled_db: Path, monkeypatch: pytest.MonkeyPatch, make_statement: StatementFactory
) -> None:
    import crossref.extract

    def fake(text: str, *, published: str | None = None) -> list[Statement]:
        return (
            [
                make_statement(
                    "the port was hit", speaker="Defense Ministry", party="Ukraine", article_text=text
                )
            ]
            if ("port" in text)
            else []
        )

    monkeypatch.setattr(crossref.extract, "extract_statements", fake)
    result = invoke(runner, "reextract", "--db", filled_db)
    assert result.exit_code == 0, result.stderr
    assert "re-extracted 2 articles: 3 statements before, 1 now" in result.stderr
    rows = json_out(invoke(runner, "statements", "--db", filled_db, "--json"))
    assert [(r["speaker"], r["party"]) for r in rows] == [("Defence Ministry", "Ukraine")]
    events = json_out(invoke(runner, "events", "--db", filled_db, "--json"))
    assert [e["id"] for e in events] == [rows[0]["event_id"]]  # re-extraction groups statements again


def test_a_new_database_is_made_without_an_upgrade_notice(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["articles", "--json", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 0, result.stderr
    assert "upgrading" not in result.stderr
