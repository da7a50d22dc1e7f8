"""Events in the database: grouping new articles as they come, regrouping everything,
and the user's corrections (reading them: :mod:`crossref.eventquery`).

Grouping (see :mod:`crossref.events`) assigns every statement a *group*, recorded in
``event_members``; the user's corrections (``event_corrections``: merges, moves, renames)
are then replayed over the groups to give each statement its event (``statements.event_id``)
and each event its row in ``events``. Corrections never touch the grouping engine's state,
so they survive regrouping and re-extraction: a statement is named by its article's text
hash and its offsets, and an event by its id and the statement it was anchored on.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from crossref.database import Database
from crossref.dates import format_range, parse_date
from crossref.errors import LookupFailed, QueryError
from crossref.eventquery import get_event, resolve_event
from crossref.events import (
    BUCKET_CAP,
    ArticleRow,
    Features,
    Featurized,
    Grouper,
    GroupResult,
    MemoryBackend,
    Profile,
    event_id_for,
    grouping_view,
    statement_row,
    top_events,
)
from crossref.packing import pack_pairs, pack_profile, unpack_pairs, unpack_profile
from crossref.places import fold
from crossref.store import write_transaction
from crossref.versions import GROUPER_VERSION

_CHUNK = 400  # parameters per IN (...) query
BUCKET_SPAN = 6  # weeks either side of the one asked for that a blocking-index read brings along


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


# --------------------------------------------------------------------------- engine state in SQLite


class StateCache:
    """Event profiles and document frequencies read from the database, kept from one write
    transaction to the next by one connection (an ingest run's batches), so that events
    that keep coming up are not decoded again for every article. Trusted only while no
    other connection has changed the database (``PRAGMA data_version``); the caller must
    :meth:`clear` it when a transaction that used it is rolled back."""

    MAX_PROFILES = 4000
    MAX_FEATURES = 1_000_000
    MAX_BUCKETS = 400_000

    def __init__(self) -> None:
        self.profiles: OrderedDict[str, Profile] = OrderedDict()
        self.df: dict[str, int] = {}
        self.parties: dict[str, int] | None = None  # crossref.store.party_index, for its Resolver
        self.data_version: int | None = None
        # (blocking key, week) -> the events (by seq) under it, as in event_keys; None: over BUCKET_CAP
        self.buckets: dict[tuple[str, int], set[int] | None] = {}
        self.event_ids: dict[int, str] = {}  # seq -> id of stored events (a seq is never reused)
        self.key_ids: dict[str, int] = {}  # event_key_names

    def clear(self) -> None:
        self.profiles.clear()
        self.df.clear()
        self.buckets.clear()
        self.event_ids.clear()
        self.key_ids.clear()
        self.parties = None
        self.data_version = None

    def validate(self, db: Database) -> None:
        """Drop everything if another connection wrote to ``db`` since this one last did."""
        version = db.execute("PRAGMA data_version").fetchone()[0]
        if version != self.data_version:
            self.clear()
            self.data_version = version
        if len(self.df) > self.MAX_FEATURES:
            self.df.clear()
        if len(self.buckets) > self.MAX_BUCKETS:
            self.buckets.clear()

    def remember(self, profile: Profile) -> None:
        self.profiles[profile.id] = _copy_profile(profile)
        self.profiles.move_to_end(profile.id)
        while len(self.profiles) > self.MAX_PROFILES:
            self.profiles.popitem(last=False)


def _copy_profile(profile: Profile) -> Profile:
    return replace(profile, vec=dict(profile.vec))


class DbBackend:
    """The grouping engine's state in the database (used inside one write transaction)."""

    def __init__(self, db: Database, cache: StateCache | None = None) -> None:
        self.db = db
        state = dict(db.execute("SELECT key, value FROM event_state").fetchall())
        self.n_articles = int(state.get("articles", 0))
        self.seq = int(state.get("seq", 0))
        self.cache = cache or StateCache()
        self.cache.validate(db)
        self.df: dict[str, int] = self.cache.df
        self.df_dirty: set[str] = set()
        self.buckets = self.cache.buckets  # (key, week) -> events (see _bucket)
        self.renamed: dict[str, int] = {}  # events folded into others (rename) -> the seq they had
        self.unions: dict[tuple[str, range], set[int]] = {}  # see _union

    def articles_seen(self) -> int:
        return self.n_articles

    def document_frequencies(self, features: Iterable[str]) -> dict[str, int]:
        wanted = [f for f in features if f not in self.df]
        for chunk in _chunks(wanted):
            found = dict(
                self.db.execute(
                    f"SELECT feature, df FROM event_df WHERE feature IN ({_marks(len(chunk))})", chunk
                )
            )
            for feature in chunk:
                self.df[feature] = int(found.get(feature, 0))
        return {f: self.df[f] for f in features}

    def add_document(self, features: Iterable[str]) -> None:
        features = set(features)
        self.document_frequencies(features)
        for feature in features:
            self.df[feature] += 1
        self.df_dirty.update(features)
        self.n_articles += 1

    def lookup(self, keys: Iterable[str], weeks: range, limit: int) -> list[str]:
        hits: Counter[int] = Counter()
        for key in set(keys):
            hits.update(self._union(key, weeks))
        if len(hits) > limit:  # only events that can make the first ``limit`` need their ids
            least = sorted(hits.values(), reverse=True)[limit - 1]
            hits = Counter({seq: n for seq, n in hits.items() if n >= least})
        ids = self._ids(hits)
        return top_events(Counter({ids[seq]: n for seq, n in hits.items() if seq in ids}), limit)

    def _ids(self, seqs: Iterable[int]) -> dict[int, str]:
        """The ids of stored events by their number in the blocking index."""
        known = self.cache.event_ids
        for chunk in _chunks([s for s in seqs if s not in known]):
            query = f"SELECT seq, id FROM event_groups WHERE seq IN ({_marks(len(chunk))})"
            known.update(self.db.execute(query, chunk))
        return known

    def _union(self, key: str, weeks: range) -> Collection[int]:
        """The events under ``key`` in any of ``weeks``. The statements of one article mostly
        ask for the same weeks of the same places and kinds, so a union is kept until the
        index next changes (see _add_cached, _drop_cached)."""
        found = self.unions.get((key, weeks))
        if found is None:
            found = set()
            for bucket in weeks:
                found.update(self._bucket(key, bucket))
            self.unions[(key, weeks)] = found
        return found

    def _bucket(self, key: str, bucket: int) -> Collection[int]:
        """The events (by seq) under (key, bucket), none when more than BUCKET_CAP (as
        MemoryBackend.lookup). A key's buckets around ``bucket`` are read in one query and
        then kept in step with every change to the index (see index, unindex, rename)."""
        buckets = self.buckets
        if (key, bucket) not in buckets:
            for b in range(bucket - BUCKET_SPAN, bucket + BUCKET_SPAN + 1):
                buckets[(key, b)] = set()
            key_id = self._key_id(key, create=False)
            rows = self.db.execute(
                "SELECT bucket, count(*), group_concat(seq, ' ') FROM event_keys "
                "WHERE key_id = ? AND bucket BETWEEN ? AND ? GROUP BY bucket",
                [key_id, bucket - BUCKET_SPAN, bucket + BUCKET_SPAN],
            )
            for b, count, members in rows if key_id is not None else ():
                buckets[(key, b)] = None if count > BUCKET_CAP else {int(m) for m in members.split(" ")}
        return buckets[(key, bucket)] or ()

    def _key_id(self, key: str, *, create: bool) -> int | None:
        """The number ``key`` is stored under in the blocking index (None: not there yet)."""
        found = self.cache.key_ids.get(key)
        if found is None:
            row = self.db.execute("SELECT id FROM event_key_names WHERE key = ?", [key]).fetchone()
            if row is not None:
                found = int(row[0])
            elif create:
                inserted = self.db.execute("INSERT INTO event_key_names (key) VALUES (?)", [key]).lastrowid
                assert inserted is not None
                found = int(inserted)
            else:
                return None
            self.cache.key_ids[key] = found
        return found

    def seqs(self, event_ids: Iterable[str]) -> dict[str, int]:
        """The seqs of stored events (and of those folded into others meanwhile, see rename)."""
        found = {e: self.renamed[e] for e in event_ids if e in self.renamed}
        wanted = sorted({e for e in event_ids if e not in found})
        for chunk in _chunks(wanted):
            query = f"SELECT id, seq FROM event_groups WHERE id IN ({_marks(len(chunk))})"
            found.update((str(i), int(q)) for i, q in self.db.execute(query, list(chunk)))
        return found

    def _seq(self, event_id: str) -> int | None:
        """The number a stored event goes by in the blocking index (None: not stored)."""
        row = self.db.execute("SELECT seq FROM event_groups WHERE id = ?", [event_id]).fetchone()
        return None if row is None else int(row[0])

    def _stored_pairs(self, seq: int) -> set[tuple[int, int]]:
        """The (key id, week) pairs a stored event is under (``event_group_keys``)."""
        row = self.db.execute("SELECT keys FROM event_group_keys WHERE seq = ?", [seq]).fetchone()
        return set(unpack_pairs(row[0])) if row is not None else set()

    def _named(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[str, int]]:
        """(key id, week) pairs as (key, week)."""
        pairs = list(pairs)
        names: dict[int, str] = {}
        for chunk in _chunks(sorted({k for k, _ in pairs})):
            query = f"SELECT id, key FROM event_key_names WHERE id IN ({_marks(len(chunk))})"
            names.update(self.db.execute(query, list(chunk)))
        return [(names[k], b) for k, b in pairs]

    def _put_pairs(self, seq: int, pairs: set[tuple[int, int]]) -> None:
        if pairs:
            self.db.execute(
                "INSERT INTO event_group_keys (seq, keys) VALUES (?, ?) "
                "ON CONFLICT(seq) DO UPDATE SET keys = excluded.keys",
                [seq, pack_pairs(pairs)],
            )
        else:
            self.db.execute("DELETE FROM event_group_keys WHERE seq = ?", [seq])

    def _drop_cached(self, seq: int, pairs: Iterable[tuple[str, int]]) -> None:
        self.unions.clear()
        for pair in pairs:
            members = self.buckets.get(pair, ())
            if members is None:
                del self.buckets[pair]  # it may have fallen under BUCKET_CAP: read it again
            elif members:
                members.discard(seq)

    def _add_cached(self, seq: int, pairs: Iterable[tuple[str, int]]) -> None:
        self.unions.clear()
        for pair in pairs:
            members = self.buckets.get(pair)
            if members is not None:
                members.add(seq)
                if len(members) > BUCKET_CAP:
                    self.buckets[pair] = None

    def index(self, event_id: str, pairs: Iterable[tuple[str, int]]) -> None:
        """Put a stored event (its profile saved) under ``pairs``."""
        pairs = list(pairs)
        seq = self._seq(event_id)
        if seq is None:
            raise LookupError(f"event group {event_id} is indexed before it is stored")
        numbered = [(self._key_id(k, create=True), b) for k, b in pairs]
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO event_keys (key_id, bucket, seq) VALUES (?, ?, ?)",
            [(k, b, seq) for k, b in numbered],
        )
        stored = self._stored_pairs(seq)
        added = {(k, b) for k, b in numbered if k is not None}
        if not added <= stored:
            self._put_pairs(seq, stored | added)
        self._add_cached(seq, pairs)

    def unindex(self, event_id: str) -> None:
        seq = self._seq(event_id)
        if seq is None:
            return  # started and emptied in the same article: never indexed
        stored = self._stored_pairs(seq)
        self._drop_cached(seq, self._named(stored))
        self.db.conn.executemany(
            "DELETE FROM event_keys WHERE key_id = ? AND bucket = ? AND seq = ?",
            [(k, b, seq) for k, b in sorted(stored)],
        )
        if stored:
            self._put_pairs(seq, set())

    def rename(self, source: str, target: str) -> None:
        source_seq, target_seq = self._seq(source), self._seq(target)
        if source_seq is None or target_seq is None:
            raise LookupError(f"event group {source} or {target} is renamed before it is stored")
        self.renamed[source] = source_seq
        moved = self._stored_pairs(source_seq)
        pairs = self._named(sorted(moved))
        self.db.conn.executemany(
            "DELETE FROM event_keys WHERE key_id = ? AND bucket = ? AND seq = ?",
            [(k, b, source_seq) for k, b in sorted(moved)],
        )
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO event_keys (key_id, bucket, seq) VALUES (?, ?, ?)",
            [(k, b, target_seq) for k, b in sorted(moved)],
        )
        if moved:
            self._put_pairs(target_seq, self._stored_pairs(target_seq) | moved)
            self._put_pairs(source_seq, set())
        self._drop_cached(source_seq, pairs)
        self._add_cached(target_seq, pairs)

    def load(self, event_ids: Iterable[str]) -> dict[str, Profile]:
        out: dict[str, Profile] = {}
        missing: list[str] = []
        for event_id in event_ids:
            cached = self.cache.profiles.get(event_id)
            if cached is None:
                missing.append(event_id)
            else:
                out[event_id] = _copy_profile(cached)  # the engine changes what it loads
        for chunk in _chunks(missing):
            rows = self.db.execute(
                f"SELECT id, profile FROM event_groups WHERE id IN ({_marks(len(chunk))})", list(chunk)
            )
            for event_id, raw in rows:
                out[event_id] = profile = _unpack_profile(event_id, raw)
                self.cache.remember(profile)
        return out

    def save(self, profiles: Iterable[Profile], deleted: Iterable[str]) -> None:
        profiles = list(profiles)
        deleted = list(deleted)
        self.db.conn.executemany(
            "INSERT INTO event_groups (id, seq, profile) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, profile = excluded.profile",
            [(p.id, p.seq, _pack_profile(p)) for p in profiles],
        )
        self.db.conn.executemany("DELETE FROM event_groups WHERE id = ?", [(d,) for d in deleted])
        for profile in profiles:
            self.cache.remember(profile)
        for event_id in deleted:
            self.cache.profiles.pop(event_id, None)

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def flush(self, watermark: int) -> None:
        """Write the counters and document frequencies changed in this transaction."""
        self.db.conn.executemany(
            "INSERT INTO event_df (feature, df) VALUES (?, ?) "
            "ON CONFLICT(feature) DO UPDATE SET df = excluded.df",
            [(f, self.df[f]) for f in sorted(self.df_dirty)],
        )
        self.df_dirty.clear()
        _write_state(self.db, articles=self.n_articles, seq=self.seq, watermark=watermark)


def _pack_profile(profile: Profile) -> bytes:
    """A profile as stored (see crossref.packing.pack_profile)."""
    return pack_profile(profile.to_json())


def _unpack_profile(event_id: str, raw: bytes | str) -> Profile:
    """A stored profile: packed, or compressed or plain JSON as older databases hold it."""
    return Profile.from_json(event_id, unpack_profile(raw))


def _write_state(db: Database, **values: object) -> None:
    values = {"version": GROUPER_VERSION, **values}
    db.conn.executemany(
        "INSERT INTO event_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(k, str(v)) for k, v in values.items()],
    )


# --------------------------------------------------------------------------- reading articles


def _articles(db: Database, after: int = 0) -> Iterator[ArticleRow]:
    """Stored articles with id > ``after``, in id order, with what grouping needs of their statements."""
    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE id > ? ORDER BY id", [after])]
    for article_id in ids:
        row = db.execute(
            "SELECT id, text, published, text_hash FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        article = ArticleRow(int(row[0]), row[1], row[2], row[3])
        for r in db.execute(
            'SELECT st.id, st.ordinal, st.start, st."end", st.text, st.sentence_start, st.sentence_end, '
            "sp.name, st.mention_start, st.speaker_mention, st.mention_end FROM statements st "
            "LEFT JOIN speakers sp ON sp.id = st.speaker_id WHERE st.article_id = ? ORDER BY st.ordinal",
            [article_id],
        ):
            statement_id, ordinal, start, end, text, s_start, s_end, speaker, m_start, mention, m_end = r
            if text is None:  # not stored: the article's text between its offsets
                text = article.text[start:end]
            if mention is None and m_end is not None:  # likewise
                mention = article.text[m_start:m_end]
            article.statements.append(
                statement_row(
                    statement_id, ordinal, start, end, text, s_start, s_end, speaker, m_start, mention
                )
            )
        yield article


#: ``event_members.date_precision`` as stored (numbers: 0 and 1 take no bytes at all)
PRECISION_CODES = {"default": 0, "exact": 1, "report": 2, "vague": 3}
_PRECISION_NAMES = {code: name for name, code in PRECISION_CODES.items()}


#: The day ``event_members`` counts its dates from (2024-05-04 is 8889: two bytes in SQLite)
DAY_ZERO = date(2000, 1, 1)


def _day_numbers(lo: date | None, hi: date | None) -> tuple[int | None, int | None]:
    """A statement's dates as ``event_members`` stores them: the first as days since
    DAY_ZERO, the last as days after the first (0, the most common, takes no bytes)."""
    first = None if lo is None else (lo - DAY_ZERO).days
    last = None if hi is None else (hi - DAY_ZERO).days
    return first, (None if last is None else last - (first if first is not None else 0))


def _member_days(lo: int | None, hi: int | None) -> tuple[date | None, date | None]:
    """The dates :func:`_day_numbers` stored."""
    first = None if lo is None else DAY_ZERO + timedelta(days=int(lo))
    last = None if hi is None else DAY_ZERO + timedelta(days=int(hi) + (int(lo) if lo is not None else 0))
    return first, last


def _member_precision(value: int | str | None) -> str | None:
    return _PRECISION_NAMES.get(value) if isinstance(value, int) else value


def _member_rows(article: ArticleRow, result: GroupResult) -> list[tuple[Any, ...]]:
    """``event_members`` rows of an article's statements, naming their group by its id (see
    :func:`_by_seq`)."""
    rows = []
    for f in result.features:
        st = f.statement
        places = {k: name for k, (name, _) in f.places.items()}
        rows.append(
            (
                st.id,
                result.assignment[st.id],
                *_day_numbers(f.lo, f.hi),
                PRECISION_CODES.get(f.precision, f.precision),
                json.dumps(places, ensure_ascii=False) if places else None,
                json.dumps(f.phrases) if f.phrases else None,
            )
        )
    return rows


def _by_seq(rows: Iterable[tuple[Any, ...]], seqs: Mapping[str, int]) -> list[tuple[Any, ...]]:
    """Member rows with their group's id replaced by its ``event_groups.seq``, as stored."""
    out = []
    for statement_id, group, *rest in rows:
        if group not in seqs:
            raise LookupError(f"event group {group} has members but is not stored")
        out.append((statement_id, seqs[group], *rest))
    return out


_INSERT_MEMBERS = (
    "INSERT OR REPLACE INTO event_members (statement_id, group_seq, date_lo, date_hi, "
    "date_precision, places, phrases) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


# --------------------------------------------------------------------------- grouping


@dataclass
class GroupingReport:
    """What :func:`update_events` did."""

    mode: str  # "incremental", "full" or "none"
    articles: int = 0
    statements: int = 0
    events: int = 0


def _stale(db: Database, watermark: int, members: int) -> bool:
    """Whether statements of already grouped articles changed (re-extraction, --replace):
    two counts, each over an index, instead of a join over every statement."""
    if db.execute("SELECT count(*) FROM event_members").fetchone()[0] != members:
        return True  # statements were deleted
    grouped = db.execute("SELECT count(*) FROM statements WHERE article_id <= ?", [watermark]).fetchone()[0]
    return bool(grouped != members)  # statements were added to grouped articles


def update_events(
    db: Database, *, full: bool = False, progress: Callable[[int, int], None] | None = None
) -> GroupingReport:
    """Group the statements of articles not grouped yet, in storage order, joining stored
    events or starting new ones; or group everything again when ``full`` is set or the
    stored grouping is out of date (re-extracted or replaced articles, a newer grouper).
    Grouping everything gives the same events as grouping article by article."""
    with write_transaction(db):
        if full or not _current(db):
            return _regroup(db, progress)
        return _group_new(db, progress)


def group_new_articles(
    db: Database,
    ahead: Mapping[int, Featurized] | None = None,
    *,
    check: bool = True,
    cache: StateCache | None = None,
) -> GroupingReport | None:
    """Within the caller's write transaction, group the articles stored since the last
    grouping, so that they are committed together with their events. ``ahead`` holds
    features computed beforehand (by article id; see :func:`crossref.events.featurize_detached`),
    used where they still hold. Returns None, grouping nothing, when the stored grouping is out
    of date and needs :func:`update_events` (``check=False`` skips that test, for a caller
    that made it already in this run; ``cache``: one kept across the caller's transactions).
    The ``events`` rows of the events it changes are left pending for :func:`refresh_events`."""
    if check and not _current(db):
        return None
    return _group_new(db, None, ahead, cache, defer=True)


def refresh_events(db: Database) -> int:
    """Recompute the ``events`` rows that grouping left pending (see
    :func:`group_new_articles`); returns how many. Call within a write transaction."""
    pending = [r[0] for r in db.execute("SELECT id FROM events_pending")]
    if pending:
        _rebuild_events(db, set(pending))
        db.execute("DELETE FROM events_pending")
    return len(pending)


def regroup(db: Database, progress: Callable[[int, int], None] | None = None) -> GroupingReport:
    """Group every stored statement again from scratch (then replay the corrections)."""
    return update_events(db, full=True, progress=progress)


def _current(db: Database) -> bool:
    """Whether the stored grouping can be extended article by article: made by this grouper
    version, and no already grouped statement changed since (re-extraction, --replace)."""
    state = dict(db.execute("SELECT key, value FROM event_state").fetchall())
    if state.get("version", GROUPER_VERSION) != GROUPER_VERSION:
        return False
    return not _stale(db, int(state.get("watermark", 0)), int(state.get("members", 0)))


def _usable(ahead: Featurized | None, article: ArticleRow, grouper: Grouper) -> list[Features] | None:
    """Features computed ahead for ``article``, if its stored statements are the ones they were
    computed from and no place they took as unknown is known by now; else None."""
    if ahead is None or len(ahead.features) != len(article.statements):
        return None
    for f, stored in zip(ahead.features, article.statements, strict=True):
        if grouping_view(f.statement) != grouping_view(stored):
            return None  # e.g. the speaker was stored earlier under another name
    if any(grouper.known_place(key) for key in ahead.asked):
        return None
    for f, stored in zip(ahead.features, article.statements, strict=True):
        f.statement = stored
    return ahead.features


def _group_new(
    db: Database,
    progress: Callable[[int, int], None] | None,
    ahead: Mapping[int, Featurized] | None = None,
    cache: StateCache | None = None,
    *,
    defer: bool = False,
) -> GroupingReport:
    state = dict(db.execute("SELECT key, value FROM event_state").fetchall())
    watermark = int(state.get("watermark", 0))
    members = int(state.get("members", 0))
    pending = db.execute("SELECT count(*) FROM articles WHERE id > ?", [watermark]).fetchone()[0]
    report = GroupingReport("incremental" if pending else "none")
    if not pending:
        if not defer:
            refresh_events(db)
        return report
    backend = DbBackend(db, cache)
    grouper = Grouper(backend)
    changed: list[int] = []
    last = watermark
    for done, article in enumerate(_articles(db, watermark), start=1):
        features = _usable(ahead.get(article.id), article, grouper) if ahead else None
        result = grouper.group_article(article, features)
        rows = _member_rows(article, result)
        seqs = backend.seqs({row[1] for row in rows} | set(result.merged) | set(result.merged.values()))
        db.conn.executemany(_INSERT_MEMBERS, _by_seq(rows, seqs))
        members += len(rows)
        for source, target in sorted(result.merged.items()):
            if source not in seqs:
                continue  # never stored: no members to move
            if target not in seqs:
                raise LookupError(f"event group {target} takes in {source} but is not stored")
            moved = [
                r[0]
                for r in db.execute(
                    "SELECT statement_id FROM event_members WHERE group_seq = ?", [seqs[source]]
                )
            ]
            db.execute(
                "UPDATE event_members SET group_seq = ? WHERE group_seq = ?", [seqs[target], seqs[source]]
            )
            changed.extend(moved)
        backend.renamed.clear()
        changed.extend(result.assignment)
        report.articles += 1
        report.statements += len(result.assignment)
        last = article.id
        if progress:
            progress(done, pending)
    backend.flush(last)
    _write_state(db, members=members)
    touched = _apply_corrections(db, sorted(set(changed)))
    if defer:  # events that are new or gone get their rows now: no statement names a missing event
        urgent = _new_or_gone(db, touched)
        _rebuild_events(db, urgent)
        touched -= urgent
    db.conn.executemany(
        "INSERT OR IGNORE INTO events_pending (id) VALUES (?)", [(e,) for e in sorted(touched)]
    )
    if not defer:
        refresh_events(db)
    report.events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    return report


def _new_or_gone(db: Database, event_ids: set[str]) -> set[str]:
    """Of ``event_ids``, those without an ``events`` row or without statements."""
    found: set[str] = set()
    for chunk in _chunks(sorted(event_ids)):
        marks = _marks(len(chunk))
        rows = {r[0] for r in db.execute(f"SELECT id FROM events WHERE id IN ({marks})", list(chunk))}
        used = {
            r[0]
            for r in db.execute(
                f"SELECT DISTINCT event_id FROM statements WHERE event_id IN ({marks})", list(chunk)
            )
        }
        found.update(e for e in chunk if e not in rows or e not in used)
    return found


def _regroup(db: Database, progress: Callable[[int, int], None] | None) -> GroupingReport:
    report = GroupingReport("full")
    backend = MemoryBackend()
    grouper = Grouper(backend)
    members: dict[int, tuple[Any, ...]] = {}
    by_group: dict[str, list[int]] = {}
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    last = 0
    for done, article in enumerate(_articles(db), start=1):
        result = grouper.group_article(article)
        for row in _member_rows(article, result):
            members[row[0]] = row
            by_group.setdefault(row[1], []).append(row[0])
        for source, target in sorted(result.merged.items()):
            for statement_id in by_group.pop(source, []):
                members[statement_id] = (statement_id, target, *members[statement_id][2:])
                by_group.setdefault(target, []).append(statement_id)
        report.articles += 1
        report.statements += len(result.assignment)
        last = article.id
        if progress:
            progress(done, total)
    for table in (
        "event_members",
        "event_groups",
        "event_group_keys",
        "event_keys",
        "event_key_names",
        "event_df",
        "event_state",
    ):
        db.execute(f"DELETE FROM {table}")
    seqs = {event_id: profile.seq for event_id, profile in backend.profiles.items()}
    db.conn.executemany(_INSERT_MEMBERS, _by_seq(members.values(), seqs))
    names = sorted({k for pairs in backend.event_keys.values() for k, _ in pairs})
    db.conn.executemany("INSERT INTO event_key_names (id, key) VALUES (?, ?)", list(enumerate(names, 1)))
    key_ids = {k: i for i, k in enumerate(names, 1)}
    numbered = {
        g: {(key_ids[k], b) for k, b in pairs}
        for g, pairs in backend.event_keys.items()
        if g in backend.profiles
    }
    db.conn.executemany(
        "INSERT INTO event_groups (id, seq, profile) VALUES (?, ?, ?)",
        [(p.id, p.seq, _pack_profile(p)) for p in backend.profiles.values()],
    )
    db.conn.executemany(
        "INSERT INTO event_group_keys (seq, keys) VALUES (?, ?)",
        sorted((backend.profiles[g].seq, pack_pairs(pairs)) for g, pairs in numbered.items() if pairs),
    )
    db.conn.executemany(
        "INSERT INTO event_keys (key_id, bucket, seq) VALUES (?, ?, ?)",
        [(k, b, backend.profiles[g].seq) for g, pairs in numbered.items() for k, b in sorted(pairs)],
    )
    db.conn.executemany("INSERT INTO event_df (feature, df) VALUES (?, ?)", sorted(backend.df.items()))
    _write_state(db, articles=backend.n_articles, seq=backend.seq, watermark=last, members=len(members))
    db.execute(
        "UPDATE statements SET event_id = NULL WHERE event_id IS NOT NULL AND id NOT IN "
        "(SELECT statement_id FROM event_members)"
    )
    _apply_corrections(db, None)
    _rebuild_events(db, None)
    db.execute("DELETE FROM events_pending")
    report.events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    return report


# --------------------------------------------------------------------------- corrections


StatementKey = tuple[str, int, int]  # article text hash, start, end


def _statement_key(db: Database, statement_id: int) -> StatementKey:
    row = db.execute(
        'SELECT a.text_hash, st.start, st."end" FROM statements st JOIN articles a ON a.id = st.article_id '
        "WHERE st.id = ?",
        [statement_id],
    ).fetchone()
    if row is None:
        raise LookupFailed(f"no statement with id {statement_id} (see `crossref statements`)")
    return str(row[0]), int(row[1] or 0), int(row[2] or 0)


def _find_statement(db: Database, key: StatementKey) -> int | None:
    """The statement a key names now: the same span, else the one overlapping it most (at
    least half of the shorter of the two) in the same article."""
    text_hash, start, end = key
    rows = db.execute(
        'SELECT st.id, st.start, st."end" FROM statements st JOIN articles a ON a.id = st.article_id '
        'WHERE a.text_hash = ? AND st.start < ? AND st."end" > ?',
        [text_hash, end, start],
    ).fetchall()
    best, best_share = None, 0.5
    for statement_id, s, e in rows:
        if (s, e) == (start, end):
            return int(statement_id)
        overlap = min(e, end) - max(s, start)
        share = overlap / max(1, min(e - s, end - start))
        if share >= best_share:
            best, best_share = int(statement_id), share
    return best


class _Corrections:
    """The user's corrections, replayed: which event each statement ends up in, and titles."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.alias: dict[str, str] = {}
        self.moved: dict[int, str] = {}  # statement id -> event it was moved to
        self.titles: list[tuple[str, str]] = []  # (event, title), oldest first
        self.new_ids: set[str] = set()
        rows = db.execute(
            'SELECT kind, event, target, article_hash, start, "end", title, anchors '
            "FROM event_corrections ORDER BY id"
        ).fetchall()
        for kind, event, target, text_hash, start, end, title, anchors_raw in rows:
            anchors = json.loads(anchors_raw) if anchors_raw else {}
            if kind == "merge":
                a, b = self._resolve(event, anchors), self._resolve(target, anchors)
                if a is not None and b is not None and self.find(a) != self.find(b):
                    self.alias[self.find(a)] = self.find(b)
            elif kind == "move":
                if event and event.startswith("new:"):
                    self.new_ids.add(target)
                statement_id = _find_statement(db, (text_hash, start, end))
                resolved = target if target in self.new_ids else self._resolve(target, anchors)
                if statement_id is not None and resolved is not None:
                    self.moved[statement_id] = resolved
            elif kind == "rename":
                resolved = self._resolve(event, anchors)
                if resolved is not None:
                    self.titles.append((resolved, title))

    def _resolve(self, ref: str | None, anchors: dict[str, list[Any]]) -> str | None:
        """An event named in a correction, as a group (or moved-into event) id now."""
        if not ref:
            return None
        if ref in self.new_ids or ref in self.alias:
            return ref
        if self.db.execute(
            "SELECT 1 FROM event_groups g JOIN event_members m ON m.group_seq = g.seq WHERE g.id = ? LIMIT 1",
            [ref],
        ).fetchone():
            return ref
        anchor = anchors.get(ref)
        if anchor:
            statement_id = _find_statement(self.db, (anchor[0], int(anchor[1]), int(anchor[2])))
            if statement_id is not None:
                row = self.db.execute(
                    "SELECT g.id FROM event_members m JOIN event_groups g ON g.seq = m.group_seq "
                    "WHERE m.statement_id = ?",
                    [statement_id],
                ).fetchone()
                if row is not None:
                    return str(row[0])
        return None

    def find(self, event_id: str) -> str:
        seen = set()
        while event_id in self.alias and event_id not in seen:
            seen.add(event_id)
            event_id = self.alias[event_id]
        return event_id

    def final(self, statement_id: int, group_id: str) -> str:
        """The event a statement is in once the corrections are applied."""
        return self.find(self.moved.get(statement_id, group_id))

    def title(self, event_id: str) -> str | None:
        """The title the user gave ``event_id`` (the latest rename of it or what was merged into it)."""
        found = None
        for ref, title in self.titles:
            if self.find(ref) == event_id:
                found = title
        return found


def _apply_corrections(db: Database, statement_ids: Sequence[int] | None) -> set[str]:
    """Set ``statements.event_id`` from the groups and the corrections (for the given
    statements, or all of them plus every statement a correction names). Returns the events
    whose membership changed."""
    corrections = _Corrections(db)
    sql = (
        "SELECT m.statement_id, g.id, st.event_id FROM event_members m "
        "JOIN event_groups g ON g.seq = m.group_seq "
        "JOIN statements st ON st.id = m.statement_id"
    )
    rows: list[tuple[int, str, str | None]] = []
    if statement_ids is None:
        rows = [(int(r[0]), str(r[1]), r[2]) for r in db.execute(sql)]
    else:
        wanted = sorted(set(statement_ids) | set(corrections.moved))
        for chunk in _chunks(wanted):
            found = db.execute(sql + f" WHERE m.statement_id IN ({_marks(len(chunk))})", list(chunk))
            rows += [(int(r[0]), str(r[1]), r[2]) for r in found]
    touched: set[str] = set()
    updates = []
    for statement_id, group_id, old in rows:
        new = corrections.final(statement_id, group_id)
        if new != old:
            updates.append((new, statement_id))
            touched.add(new)
            if old:
                touched.add(old)
    db.conn.executemany("UPDATE statements SET event_id = ? WHERE id = ?", updates)
    if statement_ids is not None:  # renamed events keep their titles current
        touched.update(corrections.find(ref) for ref, _ in corrections.titles)
    return touched


def _record(db: Database, kind: str, **values: Any) -> None:
    columns = ["kind", "created_at", *values]
    db.execute(
        f"INSERT INTO event_corrections ({', '.join(chr(34) + c + chr(34) for c in columns)}) "
        f"VALUES ({_marks(len(columns))})",
        [kind, _now(), *values.values()],
    )


def _anchor(db: Database, event_id: str) -> list[Any] | None:
    """The first statement of an event (by article, then offset), as [text hash, start, end]."""
    row = db.execute(
        'SELECT a.text_hash, st.start, st."end" FROM statements st JOIN articles a ON a.id = st.article_id '
        "WHERE st.event_id = ? ORDER BY st.article_id, st.start LIMIT 1",
        [event_id],
    ).fetchone()
    return [row[0], row[1], row[2]] if row else None


def merge_events(db: Database, source: str, target: str) -> dict[str, Any]:
    """Fold event ``source`` into ``target`` for good (kept across regrouping and
    re-extraction). Returns the merged event."""
    with write_transaction(db):
        src, dst = resolve_event(db, source)["id"], resolve_event(db, target)["id"]
        if src == dst:
            raise QueryError(f"{source!r} and {target!r} are the same event")
        anchors = {src: _anchor(db, src), dst: _anchor(db, dst)}
        _record(db, "merge", event=src, target=dst, anchors=json.dumps(anchors))
        touched = _apply_corrections(db, _statements_of(db, [src, dst]))
        _rebuild_events(db, touched | {src, dst})
    return get_event(db, dst)


def move_statement(db: Database, statement_id: int, target: str | None) -> dict[str, Any]:
    """Move a statement into event ``target``, or into a new event of its own when ``target``
    is None (kept across regrouping and re-extraction). Returns the event it is in now."""
    with write_transaction(db):
        key = _statement_key(db, statement_id)
        row = db.execute("SELECT event_id FROM statements WHERE id = ?", [statement_id]).fetchone()
        if (
            db.execute("SELECT 1 FROM event_members WHERE statement_id = ?", [statement_id]).fetchone()
            is None
        ):
            raise LookupFailed(f"statement {statement_id} is not grouped yet (run `crossref events regroup`)")
        old = row[0] if row else None
        if target is None:
            new_id = event_id_for(key[0], key[1], salt="new:")
            _record(
                db,
                "move",
                event="new:" + new_id,
                target=new_id,
                article_hash=key[0],
                start=key[1],
                end=key[2],
            )
        else:
            new_id = resolve_event(db, target)["id"]
            anchors = {new_id: _anchor(db, new_id)}
            _record(
                db, "move", event=old, target=new_id, article_hash=key[0], start=key[1], end=key[2],
                anchors=json.dumps(anchors),
            )  # fmt: skip
        touched = _apply_corrections(db, [statement_id])
        _rebuild_events(db, touched | {new_id} | ({old} if old else set()))
        final = db.execute("SELECT event_id FROM statements WHERE id = ?", [statement_id]).fetchone()[0]
    return get_event(db, final)


def rename_event(db: Database, ref: str, title: str) -> dict[str, Any]:
    """Give an event a title of the user's (kept across regrouping)."""
    title = " ".join(title.split())
    if not title:
        raise QueryError("the title is empty")
    with write_transaction(db):
        event_id = resolve_event(db, ref)["id"]
        _record(
            db, "rename", event=event_id, title=title, anchors=json.dumps({event_id: _anchor(db, event_id)})
        )
        _rebuild_events(db, {event_id})
    return get_event(db, event_id)


def _statements_of(db: Database, event_ids: Sequence[str]) -> list[int]:
    return [
        int(r[0])
        for r in db.execute(
            f"SELECT id FROM statements WHERE event_id IN ({_marks(len(event_ids))})", list(event_ids)
        )
    ]


# --------------------------------------------------------------------------- event rows


_PREPOSITION = {"region": "in", "r": "in"}


def _rebuild_events(db: Database, event_ids: set[str] | None) -> None:
    """Recompute the ``events`` rows of ``event_ids`` (all events when None) from their statements."""
    corrections = _Corrections(db)
    if event_ids is None:
        db.execute("DELETE FROM events")
        ids = [
            r[0] for r in db.execute("SELECT DISTINCT event_id FROM statements WHERE event_id IS NOT NULL")
        ]
    else:
        ids = sorted(e for e in event_ids if e)
    for chunk in _chunks(ids):
        rows = db.execute(
            "SELECT st.event_id, p.name, st.article_id, a.outlet, a.published, m.date_lo, m.date_hi, "
            "m.date_precision, m.places, m.phrases, sp.name FROM statements st "
            "JOIN articles a ON a.id = st.article_id LEFT JOIN event_members m ON m.statement_id = st.id "
            "LEFT JOIN parties p ON p.id = st.party_id LEFT JOIN speakers sp ON sp.id = st.speaker_id "
            f"WHERE st.event_id IN ({_marks(len(chunk))}) ORDER BY st.article_id, st.ordinal",
            list(chunk),
        ).fetchall()
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for r in rows:
            grouped.setdefault(r[0], []).append(tuple(r))
        for event_id in chunk:
            members = grouped.get(event_id)
            if not members:
                db.execute("DELETE FROM events WHERE id = ?", [event_id])
                continue
            summary = _summarise(members)
            title = corrections.title(event_id)
            db.execute(
                'INSERT OR REPLACE INTO events (id, title, start, "end", places, parties, statements, '
                "articles, outlets, title_locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    event_id,
                    title or summary["title"],
                    summary["start"],
                    summary["end"],
                    json.dumps(summary["places"], ensure_ascii=False),
                    json.dumps(summary["parties"], ensure_ascii=False),
                    summary["statements"],
                    summary["articles"],
                    summary["outlets"],
                    int(title is not None),
                ],
            )


def _summarise(members: Sequence[tuple[Any, ...]]) -> dict[str, Any]:
    """Dates, places, parties, counts and an automatic title for one event's statements."""
    parties: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    towns: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    phrases: dict[str, float] = {}
    exact: list[tuple[date, date]] = []
    loose: list[date] = []
    articles, outlets = set(), set()
    dates = functools.lru_cache(maxsize=None)(parse_date)  # an event's statements share few dates
    days = functools.lru_cache(maxsize=None)(_member_days)
    for (
        _,
        party,
        article_id,
        outlet,
        published,
        lo,
        hi,
        precision,
        places_raw,
        phrases_raw,
        speaker,
    ) in members:
        if party:
            parties[party] += 1
        if speaker:
            speakers[speaker] += 1
        articles.add(article_id)
        if outlet:
            outlets.add(outlet)
        d_lo, d_hi = days(lo, hi)
        if d_lo and d_hi and _member_precision(precision) == "exact":
            exact.append((d_lo, d_hi))
        for day in (d_lo, d_hi, dates(published)):
            if day:
                loose.append(day)
        if places_raw and places_raw != "{}":
            for key, name in json.loads(places_raw).items():
                (towns if key.startswith("p:") else regions)[name] += 1
        if phrases_raw and phrases_raw != "[]":
            for i, phrase in enumerate(json.loads(phrases_raw)):
                phrases[phrase] = phrases.get(phrase, 0.0) + (1.0 if i == 0 else 0.5)
    start: date | None = None
    end: date | None = None
    if exact:
        start, end = _core_range(exact)
    elif loose:
        start, end = min(loose), max(loose)
    places: list[str] = []
    seen: set[str] = set()
    for name, _ in towns.most_common(5) + regions.most_common(3):
        if fold(name) not in seen:
            seen.add(fold(name))
            places.append(name)
    what = _what(phrases) or _who(speakers, parties)
    where = ""
    if towns:
        where = f" near {towns.most_common(1)[0][0]}"
    elif regions:
        where = f" in {regions.most_common(1)[0][0]}"
    when = format_range(start, end)
    return {
        "title": f"{what}{where}" + (f", {when}" if when else ""),
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "places": places,
        "parties": [name for name, _ in parties.most_common()],
        "statements": len(members),
        "articles": len(articles),
        "outlets": len(outlets),
    }


def _core_range(spans: Sequence[tuple[date, date]]) -> tuple[date, date]:
    """The dates most of an event's statements agree on: the span of the incident dates that
    fall within a week of the most often given one."""
    counts: Counter[date] = Counter()
    for lo, hi in spans:
        for day in (lo, hi):
            counts[day] += 1
    centre = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    near = [(lo, hi) for lo, hi in spans if abs((lo - centre).days) <= 7 and abs((hi - centre).days) <= 7]
    return min(lo for lo, _ in near), max(hi for _, hi in near)


def _what(phrases: dict[str, float]) -> str | None:
    """The most specific name of what happened that the statements use often enough."""
    if not phrases:
        return None
    from crossref.events import INCIDENT_PHRASES

    top = max(phrases.values())
    for phrase, _ in INCIDENT_PHRASES:
        if phrases.get(phrase, 0) >= max(1.0, 0.5 * top):
            return phrase
    return None


def _who(speakers: Counter[str], parties: Counter[str]) -> str:
    names = [name for name, _ in (speakers or parties).most_common(2)]
    if not names:
        return "Statements"
    return "Remarks by " + " and ".join(names)
