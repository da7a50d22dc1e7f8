"""A fast word tokenizer that keeps character offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# words with inner apostrophes, hyphens and dots ("Erdoğan’s", "cease-fire", "U.S.")
_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*\.?|--|[^\w\s]")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    in_quote: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int, quote_spans: list[tuple[int, int]]) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets; ``in_quote`` marks quoted words.

    A trailing period stays on a token only for abbreviations-like words (``U.S.``,
    ``Dec.``); otherwise it becomes its own punctuation token.
    """
    tokens: list[Token] = []
    for m in _WORD.finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group()
        if word == "--":  # a typewriter dash reads as the dash it stands for
            tokens.append(Token("—", s, e))
        elif (
            len(word) > 1
            and word.endswith(".")
            and (
                not _keeps_period(word) or word.lower() == "no." and not text[e : e + 2].strip()[:1].isdigit()
            )
        ):
            tokens.append(Token(word[:-1], s, e - 1))
            tokens.append(Token(".", e - 1, e))
        else:
            tokens.append(Token(word, s, e))
    if quote_spans:
        # quotations of a paragraph never overlap: the last one starting before a token is
        # the only one that can hold it
        spans = sorted(quote_spans)
        starts = [qs for qs, _ in spans]
        for t in tokens:
            k = bisect.bisect_right(starts, t.start) - 1
            if k >= 0 and t.end <= spans[k][1]:
                t.in_quote = True
    return tokens


_ABBR = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "sen.",
    "rep.",
    "gov.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "maj.",
    "adm.",
    "prof.",
    "st.",
    "jr.",
    "sr.",
    "rev.",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "no.",
    "vs.",
    "inc.",
    "corp.",
    "co.",
    "ltd.",
    "u.s.",
    "u.n.",
    "u.k.",
    "e.u.",
    "d.c.",
}


def _keeps_period(word: str) -> bool:
    lw = word.lower()
    return lw in _ABBR or (len(word) == 2 and word[0].isupper()) or bool(re.fullmatch(r"(?:\w\.){2,}", lw))
