"""Versioned schema migrations for the crossref database.

Each migration is a function registered with :func:`migration`; they run once each, in the
order they are defined, every one in its own write transaction together with its row in
``crossref_migrations``. To change the schema, append a new function: never edit one that
has shipped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from crossref.database import Database
from crossref.errors import DatabaseError
from crossref.packing import pack_pairs, pack_profile, unpack_profile

#: ``PRAGMA application_id`` of every crossref database: "XREF" in ASCII.
APPLICATION_ID = 0x58524546
MIGRATIONS_TABLE = "crossref_migrations"

Migration = Callable[[Database], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration, named after the function."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


def _run(db: Database, statements: list[str]) -> None:
    for sql in statements:
        db.execute(sql)


def _fts5(table: str, columns: list[str]) -> list[str]:
    """An external-content FTS5 index on ``table`` kept in sync by triggers (Datasette finds it)."""
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content="{table}", content_rowid="id")',
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


@migration
def m0001_initial_schema(db: Database) -> None:
    """Articles, parties, speakers, statements, user overrides and full-text indexes."""
    _run(
        db,
        [
            """CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                title TEXT,
                outlet TEXT,
                published TEXT,
                source TEXT,
                url TEXT,
                language TEXT,
                format TEXT,
                text TEXT NOT NULL,
                text_hash TEXT NOT NULL UNIQUE,
                words INTEGER,
                ingested_at TEXT,
                extractor_version TEXT
            )""",
            """CREATE TABLE parties (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT,
                origin TEXT NOT NULL DEFAULT 'inferred' CHECK (origin IN ('inferred', 'user'))
            )""",
            """CREATE TABLE speakers (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                key TEXT NOT NULL UNIQUE,
                kind TEXT,
                role TEXT,
                party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL
            )""",
            """CREATE TABLE statements (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                start INTEGER,
                "end" INTEGER,
                text TEXT NOT NULL,
                sentence TEXT,
                sentence_start INTEGER,
                sentence_end INTEGER,
                cue TEXT,
                kind TEXT,
                speaker_mention TEXT,
                mention_start INTEGER,
                speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
                party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL,
                event_id TEXT,
                extra TEXT
            )""",
            """CREATE TABLE speaker_party_overrides (
                speaker_key TEXT PRIMARY KEY,
                party TEXT NOT NULL,
                set_at TEXT NOT NULL
            )""",
            "CREATE INDEX idx_articles_published ON articles(published)",
            "CREATE INDEX idx_articles_outlet ON articles(outlet)",
            "CREATE INDEX idx_speakers_party_id ON speakers(party_id)",
            "CREATE UNIQUE INDEX idx_statements_article_ordinal ON statements(article_id, ordinal)",
            "CREATE INDEX idx_statements_speaker_id ON statements(speaker_id)",
            "CREATE INDEX idx_statements_party_id ON statements(party_id)",
            "CREATE INDEX idx_statements_event_id ON statements(event_id)",
            "CREATE INDEX idx_statements_kind ON statements(kind)",
            *_fts5("articles", ["title", "text"]),
            *_fts5("statements", ["text", "sentence"]),
        ],
    )


def applied_migrations(db: Database) -> list[str]:
    """Names of the migrations already applied to ``db``, oldest first."""
    if MIGRATIONS_TABLE not in db.table_names():
        return []
    return [row["name"] for row in db.query(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid")]


def apply_migrations(
    db: Database,
    transaction: Callable[[], AbstractContextManager[object]] | None = None,
    on_upgrade: Callable[[list[str]], None] | None = None,
) -> list[str]:
    """Apply every pending migration in order; return the names applied now.

    ``transaction`` opens a write transaction (defaults to a plain ``BEGIN IMMEDIATE``); no
    write happens at all when nothing is pending. ``on_upgrade`` is told the pending names
    before a database made by an older crossref, holding articles, is migrated (not one that
    another process is making). Raises
    DatabaseError when the database was migrated by a newer crossref.
    """
    begin = transaction or (lambda: _plain_transaction(db))
    applied = applied_migrations(db)
    known = {name for name, _ in MIGRATIONS}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise DatabaseError(
            f"the database was written by a newer version of crossref (unknown migration {unknown[0]}); "
            "upgrade crossref to use it"
        )
    pending = [(name, fn) for name, fn in MIGRATIONS if name not in applied]
    if not pending:
        return []
    if applied and on_upgrade is not None and _holds_articles(db):  # not one being made meanwhile
        on_upgrade([name for name, _ in pending])
    # as SQLite advises for schema changes: a table made again must not cascade its DROP
    # into the tables that refer to it (each migration keeps references whole itself)
    enforced = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return _apply(db, pending, begin)
    finally:
        db.conn.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


def _holds_articles(db: Database) -> bool:
    return (
        "articles" in db.table_names() and db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
    )


def _apply(
    db: Database, pending: list[tuple[str, Migration]], begin: Callable[[], AbstractContextManager[object]]
) -> list[str]:
    done: list[str] = []
    for name, fn in pending:
        with begin():
            db.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
                "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            seen = db.execute(f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", [name]).fetchone()
            if seen:
                continue
            fn(db)
            db.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat(timespec="seconds")],
            )
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        done.append(name)
    return done


@contextlib.contextmanager
def _plain_transaction(db: Database) -> Iterator[Database]:
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


@migration
def m0002_party_aliases(db: Database) -> None:
    """Party merges and renames made with ``crossref parties``: another name -> the party."""
    _run(
        db,
        [
            "CREATE TABLE party_aliases (alias_key TEXT PRIMARY KEY, alias TEXT NOT NULL, "
            "party TEXT NOT NULL, set_at TEXT NOT NULL)",
        ],
    )


@migration
def m0003_events(db: Database) -> None:
    """Events (incidents) that statements are grouped into, the grouping engine's state, and
    the user's corrections (merges, moves, renames), which are replayed after every grouping.

    ``statements.event_id`` holds the id of a row of ``events`` (kept so by crossref.eventstore;
    the column predates this table, so SQLite does not enforce it).
    """
    _run(
        db,
        [
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                start TEXT,
                "end" TEXT,
                places TEXT NOT NULL DEFAULT '[]',
                parties TEXT NOT NULL DEFAULT '[]',
                statements INTEGER NOT NULL DEFAULT 0,
                articles INTEGER NOT NULL DEFAULT 0,
                outlets INTEGER NOT NULL DEFAULT 0,
                title_locked INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX idx_events_start ON events(start)",
            'CREATE INDEX idx_events_end ON events("end")',
            # what grouping found for each statement (its raw group, before corrections)
            """CREATE TABLE event_members (
                statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
                group_id TEXT NOT NULL,
                article_id INTEGER NOT NULL,
                date_lo TEXT,
                date_hi TEXT,
                date_precision TEXT,
                places TEXT,
                phrases TEXT
            )""",
            "CREATE INDEX idx_event_members_group ON event_members(group_id)",
            "CREATE INDEX idx_event_members_article ON event_members(article_id)",
            # the grouping engine's state: event profiles, blocking index, document frequencies
            "CREATE TABLE event_groups (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, profile TEXT NOT NULL)",
            """CREATE TABLE event_keys (
                key TEXT NOT NULL,
                bucket INTEGER NOT NULL,
                group_id TEXT NOT NULL,
                PRIMARY KEY (key, bucket, group_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX idx_event_keys_group ON event_keys(group_id)",
            "CREATE TABLE event_df (feature TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID",
            # statements change their event_id (and party) far more often than their text:
            # re-index them for full-text search only when the indexed columns change
            "DROP TRIGGER IF EXISTS statements_au",
            "CREATE TRIGGER statements_au AFTER UPDATE OF text, sentence ON statements BEGIN "
            "INSERT INTO statements_fts(statements_fts, rowid, text, sentence) "
            "VALUES ('delete', old.id, old.text, old.sentence); "
            "INSERT INTO statements_fts(rowid, text, sentence) VALUES (new.id, new.text, new.sentence); END",
            "CREATE TABLE event_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            # corrections; statements are named by (article text hash, start, end), which
            # survives re-extraction where statement ids do not
            """CREATE TABLE event_corrections (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('merge', 'move', 'rename')),
                event TEXT,
                target TEXT,
                article_hash TEXT,
                start INTEGER,
                "end" INTEGER,
                title TEXT,
                anchors TEXT,
                created_at TEXT NOT NULL
            )""",
        ],
    )


@migration
def m0004_compact_statements(db: Database) -> None:
    """Statements stop storing a copy of their sentence where it is the article's text
    between the sentence offsets (it is read from the article instead); the full-text index
    of statements then holds only the statement texts. Nearly halves what statements take."""
    _run(
        db,
        [
            "UPDATE statements SET sentence = NULL WHERE sentence IS NOT NULL "
            "AND sentence_start IS NOT NULL AND sentence_end IS NOT NULL AND sentence = ("
            "SELECT substr(a.text, statements.sentence_start + 1, "
            "statements.sentence_end - statements.sentence_start) "
            "FROM articles a WHERE a.id = statements.article_id)",
        ],
    )


@migration
def m0005_pending_events(db: Database) -> None:
    """Events whose ``events`` row is to be recomputed: an ingest notes the events it
    changed here and recomputes their rows every few seconds and at its end, instead of
    after every batch (a big event's row is rebuilt from all its statements)."""
    _run(db, ["CREATE TABLE events_pending (id TEXT PRIMARY KEY) WITHOUT ROWID"])


@migration
def m0006_compact_grouping_state(db: Database) -> None:
    """The blocking index of event grouping holds numbers instead of strings: each blocking key
    once in ``event_key_names``, each event by its ``event_groups.seq`` (about a third of
    the bytes, in the table and in its index). Drops two indexes no query uses (statements by
    kind: three values, a scan is as quick; event members by article)."""
    _run(
        db,
        [
            "CREATE TABLE event_key_names (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)",
            "INSERT INTO event_key_names (key) SELECT DISTINCT key FROM event_keys ORDER BY key",
            "CREATE UNIQUE INDEX idx_event_groups_seq ON event_groups(seq)",
            "CREATE TABLE event_keys_compact (key_id INTEGER NOT NULL, bucket INTEGER NOT NULL, "
            "seq INTEGER NOT NULL, PRIMARY KEY (key_id, bucket, seq)) WITHOUT ROWID",
            "INSERT INTO event_keys_compact (key_id, bucket, seq) SELECT n.id, k.bucket, g.seq "
            "FROM event_keys k JOIN event_key_names n ON n.key = k.key "
            "JOIN event_groups g ON g.id = k.group_id",
            "DROP TABLE event_keys",
            "ALTER TABLE event_keys_compact RENAME TO event_keys",
            "CREATE INDEX idx_event_keys_seq ON event_keys(seq)",
            "DROP INDEX IF EXISTS idx_statements_kind",
            "DROP INDEX IF EXISTS idx_event_members_article",
        ],
    )


@migration
def m0007_statement_text_from_article(db: Database) -> None:
    """Statements stop storing their text where it is the article's text between their
    offsets (as m0004 did for their sentence): it is read from the article instead, about a
    tenth of the database. The table is made again so that ``text`` may be NULL (same
    columns, ids and indexes). The view ``statement_texts`` gives every statement's text and
    sentence, and is what the full-text index of statements now indexes (statement texts only:
    the sentences it also held were nearly all NULL since m0004)."""
    article_span = 'substr(a.text, st.start + 1, st."end" - st.start)'  # where a text is read back
    # a deleted or changed statement's text (``old``), in a trigger
    old_text = (
        'COALESCE(old.text, (SELECT substr(a.text, old.start + 1, old."end" - old.start) '
        "FROM articles a WHERE a.id = old.article_id))"
    )
    _run(
        db,
        [
            """CREATE TABLE statements_new (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                start INTEGER,
                "end" INTEGER,
                text TEXT,
                sentence TEXT,
                sentence_start INTEGER,
                sentence_end INTEGER,
                cue TEXT,
                kind TEXT,
                speaker_mention TEXT,
                mention_start INTEGER,
                speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
                party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL,
                event_id TEXT,
                extra TEXT
            )""",
            'INSERT INTO statements_new (id, article_id, ordinal, start, "end", text, sentence, '
            "sentence_start, sentence_end, cue, kind, speaker_mention, mention_start, speaker_id, "
            "party_id, event_id, extra) "
            f'SELECT st.id, st.article_id, st.ordinal, st.start, st."end", '
            f"CASE WHEN st.text = {article_span} THEN NULL ELSE st.text END, st.sentence, st.sentence_start, "
            "st.sentence_end, st.cue, st.kind, st.speaker_mention, st.mention_start, st.speaker_id, "
            "st.party_id, st.event_id, st.extra "
            "FROM statements st LEFT JOIN articles a ON a.id = st.article_id",
            "DROP TABLE statements",  # with its triggers and indexes (foreign keys are off here)
            "ALTER TABLE statements_new RENAME TO statements",
            "CREATE UNIQUE INDEX idx_statements_article_ordinal ON statements(article_id, ordinal)",
            "CREATE INDEX idx_statements_speaker_id ON statements(speaker_id)",
            "CREATE INDEX idx_statements_party_id ON statements(party_id)",
            "CREATE INDEX idx_statements_event_id ON statements(event_id)",
            "CREATE VIEW statement_texts AS SELECT st.id, st.article_id, "
            f"COALESCE(st.text, {article_span}) AS text, "
            "COALESCE(st.sentence, substr(a.text, st.sentence_start + 1, "
            "st.sentence_end - st.sentence_start)) AS sentence "
            "FROM statements st JOIN articles a ON a.id = st.article_id",
            "DROP TABLE statements_fts",
            'CREATE VIRTUAL TABLE statements_fts USING fts5(text, content="statement_texts", '
            'content_rowid="id", columnsize=0)',
            "CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN "
            "INSERT INTO statements_fts(rowid, text) "
            "SELECT id, text FROM statement_texts WHERE id = new.id; END",
            # the row is gone when these run: its text comes from old.* and its article
            "CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN "
            "INSERT INTO statements_fts(statements_fts, rowid, text) "
            f"SELECT 'delete', old.id, {old_text}; END",
            'CREATE TRIGGER statements_au AFTER UPDATE OF text, start, "end", article_id ON statements '
            "BEGIN INSERT INTO statements_fts(statements_fts, rowid, text) "
            f"SELECT 'delete', old.id, {old_text}; "
            "INSERT INTO statements_fts(rowid, text) "
            "SELECT id, text FROM statement_texts WHERE id = new.id; END",
            # an article's statements leave the index while the article is there to read from
            # (its ON DELETE CASCADE would run after it is gone), and follow an edit of its text
            "CREATE TRIGGER articles_statements_bd BEFORE DELETE ON articles BEGIN "
            "DELETE FROM statements WHERE article_id = old.id; END",
            "CREATE TRIGGER articles_statements_bu BEFORE UPDATE OF text ON articles BEGIN "
            "INSERT INTO statements_fts(statements_fts, rowid, text) "
            "SELECT 'delete', id, text FROM statement_texts WHERE article_id = old.id; END",
            "CREATE TRIGGER articles_statements_au AFTER UPDATE OF text ON articles BEGIN "
            "INSERT INTO statements_fts(rowid, text) "
            "SELECT id, text FROM statement_texts WHERE article_id = new.id; END",
            "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
        ],
    )


@migration
def m0008_event_keys_by_event(db: Database) -> None:
    """Each event's place in the blocking index is kept as one short list of (key id, week)
    pairs in ``event_group_keys`` (by ``event_groups.seq``; see crossref.packing) instead of
    an index of ``event_keys`` by event, which was as big as the table (about 0.16 × the
    article text). Dropping or merging an event reads its pairs from there."""
    db.execute("CREATE TABLE event_group_keys (seq INTEGER PRIMARY KEY, keys BLOB NOT NULL)")
    by_seq: dict[int, list[tuple[int, int]]] = {}
    for key_id, bucket, seq in db.execute("SELECT key_id, bucket, seq FROM event_keys"):
        by_seq.setdefault(int(seq), []).append((int(key_id), int(bucket)))
    db.conn.executemany(
        "INSERT INTO event_group_keys (seq, keys) VALUES (?, ?)",
        [(seq, pack_pairs(pairs)) for seq, pairs in sorted(by_seq.items())],
    )
    db.execute("DROP INDEX IF EXISTS idx_event_keys_seq")


@migration
def m0009_compact_event_members(db: Database) -> None:
    """``event_members`` in fewer bytes (about 0.35 → 0.15 × the article text): dates as
    numbers yyyymmdd instead of ISO text, the date's precision as a number (default 0,
    exact 1, report 2, vague 3; see crossref.eventstore.PRECISION_CODES), NULL instead of
    an empty JSON object or list of places and phrases, and no ``article_id`` (the
    statement's, which nothing read from here). The table is made again."""
    day = "CAST(replace({0}, '-', '') AS INTEGER)"
    _run(
        db,
        [
            """CREATE TABLE event_members_new (
                statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
                group_id TEXT NOT NULL,
                date_lo INTEGER,
                date_hi INTEGER,
                date_precision INTEGER,
                places TEXT,
                phrases TEXT
            )""",
            "INSERT INTO event_members_new (statement_id, group_id, date_lo, date_hi, date_precision, "
            f"places, phrases) SELECT statement_id, group_id, {day.format('date_lo')}, "
            f"{day.format('date_hi')}, "
            "CASE date_precision WHEN 'default' THEN 0 WHEN 'exact' THEN 1 WHEN 'report' THEN 2 "
            "WHEN 'vague' THEN 3 ELSE date_precision END, NULLIF(places, '{}'), NULLIF(phrases, '[]') "
            "FROM event_members ORDER BY statement_id",
            "DROP TABLE event_members",
            "ALTER TABLE event_members_new RENAME TO event_members",
            "CREATE INDEX idx_event_members_group ON event_members(group_id)",
        ],
    )


@migration
def m0010_binary_profiles(db: Database) -> None:
    """Event profiles in the binary layout of crossref.packing.pack_profile (their vector's
    values as doubles, not JSON text): about a seventh fewer bytes, the same floats."""
    rows = db.execute("SELECT id, profile FROM event_groups ORDER BY seq").fetchall()
    db.conn.executemany(
        "UPDATE event_groups SET profile = ? WHERE id = ?",
        [(pack_profile(unpack_profile(raw)), event_id) for event_id, raw in rows],
    )


@migration
def m0011_speaker_mention_from_article(db: Database) -> None:
    """Statements stop storing how they name their speaker where it is the article's text
    from ``mention_start`` (as m0004 and m0007 did for their sentence and text): the new
    column ``mention_end`` is set instead and the mention is read from the article (about
    0.06 × the article text). The view ``statement_texts`` gains every statement's
    ``speaker_mention``."""
    mention = "substr(a.text, {0}.mention_start + 1, {0}.mention_end - {0}.mention_start)"
    _run(
        db,
        [
            "ALTER TABLE statements ADD COLUMN mention_end INTEGER",
            "UPDATE statements SET mention_end = mention_start + length(speaker_mention), "
            "speaker_mention = NULL "
            "WHERE speaker_mention IS NOT NULL AND speaker_mention != '' AND mention_start >= 0 "
            "AND speaker_mention = (SELECT substr(a.text, statements.mention_start + 1, "
            "length(statements.speaker_mention)) FROM articles a WHERE a.id = statements.article_id "
            "AND instr(a.text, char(0)) = 0)",
            "DROP VIEW statement_texts",
            "CREATE VIEW statement_texts AS SELECT st.id, st.article_id, "
            'COALESCE(st.text, substr(a.text, st.start + 1, st."end" - st.start)) AS text, '
            "COALESCE(st.sentence, substr(a.text, st.sentence_start + 1, "
            "st.sentence_end - st.sentence_start)) AS sentence, "
            f"COALESCE(st.speaker_mention, {mention.format('st')}) AS speaker_mention "
            "FROM statements st JOIN articles a ON a.id = st.article_id",
        ],
    )


@migration
def m0012_drop_unused_article_indexes(db: Database) -> None:
    """Drops the indexes of articles by outlet and by date: no query of crossref's reads
    articles by either (about 0.02 × the article text)."""
    _run(db, ["DROP INDEX IF EXISTS idx_articles_outlet", "DROP INDEX IF EXISTS idx_articles_published"])


@migration
def m0013_event_members_by_seq(db: Database) -> None:
    """``event_members`` names each statement's group by its number ``event_groups.seq``
    (``group_seq``) instead of its eight-character id, in the table and in its index (about
    0.06 × the article text). Should a member's group have no row in ``event_groups`` (no
    crossref writes such a database), the grouping is marked out of date, to be done again."""
    before = db.execute("SELECT count(*) FROM event_members").fetchone()[0]
    _run(
        db,
        [
            """CREATE TABLE event_members_new (
                statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
                group_seq INTEGER NOT NULL,
                date_lo INTEGER,
                date_hi INTEGER,
                date_precision INTEGER,
                places TEXT,
                phrases TEXT
            )""",
            "INSERT INTO event_members_new (statement_id, group_seq, date_lo, date_hi, date_precision, "
            "places, phrases) SELECT m.statement_id, g.seq, m.date_lo, m.date_hi, m.date_precision, "
            "m.places, m.phrases FROM event_members m JOIN event_groups g ON g.id = m.group_id "
            "ORDER BY m.statement_id",
        ],
    )
    if db.execute("SELECT count(*) FROM event_members_new").fetchone()[0] != before:
        db.execute("UPDATE event_state SET value = 'stale' WHERE key = 'version'")
    _run(
        db,
        [
            "DROP TABLE event_members",
            "ALTER TABLE event_members_new RENAME TO event_members",
            "CREATE INDEX idx_event_members_group ON event_members(group_seq)",
        ],
    )


@migration
def m0014_position_free_search_indexes(db: Database) -> None:
    """The full-text indexes of articles and statements keep which rows hold a word, not
    where (FTS5 ``detail=none``): about 0.64 × the article text less (bench/README.md,
    "Database size"). Phrases, NEAR and column filters are still answered exactly, by
    crossref.search. Their triggers name the indexes only, so they stay as they are."""
    _run(
        db,
        [
            "DROP TABLE articles_fts",
            'CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", '
            'content_rowid="id", detail=none)',
            "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
            "DROP TABLE statements_fts",
            'CREATE VIRTUAL TABLE statements_fts USING fts5(text, content="statement_texts", '
            'content_rowid="id", columnsize=0, detail=none)',
            "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
        ],
    )


@migration
def m0015_smaller_event_state(db: Database) -> None:
    """The grouping state and the small tables in fewer bytes (about 0.1 × the article text
    of a database of 1,000 articles, 0.05 × of 10,000):

    - ``event_members`` dates as days since 2000-01-01 (two bytes, not four) and the last
      date as days after the first (most are 0, which takes none); see
      crossref.eventstore.DAY_ZERO;
    - ``event_groups`` keyed by ``seq`` (its own index on ``seq`` is dropped), ``events``
      by ``id`` alone (``WITHOUT ROWID``: no separate index of the id), as are the tables of
      a few rows keyed by text (``event_state``, ``party_aliases``,
      ``speaker_party_overrides``);
    - the indexes of events by start and end date, which no query uses (events are listed
      by ``COALESCE`` of the two), are dropped.
    """
    day = (
        "CAST(round(julianday(printf('%04d-%02d-%02d', {0} / 10000, {0} / 100 % 100, {0} % 100)) "
        "- julianday('2000-01-01')) AS INTEGER)"
    )
    lo, hi = day.format("date_lo"), day.format("date_hi")
    statements = [
        f"UPDATE event_members SET date_lo = {lo}, date_hi = {hi} - COALESCE({lo}, 0)",
        "DROP INDEX IF EXISTS idx_events_start",
        "DROP INDEX IF EXISTS idx_events_end",
    ]
    tables = {
        "event_groups": ("seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, profile BLOB NOT NULL", ""),
        "events": (
            """id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                start TEXT,
                "end" TEXT,
                places TEXT NOT NULL DEFAULT '[]',
                parties TEXT NOT NULL DEFAULT '[]',
                statements INTEGER NOT NULL DEFAULT 0,
                articles INTEGER NOT NULL DEFAULT 0,
                outlets INTEGER NOT NULL DEFAULT 0,
                title_locked INTEGER NOT NULL DEFAULT 0""",
            " WITHOUT ROWID",
        ),
        "event_state": ("key TEXT PRIMARY KEY, value TEXT NOT NULL", " WITHOUT ROWID"),
        "party_aliases": (
            "alias_key TEXT PRIMARY KEY, alias TEXT NOT NULL, party TEXT NOT NULL, set_at TEXT NOT NULL",
            " WITHOUT ROWID",
        ),
        "speaker_party_overrides": (
            "speaker_key TEXT PRIMARY KEY, party TEXT NOT NULL, set_at TEXT NOT NULL",
            " WITHOUT ROWID",
        ),
    }
    for table, (columns, options) in tables.items():
        names = ", ".join(f'"{row[1]}"' for row in db.execute(f"PRAGMA table_info({table})").fetchall())
        statements += [
            f"CREATE TABLE {table}_new ({columns}){options}",
            f"INSERT INTO {table}_new ({names}) SELECT {names} FROM {table}",
            f"DROP TABLE {table}",  # with its indexes
            f"ALTER TABLE {table}_new RENAME TO {table}",
        ]
    _run(db, statements)


#: ``statements.kind`` from the number stored for it (see crossref.store.KIND_CODES)
KIND_FROM_CODE = (
    "CASE kind_code WHEN 0 THEN 'indirect' WHEN 1 THEN 'direct' WHEN 2 THEN 'mixed' ELSE kind_code END"
)


@migration
def m0016_statement_kind_as_number(db: Database) -> None:
    """``statements.kind`` is stored as a number (``kind_code``: indirect 0 and direct 1,
    which take no bytes, mixed 2) and read as before from ``kind``, now a virtual column
    computed from it: about 0.04 × the article text. The table is made again (same columns
    but ``kind_code`` at the end, same ids and indexes); the views and triggers are dropped
    meanwhile (renaming a table checks them all) and made again as they were."""
    kept = (
        'id, article_id, ordinal, start, "end", text, sentence, sentence_start, sentence_end, cue, '
        "speaker_mention, mention_start, speaker_id, party_id, event_id, extra, mention_end"
    )
    dependents = db.execute(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND "
        "(type IN ('view', 'trigger') OR (type = 'index' AND tbl_name = 'statements')) ORDER BY rowid"
    ).fetchall()
    _run(
        db,
        [
            *(f'DROP {kind.upper()} "{name}"' for kind, name, _ in dependents if kind != "index"),
            f"""CREATE TABLE statements_new (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                start INTEGER,
                "end" INTEGER,
                text TEXT,
                sentence TEXT,
                sentence_start INTEGER,
                sentence_end INTEGER,
                cue TEXT,
                kind TEXT GENERATED ALWAYS AS ({KIND_FROM_CODE}) VIRTUAL,
                speaker_mention TEXT,
                mention_start INTEGER,
                speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
                party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL,
                event_id TEXT,
                extra TEXT,
                mention_end INTEGER,
                kind_code INTEGER
            )""",
            f"INSERT INTO statements_new ({kept}, kind_code) SELECT {kept}, "
            "CASE kind WHEN 'indirect' THEN 0 WHEN 'direct' THEN 1 WHEN 'mixed' THEN 2 ELSE kind END "
            "FROM statements ORDER BY id",
            "DROP TABLE statements",  # with its indexes and triggers
            "ALTER TABLE statements_new RENAME TO statements",
            *(sql for _, _, sql in dependents),
        ],
    )
