"""Word lists shared across crossref's modules, and the helpers that write them compactly."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents ('Erdoğan' -> 'erdogan'), for comparing names."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=200_000)
def fold_name(text: str) -> str:
    """:func:`fold` that also reads dotless ı as i and schwa ə as a, and trims: the key under
    which place names are looked up ('Gəncə' -> 'genca')."""
    return fold(text.replace("ı", "i").replace("ə", "a")).strip()


def words(text: str) -> frozenset[str]:
    """A word set written as one whitespace-separated string (keeps long lists readable)."""
    return frozenset(text.split())


def word_list(text: str) -> list[str]:
    return text.split()


MONTH_NAMES = words("january february march april may june july august september october november december")
MONTH_ABBREVIATIONS = words("jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAY_NAMES = words("monday tuesday wednesday thursday friday saturday sunday")
TITLE_ABBREVIATIONS = words(
    "mr mrs ms dr gen sen rep gov lt col sgt capt maj adm prof st jr sr rev hon pres supt cmdr brig"
)
DETERMINERS = words(
    "the a an this that these those both another its his her their our one two three several some"
)
GENERIC_GROUPS = words(
    """officials sources analysts experts critics observers witnesses residents people supporters
    opponents voters activists lawmakers diplomats sides authorities others many some both all doctors
    researchers democrats republicans officers soldiers rebels aides media"""
)
