"""Reading events from the database: listing, finding one by id, id prefix or words, and
making sure the stored grouping is current first. Imports nothing of the grouping engine
(:mod:`crossref.events`, :mod:`crossref.eventstore`) unless grouping is due, so that read
commands start fast."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from crossref.database import Database
from crossref.errors import LookupFailed, QueryError
from crossref.search import run_search, search_condition
from crossref.store import party_id_for_filter, speaker_key
from crossref.versions import GROUPER_VERSION

if TYPE_CHECKING:
    from crossref.eventstore import GroupingReport

MIN_PREFIX = 4  # an event id may be given by its first 4 characters or more

#: The keys of each event from :func:`list_events`, in order.
EVENT_FIELDS: tuple[str, ...] = (
    "id", "title", "start", "end", "places", "parties", "statements", "articles", "outlets",
)  # fmt: skip


def _event_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row[0],
        "title": row[1],
        "start": row[2],
        "end": row[3],
        "places": json.loads(row[4] or "[]"),
        "parties": json.loads(row[5] or "[]"),
        "statements": row[6],
        "articles": row[7],
        "outlets": row[8],
        "title_locked": bool(row[9]),
    }


_SELECT = (
    'SELECT e.id, e.title, e.start, e."end", e.places, e.parties, e.statements, e.articles, e.outlets, '
    "e.title_locked FROM events e"
)


def list_events(
    db: Database,
    *,
    party: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events, latest first: ``party`` has statements in them, they overlap ``since``..``until``
    (ISO dates), and ``search`` matches their title, places or statements."""
    where: list[str] = []
    params: list[Any] = []
    if party is not None:
        where.append("e.id IN (SELECT event_id FROM statements WHERE party_id = ? AND event_id IS NOT NULL)")
        params.append(party_id_for_filter(db, party))
    if since is not None:
        where.append('COALESCE(e."end", e.start) >= ?')
        params.append(since)
    if until is not None:
        where.append('COALESCE(e.start, e."end") <= ?')
        params.append(until)
    if search is not None:
        condition, values = search_condition(db, "statements", search, "st.id")
        where.append(
            f"(e.id IN (SELECT st.event_id FROM statements st WHERE {condition}) OR "
            + " AND ".join(["(e.title || ' ' || e.places) LIKE ?"] * len(search.split()))
            + ")"
        )
        params += values
        params += [f"%{w}%" for w in search.split()]
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += ' ORDER BY COALESCE(e.start, e."end") DESC, e.statements DESC, e.id'
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = run_search(db, sql, params, search)
    return [_event_dict(list(r.values())) for r in rows]


def get_event(db: Database, event_id: str) -> dict[str, Any]:
    """The event with id ``event_id``; LookupFailed if there is none."""
    row = db.execute(_SELECT + " WHERE e.id = ?", [event_id]).fetchone()
    if row is None:
        raise LookupFailed(f"no event {event_id!r} (see `crossref events`)")
    return _event_dict(row)


def resolve_event(db: Database, ref: str) -> dict[str, Any]:
    """The event an id or id prefix (at least 4 characters) names; LookupFailed otherwise."""
    ref = ref.strip()
    row = db.execute(_SELECT + " WHERE e.id = ?", [ref]).fetchone()
    if row is not None:
        return _event_dict(row)
    if len(ref) >= MIN_PREFIX and all(c in "0123456789abcdef" for c in ref.lower()):
        rows = db.execute(_SELECT + " WHERE e.id LIKE ? LIMIT 2", [ref.lower() + "%"]).fetchall()
        if len(rows) == 1:
            return _event_dict(rows[0])
        if len(rows) > 1:
            raise LookupFailed(f"{ref!r} starts more than one event id; give more of it")
    raise LookupFailed(f"no event {ref!r} (see `crossref events`)")


def pick_events(db: Database, query: str, limit: int = 10) -> list[dict[str, Any]]:
    """Events an id (or prefix) or some words name: an id wins; else events whose title or
    places contain every word, else those whose statements match the words, most statements
    first."""
    try:
        return [resolve_event(db, query)]
    except LookupFailed:
        pass
    words = [w for w in query.split() if w]
    if not words:
        raise QueryError("say which event: an id or some words of its title")
    keys = [speaker_key(w) for w in words]
    everything = [_event_dict(r) for r in db.execute(_SELECT + " ORDER BY e.statements DESC, e.id")]
    for fields in (("title",), ("title", "places")):
        found = [
            e
            for e in everything
            if all(k in speaker_key(" ".join(_joined(e[f]) for f in fields)) for k in keys)
        ]
        if found:
            return found[:limit]
    return list_events(db, search=query)[:limit]


def _joined(value: Any) -> str:
    return " ".join(value) if isinstance(value, list) else str(value or "")


def ensure_grouped(db: Database, notify: Callable[[str], None] | None = None) -> GroupingReport | None:
    """Group what is not grouped yet (articles stored by an older crossref, or with grouping
    turned off); None when everything is. Cheap when nothing is to do: it reads the grouping
    state, the latest article id and whether event rows are pending (ingest, re-extraction
    and --replace keep the grouping current themselves, an interrupted ingest can leave event
    rows pending; after changing statements by other means, use `events regroup`).
    ``notify`` hears, before it starts, that a newer grouper will group everything again."""
    state = dict(db.execute("SELECT key, value FROM event_state").fetchall())
    latest = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    current = state.get("version", GROUPER_VERSION) == GROUPER_VERSION
    grouped = current and int(state.get("watermark", 0)) >= latest and (latest == 0 or state)
    if grouped and not (latest and db.execute("SELECT EXISTS (SELECT 1 FROM events_pending)").fetchone()[0]):
        return None
    if not current and latest and notify is not None:
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        notify(
            f"this crossref groups events differently: grouping the statements of {articles} "
            "articles again (once; a large database takes a while)"
        )
    from crossref.eventstore import update_events

    return update_events(db)
