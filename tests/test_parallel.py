"""Parallel ingest: the ordered worker map, `ingest --workers`, batched transactions, and
features computed ahead in the workers giving exactly the events grouping alone gives."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crossref import store
from crossref.cli import app
from crossref.errors import CrossrefError
from crossref.ingest import ingest_sources
from crossref.models import Statement
from crossref.parallel import WORKER_NICENESS, default_workers, ordered_map
from crossref.sources import Limits, SourceDefaults

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def _square(n: int) -> int:
    return n * n


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def test_ordered_map_keeps_input_order_across_workers() -> None:
    assert list(ordered_map(_square, range(200), workers=2)) == [n * n for n in range(200)]
    assert list(ordered_map(_square, range(5), workers=1)) == [0, 1, 4, 9, 16]


def test_ordered_map_reads_its_input_lazily() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(1000):
            pulled += 1
            yield n

    results = ordered_map(_square, numbers(), workers=2, window=10)
    first = [next(results) for _ in range(3)]
    assert first == [0, 1, 4]
    assert pulled <= 3 + 10  # never more than the window ahead of what was consumed
    assert len(list(results)) == 997


def test_ordered_map_passes_a_worker_exception_on() -> None:
    with pytest.raises(ValueError, match="seven"):
        list(ordered_map(_fail_on_seven, range(20), workers=2))


def test_ordered_map_runs_the_initializer_in_the_parent() -> None:
    calls: list[str] = []
    assert list(ordered_map(_square, [3], workers=2, initializer=lambda: calls.append("x"))) == [9]
    assert calls == ["x"]


def _niceness(_: int) -> int:
    return os.nice(0)


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_workers_yield_the_cpu_to_the_parent_that_stores_in_order() -> None:
    parent = os.nice(0)
    assert set(ordered_map(_niceness, range(4), workers=2)) == {min(19, parent + WORKER_NICENESS)}
    assert os.nice(0) == parent


def test_default_workers_is_every_cpu_this_process_may_use() -> None:
    assert 1 <= default_workers() <= (os.cpu_count() or 1)


def _snapshot(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """What an ingest stored, independent of row ids: statements with speaker, party and
    event, and the event rows."""
    conn = sqlite3.connect(db)
    try:
        statements = conn.execute(
            'SELECT a.text_hash, st.start, st."end", t.text, sp.name, p.name, st.event_id '
            "FROM statements st JOIN articles a ON a.id = st.article_id "
            "JOIN statement_texts t ON t.id = st.id "
            "LEFT JOIN speakers sp ON sp.id = st.speaker_id LEFT JOIN parties p ON p.id = st.party_id "
            "ORDER BY 1, 2, 3"
        ).fetchall()
        events = conn.execute(
            'SELECT id, title, start, "end", places, parties, statements, articles FROM events ORDER BY id'
        ).fetchall()
    finally:
        conn.close()
    return statements, events


def test_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    runner = CliRunner()
    results = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "--workers", workers, "-q"])
        assert result.exit_code == 0, result.output
        results[workers] = _snapshot(db)
    statements, events = results["1"]
    assert len(statements) > 100 and len(events) >= 4
    assert results["2"] == results["1"]


def test_workers_must_be_positive(tmp_path: Path) -> None:
    args = ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.db"), "--workers", "0"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--workers" in result.output


def _write_stories(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"story{i:02}.txt"
        path.write_text(
            f"Officials in the port of Zorivka said {i + 3} boats were seized on Monday.\n\n"
            f'"We will not accept this," the harbour master, Ivan Petrenko{i}, said.\n',
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _breaks_on_story_three(text: str, *, published: str | None = None) -> list[Statement]:
    """An extractor whose statement for one story cannot be stored (a cue SQLite cannot hold)."""
    from crossref.extract import extract_statements

    found = extract_statements(text, published=published)
    if "Petrenko3," in text and found:
        found[0].cue = object()  # type: ignore[assignment]
    return found


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_cannot_be_stored_keeps_no_other_article_of_its_batch_out(
    tmp_path: Path, workers: int
) -> None:
    paths = _write_stories(tmp_path / "in", 6)
    database = store.open_database(tmp_path / "x.db")
    try:
        report = ingest_sources(
            database,
            [str(p) for p in paths],
            defaults=SourceDefaults(published="2024-05-06"),
            limits=Limits(),
            extractor=_breaks_on_story_three,
            workers=workers,
        )
        assert report.added == 5
        assert [source for source, _ in report.failed] == [str(paths[3])]
        assert "could not be stored" in report.failed[0][1]
        stored = database.execute("SELECT count(*) FROM articles").fetchone()[0]
        ungrouped = database.execute("SELECT count(*) FROM statements WHERE event_id IS NULL").fetchone()[0]
        assert (stored, ungrouped) == (5, 0)
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        database.close()


def test_a_worker_that_dies_gives_one_clear_error(tmp_path: Path) -> None:
    from crossref.parallel import _result

    class Dead:
        def result(self) -> None:
            from concurrent.futures.process import BrokenProcessPool

            raise BrokenProcessPool("gone")

    with pytest.raises(CrossrefError, match="worker process died"):
        _result(Dead())  # type: ignore[arg-type]
