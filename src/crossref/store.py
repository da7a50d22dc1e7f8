"""The SQLite store: opening (and recognising) the database, saving and listing articles and statements.

Every function takes a sqlite-utils ``Database`` returned by :func:`open_database`. Writes go
through :func:`write_transaction`; all SQL is parameterised.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

from crossref.database import DEFAULT_RETRY_FOR, Database, is_busy
from crossref.errors import CrossrefError, DatabaseError, LookupFailed, QueryError
from crossref.migrations import APPLICATION_ID, MIGRATIONS_TABLE, apply_migrations
from crossref.models import ArticleInput, Statement
from crossref.parties import party_kind
from crossref.parties.settings import PartySettings, party_key
from crossref.search import run_search, search_condition

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 16384  # bytes per database page of a new database (see bench/README.md, "Scale")
DEFAULT_BUSY_TIMEOUT = 30.0  # seconds SQLite itself waits for a lock

SaveStatus = Literal["added", "replaced", "skipped"]


class Extractor(Protocol):
    """Anything shaped like ``crossref.extract.extract_statements``."""

    def __call__(self, text: str, *, published: str | None = None) -> list[Statement]: ...


# --------------------------------------------------------------------------- keys and hashes

_KEY_TRANSLATE = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
)
_NON_WORD = re.compile(r"[\W_]+")


def speaker_key(name: str) -> str:
    """A matching key for a speaker or party name: casefolded, accents stripped, "defence" spelt
    "defense", punctuation and whitespace collapsed to single spaces.

    >>> speaker_key("Erdoğan") == speaker_key("ERDOGAN")
    True
    >>> speaker_key("Defence Ministry")
    'defense ministry'
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(_KEY_TRANSLATE)
    stripped = stripped.replace("defence", "defense")
    return _NON_WORD.sub(" ", stripped).strip()


def _sql_key(value: object) -> str | None:
    return speaker_key(value) if isinstance(value, str) else None


def text_hash(text: str) -> str:
    """sha256 of the article text (UTF-8), as stored in ``articles.text_hash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- opening


def _check_file(path: Path) -> None:
    """Refuse, before anything is written, a path that is not an empty file or a SQLite file."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a directory, not a database file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a SQLite database (or it is corrupt); crossref left it untouched. "
            "Give another file with --db"
        )


def _check_contents(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a SQLite file that is unreadable or belongs to something other than crossref."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} cannot be read as a SQLite database ({exc}); crossref left it untouched"
        ) from exc
    if app_id == APPLICATION_ID or (app_id == 0 and (not tables or MIGRATIONS_TABLE in tables)):
        return
    shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
    what = f"it has tables {shown}" if tables else f"its application_id is {app_id:#x}"
    raise DatabaseError(
        f"{path} is a SQLite database that crossref did not create ({what}); crossref left it untouched. "
        "Give another file with --db"
    )


def open_database(
    path: str | Path,
    *,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    retry_for: float = DEFAULT_RETRY_FOR,
    on_upgrade: Callable[[list[str]], None] | None = None,
) -> Database:
    """Open (creating and migrating as needed) the crossref database at ``path``;
    ``on_upgrade`` is told the migrations a database of an older crossref is about to get.

    Raises DatabaseError, leaving the file untouched, if ``path`` is a directory, not SQLite,
    corrupt, or a SQLite database crossref did not create.
    """
    path = Path(path)
    _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot open database {path}: {exc}") from exc
    try:
        _check_contents(conn, path)
        if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            # a new file: pages that hold five or six articles of newswire length, not two or
            # three (less space left over at the end of each page)
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"), retry_for)
        conn.create_function("crossref_key", 1, _sql_key, deterministic=True)
        db = Database(conn, path, retry_for)
        apply_migrations(db, lambda: write_transaction(db), on_upgrade)
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseError(f"cannot use database {path}: {exc}") from exc
    return db


def _retry_busy(step: Callable[[], object], retry_for: float) -> None:
    """Run ``step`` again while SQLite answers "busy" at once (switching to WAL mode does not
    wait for another connection's lock), for up to ``retry_for`` seconds."""
    deadline = time.monotonic() + retry_for
    delay = 0.05
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, retrying the BEGIN while another process holds the lock.

    Rolls back on any exception. Raises DatabaseError if the lock is not had within the
    database's ``retry_for`` seconds (on top of SQLite's own busy timeout).
    """
    try:
        _retry_busy(lambda: db.conn.execute("BEGIN IMMEDIATE"), db.retry_for)
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise DatabaseError(
                "the database is locked by another process (still busy after retrying); try again later"
            ) from exc
        raise
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        if is_busy(exc):
            raise DatabaseError("the database is locked by another process; nothing was saved") from exc
        raise


# --------------------------------------------------------------------------- saving

SENTENCE_SQL = (
    "COALESCE(st.sentence, substr(a.text, st.sentence_start + 1, st.sentence_end - st.sentence_start))"
)
"""A statement's sentence (``st``) from its article (``a``): stored only where it is not the
article's text between the sentence offsets."""

STATEMENT_TEXT_SQL = 'COALESCE(st.text, substr(a.text, st.start + 1, st."end" - st.start))'
"""A statement's text, likewise (stored only where it is not the article's between its offsets)."""

MENTION_SQL = (
    "COALESCE(st.speaker_mention, substr(a.text, st.mention_start + 1, st.mention_end - st.mention_start))"
)
"""How a statement names its speaker, likewise: stored only where it is not the article's text
between ``mention_start`` and ``mention_end`` (which is set only then)."""


KIND_CODES = {"indirect": 0, "direct": 1, "mixed": 2}
"""How ``statements.kind_code`` stores a statement's kind (0 and 1 take no bytes); the
column ``kind`` reads it back (crossref.migrations.KIND_FROM_CODE). Another kind is kept as
its name."""


@dataclass
class SaveResult:
    """What :func:`save_article` did."""

    status: SaveStatus
    article_id: int
    statements: int = 0


def find_article_by_hash(db: Database, digest: str) -> dict[str, Any] | None:
    """The stored article whose text has sha256 ``digest`` (see :func:`text_hash`), or None."""
    rows = list(
        db.query("SELECT id, title, source, extractor_version FROM articles WHERE text_hash = ?", [digest])
    )
    return rows[0] if rows else None


def get_article(db: Database, article_id: int) -> dict[str, Any]:
    """The stored article row with id ``article_id``; LookupFailed if there is none."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        raise LookupFailed(f"no article with id {article_id}")
    return rows[0]


def save_article(
    db: Database,
    article: ArticleInput,
    statements: list[Statement],
    *,
    replace: bool = False,
    extractor_version: str | None = None,
    settings: PartySettings | None = None,
) -> SaveResult:
    """Store ``article`` and its ``statements`` in one transaction (see :func:`store_article`)."""
    with write_transaction(db):
        return store_article(
            db, article, statements, replace=replace, extractor_version=extractor_version, settings=settings
        )


def store_article(
    db: Database,
    article: ArticleInput,
    statements: list[Statement],
    *,
    replace: bool = False,
    extractor_version: str | None = None,
    settings: PartySettings | None = None,
    resolver: Resolver | None = None,
) -> SaveResult:
    """Store ``article`` and its ``statements`` within the caller's write transaction
    (``resolver``: one shared by the articles stored in that transaction).

    An article whose text is already stored is skipped, unless ``replace``: then the stored
    row keeps its id, takes the new metadata, and its statements are replaced.
    Speakers and parties are upserted; a user's speaker→party override beats the extractor.
    """
    if extractor_version is None:
        from crossref.extract import EXTRACTOR_VERSION

        extractor_version = EXTRACTOR_VERSION
    digest = text_hash(article.text)
    row = db.execute("SELECT id FROM articles WHERE text_hash = ?", [digest]).fetchone()
    values = [
        article.title,
        article.outlet,
        article.published,
        article.source,
        article.url,
        article.language,
        article.format,
        len(article.text.split()),
        _now(),
        extractor_version,
    ]
    if row is not None and not replace:
        return SaveResult("skipped", row[0])
    if row is not None:
        article_id = int(row[0])
        event_ids = _event_ids_by_span(db, article_id)
        db.execute(
            "UPDATE articles SET title = ?, outlet = ?, published = ?, source = ?, url = ?, "
            "language = ?, format = ?, words = ?, ingested_at = ?, extractor_version = ? WHERE id = ?",
            [*values, article_id],
        )
        db.execute("DELETE FROM statements WHERE article_id = ?", [article_id])
        status: SaveStatus = "replaced"
    else:
        cursor = db.execute(
            "INSERT INTO articles (title, outlet, published, source, url, language, format, words, "
            "ingested_at, extractor_version, text, text_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*values, article.text, digest],
        )
        article_id = int(cursor.lastrowid or 0)
        event_ids = {}
        status = "added"
    _insert_statements(
        db, article_id, article.text, statements, event_ids, resolver or Resolver(db, settings)
    )
    if status == "replaced":
        _prune_orphans(db)
    return SaveResult(status, article_id, len(statements))


def _event_ids_by_span(db: Database, article_id: int) -> dict[tuple[int, int], str]:
    rows = db.execute(
        'SELECT start, "end", event_id FROM statements WHERE article_id = ? AND event_id IS NOT NULL',
        [article_id],
    )
    return {(r[0], r[1]): r[2] for r in rows}


def speaker_name(st: Statement) -> str | None:
    """The name a statement's speaker is stored under when it is new (None: no speaker row)."""
    name = (st.speaker or "").strip()
    return name if name and speaker_key(name) else None


def party_index(db: Database) -> dict[str, int]:
    """Every stored party's matching key (see :func:`speaker_key`) -> its id (the oldest
    party of a key)."""
    index: dict[str, int] = {}
    for party_id, name in db.execute("SELECT id, name FROM parties ORDER BY id"):
        index.setdefault(speaker_key(name) or name, int(party_id))
    return index


class Resolver:
    """Looks up or creates party and speaker rows within one transaction (one may serve
    several articles stored in the same transaction)."""

    def __init__(
        self, db: Database, settings: PartySettings | None = None, parties: dict[str, int] | None = None
    ) -> None:
        """``parties``: :func:`party_index` of ``db``, when the caller keeps one up to date
        (the resolver adds the parties it creates)."""
        self.db = db
        self.overrides = {
            key: party for key, party in db.execute("SELECT speaker_key, party FROM speaker_party_overrides")
        }
        stored = PartySettings(
            aliases={k: p for k, p in db.execute("SELECT alias_key, party FROM party_aliases")}
        )
        self.settings = (settings or PartySettings()).overlay(stored)
        self.parties: dict[str, int] = {}
        self._stored = parties  # every party's key -> id, read on first need

    def _stored_party(self, key: str) -> int | None:
        if self._stored is None:
            self._stored = party_index(self.db)
        return self._stored.get(key)

    def party_id(self, name: str | None, *, origin: str = "inferred", kind: str | None = None) -> int | None:
        if not name or not name.strip():
            return None
        name = name.strip()
        key = speaker_key(name) or name
        if key in self.parties:
            return self.parties[key]
        found = self._stored_party(key)
        if found is None:
            cursor = self.db.execute(
                "INSERT INTO parties (name, kind, origin) VALUES (?, ?, ?)",
                [name, kind or party_kind(name), origin],
            )
            party_id = int(cursor.lastrowid or 0)
            if self._stored is not None:
                self._stored[key] = party_id
        else:
            party_id = found
            if kind:
                self.db.execute("UPDATE parties SET kind = COALESCE(kind, ?) WHERE id = ?", [kind, party_id])
        self.parties[key] = party_id
        return party_id

    def speaker(self, st: Statement) -> tuple[int | None, int | None]:
        """(speaker id, party id) for a statement, the user's override applied."""
        name = speaker_name(st) or ""
        key = speaker_key(name) if name else ""
        override = self.overrides.get(key) if key else None
        if override is not None:
            party_id = self.party_id(self.settings.canonical(override), origin="user")
        else:
            party = self.settings.party_for(name, st.party)
            origin = "inferred" if party == st.party else "user"
            party_id = self.party_id(party, origin=origin)
        if not key:
            return None, party_id
        row = self.db.execute("SELECT id FROM speakers WHERE key = ?", [key]).fetchone()
        if row is None:
            cursor = self.db.execute(
                "INSERT INTO speakers (name, key, kind, role, party_id) VALUES (?, ?, ?, ?, ?)",
                [name, key, st.speaker_type, st.speaker_role, party_id],
            )
            return int(cursor.lastrowid or 0), party_id
        speaker_id = int(row[0])
        if party_id is None:
            # the same speaker named with its side in another article
            known = self.db.execute("SELECT party_id FROM speakers WHERE id = ?", [speaker_id]).fetchone()
            party_id = known[0] if known else None
        self.db.execute(
            "UPDATE speakers SET kind = COALESCE(?, kind), role = COALESCE(?, role), "
            "party_id = COALESCE(?, party_id) WHERE id = ?",
            [st.speaker_type, st.speaker_role, party_id, speaker_id],
        )
        return speaker_id, party_id


def _insert_statements(
    db: Database,
    article_id: int,
    article_text: str,
    statements: list[Statement],
    event_ids: dict[tuple[int, int], str],
    resolver: Resolver,
) -> None:
    """Insert ``statements`` of an article. A text or sentence that is the article's text
    between the statement's offsets (or its sentence's) is not stored twice: it is read back
    from the article (unless the text holds a NUL character, where SQLite's ``substr`` stops)."""
    derivable = "\x00" not in article_text
    for ordinal, st in enumerate(statements):
        sentence: str | None = st.sentence
        if (
            derivable
            and st.sentence_start is not None
            and article_text[st.sentence_start : st.sentence_end] == sentence
        ):
            sentence = None
        text: str | None = st.text
        if derivable and article_text[st.start : st.end] == text:
            text = None
        mention, mention_end = st.speaker_mention, None
        if derivable and mention and st.mention_start is not None:
            end = st.mention_start + len(mention)
            if st.mention_start >= 0 and article_text[st.mention_start : end] == mention:
                mention, mention_end = None, end
        speaker_id, party_id = resolver.speaker(st)
        extra = json.dumps(st.extra, ensure_ascii=False, default=str) if st.extra else None
        db.execute(
            'INSERT INTO statements (article_id, ordinal, start, "end", text, sentence, sentence_start, '
            "sentence_end, cue, kind_code, speaker_mention, mention_start, mention_end, speaker_id, "
            "party_id, event_id, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                ordinal,
                st.start,
                st.end,
                text,
                sentence,
                st.sentence_start,
                st.sentence_end,
                st.cue,
                KIND_CODES.get(st.kind, st.kind),
                mention,
                st.mention_start,
                mention_end,
                speaker_id,
                party_id,
                event_ids.get((st.start, st.end)),
                extra,
            ],
        )


def _prune_orphans(db: Database) -> None:
    """Drop speakers no statement cites, and inferred parties nothing refers to."""
    db.execute(
        "DELETE FROM speakers "
        "WHERE id NOT IN (SELECT speaker_id FROM statements WHERE speaker_id IS NOT NULL)"
    )
    db.execute(
        "DELETE FROM parties WHERE origin = 'inferred' "
        "AND id NOT IN (SELECT party_id FROM statements WHERE party_id IS NOT NULL) "
        "AND id NOT IN (SELECT party_id FROM speakers WHERE party_id IS NOT NULL) "
        "AND crossref_key(name) NOT IN (SELECT crossref_key(party) FROM speaker_party_overrides)"
    )


def set_speaker_party(db: Database, speaker: str, party: str) -> int:
    """Record the user's assignment of ``speaker`` to ``party`` (kept across re-extraction) and
    apply it to stored rows now. Returns the number of statements updated."""
    key = speaker_key(speaker)
    if not key:
        raise QueryError(f"{speaker!r} is not a usable speaker name")
    if not party.strip():
        raise QueryError("the party name is empty")
    with write_transaction(db):
        db.execute(
            "INSERT INTO speaker_party_overrides (speaker_key, party, set_at) VALUES (?, ?, ?) "
            "ON CONFLICT(speaker_key) DO UPDATE SET party = excluded.party, set_at = excluded.set_at",
            [key, party.strip(), _now()],
        )
        resolver = Resolver(db)
        party_id = resolver.party_id(party, origin="user")
        db.execute("UPDATE speakers SET party_id = ? WHERE key = ?", [party_id, key])
        cursor = db.execute(
            "UPDATE statements SET party_id = ? WHERE speaker_id IN (SELECT id FROM speakers WHERE key = ?)",
            [party_id, key],
        )
        return cursor.rowcount


def list_parties(db: Database) -> list[dict[str, Any]]:
    """Every party with its counts of speakers and statements and the names merged into it."""
    rows = db.execute(
        "SELECT p.id, p.name, p.kind, p.origin, "
        "(SELECT count(*) FROM speakers s WHERE s.party_id = p.id), "
        "(SELECT count(*) FROM statements t WHERE t.party_id = p.id) "
        "FROM parties p ORDER BY 6 DESC, p.name"
    ).fetchall()
    aliases: dict[str, list[str]] = {}
    for alias, party in db.execute("SELECT alias, party FROM party_aliases ORDER BY alias"):
        aliases.setdefault(party_key(party), []).append(alias)
    return [
        {
            "id": r[0],
            "name": r[1],
            "kind": r[2],
            "origin": r[3],
            "speakers": r[4],
            "statements": r[5],
            "aliases": aliases.get(party_key(r[1]), []),
        }
        for r in rows
    ]


def _party_row(db: Database, name: str) -> tuple[int, str] | None:
    row = db.execute(
        "SELECT id, name FROM parties WHERE crossref_key(name) = ?", [speaker_key(name)]
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def merge_parties(db: Database, source: str, target: str) -> int:
    """Fold party ``source`` into ``target`` for good: its speakers and statements move, and
    the name is remembered so re-extraction keeps them together. Returns statements moved."""
    found = _party_row(db, source)
    if found is None:
        raise LookupFailed(f"no party named {source!r} (see `crossref parties`)")
    if not target.strip():
        raise QueryError("the party name is empty")
    with write_transaction(db):
        target_id = Resolver(db).party_id(target.strip(), origin="user")
        if target_id == found[0]:
            return 0
        _remember_alias(db, found[1], target.strip())
        db.execute("UPDATE speakers SET party_id = ? WHERE party_id = ?", [target_id, found[0]])
        moved = db.execute(
            "UPDATE statements SET party_id = ? WHERE party_id = ?", [target_id, found[0]]
        ).rowcount
        db.execute("DELETE FROM parties WHERE id = ?", [found[0]])
        return moved


def rename_party(db: Database, old: str, new: str) -> int:
    """Give a party a new name (merging it into ``new`` if that party exists)."""
    found = _party_row(db, old)
    if found is None:
        raise LookupFailed(f"no party named {old!r} (see `crossref parties`)")
    if _party_row(db, new) is not None and speaker_key(new) != speaker_key(old):
        return merge_parties(db, old, new)
    with write_transaction(db):
        _remember_alias(db, found[1], new.strip())
        db.execute("UPDATE parties SET name = ?, origin = 'user' WHERE id = ?", [new.strip(), found[0]])
        return int(db.execute("SELECT count(*) FROM statements WHERE party_id = ?", [found[0]]).fetchone()[0])


def _remember_alias(db: Database, alias: str, party: str) -> None:
    """Record ``alias`` -> ``party`` and re-point aliases and overrides that named ``alias``."""
    now = _now()
    db.execute(
        "INSERT INTO party_aliases (alias_key, alias, party, set_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(alias_key) DO UPDATE SET party = excluded.party, set_at = excluded.set_at",
        [party_key(alias), alias, party, now],
    )
    db.execute("DELETE FROM party_aliases WHERE alias_key = ?", [party_key(party)])
    for key, target in db.execute("SELECT alias_key, party FROM party_aliases").fetchall():
        if party_key(target) == party_key(alias):
            db.execute("UPDATE party_aliases SET party = ? WHERE alias_key = ?", [party, key])
    for key, target in db.execute("SELECT speaker_key, party FROM speaker_party_overrides").fetchall():
        if party_key(target) == party_key(alias):
            db.execute("UPDATE speaker_party_overrides SET party = ? WHERE speaker_key = ?", [party, key])


# --------------------------------------------------------------------------- re-extraction


@dataclass
class ReextractReport:
    """Counts from :func:`reextract_all`."""

    articles: int = 0
    statements_before: int = 0
    statements_after: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)


def reextract_all(
    db: Database,
    extractor: Extractor | None = None,
    *,
    extractor_version: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    settings: PartySettings | None = None,
) -> ReextractReport:
    """Re-run extraction over every stored article, each in its own transaction.

    Statement rows are replaced (their ids change; an ``event_id`` is carried over to a new
    statement with the same span). User overrides apply as on ingest. ``progress(done, total)``
    is called after each article.
    """
    if extractor is None or extractor_version is None:
        from crossref.extract import EXTRACTOR_VERSION, extract_statements

        extractor = extractor or extract_statements
        extractor_version = extractor_version or EXTRACTOR_VERSION
    report = ReextractReport()
    ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for done, article_id in enumerate(ids, start=1):
        row = db.execute("SELECT text, published FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:  # deleted meanwhile
            continue
        try:
            statements = extractor(row[0], published=row[1])
        except CrossrefError as exc:
            report.failed.append((article_id, str(exc)))
            continue
        with write_transaction(db):
            count_sql = "SELECT count(*) FROM statements WHERE article_id = ?"
            before = db.execute(count_sql, [article_id]).fetchone()[0]
            event_ids = _event_ids_by_span(db, article_id)
            db.execute("DELETE FROM statements WHERE article_id = ?", [article_id])
            _insert_statements(db, article_id, row[0], statements, event_ids, Resolver(db, settings))
            db.execute(
                "UPDATE articles SET extractor_version = ? WHERE id = ?", [extractor_version, article_id]
            )
        report.articles += 1
        report.statements_before += before
        report.statements_after += len(statements)
        if progress:
            progress(done, len(ids))
    with write_transaction(db):
        _prune_orphans(db)
    return report


# --------------------------------------------------------------------------- listing

#: The keys of each row from list_articles / list_statements, in order.
ARTICLE_FIELDS: tuple[str, ...] = (
    "id", "title", "outlet", "published", "source", "url", "language", "format", "words",
    "statements", "ingested_at", "extractor_version", "text_hash",
)  # fmt: skip
STATEMENT_FIELDS: tuple[str, ...] = (
    "id", "article_id", "ordinal", "source", "outlet", "published", "title", "url",
    "speaker", "speaker_role", "speaker_kind", "speaker_mention", "party", "cue", "kind",
    "text", "start", "end", "sentence", "sentence_start", "sentence_end", "event_id",
)  # fmt: skip


def list_articles(
    db: Database, *, search: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored articles (without their text), oldest first, each with its statement count."""
    where: list[str] = []
    params: list[Any] = []
    if search is not None:
        condition, values = search_condition(db, "articles", search, "a.id")
        where.append(condition)
        params += values
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, a.source, a.url, a.language, a.format, a.words, "
        "(SELECT count(*) FROM statements st WHERE st.article_id = a.id) AS statements, "
        "a.ingested_at, a.extractor_version, a.text_hash FROM articles a"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return run_search(db, sql, params, search)


def party_id_for_filter(db: Database, party: str) -> int:
    """The id of the stored party a ``--party`` filter names; LookupFailed listing some if none."""
    found = _party_row(db, party)
    if found is not None:
        return found[0]
    names = [r[0] for r in db.execute("SELECT name FROM parties ORDER BY name LIMIT 11")]
    known = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
    hint = f" (known parties: {known})" if names else " (none stored yet)"
    raise LookupFailed(f"no party named {party!r}{hint}")


def list_statements(
    db: Database,
    *,
    article_id: int | None = None,
    party: str | None = None,
    speaker: str | None = None,
    event_id: str | None = None,
    kind: str | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored statements in article order, each joined with its article, speaker and party.

    ``party`` must name a stored party (any case/accents); ``speaker`` matches a substring of
    the speaker's name or mention, ignoring case and accents; ``search`` is full-text over the
    statement texts (see :func:`crossref.search.fts_query`).
    """
    where: list[str] = []
    params: list[Any] = []
    if article_id is not None:
        get_article(db, article_id)
        where.append("st.article_id = ?")
        params.append(article_id)
    if party is not None:
        where.append("st.party_id = ?")
        params.append(party_id_for_filter(db, party))
    if speaker is not None:
        key = speaker_key(speaker)
        if not key:
            raise QueryError(f"the speaker filter {speaker!r} has no letters or digits")
        where.append(f"(instr(sp.key, ?) > 0 OR instr(crossref_key({MENTION_SQL}), ?) > 0)")
        params += [key, key]
    if event_id is not None:
        where.append("st.event_id = ?")
        params.append(event_id)
    if kind is not None:
        where.append("st.kind = ?")
        params.append(kind)
    if search is not None:
        condition, values = search_condition(db, "statements", search, "st.id")
        where.append(condition)
        params += values
    sql = (
        "SELECT st.id, st.article_id, st.ordinal, a.source, a.outlet, a.published, a.title, a.url, "
        "sp.name AS speaker, sp.role AS speaker_role, sp.kind AS speaker_kind, "
        f"{MENTION_SQL} AS speaker_mention, "
        f'p.name AS party, st.cue, st.kind, {STATEMENT_TEXT_SQL} AS text, st.start, st."end" AS "end", '
        f"{SENTENCE_SQL} AS sentence, "
        "st.sentence_start, st.sentence_end, st.event_id "
        "FROM statements st JOIN articles a ON a.id = st.article_id "
        "LEFT JOIN speakers sp ON sp.id = st.speaker_id LEFT JOIN parties p ON p.id = st.party_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY st.article_id, st.ordinal"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return run_search(db, sql, params, search)
