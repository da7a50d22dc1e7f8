"""The connection crossref's library functions take: a SQLite connection in autocommit mode
(``isolation_level=None``; writes group themselves with ``store.write_transaction``), the
file it came from, and how long writers retry a busy lock.

A few lines of our own rather than sqlite-utils' ``Database``: crossref used nothing of it
but ``execute`` and ``query``, and importing sqlite-utils cost ~0.1 s of every command's
start-up (see bench/README.md, "Command latency")."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

DEFAULT_RETRY_FOR = 30.0  # seconds write_transaction keeps retrying a busy BEGIN on top of SQLite's wait

Parameters = Sequence[Any] | Mapping[str, Any]


class Database:
    """A SQLite connection with the few helpers crossref uses."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None = None, retry_for: float = DEFAULT_RETRY_FOR
    ) -> None:
        self.conn = conn
        self.path = path
        self.retry_for = retry_for
        # As sqlite-utils set it: a row an INSERT OR REPLACE deletes fires its delete triggers
        # (which keep the full-text indexes and event tables in step).
        conn.execute("PRAGMA recursive_triggers = ON")

    def execute(self, sql: str, parameters: Parameters | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters if parameters is not None else ())

    def query(self, sql: str, parameters: Parameters | None = None) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts, column name to value. Runs at once, fetches lazily."""
        cursor = self.execute(sql, parameters)
        names = [column[0] for column in cursor.description or ()]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    def table_names(self) -> list[str]:
        return [name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()


def is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)
