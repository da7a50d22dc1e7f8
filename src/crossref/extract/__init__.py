"""Attributed-statement extraction: rules over a fast tokenizer, then speaker resolution.

``extract_statements`` is the whole pipeline for one article: segment into paragraphs,
sentences and quotations; find cue, speaker phrase and content in each sentence
(:mod:`.rules`); carry unattributed quote paragraphs to the last speaker; resolve each
speaker phrase to an entity of the article (:mod:`.speakers`) and a party
(:mod:`crossref.parties`).
"""

from __future__ import annotations

from crossref.extract.rules import RawStatement, find_statements
from crossref.extract.segment import segment
from crossref.extract.speakers import ArticleSpeakers, Resolved
from crossref.models import Statement
from crossref.parties import infer_party

EXTRACTOR_VERSION = "2"  # bump when what extraction finds changes; each article keeps the one that read it


def extract_statements(text: str, *, published: str | None = None) -> list[Statement]:
    """Every attributed statement in ``text``, speakers resolved within the article."""
    paragraphs = segment(text)
    raws = find_statements(text, paragraphs)
    speakers = ArticleSpeakers(text, paragraphs)
    out: list[Statement] = []
    previous: tuple[Resolved, str | None, int | None] | None = None
    for raw in raws:
        if raw.speaker is not None:
            resolved = speakers.resolve(*raw.speaker)
            mention: str | None = text[raw.speaker[0] : raw.speaker[1]]
            mention_start: int | None = raw.speaker[0]
        elif previous is not None:
            resolved, mention, mention_start = previous
            mention = None if raw.inherit == "previous" else mention
        else:
            continue
        if resolved.entity is not None:
            speakers.last_speaker = resolved.entity
        previous = (resolved, mention, mention_start)
        statement = _build(text, raw, resolved, mention, mention_start)
        if statement is not None:
            out.append(statement)
    return out


def _build(
    text: str, raw: RawStatement, resolved: Resolved, mention: str | None, mention_start: int | None
) -> Statement | None:
    start, end = raw.content
    while start < end and text[start] in " \t\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0,":
        end -= 1
    inner = text[start + 1 : end - 1]
    if (
        end - start > 2
        and text[start] in '“"'
        and text[end - 1] in '”"'
        and not any(c in inner for c in '“”"')
    ):
        start, end = start + 1, end - 1  # a whole quotation: its words, not its marks
    if end - start < 3:
        return None
    sent = raw.sentence
    party = infer_party(resolved, mention)
    return Statement(
        text=text[start:end],
        start=start,
        end=end,
        sentence=text[sent.start : sent.end],
        sentence_start=sent.start,
        sentence_end=sent.end,
        cue=raw.cue.lower() if raw.cue else None,
        kind=raw.kind,
        speaker_mention=mention,
        speaker=resolved.name,
        speaker_role=resolved.role,
        speaker_type=resolved.kind,
        party=party,
        mention_start=mention_start,
    )
