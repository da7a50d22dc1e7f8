"""How each party described one event, side by side, and where the parties disagree.

:func:`build_comparison` reads an event's statements and sorts them into columns (by party,
speaker or outlet). For each column it lists what happened in its words (its statements),
whom it blames, the figures it gives (numbers with what they count: killed, wounded,
drones...), the places it names, and its denials and confirmations, each item carrying
the speaker, outlet, date and the article and sentence it comes from. Then it looks
across the columns for conflicting figures, mutual blame, and one party confirming what
another denies. This module only builds data; :mod:`crossref.render_events` prints it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Literal

from crossref.database import Database
from crossref.eventquery import resolve_event
from crossref.store import list_statements
from crossref.terms import terms
from crossref.words import words

GroupBy = Literal["party", "speaker", "outlet"]
NO_PARTY = "(no party)"

DENY_CUES = words(
    """deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed dismissing
    refute refutes refuted refuting dispute disputes disputed disputing contradict contradicted"""
)
CONFIRM_CUES = words(
    """confirm confirms confirmed confirming acknowledge acknowledges acknowledged acknowledging admit
    admits admitted admitting verify verifies verified verifying"""
)
BLAME_CUES = words("blame blames blamed blaming accuse accuses accused accusing")

_BLAME_OBJECT = re.compile(
    r"^(?P<who>.+?)\s+(?:of|for)\s+\S", re.S
)  # "Moscow of trying to ...", "Yerevan for the clash"
# (words every match contains, lowercase; the pattern): the words are looked for first, as
# the lazy spans make a pattern slow to fail on a long text
_BLAME_IN_TEXT = (
    (
        ("blam", "accus"),
        re.compile(r"\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing))\s+(?P<who>.+?)\s+(?:of|for)\b", re.I),
    ),
    (
        ("bear",),
        re.compile(
            r"(?P<who>[^,.;:“”\"]+?)\s+bears?\s+(?:full\s+|the\s+|all\s+|sole\s+)?responsibility", re.I
        ),
    ),
    (
        ("lies",),
        re.compile(
            r"responsibility\s+lies\s+(?:entirely\s+|solely\s+|fully\s+)?with\s+(?P<who>[^,.;“”\"]+)", re.I
        ),
    ),
    (
        ("to blame", "responsible for"),
        re.compile(r"(?P<who>[^,.;:“”\"]+?)\s+(?:is|are|was|were)\s+(?:to blame|responsible for)", re.I),
    ),
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a dozen": 12, "dozens": 24, "hundreds": 200, "a hundred": 100,
}  # fmt: skip
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a dozen|a hundred|dozens|hundreds|"
    + "|".join(
        sorted(
            (w for w in _NUMBER_WORDS if " " not in w and w not in ("dozens", "hundreds")),
            key=len,
            reverse=True,
        )
    )
    + r")"
)
# What a number counts: the first word (after up to three modifiers) that names a unit.
UNITS = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "death": "killed", "died": "killed",
    "fatalities": "killed", "bodies": "killed", "lives": "killed",
    "wounded": "wounded", "injured": "wounded", "injuries": "wounded", "hurt": "wounded",
    "casualties": "casualties",
    "drones": "drones", "drone": "drones", "missiles": "missiles", "missile": "missiles",
    "rockets": "rockets", "shells": "shells", "rounds": "shells", "attacks": "attacks", "strikes": "strikes",
    "people": "people", "civilians": "civilians", "soldiers": "soldiers", "servicemen": "soldiers",
    "troops": "soldiers", "soldier": "soldiers", "serviceman": "soldiers", "civilian": "civilians",
    "person": "people", "child": "children", "children": "children", "villages": "villages", "homes": "homes",
    "houses": "homes", "households": "homes", "buildings": "buildings", "ships": "vessels",
    "vessels": "vessels", "boats": "vessels", "crew": "crew", "tonnes": "tonnes", "tons": "tonnes",
    "refugees": "refugees", "prisoners": "prisoners", "hostages": "hostages", "arrests": "arrests",
    "arrested": "arrests", "detained": "arrests",
}  # fmt: skip
_PERSON_UNITS = {"people", "civilians", "soldiers", "children", "crew", "casualties"}
_CASUALTY_VERBS = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|wound(?:ed|ing|s)?|injur(?:ed|ing|ies)|hurt)\b", re.I
)
_FIGURE = re.compile(r"(?<![\w.,-])" + _NUMBER + r"(?![\w-])(?P<after>(?:\s+[\w’'-]+){1,5})", re.I)
_TOLL = re.compile(
    r"\b(?:death toll|toll|number of (?:the )?(?:dead|people killed|deaths|victims)|number of dead)\b"
    r"[^.;]{0,60}?\b(?:to|at|reached|stands at)\s+" + _NUMBER + r"\b",
    re.I,
)


# --------------------------------------------------------------------------- statements -> items


def _number(raw: str) -> float | None:
    raw = raw.lower().replace(",", "")
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    try:
        return float(raw)
    except ValueError:
        return None


def figures_in(text: str) -> list[dict[str, Any]]:
    """Numbers with what they count in ``text``: [{"value", "unit", "text"}], e.g. "four
    people had been killed" -> 4 killed, "38 Shahed-type attack drones" -> 38 drones."""
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for m in _TOLL.finditer(text):
        value = _number(m.group("num"))
        if value is not None:
            found.append({"value": value, "unit": "killed", "text": m.group(0).strip()})
            taken.append(m.span())
    for m in _FIGURE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = _number(m.group("num"))
        if value is None:
            continue
        words = [w.lower().strip("’'") for w in m.group("after").split()]
        if words and words[0] in (
            "percent",
            "per",
            "%",
            "km",
            "kilometres",
            "miles",
            "years",
            "year-old",
            "a.m.",
            "p.m.",
        ):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
            continue  # a year
        if words[:2] == ["of", "the"] or words[:1] == ["of"]:
            continue  # "three of the dead": part of a figure, not one
        unit = next((UNITS[w] for w in words[:4] if w in UNITS), None)
        if unit is None:
            continue
        # "four people had been killed", "killing four people": a casualty verb says what the people are
        if unit in _PERSON_UNITS:
            verb = _CASUALTY_VERBS.search(text[m.end("num") : m.end("num") + 40]) or _CASUALTY_VERBS.search(
                text[max(0, m.start() - 25) : m.start()]
            )
            if verb:
                unit = "killed" if re.match(r"kill|dead|died|death", verb.group(0), re.I) else "wounded"
        found.append({"value": value, "unit": unit, "text": text[m.start() : m.end()].strip()})
    return found


def _cue(st: dict[str, Any]) -> str:
    return (st.get("cue") or "").lower().split()[0] if st.get("cue") else ""


def _side_of(phrase: str) -> str | None:
    """The party a phrase names first ('the Moldovan leadership' -> Moldova, 'Yerevan' ->
    Armenia, 'the EU mission' -> European Union), or None."""
    from crossref.parties import international_organisation
    from crossref.parties.countries import country_in, fold

    country = country_in(phrase)
    org = international_organisation(phrase)
    if country and org:
        low = fold(phrase)
        c_at = low.find(fold(country)[:5])
        o_at = low.find(fold(org)[:5])
        if o_at >= 0 and (c_at < 0 or o_at < c_at):
            return org
        return country
    return country or org


def blames_in(st: dict[str, Any]) -> list[dict[str, Any]]:
    """Whom a statement blames: [{"target": phrase, "side": party or None}]."""
    out: list[str] = []
    text = st.get("text") or ""
    if _cue(st) in BLAME_CUES:
        m = _BLAME_OBJECT.match(text)
        if m and len(m.group("who").split()) <= 8:
            out.append(m.group("who").strip(" ,"))
    low = text.lower()
    for needles, pattern in _BLAME_IN_TEXT:
        if not any(n in low for n in needles):
            continue
        for m in pattern.finditer(text):
            who = m.group("who").strip(" ,")
            if 0 < len(who.split()) <= 8 and who not in out:
                out.append(who)
    return [{"target": who, "side": _side_of(who)} for who in out]


def _item(st: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A cell of the comparison: what it says and where it comes from."""
    return {
        "text": st.get("text"),
        "speaker": st.get("speaker") or st.get("speaker_mention"),
        "party": st.get("party"),
        "outlet": st.get("outlet"),
        "date": st.get("published"),
        "statement_id": st.get("id"),
        "article_id": st.get("article_id"),
        "source": st.get("source"),
        "url": st.get("url"),
        "sentence": st.get("sentence"),
        "start": st.get("start"),
        "end": st.get("end"),
        **extra,
    }


# --------------------------------------------------------------------------- the comparison


def _column_of(st: dict[str, Any], by: GroupBy) -> str:
    if by == "speaker":
        return st.get("speaker") or st.get("speaker_mention") or "(unknown speaker)"
    if by == "outlet":
        return st.get("outlet") or "(unknown outlet)"
    return st.get("party") or NO_PARTY


def build_comparison(db: Database, event: str, *, by: GroupBy = "party") -> dict[str, Any]:
    """The comparison of one event (an id or id prefix): ``{"event", "by", "parties",
    "disagreements"}``, each entry of ``parties`` holding ``party`` (the column's name),
    ``statements`` (as ``crossref statements --json`` gives them), ``blames``, ``figures``,
    ``places``, ``denials`` and ``confirmations``."""
    info = resolve_event(db, event)
    statements = list_statements(db, event_id=info["id"])
    places_of = _statement_places(db, [st["id"] for st in statements])
    columns: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        columns.setdefault(_column_of(st, by), []).append(st)
    order = sorted(columns, key=lambda name: (name.startswith("("), -len(columns[name]), name))
    parties = [_column(name, columns[name], places_of) for name in order]
    return {
        "event": {k: v for k, v in info.items() if k != "title_locked"},
        "by": by,
        "parties": parties,
        "disagreements": disagreements(parties) if by == "party" else disagreements(parties, sides=False),
    }


def _statement_places(db: Database, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for i in range(0, len(ids), 400):
        chunk = list(ids[i : i + 400])
        for sid, raw in db.execute(
            "SELECT statement_id, places FROM event_members "
            f"WHERE statement_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            out[int(sid)] = list(json.loads(raw).values()) if raw else []
    return out


def _column(name: str, statements: list[dict[str, Any]], places_of: dict[int, list[str]]) -> dict[str, Any]:
    blames, figures, denials, confirmations = [], [], [], []
    places: list[str] = []
    for st in statements:
        for blame in blames_in(st):
            blames.append(_item(st, **blame))
        for figure in figures_in(st.get("text") or ""):
            figures.append(_item(st, **figure, statement=st.get("text")))  # "text": the figure's words
        cue = _cue(st)
        if cue in DENY_CUES:
            denials.append(_item(st))
        elif cue in CONFIRM_CUES:
            confirmations.append(_item(st))
        for place in places_of.get(st["id"], []):
            if place not in places:
                places.append(place)
    return {
        "party": name,
        "statements": statements,
        "blames": blames,
        "figures": figures,
        "places": places,
        "denials": denials,
        "confirmations": confirmations,
    }


# --------------------------------------------------------------------------- disagreements


def disagreements(parties: Sequence[dict[str, Any]], *, sides: bool = True) -> list[dict[str, Any]]:
    """Where the columns disagree: different figures for the same thing, parties blaming each
    other (``sides``: columns are parties), and one confirming what another denies."""
    out: list[dict[str, Any]] = []
    out += _figure_conflicts(parties)
    if sides:
        out += _mutual_blame(parties)
    out += _confirm_vs_deny(parties)
    return out


def _figure_conflicts(parties: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    by_unit: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for column in parties:
        if column["party"].startswith("("):
            continue  # no party: nobody to disagree with
        for figure in column["figures"]:
            by_unit.setdefault(figure["unit"], {}).setdefault(column["party"], []).append(figure)
    out = []
    for unit, per_party in sorted(by_unit.items()):
        values = {party: sorted({f["value"] for f in figs}) for party, figs in per_party.items()}
        if len(values) < 2 or len({tuple(v) for v in values.values()}) < 2:
            continue
        out.append(
            {
                "kind": "figures",
                "unit": unit,
                "values": {party: [_plain(v) for v in vals] for party, vals in values.items()},
                "parties": list(values),
                "items": [f for figs in per_party.values() for f in figs],
                "summary": f"{unit}: "
                + "; ".join(
                    f"{party} says {', '.join(str(_plain(v)) for v in vals)}"
                    for party, vals in values.items()
                ),
            }
        )
    return out


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _mutual_blame(parties: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    blamed: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for column in parties:
        for blame in column["blames"]:
            if blame.get("side") and blame["side"] != column["party"]:
                blamed.setdefault((column["party"], blame["side"]), []).append(blame)
    out = []
    for (a, b), items in sorted(blamed.items()):
        if a < b and (b, a) in blamed:
            out.append(
                {
                    "kind": "mutual_blame",
                    "parties": [a, b],
                    "items": items + blamed[(b, a)],
                    "summary": f"{a} and {b} blame each other",
                }
            )
    return out


def _confirm_vs_deny(parties: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per (confirming party, denying party) whose confirmation and denial share at
    least two content words; ``confirmation`` and ``denial`` are the closest pair, ``pairs``
    all of them."""
    out = []
    term_sets: dict[str, set[str]] = {}

    def words_of(item: dict[str, Any]) -> set[str]:
        text = item["text"] or ""
        found = term_sets.get(text)
        if found is None:
            found = term_sets[text] = set(terms(text))
        return found

    for confirming in parties:
        for denying in parties:
            if confirming["party"] == denying["party"] or confirming["party"].startswith("("):
                continue
            pairs = []
            for c in confirming["confirmations"]:
                for d in denying["denials"]:
                    shared = words_of(c) & words_of(d)
                    if len(shared) >= 2:
                        pairs.append({"confirmation": c, "denial": d, "shared": sorted(shared)})
            if not pairs:
                continue
            best = max(pairs, key=lambda p: len(p["shared"]))
            out.append(
                {
                    "kind": "confirm_deny",
                    "parties": [confirming["party"], denying["party"]],
                    "confirmation": best["confirmation"],
                    "denial": best["denial"],
                    "shared": best["shared"],
                    "pairs": pairs,
                    "summary": f"{confirming['party']} confirms what {denying['party']} denies",
                }
            )
    return out
