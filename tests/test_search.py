"""Full-text search on position-free indexes (crossref.search): the same answers as SQLite's
full index, for every FTS5 query; phrases through the commands; the migration to them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crossref.cli import app
from crossref.database import Database
from crossref.errors import QueryError
from crossref.search import fts_query, plan_search, search_condition

WORDS = ["peace", "deal", "war", "the", "cease", "fire", "talks", "U.S.", "café", "port"]
PIECES = [
    *WORDS,
    *("AND", "OR", "NOT", "(", ")", ",", "-", ":", "*", "^", "+", "NEAR(", '"', "near", "3", "title :"),
    '"peace deal"', '"deal the"', '""', '"cease fi"*', '"peace"*', "pea*", "peace + deal",
    "NEAR(peace deal, 2)", 'NEAR(war "the peace")', 'NEAR("peace deal" war, 5)', "NEAR(a b, x)",
    "title:peace", "-title:deal", "{title text}:war", "title : (peace OR war)", "title:NEAR(peace deal)",
    'title:""', "^the", 'text:^deal', '^"the peace"', "NOT (deal)", '("the peace" OR fire)', "(war)",
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus() -> Iterator[Database]:
    """Articles with a position-free index (as crossref keeps them) and a full one to compare."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute(
        'CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="id", '
        "detail=none)"
    )
    conn.execute("CREATE VIRTUAL TABLE full_fts USING fts5(title, text)")
    for n in range(1, 81):  # every title and text a different mix of the words, some repeated
        title = " ".join(WORDS[(n * k) % len(WORDS)] for k in range(n % 4))
        text = " ".join(WORDS[(n * n + 3 * k) % len(WORDS)] + ",-."[k % 3] for k in range(n % 13))
        conn.execute("INSERT INTO articles VALUES (?, ?, ?)", [n, title, text])
        conn.execute("INSERT INTO full_fts (rowid, title, text) VALUES (?, ?, ?)", [n, title, text])
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    yield Database(conn)
    conn.close()


def found(db: Database, search: str) -> list[int] | str:
    """The article ids ``search`` finds as crossref runs it; "error" when it is refused."""
    try:
        condition, params = search_condition(db, "articles", search, "id")
        return [r[0] for r in db.execute(f"SELECT id FROM articles WHERE {condition} ORDER BY id", params)]
    except (QueryError, sqlite3.OperationalError):
        return "error"


def found_with_positions(db: Database, search: str) -> list[int] | str:
    """The article ids SQLite's full index finds for the same search; "error" if it refuses it."""
    try:
        sql = "SELECT rowid FROM full_fts WHERE full_fts MATCH ? ORDER BY rowid"
        return [r[0] for r in db.execute(sql, [fts_query(search)])]
    except (QueryError, sqlite3.OperationalError):
        return "error"


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map(" ".join))
def test_every_search_finds_what_a_full_index_finds(corpus: Database, search: str) -> None:
    """Any mix of words, phrases, operators, NEAR groups, column filters, and broken syntax:
    the same rows as SQLite's own full-detail index, or an error where it gives one."""
    assert found(corpus, search) == found_with_positions(corpus, search)


@pytest.mark.parametrize(
    ("search", "index_query", "exact"),
    [
        ("peace talks", '("peace" AND "talks")', False),  # plain words: the index answers
        ("pea* OR war", '("pea"* OR "war")', False),
        ("cease-fire", '("cease" AND "fire")', True),  # one word of two parts: a phrase
        ('"peace deal" NOT war', '(("peace" AND "deal") NOT "war")', True),
        ('war NOT "peace deal"', '"war"', True),  # an exclusion the index cannot make exactly
        ("title:peace", '"peace"', True),
        ("pea* NOT cease port", '("pea"* NOT ("cease" AND "port"))', False),  # side by side binds tighter
    ],
)
def test_plan(search: str, index_query: str, exact: bool) -> None:
    plan = plan_search(search)
    assert plan.index_query == index_query
    assert (plan.exact_query is not None) == exact


def test_search_errors_name_the_search() -> None:
    with pytest.raises(QueryError, match=r"cannot understand the search '\(peace'"):
        plan_search("(peace")


ARTICLES = {
    "a.txt": "KYIV, May 2 (Wire) - The port was hit by drones, the Defence Ministry said. "
    '"We will never accept a cease-fire on these terms," President Ivan Petrov said on Friday.\n',
    "b.txt": "ANKARA, May 3 (Herald) - Officials said the port of Izmail was not hit. "
    "Minister Ayla Demir said talks on a cease fire could resume next week.\n",
}


def test_phrases_and_filters_through_the_commands(runner: CliRunner, tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["ingest", *(str(tmp_path / name) for name in ARTICLES), "--db", db, "-q"])
    assert result.exit_code == 0, result.output

    def texts(*args: str) -> list[str]:
        out = runner.invoke(app, ["statements", "--db", db, "--json", *args])
        assert out.exit_code == 0, out.output
        return [row["text"] for row in json.loads(out.stdout)]

    def sources(*args: str) -> list[str]:
        out = runner.invoke(app, ["articles", "--db", db, "--json", *args])
        assert out.exit_code == 0, out.output
        return [Path(row["source"]).name for row in json.loads(out.stdout)]

    assert texts("--search", '"port was hit"') == ["The port was hit by drones"]
    both = [
        "We will never accept a cease-fire on these terms",
        "talks on a cease fire could resume next week",
    ]
    assert texts("--search", "cease-fire") == both  # the words one after the other, as FTS5 reads it
    assert texts("--search", "never cease") == both[:1]
    assert sources("--search", '"cease fire"') == ["a.txt", "b.txt"]  # a phrase: "cease-fire" too
    assert sources("--search", '"port of Izmail"') == ["b.txt"]
    assert sources("--search", "NEAR(port drones, 3)") == ["a.txt"]
    assert sources("--search", 'port NOT "was hit"') == ["b.txt"]
    assert sources("--search", "text:Wire") == ["a.txt"]
    refused = runner.invoke(app, ["articles", "--db", db, "--search", "nosuchcolumn: port"])
    assert refused.exit_code != 0 and "cannot understand the search" in refused.stderr


def test_migration_makes_the_indexes_position_free(runner: CliRunner, tmp_path: Path) -> None:
    """m0014 rebuilds a database's full indexes without positions: the same searches find the same."""
    (tmp_path / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    db = tmp_path / "x.db"
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "-q"]).exit_code == 0
    with sqlite3.connect(db) as conn:  # back to the indexes before m0014
        conn.executescript(
            "DROP TABLE articles_fts; DROP TABLE statements_fts;"
            'CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", '
            'content_rowid="id");'
            "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
            'CREATE VIRTUAL TABLE statements_fts USING fts5(text, content="statement_texts", '
            'content_rowid="id", columnsize=0);'
            "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');"
            "DELETE FROM crossref_migrations WHERE name = 'm0014_position_free_search_indexes';"
        )
    searches = ['"port was hit"', "drones", "cease-fire", "NEAR(port drones)"]
    with sqlite3.connect(db) as conn:
        sql = "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?"
        before = [[r[0] for r in conn.execute(sql, [fts_query(s)])] for s in searches]
    after = []
    for search in searches:  # the first command migrates
        out = runner.invoke(app, ["statements", "--db", str(db), "--json", "--search", search])
        after.append([row["id"] for row in json.loads(out.stdout)])
    assert after == before and all(after)
    with sqlite3.connect(db) as conn:
        sql = "SELECT sql FROM sqlite_master WHERE name IN ('articles_fts', 'statements_fts')"
        schemas = [r[0] for r in conn.execute(sql)]
        assert len(schemas) == 2 and all("detail=none" in sql for sql in schemas)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")


def test_an_unclosed_quotation_mark_is_named() -> None:
    with pytest.raises(QueryError, match="a quotation mark is not closed"):
        plan_search('"peace deal')
