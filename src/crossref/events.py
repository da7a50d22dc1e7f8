"""Grouping statements by the incident they are about.

Each statement is described by what its sentence (and, less, the paragraph around it)
says: content words, places (:mod:`crossref.places`), incident types ("strike", "clash",
"collision", "meeting"...), the incident's date (:mod:`crossref.dates`; the article's date
when the text gives none), and who speaks. Articles are read in the order they were
stored, statements in article order; each statement joins the most similar event among a
few candidates, or starts a new one:

* candidates come from a blocking index of (signal, week) pairs -- places, incident
  types, rare words, speakers -- so the work per statement does not grow with the size
  of the database, only with the number of events near it in time;
* similarity is the cosine of TF-IDF-weighted feature vectors (document frequencies
  counted over the articles read so far, so an incremental run and a full regroup see the
  same numbers), plus agreement of dates, places and incident types, plus the pull of the
  neighbouring statements of the same article;
* after a first pass over an article its statements are reassigned once more with the
  whole article in view, so a statement that opened a topic is not stranded; then events
  the article shows to be one (its new events and events near it, or two stored events
  it has statements in) are merged, and a lone statement between two statements of one
  event joins them unless its date or town says otherwise.

The engine keeps its state (event profiles, index, document frequencies) behind a small
backend interface: :class:`MemoryBackend` for a full regroup, and the database backend in
:mod:`crossref.eventstore` for grouping new articles as they are ingested. Both run the
same code on the same data, so grouping incrementally gives the result of a full regroup.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any, Protocol

from crossref.datelines import match_dateline
from crossref.dates import DateMention, find_dates, parse_date
from crossref.packing import single_precision
from crossref.places import REGION, STRONG, Place, find_places, fold
from crossref.terms import stem, terms
from crossref.versions import GROUPER_VERSION as GROUPER_VERSION  # re-exported

# --------------------------------------------------------------------------- tuning

JOIN = 0.2
"""A statement joins its best candidate event when the score reaches this."""
CONTEXT_WEIGHT = 0.45  # the rest of the paragraph
NEIGHBOUR_WEIGHT = 0.2  # narrative paragraphs next to the statement's
SPEAKER_PARA_WEIGHT = 0.35  # narrative paragraphs near it that name its speaker
PLACE_BOOST = 2.5
CLASS_BOOST = 1.5
SPEAKER_BOOST = 0.3
ADJACENT_BONUS = 0.26  # above JOIN: an article stays on its incident unless something says otherwise
SAME_SPEAKER_BONUS = 0.1
GAP_DECAY = 0.03  # per paragraph of narration between two statements
MIN_CONTINUITY = 0.1
MAX_CONTINUITY = 0.4
SAME_ARTICLE_BONUS = 0.1
HAPPENING_CLASH = 0.35
CLASH_COS = 0.45  # word overlap at which a different kind of happening stops counting
OCCASION = 1.0  # "said during a meeting with ...": the occasion of the statement
MENTIONED = 0.25  # a kind of happening its sentence merely mentions
INTRODUCED = 0.8  # the occasion the article gives where it names the speaker
PLACE_CLASH = 0.12
TOWN_CLASH = 0.5  # the statement's article names no town the event is known for
TOWN_SHARE = 0.5  # of its main town's weight, that a town needs for an event to be known for it
PLACE_KNOWN = 0.12  # weight (in unit-length statement vectors) that makes an event "known for" a place
TOWN_SWITCH = 0.3  # what a statement says names only towns far from those the event is known for
FAR_KM = 150.0  # towns this far apart are not one incident's (Kherson and Enerhodar: 182 km)
PLACE_AGREE = 0.1
DATE_AGREE = 0.06
VAGUE_MISS = 0.1
MERGE = 0.3  # two events this similar are one
MERGE_STORED = 0.45  # ... when both were stored before the article that brings them together
SURE_KIND = 0.25  # happening-class weight per statement that makes an event's kind clear
MERGE_ADJACENT = 0.08  # per pair of adjacent statements across the two
# stored events a statement is scored against (besides its article's own), the most blocking keys
# first: the few that share most of its keys. More only add near misses, and cost (scoring, profile
# norms and loads, merging) per statement that grows with the density of events until the cap binds.
MAX_CANDIDATES = 4
MAX_ARTICLE_STATEMENTS = 300  # statements of one text grouped together at most (see group_article)
BUCKET_CAP = 100  # events under one (signal, week) beyond which the signal is too common to block on
MAX_PROFILE_FEATURES = 200
TOP_TERM_KEYS = 4
EXACT_WINDOW = 4  # days either side of an explicit incident date
MAX_EVENT_SPAN = 10  # days the explicit dates of one event may span at most
LOOSE_BACK = 60  # days before an undated statement that its incident may lie
REFINE_ROUNDS = 2
FRAME_SHARE = 0.4  # a month-wide date dates the statement only in the first part of its sentence

# --------------------------------------------------------------------------- lexicons


# Incident types. "Happenings" are kinds of event that are themselves the news; a statement
# about one kind rarely belongs with an event of another kind.
CLASS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        (
            "violence",
            r"\b(?:attack(?:s|ed|ing)?|strik(?:e|es|ing)|struck|airstrikes?|air strikes?|shell(?:s|ed|ing)|"
            r"bombard\w*|bomb(?:s|ed|ing)|mortars?|artillery|missiles?|rockets?|gunfire|"
            r"fir(?:e|ed|ing) (?:on|at)|"
            r"opened fire|exchanges? of fire|returned fire|clash(?:es|ed)?|skirmish\w*|firefights?|"
            r"hostilities|fighting|offensive|raids?|assault\w*|shootings?|shot down|explosions?|blasts?|"
            r"cease-?fire|truce|armistice|provocations?|incursions?|"
            r"violations? of (?:the )?(?:cease-?fire|truce|airspace)|"
            r"drone (?:strike|attack)s?|shrapnel|counter-?measures|retaliat\w*)\b",
        ),
        (
            "casualties",
            r"\b(?:kill(?:s|ed|ing)?|dead|died|deaths?|death toll|toll|wound(?:s|ed)?|injur(?:ed|y|ies)|hurt|"
            r"casualt(?:y|ies)|victims?|bodies|funerals?)\b",
        ),
        (
            "collision",
            r"\b(?:collisions?|collid(?:e|ed|es|ing)|ramm(?:ed|ing)|rams?|water cannons?|rammed)\b",
        ),
        (
            "meeting",
            r"\b(?:meetings?|met with|talks|summits?|negotiations?|negotiators?|mediat(?:e|ed|ion|ors?)|"
            r"co-?chairs?|round table|conference of)\b",
        ),
        (
            "ceremony",
            r"\b(?:parades?|ceremon(?:y|ies)|celebrations?|commemorat\w*|inaugurat\w*|anniversary)\b",
        ),
        ("visit", r"\b(?:visits?|state visit)\b"),
        ("protest", r"\b(?:protests|protesters?|rall(?:y|ies)|demonstrations?|demonstrators?|resignation)\b"),
        ("election", r"\b(?:elections?|vote[sd]?|voting|ballots?|referendum|polling stations?)\b"),
        (
            "disaster",
            r"\b(?:earthquakes?|floods?|flooding|wildfires?|hurricanes?|typhoons?|landslides?|tsunami)\b",
        ),
        ("agreement", r"\b(?:agreements?|deals?|treat(?:y|ies)|accords?|peace plan)\b"),
        (
            "diplomatic",
            r"\b(?:summon(?:ed|s)?|protest note|diplomatic protest|representations|condemn(?:ed|s)?)\b",
        ),
    )
)
HAPPENINGS = frozenset(
    {"violence", "collision", "meeting", "ceremony", "visit", "protest", "election", "disaster"}
)
_OCCASION = re.compile(
    r"\b(?:during|at|after|before|on the sidelines of|on the margins of|following|ahead of|on|in|while on)\s+"
    r"(?:a|an|the|his|her|their|its|this|that|[A-Z]\w+(?:'s|’s))\s+(?!next\b|upcoming\b|coming\b|future\b)"
    r"(?:[\w’'-]+\s+){0,3}?"
    r"(?P<what>meeting|talks|summit|visit|parade|ceremony|rally|protest|celebration|commemoration|"
    r"inauguration|vote|election|tour)\b",
    re.I,
)

# Titles: the most specific name for what happened, by priority.
INCIDENT_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    # each alternative a whole word: "accords?" is not in "according", "talks" not in "stalks"
    (phrase, re.compile(rf"\b(?:{pattern.removeprefix(chr(92) + 'b')})\b", re.I))
    for phrase, pattern in (
        (
            "Cease-fire violation",
            r"\bcease-?fire violations?|violations? of (?:the )?(?:cease-?fire|truce)|"
            r"breach(?:es)? of the (?:cease-?fire|truce)",
        ),
        (
            "Drone strike",
            r"\bdrones? (?:strikes?|attacks?|struck|hit|attacked)|"
            r"(?:strike|attack)\w* (?:by|with) \w* ?drones?",
        ),
        ("Missile strike", r"\bmissile (?:strikes?|attacks?)"),
        ("Air strike", r"\bair ?strikes?"),
        ("Collision", r"\bcollisions?|collided|rammed|ramming"),
        ("Water cannon incident", r"\bwater cannons?"),
        ("Shelling", r"\bshelling|shelled|mortar (?:fire|rounds?|attacks?)"),
        ("Exchange of fire", r"\bexchanges? of fire|opened fire|cross-border fire|sustained fire"),
        ("Clash", r"\bclash(?:es|ed)?|skirmish\w*|firefights?"),
        ("Explosion", r"\bexplosions?|blasts?"),
        ("Shooting", r"\bshootings?"),
        ("Bombing", r"\bbombings?"),
        ("Strike", r"\bstrikes?|struck"),
        ("Attack", r"\battack(?:s|ed|ing)?|assaults?|offensives?"),
        ("Parade", r"\bparades?"),
        ("Ceremony", r"\bceremon(?:y|ies)"),
        ("Visit", r"\bstate visit|\bvisit to\b"),
        ("Meeting", r"\bmeetings?|talks|summits?"),
        ("Protests", r"\bprotests?|rall(?:y|ies)|demonstrations?"),
        ("Election", r"\belections?|referendum"),
        ("Earthquake", r"\bearthquakes?"),
        ("Flood", r"\bfloods?|flooding"),
        ("Agreement", r"\bagreements?|deals?|accords?|treaty"),
    )
)


def classes(text: str) -> Counter[str]:
    """Incident-type classes named in ``text``, with counts."""
    out: Counter[str] = Counter()
    for name, pattern in CLASS_PATTERNS:
        n = len(pattern.findall(text))
        if n:
            out[name] += n
    return out


def incident_phrases(text: str) -> list[str]:
    """Names of what happened that ``text`` uses ("Drone strike", "Collision"), most specific first."""
    return [phrase for phrase, pattern in INCIDENT_PHRASES if pattern.search(text)]


# --------------------------------------------------------------------------- inputs


@dataclass
class StatementRow:
    """What grouping needs of a stored statement."""

    id: int
    ordinal: int
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    speaker: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None


def statement_row(
    statement_id: int,
    ordinal: int,
    start: int | None,
    end: int | None,
    text: str,
    sentence_start: int | None,
    sentence_end: int | None,
    speaker: str | None,
    mention_start: int | None,
    speaker_mention: str | None,
) -> StatementRow:
    """A :class:`StatementRow` from the values stored for a statement (missing sentence
    bounds fall back to the statement's own)."""
    mention_end = None
    if mention_start is not None and speaker_mention:
        mention_end = mention_start + len(speaker_mention)
    return StatementRow(
        id=statement_id,
        ordinal=ordinal,
        start=start or 0,
        end=end or 0,
        text=text,
        sentence_start=sentence_start if sentence_start is not None else (start or 0),
        sentence_end=sentence_end if sentence_end is not None else (end or 0),
        speaker=speaker,
        mention_start=mention_start,
        mention_end=mention_end,
    )


@dataclass
class ArticleRow:
    """What grouping needs of a stored article."""

    id: int
    text: str
    published: str | None
    text_hash: str
    statements: list[StatementRow] = field(default_factory=list)


@dataclass
class Features:
    """One statement as grouping sees it."""

    statement: StatementRow
    vec: dict[str, float]
    keys: list[str]
    lo: date | None
    hi: date | None
    precision: str  # exact, vague, report, default
    places: dict[
        str, tuple[str, float]
    ]  # towns ("p:") and regions ("r:") its sentence names -> (name, weight)
    happenings: dict[str, float]  # kind of happening -> how surely it is what the statement is about
    phrases: list[str]
    speaker: str | None
    paragraph: int
    published: date | None = None
    context_places: frozenset[str] = frozenset()  # keys of towns and regions in its paragraph
    title_places: frozenset[str] = frozenset()  # those in the speaker's title ("Izmail Mayor")
    past: bool = False  # its words place it before the article's time ("had said at the time")
    new_incident: bool = False  # it opens a paragraph that turns to another incident ("Separately, ...")
    article_towns: frozenset[str] = frozenset()  # every town its article names
    said_towns: frozenset[str] = frozenset()  # towns named in what was said (not who said it)

    @cached_property
    def norm(self) -> float:
        """The length of ``vec`` (1.0 for an empty one)."""
        return math.sqrt(sum(v * v for v in self.vec.values())) or 1.0

    @property
    def buckets(self) -> list[int]:
        """The weeks this statement's date falls in (none when the article has no date)."""
        if self.lo is None or self.hi is None:
            return []
        return list(range(week(self.lo), week(self.hi) + 1))


def week(day: date) -> int:
    """A week number: days since 1970-01-05 (a Monday) divided by 7."""
    return (day - date(1970, 1, 5)).days // 7


# --------------------------------------------------------------------------- featurising

_PAST = re.compile(
    r"\b(?:at the time|at that time|back then|had (?:said|told|stated|warned|claimed|reported|described|"
    r"called|accused|denied|insisted|announced)|(?:a|one|two|three|four|five|six|several|\d+) "
    r"(?:days?|weeks?|months?) (?:later|on)|since then)\b",
    re.I,
)
# a paragraph that turns to another incident: "In a separate incident on Sunday, ...", "Separately, ..."
_ANOTHER_INCIDENT = re.compile(
    r"[\s\W]*(?:in (?:a|an|another) (?:(?:separate|unrelated|different|second) )?"
    r"(?:incident|development|attack|strike|case|episode)|separately|elsewhere|in other news)\b",
    re.I,
)
_PARA_SPLIT = re.compile(r"\n[ \t]*\n")
_DATELINE = re.compile(r"^[\s*#]*[A-Z][A-Z/ .’'-]{2,}[,—–-]")
_QUOTE_OPEN = "“\"‘'«"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, else one per line."""
    splitter = _PARA_SPLIT if _PARA_SPLIT.search(text) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans or [(0, len(text))]


def _paragraph_of(spans: Sequence[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _surname(name: str | None) -> str | None:
    if not name:
        return None
    words = [w for w in re.findall(r"[\w’'-]+", name) if w[:1].isupper()]
    return words[-1] if len(words) >= 2 else None


def grouping_view(st: StatementRow) -> tuple[Any, ...]:
    """All that :func:`featurize` reads of a statement (not its id, and of its speaker's
    name only the folded form and the surname): two statements with the same view get the
    same features."""
    return (
        st.ordinal, st.start, st.end, st.text, st.sentence_start, st.sentence_end, st.mention_start,
        st.mention_end, fold(st.speaker) if st.speaker else None, _surname(st.speaker),
    )  # fmt: skip


def _add(vec: dict[str, float], counts: Counter[str], prefix: str, weight: float) -> None:
    for key, n in counts.items():
        vec[prefix + key] = vec.get(prefix + key, 0.0) + weight * n


def _add_classes(vec: dict[str, float], counts: Counter[str], weight: float) -> None:
    for key, n in counts.items():
        boost = CLASS_BOOST if key in HAPPENINGS else CLASS_BOOST / 2
        vec["c:" + key] = vec.get("c:" + key, 0.0) + boost * weight * n


def place_feature(place: Place) -> str:
    """The feature key of a place: "p:" towns, districts and named features, "r:" regions,
    "k:" countries and capitals."""
    prefix = "p:" if place.weight >= STRONG else "r:" if place.weight >= REGION else "k:"
    return prefix + place.key


def _date_mentions(text: str, published: str | None) -> list[DateMention]:
    """Date mentions of an article, datelines left out ("KYIV, March 14 (Wire) –", "Kyiv, May 2 (AFP) -")."""
    out = []
    dateline_ends: dict[int, int] = {}  # line start -> where a dateline opening it ends
    for mention in find_dates(text, published):
        line_start = text.rfind("\n", 0, mention.start) + 1
        if mention.start - line_start < 40 and _DATELINE.match(text[line_start : mention.start]):
            continue
        if line_start not in dateline_ends:
            dateline = match_dateline(text, line_start)
            dateline_ends[line_start] = dateline.end() if dateline is not None else -1
        if mention.end <= dateline_ends[line_start]:
            continue
        out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


def _incident(mention: DateMention) -> bool:
    return mention.lo is not None and not mention.report and mention.kind != "year" and mention.days <= 31


def featurize(article: ArticleRow, known_place: Callable[[str], bool] | None = None) -> list[Features]:
    """The features of each statement of ``article``, in statement order. ``known_place``
    says whether earlier articles named a local place (a key such as ``"l:zorivka"``)."""
    text = article.text
    published = parse_date(article.published)
    paras = paragraphs(text)
    mentions = _date_mentions(text, article.published)
    mention_starts = [m.start for m in mentions]
    places = find_places(text, known_place)
    place_starts = [place.start for place in places]  # in order: find_places sorts them
    stated = {_paragraph_of(paras, st.sentence_start) for st in article.statements}
    # country names and capitals stand for the parties: they are not what tells incidents apart
    drop = frozenset(
        stem(fold(w))
        for place in places
        if place.weight < REGION
        for w in re.findall(r"[\w’'-]+", text[place.start : place.end])
    )
    para_terms: dict[int, Counter[str]] = {}
    para_classes: dict[int, Counter[str]] = {}

    def para_counts(i: int) -> tuple[Counter[str], Counter[str]]:
        if i not in para_terms:
            chunk = text[paras[i][0] : paras[i][1]]
            para_terms[i], para_classes[i] = terms(chunk, drop), classes(chunk)
        return para_terms[i], para_classes[i]

    article_towns = frozenset(key for place in places if (key := place_feature(place)).startswith("p:"))
    out: list[Features] = []
    turned: set[int] = set()  # paragraphs turning to another incident whose first statement was seen
    for st in article.statements:
        own_start, own_end = min(st.sentence_start, st.start), max(st.sentence_end, st.end)
        own_text = text[own_start:own_end]
        p = _paragraph_of(paras, own_start)
        turns = _ANOTHER_INCIDENT.match(text, paras[p][0], paras[p][1]) is not None
        new_incident = turns and p not in turned
        if turns:
            turned.add(p)
        vec: dict[str, float] = {}
        own_terms, own_classes = terms(own_text, drop), classes(own_text)
        _add(vec, own_terms, "w:", 1.0)
        _add_classes(vec, own_classes, 1.0)
        # the rest of the paragraph
        p_start, p_end = paras[p]
        rest = text[p_start:own_start] + " " + text[own_end:p_end]
        _add(vec, terms(rest, drop), "w:", CONTEXT_WEIGHT)
        _add_classes(vec, classes(rest), CONTEXT_WEIGHT)
        # narrative paragraphs around it, and those naming its speaker
        surname = _surname(st.speaker)
        occasion: Counter[str] = Counter()
        if surname and surname in rest:
            occasion.update(classes(rest))
        for q in range(max(0, p - 3), min(len(paras), p + 2)):
            if q == p or q in stated or (turns and q < p):
                continue
            weight = NEIGHBOUR_WEIGHT if abs(q - p) == 1 else 0.0
            named = surname is not None and q < p and surname in text[paras[q][0] : paras[q][1]]
            if named:
                weight = max(weight, SPEAKER_PARA_WEIGHT)
            if weight:
                q_terms, q_classes = para_counts(q)
                if named:
                    occasion.update(q_classes)
                _add(vec, q_terms, "w:", weight)
                _add_classes(vec, q_classes, weight)
        # places: own sentence in full, the paragraph at the context weight
        own_places: dict[str, tuple[str, float]] = {}
        said_towns: set[str] = set()
        # what was said: its content, and when the speaker comes first, the rest of the
        # sentence after it (the adjuncts an object's content leaves out: "... during a visit to X")
        forward = st.mention_start is not None and st.mention_start < st.start
        said_from, said_to = st.start, max(st.end, own_end) if forward else st.end
        context_places: set[str] = set()
        title_places: set[str] = set()
        mention = (st.mention_start, st.mention_end) if st.mention_start is not None else None
        first = bisect_left(place_starts, min(own_start, p_start))
        last = bisect_left(place_starts, max(own_end, p_end))
        for place in places[first:last]:  # only places in its sentence or paragraph count
            in_mention = mention is not None and mention[0] <= place.start < (mention[1] or 0)
            key = place_feature(place)
            if own_start <= place.start < own_end and not in_mention:
                factor = 1.0
                if key not in own_places or own_places[key][1] < place.weight:
                    own_places[key] = (place.name, place.weight)
                if said_from <= place.start < said_to and key.startswith("p:") and place.weight >= REGION:
                    said_towns.add(key)
            elif p_start <= place.start < p_end:
                factor = CONTEXT_WEIGHT  # also a place in the speaker's title ("Izmail Mayor")
                if place.weight >= REGION:
                    context_places.add(key)
                    if in_mention:
                        title_places.add(key)
            else:
                continue
            vec[key] = vec.get(key, 0.0) + PLACE_BOOST * place.weight * factor
        speaker = fold(st.speaker) if st.speaker else None
        if speaker:
            vec["s:" + speaker] = SPEAKER_BOOST
        lead_in = text[p_start:p_end].lstrip()[:1] in _QUOTE_OPEN and p - 1 not in stated
        lo, hi, precision = _statement_date(
            text, mentions, paras, p, own_start, own_end, published, lead_in, mention_starts
        )
        keys = [
            k for k in vec if k.startswith(("c:", "s:")) or (k.startswith(("p:", "r:")) and vec[k] >= 1.0)
        ]
        keys = [k for k in keys if not (k.startswith("c:") and k[2:] in ("casualties", "agreement"))]
        happenings = _happenings(own_text, own_classes, occasion)
        out.append(
            Features(
                statement=st,
                vec=vec,
                keys=keys,
                lo=lo,
                hi=hi,
                precision=precision,
                places={k: v for k, v in own_places.items() if v[1] >= REGION},
                happenings=happenings,
                phrases=_occasion_phrases(happenings) + incident_phrases(own_text),
                speaker=speaker,
                paragraph=p,
                published=published,
                context_places=frozenset(context_places),
                title_places=frozenset(title_places),
                past=bool(_PAST.search(own_text)),
                new_incident=new_incident,
                article_towns=article_towns,
                said_towns=frozenset(said_towns),
            )
        )
    return out


@dataclass
class Featurized:
    """An article's features computed away from the grouping state (in a worker process,
    before the article is stored): ``asked`` are the local-place keys that were taken as not
    known (see :func:`featurize`), so the features hold only while none of them is."""

    features: list[Features]
    asked: frozenset[str]


def featurize_detached(article: ArticleRow) -> Featurized:
    """:func:`featurize` without the grouping state, noting what it would have asked of it."""
    asked: set[str] = set()

    def unknown(key: str) -> bool:
        asked.add(key)
        return False

    return Featurized(featurize(article, unknown), frozenset(asked))


def _happenings(own_text: str, own: Counter[str], introduced: Counter[str]) -> dict[str, float]:
    """What kind of happening a statement is about, and how surely: the occasion its sentence
    gives ("said during a meeting"), else the kinds it mentions, else the occasion the article
    gives where it introduces the speaker ("a parade ... attended by Erdoğan")."""
    out: dict[str, float] = {}
    for m in _OCCASION.finditer(own_text):
        kind = classes(m.group("what")).most_common(1)
        if kind and kind[0][0] in HAPPENINGS:
            out[kind[0][0]] = OCCASION
    if out:
        return out
    out = {k: MENTIONED for k in own if k in HAPPENINGS}
    if out:
        return out
    return {k: INTRODUCED for k in introduced if k in HAPPENINGS}


_OCCASION_PHRASES = {"meeting": "Meeting", "ceremony": "Ceremony", "visit": "Visit", "protest": "Protests",
                     "election": "Election"}  # fmt: skip


def _occasion_phrases(happenings: dict[str, float]) -> list[str]:
    """Names for the occasion a statement was made at (it names the event better than a
    happening its words merely mention)."""
    return [
        _OCCASION_PHRASES[k]
        for k, v in sorted(happenings.items())
        if v >= INTRODUCED and k in _OCCASION_PHRASES
    ]


def _statement_date(
    text: str,
    mentions: Sequence[DateMention],
    paras: Sequence[tuple[int, int]],
    p: int,
    own_start: int,
    own_end: int,
    published: date | None,
    lead_in: bool = False,
    starts: Sequence[int] | None = None,
) -> tuple[date | None, date | None, str]:
    """The incident date of a statement and how sure it is: its own sentence's incident
    dates (exact or vague), else those of earlier sentences in its paragraph, else the
    day it was said, else the article's date."""

    def text_before(m: DateMention) -> str:
        return text[max(0, m.start - 12) : m.start].strip().lower()

    def resolve(m: DateMention) -> DateMention | None:
        if m.kind != "anaphoric":
            return m
        earlier = [x for x in mentions if x.start < m.start and _incident(x)]
        return earlier[-1] if earlier else None

    positions = starts if starts is not None else [m.start for m in mentions]

    def within(lo: int, hi: int) -> list[DateMention]:
        out = []
        for m in mentions[bisect_left(positions, lo) : bisect_left(positions, hi)]:  # in text order
            r = resolve(m)
            if r is None or text_before(m).endswith("since"):
                continue  # "since last August": how long something lasted, not when it happened
            if r.days > 3 and m.start - lo > FRAME_SHARE * (hi - lo):
                continue  # "... the text initialled last August": a date deep in the sentence dates a detail
            out.append(r)
        return out

    own = within(own_start, own_end)
    before = within(paras[p][0], own_start)
    # a paragraph that opens with a quote is introduced by the narration just before it
    lead = within(*paras[p - 1]) if lead_in and p > 0 else []
    for found in (_pick(own, "exact"), _pick(before, "exact"), _pick(lead, "exact")):
        if found is not None:
            return found
    reports = [m for m in own if m.report and m.lo is not None]
    if reports and reports[0].lo is not None:
        return reports[0].lo, reports[0].hi, "report"
    for found in (_pick(own, "vague"), _pick(before, "vague"), _pick(lead, "vague")):
        if found is not None:
            return found
    if published is not None:
        return published, published, "default"
    return None, None, "default"


def _pick(mentions: Sequence[DateMention], precision: str) -> tuple[date, date, str] | None:
    exact = [m for m in mentions if _incident(m) and m.days <= 3]
    if precision == "exact":
        if not exact:
            return None
        lo = min(m.lo for m in exact if m.lo is not None)
        hi = max(m.hi for m in exact if m.hi is not None)
        if (hi - lo).days <= 7:
            return lo, hi, "exact"
        first = exact[0]
        assert first.lo is not None and first.hi is not None
        return first.lo, first.hi, "exact"
    vague = [m for m in mentions if _incident(m) and m.days > 3]
    if vague and vague[0].lo is not None and vague[0].hi is not None:
        return vague[0].lo, vague[0].hi, "vague"
    return None


# --------------------------------------------------------------------------- event profiles


@dataclass
class Profile:
    """What the engine keeps of an event: its feature sums, size and dates."""

    id: str
    seq: int
    vec: dict[str, float] = field(default_factory=dict)
    n: int = 0
    lo: date | None = None  # span of the explicit incident dates of its statements
    hi: date | None = None
    dlo: date | None = None  # span of all its statements' dates
    dhi: date | None = None
    # what the engine derives from ``vec`` and ``n`` alone (its towns, kinds): kept while they
    # stay as they are, shared by the copies the state cache hands out, dropped on a change
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def changed(self) -> None:
        """Forget what was derived from ``vec`` and ``n`` (call after changing them)."""
        self.memo = {}

    def add(self, f: Features, sign: int = 1, idf: dict[str, float] | None = None) -> float:
        """Add (or with ``sign`` -1 take away) a statement's features. Returns by how much
        that changed the square of the vector's ``idf``-weighted norm (0.0 without ``idf``)."""
        scale = sign / f.norm
        vec = self.vec
        change = 0.0
        for key, value in f.vec.items():
            old = vec.get(key, 0.0)
            new = vec[key] = old + scale * value
            if idf is not None:
                change += (new * new - old * old) * idf.get(key, 1.0) ** 2
        self.n += sign
        self.changed()
        if sign > 0:
            self._widen(f)
        return change

    def _widen(self, f: Features) -> None:
        if f.lo is None or f.hi is None:
            return
        if f.precision == "exact":
            self.lo = min(self.lo, f.lo) if self.lo else f.lo
            self.hi = max(self.hi, f.hi) if self.hi else f.hi
        self.dlo = min(self.dlo, f.lo) if self.dlo else f.lo
        self.dhi = max(self.dhi, f.hi) if self.dhi else f.hi

    def prune(self) -> None:
        """Drop vanishing features, keep the strongest MAX_PROFILE_FEATURES, and round their
        weights to single precision (as the store keeps them: half the bytes, and a profile
        read back equals the one kept in memory)."""
        kept = {k: v for k, v in self.vec.items() if v > 1e-9}
        if len(kept) > MAX_PROFILE_FEATURES:
            kept = dict(sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_PROFILE_FEATURES])
        self.vec = dict(zip(kept, single_precision(kept.values()), strict=True))
        self.changed()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (see :meth:`from_json`)."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "seq": self.seq,
            "vec": self.vec,
            "n": self.n,
            "lo": iso(self.lo),
            "hi": iso(self.hi),
            "dlo": iso(self.dlo),
            "dhi": iso(self.dhi),
        }

    @classmethod
    def from_json(cls, event_id: str, data: dict[str, Any]) -> Profile:
        """The profile stored by :meth:`to_json`."""
        return cls(
            id=event_id,
            seq=int(data["seq"]),
            vec={str(k): float(v) for k, v in data["vec"].items()},
            n=int(data["n"]),
            lo=parse_date(data.get("lo")),
            hi=parse_date(data.get("hi")),
            dlo=parse_date(data.get("dlo")),
            dhi=parse_date(data.get("dhi")),
        )


def event_id_for(article_hash: str, start: int, salt: str = "") -> str:
    """The short id of an event founded by the statement at ``start`` in the article whose
    text hash is ``article_hash``: stable across regrouping."""
    return hashlib.sha1(f"{salt}{article_hash}:{start}".encode()).hexdigest()[:8]


# --------------------------------------------------------------------------- backends


def top_events(shared_keys: Counter[str], limit: int) -> list[str]:
    """The ``limit`` events with the most shared keys, then by id."""
    return [event_id for _, event_id in heapq.nsmallest(limit, ((-n, e) for e, n in shared_keys.items()))]


class Backend(Protocol):
    """Where the engine's state lives."""

    def articles_seen(self) -> int: ...

    def document_frequencies(self, features: Iterable[str]) -> dict[str, int]: ...

    def add_document(self, features: Iterable[str]) -> None: ...

    def lookup(self, keys: Iterable[str], weeks: range, limit: int) -> list[str]:
        """The ``limit`` events that share the most ``keys`` in any of ``weeks``, as
        :func:`top_events` ranks them; a (key, week) with more than BUCKET_CAP events is skipped."""
        ...

    def index(self, event_id: str, pairs: Iterable[tuple[str, int]]) -> None: ...

    def unindex(self, event_id: str) -> None: ...

    def rename(self, source: str, target: str) -> None: ...

    def load(self, event_ids: Iterable[str]) -> dict[str, Profile]: ...

    def save(self, profiles: Iterable[Profile], deleted: Iterable[str]) -> None: ...

    def next_seq(self) -> int: ...


class MemoryBackend:
    """All state in dictionaries: a full regroup, the benchmark, tests."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n_articles = 0
        self.keys: dict[tuple[str, int], set[str]] = {}
        self.event_keys: dict[str, set[tuple[str, int]]] = {}
        self.profiles: dict[str, Profile] = {}
        self.seq = 0

    def articles_seen(self) -> int:
        return self.n_articles

    def document_frequencies(self, features: Iterable[str]) -> dict[str, int]:
        return {f: self.df[f] for f in features}

    def add_document(self, features: Iterable[str]) -> None:
        self.df.update(set(features))
        self.n_articles += 1

    def lookup(self, keys: Iterable[str], weeks: range, limit: int) -> list[str]:
        hits: Counter[str] = Counter()
        for key in set(keys):
            events: set[str] = set()
            for week_number in weeks:
                found = self.keys.get((key, week_number), ())
                if len(found) <= BUCKET_CAP:  # a signal more common that week says nothing
                    events.update(found)
            hits.update(events)
        return top_events(hits, limit)

    def index(self, event_id: str, pairs: Iterable[tuple[str, int]]) -> None:
        for pair in pairs:
            self.keys.setdefault(pair, set()).add(event_id)
            self.event_keys.setdefault(event_id, set()).add(pair)

    def unindex(self, event_id: str) -> None:
        for pair in self.event_keys.pop(event_id, set()):
            self.keys.get(pair, set()).discard(event_id)

    def rename(self, source: str, target: str) -> None:
        pairs = self.event_keys.get(source, set())
        self.unindex(source)
        self.index(target, sorted(pairs))

    def load(self, event_ids: Iterable[str]) -> dict[str, Profile]:
        return {i: self.profiles[i] for i in event_ids if i in self.profiles}

    def save(self, profiles: Iterable[Profile], deleted: Iterable[str]) -> None:
        for profile in profiles:
            self.profiles[profile.id] = profile
        for event_id in deleted:
            self.profiles.pop(event_id, None)

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq


# --------------------------------------------------------------------------- the engine


@dataclass
class GroupResult:
    """What grouping one article did: its statements' features and events, and the stored
    events it showed to be one (event id -> the event it was folded into)."""

    features: list[Features]
    assignment: dict[int, str]
    merged: dict[str, str]


def _resolve_chains(merged: dict[str, str]) -> dict[str, str]:
    out = {}
    for source in merged:
        target = merged[source]
        seen = {source}
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        out[source] = target
    return out


@dataclass
class _Work:
    """One article being grouped."""

    article: ArticleRow
    features: list[Features]
    idf: dict[str, float]
    assign: list[str | None]
    profiles: dict[str, Profile]  # loaded or created while grouping it
    base: dict[str, tuple[date | None, date | None, date | None, date | None]]  # dates before it
    candidates: list[list[str]] = field(default_factory=list)
    known_places: dict[int, set[str]] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    dirty: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # stored events folded into others
    norms: dict[str, float] = field(default_factory=dict)  # event -> idf-weighted norm (cache)
    exact_norms: dict[str, float] = field(default_factory=dict)  # the same, never updated in place
    weighted: dict[int, tuple[list[tuple[str, float, float]], float]] = field(default_factory=dict)

    def touch(self, event_id: str) -> None:
        """Note that an event's profile changed."""
        self.dirty.add(event_id)
        self.norms.pop(event_id, None)
        self.exact_norms.pop(event_id, None)

    def norm(self, profile: Profile) -> float:
        """The idf-weighted norm of an event's feature vector."""
        found = self.norms.get(profile.id)
        if found is None:
            found = self.norms[profile.id] = _norm(profile.vec, self.idf)
        return found

    def exact_norm(self, profile: Profile) -> float:
        """``_norm(profile.vec, idf)`` as computed afresh (``norm`` may have been updated by
        a statement's change instead, which can differ in the last digits)."""
        found = self.exact_norms.get(profile.id)
        if found is None:
            found = self.exact_norms[profile.id] = _norm(profile.vec, self.idf)
        return found

    def cosine(self, i: int, profile: Profile) -> float:
        """``_cosine(features[i].vec, profile.vec, idf)``, the statement's side computed once
        (its features' idf does not change once the work's candidates are loaded)."""
        cached = self.weighted.get(i)
        if cached is None:
            idf = self.idf
            items: list[tuple[str, float, float]] = []
            na = 0.0
            for key, value in self.features[i].vec.items():
                factor = idf.get(key, 1.0)
                weight = value * factor
                na += weight * weight
                items.append((key, weight, factor))
            cached = self.weighted[i] = (items, na)
        items, na = cached
        vec = profile.vec
        dot = 0.0
        for key, weight, factor in items:
            other = vec.get(key)
            if other:
                dot += weight * other * factor
        if dot <= 0.0:
            return 0.0
        nb = self.norm(profile)
        return dot / (math.sqrt(na) * nb) if na and nb else 0.0

    def towns(self, profile: Profile) -> frozenset[str]:
        """The towns an event is known for: each named about as often as its main town (at
        least TOWN_SHARE of its weight), not a stray mention; empty when it has no town.
        A statement whose article names none of them is likely about another incident."""
        found: frozenset[str] | None = profile.memo.get("towns")
        if found is None:
            weights = {k: v for k, v in profile.vec.items() if k.startswith("p:") and v >= PLACE_KNOWN}
            floor = TOWN_SHARE * max(weights.values(), default=0.0)
            found = profile.memo["towns"] = frozenset(k for k, v in weights.items() if v >= floor)
        return found

    def merge_sign(self, profile: Profile) -> tuple[str | None, set[str]]:
        """What keeps an event apart from another when merging: the kind of happening it
        clearly is and the towns it is surely about (cache of _dominant_happening, _towns)."""
        found: tuple[str | None, set[str]] | None = profile.memo.get("merge_sign")
        if found is None:
            found = profile.memo["merge_sign"] = (_dominant_happening(profile), _towns(profile))
        return found

    def kinds(self, profile: Profile) -> set[str]:
        """The kinds of happening that make up at least 15% of an event's mentions."""
        found: set[str] | None = profile.memo.get("kinds")
        if found is None:
            vec = profile.vec
            mass = {k: vec["c:" + k] for k in sorted(HAPPENINGS) if "c:" + k in vec}
            total = sum(mass.values())
            found = {k for k, v in mass.items() if v >= 0.15 * total} if total > 0 else set()
            profile.memo["kinds"] = found
        return found


class Grouper:
    """Assigns each statement of each article (fed in storage order) to an event."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def group_article(self, article: ArticleRow, features: list[Features] | None = None) -> GroupResult:
        """Group one article's statements; ``features``, when given, are what
        ``featurize(article, self.known_place)`` would give (computed elsewhere).

        A text with more than MAX_ARTICLE_STATEMENTS statements (a book, a transcript dump) is
        grouped in runs of that many, as if each were an article: the work per article grows
        faster than its statements, and such a text is not one news story anyway."""
        if features is None:
            features = featurize(article, self.known_place)
        if len(features) <= MAX_ARTICLE_STATEMENTS:
            return self._group(article, features)
        assignment: dict[int, str] = {}
        merged: dict[str, str] = {}
        for start in range(0, len(features), MAX_ARTICLE_STATEMENTS):
            part = self._group(article, features[start : start + MAX_ARTICLE_STATEMENTS])
            for statement_id, event_id in assignment.items():
                assignment[statement_id] = part.merged.get(event_id, event_id)
            assignment.update(part.assignment)
            merged = {source: part.merged.get(target, target) for source, target in merged.items()}
            merged.update(part.merged)
        return GroupResult(features, assignment, merged)

    def _group(self, article: ArticleRow, features: list[Features]) -> GroupResult:
        vocabulary: set[str] = set()
        for f in features:
            vocabulary.update(f.vec)
        self.backend.add_document(vocabulary)
        work = _Work(article, features, {}, [None] * len(features), {}, {})
        idf = self._idf(vocabulary)
        work.idf = idf
        for f in features:
            work.candidates.append(self._candidates(f, work))
        extra = set().union(*(p.vec.keys() for p in work.profiles.values())) - vocabulary
        work.idf.update(self._idf(extra))
        for i in range(len(features)):
            self._place(work, i)
        for _ in range(REFINE_ROUNDS):
            if not any([self._place(work, i) for i in range(len(features))]):
                break
        self._merge_new(work)
        self._finish(work)
        assignment = {f.statement.id: str(work.assign[i]) for i, f in enumerate(features)}
        return GroupResult(features, assignment, _resolve_chains(work.merged))

    def known_place(self, key: str) -> bool:
        """Whether an article grouped before named ``key`` as a town or village."""
        return self.backend.document_frequencies(["p:" + key]).get("p:" + key, 0) > 0

    def _idf(self, features: set[str]) -> dict[str, float]:
        n = self.backend.articles_seen()
        df = self.backend.document_frequencies(sorted(features))
        return {k: math.log((n + 1) / (df.get(k, 0) + 1)) + 1.0 for k in features}

    # -- candidates

    @staticmethod
    def _weeks(f: Features) -> range:
        """The weeks in which the incident of ``f`` may lie (none when its article has no date)."""
        if f.lo is None or f.hi is None:
            return range(0)
        lo, hi = f.lo - timedelta(days=EXACT_WINDOW), f.hi + timedelta(days=EXACT_WINDOW)
        if f.precision != "exact":
            said = f.published or f.hi
            lo, hi = min(lo, said - timedelta(days=LOOSE_BACK)), max(hi, said + timedelta(days=EXACT_WINDOW))
        return range(week(lo), week(hi) + 1)

    def _candidates(self, f: Features, work: _Work) -> list[str]:
        weeks = self._weeks(f)
        ids = self.backend.lookup(lookup_keys(f, work.idf) if weeks else [], weeks, MAX_CANDIDATES)
        missing = [i for i in ids if i not in work.profiles]
        for event_id, profile in self.backend.load(missing).items():
            work.profiles[event_id] = profile
            work.base[event_id] = (profile.lo, profile.hi, profile.dlo, profile.dhi)
        return [i for i in ids if i in work.profiles]

    # -- scoring

    def score(self, f: Features, profile: Profile, work: _Work, i: int) -> float:
        """How well statement ``i`` (features ``f``) fits ``profile``; -inf when its date rules it out."""
        date_term = self._date_term(f, profile)
        if date_term is None:
            return -math.inf
        cos = work.cosine(i, profile)
        place_term = self._place_term(f, profile, work.known_places[i], work)
        s = cos + date_term + place_term
        # another kind of happening counts against, unless the words say it is this one
        clash = self._happening_clash(f, profile, work) * max(0.0, 1.0 - cos / CLASH_COS)
        s -= HAPPENING_CLASH * clash
        # a statement about another occasion or town, or dated outside this event, does not continue it
        if clash < INTRODUCED / 2 and date_term >= 0 and place_term > -TOWN_SWITCH:
            s += self._neighbour_term(work, i, profile.id)
        return s

    def _date_term(self, f: Features, p: Profile) -> float | None:
        if f.lo is None or f.hi is None:
            return 0.0
        lo, hi = (p.lo, p.hi) if p.lo is not None else (p.dlo, p.dhi)
        if lo is None or hi is None:
            return 0.0
        if f.precision in ("exact", "vague"):
            gap = max((f.lo - hi).days, (lo - f.hi).days, 0)
            if f.precision == "exact" and p.lo is not None and _span(lo, hi, f.lo, f.hi) > MAX_EVENT_SPAN:
                return None  # one incident at a time: an event does not creep along a run of them
            if gap <= 1:
                return DATE_AGREE if f.precision == "exact" else DATE_AGREE / 2
            if gap <= EXACT_WINDOW:
                return 0.0
            if f.precision == "exact" and p.lo is not None:
                return None
            if f.precision == "vague":
                return -VAGUE_MISS  # "last August": often the background, not the incident
            return -min(0.3, 0.1 + 0.01 * gap)
        # said on, or published on, f.lo: the incident lies before, perhaps well before
        said = f.lo
        if said < lo - timedelta(days=2):
            return None if (lo - said).days > EXACT_WINDOW else -0.1
        late = (said - hi).days
        if late <= 5 or (f.past and late <= LOOSE_BACK):
            return 0.0
        if late > LOOSE_BACK:
            return None
        return -min(0.25, 0.004 * late)

    def _place_term(self, f: Features, p: Profile, known: set[str], work: _Work) -> float:
        """Agreement on a town or district the statement names; a disagreement counts only for
        places that some other candidate event is known for."""
        if f.article_towns and not f.past and self._elsewhere(f.article_towns, p, work):
            return -TOWN_CLASH  # its article names none of the towns the event is known for
        strong = set(f.places)
        if not strong:
            near = {k for k in f.context_places if p.vec.get(k, 0.0) >= PLACE_KNOWN}
            if near & f.title_places:
                return PLACE_AGREE  # the town in the speaker's title is the event's ("Izmail Mayor")
            return PLACE_AGREE / 2 if near else 0.0
        theirs = {k for k in strong if p.vec.get(k, 0.0) >= PLACE_KNOWN}
        if theirs:
            return PLACE_AGREE
        if known:
            return -PLACE_CLASH  # a town that another event is known for
        said = f.said_towns
        if (
            said
            and not f.past
            and not any(p.vec.get(k, 0.0) > 0 for k in said)
            and _far_apart(said, work.towns(p))
        ):
            return -TOWN_SWITCH  # what it says turns to a distant town the event has never named
        return 0.0

    @staticmethod
    def _elsewhere(towns: frozenset[str], p: Profile, work: _Work) -> bool:
        """Whether the event is known for some town, and for none of ``towns``."""
        known = work.towns(p)
        return bool(known) and not towns & known

    @staticmethod
    def _town_keys(f: Features) -> set[str]:
        return {k for k in f.places if k.startswith("p:")}

    def _known_places(self, f: Features, options: Sequence[str], work: _Work) -> set[str]:
        strong = self._town_keys(f)  # towns and districts, not the regions that hold them
        return {
            k
            for k in strong
            for e in options
            if work.profiles[e].n > 0 and work.profiles[e].vec.get(k, 0.0) >= PLACE_KNOWN
        }

    def _happening_clash(self, f: Features, p: Profile, work: _Work) -> float:
        """How surely the statement is about another kind of happening than the event (0 to 1)."""
        if not f.happenings:
            return 0.0
        theirs = work.kinds(p)
        if not theirs or theirs & f.happenings.keys():
            return 0.0
        return max(f.happenings.values())

    def _neighbour_term(self, work: _Work, i: int, event_id: str) -> float:
        """The pull of the statements next to it: an article stays on one incident until
        something says otherwise."""
        s = 0.0
        for j in (i - 1, i + 1):
            if 0 <= j < len(work.features) and work.assign[j] == event_id:
                s += _continuity(work.features[min(i, j)], work.features[max(i, j)])
        if s == 0.0 and event_id == _main_event(work.assign, i) and not work.features[i].new_incident:
            s += SAME_ARTICLE_BONUS
        return min(s, MAX_CONTINUITY)

    # -- assignment

    def _place(self, work: _Work, i: int) -> bool:
        """Assign statement ``i`` to the event it fits best (a new one if none fits; on a
        second pass, its current one if none fits). Returns whether its event changed."""
        f = work.features[i]
        current = work.assign[i]
        if current is not None:
            self._apply(work, current, i, -1)
        options = list(dict.fromkeys(work.candidates[i] + [e for e in work.assign if e is not None]))
        if f.new_incident:  # "In a separate incident, ...": not what the article told of before
            before = {e for e in work.assign[:i] if e is not None}
            options = [e for e in options if e not in before]
        if current is not None and current not in options:
            options.append(current)
        work.known_places[i] = self._known_places(f, options, work)
        best, best_score = None, -math.inf
        for event_id in options:
            profile = work.profiles[event_id]
            if profile.n <= 0:
                continue
            score = self.score(f, profile, work, i)
            if score > best_score or (score == best_score and best is not None and event_id < best):
                best, best_score = event_id, score
        if best is None or best_score < JOIN:
            best = current if current is not None else self._new_event(work, f)
        self._apply(work, best, i, 1)
        return best != current

    def _apply(self, work: _Work, event_id: str, i: int, sign: int) -> None:
        profile = work.profiles[event_id]
        norm = work.norms.get(event_id)
        change = profile.add(work.features[i], sign, work.idf if norm is not None else None)
        work.assign[i] = event_id if sign > 0 else None
        work.touch(event_id)
        if norm is not None:  # only the statement's own features changed: update the norm by them
            work.norms[event_id] = math.sqrt(max(norm * norm + change, 0.0))
        if sign < 0:
            lo, hi, dlo, dhi = work.base.get(event_id, (None, None, None, None))
            profile.lo, profile.hi, profile.dlo, profile.dhi = lo, hi, dlo, dhi
            for j, assigned in enumerate(work.assign):
                if assigned == event_id:
                    profile._widen(work.features[j])

    # -- merging the article's new events

    def _merge_new(self, work: _Work) -> None:
        """Fold together events that the article shows to be one incident (its statements
        together say more than any one of them): an event it started and any event near it,
        or two stored events it has statements in. The newer folds into the older."""
        used = sorted({e for e in work.assign if e is not None}, key=lambda e: -work.profiles[e].seq)
        for event_id in used:
            x = work.profiles[event_id]
            if x.n <= 0:
                continue
            pool = work.profiles if event_id in work.created else {e: work.profiles[e] for e in used}
            best, best_score = None, 0.0
            for other, y in sorted(pool.items(), key=lambda kv: kv[1].seq):
                if other == event_id or y.n <= 0:
                    continue
                # two stored events need more than an article's pull to be one
                fresh = event_id in work.created or other in work.created
                score = self._event_similarity(work, x, y)
                if score >= (MERGE if fresh else MERGE_STORED) and score > best_score:
                    best, best_score = other, score
            if best is None:
                continue
            older, newer = sorted((event_id, best), key=lambda e: work.profiles[e].seq)
            for i, assigned in enumerate(work.assign):
                if assigned == newer:
                    self._apply(work, newer, i, -1)
                    self._apply(work, older, i, 1)
            if newer not in work.created:  # a stored event: its other articles' statements move too
                self._absorb(work, work.profiles[newer], work.profiles[older])
        self._absorb_islands(work)

    def _absorb_islands(self, work: _Work) -> None:
        """A statement left alone in a new event between two statements of one event joins
        them, unless its date or town says otherwise: an article does not turn to another
        incident for one sentence (statements looking back to earlier times aside)."""
        for i, f in enumerate(work.features):
            event_id = work.assign[i]
            if (
                f.past
                or f.new_incident
                or event_id not in work.created
                or work.profiles[str(event_id)].n != 1
            ):
                continue
            before = [j for j in range(i - 1, -1, -1) if not work.features[j].past][:1]
            after = [j for j in range(i + 1, len(work.features)) if not work.features[j].past][:1]
            if not before or not after or work.assign[before[0]] != work.assign[after[0]]:
                continue
            target = work.assign[before[0]]
            assert target is not None
            profile = work.profiles[target]
            date_term = self._date_term(f, profile)
            if (
                date_term is None
                or date_term < 0
                or self._place_term(f, profile, work.known_places[i], work) < 0
            ):
                continue
            self._apply(work, str(event_id), i, -1)
            self._apply(work, target, i, 1)

    @staticmethod
    def _absorb(work: _Work, source: Profile, target: Profile) -> None:
        """Move what is left of ``source`` (statements of other articles) into ``target``."""
        for key, value in source.vec.items():
            target.vec[key] = target.vec.get(key, 0.0) + value
        target.n += source.n
        if source.lo and source.hi:
            target.lo = min(target.lo, source.lo) if target.lo else source.lo
            target.hi = max(target.hi, source.hi) if target.hi else source.hi
        if source.dlo and source.dhi:
            target.dlo = min(target.dlo, source.dlo) if target.dlo else source.dlo
            target.dhi = max(target.dhi, source.dhi) if target.dhi else source.dhi
        base = work.base.get(target.id)
        if base is not None:  # the dates it had before this article now include the source's
            work.base[target.id] = (target.lo, target.hi, target.dlo, target.dhi)
        source.vec, source.n = {}, 0
        source.changed()
        target.changed()
        work.touch(source.id)
        work.touch(target.id)
        work.merged[source.id] = target.id

    def _event_similarity(self, work: _Work, x: Profile, y: Profile) -> float:
        """How surely two events are one incident (below MERGE: keep apart)."""
        if _turned_apart(work, x.id, y.id):
            return 0.0
        bonus = 0.0
        if x.lo and x.hi and y.lo and y.hi:
            gap = max((x.lo - y.hi).days, (y.lo - x.hi).days, 0)
            if gap > EXACT_WINDOW or _span(x.lo, x.hi, y.lo, y.hi) > MAX_EVENT_SPAN:
                return 0.0
            bonus += DATE_AGREE if gap <= 1 else 0.0
        elif x.dlo and y.dhi and x.dhi and y.dlo:
            gap = max((x.dlo - y.dhi).days, (y.dlo - x.dhi).days, 0)
            if gap > LOOSE_BACK:
                return 0.0
        (kx, tx), (ky, ty) = work.merge_sign(x), work.merge_sign(y)
        if kx and ky and kx != ky:
            return 0.0
        if tx and ty and not tx & ty:
            return 0.0
        if x.id in work.created and y.id in work.created and _far_apart(work.towns(x), work.towns(y)):
            return 0.0  # the article tells of incidents in two distant towns, one after the other
        towns = work.features[0].article_towns if work.features else frozenset()
        stored = [e for e in (x, y) if e.id not in work.created]
        if towns and any(self._elsewhere(towns, e, work) for e in stored):
            bonus -= TOWN_CLASH / 2  # the article names none of the towns a stored event is known for
        bonus += PLACE_AGREE if tx & ty else 0.0
        score = _cosine(x.vec, y.vec, work.idf, work.exact_norm(y)) + bonus
        adjacent = sum(
            1 for i in range(len(work.assign) - 1) if {work.assign[i], work.assign[i + 1]} == {x.id, y.id}
        )
        return score + min(2, adjacent) * MERGE_ADJACENT

    def _new_event(self, work: _Work, f: Features) -> str:
        event_id = event_id_for(work.article.text_hash, f.statement.start)
        while event_id in work.profiles:
            event_id = event_id_for(work.article.text_hash, f.statement.start, salt=event_id)
        work.profiles[event_id] = Profile(event_id, self.backend.next_seq())
        work.created.append(event_id)
        return event_id

    def _finish(self, work: _Work) -> None:
        changed: list[Profile] = []
        deleted: list[str] = []
        for source, target in sorted(_resolve_chains(work.merged).items()):
            self.backend.rename(source, target)
        for event_id in sorted(work.dirty):
            profile = work.profiles[event_id]
            if profile.n <= 0:
                deleted.append(event_id)
                self.backend.unindex(event_id)
                continue
            profile.prune()
            changed.append(profile)
        self.backend.save(changed, deleted)
        pairs: dict[str, set[tuple[str, int]]] = {}
        for f, assigned in zip(work.features, work.assign, strict=True):
            assert assigned is not None
            buckets = f.buckets
            pairs.setdefault(assigned, set()).update(
                (k, w) for k in lookup_keys(f, work.idf) for w in buckets
            )
        for event_id in sorted(pairs):
            self.backend.index(event_id, sorted(pairs[event_id]))


def _far_apart(towns: Iterable[str], others: Iterable[str]) -> bool:
    """Whether every town of ``towns`` lies more than FAR_KM from every town of ``others``
    (feature keys "p:g<geonameid>"); False when either is empty or a town is not in the
    gazetteer (a place only an article named may lie anywhere)."""
    from crossref.gazetteer import distance_km

    mine, theirs = list(towns), list(others)
    if not mine or not theirs:
        return False
    for a in mine:
        for b in theirs:
            km = distance_km(a[2:], b[2:])
            if km is None or km <= FAR_KM:
                return False
    return True


def _dominant_happening(p: Profile) -> str | None:
    """The kind of happening an event clearly is (most of its mentions), if any."""
    mass = {k[2:]: v for k, v in p.vec.items() if k.startswith("c:") and k[2:] in HAPPENINGS and v > 0}
    total = sum(mass.values())
    if not mass or total < SURE_KIND * p.n:
        return None
    kind, top = max(mass.items(), key=lambda kv: (kv[1], kv[0]))
    return kind if top >= 0.6 * total else None


def _towns(p: Profile) -> set[str]:
    return {k for k, v in p.vec.items() if k.startswith("p:") and v >= PLACE_KNOWN * max(1, p.n) / 2}


def _turned_apart(work: _Work, x: str, y: str) -> bool:
    """Whether the article turns from one of events ``x`` and ``y`` to the other with "In a
    separate incident" (or the like): a statement of one opens such a paragraph after one of the other."""
    for i, f in enumerate(work.features):
        other = {x: y, y: x}.get(str(work.assign[i])) if f.new_incident else None
        if other is not None and other in work.assign[:i]:
            return True
    return False


def _continuity(a: Features, b: Features) -> float:
    """How strongly statement ``b`` continues the incident of ``a`` just before it (not at
    all when one of them looks back to an earlier time and the other does not)."""
    if a.past != b.past or b.new_incident:
        return 0.0
    bonus = ADJACENT_BONUS + (SAME_SPEAKER_BONUS if a.speaker and a.speaker == b.speaker else 0.0)
    gap = max(0, b.paragraph - a.paragraph - 1)
    return max(bonus - GAP_DECAY * gap, MIN_CONTINUITY)


def _main_event(assign: Sequence[str | None], i: int) -> str | None:
    """The event most of the article's other statements are in."""
    counts = Counter(e for j, e in enumerate(assign) if e is not None and j != i)
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def lookup_keys(f: Features, idf: dict[str, float]) -> list[str]:
    """The blocking keys of a statement: its places, incident types and speaker, and its
    rarest own words."""
    words = sorted(
        (k for k, v in f.vec.items() if k.startswith("w:") and v >= 1.0),
        key=lambda k: (-idf.get(k, 1.0), -f.vec[k], k),
    )
    return f.keys + words[:TOP_TERM_KEYS]


def _span(lo: date, hi: date, other_lo: date, other_hi: date) -> int:
    """Days from the earlier start to the later end of two date ranges."""
    return (max(hi, other_hi) - min(lo, other_lo)).days


def _norm(vec: dict[str, float], idf: dict[str, float]) -> float:
    get = idf.get  # a plain loop: half again as quick as sum() over a generator, same sum
    total = 0.0
    for key, value in vec.items():
        weight = value * get(key, 1.0)
        total += weight * weight
    return math.sqrt(total)


def _cosine(
    a: dict[str, float], b: dict[str, float], idf: dict[str, float], nb: float | None = None
) -> float:
    """The cosine of two feature vectors weighted by ``idf`` (``nb``: b's weighted norm, if known)."""
    dot = 0.0
    na = 0.0
    for key, value in a.items():
        weight = value * idf.get(key, 1.0)
        na += weight * weight
        other = b.get(key)
        if other:
            dot += weight * other * idf.get(key, 1.0)
    if dot <= 0.0:
        return 0.0
    if nb is None:
        nb = _norm(b, idf)
    return dot / (math.sqrt(na) * nb) if na and nb else 0.0
