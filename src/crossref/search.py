"""Full-text search over crossref's indexes, which keep no word positions.

The FTS5 indexes on articles and statements are built with ``detail=none``: they record
which rows hold which words, not where (about a sixth of the size of a full index, and the
largest share of the database: bench/README.md, "Database size"). Searches that need no
positions (words, ``prefix*``, AND/OR/NOT) run on the index as they are. A search that does
(a phrase, ``NEAR``, a column filter, ``^``) runs in two steps: the index finds the rows that
hold every word the search needs (a superset of the answer, :func:`plan_search`), then the
search as written runs over those rows' text in an in-memory full-detail index, so every
FTS5 query means what SQLite's documentation says it means.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from crossref.database import Database
from crossref.errors import QueryError

_FTS_SYNTAX = re.compile(r'["()*:^+{}]|\b(?:AND|OR|NOT|NEAR)\b')
_FTS_ERROR_WORDS = ("fts5", "syntax error", "no such column", "unterminated", "unrecognized")
# FTS5's query tokens: a string, a bareword, one of its operator characters, or any other
# character (which FTS5 refuses outside a string)
_TOKEN = re.compile(r'\s+|"(?:[^"]|"")*"|"(?:[^"]|"")*|[\w\x1a\x80-\U0010ffff]+|.')
_BAREWORD = re.compile(r"[\w\x1a\x80-\U0010ffff]+")
VERIFY_BATCH = 500  # candidate rows loaded into the in-memory index at a time

# what each searchable table's index covers: the rows' source and the indexed columns
INDEXED: dict[str, tuple[str, tuple[str, ...]]] = {
    "articles": ("articles", ("title", "text")),
    "statements": ("statement_texts", ("text",)),
}


def fts_query(search: str) -> str:
    """The FTS5 MATCH expression for a user's search.

    Plain words are each quoted (so ``cease-fire`` or ``U.S.`` just work) and must all occur;
    a search using FTS5 syntax (quotes, AND/OR/NOT/NEAR, parentheses, ``prefix*``) is passed
    through as written.
    """
    search = search.strip()
    if not search:
        raise QueryError("the search is empty")
    if _FTS_SYNTAX.search(search):
        return search
    return " ".join('"' + term.replace('"', '""') + '"' for term in search.split())


def search_error(search: str, reason: str) -> QueryError:
    return QueryError(
        f"cannot understand the search {search!r} ({reason}); use plain words, "
        'or FTS5 syntax such as "exact phrase", a AND b, a OR b, a NOT b, prefix*'
    )


def is_search_error(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused a MATCH expression (rather than failing for another reason)."""
    return any(word in str(exc) for word in _FTS_ERROR_WORDS)


@dataclass(frozen=True)
class SearchPlan:
    """How to run one search: ``index_query`` on the position-less index, and, when that
    finds more than the search means, ``exact_query`` over the rows it found."""

    index_query: str
    exact_query: str | None


@dataclass(frozen=True)
class _Part:
    query: str  # for the position-less index, finding at least the rows the part means
    exact: bool  # whether ``query`` finds exactly those rows


class _Parser:
    """A recursive-descent reading of the FTS5 query grammar (sqlite.org/fts5.html, and its
    fts5parse.y): OR binds loosest, then a written AND, then NOT, then phrases side by side
    (an implied AND); a unit is an optional column filter and then a phrase (strings joined
    by ``+``, each with an optional ``*``, perhaps after ``^``), a NEAR group or a
    parenthesised query, which cannot stand side by side with another."""

    def __init__(self, query: str, words: _Tokenizer) -> None:
        self.query = query
        self.words = words
        self.tokens = [t for t in _TOKEN.findall(query) if not t.isspace()]
        self.at = 0

    def parse(self) -> _Part:
        part = self._or()
        if self.at != len(self.tokens):
            raise ValueError(f"unexpected {self.tokens[self.at]!r}")
        return part if part.query else _Part('""', part.exact)  # a search of no words finds nothing

    def _peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> str:
        token = self._peek()
        if token is None:
            raise ValueError(f"expected {expected or 'more'} at the end")
        if expected is not None and token != expected:
            raise ValueError(f"unexpected {token!r}")
        self.at += 1
        return token

    def _or(self) -> _Part:
        return self._chain("OR", self._and)

    def _and(self) -> _Part:
        return self._chain("AND", self._not)

    def _chain(self, operator: str, operand: Callable[[], _Part]) -> _Part:
        """Operands joined by ``operator`` ("a OR b OR c")."""
        parts = [operand()]
        while self._peek() == operator:
            self._take()
            parts.append(operand())
        return _join(parts, operator)

    def _not(self) -> _Part:
        part = self._list()
        while self._peek() == "NOT":
            self._take()
            excluded = self._list()
            if not part.query or not excluded.query:
                continue  # nothing stays nothing; excluding nothing excludes nothing
            if excluded.exact:
                part = _Part(f"({part.query} NOT {excluded.query})", part.exact)
            else:  # what the index cannot exclude exactly is left to the exact step
                part = _Part(part.query, False)
        return part

    def _list(self) -> _Part:
        """Phrases and NEAR groups side by side: an implied AND, binding tighter than any
        written operator. A parenthesised query stands alone."""
        part, grouped = self._unit()
        if grouped:
            return part
        parts = [part]
        while self._peek() not in (None, "AND", "OR", "NOT", ")"):
            part, grouped = self._unit()
            if grouped:
                raise ValueError("a parenthesised query right after another without AND, OR or NOT")
            parts.append(part)
        return _join(parts, "AND")

    def _unit(self) -> tuple[_Part, bool]:
        """A phrase, NEAR group or parenthesised query, with its column filter if any; and
        whether it was parenthesised."""
        token = self._peek()
        filtered = token in ("-", "{") or (self._is_word(token) and self._next_is(":"))
        if filtered:
            self._column_filter()
        grouped = self._peek() == "("
        part = self._unit_body()
        return (_Part(part.query, False) if filtered else part), grouped

    def _column_filter(self) -> None:
        if self._peek() == "-":
            self._take()
        if self._peek() == "{":
            self._take()
            self._word()
            while self._peek() != "}":
                self._word()
            self._take("}")
        else:
            self._word()
        self._take(":")

    def _unit_body(self) -> _Part:
        token = self._peek()
        if token == "(":
            self._take()
            inner = self._or()
            self._take(")")
            return _Part(f"({inner.query})" if inner.query else "", inner.exact)
        if token == "NEAR" and self._next_is("("):
            self._take()
            self._take("(")
            phrases = [self._phrase()]
            while self._peek() not in (",", ")"):
                phrases.append(self._phrase())
            if self._peek() == ",":
                self._take()
                if not self._take().isdigit():
                    raise ValueError("a NEAR distance must be a number")
            self._take(")")
            return _Part(_join(phrases, "AND").query, False)
        if token == "^":
            self._take()
            return _Part(self._phrase().query, False)
        return self._phrase()

    def _phrase(self) -> _Part:
        terms = self._string()
        while self._peek() == "+":
            self._take()
            terms += self._string()
        if not terms:  # a string of no words: FTS5 finds nothing with it alone, and ignores it beside others
            return _Part("", True)
        return _join([_Part(term, True) for term in terms], "AND", exact=len(terms) == 1)

    def _string(self) -> list[str]:
        """The index terms of one string: its words, each quoted, the last with its ``*``."""
        token = self._take()
        if token.startswith('"') and (len(token) == 1 or not token.endswith('"')):
            raise ValueError("a quotation mark is not closed")
        if len(token) > 1 and token[0] == token[-1] == '"':
            text = token[1:-1].replace('""', '"')
        elif self._is_word(token) and token not in ("AND", "OR", "NOT"):
            text = token
        else:
            raise ValueError(f"unexpected {token!r}")
        terms = ['"' + word.replace('"', '""') + '"' for word in self.words(text)]
        if self._peek() == "*":
            self._take()
            if terms:
                terms[-1] += "*"
        return terms

    def _word(self) -> str:
        token = self._take()
        if not self._is_word(token):
            raise ValueError(f"unexpected {token!r}")
        return token

    def _next_is(self, token: str) -> bool:
        return self.at + 1 < len(self.tokens) and self.tokens[self.at + 1] == token

    @staticmethod
    def _is_word(token: str | None) -> bool:
        return token is not None and _BAREWORD.fullmatch(token) is not None


def _join(parts: list[_Part], operator: str, *, exact: bool | None = None) -> _Part:
    """``parts`` joined by ``operator``; an empty part (a string of no words) is left out."""
    if exact is None:
        exact = all(part.exact for part in parts)
    queries = [part.query for part in parts if part.query]
    if len(queries) <= 1:
        return _Part("".join(queries), exact)
    return _Part("(" + f" {operator} ".join(queries) + ")", exact)


class _Tokenizer:
    """The words SQLite's default FTS5 tokenizer (unicode61) reads in a string, read by it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute("CREATE VIRTUAL TABLE words USING fts5(x)")
        conn.execute("CREATE VIRTUAL TABLE word_list USING fts5vocab(words, instance)")

    def __call__(self, text: str) -> list[str]:
        self.conn.execute("DELETE FROM words")
        self.conn.execute("INSERT INTO words (rowid, x) VALUES (1, ?)", [text])
        return [row[0] for row in self.conn.execute("SELECT term FROM word_list ORDER BY offset")]


def plan_search(search: str) -> SearchPlan:
    """The index query for a user's search (see :func:`fts_query`) and, when the index
    alone cannot answer it, the exact query to check the rows it finds with."""
    query = fts_query(search)
    scratch = sqlite3.connect(":memory:")
    try:
        part = _Parser(query, _Tokenizer(scratch)).parse()
    except ValueError as exc:
        raise search_error(search, str(exc)) from None
    finally:
        scratch.close()
    return SearchPlan(part.query, None if part.exact else query)


def run_search(db: Database, sql: str, params: list[Any], search: str | None) -> list[dict[str, Any]]:
    """The rows of a listing query; a full-text ``search`` SQLite cannot parse is a QueryError."""
    try:
        return list(db.query(sql, params))
    except sqlite3.OperationalError as exc:
        if search is not None and is_search_error(exc):
            raise search_error(search, str(exc)) from exc
        raise


def search_condition(db: Database, table: str, search: str, id_column: str) -> tuple[str, list[Any]]:
    """A SQL condition on ``id_column`` (and its parameters) keeping the rows of ``table``
    (``articles`` or ``statements``) that ``search`` finds."""
    plan = plan_search(search)
    index_hits = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?"
    if plan.exact_query is None:
        return f"{id_column} IN ({index_hits})", [plan.index_query]
    try:
        candidates = [row[0] for row in db.execute(index_hits, [plan.index_query])]
        found = exact_matches(db, table, candidates, plan.exact_query)
    except sqlite3.OperationalError as exc:
        if is_search_error(exc):
            raise search_error(search, str(exc)) from exc
        raise
    return f"{id_column} IN (SELECT value FROM json_each(?))", [json.dumps(found)]


def exact_matches(db: Database, table: str, ids: Iterable[int], query: str) -> list[int]:
    """Which of the rows ``ids`` of ``table`` the FTS5 ``query`` matches, read with word
    positions: the rows are indexed in memory, a batch at a time."""
    source, columns = INDEXED[table]
    names = ", ".join(columns)
    marks = ", ".join("?" * (len(columns) + 1))
    read = f"SELECT id, {names} FROM {source} WHERE id IN (SELECT value FROM json_each(?))"
    match = "SELECT rowid FROM rows_fts WHERE rows_fts MATCH ?"
    scratch = sqlite3.connect(":memory:")
    found: list[int] = []
    try:
        scratch.execute(f"CREATE VIRTUAL TABLE rows_fts USING fts5({names})")
        scratch.execute(match, [query])  # a column it names that is not there: an error even with no rows
        ids = list(ids)
        for start in range(0, len(ids), VERIFY_BATCH):
            rows = db.execute(read, [json.dumps(ids[start : start + VERIFY_BATCH])])
            scratch.executemany(f"INSERT INTO rows_fts (rowid, {names}) VALUES ({marks})", rows)
            found += [row[0] for row in scratch.execute(match, [query])]
            scratch.execute("DELETE FROM rows_fts")
    finally:
        scratch.close()
    return sorted(found)
