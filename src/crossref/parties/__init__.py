"""Parties: the side a speaker speaks for.

Inference reads the speaker's name, role and the phrase that carried it for a state
(country names, demonyms and capitals from the countryinfo package), then a table of
well-known public figures shipped with crossref (``data/figures.toml``), then the
sentence that introduced a person. Organisations that are not states are their own
party. Users override all of this with a parties file and ``crossref parties``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from crossref.datacache import cached
from crossref.parties import countries
from crossref.parties.countries import fold
from crossref.words import DETERMINERS, GENERIC_GROUPS, words

if TYPE_CHECKING:
    from crossref.extract.speakers import Resolved

# Organisations that are not states but are often quoted as sides of an incident.
_GENERIC = (
    GENERIC_GROUPS
    | words("reports report statement source official witness resident analyst expert observer")
    | words("polls poll survey study data")
)
GENERIC_ORG_WORDS = words(
    """
    foreign defence defense interior justice health transport and infrastructure emergency emergencies
    economy finance trade border national security coast guard regional state military armed general
    joint central federal ministry department office army navy forces force government administration
    agency authority authorities police port mission command service services council committee
    spokesperson affairs internal home energy group commission alliance movement organisation
    organization coalition front union bloc party company firm body newspaper paper broadcaster
    channel network outlet website agency magazine daily bank news village town city municipal local
    district provincial
    """
)
"""Words of an organisation's name that do not say whose it is ('Defence Ministry')."""
_US_PARTIES = {
    "republican": "Republicans",
    "republicans": "Republicans",
    "gop": "Republicans",
    "democrat": "Democrats",
    "democrats": "Democrats",
    "democratic": "Democrats",
}


@lru_cache(maxsize=1)
def _figures_file() -> dict[str, Any]:
    """data/figures.toml, read once, when first needed (parsed once per version of the file:
    the parse is kept in the user cache, as parsing it takes longer than a `crossref compare`)."""
    from importlib import resources

    source = resources.files("crossref").joinpath("data/figures.toml")

    def parse() -> dict[str, Any]:
        import tomllib

        return tomllib.loads(source.read_text(encoding="utf-8"))

    return cast(dict[str, Any], cached("figures", None, 1, parse, files=[str(source)]))


@lru_cache(maxsize=1)
def known_figures() -> dict[str, str]:
    """Folded person name (and surname-less variants) -> country, from data/figures.toml."""
    table = _figures_file()
    out: dict[str, str] = {}
    for country, names in table.get("figures", {}).items():
        for name in names:
            out[fold(name)] = country
    return out


@lru_cache(maxsize=1)
def _figures_by_surname() -> dict[str, list[tuple[str, str]]]:
    """Folded last word of each known figure's name -> (name as written, country)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for country, names in _figures_file().get("figures", {}).items():
        for name in names:
            index.setdefault(fold(name).split()[-1], []).append((name, country))
    return index


def figure_by_surname(surname: str) -> str | None:
    """The full name of the one known figure with this surname ('Putin' -> 'Vladimir
    Putin'), as data/figures.toml writes it; None when none or several bear it."""
    key = fold(surname)
    if len(key) < 5 or " " in key:
        return None
    found = [name for name, _ in _figures_by_surname().get(key, []) if len(name.split()) > 1]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=65536)
def figure_country(name: str) -> str | None:
    """The country of the known figure ``name`` names (in full, by first and last name, or
    by a surname only one country's figures bear), else None."""
    key = fold(name)
    figures = known_figures()
    if key in figures:
        return figures[key]
    # "Recep Tayyip Erdogan" vs "Tayyip Erdogan": match on first+last words
    parts = key.split()
    if len(parts) == 1 and len(key) >= 5:
        # a surname alone ("Putin said"), when one country's figures bear it
        found = {country for _, country in _figures_by_surname().get(key, [])}
        return found.pop() if len(found) == 1 else None
    if len(parts) >= 2:
        for full, _ in _figures_by_surname().get(parts[-1], []):
            fp = fold(full).split()
            if fp[0] == parts[0] or parts[0] in fp:
                return figures[fold(full)]
    return None


def is_news_outlet(name: str) -> bool:
    """Whether ``name`` is a news organisation named by one word or two ('Bloomberg')."""
    return fold(name) in _table("media")


def institution_country(name: str) -> str | None:
    """The state an institution named without its country belongs to ('State Department')."""
    return _table("institutions").get(fold(name))


def armed_group(phrase: str) -> str | None:
    """The non-state armed group or movement a phrase names as a whole ('the Houthis',
    'Ansar Allah', 'Hamas'), under its canonical name (data/figures.toml, [groups])."""
    return _table("groups").get(fold(phrase).removeprefix("the "))


def international_organisation(phrase: str) -> str | None:
    """The international organisation a phrase names or mentions ('the UN's humanitarian
    chief' -> 'United Nations'), under its canonical name."""
    return _named_in("organisations", phrase, single=str.isupper)  # single words: UN, EU, NATO


def armed_group_in(phrase: str) -> str | None:
    """The non-state armed group or movement a phrase mentions ('a Hamas spokesman')."""
    return _named_in("groups", phrase, single=lambda word: word[:1].isupper())


def _named_in(section: str, phrase: str, single: Callable[[str], bool]) -> str | None:
    """The canonical name of the first entry of ``section`` the phrase is or mentions
    (longest names first; a one-word name only where ``single`` accepts the word)."""
    table = _table(section)
    key = fold(phrase).removeprefix("the ")
    if key in table:
        return table[key]
    tokens = [t.removesuffix("’s").removesuffix("'s") for t in re.findall(r"[\w.’'\-]+", phrase)]
    # words inside a state's institution are not an entry's: "the National Security Council"
    # is Washington's, not the UN's
    institutions = _table("institutions")
    national: set[int] = set()
    for size in (4, 3, 2):
        for i in range(len(tokens) - size + 1):
            if fold(" ".join(tokens[i : i + size])) in institutions:
                national.update(range(i, i + size))
    for size in (4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            chunk = " ".join(tokens[i : i + size])
            if size == 1 and not single(chunk):
                continue
            found = table.get(fold(chunk))
            if found and not set(range(i, i + size)) <= national:
                return found
    return None


@lru_cache(maxsize=4)
def _table(section: str) -> dict[str, str]:
    return {fold(n): owner for owner, names in _figures_file().get(section, {}).items() for n in names}


def _affiliation_text(phrase: str | None) -> str:
    """A role or name without where it operates: 'chief in Ukraine' -> 'chief'."""
    return re.split(r"\s+(?:in|near|at|on)\s+", phrase or "", maxsplit=1)[0]


def place_in(phrase: str | None) -> str | None:
    """The country of a city a phrase names ('Odesa regional administration', 'Izmail Mayor');
    the longest name first ('New York Times' names New York, not York)."""
    from crossref.gazetteer import place_country

    for run in _CAPITALISED_RUN.finditer(phrase or ""):
        # not an abbreviation ("Sen.", "Gen."): a title, not a town; nor a word that names a
        # body ("Police" is also a town in Poland)
        words = [w.removesuffix("’s").removesuffix("'s") for w in run.group().split()]
        for size in range(min(3, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                chunk = words[i : i + size]
                if size == 1 and (fold(chunk[0]) in GENERIC_ORG_WORDS or fold(chunk[0]) in _NOT_PLACES):
                    continue
                if (
                    size == 1
                    and i == len(words) - 1
                    and i > 0
                    and words[i - 1][:1].isupper()
                    and "-" not in words[i - 1]  # "Kyiv-controlled Odesa", "Russian-occupied Melitopol"
                    and fold(words[i - 1])
                    not in _PLACE_QUALIFIERS  # "North Waziristan", "Greater Manchester"
                    and countries.country_of_word(words[i - 1]) is None
                    and place_country(words[i - 1]) is None
                ):
                    continue  # the last word of a longer name ("Yesh Din"), not a town "Din"
                country = place_country(" ".join(chunk))
                if country:
                    return country
    return None


_PLACE_QUALIFIERS = words(
    "north south east west northern southern eastern western upper lower central greater new old"
)
# capitalised at a sentence's start, and towns somewhere too ("The" is one in Brazil)
_NOT_PLACES = DETERMINERS | words("in on at of for to by with from as and or but mr mrs ms dr")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]*\w\b(?!\.)(?:\s+[A-Z][\w’'\-]*\w\b(?!\.))*")


# "the Russian-installed mayor", "Moscow-backed separatists", "pro-Kremlin bloggers": the
# side that put them there or that they take ("-controlled" is left out: "the exiled mayor of
# the Russian-controlled city" tells where, not whose)
_SIDE_TAKEN = re.compile(
    r"\b([A-Z][\w’']+)-(?:installed|backed|appointed|allied|aligned|sponsored|funded)\b"
    r"|\bpro-([A-Z][\w’']+)",
    re.I,
)


_RUN_BY = re.compile(r"\b([A-Z][\w’']+)-(?:run|led)\b")  # a body run by a side: "the Hamas-run ministry"


def side_taken(phrase: str | None) -> str | None:
    """The country or armed group a phrase says someone was installed, backed or run by, or
    is for ("Russian-installed", "the Hamas-run health ministry", "pro-Kremlin")."""
    phrase = phrase or ""
    own = re.split(r"\s(?:of|in|for)\s", phrase, maxsplit=1)[0]  # not "the mayor of the Hamas-run city"
    sides = [m.group(1) or m.group(2) for m in _SIDE_TAKEN.finditer(phrase)]
    for word in sides + [m.group(1) for m in _RUN_BY.finditer(own)]:
        side = countries.country_of_word(word) or armed_group(word)
        if side:
            return side
    return None


def infer_party(resolved: Resolved, mention: str | None) -> str | None:
    """The party a resolved speaker speaks for, or None when nothing says."""
    name, kind, role = resolved.name, resolved.kind, resolved.role
    if _joins_sides(mention):
        return None  # "Armenia and Azerbaijan accused each other": no one side speaks
    taken = side_taken(role) or side_taken(mention)
    if taken:
        return taken
    if kind != "organisation":
        for source in (role, mention):
            for word in fold(source or "").replace("-", " ").replace("(", " ").split():
                if word in _US_PARTIES:
                    return _US_PARTIES[word]
    if kind == "person":
        own = _affiliation_text(role)
        return (
            _first_side(own)
            or _first_side(_affiliation_text(mention))
            or (infer_party(resolved.principal, None) if resolved.principal else None)
            or (figure_country(name) if name and not resolved.private else None)
            or (
                org_party(resolved.affiliation, resolved.affiliation_country)
                if resolved.affiliation
                else None
            )
            or _possessor_country(own)  # "Lula's special adviser": Lula's, not a town's
            or place_in(own)
            or resolved.seat_country  # "the regional governor" of a place the sentence names
        )
    if kind == "organisation" and name:
        members = {"democrats", "republicans"} & set(fold(name).split())
        if len(members) == 1:  # "Democrats on Capitol Hill"; not "the Democratic Republic of Congo"
            return _US_PARTIES[members.pop()]
        return org_party(name, resolved.country) or (
            infer_party(resolved.principal, None) if resolved.principal else None
        )
    return (
        countries.country_in(_affiliation_text(mention))
        or international_organisation(mention or "")
        or armed_group_in(mention or "")
        or resolved.country
        or (international_organisation(name) if name and kind == "group" else None)  # "the ministers"
    )


def party_kind(name: str) -> str:
    """'state' for a country, 'group' for US political parties, else 'organisation'."""
    if name in _US_PARTIES.values():
        return "group"
    return (
        "state"
        if countries.country_of_word(name, capitals=False) or countries.is_country_name(name)
        else "organisation"
    )


_POSSESSOR = re.compile(r"(.+?)['’]s\s+\w+(?:\s+\w+){0,2}$")  # "Zelensky's chief of staff"


def org_party(name: str, country: str | None = None) -> str | None:
    """The party of an organisation: the state it belongs to, or itself if it is not a
    state body (a generic name such as 'the Foreign Ministry' says nothing)."""
    return (
        international_organisation(name)
        or armed_group(name)
        or armed_group_in(name)  # "the paramilitary Rapid Support Forces"
        or _possessor_country(name)  # "Zelensky's office"
        or institution_country(name)
        or _news_outlet_party(name)
        or _academic_party(name)
        or _insurgent_party(name)
        or country
        or _capital_after_in(name)
        or place_in(_affiliation_text(name))
        or _own_party(name)
    )


# a university or institute named in full: "Kyiv School of Economics", "University of Lagos"
ACADEMIC_BODY = re.compile(
    r"(?:[A-Z][\w’'.\-]*\s+){0,4}(?:University|College|Institute|School|Academy)"
    r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w’'.\-]*){1,4}){0,2}"
)


def _academic_party(name: str) -> str | None:
    """A university or research institute speaks for itself, not for the state or town it is
    in ("the University of Notre Dame" is no side of a war the United States is in)."""
    found = ACADEMIC_BODY.search(name)
    return found.group() if found else None


# the name of an armed movement that fights a state, whose name the movement often carries:
# "Myanmar National Democratic Alliance Army", "Sudan People's Liberation Army"
_INSURGENT_NAME = re.compile(
    r"\b(?:Liberation|Independence|Democratic Alliance|Revolutionary|Resistance|Salvation|Free|Rebel)\b"
    r".*\b(?:Army|Front|Movement|Forces|Brigades?|Organi[sz]ation)\b"
)


def _insurgent_party(name: str) -> str | None:
    """An armed movement against a state is its own side, though it bears the state's name."""
    bare = _without_the(name)
    return bare if _INSURGENT_NAME.search(bare) and bare[:1].isupper() else None


def _news_outlet_party(name: str) -> str | None:
    """A news organisation is its own party ("The Washington Post", not Washington's)."""
    bare = _without_the(name)
    return bare if is_news_outlet(bare) else None


def _without_the(name: str) -> str:
    """A name without its leading article: "The Washington Post" -> "Washington Post"."""
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I)


def _possessor_country(role: str) -> str | None:
    """The country of the known figure whose office or aide a phrase names ("Zelensky's office",
    "Lula's special adviser")."""
    owner = _POSSESSOR.match(role)
    if owner is None:
        return None
    from crossref.extract.lexicon import TITLES

    names = owner.group(1).split()
    while len(names) > 1 and fold(names[0]) in TITLES:
        names = names[1:]  # "Prime Minister Benjamin Netanyahu's office": the name after the title
    return figure_country(" ".join(names))


def _joins_sides(mention: str | None) -> bool:
    """Whether a speaker phrase joins speakers of two sides: "Armenia and Azerbaijan",
    "Sudan's army and the paramilitary Rapid Support Forces", "Russian and Turkish officials"
    (a country named with "and", "Bosnia and Herzegovina", is one side)."""
    if not mention or not re.search(r"\s(?:and|&)\s", mention):
        return False
    whole = countries.country_in(mention)
    if whole is not None and " and " in whole and fold(whole) in fold(mention):
        return False
    sides = {side_taken(part) or _first_side(part) for part in re.split(r"\s+(?:and|&)\s+", mention)}
    return len(sides - {None}) > 1


def _first_side(phrase: str) -> str | None:
    """The country or international organisation a phrase names first: 'UN coordinator for
    Ukraine' speaks for the UN, 'Ukraine's envoy to the UN' for Ukraine."""
    if not phrase:
        return None
    country = countries.country_in(phrase)
    org = international_organisation(phrase) or armed_group_in(phrase)
    if country and org:
        c_at = _position(phrase, country)
        o_at = _position(phrase, org)
        return org if o_at < c_at else country
    return country or org


def _position(phrase: str, name: str) -> int:
    low = fold(phrase)
    for candidate in (name, countries.demonym_for(name) or "", *_acronyms(name)):
        i = low.find(fold(candidate)) if candidate else -1
        if i >= 0:
            return i
    return len(low)


def _acronyms(org: str) -> list[str]:
    return [alias for alias, owner in _table("organisations").items() if owner == org]


def _capital_after_in(name: str) -> str | None:
    """'Foreign Ministry in Bucharest' speaks for Romania: a capital names the government."""
    parts = re.split(r"\s+in\s+", name, maxsplit=1)
    if len(parts) == 2 and len(parts[1].split()) == 1:
        return countries.country_of_word(parts[1], capitals=True)
    return None


def _own_party(org: str | None) -> str | None:
    """A non-state organisation is its own party, unless its name is generic ('officials')."""
    if not org:
        return None
    words = fold(org).split()
    if not words or words[-1] in _GENERIC or all(w in GENERIC_ORG_WORDS for w in words):
        return None
    country = countries.country_of_word(org) if len(words) == 1 else None
    return country or institution_country(org) or org
