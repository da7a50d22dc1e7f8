"""Paragraphs, sentences and quotation spans, all as character offsets into the article text.

Nothing here ever fails on odd input: unbalanced or mixed quotation marks degrade to
"this quote runs to the end of its paragraph", which is also how news marks a quote
that continues in the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crossref.words import MONTH_ABBREVIATIONS, TITLE_ABBREVIATIONS, words

OPEN_QUOTES = "“«„‘"
CLOSE_QUOTES = "”»’"
STRAIGHT = '"'

# Tokens after which a period does not end a sentence.
ABBREVIATIONS = (
    TITLE_ABBREVIATIONS
    | MONTH_ABBREVIATIONS
    | words(
        "mon tue tues wed thu thur thurs fri sat sun no nos vs etc inc corp co ltd dept est approx fig al"
    )
    | words("u.s u.n u.k e.u d.c a.m p.m i.e e.g ft mt")
)

_SENT_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+|$)")
# a name and a verb of speech after a quoted question or exclamation: "?” Biden said."
_NAME_THEN_SPEECH_VERB = re.compile(
    r"(?:[A-Z][\w.’'\-]*\s+){1,4}(?:said|says|asked|asks|told|added|wrote|writes|replied|shouted|"
    r"tweeted|declared|insisted|recalled|explained|continued|wondered|demanded)\b"
)
_PARA = re.compile(r"[^\n]+")


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Quote(Span):
    """A quotation: ``start``/``end`` include the marks; ``inner_*`` exclude them."""

    inner_start: int = 0
    inner_end: int = 0
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


@dataclass
class Sentence(Span):
    paragraph: int = 0


@dataclass
class Paragraph(Span):
    index: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph (news files put one paragraph on a line)."""
    paragraphs: list[Paragraph] = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            paragraphs.append(Paragraph(s, e, index=len(paragraphs)))
    return paragraphs


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word == "no":  # "No. 5" is a number; "the candidate said no." ends a sentence
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    if word in ABBREVIATIONS:
        return True
    # single capital initial ("John F. Kennedy") or dotted acronym ("U.S.")
    return (len(word) == 1 and text[j].isupper()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str, para: Paragraph) -> list[Sentence]:
    out: list[Sentence] = []
    start = para.start
    for m in _SENT_END.finditer(text, para.start, para.end):
        end = m.end()
        if end >= para.end:
            break
        nxt = end
        while nxt < para.end and text[nxt].isspace():
            nxt += 1
        following = text[nxt] if nxt < para.end else ""
        # a sentence starts with a capital, a digit or an opening quote
        if not (
            following.isupper()
            or following.isdigit()
            or following in OPEN_QUOTES + STRAIGHT + "("
            or text.startswith("''", nxt)
            or text.startswith("``", nxt)
        ):
            continue
        if (
            m.group().startswith(".")
            and len(m.group().rstrip('"”’»)]')) == 1
            and _is_abbreviation(text, m.start())
        ):
            continue
        if m.group()[0] in "?!" and m.group()[-1] in '"”’»' and _NAME_THEN_SPEECH_VERB.match(text, nxt):
            continue  # “Does he not understand?” Biden said.  -- the quote and its attribution
        out.append(Sentence(start, end, paragraph=para.index))
        start = nxt
    if start < para.end:
        out.append(Sentence(start, para.end, paragraph=para.index))
    return out


def _opens_straight(text: str, i: int, lo: int) -> bool:
    """A straight quote opens when it follows a start, a space or an opening bracket/dash."""
    return i == lo or text[i - 1].isspace() or text[i - 1] in "([{—–-:/"


def find_quotes(text: str, para: Paragraph) -> list[Quote]:
    """Quotations in a paragraph. Apostrophes (’ inside words) are not quote marks.

    Single curly quotes count only as openers/closers when they stand at word boundaries;
    an opener left unclosed runs to the paragraph end (``closed=False``).
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    open_char = ""
    open_width = 1
    i = para.start
    while i < para.end:
        c = text[i]
        width = 1
        # typewriter doubles: ``like this'' and ''like this''
        if text.startswith("''", i) or text.startswith("``", i):
            c, width = (STRAIGHT if c == "'" else "“"), 2
        is_double_open = c in "“«„"
        is_double_close = c in "”»"
        if (
            c == "“"
            and open_at is not None
            and i > para.start
            and not text[i - 1].isspace()
            and (i + 1 >= para.end or not text[i + 1].isalnum())
        ):
            is_double_open, is_double_close = False, True  # an opening mark typed as a closer
        if (
            c == "”"
            and open_at is None
            and (i == para.start or text[i - 1].isspace())
            and i + 1 < para.end
            and text[i + 1].isalnum()
        ):
            is_double_open, is_double_close = True, False  # a closing mark typed as an opener
        if c == STRAIGHT:
            if open_at is None and _opens_straight(text, i, para.start):
                is_double_open = True
            elif open_at is not None and open_char in (STRAIGHT, "“", "„"):
                is_double_close = True
            elif open_at is None:
                is_double_open = True
        if open_at is None and is_double_open:
            open_at, open_char, open_width = i, c, width
        elif open_at is not None and is_double_close:
            quotes.append(
                Quote(open_at, i + width, inner_start=open_at + open_width, inner_end=i, closed=True)
            )
            open_at = None
        elif open_at is not None and is_double_open and c != STRAIGHT:
            # a second opener before any closer: the first quote ran on unclosed
            quotes.append(
                Quote(
                    open_at,
                    i,
                    inner_start=open_at + open_width,
                    inner_end=_rstrip(text, open_at, i),
                    closed=False,
                )
            )
            open_at, open_char, open_width = i, c, width
        i += width
    if open_at is not None:
        quotes.append(
            Quote(open_at, para.end, inner_start=open_at + open_width, inner_end=para.end, closed=False)
        )
    return [q for q in quotes if q.inner_end > q.inner_start]


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def segment(text: str) -> list[Paragraph]:
    """Paragraphs with their sentences and quotations."""
    paragraphs = split_paragraphs(text)
    for p in paragraphs:
        p.quotes = find_quotes(text, p)
        p.sentences = _merge_inside_short_quotes(split_sentences(text, p), p.quotes)
    return paragraphs


def _merge_inside_short_quotes(sentences: list[Sentence], quotes: list[Quote]) -> list[Sentence]:
    """Undo a split that falls inside a quote which is itself inside a larger sentence.

    ``He called it "a disgrace. Nothing less." on Monday`` stays one sentence; but a long
    quote made of whole sentences keeps its internal splits.
    """
    if not quotes or len(sentences) < 2:
        return sentences
    merged = [sentences[0]]
    for s in sentences[1:]:
        prev = merged[-1]
        inside = any(
            q.inner_start < s.start < q.inner_end
            and q.closed
            and q.end < s.end
            and q.start > prev.start
            and (q.end - q.start) < 80
            for q in quotes
        )
        if inside:
            merged[-1] = Sentence(prev.start, s.end, paragraph=prev.paragraph)
        else:
            merged.append(s)
    return merged
