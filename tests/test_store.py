"""The SQLite store: recognising files, migrations, saving, listing, re-extraction, locking."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from crossref import migrations, store
from crossref.errors import DatabaseError, LookupFailed, QueryError
from crossref.models import ArticleInput, Statement
from crossref.search import fts_query

StatementFactory = Callable[..., Statement]

TEXT_A = (
    'Erdoğan said "we will not accept a cease-fire" on Monday. The Defence Ministry said the port was hit.'
)
TEXT_B = "The Defense Ministry denied it. Erdogan later said talks could resume in the U.S. next week."


def article(text: str, source: str = "a.txt", **kw: object) -> ArticleInput:
    return ArticleInput(text=text, source=source, **kw)  # type: ignore[arg-type]


@pytest.fixture
def two_articles(db: store.Database, make_statement: StatementFactory) -> store.Database:
    store.save_article(
        db,
        article(TEXT_A, "a.txt", title="Port hit", outlet="Wire", published="2024-05-01"),
        [
            make_statement(
                "we will not accept a cease-fire", speaker="Erdoğan", party="Turkey", article_text=TEXT_A
            ),
            make_statement(
                "the port was hit",
                speaker="Defence Ministry",
                party="Ukraine",
                kind="indirect",
                article_text=TEXT_A,
            ),
        ],
    )
    store.save_article(
        db,
        article(TEXT_B, "b.txt", title="Denial", outlet="Herald"),
        [
            make_statement(
                "denied it", speaker="Defense Ministry", party="ukraine", kind="indirect", article_text=TEXT_B
            ),
            make_statement(
                "talks could resume in the U.S. next week",
                speaker="Erdogan",
                party="Turkey",
                article_text=TEXT_B,
            ),
        ],
    )
    return db


# --------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Erdoğan", "erdogan"),
        ("Recep Tayyip  Erdoğan", "recep tayyip erdogan"),
        ("Defence Ministry", "Defense ministry"),
        ("Ministry of Defence.", "ministry of defense"),
        ("U.S. State Dept.", "u s state dept"),
        ("İstanbul", "istanbul"),
        ("Zelenskyy's office", "zelenskyy s office"),
    ],
)
def test_speaker_key_merges_spellings(a: str, b: str) -> None:
    assert store.speaker_key(a) == store.speaker_key(b)


def test_speaker_key_shape() -> None:
    assert store.speaker_key("  Défense — Ministry!! ") == "defense ministry"
    assert store.speaker_key("...") == ""


# --------------------------------------------------------------------------- opening


def test_new_database_is_set_up(db: store.Database) -> None:
    assert db.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
    assert db.execute("PRAGMA page_size").fetchone()[0] == store.PAGE_SIZE == 16384
    tables = set(db.table_names())
    assert {"articles", "parties", "speakers", "statements", "speaker_party_overrides"} <= tables
    assert {"articles_fts", "statements_fts", migrations.MIGRATIONS_TABLE} <= tables
    assert migrations.applied_migrations(db) == [name for name, _ in migrations.MIGRATIONS]


def test_an_existing_database_keeps_its_page_size(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    conn.close()
    db = store.open_database(path)
    assert db.execute("PRAGMA page_size").fetchone()[0] == 8192
    db.close()


def _foreign_keys(db: store.Database, table: str) -> set[tuple[str, str]]:
    return {(row["from"], row["table"]) for row in db.query(f"PRAGMA foreign_key_list({table})")}


def test_foreign_keys_are_declared(db: store.Database) -> None:
    assert _foreign_keys(db, "statements") == {
        ("article_id", "articles"),
        ("speaker_id", "speakers"),
        ("party_id", "parties"),
    }
    assert _foreign_keys(db, "speakers") == {("party_id", "parties")}


def test_reopening_applies_nothing_new(db_path: Path) -> None:
    store.open_database(db_path).close()
    db = store.open_database(db_path)
    rows = list(db.query(f"SELECT name FROM {migrations.MIGRATIONS_TABLE}"))
    assert len(rows) == len(migrations.MIGRATIONS)
    assert migrations.apply_migrations(db) == []


def test_database_from_newer_crossref_is_refused(db_path: Path) -> None:
    db = store.open_database(db_path)
    db.execute(f"INSERT INTO {migrations.MIGRATIONS_TABLE} VALUES ('m9999_future', 'now')")
    db.close()
    with pytest.raises(DatabaseError, match="newer version of crossref"):
        store.open_database(db_path)


def test_empty_file_and_empty_sqlite_database_are_adopted(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    store.open_database(empty).close()
    bare = tmp_path / "bare.db"
    conn = sqlite3.connect(bare)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    store.open_database(bare).close()


def test_parent_directories_are_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "x.db"
    store.open_database(path).close()
    assert path.exists()


def _foreign_db(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    before = _foreign_db(path)
    with pytest.raises(DatabaseError, match="crossref did not create.*invoices"):
        store.open_database(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()


def test_other_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="did not create"):
        store.open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b"this is just a text file, not a database\n",
        bytes(range(256)) * 8,
        b"SQLite format 3\x00" + b"\xff" * 4080,
    ],
    ids=["text", "binary", "bad-header"],
)
def test_corrupt_or_non_sqlite_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="untouched"):
        store.open_database(path)
    assert path.read_bytes() == content


def test_truncated_crossref_database_is_refused(db_path: Path) -> None:
    db = store.open_database(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = db_path.read_bytes()
    broken = db_path.with_name("truncated.db")
    broken.write_bytes(data[:100] + b"\x00" * 50 + data[150:1024])
    with pytest.raises(DatabaseError):
        store.open_database(broken)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="directory"):
        store.open_database(tmp_path)


# --------------------------------------------------------------------------- saving


def test_save_article_stores_everything(two_articles: store.Database) -> None:
    db = two_articles
    row = store.get_article(db, 1)
    assert row["text_hash"] == store.text_hash(TEXT_A)
    assert row["words"] == len(TEXT_A.split())
    assert row["extractor_version"] is not None
    assert row["ingested_at"]
    speakers = {r["key"]: r for r in db.query("SELECT * FROM speakers")}
    assert set(speakers) == {"erdogan", "defense ministry"}
    assert speakers["erdogan"]["name"] == "Erdoğan"
    parties = sorted(r["name"] for r in db.query("SELECT name FROM parties"))
    assert parties == ["Turkey", "Ukraine"]  # "ukraine" merged into "Ukraine"
    stmts = list(
        db.query(
            'SELECT st.ordinal, st.start, st."end", t.text FROM statements st '
            "JOIN statement_texts t ON t.id = st.id WHERE st.article_id = 1"
        )
    )
    assert [s["ordinal"] for s in stmts] == [0, 1]
    assert all(TEXT_A[s["start"] : s["end"]] == s["text"] for s in stmts)


def test_duplicate_text_is_skipped(db: store.Database, make_statement: StatementFactory) -> None:
    first = store.save_article(db, article(TEXT_A), [make_statement("x")])
    again = store.save_article(db, article(TEXT_A, "copy.txt", title="Other"), [])
    assert (first.status, again.status, again.article_id) == ("added", "skipped", first.article_id)
    assert store.get_article(db, first.article_id)["source"] == "a.txt"
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == 1


def test_replace_keeps_id_and_swaps_statements(db: store.Database, make_statement: StatementFactory) -> None:
    first = store.save_article(
        db, article(TEXT_A, title="Old"), [make_statement("old quote", speaker="Old Man")]
    )
    db.execute("UPDATE statements SET event_id = 'ev-1'")
    redo = store.save_article(
        db,
        article(TEXT_A, "new.txt", title="New"),
        [make_statement("old quote", speaker="Old Man"), make_statement("brand new", speaker="Someone Else")],
        replace=True,
    )
    assert redo.status == "replaced" and redo.article_id == first.article_id
    assert store.get_article(db, first.article_id)["title"] == "New"
    rows = store.list_statements(db, article_id=first.article_id)
    assert [r["text"] for r in rows] == ["old quote", "brand new"]
    assert rows[0]["event_id"] == "ev-1"  # carried over to the statement with the same span
    assert [r["title"] for r in store.list_articles(db, search="New")] == ["New"]
    assert store.list_articles(db, search="Old") == []  # FTS kept in sync on update


def test_save_is_one_transaction(db: store.Database, make_statement: StatementFactory) -> None:
    bad = make_statement("fine")
    broken = Statement(**{**bad.__dict__, "cue": object()})  # SQLite cannot store it: the second insert fails
    with pytest.raises(sqlite3.ProgrammingError):
        store.save_article(db, article(TEXT_A), [make_statement("first"), broken])
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM speakers").fetchone()[0] == 0


def test_statement_without_speaker(db: store.Database, make_statement: StatementFactory) -> None:
    store.save_article(db, article(TEXT_A), [make_statement("anonymous", speaker=None, party=None)])
    row = store.list_statements(db)[0]
    assert row["speaker"] is None and row["party"] is None and row["speaker_mention"] is None


def test_deleting_an_article_cascades(two_articles: store.Database) -> None:
    db = two_articles
    db.execute("DELETE FROM articles WHERE id = 1")
    assert db.execute("SELECT count(*) FROM statements WHERE article_id = 1").fetchone()[0] == 0
    assert store.list_statements(db, search="cease-fire") == []
    for fts in ("articles_fts", "statements_fts"):  # the indexes let go of what they held
        db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


def test_override_beats_inferred_party(
    two_articles: store.Database, make_statement: StatementFactory
) -> None:
    db = two_articles
    changed = store.set_speaker_party(db, "ERDOGAN", "Ankara government")
    assert changed == 2
    assert {r["party"] for r in store.list_statements(db, speaker="erdoğan")} == {"Ankara government"}
    store.save_article(
        db,
        article("Erdogan spoke again.", "c.txt"),
        [make_statement("again", speaker="Erdoğan", party="Turkey")],
    )
    assert {r["party"] for r in store.list_statements(db, speaker="erdogan")} == {"Ankara government"}
    origin = db.execute("SELECT origin FROM parties WHERE name = 'Ankara government'").fetchone()[0]
    assert origin == "user"


# --------------------------------------------------------------------------- listing


def test_list_articles_counts_statements(two_articles: store.Database) -> None:
    rows = store.list_articles(two_articles)
    assert [(r["id"], r["title"], r["statements"]) for r in rows] == [(1, "Port hit", 2), (2, "Denial", 2)]
    assert tuple(rows[0]) == store.ARTICLE_FIELDS
    assert "text" not in rows[0]
    assert [r["id"] for r in store.list_articles(two_articles, limit=1)] == [1]


def test_list_statements_rows(two_articles: store.Database) -> None:
    rows = store.list_statements(two_articles)
    assert len(rows) == 4
    assert tuple(rows[0]) == store.STATEMENT_FIELDS
    first = rows[0]
    assert first["speaker"] == "Erdoğan" and first["party"] == "Turkey" and first["outlet"] == "Wire"
    assert first["source"] == "a.txt" and first["published"] == "2024-05-01" and first["title"] == "Port hit"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"article_id": 2}, ["denied it", "talks could resume in the U.S. next week"]),
        (
            {"party": "TURKEY"},
            ["we will not accept a cease-fire", "talks could resume in the U.S. next week"],
        ),
        ({"speaker": "defence"}, ["the port was hit", "denied it"]),
        (
            {"speaker": "ERDOĞAN"},
            ["we will not accept a cease-fire", "talks could resume in the U.S. next week"],
        ),
        ({"speaker": "ministry", "kind": "indirect", "article_id": 1}, ["the port was hit"]),
        ({"kind": "direct"}, ["we will not accept a cease-fire", "talks could resume in the U.S. next week"]),
        ({"search": "cease-fire"}, ["we will not accept a cease-fire"]),
        ({"search": "U.S."}, ["talks could resume in the U.S. next week"]),
        ({"search": "talk*"}, ["talks could resume in the U.S. next week"]),
        ({"search": "port OR denied"}, ["the port was hit", "denied it"]),
        ({"search": '"port was"'}, ["the port was hit"]),
        ({"search": "accept", "party": "Ukraine"}, []),
        ({"limit": 1}, ["we will not accept a cease-fire"]),
    ],
)
def test_list_statements_filters(
    two_articles: store.Database, filters: dict[str, object], expected: list[str]
) -> None:
    rows = store.list_statements(two_articles, **filters)  # type: ignore[arg-type]
    assert [r["text"] for r in rows] == expected


def test_filter_by_event(two_articles: store.Database) -> None:
    two_articles.execute("UPDATE statements SET event_id = 'izmail-1' WHERE id IN (1, 3)")
    assert [r["id"] for r in store.list_statements(two_articles, event_id="izmail-1")] == [1, 3]


@pytest.mark.parametrize("search", ['"unclosed', "port AND", "(port", "nosuchcolumn: x", "NEAR("])
def test_malformed_search_is_a_query_error(two_articles: store.Database, search: str) -> None:
    with pytest.raises(QueryError, match="cannot understand the search"):
        store.list_statements(two_articles, search=search)
    with pytest.raises(QueryError):
        store.list_articles(two_articles, search=search)


def test_empty_search_and_speaker_are_query_errors(two_articles: store.Database) -> None:
    with pytest.raises(QueryError):
        store.list_statements(two_articles, search="  ")
    with pytest.raises(QueryError):
        store.list_statements(two_articles, speaker="--")


def test_unknown_party_and_article_are_lookup_errors(two_articles: store.Database) -> None:
    with pytest.raises(LookupFailed, match="known parties: Turkey, Ukraine"):
        store.list_statements(two_articles, party="Atlantis")
    with pytest.raises(LookupFailed, match="no article with id 99"):
        store.list_statements(two_articles, article_id=99)


def test_fts_query_quotes_plain_words() -> None:
    assert fts_query("cease-fire U.S.") == '"cease-fire" "U.S."'
    assert fts_query('say "hi"') == 'say "hi"'
    assert fts_query("a OR b") == "a OR b"


# --------------------------------------------------------------------------- re-extraction


def test_reextract_all(two_articles: store.Database, make_statement: StatementFactory) -> None:
    db = two_articles
    store.set_speaker_party(db, "Erdogan", "Ankara")
    db.execute("UPDATE statements SET event_id = 'ev' WHERE id = 1")
    seen: list[tuple[str, str | None]] = []

    def extractor(text: str, *, published: str | None = None) -> list[Statement]:
        seen.append((text[:10], published))
        if text == TEXT_A:
            return [
                make_statement(
                    "we will not accept a cease-fire", speaker="Erdoğan", party="Turkey", article_text=TEXT_A
                )
            ]
        return []

    progress: list[tuple[int, int]] = []
    report = store.reextract_all(
        db, extractor, extractor_version="test-9", progress=lambda d, t: progress.append((d, t))
    )
    assert (report.articles, report.statements_before, report.statements_after) == (2, 4, 1)
    assert seen == [(TEXT_A[:10], "2024-05-01"), (TEXT_B[:10], None)]
    assert progress == [(1, 2), (2, 2)]
    rows = store.list_statements(db)
    assert [(r["speaker"], r["party"], r["event_id"]) for r in rows] == [("Erdoğan", "Ankara", "ev")]
    assert {r["extractor_version"] for r in store.list_articles(db)} == {"test-9"}
    # the Defence Ministry is cited by nothing any more; Ukraine with it
    assert [r["key"] for r in db.query("SELECT key FROM speakers")] == ["erdogan"]
    assert sorted(r["name"] for r in db.query("SELECT name FROM parties")) == ["Ankara"]


# --------------------------------------------------------------------------- locking


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_busy_database_is_retried(db_path: Path, make_statement: StatementFactory) -> None:
    store.open_database(db_path).close()
    db = store.open_database(db_path, busy_timeout=0.05, retry_for=10)
    other = _hold_write_lock(db_path)
    timer = threading.Timer(0.4, lambda: other.execute("COMMIT"))
    timer.start()
    started = time.monotonic()
    try:
        result = store.save_article(db, article(TEXT_A), [make_statement("x")])
    finally:
        timer.join()
        other.close()
    assert result.status == "added"
    assert time.monotonic() - started >= 0.3


def test_lock_held_too_long_is_a_database_error(db_path: Path) -> None:
    store.open_database(db_path).close()
    db = store.open_database(db_path, busy_timeout=0.05, retry_for=0.3)
    other = _hold_write_lock(db_path)
    try:
        with pytest.raises(DatabaseError, match="locked"):
            store.save_article(db, article(TEXT_A), [])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_sentences_are_read_from_the_article_not_stored_twice(
    db_path: Path, make_statement: StatementFactory
) -> None:
    text = "Intro line. Officials said the port was hit by drones. Then nothing."
    sentence = "Officials said the port was hit by drones."
    start = text.index(sentence)
    own = make_statement("the port was hit by drones", article_text=text)
    own.sentence, own.sentence_start, own.sentence_end = sentence, start, start + len(sentence)
    other = make_statement("Then nothing", article_text=text)
    other.sentence = "a sentence given by a custom extractor"  # not the article's text: kept
    db = store.open_database(db_path)
    store.save_article(db, article(text), [own, other])
    stored = [r[0] for r in db.execute("SELECT sentence FROM statements ORDER BY ordinal")]
    assert stored == [None, "a sentence given by a custom extractor"]
    listed = store.list_statements(db)
    assert [s["sentence"] for s in listed] == [sentence, "a sentence given by a custom extractor"]
    assert [s["text"] for s in store.list_statements(db, search="drones")] == ["the port was hit by drones"]
    db.close()


def test_a_statement_text_that_is_the_articles_is_read_from_it(
    db_path: Path, make_statement: StatementFactory
) -> None:
    text = "Officials said the port was hit by drones. Then nothing."
    own = make_statement("the port was hit by drones", article_text=text)
    other = make_statement("Then nothing", article_text=text)
    other.text = "then nothing at all"  # not the article's text between its offsets: kept
    db = store.open_database(db_path)
    store.save_article(db, article(text), [own, other])
    assert [r[0] for r in db.execute("SELECT text FROM statements ORDER BY ordinal")] == [None, other.text]
    assert [s["text"] for s in store.list_statements(db)] == ["the port was hit by drones", other.text]
    assert [r[0] for r in db.execute("SELECT text FROM statement_texts ORDER BY id")] == [
        "the port was hit by drones",
        other.text,
    ]
    assert [s["text"] for s in store.list_statements(db, search="drones")] == ["the port was hit by drones"]
    assert [s["text"] for s in store.list_statements(db, search="all")] == [other.text]
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    db.execute("UPDATE articles SET text = replace(text, 'drones', 'mortar')")  # edited by hand
    assert [s["text"] for s in store.list_statements(db, search="mortar")] == ["the port was hit by mortar"]
    db.execute("DELETE FROM articles")  # the index lets go of the texts it read from the article
    fts_hits = "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?"
    assert [db.execute(fts_hits, [word]).fetchone()[0] for word in ("drones", "mortar", "all")] == [0, 0, 0]
    db.close()


def test_a_database_with_stored_sentences_is_compacted_by_migration(
    db_path: Path, make_statement: StatementFactory
) -> None:
    text = "Officials said the port was hit by drones. Then nothing."
    st = make_statement("the port was hit by drones", article_text=text)
    st.sentence, st.sentence_start, st.sentence_end = "Officials said the port was hit by drones.", 0, 42
    db = store.open_database(db_path)
    store.save_article(db, article(text), [st])
    # as crossref stored it before m0004: the sentence copied into the row
    db.execute("UPDATE statements SET sentence = ?", [st.sentence])
    db.execute(f"DELETE FROM {migrations.MIGRATIONS_TABLE} WHERE name = 'm0004_compact_statements'")
    db.conn.commit()
    db.close()
    db = store.open_database(db_path)
    assert db.execute("SELECT sentence FROM statements").fetchone()[0] is None
    [listed] = store.list_statements(db, search="drones")
    assert listed["sentence"] == "Officials said the port was hit by drones."
    assert not store.list_statements(db, search="Officials")  # the index holds statement texts
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    db.close()
