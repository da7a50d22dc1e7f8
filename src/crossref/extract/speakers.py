"""Speaker resolution within one article.

A speaker phrase as written ("Azerbaijan’s president", "he", "a statement from the
Russian Defense Ministry", "Aliyev") becomes an :class:`Entity` with a canonical name,
a kind (person, organisation, group) and a role kept apart from the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crossref.extract.lexicon import ORG_HEADS, PRONOUNS, ROLE_NOUNS, SPEAKER_NOUNS, TITLES
from crossref.extract.segment import Paragraph
from crossref.parties import countries

_NAME_RUN = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-]*\.?|(?:de|da|del|van|von|der|bin|al|el|la|le|du|di)(?=\s+[A-Z]))"
    r"(?:\s+(?:[A-Z][\w’'\-]*\.?|(?:de|da|del|van|von|der|bin|al|el|la|le|du|di)(?=\s+[A-Z])))+"
)
_SPOKES = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "official", "officials",
           "statement", "statements", "representative", "representatives", "source", "sources", "aide",
           "aides", "adviser", "advisers", "advisor", "member", "members", "head", "chief", "leader",
           "report", "release", "briefing", "communique", "release", "document", "letter", "memo"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "both", "another", "its", "his", "her",
                "their", "our", "one", "two", "several", "some"}
_GENERIC_GROUPS = {"officials", "sources", "analysts", "experts", "critics", "observers", "witnesses",
                   "residents", "people", "supporters", "opponents", "voters", "activists", "lawmakers",
                   "diplomats", "sides", "authorities", "others", "many", "some", "both", "all", "doctors",
                   "researchers", "democrats", "republicans", "officers", "soldiers", "rebels", "aides"}
_HONORIFIC_GENDER = {"mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female",
                     "ms.": "female", "miss": "female", "sir": "male", "lady": "female", "king": "male",
                     "queen": "female", "spokesman": "male", "spokeswoman": "female", "congressman": "male",
                     "congresswoman": "female", "chairman": "male", "chairwoman": "female",
                     "prince": "male", "princess": "female"}
_NON_NAME_CAPS = {"the", "a", "an", "but", "and", "in", "on", "at", "he", "she", "they", "it", "we", "i",
                  "this", "that", "there", "when", "while", "after", "before", "as", "if", "for", "with",
                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs",
                  "ms", "dr"}


def fold(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


@dataclass
class Entity:
    name: str
    kind: str  # person, organisation, group
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    positions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.name else ""


@dataclass
class Resolved:
    name: str | None
    kind: str
    role: str | None
    country: str | None
    entity: Entity | None


class ArticleSpeakers:
    """Entities of one article and the resolution of speaker phrases to them."""

    def __init__(self, text: str, paragraphs: list[Paragraph]) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.person_mentions: list[tuple[int, Entity, bool]] = []  # (position, entity, sentence-initial)
        self.sentence_starts: list[int] = [s.start for p in paragraphs for s in p.sentences]
        self._scan_names(paragraphs)
        self.last_speaker: Entity | None = None

    # -- names in the text -------------------------------------------------------------
    def _scan_names(self, paragraphs: list[Paragraph]) -> None:
        """Register every person named in full, so later surnames and pronouns resolve."""
        for p in paragraphs:
            for m in _NAME_RUN.finditer(self.text, p.start, p.end):
                words = m.group().split()
                role_words: list[str] = []
                while words and (words[0].lower().rstrip(".") in {t.rstrip(".") for t in TITLES}
                                 or countries.country_of_word(words[0]) or words[0].lower() in _NON_NAME_CAPS):
                    role_words.append(words.pop(0))
                name_words = [w for w in words]
                if len(name_words) < 2 or not self._looks_like_person(name_words):
                    continue
                name = " ".join(w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in name_words)
                pos = m.start() + m.group().find(name_words[0])
                role = " ".join(role_words) or None
                ent = self._person(name, role, pos)
                initial = any(abs(pos - s) <= 1 or self.text[s:pos].strip() == ""
                              for s in self._sentence_start_near(pos))
                self.person_mentions.append((pos, ent, initial))
            # surnames alone ("Aliyev said") count as mentions of known persons
            for m in re.finditer(r"\b[A-Z][\w’'\-]+", self.text[p.start:p.end]):
                pos = p.start + m.start()
                word = m.group().removesuffix("’s").removesuffix("'s")
                for ent in self.entities:
                    if ent.kind == "person" and ent.surname == fold(word) and ent.positions and ent.positions[0] < pos:
                        initial = any(self.text[s:pos].strip() == "" for s in self._sentence_start_near(pos))
                        self.person_mentions.append((pos, ent, initial))
                        break
        self.person_mentions.sort(key=lambda x: x[0])

    def _sentence_start_near(self, pos: int) -> list[int]:
        import bisect

        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return [self.sentence_starts[i]] if i >= 0 else []

    def _looks_like_person(self, words: list[str]) -> bool:
        if any(w.lower().strip(".") in ORG_HEADS for w in words):
            return False
        if any(countries.country_of_word(w) for w in words):
            return False
        if any(w.isupper() and len(w) > 1 for w in words):
            return False
        return not any(w.lower() in _NON_NAME_CAPS for w in words[1:])

    def _person(self, name: str, role: str | None, pos: int) -> Entity:
        key = fold(name)
        for ent in self.entities:
            if ent.kind == "person" and (fold(ent.name) == key or (ent.surname == fold(name.split()[-1])
                                                                    and len(name.split()) == 1)):
                if role and not ent.role:
                    ent.role = role
                    ent.country = ent.country or countries.country_in(role)
                ent.positions.append(pos)
                return ent
        gender = None
        if role:
            for w in role.lower().split():
                gender = gender or _HONORIFIC_GENDER.get(w)
        ent = Entity(name, "person", role, countries.country_in(role or ""), gender, [pos])
        self.entities.append(ent)
        return ent

    # -- resolution ---------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Resolved:
        """The entity a speaker phrase (``text[start:end]``) refers to."""
        phrase = self.text[start:end].strip()
        words = phrase.split()
        lw = [fold(w) for w in words]
        while lw and lw[0] in _DETERMINERS and len(lw) > 1:
            words, lw = words[1:], lw[1:]
        if not words:
            return Resolved(None, "unknown", None, None, None)
        # pronouns
        if len(lw) == 1 and lw[0] in PRONOUNS:
            ent = self._resolve_pronoun(lw[0], start)
            return self._as_resolved(ent)
        # "a spokesperson for the X", "a statement from the X": the body behind the phrase
        for i, w in enumerate(lw[:-1]):
            if w in _SPOKES and lw[i + 1] in {"for", "from", "of", "at", "with"} and i + 2 < len(words):
                rest = " ".join(words[i + 2:])
                inner_start = start + self.text[start:end].find(words[i + 2])
                inner = self.resolve(inner_start, inner_start + len(rest))
                role = " ".join(words[:i + 1])
                return Resolved(inner.name, inner.kind, role if inner.kind != "person" else inner.role,
                                inner.country, inner.entity)
        # person: trailing capitalised name after titles ("Azerbaijani President Ilham Aliyev")
        name_words: list[str] = []
        for w in reversed(words):
            bare = w.removesuffix("’s").removesuffix("'s")
            if bare[:1].isupper() and fold(bare).rstrip(".") not in {t.rstrip(".") for t in TITLES} \
                    and fold(bare).strip(".") not in ORG_HEADS and not countries.country_of_word(bare) \
                    and fold(bare) not in SPEAKER_NOUNS:
                name_words.insert(0, bare)
            else:
                break
        role_words = words[:len(words) - len(name_words)]
        is_org = any(fold(w).strip(".’'s") in ORG_HEADS for w in words)
        if name_words and not is_org and not (len(name_words) == len(words) and len(words) > 1
                                              and all(w.isupper() for w in name_words)):
            if len(name_words) == 1:
                ent = self._by_surname(name_words[0], start)
                if ent is not None:
                    if role_words and not ent.role:
                        ent.role = " ".join(role_words)
                    return self._as_resolved(ent)
                if len(words) == 1 and words[0].isupper():
                    return self._org(words[0], start)  # an acronym: CNN, OSCE
            role = " ".join(role_words) or None
            if role and fold(role) in {"the", "a"}:
                role = None
            ent = self._person(" ".join(name_words), role, start)
            return self._as_resolved(ent)
        if is_org or (words[-1][:1].isupper() and len(words) > 1):
            return self._org(" ".join(words), start)
        # role only: "the president", "Azerbaijan’s president", "the minister"
        head = lw[-1].rstrip(".")
        country = countries.country_in(phrase)
        if head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS:
            ent = self._by_role(head, country, start)
            if ent is not None:
                return self._as_resolved(ent)
            return Resolved(_canonical_org(" ".join(words)), "person", " ".join(words), country, None)
        if head in _GENERIC_GROUPS or head.rstrip("s") in _GENERIC_GROUPS:
            return Resolved(_canonical_org(" ".join(words)), "group", None, country, None)
        if head in SPEAKER_NOUNS:
            return Resolved(_canonical_org(" ".join(words)), "group", None, country, None)
        return Resolved(_canonical_org(" ".join(words)), "unknown", None, country, None)

    def _org(self, name: str, pos: int) -> Resolved:
        canonical = _canonical_org(name)
        key = fold(canonical)
        for ent in self.entities:
            if ent.kind == "organisation" and fold(ent.name) == key:
                ent.positions.append(pos)
                return self._as_resolved(ent)
        # "the ministry": the last organisation with that head
        ent = Entity(canonical, "organisation", None, countries.country_in(name), None, [pos])
        if len(name.split()) == 1 and name.islower():
            found = self._by_role(fold(name), None, pos, kind="organisation")
            if found is not None:
                return self._as_resolved(found)
        self.entities.append(ent)
        return self._as_resolved(ent)

    def _by_surname(self, word: str, pos: int) -> Entity | None:
        key = fold(word)
        best = None
        for ent in self.entities:
            if ent.kind == "person" and ent.surname == key:
                best = ent
        if best is not None:
            best.positions.append(pos)
        return best

    def _by_role(self, head: str, country: str | None, pos: int, kind: str = "person") -> Entity | None:
        best: Entity | None = None
        best_pos = -1
        for ent in self.entities:
            if ent.kind != kind:
                continue
            label = fold(ent.role or "") if kind == "person" else fold(ent.name)
            if head not in label.replace(".", "").split() and head.rstrip("s") not in label.split():
                continue
            if country and ent.country and ent.country != country:
                continue
            last = max((p for p in ent.positions if p <= pos), default=-1)
            if last > best_pos:
                best, best_pos = ent, last
        return best

    def _resolve_pronoun(self, pronoun: str, pos: int) -> Entity | None:
        if pronoun in {"they", "we"}:
            for ent in sorted(self.entities, key=lambda e: max((p for p in e.positions if p < pos), default=-1),
                              reverse=True):
                if ent.kind in {"organisation", "group"} and any(p < pos for p in ent.positions):
                    return ent
            return None
        if pronoun not in {"he", "she"}:
            return None
        gender = "male" if pronoun == "he" else "female"
        import bisect

        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        this_start = self.sentence_starts[i] if i >= 0 else 0
        prev_start = self.sentence_starts[i - 1] if i >= 1 else 0

        def ok(e: Entity) -> bool:
            return e.gender in (None, gender)

        # persons in this sentence before the pronoun, then the previous sentence (its subject first)
        here = [(p, e, ini) for p, e, ini in self.person_mentions if this_start <= p < pos and ok(e)]
        if here:
            return here[0][1]
        prev = [(p, e, ini) for p, e, ini in self.person_mentions if prev_start <= p < this_start and ok(e)]
        if prev:
            subjects = [e for p, e, ini in prev if ini]
            return subjects[0] if subjects else prev[-1][1]
        if self.last_speaker is not None and self.last_speaker.kind == "person" and ok(self.last_speaker):
            return self.last_speaker
        earlier = [e for p, e, _ in self.person_mentions if p < pos and ok(e)]
        return earlier[-1] if earlier else None

    def _as_resolved(self, ent: Entity | None) -> Resolved:
        if ent is None:
            return Resolved(None, "unknown", None, None, None)
        return Resolved(ent.name, ent.kind, ent.role, ent.country, ent)


def _canonical_org(name: str) -> str:
    """'Turkey’s Defense Ministry' -> 'Turkish Defense Ministry'; determiners dropped."""
    words = name.split()
    while words and fold(words[0]) in _DETERMINERS and len(words) > 1:
        words = words[1:]
    out = []
    for w in words:
        if w.endswith(("’s", "'s")):
            base = w[:-2]
            adj = countries.demonym_for(base)
            if adj:
                out.append(adj)
                continue
        out.append(w)
    return " ".join(out).strip(" ,.")
