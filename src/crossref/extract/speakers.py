"""Speaker resolution within one article.

A speaker phrase as written ("Azerbaijan’s president", "he", "a statement from the
Russian Defense Ministry", "Aliyev") becomes an :class:`Entity` with a canonical name,
a kind (person, organisation, group), a role kept apart from the name, and what the
article says the entity belongs to (a country, an organisation).

Persons are collected from the whole article first, with the titles before their names
("Ukrainian Foreign Ministry spokesman Taras Melnyk") and the appositions after them
("Kenji Morita, press secretary of the Japanese Foreign Ministry,"), so that later
surnames, roles and pronouns resolve to them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from crossref.datelines import match_dateline
from crossref.extract.lexicon import CUE_FORMS, ORG_HEADS, PRONOUNS, ROLE_NOUNS, SPEAKER_NOUNS, TITLES
from crossref.extract.segment import Paragraph
from crossref.gazetteer import is_place, place_country
from crossref.parties import (
    ACADEMIC_BODY,
    armed_group,
    countries,
    figure_by_surname,
    figure_country,
    is_news_outlet,
)
from crossref.words import (
    DETERMINERS,
    GENERIC_GROUPS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    TITLE_ABBREVIATIONS,
    WEEKDAY_NAMES,
    fold,
    words,
)

_PARTICLES = r"(?:de|da|del|van|von|der|bin|al|el|la|le|du|di|ibn)"
_CAP = r"[A-Z][\w’'\-]*\.?"
# an Arabic article or kinship word joined to a family name: "al-Burhan", "bin-Salman"
_PREFIXED = r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|ben)-[A-Z][\w’'\-]*"
_PREFIXED_NAME = re.compile(rf"{_PREFIXED}(?:’s|'s)?")
_NAME_RUN = re.compile(
    rf"(?<![\w’']){_CAP}(?:\s+(?:{_CAP}|{_PREFIXED}|{_PARTICLES}(?=\s+[A-Z])|(?:of|for|and)(?:\s+the)?(?=\s+[A-Z])))+"
)
_NAME_INNER_FUNCTION_WORDS = frozenset({"Without", "For", "Of", "The", "And", "Against", "To", "On", "In"})
# what a person has that speaks for them: "his office said", "her campaign said"
_OWN_BODIES = frozenset(
    {"office", "campaign", "spokesman", "spokeswoman", "spokesperson", "team", "lawyer", "lawyers"}
)
# an apposition that makes a name a non-state body: "an Israeli rights group", "a UK-based war monitor"
_BODY_APPOSITION = re.compile(
    r"(?:an?|the)\s+(?:(?!(?:of|for|in|at|with|from)\s)[\w’'\-]+\s+){0,4}(?:group|organi[sz]ation|monitor|watchdog|charity|NGO|"
    r"think tank|network|coalition|alliance|collective|foundation|initiative|union|association)",
    re.I,
)
_STATE_RUN = re.compile(r"\s*(?:the\s+)?state(?:-run|-owned|-controlled)?\s", re.I)  # "State-run MRTV"
# a capitalised run before one of these is a place or a building, not a person ("the Ta Muen
# Thom temple", "the Zaporizhzhia nuclear plant")
_FACILITY_AFTER = re.compile(
    r"\s+(?:temple|mosque|church|cathedral|monastery|shrine|bridge|airport|airbase|port|province|district|"
    r"region|village|river|dam|hospital|school|university|camp|base|square|street|road|avenue|highway|"
    r"hotel|market|stadium|palace|border|crossing|checkpoint|mountains?|hills?|valley|plant|station|"
    r"refinery|prison|complex|compound|corridor|strait|island|islands|lake|sea|gulf)\b"
)
_PLACE_ARTICLES = frozenset({"El", "Al", "Ad", "Ar", "As", "An", "La", "Le", "Los", "Las", "San", "Santa"})
# "Sudan's ruling Sovereign Council": a country's possessive right before an organisation
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w\-]+)(?:’s|'s)\s+(?:[a-z\-]+\s+){0,2}$")
_STATE_BODY_WORDS = words(
    """
    interior foreign defence defense health justice emergency emergencies ministry ministries
    government police army military navy prosecutor prosecutors general office cabinet presidency
    security service
    """
)
_STATE_FORCES = frozenset({"army", "military", "navy", "police", "forces", "force", "defence", "defense"})
_FRONTED_PLACE = re.compile(r"\s*(?:In|From)\s+(?:neighbouring\s+|neighboring\s+|nearby\s+)?([A-Z][\w\-]+),")
_STATE_BODY = re.compile(
    r"\b([A-Z][\w\-]+(?:’s|'s)?)\s+(?:(?:defen[cs]e|foreign|interior|health|regular|armed)\s+)?"
    r"(?:army|military|navy|ministry|government|police|forces|air force|coast guard)\b"
)
_LOCATIVE_TAIL = re.compile(r"\s+(?:in|near|at)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}$")
_CONNECTOR = re.compile(r"\s+(?:of|for|and)(?:\s+the)?\s+")
_SOURCES = words("source sources official officials")  # "a source in the defence ministry"


def _place_of(located: re.Match[str]) -> str:
    """The place a locative tail names: "in the Hague" -> "Hague", "in Kyiv" -> "Kyiv"."""
    return re.sub(r"^\s*\w+\s+(?:the\s+)?", "", located.group())


_SEATED = words("officials authorities")  # "officials in Kyiv" speak for the government seated there
_ABBREVIATED_TITLES = words("sen rep gen gov col lt maj capt sgt dr prof")


def _ends_a_name(word: str, after: list[str], phrase: list[str]) -> bool:
    """Whether a word spelled like an abbreviated title ends a name instead: last in the
    phrase, after a name, without the period ("Hun Sen", not "Sen." before a name)."""
    return (
        not after
        and len(phrase) > 1
        and fold(word) in _ABBREVIATED_TITLES
        and phrase[-2][:1].isupper()
        and fold(phrase[-2]) not in _DETERMINERS
    )


_SPOKESPERSON_RANKS = words("senior chief deputy")
_COMPOUND_ROLES = frozenset(
    {"chief of staff", "head of state", "head of government", "secretary of state", "minister of state"}
)
_ISSUED = words("released issued published posted signed")  # "a statement released by the ministry"
_PLACE_OFFICES = words("governor governors mayor mayors head chief leader administrator prefect")
_SPOKES = words(
    """
    spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen official officials statement
    statements representative representatives source sources aide aides adviser advisers advisor member
    members head chief leader report release briefing communique document letter memo secretary minister
    director commander envoy ambassador chairman chair president governor mayor press lawyer attorney
    analyst analysts expert experts
    """
)
_DETERMINERS = DETERMINERS
_GENERIC_GROUPS = GENERIC_GROUPS
_GENDER_WORDS = {
    "mr": "male",
    "mr.": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "sir": "male",
    "lady": "female",
    "king": "male",
    "queen": "female",
    "spokesman": "male",
    "spokeswoman": "female",
    "congressman": "male",
    "congresswoman": "female",
    "chairman": "male",
    "chairwoman": "female",
    "prince": "male",
    "princess": "female",
    "businessman": "male",
    "businesswoman": "female",
}
_NON_NAME_CAPS = (
    words("by the a an but and in on at he she they it we i this that there when while after before as if")
    | words("for with mr mrs ms dr president minister our his her their its my")
    | words("later earlier meanwhile then now still however also instead afterwards yesterday today")
    | WEEKDAY_NAMES
    | (MONTH_NAMES - {"may"})
    | (MONTH_ABBREVIATIONS - {"mar", "jun", "jul", "sep", "apr"})
)
# Words that make a capitalised run an outlet or an organisation rather than a person.
_ORG_NAME_WORDS = ORG_HEADS | {
    "relations",
    "wing",
    "wire",
    "telegraph",
    "herald",
    "chronicle",
    "gazette",
    "daily",
    "ledger",
    "courier",
    "dispatch",
    "observer",
    "review",
    "mirror",
    "express",
    "independent",
    "journal",
    "times",
    "post",
    "news",
    "horizon",
    "radio",
    "tv",
    "television",
    "broadcasting",
    "press",
    "media",
    "online",
    "weekly",
    "magazine",
    "street",
    "avenue",
    "square",
    "bridge",
    "river",
    "sea",
    "ocean",
    "island",
    "islands",
    "shoal",
    "strait",
    "gulf",
    "port",
    "airport",
    "city",
    "county",
    "province",
    "district",
    "region",
    "state",
    "states",
    "republic",
    "kingdom",
    "union",
    "nations",
    "games",
    "cup",
    "day",
    "treaty",
    "accord",
    "act",
    "law",
    "bill",
    "plan",
    "program",
    "programme",
    "museum",
    "hotel",
    "hall",
    "stadium",
    "hospital",
    "school",
    "college",
    "university",
    "institute",
    "delta",
    "valley",
    "mountains",
    "mountain",
    "lake",
    "bay",
    "coast",
    "peninsula",
    "desert",
    "canal",
    "basin",
    "first",
    "second",
    "third",
    "last",
    "next",
    "new",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
}
_TITLE_WORDS = {fold_t.rstrip(".") for fold_t in TITLES} | {
    "secretary-general",
    "director-general",
    "attorney-general",
    "governor-general",
    "major-general",
    "lieutenant-general",
    "vice-president",
    "colonel",
    "commodore",
    "brigadier",
    "marshal",
    "senior",
    "press",
    "general",
    "spokeswoman",
}
_ROLE_LEADS = _TITLE_WORDS | ROLE_NOUNS  # words before a name that say what the person is ("Analyst")
# Generic names that refer back to the non-state organisation last named ("the group said").
_NON_STATE_HEADS = frozenset({"group", "movement", "militia", "front", "organisation", "organization"})
_APPOSITION = re.compile(
    r",\s+((?:a|an|the|[a-z][\w\-]*|[A-Z][\w’'\-]*)"
    r"(?:(?:[ \t\u00a0\-]|\r?\n(?![ \t]*\r?\n))+[\w’'\-.]+){0,14}?)[ \t\u00a0]*"  # not across a blank line
    r"(?=,|\s+(?:said|says|told|added|warned|confirmed|denied|claimed|noted|stated)\b"
    # or the end of the sentence: '... said Luis Oquendo, a spokesman for the Front.'
    r"|\.(?:\s|$|[\"”’]))"
)


# an age right after a name: "Ahmed, 45,", "Sara Levi, aged 71," (news gives private people's ages)
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*(?:,|\.|$)")


@dataclass
class Entity:
    name: str
    kind: str  # person, organisation, group
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    affiliation: Entity | None = None
    positions: list[int] = field(default_factory=list)
    principal: Entity | None = None  # whom a spokesperson speaks for
    seat_country: str | None = None  # the country of the place a governor or mayor governs
    private: bool = False  # introduced with an age ("Ahmed, 45,"): no public figure of that name

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.name else ""

    @property
    def surname_keys(self) -> set[str]:
        """The family name as written and without an Arabic article ('al-burhan', 'burhan')."""
        last = self.surname
        prefix, dash, rest = last.partition("-")
        return {last, rest} if dash and _PREFIXED_NAME.fullmatch(self.name.split()[-1]) else {last}

    @property
    def given(self) -> str:
        return fold(self.name.split()[0]) if self.name else ""


@dataclass
class Resolved:
    name: str | None
    kind: str
    role: str | None
    country: str | None
    entity: Entity | None
    affiliation: str | None = None  # the organisation a person speaks for, if the article says
    affiliation_country: str | None = None
    principal: Resolved | None = None  # whom a spokesperson speaks for ("his spokesman")
    seat_country: str | None = None  # the country of the place a governor or mayor governs
    private: bool = False  # a private person, whatever public figure shares the name


class ArticleSpeakers:
    """Entities of one article and the resolution of speaker phrases to them."""

    def __init__(self, text: str, paragraphs: list[Paragraph]) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.family_names: dict[str, Entity] = {}  # folded family name -> latest person bearing it
        self.person_mentions: list[tuple[int, Entity, bool]] = []  # (position, entity, sentence-initial)
        self.org_mentions: list[tuple[int, Entity]] = []
        self.sentence_starts: list[int] = [s.start for p in paragraphs for s in p.sentences]
        self.last_speaker: Entity | None = None
        self._last_source: dict[str, Resolved] = {}  # "source" -> the last "a source in X" resolved
        self._last_group: dict[str, Resolved] = {}  # "ministers" -> the last "G7 foreign ministers"
        self._paragraph_starts = [p.start for p in paragraphs[:4]]
        self._scan_names(paragraphs)

    @cached_property
    def home_country(self) -> str | None:
        """The country the story is set in, when two signs agree: the city of its dateline
        ("TBILISI, Dec 1 (Wire) -") lies in it, and it is the country the text names most. A
        state body named without its country ("the interior ministry said") is that country's.
        A story filed elsewhere (DUBAI for Iran, NAIROBI for Sudan) names another country most."""
        dateline = next(
            (m for m in (match_dateline(self.text, at) for at in self._paragraph_starts) if m), None
        )
        if dateline is None:
            return None
        cities = re.split(r"[/,(]", self.text[dateline.start() : dateline.end()])[0].split("/")
        filed = {countries.country_of_word(c.strip().title()) or place_country(c.strip()) for c in cities}
        if len(filed) != 1 or None in filed:
            return None  # "BEIRUT/JERUSALEM": two sides' capitals
        named: Counter[str] = Counter()
        for m in re.finditer(r"\b[A-Z][a-z][\w’'\-]+", self.text):
            country = countries.country_of_word(m.group(), capitals=False)
            if country:
                named[country] += 1
        top = named.most_common(2)
        if not top or (len(top) > 1 and top[0][1] == top[1][1]):
            return None
        return top[0][0] if top[0][0] in filed else None

    # -- names in the text -------------------------------------------------------------
    def _scan_names(self, paragraphs: list[Paragraph]) -> None:
        """Register every person named in full and every organisation named, with roles."""
        for p in paragraphs:
            # "Sudan's army", "the Israeli military": a state body named without capitals,
            # which "the army" / "the military" later refer back to
            for m in _STATE_BODY.finditer(self.text, p.start, p.end):
                if countries.country_of_word(m.group(1)):
                    ent = self._org_entity(m.group(0), m.start())
                    self.org_mentions.append((m.start(), ent))
        for p in paragraphs:
            for m in _NAME_RUN.finditer(self.text, p.start, p.end):
                for offset, run in _split_at_sentence_ends(m.group()):
                    if len(run.split()) >= 2:
                        self._register_run(m.start() + offset, run)
        for p in paragraphs:
            # surnames alone ("Aliyev said") count as mentions of known persons
            for m in re.finditer(r"\b[A-Z][\w’'\-]+", self.text[p.start : p.end]):
                pos = p.start + m.start()
                word = m.group().removesuffix("’s").removesuffix("'s")
                group = armed_group(word)
                if group is not None:  # "Hamas", "Hezbollah": what "the group" may refer to later
                    self.org_mentions.append((pos, self._org_entity(group, pos)))
                    continue
                person = self._known_person(word, pos)
                if person is not None and person.positions and person.positions[0] < pos:
                    self.person_mentions.append((pos, person, self._sentence_initial(pos)))
        self.person_mentions.sort(key=lambda x: x[0])
        self.org_mentions.sort(key=lambda x: x[0])

    def _register_run(self, start: int, run: str) -> None:
        if _CONNECTOR.search(run):
            # "Ministry of Defence of the Republic of Azerbaijan"; "Secretary of State John Kerry"
            if any(_bare(w) in ORG_HEADS for w in run.split()):
                ent = self._org_entity(run.removesuffix("’s").removesuffix("'s"), start)
                self.org_mentions.append((start, ent))
            last = list(_CONNECTOR.finditer(run))[-1]
            start, run = start + last.end(), run[last.end() :]
            if len(run.split()) < 2:
                return
        words = run.split()
        lead: list[str] = []
        while (
            words
            and figure_country(" ".join(words).removesuffix("’s").removesuffix("'s")) is None
            and (
                fold(words[0]).rstrip(".") in _TITLE_WORDS
                or countries.country_of_word(words[0])
                or fold(words[0]) in _NON_NAME_CAPS
                or _bare(words[0]) in ORG_HEADS
                or (
                    len(words) > 2
                    and is_place(_bare(words[0]))
                    and (fold(words[1]).rstrip(".") in _TITLE_WORDS or _bare(words[1]) in ORG_HEADS)
                )  # "Odesa Mayor X", not "Vladimir Padrino" (Vladimir is a town too)
                or (len(words) > 2 and words[0].isupper() and len(words[0]) > 1)  # "NATO Secretary General X"
            )
        ):
            lead.append(words.pop(0))
        if words and not lead and not any(_bare(w) in ORG_HEADS for w in words):
            appos = self._apposition_after(start + len(run))
            if appos and _BODY_APPOSITION.fullmatch(appos):
                # "Yesh Din, an Israeli rights group": a body speaking for itself, not a person
                name = run.removesuffix("’s").removesuffix("'s")
                self.org_mentions.append((start, self._org_entity(name, start)))
                return
        facility = _FACILITY_AFTER.match(self.text, start + len(run))
        if len(words) >= 2 and self._looks_like_person(words) and facility is None:
            name = " ".join(words).removesuffix("’s").removesuffix("'s")
            pos = start + run.find(words[0], len(" ".join(lead)))
            role = self._role_before(pos, lead) or None
            appos = self._apposition_after(pos + len(name))
            if appos:
                role = f"{role}, {appos}" if role else appos
            ent = self._person(name, role, pos)
            if appos and appos not in (ent.role or ""):
                ent.role = f"{ent.role}, {appos}" if ent.role else appos
            self._attach(ent, appos)
            self.person_mentions.append((pos, ent, self._sentence_initial(pos)))
            return
        if any(_bare(w) in ORG_HEADS for w in run.split()):
            run = run.removeprefix("The ").removeprefix("A ")
            ent = self._org_entity(run.removesuffix("’s").removesuffix("'s"), start)
            self.org_mentions.append((start, ent))
            owner = _OWNER_BEFORE.search(self.text, max(0, start - 40), start)
            if ent.country is None and owner is not None:
                ent.country = countries.country_of_word(owner.group(1))

    def _role_before(self, pos: int, lead: list[str]) -> str:
        """Title words right before a name ('Ukrainian Foreign Ministry spokesman')."""
        sent = self._sentence_start_near(pos)
        lo = sent[0] if sent else 0
        before = self.text[lo:pos]
        titled = before
        if lead and titled.rstrip().endswith(" ".join(lead)):  # "A military spokesman, Lt. Col. X"
            titled = titled.rstrip()[: -len(" ".join(lead))]
        appositive = re.search(r"(?:^|,\s+)((?:[\w’'\-.]+\s+){1,6}?[\w’'\-.]+),\s+$", titled)
        if appositive:
            # "A NATO spokesperson, Allison Hart, said": the role stands before the name
            phrase = appositive.group(1)
            if any(_bare(w) in ROLE_NOUNS | _SPOKES for w in phrase.split()):
                return phrase
        m = re.search(r"((?:[\w’'\-.]+\s+){1,7})$", before)
        if not m:
            return " ".join(lead)
        words = m.group(1).split()
        keep: list[str] = []
        for w in reversed(words):
            fw = _bare(w)
            if (
                w.endswith((",", ";", ":"))
                or fw in _DETERMINERS
                or (
                    w[0].islower()
                    and fw not in ROLE_NOUNS
                    and fw not in ORG_HEADS
                    and fw not in _TITLE_WORDS
                    and fw
                    not in {
                        "foreign",
                        "defence",
                        "defense",
                        "press",
                        "deputy",
                        "senior",
                        "coast",
                        "guard",
                        "policy",
                        "state",
                        "regional",
                        "provincial",
                        "local",
                        "municipal",
                        "town",
                        "city",
                        "county",
                        "district",
                        "village",
                        "humanitarian",
                    }
                )
            ):
                break
            keep.insert(0, w)
        role = " ".join(keep).strip()
        has_role = any(_bare(w) in ROLE_NOUNS | _TITLE_WORDS | ORG_HEADS for w in keep)
        return role if has_role else " ".join(lead)

    def _apposition_after(self, end: int) -> str | None:
        """', a Philippine coast guard spokesman,' right after a name."""
        m = _APPOSITION.match(self.text, end)
        if m is None:
            return None
        phrase = m.group(1).strip()
        words = [_bare(w) for w in phrase.split()]
        if any(w in CUE_FORMS and w not in ROLE_NOUNS | _SPOKES for w in words[:3]):
            # "Peter Lerner, told reporters ...", "X, bluntly suggested that ...": the verb
            return None
        if len(words) > 14 or not any(
            w in ROLE_NOUNS | ORG_HEADS | _SPOKES or countries.country_of_word(o)
            for w, o in zip(words, phrase.split(), strict=False)
        ):
            return None
        return phrase

    def _attach(self, ent: Entity, role: str | None) -> None:
        """Country and organisation a person's role names ('spokesman for the coast guard')."""
        if not role:
            return
        ent.country = ent.country or countries.country_in(role)
        for w in role.split():
            g = _GENDER_WORDS.get(fold(w))
            if g:
                ent.gender = ent.gender or g
        if ent.affiliation is None:
            org = self._org_in_phrase(role, ent.positions[0] if ent.positions else 0)
            if org is not None:
                ent.affiliation = org
                ent.country = ent.country or org.country

    def _org_in_phrase(self, phrase: str, pos: int) -> Entity | None:
        """The organisation a role phrase names: 'press secretary of the Japanese Foreign
        Ministry', 'head of the mission', 'ministry spokesman', 'a Philippine coast guard spokesman'."""
        words = phrase.split()
        low = [_bare(w) for w in words]
        # the last preposition before the body: "professor of law at the University of Lagos"
        for i, w in reversed(list(enumerate(low))):
            if w in {"of", "for", "at", "to"} and i + 1 < len(words):
                rest = [x for x in words[i + 1 :] if fold(x) not in _DETERMINERS]
                if rest and any(_bare(x) in ORG_HEADS for x in rest):
                    return self._org_entity(" ".join(rest), pos, refer=True)
        heads = [i for i, w in enumerate(low) if w in ORG_HEADS]
        if heads:
            k = heads[-1]
            j = k
            while j > 0 and (
                words[j - 1][0].isupper()
                or low[j - 1] in ORG_HEADS | {"coast", "foreign", "defence", "defense"}
            ):
                j -= 1
            return self._org_entity(" ".join(words[j : k + 1]), pos, refer=True)
        return None

    def _sentence_initial(self, pos: int) -> bool:
        return any(self.text[s:pos].strip() == "" for s in self._sentence_start_near(pos))

    def _sentence_start_near(self, pos: int) -> list[int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return [self.sentence_starts[i]] if i >= 0 else []

    def _looks_like_person(self, words: list[str]) -> bool:
        whole = " ".join(words).removesuffix("’s").removesuffix("'s")
        if figure_country(whole) is not None:
            return True  # "Israel Katz", a known figure whatever his first name is
        if any(_bare(w) in _ORG_NAME_WORDS for w in words):
            return False
        if any(w in _NAME_INNER_FUNCTION_WORDS for w in words):
            return False  # "Doctors Without Borders", "Committee to Protect Journalists"
        if words[0] in _PLACE_ARTICLES and is_place(" ".join(words).removesuffix("’s").removesuffix("'s")):
            return False  # "El Fasher", "Al Hudaydah": a town, not a person
        if any(countries.country_of_word(w) for w in words):
            return False
        if is_place(whole):
            return False  # "Phnom Penh", "Buenos Aires"
        if any(w.isupper() and len(w) > 1 for w in words):
            return False
        return not any(fold(w) in _NON_NAME_CAPS for w in words[1:])

    def _known_person(self, word: str, pos: int) -> Entity | None:
        """The latest person whose family name is ``word``."""
        return self.family_names.get(fold(word))

    def _person(self, name: str, role: str | None, pos: int, *, private: bool = False) -> Entity:
        """The person named ``name`` (one met before, else a new one); a surname alone is a
        known figure's ("Putin") unless the person is ``private``."""
        key = fold(name)
        for ent in self.entities:
            if ent.kind == "person" and (
                fold(ent.name) == key
                or (
                    len(name.split()) == 1
                    and (key in ent.surname_keys or ent.given == key and _surname_first(ent.name))
                )
            ):
                if role and not ent.role:
                    ent.role = role
                    self._attach(ent, role)
                ent.positions.append(pos)
                return ent
        if len(name.split()) == 1:
            # "Anwar" after "Anwar Ibrahim", "Paetongtarn" after "Paetongtarn Shinawatra": Malay,
            # Indonesian and Thai names are shortened to the given name
            given = [
                e
                for e in self.entities
                if e.kind == "person" and len(e.name.split()) in (2, 3) and e.given == key
            ]
            if len(given) == 1:
                given[0].positions.append(pos)
                return given[0]
            if not private:
                name = figure_by_surname(name) or name  # "Putin", never named in full here
        ent = Entity(name, "person", role, None, None, None, [pos], private=private)
        self.entities.append(ent)
        for key in ent.surname_keys:
            self.family_names[key] = ent
        if len(name.split()) == 2 and _surname_first(name):
            self.family_names[ent.given] = ent  # Zhao Mingyu is "Zhao"
        self._attach(ent, role)
        return ent

    def _org_entity(self, name: str, pos: int, refer: bool = False) -> Entity:
        """The organisation named ``name``; with ``refer``, a generic name ('the ministry',
        'coast guard') refers back to the latest organisation it abbreviates."""
        canonical = _canonical_org(name)
        key = fold(canonical)
        for ent in self.entities:
            other = fold(ent.name)
            if ent.kind == "organisation" and (
                other == key or key.startswith(other + " in ") or other.startswith(key + " in ")
            ):
                ent.positions.append(pos)
                return ent
        generic = all(w[:1].islower() or _bare(w) in ORG_HEADS | _FUNCTION_WORDS for w in canonical.split())
        if (refer or canonical[:1].islower()) and generic:
            back = self._org_by_suffix(key, pos)
            if back is None and key.split()[-1] in _NON_STATE_HEADS:
                back = self._latest_non_state_org(pos, key.split()[-1])  # "the group" last named
            if back is not None:
                back.positions.append(pos)
                return back
        ent = Entity(canonical, "organisation", None, _org_country(canonical), None, None, [pos])
        self.entities.append(ent)
        return ent

    def _latest_non_state_org(self, pos: int, head: str) -> Entity | None:
        """The organisation named last before ``pos`` that is no state body (no country) and
        has a proper name ('Southern Cordillera Front', 'Hamas'); for "the group" or "the
        militia" not an international organisation (the Red Cross is "the organisation")."""
        from crossref.parties import international_organisation

        best: Entity | None = None
        best_pos = -1
        for ent in self.entities:
            if ent.kind != "organisation" or ent.country is not None or not ent.name[:1].isupper():
                continue
            if head not in ("organisation", "organization") and international_organisation(ent.name):
                continue
            last = max((p for p in ent.positions if p < pos), default=-1)
            if last > best_pos:
                best, best_pos = ent, last
        return best

    def _org_by_suffix(self, key: str, pos: int) -> Entity | None:
        best: Entity | None = None
        best_pos = -1
        for ent in self.entities:
            if ent.kind != "organisation":
                continue
            name = fold(ent.name)
            if name.endswith(key) or _heads_with(name.split(), key.split()[-1]):
                last = max((p for p in ent.positions if p <= pos), default=-1)
                if last > best_pos:
                    best, best_pos = ent, last
        return best

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Resolved:
        """The entity a speaker phrase (``text[start:end]``) refers to."""
        words = [_bare(w) for w in self.text[start:end].split()]
        if len(words) == 2 and words[0] == "the" and words[1] in _SOURCES and words[1] in self._last_source:
            return self._last_source[words[1]]  # "the source": the one described before
        if len(words) == 2 and words[0] in {"his", "her"} and words[1] in _OWN_BODIES:
            owner = self._last_person_before(start, None)
            if owner is not None:  # "..., his office said": the office of the person named before
                resolved = self._as_resolved(owner)
                return Resolved(
                    f"{owner.name}’s {words[1]}",
                    "organisation",
                    None,
                    owner.country,
                    None,
                    principal=resolved,
                )
        if len(words) == 2 and words[0] in {"its", "their"} and words[1] in _SPOKES:
            body = self._resolve_pronoun("it" if words[0] == "its" else "they", start)
            if body is not None and body.kind != "person":  # "Its spokesperson": the body named before
                return Resolved(
                    f"{body.name} {words[1]}", "person", words[1], body.country, None,
                    body.name, body.country,
                )  # fmt: skip
        found = self._resolve(start, end)
        if (
            found.country is None
            and found.entity is not None
            and self._state_body(found)
            and self.home_country is not None  # read once an article needs it
        ):
            found.country = self.home_country  # "the interior ministry said", in a TBILISI story
            if found.kind == "organisation" and found.entity.country is None:
                found.entity.country = found.country
            elif found.kind == "person" and found.entity.seat_country is None:
                found.entity.seat_country = found.seat_country = found.country
        if (
            found.kind in ("organisation", "group")
            and found.country is None
            and _STATE_RUN.match(self.text, start, end)
            and self.home_country is not None
        ):
            found.country = self.home_country  # "State-run MRTV television said", in a YANGON story
        if found.kind == "organisation" and found.country is None and found.name and found.name[:1].isupper():
            fronted = self._fronted_country(start)
            if fronted is not None:  # "In neighbouring Moldova, the Interior Ministry said"
                found.country = fronted
                if found.entity is not None and found.entity.country is None:
                    found.entity.country = fronted
        if len(words) > 2 and words[0] in {"a", "an", "one"} and words[1] in _SOURCES and found.country:
            self._last_source[words[1]] = found  # "A source in Ukraine's SBU security service"
        ent = found.entity
        if ent is not None and ent.kind == "person" and ent.country is None:
            if ent.principal is None:
                ent.principal = self._principal(ent, self.text[start:end], start)
            if ent.principal is not None:  # "..., his spokesman Stephane Dujarric said"
                found.principal = self._as_resolved(ent.principal)
                return found
            body = self._body_referred_to(ent, start)
            if body is not None:  # "A military spokesman, Peter Lerner": the military named before
                ent.affiliation, ent.country = body, body.country
                return self._as_resolved(ent)
            if ent.seat_country is None:
                ent.seat_country = self._seat_country(ent.role or "", start, *ent.positions[:1])
            if ent.seat_country is not None:  # "... in Russia's Bryansk region, the regional governor said"
                return self._as_resolved(ent)
        return found

    def _seat_country(self, role_text: str, *positions: int) -> str | None:
        """The country of the town or region a governor or mayor named without one governs:
        the first gazetteer place of the sentence that names them, when that sentence also
        names its country ("in Russia's Bryansk region"; a bare "Chelsea" is too ambiguous)."""
        from crossref.parties import place_in

        role = {w.strip(",.") for w in fold(role_text).split()}
        if not role & {"governor", "gov", "mayor"} or role & {"central", "bank", "reserve"}:
            return None
        for at in positions:
            sentence = self._sentence_start_near(at)
            if not sentence:
                continue
            end = next((s for s in self.sentence_starts if s > sentence[0]), len(self.text))
            # a dateline tells where the story was filed, not where they govern
            dateline = match_dateline(self.text, sentence[0], end)
            text = self.text[dateline.end() if dateline else sentence[0] : end]
            found = place_in(text)
            if found is not None and (
                any(countries.country_of_word(w) == found for w in text.split())
                or found == self.home_country  # "In the Lviv region, Gov. X said", in a Kyiv story
            ):
                return found
        return None

    @staticmethod
    def _state_body(found: Resolved) -> bool:
        """Whether a resolved speaker is a state body named without its state ("the interior
        ministry") or a person holding a state office in one ("Deputy Interior Minister X")."""
        if found.kind == "organisation":
            words = fold(found.name or "").split()
            return bool(words) and all(w in _STATE_BODY_WORDS for w in words)
        if found.kind == "person" and found.entity is not None and found.entity.affiliation is None:
            role = set(fold(found.role or "").replace(".", "").split())
            return bool(role & {"minister", "ministry", "interior", "police", "army", "prosecutor"})
        return False

    def _fronted_country(self, pos: int) -> str | None:
        """The country a phrase opening the sentence at ``pos`` puts it in: "In neighbouring
        Moldova, ...", "In Kyiv, ..." (a capital stands for its country)."""
        sentence = self._sentence_start_near(pos)
        if not sentence:
            return None
        m = _FRONTED_PLACE.match(self.text, sentence[0], pos)
        return countries.country_of_word(m.group(1)) if m else None

    def _principal(self, ent: Entity, phrase: str, pos: int) -> Entity | None:
        """The person a spokesperson's "his"/"her" points to ("his spokesman Stephane
        Dujarric"): the last other person named before ``pos``."""
        words = [_bare(w) for w in phrase.split()[:4]]
        if len(words) < 2 or words[0] not in {"his", "her"} or not set(words[1:]) & _SPOKES:
            return None
        return self._last_person_before(pos, ent)

    def _last_person_before(self, pos: int, other_than: Entity | None) -> Entity | None:
        """The person "his"/"her" at ``pos`` points to: the first named earlier in its sentence
        (its subject: "Kagame told Rubio ..., his office said"), else the last named before."""
        sentence = self._sentence_start_near(pos)
        before = [(p, e) for p, e, _ in self.person_mentions if p < pos and e is not other_than]
        here = [e for p, e in before if sentence and p >= sentence[0]]
        if here:
            return here[0]
        return before[-1][1] if before else None

    def _body_referred_to(self, ent: Entity, pos: int) -> Entity | None:
        """The organisation named before ``pos`` that a person's role points back to: 'its
        spokesman' (the last one named), 'a military spokesman' (the last military named);
        None when the role names a body of its own, or none was named."""
        role = fold(ent.role or "").split()
        spoke = self.last_speaker
        if (
            ent.affiliation is None
            and "minister" in role
            and spoke is not None
            and spoke.kind == "organisation"
            and spoke.country is not None
            and _bare(spoke.name.split()[-1]) in {"government", "ministry", "cabinet", "presidency"}
        ):
            return spoke  # "Congo's government accused ... Communications Minister Patrick Muyaya said"
        bare_spokesperson = (
            ent.affiliation is None
            and bool(role)
            and all(
                w in _SPOKES or w in _DETERMINERS or w in _SPOKESPERSON_RANKS or w.rstrip(".") in _TITLE_WORDS
                for w in role
            )
        )
        spoke_as_body = spoke is not None and spoke.kind == "organisation" and spoke.name[:1].isupper()
        if bare_spokesperson and spoke_as_body:
            return spoke  # "China's coast guard said ... Spokesperson Gan Yu said"
        if bare_spokesperson:
            # "Cambodia's defence ministry gave a different account. Spokesperson Maly Socheata said"
            i = bisect.bisect_right(self.sentence_starts, pos) - 1
            since = self.sentence_starts[i - 1] if i >= 1 else 0
            named = [org for at, org in self.org_mentions if since <= at < pos and org.country is not None]
            if named:
                return named[-1]
        if ent.affiliation is not None and ent.affiliation.name[:1].islower():
            key = fold(ent.affiliation.name).split()[-1]  # a generic body: "military", "ministry"
        elif ent.affiliation is None and role[:1] in (["its"], ["their"]):
            key = ""
        else:
            return None
        best: Entity | None = None
        best_pos = -1
        for org in self.entities:
            if org is ent.affiliation or org.kind != "organisation" or not org.name[:1].isupper():
                continue
            if key and not _heads_with(fold(org.name).split(), key):
                continue
            last = max((p for p in org.positions if p < pos), default=-1)
            if last > best_pos:
                best, best_pos = org, last
        if (
            best is None
            and key in _STATE_FORCES
            and spoke is not None
            and spoke.kind == "organisation"
            and spoke.country is not None
        ):
            # "Guyana's Defence Force said ... army chief Brigadier Omar Khan told reporters"
            return spoke
        return best

    def _resolve(self, start: int, end: int) -> Resolved:
        phrase = self.text[start:end].strip()
        role, comma, name = phrase.rpartition(", ")
        if comma and role and name and all(w[:1].isupper() for w in name.split()) and len(name.split()) <= 4:
            # "the mayor of the city, Alexei Kulemzin": the person named, in the role before
            name_start = start + self.text[start:end].rindex(name)
            person = self._resolve(name_start, name_start + len(name)).entity
            if person is not None and person.kind == "person":
                if not person.role:
                    person.role = role
                    self._attach(person, role)
                return self._as_resolved(person)
        words = phrase.split()
        lw = [fold(w) for w in words]
        indefinite = bool(lw) and lw[0] in {"a", "an", "another"}
        while lw and lw[0] in _DETERMINERS and len(lw) > 1:
            words, lw = words[1:], lw[1:]
        if not words:
            return Resolved(None, "unknown", None, None, None)
        if len(lw) == 1 and lw[0] in PRONOUNS:
            return self._as_resolved(self._resolve_pronoun(lw[0], start))
        located = _LOCATIVE_TAIL.search(phrase)
        if located and any(_bare(w) in ORG_HEADS for w in phrase[: located.start()].split()):
            # "the Palestinian health ministry in Gaza": the ministry, wherever it sits
            lead = len(self.text[start:end]) - len(self.text[start:end].lstrip())
            inner = self.resolve(start + lead, start + lead + located.start())
            if inner.country is None:  # "the Foreign Ministry in Bucharest" speaks for Romania
                where = _place_of(located)
                inner.country = countries.country_of_word(where) or place_country(where)
                if inner.entity is not None and inner.entity.country is None:
                    inner.entity.country = inner.country
            return inner
        if located:
            before = phrase[: located.start()].split()
            if len(before) > 1 and before[-1].endswith(("ing", "ed")):
                before = before[:-1]  # "G7 foreign ministers meeting in Capri"
            head_at = next((k for k, w in enumerate(before) if k and fold(w) in {"of", "for"}), len(before))
            head = before[head_at - 1] if before else ""
            if before and _bare(head).rstrip("s") in ROLE_NOUNS | _GENERIC_GROUPS and head.endswith("s"):
                lead = len(self.text[start:end]) - len(self.text[start:end].lstrip())
                generic = self.resolve(start + lead, start + lead + len(" ".join(before)))
                where = _place_of(located)
                seat = countries.country_of_word(where)
                if generic.country is None and len(before) == 1 and _bare(head) in _SEATED and seat:
                    # "Officials in Kinshasa accuse ...": the government seated there
                    named = _canonical_org(" ".join(words))
                    return Resolved(named, "unknown", named, seat, None)
                return generic
        group = armed_group(" ".join(words).removesuffix("’s").removesuffix("'s"))
        if group is not None:  # "Hamas", "the Houthis": an organisation, not a person
            return self._as_resolved(self._org_entity(group, start))
        member = self._person_of_body(words, start)
        if member is not None:  # "Analyst Jane Doe of the International Crisis Group"
            return member
        if ACADEMIC_BODY.fullmatch(" ".join(words)):  # "the London School of Economics"
            return self._as_resolved(self._org_entity(" ".join(words), start))
        office = self._office_of_place(words, lw, start)
        if office is not None:  # "the governor of Zaporizhzhia": an office, no one named
            return office
        # "a spokesperson for the X", "a statement from the X", "a statement released by the X":
        # the body behind the phrase
        for i, w in enumerate(lw[:-1]):
            if " ".join(lw[i : i + 3]) in _COMPOUND_ROLES:
                break  # "chief of staff", "head of state": one role, not a body behind it
            skip = 3 if lw[i + 1] in _ISSUED and lw[i + 2 : i + 3] == ["by"] else 2
            if (
                w.strip(",") in _SPOKES
                and (
                    lw[i + 1] in {"for", "from", "of", "at", "with", "to"}
                    or lw[i + 1] == "in"
                    and w in _SOURCES
                    or skip == 3
                )
                and i + skip < len(words)
            ):
                rest = " ".join(words[i + skip :])
                inner_start = start + self.text[start:end].find(words[i + skip])
                inner = self.resolve(inner_start, inner_start + len(rest))
                if inner.kind == "person":
                    return inner
                role = " ".join(words[: i + 1])
                if lw[i + 1] == "in" and inner.country is not None and inner.name == inner.country:
                    # "a security source in Lebanon": someone there, not the state itself
                    phrase = _canonical_org(" ".join(words))
                    return Resolved(phrase, "unknown", phrase, inner.country, None)
                return Resolved(inner.name, inner.kind, role, inner.country, inner.entity)
        if len(words) >= 2 and lw[-1] in _SPOKES and any(_bare(w) in ORG_HEADS for w in words[:-1]):
            # "a ministry spokesperson", "Foreign Ministry spokesman": the body they speak for
            org_name = " ".join(w for w in words[:-1])
            return self._as_resolved(self._org_entity(org_name, start, refer=True))
        whole = " ".join(words).removesuffix("’s").removesuffix("'s")
        if len(words) > 1 and countries.country_of_word(whole):
            return self._as_resolved(self._org_entity(whole, start))  # "New Delhi", "Tel Aviv", "Addis Ababa"
        name_words: list[str] = []
        for w in reversed(words):
            bare = w.removesuffix("’s").removesuffix("'s")
            fb = fold(bare).rstrip(".")
            if _PREFIXED_NAME.fullmatch(w) and name_words == [] and len(words) > 1:
                name_words.insert(0, bare)  # "Mohamed al-Mukhtar"
            elif (
                bare[:1].isupper()
                and (fb not in _TITLE_WORDS or _ends_a_name(bare, name_words, words))
                and fb.strip(".") not in _ORG_NAME_WORDS
                and (not countries.country_of_word(bare) or figure_country(" ".join([bare, *name_words])))
                and fb not in SPEAKER_NOUNS
            ):
                name_words.insert(0, bare)
            else:
                break
        role_words = words[: len(words) - len(name_words)]
        if (
            name_words
            and len(role_words) >= 3
            and fold(role_words[-1]) in {"of", "from"}
            and role_words[-2][:1].isupper()
            and _bare(role_words[-2]) not in ORG_HEADS | _ORG_NAME_WORDS
            and self._looks_like_person(
                [w for w in role_words[:-1] if fold(w).rstrip(".") not in _TITLE_WORDS]
            )
            and (is_place(" ".join(name_words)) or countries.country_in(" ".join(name_words)))
        ):
            # "Rep. Tom Cole of Oklahoma": the person, from the place
            lead = len(self.text[start:end]) - len(self.text[start:end].lstrip())
            person_end = phrase.rfind(" " + role_words[-1] + " ")
            return self.resolve(start + lead, start + lead + person_end)
        kept = [w for w in role_words if fold(w) not in {"the", "a", "an"}]
        group_head = next((k for k, w in enumerate(kept) if fold(w) in {"of", "in", "from"}), None)
        if (
            name_words
            and group_head is not None
            and group_head >= 1
            and fold(kept[-1]) in {"of", "in", "from"}
            and (
                _bare(kept[group_head - 1]) in _GENERIC_GROUPS
                or _bare(kept[group_head - 1]) in SPEAKER_NOUNS
                and (kept[group_head - 1].endswith("s") or not any(_bare(w) in ORG_HEADS for w in role_words))
            )
        ):
            # "Residents of Athmuqam", "witnesses in Goma", "Foreign ministers of the G7",
            # "Residents of the Israeli town of Metula": people of a place or a body, not a person
            people = Resolved(" ".join(words), "group", " ".join(words), None, None)
            self._last_group[_bare(kept[group_head - 1])] = people
            return people
        org_words = [_bare(w) in ORG_HEADS for w in words]
        head_is_org = not name_words and any(org_words[-2:])
        if (
            name_words
            and role_words
            and any(org_words)
            and fold(role_words[-1]) in {"of", "the", "for", "and"}
        ):
            # "International Committee of the Red Cross": a name inside an organisation's name
            return self._as_resolved(self._org_entity(" ".join(words), start))
        if name_words and not (
            len(name_words) == len(words) and len(words) > 1 and all(w.isupper() for w in name_words)
        ):
            if len(name_words) == 1:
                ent = self._known_person(name_words[0], start)
                if ent is not None:
                    ent.positions.append(start)
                    if role_words and not ent.role:
                        ent.role = " ".join(role_words)
                        self._attach(ent, ent.role)
                    return self._as_resolved(ent)
                if len(words) == 1 and (
                    words[0].isupper() or countries.country_of_word(words[0]) or is_news_outlet(words[0])
                ):
                    return self._as_resolved(self._org_entity(words[0], start))  # CNN, OSCE, Moscow, Reuters
            if len(name_words) >= 2 and not self._looks_like_person(name_words):
                return self._as_resolved(self._org_entity(" ".join(words), start))
            key = fold(" ".join(name_words))
            body = next((e for e in self.entities if e.kind == "organisation" and fold(e.name) == key), None)
            if body is not None and not role_words:  # "Yesh Din", introduced as "an Israeli rights group"
                body.positions.append(start)
                return self._as_resolved(body)
            appos = None if role_words else self._apposition_after(end)
            if appos and _BODY_APPOSITION.fullmatch(appos):  # "Gisha, an Israeli rights group, said"
                return self._as_resolved(self._org_entity(" ".join(name_words), start))
            private = _AGE_AFTER.match(self.text, end) is not None  # "said Ahmed, 45, whose ..."
            person = self._person(" ".join(name_words), " ".join(role_words) or None, start, private=private)
            return self._as_resolved(person)
        if (
            head_is_org
            or (words[-1][:1].isupper() and len(words) > 1)
            or countries.country_of_word(words[-1])
        ):
            return self._as_resolved(self._org_entity(" ".join(words), start, refer=True))
        # role only: "the president", "Azerbaijan’s president", "the minister"
        head = lw[-1].rstrip(".")
        if " ".join(lw[-3:]) in _COMPOUND_ROLES:
            head = lw[-3]  # "Zelensky's chief of staff": a chief
        country = countries.country_in(phrase)
        if head not in ROLE_NOUNS and head.rstrip("s") in ROLE_NOUNS:
            # "G7 foreign ministers", later "the ministers": a group, not one of them
            if len(words) == 1 and head in self._last_group:
                return self._last_group[head]
            plural = Resolved(" ".join(words), "group", " ".join(words), country, None)
            if len(words) > 1:
                self._last_group[head] = plural
            return plural
        if head in ROLE_NOUNS and indefinite:
            # "A U.S. official said": someone not named before; "the official" later is them
            role = " ".join(words)
            ent = Entity(_canonical_org(role), "person", role, country, None, None, [start])
            if country is None:
                ent.seat_country = self._seat_country(role, start)
            self.entities.append(ent)
            self._attach(ent, role)
            return self._as_resolved(ent)
        if head in ROLE_NOUNS:
            found = self._by_role(head, country, start)
            if found is None and head in _HEAD_OF_BODY and len(lw) > 1:
                found = self._head_of_body(lw[:-1], start)  # "the UN chief": its secretary-general
            if found is not None:
                return self._as_resolved(found)
            unnamed = Resolved(_canonical_org(" ".join(words)), "person", " ".join(words), country, None)
            if country is None:  # "the regional governor said", no name given
                unnamed.seat_country = self._seat_country(" ".join(words), start)
            return unnamed
        if head in _GENERIC_GROUPS or head.rstrip("s") in _GENERIC_GROUPS or head in SPEAKER_NOUNS:
            return Resolved(_canonical_org(" ".join(words)), "group", None, country, None)
        if head in ORG_HEADS:
            return self._as_resolved(self._org_entity(" ".join(words), start, refer=True))
        return Resolved(_canonical_org(" ".join(words)), "unknown", None, country, None)

    def _person_of_body(self, words: list[str], pos: int) -> Resolved | None:
        """A person named with the body they work for: "Jane Doe of the International Crisis
        Group", "analyst Omar Said from Human Rights Watch" (the body is their side)."""
        at = next(
            (k for k, w in enumerate(words) if k >= 2 and w in {"of", "from", "at"} and k + 1 < len(words)),
            None,
        )
        if at is None:
            return None
        body = words[at + 1 :]
        if body[0].lower() == "the":
            body = body[1:]
        named = " ".join(body)
        if not all(w[:1].isupper() or fold(w) in {"of", "for", "and", "the"} for w in body):
            return None
        # "Sara Novak of Ohio": where she is from (a state, a town) says nothing of her side
        from_place = is_place(named) or countries.is_country_name(named) or len(body) < 2
        name = words[:at]
        lead: list[str] = []
        while len(name) > 2 and (not name[0][:1].isupper() or fold(name[0]).rstrip(".") in _ROLE_LEADS):
            lead.append(name.pop(0))
        if len(name) > 3 or not all(w[:1].isupper() for w in name) or not self._looks_like_person(name):
            return None
        if fold(name[0]).rstrip(".") in _TITLE_WORDS:
            return None
        if from_place and (lead or len(body) > 2):
            return None  # "President of Ukraine X" is read elsewhere
        role = None if from_place else " ".join([*lead, *words[at:]])
        person = self._person(" ".join(name), role, pos)
        return self._as_resolved(person)

    def _office_of_place(self, words: list[str], lw: list[str], pos: int) -> Resolved | None:
        """ "The governor of Zaporizhzhia", "the mayor of the city of Kharkiv": the holder of an
        office of a town or region (not a country: "the president of France" is France's), the
        person named before in that office if their role names the place, else unnamed."""
        at = next((k for k, w in enumerate(lw) if k and w in {"of", "for"}), None)
        if at is None or lw[at - 1].rstrip(".") not in _PLACE_OFFICES or at + 1 >= len(words):
            return None
        place = " ".join(w for w in words[at + 1 :] if fold(w) not in _DETERMINERS)
        place = re.sub(r"\s+(?:region|province|oblast|district|state|county|city)$", "", place, flags=re.I)
        place = re.sub(r"^(?:city|town|village|region|province) of\s+", "", place, flags=re.I)
        if not place[:1].isupper() or countries.country_in(place) or not is_place(place):
            return None
        seat = place_country(place)
        named = self._by_role(lw[at - 1].rstrip("."), None, pos)
        if named is not None and fold(place) in fold(named.role or ""):
            return self._as_resolved(named)
        title = " ".join(words)
        return Resolved(title, "person", title, None, None, seat_country=seat)

    def _by_role(self, head: str, country: str | None, pos: int) -> Entity | None:
        best: Entity | None = None
        best_pos = -1
        for ent in self.entities:
            if ent.kind != "person":
                continue
            label = fold(ent.role or "").replace(".", "").split()
            if head not in label and head.rstrip("s") not in label:
                continue
            if country and ent.country != country and (ent.country or ent.affiliation):
                continue  # "the U.S. official" is not "Hamas official Bassem Naim"
            last = max((p for p in ent.positions if p <= pos), default=-1)
            if last > best_pos:
                best, best_pos = ent, last
        if best is None and head == "leader" and country:
            # "the Azerbaijani leader": the country's head of state or government named before
            return self._head_of(country, pos)
        if best is None:
            # "the regional governor said ..." before the article names him: the first
            # person named later with that role
            later = [
                e
                for e in self.entities
                if e.kind == "person"
                and head in fold(e.role or "").split()
                and e.positions
                and min(e.positions) > pos
            ]
            best = min(later, key=lambda e: min(e.positions)) if later else None
        if best is not None:
            best.positions.append(pos)
        return best

    def _head_of_body(self, body: list[str], pos: int) -> Entity | None:
        """The person last named before ``pos`` whose role names the body ``body`` names
        ("UN" in "UN Secretary-General"), for "the UN chief", "the IAEA head"."""
        wanted = {w for w in body if w not in _DETERMINERS and not countries.country_of_word(w)}
        best: Entity | None = None
        best_pos = -1
        for ent in self.entities:
            label = set(fold(ent.role or "").replace("-", " ").replace(".", "").split())
            if ent.kind != "person" or not wanted or not wanted <= label:
                continue
            last = max((p for p in ent.positions if p <= pos), default=-1)
            if last > best_pos:
                best, best_pos = ent, last
        if best is not None:
            best.positions.append(pos)
        return best

    def _head_of(self, country: str, pos: int) -> Entity | None:
        """The person of ``country`` last named before ``pos`` with the role of a head of state
        or government (president, prime minister, chancellor, king ...)."""
        best: Entity | None = None
        best_pos = -1
        for ent in self.entities:
            label = set(fold(ent.role or "").replace(".", "").split())
            if ent.kind != "person" or not label & _HEAD_ROLES:
                continue
            if (ent.country or figure_country(ent.name)) != country:
                continue
            last = max((p for p in ent.positions if p <= pos), default=-1)
            if last > best_pos:
                best, best_pos = ent, last
        if best is not None:
            best.positions.append(pos)
        return best

    def _resolve_pronoun(self, pronoun: str, pos: int) -> Entity | None:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        this_start = self.sentence_starts[i] if i >= 0 else 0
        prev_start = self.sentence_starts[i - 1] if i >= 1 else 0
        if pronoun in {"they", "we", "it"}:
            kinds = {"organisation"} if pronoun == "it" else {"organisation", "group"}
            candidates = [
                (max(p for p in e.positions if p < pos), e)
                for e in self.entities
                if e.kind in kinds and any(p < pos for p in e.positions)
            ]
            named = [c for c in candidates if c[1].name[:1].isupper()]  # not "military" from a role
            # "The RSF did not respond, but it has denied ...": the body the sentence began with
            in_sentence = [
                (min(p for p in e.positions if this_start <= p < pos), e)
                for _, e in named
                if any(this_start <= p < pos for p in e.positions)
            ]
            if in_sentence:
                return min(in_sentence, key=lambda x: x[0])[1]
            if self.last_speaker is not None and self.last_speaker.kind in kinds:
                return self.last_speaker
            return max(named or candidates, key=lambda x: x[0])[1] if candidates else None
        if pronoun not in {"he", "she"}:
            return None
        gender = "male" if pronoun == "he" else "female"

        def ok(e: Entity) -> bool:
            return e.gender in (None, gender)

        here = [(p, e, ini) for p, e, ini in self.person_mentions if this_start <= p < pos and ok(e)]
        if here:
            return here[0][1]
        prev = [(p, e, ini) for p, e, ini in self.person_mentions if prev_start <= p < this_start and ok(e)]
        if prev:
            subjects = [e for p, e, ini in prev if ini]
            if not subjects and any(e is self.last_speaker for _, e, _ in prev):
                return self.last_speaker  # who spoke in the sentence before, not whom they named
            return subjects[0] if subjects else prev[-1][1]
        if self.last_speaker is not None and self.last_speaker.kind == "person" and ok(self.last_speaker):
            return self.last_speaker
        earlier = [e for p, e, _ in self.person_mentions if p < pos and ok(e)]
        return earlier[-1] if earlier else None

    def _as_resolved(self, ent: Entity | None) -> Resolved:
        if ent is None:
            return Resolved(None, "unknown", None, None, None)
        aff = ent.affiliation
        return Resolved(
            ent.name,
            ent.kind,
            ent.role,
            ent.country,
            ent,
            aff.name if aff else None,
            aff.country if aff else None,
            seat_country=ent.seat_country,
            private=ent.private,
        )


_FUNCTION_WORDS = words(
    """
    foreign defence defense interior justice health transport infrastructure emergency emergencies
    economy finance trade border national security coast regional state military armed general joint
    central federal and of the affairs internal home energy agriculture education
    """
)
_ABBREVIATED = TITLE_ABBREVIATIONS | words("u.s u.n u.k")


def _split_at_sentence_ends(run: str) -> list[tuple[int, str]]:
    """Split a capitalised run where a word ends a sentence ('Erdoğan. Erdoğan warned')."""
    parts: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(r"\S+", run):
        word = m.group()
        if (
            word.endswith(".")
            and len(word) > 2
            and fold(word[:-1]) not in _ABBREVIATED
            and "." not in word[:-1]
        ):
            parts.append((start, run[start : m.end() - 1]))
            start = m.end()
            while start < len(run) and run[start].isspace():
                start += 1
    if start < len(run):
        parts.append((start, run[start:]))
    return parts


#: heads that name whoever leads a body: "the UN chief", "the IAEA head"
_HEAD_OF_BODY = frozenset({"chief", "head", "boss"})
#: roles of a head of state or government, whom "the Azerbaijani leader" names
_HEAD_ROLES = frozenset({"president", "prime", "premier", "chancellor", "king", "queen", "emir", "leader"})


def _bare(word: str) -> str:
    """A word folded for lexicon look-ups: no accents, case, edge punctuation or possessive."""
    w = fold(word).strip(',.;:()"“”')
    return w.removesuffix("’s").removesuffix("'s")


def _surname_first(name: str) -> bool:
    """Chinese, Korean and Vietnamese names put the family name first ('Zhao Mingyu')."""
    first = fold(name.split()[0])
    return first in _SURNAME_FIRST


_SURNAME_FIRST = set(
    [
        "zhao",
        "wang",
        "li",
        "zhang",
        "liu",
        "chen",
        "yang",
        "huang",
        "wu",
        "zhou",
        "xu",
        "sun",
        "ma",
        "zhu",
        "hu",
        "guo",
        "he",
        "gao",
        "lin",
        "luo",
        "zheng",
        "liang",
        "xie",
        "song",
        "tang",
        "han",
        "feng",
        "deng",
        "cao",
        "peng",
        "zeng",
        "xiao",
        "tian",
        "dong",
        "pan",
        "yuan",
        "cai",
        "jiang",
        "yu",
        "du",
        "ye",
        "cheng",
        "wei",
        "su",
        "lu",
        "ding",
        "ren",
        "shen",
        "yao",
        "jin",
        "fu",
        "qin",
        "kim",
        "park",
        "lee",
        "choi",
        "jung",
        "kang",
        "cho",
        "yoon",
        "jang",
        "lim",
        "nguyen",
        "tran",
        "pham",
        "hoang",
        "phan",
        "vu",
        "vo",
        "dang",
        "bui",
        "do",
        "ho",
        "ngo",
        "duong",
        "ly",
    ]
)


def _heads_with(name: list[str], head: str) -> bool:
    """Whether ``head`` is the head noun of an organisation's folded name: its last word, or
    the word an "of"/"for"/"in" phrase follows ("ministry of defence"; not "police shooting")."""
    return any(
        w == head and (i == len(name) - 1 or name[i + 1] in {"of", "for", "in", "on"})
        for i, w in enumerate(name)
    )


def _org_country(name: str) -> str | None:
    """The state an organisation belongs to, read from the words before its head noun or
    an 'of X' after it ('Russian Defense Ministry', 'Ministry of Defence of Ukraine'), not
    from where it operates ('EU Monitoring Mission in Armenia')."""
    words = name.split()
    low = [_bare(w) for w in words]
    heads = [i for i, w in enumerate(low) if w in ORG_HEADS]
    if not heads:
        return countries.country_in(name)
    cut = next((i for i, w in enumerate(low) if w in {"in", "at", "near"} and i > heads[0]), len(words))
    return countries.country_in(" ".join(words[:cut]))


def _canonical_org(name: str) -> str:
    """'Turkey’s Defense Ministry' -> 'Turkish Defense Ministry'; determiners dropped."""
    words = name.split()
    while words and fold(words[0]) in _DETERMINERS and len(words) > 1:
        words = words[1:]
    out = []
    for i, w in enumerate(words):
        if w.endswith(("’s", "'s")) and i == 0:  # not "Republic of Congo's ..."
            adj = countries.demonym_for(w[:-2])
            if adj:
                out.append(adj)
                continue
        out.append(w)
    return " ".join(out).strip(" ,.")
