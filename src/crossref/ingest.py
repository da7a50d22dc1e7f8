"""Reading sources into the store: read, skip what is already stored, extract, save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Literal

from sqlite_utils import Database

from crossref.errors import CrossrefError, SourceError
from crossref.models import ArticleInput
from crossref.parties.settings import PartySettings
from crossref.render import plural
from crossref.sources import Limits, SourceDefaults, iter_sources
from crossref.store import Extractor, find_article_by_hash, save_article, text_hash

if TYPE_CHECKING:
    from crossref.eventstore import GroupingReport

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
) -> IngestReport:
    """Read every source in ``specs``, extract statements and store each article in its own
    transaction; then (unless not ``group``) group the new statements into events.

    An article whose text is already stored is skipped unless ``replace``. A failing input is
    recorded in the report (and passed to ``on_item``) and the run goes on.
    """
    if extractor is None or extractor_version is None:
        from crossref.extract import EXTRACTOR_VERSION, extract_statements

        extractor = extractor or extract_statements
        extractor_version = extractor_version or EXTRACTOR_VERSION
    report = IngestReport()
    items = iter_sources(
        list(specs), stdin_format=stdin_format, defaults=defaults, limits=limits, stdin=stdin
    )
    for item in items:
        if isinstance(item, SourceError):
            result = IngestItem("failed", item.source, problem=item.problem)
        else:
            result = _ingest_one(
                db, item, replace=replace, extractor=extractor, version=extractor_version, settings=settings
            )
        _count(report, result)
        if on_item is not None:
            on_item(result)
    if group and (report.added or report.replaced):
        from crossref.eventstore import update_events

        report.grouping = update_events(db)
    return report


def _ingest_one(
    db: Database,
    article: ArticleInput,
    *,
    replace: bool,
    extractor: Extractor,
    version: str,
    settings: PartySettings | None = None,
) -> IngestItem:
    existing = find_article_by_hash(db, text_hash(article.text))
    if existing is not None and not replace:
        return IngestItem("skipped", article.source, article_id=existing["id"])
    try:
        statements = extractor(article.text, published=article.published)
    except CrossrefError as exc:
        return IngestItem("failed", article.source, problem=f"extraction failed: {exc}")
    except Exception as exc:  # a bug in extraction must not stop the other sources
        return IngestItem("failed", article.source, problem=f"extraction failed (internal error: {exc!r})")
    saved = save_article(
        db, article, statements, replace=replace, extractor_version=version, settings=settings
    )
    return IngestItem(saved.status, article.source, article_id=saved.article_id, statements=saved.statements)


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
