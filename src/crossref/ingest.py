"""Reading sources into the store: read, skip what is already stored, extract, save, group.

The sources are read in this process, one article at a time. Extraction, and the part of
event grouping that needs only the article itself (:func:`crossref.events.featurize_detached`),
run in worker processes (``workers``), results coming back in input order. This process
stores them in batches: each batch of articles is written in one transaction together with
their statements and their events, so an interrupted run (Ctrl-C, ``kill -9``, a full disk)
leaves every article whole or absent, and running it again completes the rest.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Literal

from crossref import compaction
from crossref.database import Database
from crossref.errors import CrossrefError, DatabaseError, SourceError
from crossref.events import ArticleRow, Featurized, featurize_detached, statement_row
from crossref.eventstore import GroupingReport, StateCache, group_new_articles, refresh_events, update_events
from crossref.models import ArticleInput, Statement
from crossref.parallel import ordered_map
from crossref.parties.settings import PartySettings
from crossref.render import plural
from crossref.sources import Limits, SourceDefaults, iter_sources
from crossref.store import (
    Extractor,
    Resolver,
    SaveResult,
    find_article_by_hash,
    party_index,
    speaker_name,
    store_article,
    text_hash,
    write_transaction,
)

BATCH_ARTICLES = 64
"""Articles stored per transaction, at most."""
BATCH_SECONDS = 0.3
"""A batch is written once it has waited this long, so progress shows and a lock is not held long."""
REFRESH_SECONDS = 10.0
"""Seconds between recomputing the ``events`` rows (titles, dates, counts) of the events an
ingest changed: each costs a read of all the event's statements, so not after every batch."""

COMPACT_WAIT_SECONDS = 1.0
"""How long the compaction at the end of an ingest waits for another process's lock before
it leaves the database as it is."""

ItemStatus = Literal["added", "replaced", "skipped", "failed"]


@dataclass
class IngestItem:
    """What happened to one article (or one failing input), as reported to ``on_item``."""

    status: ItemStatus
    source: str
    article_id: int | None = None
    statements: int = 0
    problem: str | None = None


@dataclass
class IngestReport:
    """Counts for one ingest run; ``failed`` holds (source, problem) pairs."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    statements: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    grouping: GroupingReport | None = None
    compacted: compaction.Compaction | None = None  # set when the run compacted the database

    @property
    def ok(self) -> bool:
        """True when no source failed."""
        return not self.failed

    def summary(self) -> str:
        """One line for the user, e.g. "added 2 articles (5 statements); skipped 1 already stored ..."."""
        parts: list[str] = []
        if self.added or not (self.replaced or self.skipped or self.failed):
            parts.append(f"added {plural(self.added, 'article')}")
        if self.replaced:
            parts.append(f"replaced {plural(self.replaced, 'article')}")
        if self.added or self.replaced:
            parts[-1] += f" ({plural(self.statements, 'statement')})"
        if self.skipped:
            parts.append(f"skipped {self.skipped} already stored (same text); --replace to read again")
        if self.failed:
            parts.append(f"{plural(len(self.failed), 'source')} failed")
        return "; ".join(parts)


def ingest_sources(
    db: Database,
    specs: Sequence[str],
    *,
    defaults: SourceDefaults,
    limits: Limits,
    stdin_format: str = "text",
    replace: bool = False,
    stdin: IO[bytes] | IO[str] | None = None,
    extractor: Extractor | None = None,
    extractor_version: str | None = None,
    on_item: Callable[[IngestItem], None] | None = None,
    settings: PartySettings | None = None,
    group: bool = True,
    workers: int = 1,
    compact: bool = True,
) -> IngestReport:
    """Read every source in ``specs``, extract statements (in ``workers`` processes), and
    store the articles in batches, each in one transaction with its statements and (unless
    not ``group``) its events.

    An article whose text is already stored is skipped unless ``replace``. A failing input is
    recorded in the report (and passed to ``on_item``) and the run goes on. When the run
    wrote at least half the articles now stored and ``compact``, the database is compacted
    at the end (see crossref.compaction; skipped while another process uses it).
    """
    from crossref.extract import EXTRACTOR_VERSION, extract_statements

    custom = extractor is not None and extractor is not extract_statements
    version = extractor_version or EXTRACTOR_VERSION
    run = _Run(db, IngestReport(), replace, version, settings, group, on_item)
    items = iter_sources(
        list(specs), stdin_format=stdin_format, defaults=defaults, limits=limits, stdin=stdin
    )
    setup = _WorkerSetup(extractor or extract_statements, featurize=group)
    prepared = ordered_map(
        _prepare, run.to_extract(items), workers=workers if _can_share(custom) else 1, initializer=setup
    )
    batch: list[Prepared] = []
    started = time.monotonic()
    for item in prepared:
        if item.problem is not None:
            run.emit(IngestItem("failed", item.article.source, problem=item.problem))
            continue
        if not batch:
            started = time.monotonic()
        batch.append(item)
        if len(batch) >= BATCH_ARTICLES or time.monotonic() - started >= BATCH_SECONDS:
            run.store(batch)
            batch = []
    run.store(batch)
    run.finish()
    if compact:
        run.compact()
    return run.report


@dataclass
class Prepared:
    """An article ready to store: its statements and grouping features, or the problem."""

    article: ArticleInput
    statements: list[Statement] = field(default_factory=list)
    featurized: Featurized | None = None
    problem: str | None = None


class _WorkerSetup:
    """Runs in the parent before the workers fork: picks the extractor and loads the tables
    extraction and grouping use, so each worker starts with them."""

    def __init__(self, extractor: Extractor, *, featurize: bool) -> None:
        self.extractor = extractor
        self.featurize = featurize

    def __call__(self) -> None:
        global _extractor, _featurize
        _extractor, _featurize = self.extractor, self.featurize
        warm = ArticleInput("Officials in Odesa said on Monday that the talks were over.", source="-")
        _prepare(warm)


_extractor: Extractor | None = None
_featurize = True


def _can_share(custom_extractor: bool) -> bool:
    """Whether workers get the extractor: a custom one (tests) only reaches forked workers."""
    import multiprocessing

    return not custom_extractor or "fork" in multiprocessing.get_all_start_methods()


def _prepare(article: ArticleInput) -> Prepared:
    """Extract one article's statements and its grouping features (in a worker process)."""
    assert _extractor is not None
    try:
        statements = _extractor(article.text, published=article.published)
    except CrossrefError as exc:
        return Prepared(article, problem=f"extraction failed: {exc}")
    except Exception as exc:  # a bug in extraction must not stop the other sources
        return Prepared(article, problem=f"extraction failed (internal error: {exc!r})")
    featurized = None
    if _featurize and statements:
        try:
            featurized = featurize_detached(_article_row(article, statements))
        except Exception:
            featurized = None  # grouping featurizes the stored article itself (and reports)
    return Prepared(article, statements, featurized)


def _article_row(article: ArticleInput, statements: list[Statement]) -> ArticleRow:
    """The article as grouping will read it back from the store (ids not known yet)."""
    row = ArticleRow(0, article.text, article.published, text_hash(article.text))
    for ordinal, st in enumerate(statements):
        row.statements.append(
            statement_row(
                -1 - ordinal,
                ordinal,
                st.start,
                st.end,
                st.text,
                st.sentence_start,
                st.sentence_end,
                speaker_name(st),
                st.mention_start,
                st.speaker_mention,
            )
        )
    return row


@dataclass
class _Run:
    """The storing side of one ingest run."""

    db: Database
    report: IngestReport
    replace: bool
    version: str
    settings: PartySettings | None
    group: bool
    on_item: Callable[[IngestItem], None] | None = None
    checked: bool = False  # the stored grouping was found current in this run
    cache: StateCache = field(default_factory=StateCache)  # grouping state read by earlier batches
    deferred: bool = False  # grouping waits for a full regroup at the end
    refresh_due: float = field(default_factory=lambda: time.monotonic() + REFRESH_SECONDS)

    def emit(self, item: IngestItem) -> None:
        _count(self.report, item)
        if self.on_item is not None:
            self.on_item(item)

    def to_extract(self, items: Iterable[ArticleInput | SourceError]) -> Iterator[ArticleInput]:
        """The articles that need extracting; failures and already stored texts are reported."""
        for item in items:
            if isinstance(item, SourceError):
                self.emit(IngestItem("failed", item.source, problem=item.problem))
                continue
            existing = find_article_by_hash(self.db, text_hash(item.text))
            if existing is not None and not self.replace:
                self.emit(IngestItem("skipped", item.source, article_id=existing["id"]))
                continue
            yield item

    def store(self, batch: list[Prepared]) -> None:
        """Write ``batch`` in one transaction with its events; if that fails, article by article,
        so that one bad article does not keep the others out."""
        if not batch:
            return
        saved: list[SaveResult | str]
        try:
            with write_transaction(self.db):
                self.cache.validate(self.db)  # another process may have written since our last batch
                if self.cache.parties is None:
                    self.cache.parties = party_index(self.db)
                resolver = Resolver(self.db, self.settings, self.cache.parties)
                stored = [self._save(p, resolver) for p in batch]
                self._group(batch, stored)
                if time.monotonic() >= self.refresh_due:
                    self._refresh()
            saved = list(stored)
        except BaseException as exc:
            self.cache.clear()  # it may hold what was rolled back
            if isinstance(exc, DatabaseError) or not isinstance(exc, Exception):
                raise
            if len(batch) == 1:
                saved = [self._save_alone(batch[0])]
            else:
                for prepared in batch:
                    self.store([prepared])
                return
        for prepared, result in zip(batch, saved, strict=True):
            if isinstance(result, SaveResult):
                self.emit(
                    IngestItem(
                        result.status,
                        prepared.article.source,
                        article_id=result.article_id,
                        statements=result.statements,
                    )
                )
            else:
                self.emit(IngestItem("failed", prepared.article.source, problem=result))

    def _save(self, prepared: Prepared, resolver: Resolver | None = None) -> SaveResult:
        return store_article(
            self.db, prepared.article, prepared.statements, replace=self.replace,
            extractor_version=self.version, settings=self.settings, resolver=resolver,
        )  # fmt: skip

    def _save_alone(self, prepared: Prepared) -> SaveResult | str:
        """One article that failed in a batch: stored without its events (grouped later), or
        the problem."""
        try:
            with write_transaction(self.db):
                return self._save(prepared)
        except DatabaseError:
            raise
        except Exception as exc:
            return f"could not be stored (internal error: {exc!r})"

    def _group(self, batch: list[Prepared], saved: list[SaveResult]) -> None:
        if not self.group or self.deferred:
            return
        if any(result.status == "replaced" for result in saved):
            self.deferred = True  # re-read articles: the whole grouping is done again at the end
            return
        ahead = {
            result.article_id: prepared.featurized
            for prepared, result in zip(batch, saved, strict=True)
            if result.status == "added" and prepared.featurized is not None
        }
        grouped = group_new_articles(self.db, ahead, check=not self.checked, cache=self.cache)
        if grouped is None:
            self.deferred = True
            return
        self.checked = True
        self.report.grouping = _sum(self.report.grouping, grouped)

    def _refresh(self) -> None:
        """Recompute the ``events`` rows of the events the batches since the last time changed;
        the next time is due after REFRESH_SECONDS, or ten times as long as this took (big
        events take long to summarise: at most a tenth of the run goes to it)."""
        started = time.monotonic()
        if self.report.grouping is not None and refresh_events(self.db):
            self.report.grouping.events = self.db.execute("SELECT count(*) FROM events").fetchone()[0]
        now = time.monotonic()
        self.refresh_due = now + max(REFRESH_SECONDS, 10 * (now - started))

    def finish(self) -> None:
        """Group whatever the batches could not (everything, if the stored grouping was out of
        date), and bring the ``events`` rows up to date."""
        if self.group and self.deferred and (self.report.added or self.report.replaced):
            self.report.grouping = update_events(self.db)
        elif self.report.grouping is not None:
            with write_transaction(self.db):
                self._refresh()

    def compact(self) -> None:
        """Compact the database if this run wrote most of it (a first load, mostly)."""
        stored = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if not compaction.worth_compacting(self.report.added + self.report.replaced, stored):
            return
        with contextlib.suppress(DatabaseError):  # in use by another process: it can wait
            self.report.compacted = compaction.compact(self.db, wait=COMPACT_WAIT_SECONDS)


def _sum(total: GroupingReport | None, more: GroupingReport) -> GroupingReport:
    if total is None:
        return more
    return GroupingReport(
        "incremental", total.articles + more.articles, total.statements + more.statements, more.events
    )


def _count(report: IngestReport, item: IngestItem) -> None:
    if item.status == "failed":
        report.failed.append((item.source, item.problem or "failed"))
        return
    if item.status == "skipped":
        report.skipped += 1
        return
    if item.status == "added":
        report.added += 1
    else:
        report.replaced += 1
    report.statements += item.statements
    if item.article_id is not None:
        report.article_ids.append(item.article_id)
