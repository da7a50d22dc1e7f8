"""Attribution rules: find cue, speaker phrase and content in each sentence.

The rules read tokens and punctuation only (no parser), which keeps extraction fast.
Each finding is a :class:`RawStatement`; speakers are resolved afterwards
(:mod:`crossref.extract.speakers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crossref.datelines import match_dateline
from crossref.extract.lexicon import (
    ADDRESSEE_VERBS,
    BETWEEN_SUBJECT_AND_CUE,
    CLAUSE_WORDS,
    CUE_FORMS,
    NOT_INVERTED,
    OBJECT_PRONOUNS,
    ORG_HEADS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEAKER_NOUNS,
    STANCE_VERBS,
    TIME_WORDS,
    WEAK_CUES,
)
from crossref.extract.segment import Paragraph, Quote, Sentence
from crossref.extract.tokens import tokenize
from crossref.words import DETERMINERS as SHARED_DETERMINERS
from crossref.words import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES, words

PREPOSITIONS = words(
    """
    on in at during after before to from with late early last this earlier later via through for about
    over while when amid ahead following outside inside near by
    """
)
NP_INNER = words(
    """
    the a an of for from at in and 's ’s de la al von van der bin ibn du le this that these those both
    some many several two three four five other another top senior former one its his her their our all
    most few more u.s. on retired exiled ousted jailed detained deposed
    """
)
DETERMINERS = SHARED_DETERMINERS - {"that"} | words("many other all most few")
# cues whose object may be the one written to ("wrote Linick"), not what was written
LETTER_VERBS = words("write email text tweet")
NOT_SPEAKERS = words(
    """
    this that there which what who one nobody no none anyone everyone everybody someone somebody each
    you me us
    """
)
LEADING_FILLERS = words(
    """
    but and however meanwhile yet so still instead now then also separately later earlier previously
    moreover furthermore likewise similarly indeed nonetheless nevertheless besides additionally
    finally ultimately thus hence therefore consequently accordingly
    """
)
PHRASAL_PARTICLES = {
    "call": ("in", "into", "up", "off", "back"),
    "show": ("up", "off"),
    "back": ("down", "off", "away", "up"),
    "point": ("to",),
    "hold": ("up", "off"),
    "find": ("out", "itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"),
    "report": ("from", "for", "to"),
    "know": ("as", "him", "them"),  # "those who know him say": knowing a person
    # "appeared on a show", "appears before the committee" (but "appears to", "appeared ready")
    "appear": ("on", "before", "at", "in", "with", "alongside", "together", "onstage"),
}
# the auxiliaries and adverbs of a verb group: "has repeatedly said", "had also warned"
_VERB_GROUP = words("has have had also repeatedly previously later earlier again already since long")
# "X, led by Y, said", "X, based in Geneva, said": a participle set off after the subject
_IRREGULAR_PARTICIPLES = words("led run known born built held")
# appositions that give another name: "X, known as Y,", "X, also known as Y,"
_NAMING_APPOSITIONS = {("also", "known"), ("better", "known"), ("widely", "known"), ("popularly", "known")}
# "residents, many of whom say ...": the people the quantifier picks from speak
_QUANTIFIERS = words("many some most all several both few one two three none")
# plural cue forms that are nouns before "of": "reports of the explosion", "claims of fraud"
_PLURAL_NOUN_CUES = words("reports claims promises assurances warnings")
# cue forms that are as often plural nouns ("development projects", "the company's reports")
_NOUN_PLURALS = words(
    "projects reports charges claims comments notes questions points signals forecasts protests fears "
    "hopes doubts worries echoes counters shows states"
)
_POSSESSIVES = frozenset({"’s", "'s"})
_NAME_LEADS = DETERMINERS | _POSSESSIVES  # what may come before a head noun: "Sudan's army", "the army"
_CLOSING_QUOTES = frozenset({"”", '"', "’", "'", "»"})
# "..., a claim Moscow denies": nouns for what one side said, and verbs the other answers with
_CLAIM_NOUNS = words(
    "claim claims charge charges accusation accusations allegation allegations assertion version "
    "comments remarks statement statements"
)
_REBUTTING = words("deny reject dismiss dispute refute contest describe condemn denounce")
# verbs whose content is their object, a noun phrase, and what follows it the reporter's
# narration ("endorsed Cruz last week", "criticized the accord during a speech")
_OBJECT_CUES = words(
    "endorse support back oppose criticize criticise praise condemn welcome thank defend applaud "
    "slam blast decry denounce hail mock ridicule dispute reject dismiss deny call offer announce question"
)
_STATE_OUTLET_ADJECTIVES = words("state national public local regional")
_STATE_OUTLETS = words("media television tv radio news broadcaster agency channel press newspaper")
_NEW_CLAUSE = words("while whereas but although though and even as")
_NAME_MARKS = frozenset({"’s", "'s", "-", "."})
_ANONYMITY = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+be\s+(?:named|identified)|"
    r"(?:to\s+|for\s+)?(?:remain\s+)?anonym|that\s+(?:his|her|their)\s+names?\s+not|"
    r"to\s+(?:give|provide|share)\s+(?:his|her|their)\s+(?:full\s+|last\s+)?(?:sur)?names?)",
    re.I,
)
# forms of "be" before a participle that make it passive: "can be found here"
_PASSIVE_BE = words("be been being is are was were")
# what follows "continued" when it carries on with a thing, not with speaking: "continued their search"
_CARRIED_ON = words("their his her its the a an our my this these")
NOUN_LIKE_CUES = words(
    """
    plan support state back attack report call offer demand question claim decline point show fear hope
    promise pledge vow protest comment remark estimate forecast statement charge complaint find
    """
)
BASE_FORM_LICENSORS = words(
    """
    i we they you to will would can could may might should must do does did not never also often people
    officials who whom that and n't cannot shall
    """
)
TRAILING_CLAUSE = re.compile(
    r",[”\"’]?\s+(?:who|which|whose|while|whereas|even as|as well as|the latest|a move|in a|in an|"
    r"the (?:deadliest|worst|bloodiest|heaviest|fiercest|biggest|largest) |"
    r"amid|despite|"
    r"an? (?:claims?|charges?|accusations?|allegations?|assertion|version|remark|comment)\b|"
    r"(?:claims|charges|accusations|allegations|comments|remarks|statements) (?:that|which)\b|"
    r"claiming|saying|adding|noting|arguing|citing|according to|referring to|explaining|insisting|"
    r"(?:and|but) (?:has|had|have|is|was|said|says|added|called|urged|warned|also)|"
    r"but (?:gave|offered|provided|declined|refused|did not|didn't|would not|wouldn't|stopped short)|"
    r"without (?:providing|offering|giving|presenting|producing|citing|elaborating|specifying))\b|"
    r"\s+[—–]\s+"
)
TRAILING_MODIFIERS = words(
    """
    who which as while when after before because according in on at adding saying noting where although
    though but and since until amid despite whose a an the
    """
)
STRONG_VERBS = words(
    """
    say tell announce report claim deny confirm warn state add write tweet insist argue declare accuse
    reveal acknowledge admit
    """
)
AUXILIARIES = words(
    """
    is are was were has have had will would can could does did do should must may might
    """
)
POLL_HEADS = words(
    """
    percent respondents majority half third quarter plurality minority five four three two ten %
    """
)
NOUN_MARKERS = words(
    """
    the a an his her their its our my your this these those such no any every each whose of new recent
    latest earlier first
    """
)
SPEECH_NOUN_HEADS = words(
    """
    statement statements report reports poll polls survey surveys study studies document documents memo
    letter release data analysis figures tweet post message briefing communique record records estimate
    estimates filing complaint indictment lawsuit
    """
)


# Post-modifiers of anonymous sources: "officials familiar with the talks", "a person close to
# the campaign", "diplomats briefed on the plan"; each with the preposition it takes.
_SOURCING_MODIFIERS = {
    "familiar": "with",
    "close": "to",
    "briefed": "on",
    "involved": "in",
    "knowledgeable": "about",
    "aware": "of",
}

_ADDRESSEE_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
_NO_COMMENT = re.compile(
    r"to (?:(?:a |an |several |repeated |multiple )?(?:requests?|messages?|e-?mails?|(?:phone )?calls?|"
    r"inquir(?:y|ies)|questions?)\b)",
    re.I,
)
# verbs whose content follows a preposition: "called for a ceasefire", "warned against"
_COMPLEMENT_PREPOSITIONS = {
    "call": ("for", "on"),
    "appeal": ("for", "to"),
    "warn": ("against", "of"),
    "push": ("for",),
    "argue": ("for", "against"),
}
_ADJUNCT_OPENERS = frozenset(
    {"in", "on", "at", "during", "earlier", "later", "last", "after", "before", "since", "for", "with"}
)
# what a subject may start with after a time word: "(In) 2020 Aliyev said", "Monday the army"
_SUBJECT_STARTS = words("the a an his her their its he she they we i")
# days that, right after a cue, say when it was said: "said Monday the bridge ..."
_BARE_DAYS = WEEKDAY_NAMES | words("today yesterday tonight")
# prepositions that open a time adjunct before the subject: "On Monday he said"
_TIME_PREPOSITIONS = words("on in at during since until by after before over through throughout")
# words that make a time word an adjunct: "last week", "earlier this month"
_TIME_DETERMINERS = frozenset({"last", "this", "next", "earlier", "later"})
_SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "because", "since"})

# cues that "as" may set aside ("..., as the minister said on Monday"); "as the crowd
# applauded", "as voters responded to ..." tell when or why, not what was said
_ASIDE_VERBS = words(
    "say note observe report write explain put point argue predict warn claim acknowledge admit "
    "recall tell state announce insist remark mention add conclude concede describe"
)
_MODIFIER_PREPOSITIONS = words("with by for from")
_SPANS_OF_TIME = words("moments minutes hours days weeks months years hour day week month year")
_SUBJECT_OPENERS = words(
    "because whatever whoever while whereas if when although though since unless once as absent unlike like "
    "despite given"
)
# words that open a subordinate clause at the head of a sentence ("While X said A, Y said B")
_SUBORDINATE_OPENERS = words("while although though whereas when as if because since after before once")
_CLAUSE_OPENERS = words("that because but and so while although though since if whether")
# "said nothing about it": the object of the cue is no content (but "said nothing would change")
_NOTHING_SAID = words("little nothing much anything something more")
_STOPS = frozenset({".", ",", ";"})
_NOTHING_FOLLOWS = PREPOSITIONS | {"more", "else", "new"}
# finite verbs and auxiliaries that, after a relative clause closed by a comma, show that the
# clause was inside a subject (see _embedded_relative_end)
_SUBJECT_VERBS = words(
    "has have had is are was were will would can could should must may might did does do remains"
)
# where the people named before were when they spoke: "ministers meeting in Rome"
_GATHERED = words("meeting gathered gathering speaking based stationed visiting")
# past forms of common verbs without "-ed" that may follow a subject and its relative clause
_PAST_VERBS = words(
    "hit struck left came went took made fell drew brought sent led spoke began became saw ran "
    "stood held kept fled lost won met paid told said shot blew tore caught sank burned"
)
# "according to plan": the idioms in which "according to" names no source
_IDIOM_OBJECTS = frozenset({"plan", "schedule", "tradition", "custom", "protocol", "form", "script"})


@dataclass
class RawStatement:
    """A statement before speaker resolution; spans are absolute offsets."""

    content: tuple[int, int]
    cue: str | None
    cue_span: tuple[int, int] | None
    kind: str
    speaker: tuple[int, int] | None  # span of the speaker phrase as written, None = inherit
    sentence: Sentence
    paragraph: int
    inherit: str = ""  # "", "subject" (participle) or "previous" (continued quote)
    reach: int = 0  # where the content ran before an object's adjuncts were cut off


class SentenceRules:
    """Applies the attribution patterns to one sentence."""

    def __init__(self, text: str, sentence: Sentence, quotes: list[Quote]) -> None:
        self.text = text
        self.sentence = sentence
        self.quotes = [q for q in quotes if q.end > sentence.start and q.start < sentence.end]
        self.tokens = tokenize(text, sentence.start, sentence.end, [(q.start, q.end) for q in self.quotes])
        self.words = [t for t in self.tokens]

    # -- helpers -------------------------------------------------------------------------
    def gap(self, i: int, j: int) -> str:
        """Text between tokens i and j (exclusive of both)."""
        return self.text[self.tokens[i].end : self.tokens[j].start]

    def is_punct(self, i: int, chars: str = ",;:—–()[]") -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].text in chars

    def quote_ending_before(self, i: int) -> Quote | None:
        """A closed quote that ends just before token i (only commas/spaces between)."""
        pos = self.tokens[i].start
        for q in self.quotes:
            between = self.text[q.end : pos] if q.end <= pos else None
            if between is not None and between.strip(" ,\u00a0") == "" and (q.end - q.start) > 3:
                return q
            # the comma sits inside the quote: “...,” said
            if (
                between is not None
                and between.strip() in {"", ","}
                and self.text[q.start : q.end].rstrip('”"’').endswith(",")
            ):
                return q
        return None

    def quote_starting_after(self, i: int) -> Quote | None:
        end = self.tokens[i].end
        for q in self.quotes:
            between = self.text[end : q.start] if q.start >= end else None
            if between is not None and between.strip(" ,:\u00a0") == "":
                return q
        return None

    # -- speaker phrases -------------------------------------------------------------------
    def speaker_before(self, cue: int) -> tuple[int, int] | None:
        """Token range [a, b) of the subject phrase ending before the cue, or None."""
        sourced = self._sourcing_before(cue)
        if sourced is not None:
            return sourced
        relative = self._relative_clause_subject(cue) or self._quantified_relative(cue)
        if relative is not None:
            return relative
        i = cue - 1
        # skip adverbs, auxiliaries and time/place adjuncts between subject and verb
        while i >= 0:
            t = self.tokens[i]
            if t.in_quote:
                return None
            lw = t.lower
            if lw in BETWEEN_SUBJECT_AND_CUE or (lw.endswith("ly") and not t.is_capitalized and len(lw) > 4):
                i -= 1
                continue
            adj = self._adjunct_start(i)
            if adj is not None:
                i = adj - 1
                continue
            break
        b = i + 1
        a = b
        while i >= 0 and b - i <= 14:
            t = self.tokens[i]
            lw = t.lower
            if t.text == ")" and i > 0:
                # "Rep. Gwen Moore (D-Wis.)", "Ana Diaz (a councillor since 2019) said": step over it
                k = i - 1
                while k >= 0 and i - k < 24 and self.tokens[k].text != "(":
                    k -= 1
                if k >= 0 and self.tokens[k].text == "(" and k > 0:
                    if b == i + 1:
                        b = k  # a trailing parenthetical is not part of the name
                    i = k - 1
                    a = min(a, k)
                    continue
                break
            if t.in_quote or not t.is_word and t.text not in {"’s", "'s", "-", "&", "."}:
                break
            if lw in CLAUSE_WORDS and lw not in {"and"}:
                break
            if (
                lw == "and"
                and i + 1 < b
                and not (self.tokens[i - 1].is_capitalized if i else False)
                and not self._paired_heads(i, b)
            ):
                break
            if (
                lw in CUE_FORMS
                and not t.is_capitalized
                and lw not in SPEAKER_NOUNS
                and not self._state_owned(i)
            ):
                break
            if (
                not t.is_capitalized
                and lw not in NP_INNER
                and lw not in SPEAKER_NOUNS
                and lw not in PRONOUNS
                and not lw.isdigit()
                and i < b - 1
                and not self._state_owned(i)  # "the state legislature"
                and self._lowercase_blocks(i, b)
            ):
                break
            a = i
            i -= 1
        if a >= b:
            return None
        head = self._modified_head(a)
        if head is not None:
            return head
        # trim leading fillers, prepositions and time adjuncts ("Last week Feinstein said",
        # "In March the minister said")
        while a < b:
            lw = self.tokens[a].lower
            if lw in _TIME_DETERMINERS and (a + 1 < b and self.tokens[a + 1].lower.rstrip(".") in TIME_WORDS):
                a += 2
            elif lw in _TIME_PREPOSITIONS and a + 1 < b and self._time_word(a + 1):
                a += 2
                while a < b and self._time_word(a):
                    a += 1  # "On Monday night", "In March 2015", "On Jan. 5"
            elif lw in {"late", "early"} and a + 1 < b and self.tokens[a + 1].lower in _TIME_PREPOSITIONS:
                a += 1  # "Late on Monday the ministry said"
            elif self._time_word(a) and a + 1 < b and self.tokens[a + 1].lower in _SUBJECT_STARTS:
                a += 1  # "(Since) Monday the army has said", "(In) 2020 Aliyev said"
            elif lw in LEADING_FILLERS or lw in {"of", "for", "from", "at", "in", "and", "by"}:
                a += 1
            else:
                break
        if a >= b:
            return None
        if (
            b - a > 1
            and self.tokens[b - 1].lower in PRONOUNS
            and self.tokens[b - 2].lower not in {"and", "or"}
        ):
            a = b - 1  # a subject pronoun takes no words before it: "Yesterday in Ohio he said"
        dateline = match_dateline(self.text, self.sentence.start, self.sentence.end)
        if dateline is not None and self.tokens[a].start < dateline.end() <= self.tokens[b - 1].start:
            # "KINSHASA, Jan 26 (Wire) - Congo's government said": the dateline names no one
            a = next(k for k in range(a, b) if self.tokens[k].start >= dateline.end())
        if self._valid_speaker(a, b):
            return a, b
        return self._modified_subject(i, b)

    def _state_owned(self, i: int) -> bool:
        """ "state media", "the state legislature": 'state' the adjective or noun, not the verb."""
        toks = self.tokens
        return (
            toks[i].lower == "state"
            and i + 1 < len(toks)
            and (toks[i + 1].lower in _STATE_OUTLETS or not self._finite_use(i, "state"))
        )

    def _relative_clause_subject(self, cue: int) -> tuple[int, int] | None:
        """The subject before a relative clause that runs up to the cue: "A witness who asked
        not to be named said", "Officials who spoke to Reuters said" (no comma between)."""
        toks = self.tokens
        for k in range(cue - 1, max(0, cue - 14), -1):
            t = toks[k]
            if t.in_quote or (not t.is_word and t.text not in {"-", "’s", "'s", "."}):
                return None
            if t.lower == "who":
                found = self.speaker_before(k) if k > 0 else None
                return found if found is not None and found[1] == k else None
        return None

    def _quantified_relative(self, cue: int) -> tuple[int, int] | None:
        """The people "many of whom" refers to: "families of the victims, many of whom say"."""
        toks = self.tokens
        if (
            cue < 5
            or toks[cue - 1].lower != "whom"
            or toks[cue - 2].lower != "of"
            or toks[cue - 3].lower not in _QUANTIFIERS
            or toks[cue - 4].text != ","
        ):
            return None
        found = self.speaker_before(cue - 4)
        return found if found is not None and self._valid_speaker(*found) else None

    def _modified_head(self, a: int) -> tuple[int, int] | None:
        """The subject when the phrase found before the cue, starting at ``a`` with a
        preposition, is the end of a clause modifying it: "Officials who spoke with The
        Huffington Post said", "A letter from the Legion obtained by The Associated Press warns"."""
        toks = self.tokens
        if toks[a].lower not in _MODIFIER_PREPOSITIONS or a < 2:
            return None
        verb = a - 1
        if not toks[verb].is_word or toks[verb].is_capitalized or toks[verb].in_quote:
            return None
        if toks[verb - 1].lower in {"who", "that"}:
            return self.speaker_before(verb - 1)
        if toks[verb].lower.endswith("ed"):
            return self.speaker_before(verb)
        return None

    def _paired_heads(self, conj: int, b: int) -> bool:
        """ "Teachers and union officials said", "..., residents and aid workers said", "Sudan's
        army and the paramilitary Rapid Support Forces blamed": two speaker nouns joined by the
        "and" at ``conj``, the first opening the phrase (after its names and determiners)."""
        toks = self.tokens
        if conj < 1 or toks[b - 1].lower not in SPEAKER_NOUNS:
            return False
        if toks[conj - 1].lower in {"he", "she", "they", "we", "i"}:  # "..., she and another reporter said"
            return conj < 2 or not toks[conj - 2].is_word
        if toks[conj - 1].lower not in SPEAKER_NOUNS:
            return False
        k = conj - 2
        while k >= 0 and (toks[k].is_capitalized or toks[k].lower in _NAME_LEADS):
            k -= 1
        return k < 0 or not toks[k].is_word

    def _sourcing_before(self, cue: int) -> tuple[int, int] | None:
        """ "People familiar with the talks said": the head noun phrase, its sourcing
        modifier and the modifier's object, right before the cue."""
        toks = self.tokens
        for m in range(cue - 2, max(-1, cue - 10), -1):
            t = toks[m]
            if t.in_quote or not (t.is_word or t.text in {"’s", "'s"}):
                return None
            if _SOURCING_MODIFIERS.get(t.lower) == toks[m + 1].lower and m + 2 < cue:
                head = self.speaker_before(m)
                if head is not None and head[1] == m:
                    return head[0], cue
                return None
        return None

    def _sourcing_after(self, i: int) -> int | None:
        """End of "familiar with the talks" starting at token i (ending the clause), or None."""
        toks = self.tokens
        if i + 2 >= len(toks) or _SOURCING_MODIFIERS.get(toks[i].lower) != toks[i + 1].lower:
            return None
        j = i + 2
        while j < len(toks) and j - i < 10 and (toks[j].is_word or toks[j].text in {"’s", "'s", "-"}):
            if toks[j].in_quote or toks[j].lower in CLAUSE_WORDS:
                return None
            j += 1
        if j >= len(toks) or toks[j].text in {",", ".", ";", ":", "—", "–"}:
            return j
        return None

    def _modified_subject(self, i: int, b: int) -> tuple[int, int] | None:
        """'A person familiar with the planning says', 'those surveyed said': a subject whose
        head noun carries a modifier, bounded by a clause boundary before it."""
        k = i
        while k >= 0 and b - k <= 12:
            t = self.tokens[k]
            if (
                not t.is_word
                and t.text not in {"’s", "'s", "-", "."}
                or t.in_quote
                or t.lower in CLAUSE_WORDS
                and t.lower != "and"
            ):
                break
            if t.lower in AUXILIARIES or (t.lower in CUE_FORMS and not t.is_capitalized):
                return None
            k -= 1
        a = k + 1
        while a < b and self.tokens[a].lower in LEADING_FILLERS:
            a += 1
        words = [t for t in self.tokens[a:b] if t.is_word]
        if not words or len(words) > 12:
            return None
        first = words[0]
        if not (first.is_capitalized or first.lower in DETERMINERS | {"those", "multiple", "most", "many"}):
            return None
        if any(
            t.lower in SPEAKER_NOUNS or t.lower in POLL_HEADS or t.lower in {"person", "people", "those"}
            for t in words[:6]
        ):
            return a, b
        return None

    def _lowercase_blocks(self, i: int, b: int) -> bool:
        """A lowercase word not known to sit inside noun phrases: allowed only as an
        adjective-like word right before a known head or inside 'X for the Y' chains."""
        if i + 1 >= len(self.tokens):
            return True
        nxt = self.tokens[i + 1].lower
        word = self.tokens[i].lower
        if word in _GATHERED and nxt in {"in", "at"} and i > 0 and self.tokens[i - 1].lower in SPEAKER_NOUNS:
            return False  # "G7 foreign ministers meeting in Rome said": where they were
        if word.endswith(("ed", "ing")) and not word.endswith(("keeping", "ing's")):
            return True
        if nxt in SPEAKER_NOUNS or nxt in ORG_HEADS or self.tokens[i + 1].is_capitalized or nxt in NP_INNER:
            return False
        # a three-word compound ending in a known head: "gun control advocates", "small business owners"
        chain = self.tokens[i:b]
        return not (
            len(chain) == 3
            and chain[-1].lower in SPEAKER_NOUNS
            and all(
                t.is_word
                and not t.is_capitalized
                and t.lower not in CLAUSE_WORDS
                and t.lower not in CUE_FORMS
                and t.lower not in DETERMINERS
                and t.lower not in _COMPLEMENT_PREPOSITIONS
                and t.lower not in {"to", "against", "among", "by", "with", "per", "than", "as"}
                and not t.lower.endswith(("ed", "ing", "ly"))
                for t in chain[:-1]
            )
        )

    def _adjunct_start(self, i: int) -> int | None:
        """If tokens ending at i form 'on Saturday', 'in a statement', 'on Dec. 11'... return its start."""
        j = i
        saw_time = False
        while j >= 0 and i - j < 6:
            lw = self.tokens[j].lower.rstrip(".")
            if lw in _TIME_DETERMINERS and saw_time:
                return j  # "last week", "earlier this month"
            if (
                lw in TIME_WORDS
                or lw.isdigit()
                or lw in SPEECH_NOUN_HEADS
                or lw in {"interview", "briefing", "conference", "press", "news"}
            ):
                saw_time = True
                j -= 1
                continue
            if lw in {
                "a",
                "an",
                "the",
                "another",
                "separate",
                "written",
                "joint",
                "brief",
                "weekly",
                "daily",
            }:
                j -= 1
                continue
            if lw in {"on", "in", "at", "during", "late", "early", "last"} and saw_time:
                return j
            break
        return None

    def _valid_speaker(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) can name who speaks: a name, a pronoun, or a noun phrase
        whose head (the noun before any 'of/for/from' complement) is a speaker-like noun."""
        toks = self.tokens[a:b]
        words = [t for t in toks if t.is_word]
        if not words:
            return False
        lw = words[-1].lower
        if len(words) == 1 and lw in {"another", "others", "one", "some", "many", "several", "both"}:
            return True  # "Another said ...": one of the people just mentioned
        if len(words) == 1 and lw in NOT_SPEAKERS:
            return False
        if lw in PRONOUNS:
            return len(words) == 1
        if lw in OBJECT_PRONOUNS or words[0].lower in {"there", "what", "which", "how", "why"}:
            return False
        head_index = next(
            (
                k
                for k, t in enumerate(words)
                if k > 0 and t.lower in {"of", "for", "from", "at", "with", "on", "in"}
            ),
            len(words),
        )
        head = words[head_index - 1]
        hw = head.lower
        if any(w.lower in AUXILIARIES for w in words):
            return False
        if hw in DETERMINERS or hw in {"those", "everything", "anything", "nothing", "something", "all"}:
            return False
        if words[-1].is_capitalized or head.is_capitalized:
            # a lone sentence-initial function word ("Then", "There") is no name
            return not (
                len(words) == 1 and (lw in LEADING_FILLERS or lw in NOT_SPEAKERS or lw in DETERMINERS)
            )
        if hw in SPEAKER_NOUNS or hw in ORG_HEADS or hw.rstrip("s") in SPEAKER_NOUNS or hw in POLL_HEADS:
            return True
        if any(t.is_capitalized for t in words[:head_index]) and not hw.endswith(("ing", "ed", "ly")):
            return True  # "old Iowa political hands"
        # "the announcer", "some advocates": a determiner and a noun-like head
        return (
            head_index <= 4
            and words[0].lower in DETERMINERS
            and words[0].lower not in {"this", "that"}
            and not hw.endswith(("ing", "ed", "ly"))
            and hw not in NOT_SPEAKERS
            and len(hw) > 2
        )

    def speaker_after(self, cue: int) -> tuple[int, int] | None:
        """Token range of the speaker phrase right after an inverted cue (``said the ministry``).

        The phrase must be compact (names, determiners, speaker nouns and their
        complements) and end the clause: a comma, the sentence end or an adjunct follows.
        """
        i = cue + 1
        a = i
        toks = self.tokens
        if i < len(toks) and toks[i].lower in PREPOSITIONS:
            return None  # "called on President Obama": an object, not a speaker
        while i < len(toks) and i - a < 14:
            t = toks[i]
            lw = t.lower
            if t.in_quote or (not t.is_word and t.text not in {"’s", "'s", "-", "&", "/"}):
                break
            if not t.is_word:
                i += 1
                continue
            if lw in CLAUSE_WORDS and lw != "and":
                break
            if i > a and lw in {
                "on",
                "in",
                "at",
                "during",
                "late",
                "early",
                "last",
                "told",
                "to",
                "while",
                "after",
                "before",
                "citing",
                "adding",
                "saying",
            }:
                break
            if i > a and lw in CUE_FORMS and lw not in SPEAKER_NOUNS:
                break
            sourced_end = self._sourcing_after(i) if i > a else None
            if sourced_end is not None:
                i = sourced_end
                break
            if (
                not t.is_capitalized
                and lw not in NP_INNER
                and lw not in SPEAKER_NOUNS
                and lw not in ORG_HEADS
                and not lw.isdigit()
                and lw not in PRONOUNS
                and self._lowercase_blocks(i, i + 1)
                and not (
                    i + 1 < len(toks)
                    and (toks[i + 1].text in {",", ".", "(", ";"} or toks[i + 1].lower in {"of", "for", "at"})
                )
            ):
                return None
            i += 1
        b = i
        if b <= a:
            return None
        return (a, b) if self._valid_speaker(a, b) else None

    def subject(self) -> tuple[int, int] | None:
        """The sentence's subject phrase: the noun phrase before its first verb-like word."""
        toks = self.tokens
        i = 0
        heading = next((k for k in range(min(len(toks), 6)) if toks[k].text == ":"), None)
        if heading is not None and not any(t.in_quote for t in toks[: heading + 1]):
            i = heading + 1  # "Focus on security: Trump, who ..., hopes"
        while i < len(toks) and (toks[i].lower in LEADING_FILLERS or not toks[i].is_word):
            i += 1
        if i < len(toks) and (toks[i].lower in PREPOSITIONS or self._opening_clause(i)):
            # "On Friday, Gingrich — ... — told", 'In an interview with "Fox and Friends," Trump',
            # "Asked about that vote, Mark-Viverito ...", "Absent a strong defense, voters ...":
            # the subject comes after the opening phrase's comma
            reach = 7 if toks[i].lower in PREPOSITIONS and not toks[i].is_capitalized else 20
            k = next((k for k in range(i, min(len(toks), i + reach)) if toks[k].text == ","), None)
            if k is not None:
                i = k + 1
                while i < len(toks) and not toks[i].is_word:
                    i += 1  # the quotation mark closing '"Fox and Friends,"'
        a = i
        while i < len(toks) and i - a < 14:
            t = toks[i]
            lw = t.lower
            if not t.is_word and t.text not in {"’s", "'s", "-", "."}:
                break
            if t.in_quote or lw in CLAUSE_WORDS and lw != "and" or t.text in {"—", "–"}:
                break
            if (
                i > a
                and not t.is_capitalized
                and (lw in CUE_FORMS or lw in BETWEEN_SUBJECT_AND_CUE or lw.endswith("ed"))
                and not self._state_owned(i)  # "Russian state news agency TASS"
            ):
                break
            i += 1
        if i <= a or i >= len(toks):
            return None
        if i - a <= 10 and self._valid_speaker(a, i):
            return a, i
        return self.speaker_before(i)

    def _opening_clause(self, i: int) -> bool:
        """Whether the sentence opens at token ``i`` with a clause or phrase before its
        subject: a subordinator ("Because", "While"), a participle followed by its
        complement ("Speaking at", "Asked about"), or "Absent", "Unlike", "Despite"."""
        toks = self.tokens
        lw = toks[i].lower
        if lw in _SUBJECT_OPENERS:
            return True
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if lw in _SPANS_OF_TIME and nxt in {"later", "earlier", "after", "before", "ago"}:
            return True  # "Hours later, Trump ..."
        return lw.endswith(("ing", "ed")) and (nxt in PREPOSITIONS or nxt in DETERMINERS) and len(lw) > 4

    # -- content ---------------------------------------------------------------------------
    def content_after(self, cue: int) -> tuple[int, int, int] | None:
        """(start, end, first token) of the content following the cue: skips 'that',
        addressees ('told reporters'), adjuncts ('on Sunday'), 'however'."""
        toks = self.tokens
        i = cue + 1
        lemma = CUE_FORMS.get(toks[cue].lower, "")
        # an object addressee: "told the Ria Novosti press agency that"
        if lemma in ADDRESSEE_VERBS:
            for j in range(i, min(len(toks), i + 12)):
                if toks[j].lower == "that" and not toks[j].in_quote:
                    i = j + 1
                    break
                if toks[j].text in {":", ","} or toks[j].in_quote:
                    # "told reporters: “...”"; further on, or after the words of a clause ("told
                    # reporters the talks had been “useful”"), the mark belongs to the content
                    whom = self._skip_addressee(i)
                    clause = i < whom < j and any(t.lower in AUXILIARIES for t in toks[whom:j])
                    i = j if j - i <= 5 and not clause else whom
                    break
            else:
                i = self._skip_addressee(i)
        elif lemma in LETTER_VERBS and self._only_addressee_follows(i):
            return None  # "..., Kennedy wrote Linick.": to whom; what was written came before
        if lemma == "call" and i < len(toks) and toks[i].lower in {"for", "on"}:
            i += 1  # "called for an end to the attacks", "called on both sides to ...": what was called for
        # adjuncts and fillers: "said on Sunday that", "warned, however, that"
        for _ in range(10):
            if i >= len(toks):
                break
            lw = toks[i].lower
            if toks[i].text in {"—", "–"}:
                # "said — on Twitter, as it happens — that ...": step over the aside
                window = range(i + 1, min(len(toks), i + 16))
                closing = next((k for k in window if toks[k].text == toks[i].text), None)
                i = closing + 1 if closing is not None and closing + 1 < len(toks) else i + 1
                continue
            if toks[i].text in {",", ":"} or lw in {"however", "also"}:
                i += 1
                continue
            set_off = i + 1 < len(toks) and toks[i + 1].text in {",", "that", ":"}
            if lw in {"too", "then", "again"} and set_off:
                i += 1  # "said, too, that"; not "says too much is made of it"
                continue
            if lw == "that" and not toks[i].in_quote:
                i += 1
                break
            if (lw in PREPOSITIONS or lw == "without") and not toks[i].in_quote:
                ahead = [
                    k
                    for k in range(i + 1, min(len(toks), i + 12))
                    if toks[k].lower == "that" and not toks[k].in_quote
                ]
                # "said on Sunday that", "said, without giving details, that": the aside's comma
                # may close it right before "that"
                if ahead and not any(toks[k].text in {",", ";", ":"} for k in range(i + 1, ahead[0] - 1)):
                    i = ahead[0] + 1
                    break
                # "said at a briefing in Moscow: “...”": the colon or quote opens the content
                opener = next(
                    (
                        k
                        for k in range(i + 1, min(len(toks), i + 12))
                        if toks[k].text == ":" or toks[k].in_quote
                    ),
                    None,
                )
                if opener is not None and not any(toks[k].text in {",", ";"} for k in range(i + 1, opener)):
                    i = opener + 1 if toks[opener].text == ":" else opener
                    continue
            if (
                lw in {"on", "in", "at", "during", "late", "early", "last", "this", "earlier", "later"}
                and not toks[i].in_quote
            ):
                j = i + 1
                while (
                    j < len(toks)
                    and j - i < 6
                    and (
                        toks[j].lower.rstrip(".") in TIME_WORDS
                        or toks[j].lower.isdigit()
                        or toks[j].lower in {"a", "an", "the", "statement", "interview", "another"}
                    )
                ):
                    j += 1
                while j > i + 1 and toks[j - 1].lower in {"a", "an", "the", "another"}:
                    j -= 1  # "said on Monday the bridge ...": the article opens the content
                if j > i + 1:
                    i = j
                    continue
            if lw in _BARE_DAYS and not toks[i].in_quote and i + 1 < len(toks):
                after = toks[i + 1].lower
                if after in {"that", ",", "the", "a", "an"}:
                    i += 1  # "said Monday the bridge ...", "said yesterday that"
                    continue
                if after in {"night", "morning", "afternoon", "evening"}:
                    i += 2
                    continue
            break
        if i >= len(toks):
            return None
        if (
            i == cue + 1
            and toks[i].lower in _NOTHING_SAID
            and (i + 1 == len(toks) or toks[i + 1].text in _STOPS or toks[i + 1].lower in _NOTHING_FOLLOWS)
        ):
            return None  # "She has said little about the plan": not what she said
        gapped = self._gapped_relative(cue)
        if (
            toks[i].lower in {"is", "was", "are", "were", "has", "had", "will", "would", "remains"}
            and CUE_FORMS.get(toks[cue].lower) not in ADDRESSEE_VERBS
            and i == cue + 1
            and gapped is None
        ):
            return None
        start = toks[i].start
        end = self._sentence_content_end()
        if gapped == ",":  # "The strike, which Russia said targeted depots, killed five": up to the comma
            end = self._closing_comma(start, end) or end
        end = self._trim_trailing_clause(start, end)
        if end - start < 4:
            return None
        return start, end, i

    def _gapped_relative(self, cue: int) -> str | None:
        """Whether the cue's speaker opens a relative clause whose subject is what was said
        ("the drones, which Kyiv said were Iranian-made", "a hospital that the army says
        was used as a base"): "," when the clause stands between commas, "" when it does not,
        None otherwise."""
        window = self.tokens[max(0, cue - 30) : cue]
        if not any(t.lower in {"which", "that"} for t in window):
            return None  # content_after runs for every cue: look for the speaker only where it may be
        speaker = self.speaker_before(cue)
        if speaker is None or speaker[0] < 2:
            return None
        pronoun = self.tokens[speaker[0] - 1]
        if pronoun.lower not in {"which", "that"} or pronoun.in_quote:
            return None
        return "," if self.tokens[speaker[0] - 2].text == "," and pronoun.lower == "which" else ""

    def _closing_comma(self, start: int, end: int) -> int | None:
        """The comma that closes a relative clause running from ``start``: the first one the
        sentence's own verb follows ("..., killed five people", "..., will not apply")."""
        for m in re.finditer(r",\s+(?:(\w+ly)\s+)?([a-z]\w*)", self.text[start:end]):
            verb = m.group(2)
            if verb in _SUBJECT_VERBS or verb in _PAST_VERBS or (verb.endswith("ed") and len(verb) > 4):
                return start + m.start()
        return None

    def _only_addressee_follows(self, i: int) -> bool:
        """Whether tokens from ``i`` to the end of the sentence are only a short name or noun
        phrase ("wrote Linick.", "wrote the inspector general.")."""
        toks = self.tokens
        rest = [t for t in toks[i:] if t.text not in {".", "!", "?"}]
        if not 1 <= len(rest) <= 4 or any(t.in_quote or not t.is_word for t in rest):
            return False
        first = rest[0]
        if not (first.is_capitalized or first.lower in DETERMINERS or first.lower in POSSESSIVE_PRONOUNS):
            return False
        return all(t.is_capitalized or t.lower in DETERMINERS or t.lower in NP_INNER for t in rest[1:]) or (
            rest[-1].lower in SPEAKER_NOUNS
        )

    def _coordinated_report(self, c: int, lemma: str) -> bool:
        """Whether the cue at ``c`` is a second verb of the subject's: "said A and added B",
        "says A but argues B"; not "said A but added B", one statement in two parts (as the
        user's example reads it)."""
        conjunction = self.tokens[c - 1].lower
        return conjunction == "and" or conjunction == "but" and lemma != "add"

    def _inside_name(self, j: int) -> bool:
        """Whether the "of" or "the" at ``j`` joins capitalized words of one name."""
        toks = self.tokens
        return toks[j].lower in {"of", "the"} and j + 1 < len(toks) and toks[j + 1].is_capitalized

    def _skip_addressee(self, i: int) -> int:
        """After 'told' with no 'that': skip whom it was told to ('told reporters the deal
        was dead', 'told national television the drones came in waves')."""
        toks = self.tokens
        j = i
        if j < len(toks) and toks[j].is_capitalized:
            # "told Voice of America", not the "the" of "told Al Jazeera the group was ..."
            while j < len(toks) and j - i < 5 and (toks[j].is_capitalized or self._inside_name(j)):
                j += 1
            return j
        while j < len(toks) and j - i < 4 and toks[j].is_word and not toks[j].in_quote:
            lw = toks[j].lower
            if j == i + 1 and toks[i].lower in _STATE_OUTLET_ADJECTIVES and toks[j].text.isupper():
                j += 1  # "told state TV the explosions ...": the outlet's abbreviation is whom
                continue
            if j == i + 1 and toks[i].lower == "the" and toks[j].is_capitalized:
                while j < len(toks) and j - i < 6 and (toks[j].is_capitalized or self._inside_name(j)):
                    j += 1  # "told the BBC", "told the Kyiv Independent": a name is whom
                return j
            if j > i and (lw in DETERMINERS or lw in PRONOUNS or lw.isdigit() or toks[j].is_capitalized):
                return j
            if lw in {"to", "not", "never"}:
                break  # "told his advisers to find a way": whom and what go together
            j += 1
        if i < j < i + 4 and (j >= len(toks) or toks[j].text in {".", "!", "?"} and j == len(toks) - 1):
            return j  # "..., the ferry's master told reporters.": whom, and nothing after
        return i

    def _trim_trailing_clause(self, start: int, end: int) -> int:
        """Cut reported content before a trailing clause the reporter added in narration
        (', who ...', ', which ...', ', the latest ...'), unless it sits inside a quote."""
        m = TRAILING_CLAUSE.search(self.text, start + 20, end)
        while m is not None:
            resume = None
            # after '"constructive,"' the clause starts past the quote its comma sits in
            cut = m.start() + 2 if m.group()[1:2] in _CLOSING_QUOTES else m.start()
            if any(q.start <= cut < q.end for q in self.quotes):
                resume = m.end()
            elif m.group().lstrip(", ").startswith(("who", "which", "whose")):
                resume = self._embedded_relative_end(m.end(), end)
            elif m.group().strip() in {"—", "–"}:
                # an aside between two dashes ("the strike — the third this week — hit") stays
                dash = m.group().strip()
                if self.text.count(dash, start, m.start()) % 2 == 1:
                    resume = m.end()  # this dash closes an aside opened before
                else:
                    closing = self.text.find(dash, m.end(), min(end, m.end() + 160))
                    if closing != -1 and closing + 1 < end:
                        resume = closing + 1
            if resume is None:
                return cut
            m = TRAILING_CLAUSE.search(self.text, resume, end)
        return end

    def _embedded_relative_end(self, start: int, end: int) -> int | None:
        """Where a relative clause that opens at ``start`` ends if it sits inside the subject
        of the content ("that Gov. Padilla, who must decide, has revealed nothing"): the
        comma closing it is followed by the content's verb. None: it trails the content."""
        comma = self.text.find(",", start, min(end, start + 160))
        if comma == -1:
            return None
        following = self.text[comma + 1 : comma + 30].split()
        # "... has revealed nothing"; "called on the US and France, which oversee the truce, to act"
        return comma + 1 if following and following[0].lower() in _SUBJECT_VERBS | {"to"} else None

    def _sentence_content_end(self) -> int:
        """End of the sentence's content: before its final period, or the end of a quote
        that runs on past the sentence within the paragraph."""
        end = self.sentence.end
        for q in self.quotes:
            if q.start < end <= q.end:
                end = max(end, q.end)
        while end > self.sentence.start and self.text[end - 1] in ".!?;: \u00a0":
            end -= 1
        return end

    def content_before(self, upto_token: int) -> tuple[int, int] | None:
        """Content from the sentence start up to the comma before token ``upto_token``."""
        end = self.tokens[upto_token].start
        while end > self.sentence.start and self.text[end - 1] in " ,—–:\u00a0":
            end -= 1
        start = self._after_dateline(self.sentence.start)
        if end - start < 8:
            return None
        return start, end

    def _after_dateline(self, start: int) -> int:
        """Skip a dateline opening the story ('KYIV, March 14 (Meridian Wire) – ')."""
        m = match_dateline(self.text, start, self.sentence.end)
        return m.end() if m else start

    def kind_of(self, start: int, end: int) -> str:
        inside = sum(max(0, min(end, q.inner_end) - max(start, q.inner_start)) for q in self.quotes)
        span = max(1, end - start)
        if inside >= 0.85 * len(self.text[start:end].strip(" “”\"'‘’,.")):
            return "direct"
        if inside > 0:
            return "mixed"
        return "indirect" if span else "indirect"

    # -- patterns ------------------------------------------------------------------------
    def find(self) -> list[RawStatement]:
        found: list[RawStatement] = []
        toks = self.tokens
        used_until = -1
        for c, t in enumerate(toks):
            if c <= used_until or t.in_quote:
                continue
            lw = t.lower
            if lw == "according" and c + 1 < len(toks) and toks[c + 1].lower == "to":
                st = self._according_to(c)
                if st:
                    found.append(st)
                continue
            if lw in {"quoted", "cited"}:
                st = self._quoted_as_saying(c)
                if st:
                    found.append(st)
                    used_until = c
                    continue
            if t.text == ",":
                rebuttal = self._rebuttal(c)
                if rebuttal is not None:
                    found.append(rebuttal[0])
                    used_until = rebuttal[1]
                continue
            lemma = CUE_FORMS.get(lw)
            if lemma is None or t.is_capitalized and c > 0 and not self._title_case():
                continue
            if c > 0 and (toks[c - 1].lower in NOUN_MARKERS or toks[c - 1].text.endswith(("’s", "'s"))):
                continue  # a noun: "his remarks", "Aliyev’s statement"
            if lw in _PLURAL_NOUN_CUES and c + 1 < len(toks) and toks[c + 1].lower == "of":
                continue  # a noun: "initial reports of the explosion", "claims of fraud"
            if c > 1 and toks[c - 2].lower in {"a", "an"} and lemma == lw:
                continue  # a noun: "a media request" (a base form after "a X" is no verb; "a source said" is)
            if lw in _NOUN_PLURALS and self._ends_sentence(c) and self._modifier_before(c):
                continue  # a noun ending the sentence: "funding for development projects."
            if not self._finite_use(c, lemma) or self._naming(c, lemma) or self._continues_doing(c, lemma):
                continue
            st = self._reporting_verb(c, lemma)
            if st is not None:
                found.append(st)
        kept = self._drop_embedded(self._merge_same_speaker(found))
        for st in kept:
            self._end_with_subordinate_clause(st)
        return kept

    def _rebuttal(self, comma: int) -> tuple[RawStatement, int] | None:
        """Another side's answer appended to a claim: "..., a claim that Russia's defence
        ministry dismissed as fake", "..., a charge the UAE denies", "..., which the group
        denies". The statement's content is that appended phrase; returns it with its cue's
        token index."""
        toks = self.tokens
        j = comma + 1
        if j + 2 >= len(toks) or toks[j].in_quote:
            return None
        if toks[j].lower in {"a", "an"} and toks[j + 1].lower in _CLAIM_NOUNS:
            k = j + 2
            if toks[k].lower in {"that", "which"}:
                k += 1
        elif (
            toks[j].lower in _CLAIM_NOUNS
            and toks[j].lower.endswith("s")
            and toks[j + 1].lower in {"that", "which"}
        ):
            k = j + 2  # "..., comments that Eritrea's government has described as a threat"
        elif toks[j].lower == "which":
            k = j + 1
        else:
            return None
        v = next(
            (m for m in range(k + 1, min(len(toks), k + 9)) if CUE_FORMS.get(toks[m].lower) in _REBUTTING),
            None,
        )
        if v is None or toks[v].is_capitalized:
            return None
        b = v
        while b > k and toks[b - 1].lower in BETWEEN_SUBJECT_AND_CUE:
            b -= 1
        if b <= k or not (toks[k].is_capitalized or toks[k].lower in DETERMINERS):
            return None
        if any(not (t.is_word or t.text in _NAME_MARKS) or t.in_quote for t in toks[k:b]):
            return None
        if not self._valid_speaker(k, b) or (b - k == 1 and toks[k].lower == "it"):
            return None
        end = self._sentence_content_end()
        following = next(
            (t.start for t in toks[v + 1 :] if t.text in {",", ";", "—", "–"} and not t.in_quote), end
        )
        end = min(end, following)
        start = toks[j].start
        if end - start < 8:
            return None
        statement = RawStatement(
            (start, end),
            toks[v].text,
            (toks[v].start, toks[v].end),
            "indirect",
            self._span((k, b)),
            self.sentence,
            self.sentence.paragraph,
        )
        return statement, v

    def _end_with_subordinate_clause(self, st: RawStatement) -> None:
        """A report in a subordinate clause that opens the sentence ends with that clause:
        "When the minister said the port was safe, the crowd cheered" (its last comma outside
        quotes closes it)."""
        if st.cue_span is None or st.content[0] < st.cue_span[1] or not self._opens_subordinate(st):
            return
        commas = [
            t.start
            for t in self.tokens
            if t.text == "," and not t.in_quote and st.content[0] < t.start < st.content[1]
        ]
        if commas and commas[-1] - st.content[0] >= 8:
            st.content = (st.content[0], commas[-1])

    def _finite_use(self, c: int, lemma: str) -> bool:
        """Whether the cue word is used as a reporting verb here, not as a noun or a
        phrasal verb ("Republican support was solid", "called in to a show", "showed up")."""
        toks = self.tokens
        word = toks[c].lower
        nxt = toks[c + 1].lower if c + 1 < len(toks) else ""
        if nxt in PHRASAL_PARTICLES.get(lemma, ()):
            return False
        if lemma in {"ask", "request", "decline"} and _ANONYMITY.match(self.text, toks[c].end):
            return False  # "a witness who asked not to be named said ...": the source's terms
        if word in {"cited", "quoted"} and nxt == "by" and c > 0 and toks[c - 1].lower not in _PASSIVE_BE:
            return False  # "local officials cited by the agency": who was cited, not a report
        if lemma == "find" and word == "found" and c > 0 and toks[c - 1].lower in _PASSIVE_BE:
            return False  # "the poll can be found here", "was found dead"
        if word == "state" and c + 1 < len(toks):
            # the noun far more often than the verb: "state law", "Illinois state Rep.", "state primaries"
            following, prev = toks[c + 1], toks[c - 1].lower if c > 0 else ""
            opens = following.lower == "that" or following.in_quote or following.text in {":", "“", '"'}
            return opens or prev in {"i", "we", "they", "you"}
        if word == lemma and lemma in NOUN_LIKE_CUES:
            # a base form is finite after plural subjects, pronouns, modals and 'to'
            prev = toks[c - 1].lower if c > 0 else ""
            return prev in BASE_FORM_LICENSORS or (prev.endswith("s") and not prev.endswith("ss"))
        if lemma in NOUN_LIKE_CUES and word in {lemma + "s", lemma + "es"} and c + 1 < len(toks):
            # "states", "attacks", "plans" are plural nouns too: "Republican states, including"
            following = toks[c + 1]
            opens_quote = following.in_quote or following.text in {":", "“", '"', "«"}
            if word == "states":  # the noun is everywhere in election news: "Rust Belt states have"
                return opens_quote or following.lower == "that"
            return following.is_word or opens_quote
        return True

    def _continues_doing(self, c: int, lemma: str) -> bool:
        """'continues to lead in polls', 'continued gaining': carrying on with something other
        than saying it ('continues to insist that' stays a cue)."""
        toks = self.tokens
        if lemma != "continue" or c + 2 >= len(toks):
            return False
        nxt = toks[c + 1].lower
        if nxt in _CARRIED_ON:
            return True  # "continued their search"
        if nxt == "to":
            return toks[c + 2].lower not in CUE_FORMS
        return nxt.endswith("ing") and nxt not in CUE_FORMS

    def _naming(self, c: int, lemma: str) -> bool:
        """'a party called Anti-Prom', 'one PAC called Stop Hillary': 'called' names a thing."""
        toks = self.tokens
        if lemma != "call" or toks[c].lower != "called" or c + 1 >= len(toks):
            return False
        nxt = toks[c + 1]
        if not (nxt.is_capitalized or nxt.in_quote or nxt.text in {"“", '"', "#"}):
            return False
        for k in range(c - 1, max(-1, c - 5), -1):
            word = toks[k].lower
            if word in {"a", "an", "one", "another"}:
                return True
            if not toks[k].is_word or word in CUE_FORMS or word in PRONOUNS:
                return False
        return False

    def _title_case(self) -> bool:
        """A headline in title case ("Obama Says Museum Will Tell ..."), where verbs are capitalised."""
        words = [t for t in self.tokens if t.is_word and len(t.text) > 3]
        return len(words) >= 3 and sum(t.is_capitalized for t in words) >= 0.8 * len(words)

    def _drop_embedded(self, found: list[RawStatement]) -> list[RawStatement]:
        """Settle statements whose cue lies inside another's content.

        "X said Y claimed Z": Y's report is part of X's, so it goes. Two coordinated
        reports ("X reported A, while B accused C") are both kept, the first cut before
        the conjunction. When each cue sits in the other's content, the later cue wins
        ("Although A proposed B, it failed, according to C").
        """

        def inside(cue: tuple[int, int] | None, st: RawStatement) -> bool:
            return cue is not None and st.content[0] <= cue[0] and cue[1] <= st.content[1]

        dropped: set[int] = set()
        for i, inner in enumerate(found):
            for j, outer in enumerate(found):
                if i == j or j in dropped or not inside(inner.cue_span, outer):
                    continue
                if inside(outer.cue_span, inner):
                    if self._weaker(inner, outer):
                        dropped.add(i)
                    continue
                cut = self._coordination_before(inner, outer)
                if cut is not None:
                    outer.content = (outer.content[0], cut)
                else:
                    dropped.add(i)
        return [st for k, st in enumerate(found) if k not in dropped]

    def _weaker(self, a: RawStatement, b: RawStatement) -> bool:
        """Of two statements each inside the other's content, whether ``a`` yields: a verb of
        speech beats a verb of stance or action; otherwise the later cue wins."""

        def strong(st: RawStatement) -> bool:
            lemma = CUE_FORMS.get((st.cue or "").lower(), "")
            return lemma in STRONG_VERBS or (st.cue or "").lower() == "according to"

        if strong(a) != strong(b):
            return strong(b)
        return (a.cue_span or (0, 0))[0] < (b.cue_span or (0, 0))[0]

    def _coordination_before(self, inner: RawStatement, outer: RawStatement) -> int | None:
        """Where ``outer``'s content ends if ``inner`` starts a coordinated clause in it: at
        the conjunction before inner's speaker ("X said A, but Y said B"), or before its cue
        when it shares outer's subject ("X said A, but said B"); or at the comma that closes
        outer's clause when that clause is subordinate ("Though X said A, Y said B")."""

        def within(offset: int) -> bool:
            return outer.content[0] < offset < outer.content[1]

        own_speaker = inner.speaker is not None and within(inner.speaker[0])
        if inner.speaker is not None and own_speaker:
            anchor = inner.speaker[0]
        elif inner.cue_span is not None and within(inner.cue_span[0]):
            anchor = inner.cue_span[0]  # its speaker is outer's subject: "..., but said B"
        else:
            return None
        head = self.text[outer.content[0] : anchor].rstrip()
        if own_speaker and self._opens_subordinate(outer):
            comma = outer.content[0] + head.rfind(",")
            cue_before = outer.cue_span is not None and outer.cue_span[0] < comma
            if comma - outer.content[0] >= 8 and cue_before and not self._inside_quote(comma):
                return comma
        for conj in (
            ", while",
            ", but",
            ", and",
            ", whereas",
            ";",
            ", as",
            " while",
            " but",
            " whereas",
            ", though",
            ", although",
            " though",
            " although",
            ", even as",
            " and",
        ):
            if conj == " and" and not own_speaker:
                continue  # "said A and said B": the second verb is the coordinated one's
            if head.lower().endswith(conj):
                end = outer.content[0] + len(head) - len(conj)
                return end if end - outer.content[0] >= 8 else None
        return None

    def _time_word(self, i: int) -> bool:
        """A day, month or other time word, or a number (a date or a year)."""
        t = self.tokens[i]
        return t.lower.rstrip(".") in TIME_WORDS or t.text.isdigit()

    def _opens_subordinate(self, st: RawStatement) -> bool:
        """Whether the sentence opens with a subordinator before ``st``'s speaker and cue
        ("Although in September she said ..."), making its report a subordinate clause."""
        first = next((t for t in self.tokens if t.is_word), None)
        start = (
            min(x[0] for x in (st.speaker, st.cue_span) if x is not None) if st.speaker or st.cue_span else -1
        )
        if first is None or first.lower not in _SUBORDINATE_OPENERS or first.start >= start:
            return False
        # the clause must still be open: "As Obama spoke, Trump noted ..." reports in the main one
        return not any(
            t.text == "," and not t.in_quote and first.start < t.start < start for t in self.tokens
        )

    def _inside_quote(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.quotes)

    def _name_with_second_verb(self, c: int) -> tuple[int, int] | None:
        """ "Wealth-X keeps its finances secret but says ...": the name opening the sentence
        whose second verb, after "but", is the cue at ``c``; None unless the first verb
        reports nothing ("said A but added B" stays one statement)."""
        toks = self.tokens
        if toks[c - 1].lower != "but":
            return None
        a = 0
        while a < len(toks) and not toks[a].is_word:
            a += 1
        b = a
        while b < c and b - a < 4 and toks[b].is_word and toks[b].is_capitalized and not toks[b].in_quote:
            b += 1
        if b == a or b >= c - 1 or toks[a].lower in LEADING_FILLERS | DETERMINERS:
            return None
        verb = toks[b].lower
        if not verb.isalpha() or toks[b].is_capitalized or verb in CLAUSE_WORDS or verb in AUXILIARIES:
            return None
        if any(t.lower in CUE_FORMS or t.in_quote or t.text in {",", ";", ":"} for t in toks[b : c - 1]):
            return None
        return (a, b) if self._valid_speaker(a, b) else None

    def _reporting_verb(self, c: int, lemma: str) -> RawStatement | None:
        toks = self.tokens
        word = toks[c].lower
        participle = word.endswith("ing") and not (
            c > 0 and toks[c - 1].lower in {"is", "are", "was", "were", "been", "be", "keeps"}
        )
        sent, para = self.sentence, self.sentence.paragraph
        name = self._name_with_second_verb(c) if c > 0 and not participle else None
        after = self.content_after(c) if name is not None else None
        if name is not None and after is not None:
            return self._reported(c, after, self._span(name))
        if c > 0 and self._coordinated_report(c, lemma) and not participle:
            q_after = self.quote_starting_after(c)
            if q_after is not None and q_after.start - toks[c].end < 4:
                return RawStatement(
                    q_after.inner,
                    toks[c].text,
                    (toks[c].start, toks[c].end),
                    "direct",
                    None,
                    sent,
                    para,
                    inherit="coordinated",
                )
            after = self.content_after(c)
            return None if after is None else self._reported(c, after, None, inherit="coordinated")
        cue_span = (toks[c].start, toks[c].end)
        cue_text = toks[c].text
        if participle:
            prev = toks[c - 1].lower if c else ""
            if c > 1 and prev in _CLOSING_QUOTES and toks[c - 2].text == ",":
                # 'a defence of "New York values," saying ...': the comma inside the quote; but
                # 'confirmed "exchanges of fire," telling ...' is one statement, of that quote
                if any(t.lower in CUE_FORMS and not t.in_quote for t in toks[: c - 2]):
                    return None
                prev = ","
            if c == 0 or prev not in {",", "by", "while", "after", "before", "when", "—", "–", "in"}:
                return None
            if prev == "," and self._parenthetical_before_verb(c):
                return None  # "The Journal, citing internal documents, reported that ...": the verb reports
            after = self.content_after(c)
            if after is None or lemma in WEAK_CUES and not self._clause_follows(c):
                return None
            subject = self.subject() if prev == "," else None
            if subject is not None and subject[1] == c - 1:  # "The ministry, saying ..., ordered"
                after = self._before_main_verb(after)
            return self._reported(c, after, None, inherit="subject")
        if (
            word.endswith("ed")
            and c > 0
            and toks[c - 1].lower in {"was", "were", "been", "being", "be", "is", "are"}
        ):
            return None  # passive: "was reported", "is expected"
        if word == "known" and c > 0 and toks[c - 1].lower in {"well", "widely", "best", "little", "better"}:
            return None  # "a physician well known for his work"
        # 0. the cue opens the sentence: Said the mayor, “...” / Said Ana Diaz, who lost her shop, “...”
        if c == self._sentence_start_token() and (lemma in _ASIDE_VERBS or lemma == "ask"):
            speaker = self.speaker_after(c)
            quote = next((q for q in self.quotes if q.start > toks[c].end), None) if speaker else None
            if speaker is not None and quote is not None and quote.start < self.sentence.end:
                return RawStatement(quote.inner, toks[c].text, (toks[c].start, toks[c].end), "direct",
                                    self._span(speaker), sent, para)  # fmt: skip
        # 1. a quote right before the cue: “...,” X said / “...,” said X
        q_before = None
        sp_before = self.speaker_before(c)
        if sp_before is None and c > 0 and toks[c - 1].text == ",":
            # "..., Ana Diaz, a councillor, said" / "..., a councillor, Ana Diaz, said"
            sp_before = self._name_before_apposition(c - 1) or self._role_then_name(c - 1)
        probe = sp_before[0] if sp_before else c
        q_before = self.quote_ending_before(probe)
        if (
            q_before is not None
            and q_before.start > self.sentence.start + 2
            and self._inverted_tail(c, sp_before is None) is None
            and self.content_after(c) is not None
        ):
            q_before = None  # chants of "Marco!," the senator said his campaign ...: a forward report
        if q_before is not None:
            speaker = sp_before or self.speaker_after(c)
            if speaker is None:
                return None
            s0 = q_before.inner_start
            lead_text = self.text[max(self.sentence.start, 0) : q_before.start]
            if (
                q_before.start > self.sentence.start
                and len(lead_text.split()) >= 3
                and not any(
                    q.start < q_before.start and len(self.text[q.inner_start : q.inner_end].split()) > 3
                    for q in self.quotes
                    if q is not q_before
                )  # scare quotes before it are part of the content: 'words like “maybe” and “perhaps”'
            ):
                # Details aside, X sends a message that ''is ...,'' Mr. Kamin said.
                s0 = self.sentence.start
                return RawStatement(
                    (s0, q_before.inner_end), cue_text, cue_span, "mixed", self._span(speaker), sent, para
                )
            return RawStatement(q_before.inner, cue_text, cue_span, "direct", self._span(speaker), sent, para)
        lead = self._leading_quote_speaker(c)
        if lead is not None:
            q, speaker = lead
            return RawStatement(q.inner, cue_text, cue_span, "direct", self._span(speaker), sent, para)
        # 2. inverted: CONTENT, X said [adjuncts].  /  CONTENT, said X.
        before_speaker = sp_before[0] if sp_before else c
        as_aside = sp_before is not None and lemma in _ASIDE_VERBS and self._as_aside(before_speaker)
        if as_aside:
            before_speaker -= 1  # "The deal is dead, as the minister said on Monday."
        comma_before = before_speaker > 0 and toks[before_speaker - 1].text in {",", "—", "–"}
        inverted_ok = sp_before is not None or lemma not in NOT_INVERTED
        tail = self._inverted_tail(c, sp_before is None) if comma_before and inverted_ok else None
        if tail is not None and sp_before is None and self._subject_before_parenthetical(c) is not None:
            tail = None  # "The ministry, which is run by Hamas, said four people, including ...": forward
        if as_aside and tail == "end" and self._dash_aside_closes(before_speaker - 1, c):
            tail = "continues"  # "Sean Spicer — as the campaign noted this week — even promoted ..."
        if as_aside and tail is not None and self._aside_opens_clause(before_speaker - 1):
            tail = None  # "given that, as The Times reported, he has emerged ...": read forward
        clause_start = self._clause_start(before_speaker - 1) if as_aside else self.sentence.start
        if tail is not None:
            speaker = sp_before or self.speaker_after(c)
            content = self.content_before(before_speaker - 1)
            if speaker is not None and content is not None:
                s, e = max(content[0], clause_start), content[1]
                if tail == "continues":  # "Acts of protest, Mr. Obama said, are acts of patriotism"
                    e = self._sentence_content_end()
                if len(self.text[s:e].split()) >= 3 and not self._fronted_adjunct(s, e):
                    return RawStatement(
                        (s, e), cue_text, cue_span, self.kind_of(s, e), self._span(speaker), sent, para
                    )
        # 3. forward: X said (that) CONTENT / X said: “...”
        speaker = sp_before
        if speaker is None:
            speaker = self._subject_before_parenthetical(c)
        # "Haddad, who said her house was hit, spoke ...": a clause inside the sentence's
        interrupting = False
        if speaker is None:
            speaker = self._relative_antecedent(c)
            who = speaker is not None and self.tokens[c - 1].lower == "who"
            if speaker is not None and lemma not in STRONG_VERBS and not who and not self._clause_follows(c):
                return None  # "MSF, which supports the hospital, said ...": a description
            interrupting = (
                who
                and speaker is not None
                and speaker[0] == self._sentence_start_token()
                and toks[c - 2].text == ","
            )
        if speaker is None and comma_before:
            # "Smith, a senior aide, said ..." : the subject stands before the apposition
            speaker = self.subject()
            if speaker is not None:
                speaker = self._apposed_name(speaker, c) or speaker
        if speaker is None:
            return None
        if (
            self.tokens[speaker[0]].lower == "it"
            and speaker[1] - speaker[0] == 1
            and lemma not in STRONG_VERBS
        ):
            return None
        q_after = self.quote_starting_after(c)
        if q_after is not None and q_after.start - toks[c].end < 4 and self._quote_ends_clause(q_after):
            return RawStatement(q_after.inner, cue_text, cue_span, "direct", self._span(speaker), sent, para)
        after = self.content_after(c)
        if after is None:
            if self.text[self.sentence.start : self.sentence.end].rstrip().endswith(":"):
                return RawStatement(
                    (-1, -1),
                    cue_text,
                    cue_span,
                    "direct",
                    self._span(speaker),
                    sent,
                    para,
                    inherit="next-paragraph",
                )
            return None
        s = after[0]
        if lemma in {"respond", "reply"} and _NO_COMMENT.match(self.text, s):
            return None  # "did not respond to a request for comment": no statement
        weak = lemma in WEAK_CUES or lemma in STANCE_VERBS
        if weak and not self._clause_follows(c) and not self._strong_speaker(speaker):
            return None
        if interrupting:
            after = (after[0], self._closing_comma(after[0], after[1]) or after[1], after[2])
        return self._reported(c, after, self._span(speaker))

    def _reported(
        self, c: int, content: tuple[int, int, int], speaker: tuple[int, int] | None, inherit: str = ""
    ) -> RawStatement:
        """The statement of the cue at ``c`` whose content ``content_after`` found."""
        s, reach, first = content
        cue = self.tokens[c]
        e = self._object_end(first, reach) if CUE_FORMS.get(cue.lower) in _OBJECT_CUES else reach
        return RawStatement(
            (s, e), cue.text, (cue.start, cue.end), self.kind_of(s, e), speaker, self.sentence,
            self.sentence.paragraph, inherit=inherit, reach=reach,
        )  # fmt: skip

    def _object_end(self, first: int, end: int) -> int:
        """Where the object of a verb such as "endorsed" or "criticized" ends: before the time,
        place and occasion adjuncts and the coordinated verb that follow it ("endorsed Cruz last
        week and has appeared at rallies" -> "Cruz"). A clause or a quotation is left whole."""
        toks = self.tokens
        if (
            first >= len(toks)
            or toks[first].in_quote
            or toks[first].lower in {"that", "what", "how", "whether"}
        ):
            return end
        if (
            first + 1 < len(toks)
            and toks[first].lower in PRONOUNS
            and toks[first + 1].lower in _SUBJECT_VERBS
        ):
            return end  # a clause after all ("disputed it was his")
        for k in range(first + 1, len(toks)):
            t = toks[k]
            if t.start >= end:
                break
            if t.in_quote:
                continue
            lw = t.lower
            if lw in {"that", "which", "who", "whose", "where"}:
                return end  # "claims that a drone had crashed near X on Thursday": a clause of its own
            nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
            if lw == "," and nxt in {"which", "who"} and self._embedded_relative_end(toks[k + 1].start, end):
                return end  # "called on the US and France, which oversee the truce, to act": what follows too
            if (
                lw in _TIME_DETERMINERS
                and nxt.rstrip(".") in TIME_WORDS
                or lw in WEEKDAY_NAMES
                or lw in {"during", "at"}
                and nxt in {"a", "an", "the", "his", "her", "their", "its"}
                or lw == "on"
                and (nxt in WEEKDAY_NAMES or nxt in MONTH_NAMES or nxt.rstrip(".") in MONTH_ABBREVIATIONS)
                or lw == "and"
                and (nxt in _SUBJECT_VERBS or nxt in CUE_FORMS or nxt.endswith("ed"))
                or lw == ","
                and (nxt.endswith("ing") or nxt in {"and", "but", "while", "who", "which", "said"})
            ):
                return t.start
        return end

    def _before_main_verb(self, content: tuple[int, int, int]) -> tuple[int, int, int]:
        """A participle's content cut before the sentence's own verb (the participle phrase
        stands between subject and verb: "The ministry, saying the port was unsafe, ordered
        it closed")."""
        start, end, first = content
        toks = self.tokens
        for k in range(first, len(toks) - 1):
            t = toks[k]
            if t.start >= end:
                break
            if t.text == "," and not t.in_quote:
                nxt = toks[k + 1]
                if not nxt.is_capitalized and (nxt.lower.endswith("ed") or nxt.lower in _SUBJECT_VERBS):
                    return start, t.start, first
        return content

    def _parenthetical_before_verb(self, c: int) -> bool:
        """Whether the participle at ``c`` opens a phrase set off by commas between a subject
        and its reporting verb ("The Journal, citing internal documents, reported ...")."""
        toks = self.tokens
        for k in range(c + 1, min(len(toks) - 1, c + 10)):
            if toks[k].in_quote or toks[k].text in {".", ";", ":"}:
                return False
            if toks[k].text == ",":
                verb = toks[k + 1].lower
                return verb in CUE_FORMS and not verb.endswith("ing")
        return False

    def _as_aside(self, speaker_start: int) -> bool:
        """Whether the speaker starting at ``speaker_start`` opens an aside with "as" after a
        comma ("..., as Obama noted, ..."): what was said stands around it, not after the cue."""
        toks = self.tokens
        return (
            speaker_start > 1
            and toks[speaker_start - 1].lower == "as"
            and toks[speaker_start - 2].text in {",", "—", "–"}
        )

    def _dash_aside_closes(self, opening: int, c: int) -> bool:
        """Whether the dash at ``opening`` opens an aside that a second dash after the cue
        ``c`` closes, with the sentence going on after it."""
        toks = self.tokens
        dash = toks[opening].text
        if dash not in {"—", "–"}:
            return False
        closing = next((k for k in range(c + 1, min(len(toks), c + 10)) if toks[k].text == dash), None)
        return closing is not None and sum(1 for t in toks[closing + 1 :] if t.is_word) >= 2

    def _clause_start(self, comma: int) -> int:
        """Where the clause holding the aside at ``comma`` starts: after the last "that",
        ";" or ":" before it ("... and that the result, as he explained, was ..."), else
        where the sentence starts."""
        for k in range(comma - 1, -1, -1):
            t = self.tokens[k]
            if not t.in_quote and (t.lower == "that" or t.text in {";", ":"}) and k + 1 < comma:
                return self.tokens[k + 1].start
        return self.sentence.start

    def _aside_opens_clause(self, comma: int) -> bool:
        """Whether the aside after ``comma`` stands at the head of the clause it belongs to
        ("given that, as X reported, he ...", "Of course, as X observed, the ..."), so that
        what was said is the clause after it, not the sentence around it."""
        toks = self.tokens
        if comma < 1:
            return True
        if toks[comma - 1].lower in _CLAUSE_OPENERS:
            return True
        first = next((t.lower for t in toks[:comma] if t.is_word), "")
        return first in _ADJUNCT_OPENERS or first in LEADING_FILLERS or first == "of"

    def _quote_ends_clause(self, q: Quote) -> bool:
        """Whether nothing but punctuation or a trailing modifier follows the quote in its
        sentence (so it is the whole content, not part of a mixed one)."""
        if q.end >= self.sentence.end:
            return True
        rest = self.text[q.end : self.sentence.end].lstrip(' ,;:.!?”"')
        following = rest.lower().split()
        if (
            following[:1] == ["and"]
            and following[1:2]
            and following[1] in DETERMINERS
            and not any(w.strip(",.;:") in CUE_FORMS for w in following[2:])
        ):
            return False  # 'said "budget reforms" and the collection of taxes would pay': one subject
        return not rest or rest.split()[0].lower() in TRAILING_MODIFIERS | {"adding", "saying", "telling"}

    def _subject_before_parenthetical(self, c: int) -> tuple[int, int] | None:
        """The subject set off from the cue at ``c`` by a parenthetical between commas (an
        auxiliary may follow it): "MSF, which runs the hospital, said", "Mohamed Hamdan Dagalo,
        known as Hemedti, has said", "The Russian-installed head of the occupied part of the
        region, Yevgeny Balitsky, claimed" (the role that opens the sentence, then the name)."""
        toks = self.tokens
        v = c
        while v > 0 and toks[v - 1].lower in _VERB_GROUP:
            v -= 1
        close = v - 1
        if close < 2 or toks[close].text != ",":
            return None
        opening = next(
            (k for k in range(close - 1, max(-1, close - 24), -1) if toks[k].text in {",", "—", "–"}),
            None,
        )
        if opening is None or opening == 0 or opening + 1 >= close or toks[opening].text != ",":
            return None
        inner = toks[opening + 1 : close]
        if any(t.in_quote for t in inner):
            return None
        first = inner[0].lower
        second = inner[1].lower if len(inner) > 1 else ""
        participle = (first.endswith("ed") or first in _IRREGULAR_PARTICIPLES) and second in {
            "by",
            "in",
            "as",
        }
        if (
            first in {"who", "which"}
            or (first, second) in _NAMING_APPOSITIONS
            or first == "known"
            or participle
            or first in {"citing", "quoting"}  # "TASS, citing a source in the security services, reported"
        ):
            subject = self.subject()
            if subject is not None and subject[1] <= opening:
                return subject  # "Donna Rawlings, 59, of Ashton, Md., who watched ..., said"
            head = self.speaker_before(opening)
            return head if head is not None and head[1] == opening else None
        if 2 <= len(inner) <= 4 and all(t.is_word and t.is_capitalized for t in inner):
            # a name after a role that opens the sentence
            start = self._sentence_start_token()
            role = toks[start:opening]
            if not role or len(role) > 18 or not (role[0].is_capitalized or role[0].lower in DETERMINERS):
                return None
            if any(
                t.in_quote or t.lower in CLAUSE_WORDS or not (t.is_word or t.text in _NAME_MARKS)
                for t in role
            ):
                return None
            if any(
                t.lower in CUE_FORMS and not t.is_capitalized and t.lower not in SPEAKER_NOUNS for t in role
            ):
                return None
            if not any(t.lower in SPEAKER_NOUNS or t.lower in ROLE_NOUNS for t in role):
                return None
            return start, close
        return None

    def _sentence_start_token(self) -> int:
        """The first word of the sentence, after leading quotation marks and fillers."""
        i = 0
        while i < len(self.tokens) and (
            not self.tokens[i].is_word or self.tokens[i].lower in LEADING_FILLERS
        ):
            i += 1
        return i

    def _name_before_apposition(self, comma: int) -> tuple[int, int] | None:
        """ "..., Roberta Lange, the state party chairwoman, said", "Suu Kyi, 70, said": the
        name before an apposition (or an age) that ends at the comma ``comma`` right before the cue."""
        toks = self.tokens
        opening = next((k for k in range(comma - 1, max(-1, comma - 12), -1) if toks[k].text == ","), None)
        if opening is None or opening + 1 >= comma:
            return None
        age = comma == opening + 2 and toks[opening + 1].text.isdigit() and len(toks[opening + 1].text) <= 3
        if not age and toks[opening + 1].lower not in DETERMINERS:
            return None
        apposition = toks[opening + 1 : comma]
        if any(t.in_quote or not (t.is_word or t.text in {"’s", "'s", "-"}) for t in apposition):
            return None
        k = opening
        while k > 0 and toks[k - 1].is_capitalized and toks[k - 1].is_word and opening - k < 4:
            k -= 1
        if k > 1 and toks[k - 1].lower in {"of", "in", "from"}:
            # "Residents of Athmuqam, a town near the frontier, said": the place's people speak
            subject = self.subject()
            if subject is not None and subject[0] < k - 1 and subject[1] == opening:
                return subject
            n = k - 1  # "Rep. Tom Cole of Oklahoma, an ally of the leadership, said": the person
            while n > 0 and toks[n - 1].is_capitalized and toks[n - 1].is_word and k - n < 6:
                n -= 1
            if n < k - 1 and self._valid_speaker(n, k - 1):
                return n, k - 1
        if k == opening or not self._valid_speaker(k, opening):
            return None
        return k, opening

    def _role_then_name(self, comma: int) -> tuple[int, int] | None:
        """ "..., his top aide, Tad Devine, said": a role ending in a speaker noun, then a name,
        between commas right before the cue; the span of both (the content ends before them)."""
        toks = self.tokens
        n0 = comma
        while n0 > 0 and comma - n0 < 4 and toks[n0 - 1].is_word and toks[n0 - 1].is_capitalized:
            n0 -= 1
        if n0 == comma or n0 < 2 or toks[n0 - 1].text != ",":
            return None
        k = n0 - 2
        while k >= 0 and n0 - 1 - k <= 9 and (toks[k].is_word or toks[k].text in {"’s", "'s", "-"}):
            if toks[k].in_quote or toks[k].lower in CLAUSE_WORDS:
                return None
            k -= 1
        if k < 1 or toks[k].text not in {",", "”", '"', "'", "’"} or k + 1 >= n0 - 1:
            return None
        role = toks[k + 1 : n0 - 1]
        # the noun the role is about: "the mayor of the city", "a spokesman for the army"
        of = next((i for i, t in enumerate(role) if i > 0 and t.lower in {"of", "for", "at", "in"}), None)
        head = role[of - 1].lower if of is not None else role[-1].lower
        owner = len(role) > 1 and (  # "Trump's campaign manager"
            role[0].text.endswith(("’s", "'s")) or role[1].text in {"’s", "'s"}
        )
        if not (role[0].lower in DETERMINERS or owner) or not (head in SPEAKER_NOUNS or head in ORG_HEADS):
            return None
        return k + 1, comma

    def _apposed_name(self, subject: tuple[int, int], c: int) -> tuple[int, int] | None:
        """'A NATO spokesperson, Allison Hart, said': the name in apposition to the subject."""
        toks = self.tokens
        a = subject[1]
        if a >= c or toks[a].text != ",":
            return None
        b = c - 1 if toks[c - 1].text == "," else c
        names = toks[a + 1 : b]
        if 2 <= len(names) <= 4 and all(t.is_capitalized and t.is_word for t in names):
            return a + 1, b
        return None

    def _relative_antecedent(self, c: int) -> tuple[int, int] | None:
        """'..., a staffer who told his subordinates ...': the noun phrase before 'who'."""
        k = c - 1
        while k >= 0 and (
            self.tokens[k].lower in BETWEEN_SUBJECT_AND_CUE
            or self.tokens[k].lower.isdigit()
            or self.tokens[k].lower == "in"
        ):
            k -= 1
        if k < 1 or self.tokens[k].lower not in {"who", "which"}:
            return None
        j = k - 1
        if j >= 0 and self.tokens[j].text == ",":
            j -= 1
        if j < 0:
            return None
        found = self.speaker_before(j + 1)
        if (found is None or found[1] != j + 1) and self.tokens[k].lower == "who":
            # "The call came from a local official, who said ...", "signed by the governor,
            # who said ...": the object of a preposition is whom "who" stands for
            for p in range(j, max(0, j - 8), -1):
                if self.tokens[p].lower in {"from", "by", "with", "to", "for"}:
                    return (p + 1, j + 1) if p < j and self._valid_speaker(p + 1, j + 1) else None
                if not self.tokens[p].is_word:
                    break
        return found

    def _leading_quote_speaker(self, c: int) -> tuple[Quote, tuple[int, int]] | None:
        """“...,” Scott Pruitt, the attorney general of Oklahoma, said: the quote opens the
        sentence, ends in a comma, and a name follows it before the cue."""
        for q in self.quotes:
            if not q.closed or q.end > self.tokens[c].start:
                continue
            if self.text[self.sentence.start : q.start].strip() or not self.text[
                q.inner_start : q.end
            ].rstrip("”\"’' ").endswith((",", "?", "!")):
                continue
            first = next((k for k, t in enumerate(self.tokens) if t.start >= q.end and not t.in_quote), None)
            if first is None or first >= c:
                return None
            b = first
            while b < c and self.tokens[b].text not in {",", "(", ";"}:
                b += 1
            if any(self.tokens[k].lower in CUE_FORMS for k in range(first, b)):
                return None  # "“...,” Cabello said, holding up what he said were ...": that cue's
            if b > first and b - first <= 8 and self._valid_speaker(first, b):
                return q, (first, b)
            return None
        return None

    def _quoted_as_saying(self, c: int) -> RawStatement | None:
        """'IRNA quoted Araghchi as saying (that) ...', 'Araghchi was quoted (by IRNA) as
        saying ...': the one quoted is the speaker, what follows 'saying' the content."""
        toks = self.tokens
        saying = next(
            (
                k
                for k in range(c + 1, min(len(toks) - 1, c + 16))
                if toks[k].lower == "as" and toks[k + 1].lower in {"saying", "telling"}
            ),
            None,
        )
        if saying is None:
            return None
        passive = c > 0 and toks[c - 1].lower in {"was", "were", "is", "are", "been", "being"}
        if passive:
            speaker = self.speaker_before(c - 1)
        else:
            speaker = (c + 1, saying) if saying > c + 1 and self._source_phrase(c + 1, saying) else None
        if speaker is None:
            return None
        after = self.content_after(saying + 1)
        if after is not None:
            s, e, _ = after
        else:  # "The strike killed three, Interfax quoted the minister as saying."
            ends = saying + 2 >= len(toks) or toks[saying + 2].text in {".", "!", "?"}
            first = min(c - 1 if passive else c, speaker[0])
            comma = next(
                (k for k in range(first - 1, 0, -1) if toks[k].text == "," and not toks[k].in_quote), None
            )
            before = self.content_before(comma + 1) if ends and comma is not None else None
            if before is None:
                return None
            s, e = before
        cue_span = (toks[c].start, toks[c].end)
        return RawStatement(
            (s, e),
            f"{toks[c].text} as {toks[saying + 1].text}",
            cue_span,
            self.kind_of(s, e),
            self._span(speaker),
            self.sentence,
            self.sentence.paragraph,
        )

    def _according_to(self, c: int) -> RawStatement | None:
        toks = self.tokens
        a = c + 2
        b = a
        while b < len(toks) and toks[b].text not in {",", ";", ".", ":", "—", "–"} and not toks[b].in_quote:
            if toks[b].lower in CLAUSE_WORDS and toks[b].lower != "and":
                break
            b += 1
        if b <= a or not (self._valid_speaker(a, b) or self._source_phrase(a, b)):
            return None
        speaker = self._span((a, b))
        cue_span = (toks[c].start, toks[c + 1].end)
        cue = self.text[cue_span[0] : cue_span[1]]
        first = 0
        while first < len(toks) and not toks[first].is_word:
            first += 1
        if c <= first:  # According to X, CONTENT
            opens = b + 1
            if opens < len(toks) and toks[b].text == "," and self._about_the_source(opens):
                # "According to Ivan Fedorov, the governor of the region, shelling killed two"
                closing = next(
                    (k for k in range(opens, min(len(toks), opens + 16)) if toks[k].text == ","), None
                )
                if closing is not None:
                    opens = closing + 1
            start = toks[opens].start if opens < len(toks) else None
            if start is None:
                return None
            end = self._sentence_content_end()
        else:  # CONTENT, according to X
            start = self._after_dateline(self.sentence.start)
            end = toks[c].start
            while end > start and self.text[end - 1] in " ,—–(\u00a0":
                end -= 1
            if (
                b < len(toks) - 2
                and toks[b].text == ","
                and not self._about_the_source(b + 1)
                and toks[b + 1].lower not in _NEW_CLAUSE  # "..., according to X, while Y said"
                and not toks[b + 1].lower.endswith("ing")  # "..., according to X, raising fears"
            ):
                # CONTENT, according to X, CONTENT (not "..., according to X, who ...")
                end = self._sentence_content_end()
        if end - start < 8:
            return None
        return RawStatement(
            (start, end),
            cue,
            cue_span,
            self.kind_of(start, end),
            speaker,
            self.sentence,
            self.sentence.paragraph,
        )

    def _about_the_source(self, i: int) -> bool:
        """Whether what follows "according to X," at token ``i`` is about X ("who prosecuted
        ...", "a Republican pollster") rather than more of the content ("the rise ... is")."""
        toks = self.tokens
        first = toks[i].lower
        if first in {"who", "whose", "whom", "which"}:
            return True
        if first not in {"a", "an", "the"}:
            return False
        phrase = []
        for t in toks[i + 1 : i + 8]:
            if not t.is_word or t.in_quote:
                break
            phrase.append(t.lower)
        if any(w in _SUBJECT_VERBS for w in phrase):
            return False  # "..., because, according to Trump, the media would call him ..."
        return any(w in SPEAKER_NOUNS or w in ORG_HEADS for w in phrase)

    def _source_phrase(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) after "according to" name a source. "According to" marks its
        object as one, so any short noun phrase does ("people familiar with the plans",
        "state corporate records", "him"), but not the idioms "according to plan" etc."""
        words = [t.lower for t in self.tokens[a:b] if t.is_word]
        if not words or len(words) > 12 or any(w in AUXILIARIES for w in words):
            return False
        if len(words) == 1:
            word = words[0]
            if word in OBJECT_PRONOUNS:
                return True
            return word not in NOT_SPEAKERS and word not in DETERMINERS and word not in _IDIOM_OBJECTS
        return words[0] not in {"what", "which", "how", "why", "whether", "there"}

    def _fronted_adjunct(self, start: int, end: int) -> bool:
        """Whether text[start:end] is only a fronted adjunct ("In a statement", "Earlier in
        2012", "On the campaign trail"), not content said before its attribution."""
        span = self.text[start:end]
        words = span.split()
        return len(words) <= 4 and words[0].lower() in _ADJUNCT_OPENERS and "," not in span

    def _inverted_tail(self, c: int, speaker_after: bool) -> str | None:
        """What follows an inverted cue: "end" when only the speaker, adjuncts or a trailing
        modifier remain ('said on Sunday in a statement', ', adding ...'); "continues" when
        the attribution sits inside the content ('X, he said, would ...'); None otherwise."""
        toks = self.tokens
        i = c + 1
        lemma = CUE_FORMS.get(toks[c].lower, "")
        if i < len(toks) and toks[i].lower in _COMPLEMENT_PREPOSITIONS.get(lemma, ()):
            return None  # "..., Kasich called for the suspension of the deal": what follows is said
        if speaker_after:
            sp = self.speaker_after(c)
            if sp is None:
                return None
            i = sp[1]
            if i < len(toks) and toks[i].lower in {"to", "against", "not"}:
                return None  # "..., Italy, warned all parties to ...": an object, not the speaker
        if lemma in LETTER_VERBS and self._only_addressee_follows(i):
            return "end"  # "..., Kennedy wrote Linick."
        if CUE_FORMS.get(toks[c].lower) in ADDRESSEE_VERBS:
            j = i  # "..., Obama told his closest advisers."
            while (
                j < len(toks)
                and j - i < 6
                and toks[j].is_word
                and (
                    toks[j].is_capitalized
                    or toks[j].lower in NP_INNER
                    or toks[j].lower in SPEAKER_NOUNS
                    or toks[j].lower in OBJECT_PRONOUNS
                    or not self._lowercase_blocks(j, j + 1)
                    or toks[j].lower in {"reporters", "journalists", "supporters", "advisers", "aides"}
                )
            ):
                j += 1
            if j < len(toks) and j == i and toks[j].lower in _ADDRESSEE_DETERMINERS:
                j += 1
            if i < j < len(toks) and toks[j - 1].lower in _ADDRESSEE_DETERMINERS:
                # "..., he told the court in his filing": the noun after a determiner
                start = j
                while (
                    j < len(toks)
                    and j - start < 3
                    and toks[j].is_word
                    and toks[j].lower not in PREPOSITIONS
                    and toks[j].lower not in CLAUSE_WORDS
                    and toks[j].lower not in TRAILING_MODIFIERS
                    and toks[j].lower not in CUE_FORMS
                ):
                    j += 1
            i = j
            if i < len(toks) and toks[i].lower in _SUBORDINATORS:
                return "end"  # "..., Obama told his advisers as he worked on the speech."
        while (
            i < len(toks)
            and (toks[i].lower.rstrip(".") in TIME_WORDS or toks[i].lower.isdigit())
            and toks[i].lower not in _TIME_DETERMINERS
        ):
            i += 1  # "said Friday afternoon"
        if i >= len(toks) or toks[i].text in {".", "!", "?", ";", "("}:
            return "end"
        if toks[i].text in {",", "—", "–"}:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.in_quote and not speaker_after:
                return None  # "As a phone rang, the announcer said, “...”": the quote is the content
            if nxt is not None and nxt.lower == "because":
                return "continues"  # "..., economists say, because there is no precedent": their reason
            if (
                nxt is None
                or nxt.in_quote
                or nxt.lower.endswith("ing")
                or nxt.lower in TRAILING_MODIFIERS - ({"a", "an", "the"} if not speaker_after else set())
                or nxt.lower in PREPOSITIONS - {"this", "last", "late", "early", "earlier", "later"}
                or speaker_after
                and nxt.is_capitalized
                and nxt.lower not in {"he", "she", "they"}
            ):
                return "end"
            return "continues"
        if toks[i].lower in PREPOSITIONS and not any(
            t.lower == "that" and not t.in_quote for t in toks[i : i + 12]
        ):
            return "end"
        return None

    def _ends_sentence(self, c: int) -> bool:
        """Whether only closing punctuation follows the token at ``c`` in its sentence."""
        return all(not t.is_word for t in self.tokens[c + 1 :])

    def _modifier_before(self, c: int) -> bool:
        """Whether the word before ``c`` is a lower-case word that modifies a noun rather than a
        subject of a verb ("development projects", not "the ministry reports" nor "he notes")."""
        if c == 0:
            return False
        prev = self.tokens[c - 1]
        return (
            prev.is_word
            and not prev.is_capitalized
            and prev.lower not in PRONOUNS
            and prev.lower not in SPEAKER_NOUNS
            and prev.lower not in AUXILIARIES
            and prev.lower not in DETERMINERS
            and not prev.in_quote
        )

    def _clause_follows(self, c: int) -> bool:
        toks = self.tokens
        for t in toks[c + 1 : c + 8]:
            if t.lower == "that" or t.text == ":" or t.in_quote:
                return True
        nxt = toks[c + 1] if c + 1 < len(toks) else None
        return bool(nxt and nxt.lower in PRONOUNS)

    def _strong_speaker(self, speaker: tuple[int, int]) -> bool:
        toks = self.tokens[speaker[0] : speaker[1]]
        return any(t.is_capitalized or t.lower in SPEAKER_NOUNS or t.lower in PRONOUNS for t in toks)

    def _span(self, tok_range: tuple[int, int]) -> tuple[int, int]:
        a, b = tok_range
        return self.tokens[a].start, self.tokens[b - 1].end

    def _merge_same_speaker(self, found: list[RawStatement]) -> list[RawStatement]:
        """One speaker, one statement per sentence: a participle clause (', adding that ...')
        or a second verb of the same subject extends the first statement."""
        out: list[RawStatement] = []
        for st in found:
            if st.inherit == "coordinated":
                reach = max(out[-1].content[1], out[-1].reach) if out else 0
                between = self.text[reach : st.cue_span[0]] if out and st.cue_span else ""
                if (
                    out
                    and st.cue_span
                    and (
                        out[-1].content[0] < st.cue_span[0] <= reach + 2
                        or between.strip(" ,") in {"and", "and also", "but", "but also"}
                    )
                ):
                    prev = out[-1]
                    cut = self.text[prev.content[0] : st.cue_span[0]].rstrip()
                    cut = cut.removesuffix(" also").rstrip()
                    for conjunction in (" and", " but"):
                        cut = cut.removesuffix(conjunction).rstrip(" ,")
                    if len(cut.split()) >= 3:
                        # an object cut before its adjuncts stays cut ("praised the crews during ...")
                        prev.content = (prev.content[0], min(prev.content[1], prev.content[0] + len(cut)))
                        st.speaker, st.inherit = prev.speaker, ""
                        out.append(st)
                        continue
                st.inherit = "subject"
            # “...,” he said, noting ...: the participle adds a claim of its own
            after_quote = (
                bool(out)
                and out[-1].kind == "direct"
                and out[-1].cue_span is not None
                and out[-1].content[1] <= out[-1].cue_span[0]
            )
            separate_quote = st.inherit == "subject" and (st.kind == "direct" or after_quote)
            # "rejected the request, saying the courts have no business ...": what the stance
            # was taken on, and then a claim of its own
            after_object = (
                bool(out)
                and st.inherit == "subject"
                and st.cue_span is not None
                and CUE_FORMS.get((out[-1].cue or "").lower()) in _OBJECT_CUES
                and out[-1].content[1] < st.cue_span[0]
                and CUE_FORMS.get((st.cue or "").lower()) not in _OBJECT_CUES
            )
            # a statement of the same speaker after the cue that closed the last one's quote
            # ("“A,” the minister said on Monday, and she ..."): the cue between is no part of either
            around_cue = (
                bool(out)
                and st.inherit != "subject"
                and out[-1].cue_span is not None
                and out[-1].content[1] <= out[-1].cue_span[0]
                and out[-1].cue_span[1] <= st.content[0]
            )
            if (
                out
                and (st.inherit == "subject" or st.speaker == out[-1].speaker)
                and not (separate_quote or after_object or around_cue)
                and max(out[-1].content[1], out[-1].reach) >= st.content[0] - 40
                and st.inherit != "previous"
            ):
                prev = out[-1]
                prev.content = (min(prev.content[0], st.content[0]), max(prev.content[1], st.content[1]))
                if prev.kind != st.kind:
                    prev.kind = (
                        "mixed"
                        if "direct" in (prev.kind, st.kind) or "mixed" in (prev.kind, st.kind)
                        else prev.kind
                    )
                continue
            if st.inherit == "subject" and out:
                st.speaker = out[-1].speaker
                st.inherit = ""
            elif st.inherit == "subject":
                sub = self.subject()
                if sub is not None:
                    st.speaker = self._span(sub)
                    st.inherit = ""
            out.append(st)
        return out


def find_statements(text: str, paragraphs: list[Paragraph]) -> list[RawStatement]:
    """All raw statements of an article, continued quotes included."""
    out: list[RawStatement] = []
    last_para_with_statement = -10
    pending_colon: RawStatement | None = None
    for p in paragraphs:
        if pending_colon is not None:
            # "X said:" / "The New York Times reports:" -> the next paragraph is the content
            first = p.sentences[0] if p.sentences else None
            if first is not None:
                quoted = bool(p.quotes) and text[p.start : p.quotes[0].start].strip() == ""
                pending_colon.content = (
                    p.quotes[0].inner if quoted and len(p.quotes) == 1 else (p.start, p.end)
                )
                pending_colon.kind = "direct" if quoted else "indirect"
                pending_colon.inherit = ""
                out.append(pending_colon)
                last_para_with_statement = p.index
            pending_colon = None
            continue
        signed = _colon_attribution(text, p) or _dash_attribution(text, p)
        if signed is not None:
            out.append(signed)
            last_para_with_statement = p.index
            continue
        if not _has_sentence_end(text, p):
            continue  # headlines, captions, datelines
        para_statements: list[RawStatement] = []
        for s in p.sentences:
            found = SentenceRules(text, s, p.quotes).find()
            if not found:
                poll = _poll_finding(text, s)
                found = [poll] if poll is not None else []
            for st in found:
                if st.inherit == "next-paragraph":
                    pending_colon = st
                else:
                    para_statements.append(st)
        para_statements.extend(_unclaimed_quotes(text, p, para_statements, out, last_para_with_statement))
        para_statements.sort(key=lambda r: r.content[0])
        if para_statements:
            last_para_with_statement = p.index
        out.extend(para_statements)
    return out


_POLL_FRONT = re.compile(
    r"In\s+(?P<source>(?:the|a|an|this|that|its|their|his|her|our|last|one)\s+[^,;:“”\"()]{0,70}?"
    r"\b(?:polls?|surveys?|stud(?:y|ies)|exit polls|census|poll of [^,;:“”\"()]{1,60}))"
    r"(?P<detail>,?\s+(?:released|published|conducted|taken|out|by|of|from|for|in|on)\b[^,;:“”\"()]{0,60})?,\s+"
)


def _poll_finding(text: str, sentence: Sentence) -> RawStatement | None:
    """ "In a new Fox News poll released Thursday, Trump leads ...": what a poll or study
    found, in a sentence that attributes nothing else."""
    m = _POLL_FRONT.match(text, sentence.start, sentence.end)
    if m is None:
        return None
    start, end = m.end(), sentence.end
    while end > start and text[end - 1] in " .\n":
        end -= 1
    if len(text[start:end].split()) < 4:
        return None
    return RawStatement(
        (start, end),
        "in",
        (m.start(), m.start() + 2),
        "indirect",
        m.span("source"),
        sentence,
        sentence.paragraph,
    )


_DASH_NAME = re.compile(r"[―—–]{1,2}\s*([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,4})[.\s]*$")
_COLON_SPEAKER = re.compile(r"[\"“”']?([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\s*:\s+(?=\S)")
_NOT_COLON_SPEAKERS = words(
    """
    latest update updated note editor editor's editor’s related photo photos read watch listen video
    image source sources correction clarification disclosure full transcript q a question answer by
    story breaking exclusive opinion analysis live see more also warning summary background context
    credit caption file getty reuters ap title headline subtitle date dateline published outlet author
    byline tags keywords topic topics section category location
    """
)


def _dash_attribution(text: str, p: Paragraph) -> RawStatement | None:
    """A quote signed with a dash: “...” ― Esther Tapia."""
    m = _DASH_NAME.search(text, p.start, p.end)
    if m is None or len(text[p.start : m.start()].split()) < 5:
        return None
    start, end = p.start, m.start()
    while start < end and text[start] in "“”\"' ":
        start += 1
    while end > start and text[end - 1] in "“”\"' ":
        end -= 1
    sent = p.sentences[0]
    return RawStatement(
        (start, end),
        text[m.start()],
        (m.start(), m.start() + 1),
        "direct",
        (m.start(1), m.end(1)),
        sent,
        p.index,
    )


def _colon_attribution(text: str, p: Paragraph) -> RawStatement | None:
    """A paragraph opened by a name and a colon: 'PENCE: Well, look, ...', 'Poll: Voters ...'."""
    m = _COLON_SPEAKER.match(text, p.start, p.end)
    if m is None or m.end() >= p.end:
        return None
    named = [w for w in m.group(1).split() if w.lower() not in {"the", "a", "an"}] or m.group(1).split()
    first = named[0].lower().rstrip(".")
    said = text[m.end() : p.end]
    if first in _NOT_COLON_SPEAKERS or len(said.split()) < 3:
        return None
    if len(named) == 1 and first.endswith(("ing", "ed")):
        return None  # a label: "Contributing: ...", "Revealed: ..."
    if _is_name_list(said):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, ..."
    start, end = m.end(), p.end
    while end > start and text[end - 1] in '“”" .':
        end -= 1
    while start < end and text[start] in '“"':
        start += 1  # 'Bush: "The mission is ..."': the words, not the quotation mark
    return RawStatement(
        (start, end),
        ":",
        (m.end(1), m.end(1) + 1),
        "direct",
        (m.start(1), m.end(1)),
        p.sentences[0],
        p.index,
    )


def _is_name_list(text: str) -> bool:
    """'Tim Albrecht, Brad Anderson, Rob Barron and ...': three or more names and nothing else."""
    parts = [part.strip(" .") for part in re.split(r",|\band\b", text) if part.strip(" .")]
    return len(parts) >= 3 and all(
        1 <= len(part.split()) <= 4 and all(w[:1].isupper() for w in part.split()) for part in parts
    )


def _has_sentence_end(text: str, p: Paragraph) -> bool:
    tail = text[max(p.start, p.end - 3) : p.end]
    return any(ch in tail for ch in '.!?”"’:')


def _unclaimed_quotes(
    text: str, p: Paragraph, here: list[RawStatement], before: list[RawStatement], last_para: int
) -> list[RawStatement]:
    """Quotes no cue claimed that continue the last speaker: a quote paragraph with no
    attribution of its own, or a further quote after an attributed one in the paragraph."""
    out: list[RawStatement] = []
    for q in p.quotes:
        inner = text[q.inner_start : q.inner_end]
        if len(inner.split()) < 4:
            continue
        if any(r.content[0] < q.inner_end and q.inner_start < r.content[1] for r in here):
            continue
        earlier_here = [r for r in here if r.content[1] <= q.start]
        opens_paragraph = text[p.start : q.start].strip() == ""
        if earlier_here and earlier_here[-1].kind == "direct":
            # “I would,” Melanie said. “I would, Donald.”: one statement in two pieces
            earlier_here[-1].content = (earlier_here[-1].content[0], q.inner_end)
            continue
        if earlier_here or (opens_paragraph and before and p.index - last_para <= 2):
            sent = next((s for s in p.sentences if s.start <= q.inner_start < s.end), p.sentences[0])
            out.append(RawStatement(q.inner, None, None, "direct", None, sent, p.index, inherit="previous"))
    return out
