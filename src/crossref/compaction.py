"""Compacting the database: the full-text indexes merged into one segment each and every
table and index written again page by page (``VACUUM``).

Storing articles leaves pages part-filled: statements are updated with their event after
they are stored, the event tables and the indexes by event, speaker and party take rows in
no particular order, and FTS5 keeps adding segments. Written again in order they take
about a twentieth less space (bench/README.md, "Database size"). Ingest compacts after a
run that wrote at least half the articles the database holds (a first load, mostly: it
takes well under a second per 10,000 articles); ``crossref db compact`` does it on demand.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from crossref.database import Database, is_busy
from crossref.errors import DatabaseError

SEARCH_INDEXES = ("articles_fts", "statements_fts")

#: Ingest compacts when the run wrote at least this share of the articles now stored.
COMPACT_AFTER_SHARE = 0.5


@dataclass(frozen=True)
class Compaction:
    """The database's size in bytes before and after compacting."""

    before: int
    after: int


def database_bytes(db: Database) -> int:
    """The bytes the database's pages take (what its file holds once the log is merged in)."""
    pages, size = (db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size"))
    return int(pages) * int(size)


def compact(db: Database, *, wait: float | None = None) -> Compaction:
    """Merge the full-text indexes and ``VACUUM``, waiting up to ``wait`` seconds (default:
    the connection's busy timeout) for another process's lock. Raises DatabaseError when
    another process keeps the database locked (nothing is changed then)."""
    before = database_bytes(db)
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    if wait is not None:
        db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
    try:
        with _transaction(db):
            for index in SEARCH_INDEXES:
                db.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")
        db.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise DatabaseError("the database is in use by another process; compact it later") from exc
        raise
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    # VACUUM wrote every page to the write-ahead log: copy what it can back into the file now,
    # without waiting for readers (the log is emptied when the last connection closes)
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    return Compaction(before, database_bytes(db))


@contextlib.contextmanager
def _transaction(db: Database) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def worth_compacting(written: int, stored: int) -> bool:
    """Whether a run that wrote ``written`` of the ``stored`` articles should compact."""
    return written > 0 and written >= COMPACT_AFTER_SHARE * stored
