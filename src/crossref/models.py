"""Plain data passed between the library layers (sources -> extract -> store -> render)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleInput:
    """One article as read from a source, before it is stored.

    ``text`` is the article body exactly as stored; every character offset crossref
    records later points into it.
    """

    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    format: str = "text"  # text, markdown, html, json, url


@dataclass
class Statement:
    """One attributed statement found in an article's text.

    ``start``/``end`` are offsets of ``text`` in the article text; ``sentence_start``/
    ``sentence_end`` bound the sentence (or quote paragraph) it sits in.
    """

    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    cue: str | None
    kind: str  # direct, indirect, mixed
    speaker_mention: str | None
    speaker: str | None = None  # canonical name
    speaker_role: str | None = None
    speaker_type: str | None = None  # person, organisation, group, unknown
    party: str | None = None
    mention_start: int | None = None
    extra: dict[str, object] = field(default_factory=dict)
