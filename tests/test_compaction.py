"""Compacting the database (crossref.compaction): after a run that wrote most of it, on
demand with `crossref db compact`, and never at the cost of what it holds."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crossref import store
from crossref.cli import app
from crossref.compaction import compact, worth_compacting
from crossref.errors import DatabaseError
from crossref.ingest import IngestReport, ingest_sources
from crossref.sources import Limits, SourceDefaults

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def _ingest(db: store.Database, sources: list[Path]) -> IngestReport:
    return ingest_sources(db, [str(s) for s in sources], defaults=SourceDefaults(), limits=Limits())


def _listing(db_path: Path) -> str:
    result = CliRunner().invoke(app, ["statements", "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _index_rows(db_path: Path, index: str) -> int:
    """Rows of an FTS5 index's data table: each segment takes at least one, so merging them
    into one ('optimize') leaves fewer."""
    with sqlite3.connect(db_path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {index}_data").fetchone()[0])


def test_worth_compacting_after_a_run_that_wrote_most_of_the_database() -> None:
    assert worth_compacting(10, 10)  # a first load
    assert worth_compacting(5, 10)
    assert not worth_compacting(4, 10)
    assert not worth_compacting(1, 100_000)  # a day's articles added to a year's
    assert not worth_compacting(0, 0)


def test_a_first_load_is_compacted_and_a_small_addition_is_not(tmp_path: Path) -> None:
    db = store.open_database(tmp_path / "x.db")
    samples = sorted(SAMPLES.glob("*.md"))
    first = _ingest(db, samples[:-1])
    assert first.compacted is not None and first.compacted.after <= first.compacted.before
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    later = _ingest(db, samples[-1:])
    assert later.added == 1 and later.compacted is None
    db.close()


def test_db_compact_keeps_everything_and_merges_the_search_indexes(tmp_path: Path) -> None:
    db_path = tmp_path / "x.db"
    db = store.open_database(db_path)
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    _ingest(db, samples[:3])
    for sample in samples[3:]:  # each a small addition: no compaction, a new index segment each
        assert _ingest(db, [sample]).compacted is None
    db.close()
    before = _listing(db_path)
    rows = _index_rows(db_path, "statements_fts")
    result = CliRunner().invoke(app, ["db", "compact", "--db", str(db_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"compacted {db_path}: ") and " MB -> " in result.stderr
    assert _listing(db_path) == before
    assert _index_rows(db_path, "statements_fts") < rows
    search = CliRunner().invoke(app, ["statements", "--db", str(db_path), "--search", "Izmail", "--json"])
    assert search.exit_code == 0 and json.loads(search.stdout)


def test_compacting_does_not_wait_for_a_reader(tmp_path: Path) -> None:
    """A reader in another connection keeps its snapshot; compacting neither fails nor waits
    for it to finish."""
    db_path = tmp_path / "x.db"
    db = store.open_database(db_path)
    _ingest(db, sorted(SAMPLES.glob("*.md"))[:2])
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    counted = reader.execute("SELECT count(*) FROM statements").fetchone()[0]
    started = time.monotonic()
    result = compact(db)
    assert time.monotonic() - started < 5
    assert result.after <= result.before
    assert reader.execute("SELECT count(*) FROM statements").fetchone()[0] == counted
    reader.execute("COMMIT")
    reader.close()
    db.close()


def test_compacting_an_empty_database(tmp_path: Path) -> None:
    db = store.open_database(tmp_path / "x.db")
    result = compact(db)
    assert result.after <= result.before
    db.close()


@pytest.mark.parametrize("quiet", [False, True])
def test_db_compact_quiet(tmp_path: Path, quiet: bool) -> None:
    args = ["db", "compact", "--db", str(tmp_path / "x.db")] + (["-q"] if quiet else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0
    assert (result.stderr == "") == quiet


def test_compacting_gives_up_on_a_writer_and_changes_nothing(tmp_path: Path) -> None:
    """Another process writing: compact raises a DatabaseError after the wait it is given,
    and the database holds what it held; an ingest then leaves compaction for later."""
    db_path = tmp_path / "x.db"
    db = store.open_database(db_path)
    _ingest(db, sorted(SAMPLES.glob("*.md"))[:2])
    before = _listing(db_path)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    with pytest.raises(DatabaseError, match="in use by another process"):
        compact(db, wait=0.2)
    assert time.monotonic() - started < 5
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == store.DEFAULT_BUSY_TIMEOUT * 1000
    writer.execute("ROLLBACK")
    writer.close()
    assert _listing(db_path) == before
    db.close()
