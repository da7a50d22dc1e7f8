"""Content terms of a text, for telling whether two texts speak of the same thing: words
lower-cased, accents folded, crudely stemmed, stopwords (and the words of attribution) out.
Event grouping compares statements by them; `compare` finds what two parties' statements share."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from crossref.words import fold_name, words

STOPWORDS = words(
    """a about above after again against ago all almost along already also although always am among an and
    another any anyone anything are around as at away back be became because become been before being
    below between beyond both but by can cannot could did do does doing done down during each either
    else enough even ever every few for from further had has have having he her here hers herself him
    himself his how however i if in including instead into is it its itself just last least less like
    made make many may me might more most much must my near nearly neither never new next no nor not
    nothing now of off often on once one only onto or other others otherwise our ours out over own per
    perhaps rather same several she should since so some something still such than that the their theirs
    them themselves then there these they this those though through throughout thus to too toward
    towards under until up upon us very via was we well were what whatever when where whether which
    while who whom whose why will with within without would yet you your yours two three four five six
    seven eight nine ten first second third dozen dozens hundred hundreds thousand thousands million
    billion percent per cent said say says saying told tell tells telling added adding stated statement
    statements according asked reported reporting reports report announced claimed claims claim noted
    wrote write writes insisted described describing called calls urged warned confirmed denied rejected
    accused blamed dismissed spokesman spokeswoman spokesperson spokespeople official officials ministry
    minister ministers agency press reporters journalists news conference briefing interview media
    outlet website quoted president prime government foreign defence defense interior affairs department
    office head chief mr mrs ms dr colonel general commodore governor mayor side sides country countries
    time times year years month months week weeks day days today yesterday tomorrow morning afternoon
    evening night overnight monday tuesday wednesday thursday friday saturday sunday weekend january
    february march april june july august september october november december dec jan feb mar apr jun
    jul aug sep sept oct nov also however meanwhile later earlier because part way people thing things
    lot really"""
)

_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ž][\w’'-]*|\d[\d,.]*[A-Za-z]*")
_IRREGULAR = {"struck": "strike", "shot": "shoot", "hit": "hit", "fought": "fight", "fled": "flee",
              "killed": "kill", "dead": "die", "died": "die", "deaths": "die", "death": "die",
              "men": "man", "women": "woman", "children": "child", "ceasefire": "ceasefire",
              "truce": "ceasefire"}  # fmt: skip


def stem(word: str) -> str:
    """A crude English stem that makes "attacks", "attacked" and "attacking" one term."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def terms(text: str, drop: frozenset[str] = frozenset()) -> Counter[str]:
    """Content terms of ``text``: lower-cased, stemmed, stopwords (and the stems in ``drop``)
    out; hyphenated words give their parts and the joined form; numbers of three or more
    digits are kept."""
    out: Counter[str] = Counter()
    for raw in _WORD.findall(text):
        for term in _token_terms(raw):
            if term not in drop:
                out[term] += 1
    return out


@lru_cache(maxsize=100_000)
def _token_terms(raw: str) -> tuple[str, ...]:
    """The terms one word of a text gives (see :func:`terms`); news reuses its words, so
    the answer is cached."""
    token = fold_name(raw).replace("’", "'")
    token = re.sub(r"'s?$", "", token)
    if token[:1].isdigit():
        digits = token.replace(",", "").rstrip(".")
        if len(digits) >= 3 and not re.fullmatch(r"(?:19|20)\d\d", digits):
            return ("#" + digits,)
        return ()
    out: list[str] = []
    parts = [p for p in token.split("-") if p]
    if len(parts) > 1:
        joined = "".join(parts)
        if joined not in STOPWORDS:
            out.append(stem(joined))
    for part in parts if len(parts) > 1 else [token]:
        if len(part) > 2 and part not in STOPWORDS and not part.isdigit():
            out.append(stem(part))
    return tuple(out)
