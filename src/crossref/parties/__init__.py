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

from crossref.parties import countries
from crossref.parties.countries import fold

# Organisations that are not states but are often quoted as sides of an incident.
_GENERIC = {"officials", "sources", "analysts", "experts", "critics", "observers", "witnesses", "residents",
            "people", "supporters", "opponents", "voters", "activists", "lawmakers", "diplomats", "sides",
            "authorities", "others", "doctors", "researchers", "officers", "soldiers", "aides", "media",
            "reports", "report", "statement", "source", "official", "witness", "resident", "analyst",
            "expert", "observer", "polls", "poll", "survey", "study", "data"}
_US_PARTIES = {"republican": "Republicans", "republicans": "Republicans", "gop": "Republicans",
               "democrat": "Democrats", "democrats": "Democrats", "democratic": "Democrats"}


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


def infer_party(name: str | None, kind: str, role: str | None, mention: str | None,
                entity_country: str | None = None) -> str | None:
    """The party a resolved speaker speaks for, or None when nothing says."""
    for source in (role, mention, name):
        if not source:
            continue
        for word in fold(source).replace("-", " ").split():
            if word in _US_PARTIES and kind != "organisation":
                return _US_PARTIES[word]
    country = countries.country_in(role or "") or countries.country_in(mention or "") \
        or countries.country_in(name or "")
    if country:
        return country
    if kind == "person" and name:
        return figure_country(name) or entity_country
    if kind == "organisation" and name:
        words = fold(name).split()
        if words and words[-1] not in _GENERIC:
            return name
    return entity_country
