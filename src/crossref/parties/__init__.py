"""Parties: the side a speaker speaks for.

Inference reads the speaker's name, role and the phrase that carried it for a state
(country names, demonyms and capitals from the countryinfo package), then a table of
well-known public figures shipped with crossref (``data/figures.toml``), then the
sentence that introduced a person. Organisations that are not states are their own
party. Users override all of this with a parties file and ``crossref parties``.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from crossref.parties import countries
from crossref.parties.countries import fold

if TYPE_CHECKING:
    from crossref.extract.speakers import Resolved

# Organisations that are not states but are often quoted as sides of an incident.
_GENERIC = {
    "officials",
    "sources",
    "analysts",
    "experts",
    "critics",
    "observers",
    "witnesses",
    "residents",
    "people",
    "supporters",
    "opponents",
    "voters",
    "activists",
    "lawmakers",
    "diplomats",
    "sides",
    "authorities",
    "others",
    "doctors",
    "researchers",
    "officers",
    "soldiers",
    "aides",
    "media",
    "reports",
    "report",
    "statement",
    "source",
    "official",
    "witness",
    "resident",
    "analyst",
    "expert",
    "observer",
    "polls",
    "poll",
    "survey",
    "study",
    "data",
}
_US_PARTIES = {
    "republican": "Republicans",
    "republicans": "Republicans",
    "gop": "Republicans",
    "democrat": "Democrats",
    "democrats": "Democrats",
    "democratic": "Democrats",
}


@lru_cache(maxsize=1)
def known_figures() -> dict[str, str]:
    """Folded person name (and surname-less variants) -> country, from data/figures.toml."""
    raw = resources.files("crossref").joinpath("data/figures.toml").read_text(encoding="utf-8")
    table = tomllib.loads(raw)
    out: dict[str, str] = {}
    for country, names in table.get("figures", {}).items():
        for name in names:
            out[fold(name)] = country
    return out


def figure_country(name: str) -> str | None:
    key = fold(name)
    figures = known_figures()
    if key in figures:
        return figures[key]
    # "Recep Tayyip Erdogan" vs "Tayyip Erdogan": match on first+last words
    parts = key.split()
    if len(parts) >= 2:
        for full, country in figures.items():
            fp = full.split()
            if fp[-1] == parts[-1] and (fp[0] == parts[0] or parts[0] in fp):
                return country
    return None


def institution_country(name: str) -> str | None:
    """The state an institution named without its country belongs to ('State Department')."""
    return known_institutions().get(fold(name))


@lru_cache(maxsize=1)
def known_institutions() -> dict[str, str]:
    raw = resources.files("crossref").joinpath("data/figures.toml").read_text(encoding="utf-8")
    return {
        fold(n): country
        for country, names in tomllib.loads(raw).get("institutions", {}).items()
        for n in names
    }


def infer_party(resolved: Resolved, mention: str | None) -> str | None:
    """The party a resolved speaker speaks for, or None when nothing says."""
    name, kind, role = resolved.name, resolved.kind, resolved.role
    if kind != "organisation":
        for source in (role, mention):
            for word in fold(source or "").replace("-", " ").replace("(", " ").split():
                if word in _US_PARTIES:
                    return _US_PARTIES[word]
    if kind == "person":
        return (
            resolved.country
            or countries.country_in(mention or "")
            or (figure_country(name) if name else None)
            or resolved.affiliation_country
            or _own_party(resolved.affiliation)
        )
    if kind == "organisation" and name:
        return institution_country(name) or resolved.country or _own_party(name)
    return countries.country_in(mention or "") or resolved.country


def _own_party(org: str | None) -> str | None:
    """A non-state organisation is its own party, unless its name is generic ('officials')."""
    if not org:
        return None
    words = fold(org).split()
    if not words or words[-1] in _GENERIC:
        return None
    country = countries.country_of_word(org) if len(words) == 1 else None
    return country or institution_country(org) or org
