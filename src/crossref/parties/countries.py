"""Countries, their names, demonyms and capitals, from the countryinfo package.

Used to tell which state a speaker speaks for ("Azerbaijani Defense Ministry",
"Turkey’s president", "Moscow"). The package's data is loaded once, lazily.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from crossref.datacache import cached
from crossref.words import fold, words

# Common variants the package's data lacks (adjective forms and transliterations).
_EXTRA_VARIANTS = {
    "Azerbaijan": ["Azeri", "Azerbaijani"],
    "Philippines": ["Philippine"],
    "Ukraine": ["Kiev"],
    "United States": ["U.S.", "U.S", "US", "USA", "U.S.A.", "America", "American", "Americans"],
    "United Kingdom": ["U.K.", "UK", "Britain", "England"],
    "Russia": ["Kremlin", "Soviet"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Israel": ["Israeli"],
    "China": ["PRC"],
    "North Korea": ["DPRK"],
    "Netherlands": ["Holland"],
    "Moldova": ["Moldovan"],
    "Iran": ["Persian"],
    "Czech Republic": ["Czechia"],
    "Vatican City": ["Holy See", "Vatican"],
    "Kyrgyzstan": ["Kyrgyz", "Kirghiz"],
    "Tajikistan": ["Tajik"],
    "Kazakhstan": ["Kazakh"],
    "Uzbekistan": ["Uzbek"],
    "Bosnia and Herzegovina": ["Bosnian", "Bosnia"],
    "Laos": ["Lao", "Laotian"],
    "Saudi Arabia": ["Saudi"],
    # the wires' "Congo" is Kinshasa's (Reuters, AP); Brazzaville's is "Republic of Congo"
    "Democratic Republic of the Congo": [
        "Democratic Republic of Congo",
        "DR Congo",
        "DRC",
        "Congo-Kinshasa",
        "Congo",
    ],
    "Republic of the Congo": ["Congo-Brazzaville", "Republic of Congo"],
    "Saint Vincent and the Grenadines": [
        "St Vincent and the Grenadines",
        "St. Vincent and the Grenadines",
        "St Vincent",
    ],
    "Saint Lucia": ["St Lucia", "St. Lucia"],
    "Saint Kitts and Nevis": ["St Kitts and Nevis", "St. Kitts and Nevis", "St Kitts"],
}
# Records the package keeps under a former name, and the name the news uses now (a state
# must not be two parties: "Myanmar's army" and "the Burmese junta" are one side).
_CURRENT_NAMES = {
    "Burma": "Myanmar",
    "Swaziland": "Eswatini",
    "Republic of Macedonia": "North Macedonia",
}
# States in the news that the package has no record of (name, demonym, ISO code, alternative
# names, capital, population).
_EXTRA_STATES: list[tuple[str, str, str, list[str], str, int]] = [
    ("Kosovo", "Kosovar", "XK", ["Republic of Kosovo", "Kosovan"], "Pristina", 1_760_000),
    ("Somaliland", "Somalilander", "", ["Republic of Somaliland"], "Hargeisa", 5_700_000),
]
# Country names too ambiguous to read as a state from one word.
_AMBIGUOUS = words(
    """
    georgia jordan chad niger guinea turkey mali peru cuba china jersey dominica america
    """
)


# name, demonym, ISO alpha-2, alt spellings, capital, population
CountryRecord = tuple[str, str, str, list[str], str, int]


def _read_countryinfo() -> list[CountryRecord]:
    import countryinfo

    records: list[CountryRecord] = []
    for c in countryinfo.all_countries():
        info = c.info()
        name = info.get("name")
        if not name:
            continue
        capital = info.get("capital")
        records.append(
            (
                name,
                info.get("demonym") or "",
                (info.get("ISO") or {}).get("alpha2") or "",
                list(info.get("altSpellings") or []),
                capital if isinstance(capital, str) else "",
                int(info.get("population") or 0),
            )
        )
    records += _EXTRA_STATES
    # where two records share a name or demonym, the more populous state takes it: "Indian"
    # is India's, not the British Indian Ocean Territory's; "French" is France's
    records.sort(key=lambda r: -r[5])
    return records


Tables = tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]


@lru_cache(maxsize=1)
def _tables() -> Tables:
    """(variant -> country, country -> demonym adjective, capital -> country, ISO code -> country),
    kept in the user cache for this countryinfo and this module (reading countryinfo's 250 files
    takes longer than a `crossref compare`)."""
    return cast(Tables, cached("country-tables", "countryinfo", 1, _build_tables, files=[__file__]))


def _build_tables() -> Tables:
    variants: dict[str, str] = {}
    codes: dict[str, str] = {}
    capitals: dict[str, str] = {
        "washington": "United States",
        "kremlin": "Russia",
        "white house": "United States",
    }
    demonyms: dict[str, str] = {}
    for name, demonym, alpha2, alt_spellings, capital, _population in _read_countryinfo():
        demonyms[name] = demonym
        if alpha2:
            codes.setdefault(alpha2.upper(), name)  # the first record of a code: United Kingdom, not Wales
        names = [name, demonym]
        for alt in alt_spellings:
            if len(alt) > 3 or alt in {"US", "USA", "UK", "UAE"}:
                names.append(alt)
        if capital:
            capitals.setdefault(fold(capital.split(" D.C.")[0]), name)
        for n in names:
            if n:
                variants.setdefault(fold(n), name)
    for name, extra in _EXTRA_VARIANTS.items():
        for n in extra:
            variants[fold(n)] = name
    # plural demonyms: Armenians, Russians, Ukrainians
    for d_name, demonym in list(demonyms.items()):
        if demonym and not demonym.endswith(("sh", "ch", "ese", "s")):
            variants.setdefault(fold(demonym) + "s", d_name)
    variants = {k: _CURRENT_NAMES.get(v, v) for k, v in variants.items()}
    capitals = {k: _CURRENT_NAMES.get(v, v) for k, v in capitals.items()}
    codes = {k: _CURRENT_NAMES.get(v, v) for k, v in codes.items()}
    for old, new in _CURRENT_NAMES.items():
        if old in demonyms:
            demonyms.setdefault(new, demonyms[old])
    return variants, demonyms, capitals, codes


def country_for_code(code: str) -> str | None:
    """'UA' -> 'Ukraine'."""
    return _tables()[3].get(code.upper())


def country_of_word(word: str, capitals: bool = True) -> str | None:
    """The country a single word names ('Azerbaijani', 'Turkey’s', and 'Moscow' unless
    ``capitals`` is false), or None."""
    w = word.removesuffix("’s").removesuffix("'s").strip(',;:()"“”')
    if w.endswith(("s'", "s’")):
        w = w[:-1]  # "the Philippines' national security adviser"
    if w.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", w):
        w = w[:-1]
    if not w or not w[0].isupper():
        return None
    tables = _tables()
    return tables[0].get(fold(w)) or (tables[2].get(fold(w)) if capitals else None)


def country_in(phrase: str) -> str | None:
    """The first country named in a phrase, single- or multi-word ('United States')."""
    if not phrase:
        return None
    variants = _tables()[0]
    words = re.findall(r"[\w.’'\-]+", phrase)
    for size in (5, 4, 3, 2):  # the longest name first: "Democratic Republic of the Congo"
        for i in range(len(words) - size + 1):
            chunk = " ".join(w.removesuffix("’s").removesuffix("'s") for w in words[i : i + size])
            if chunk[:1].isupper() and fold(chunk) in variants:
                return variants[fold(chunk)]
    content = [w for w in words if fold(w) not in {"the", "a", "an"}]
    for w in words:
        c = country_of_word(w, capitals=len(content) == 1)
        if c:
            return c
    return None


def demonym_for(name: str) -> str | None:
    """'Turkey' -> 'Turkish' (for canonical organisation names)."""
    country = _tables()[0].get(fold(name))
    if country is None or fold(name) in _AMBIGUOUS - {"turkey", "china"}:
        return None
    demonym = _tables()[1].get(country)
    return demonym or None


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's own name ('United States', 'Turkey')."""
    return _tables()[0].get(fold(name)) == name


def is_country_word(word: str) -> bool:
    return country_of_word(word) is not None
