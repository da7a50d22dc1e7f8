"""Dates that a news sentence mentions, resolved against the article's publication date.

News copy rarely gives full dates: "on Saturday" (the most recent Saturday on or before
publication), "Dec. 11", "11 December", "last month", "overnight", "five weeks earlier".
:func:`find_dates` finds every such expression in a text and resolves it to a date range;
:func:`incident_dates` keeps those a statement gives for the incident itself, leaving out
the day a statement was *made* ("said on Sunday", "told a briefing on Friday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from crossref.words import words

DateKind = Literal["day", "range", "month", "year", "anaphoric"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "couple": 2,
}  # fmt: skip
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}

# Words after which a date tells when something was *said*, not when it happened.
REPORT_WORDS = words(
    """said says say told tells reported reports stated states announced announces confirmed confirms
    claimed claims added adds wrote writes warned warns noted notes denied denies rejected rejects
    accused accuses urged urges called calls reacted reacts insisted insists described describes
    dismissed dismisses tweeted posted explained explains acknowledged acknowledges admitted briefing
    statement conference interview address speech remarks press video telegram reporters journalists"""
)

PASSIVE = frozenset({"was", "were", "been", "being", "is", "are", "be", "first", "also"})

_MONTH = r"(?P<{n}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_DASH = r"\s*[-–—]\s*"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<num>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"  # noqa: E501
_UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            r"\b"
            + _MONTH.format(n="m")
            + r"\s+"
            + _DAY.format(n="d")
            + r"(?:"
            + _DASH
            + _DAY.format(n="d2")
            + r")?\b(?:,?\s+"
            + _YEAR.format(n="y")
            + r")?"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b"
            + _DAY.format(n="d")
            + r"(?:"
            + _DASH
            + _DAY.format(n="d2")
            + r")?\s+(?:of\s+)?"
            + _MONTH.format(n="m")
            + r"(?:,?\s+"
            + _YEAR.format(n="y")
            + r")?\b"
        ),
    ),
    ("my", re.compile(r"\b" + _MONTH.format(n="m") + r",?\s+" + _YEAR.format(n="y") + r"\b")),
    (
        "month",
        re.compile(
            # "In March, ..." opening a sentence as well as "since March"
            r"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id|[Mm]id-|[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y"
            r"|[Dd]uring|[Tt]hroughout|[Ff]rom|of)\s+)" + _MONTH.format(n="m") + r"(?![\w-])"
        ),
    ),
    ("rel_weekday", re.compile(r"\b(?P<rel>last|next|this|past)\s+" + _WEEKDAY + r"\b", re.I)),
    ("weekday", re.compile(r"\b" + _WEEKDAY + r"(?:['’]s)?\b")),
    ("ago", re.compile(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?P<dir>ago|earlier|before|previously)\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|the previous day|the day before|last night)\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b", re.I)),
    ("overnight", re.compile(r"\bovernight\b", re.I)),
    (
        "weekend",
        re.compile(r"\b(?P<rel>at|over|this|last|on)\s+the\s+weekend\b|\b(?:this|last)\s+weekend\b", re.I),
    ),
    ("week", re.compile(r"\b(?P<rel>last|this|past|earlier this|previous)\s+week\b", re.I)),
    ("monthrel", re.compile(r"\b(?P<rel>last|this|past|earlier this|previous)\s+month(?:['’]s)?\b", re.I)),
    ("yearrel", re.compile(r"\b(?P<rel>last|this|past|previous)\s+year(?:['’]s)?\b", re.I)),
    (
        "year",
        re.compile(r"\b(?:in|since|until|by|of|from|during|early|late)\s+" + _YEAR.format(n="y") + r"\b"),
    ),
    ("anaphoric", re.compile(r"\b(?:at the time|at that time|that day|that night|then)\b(?!\s+of\b)", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    """One date expression: ``start``/``end`` offsets in the text searched, the range it
    names (``lo`` to ``hi``, inclusive; None for anaphoric "at the time"), and its kind."""

    start: int
    end: int
    text: str
    lo: date | None
    hi: date | None
    kind: DateKind
    report: bool = False  # the date a statement was made ("said on Sunday")

    @property
    def days(self) -> int:
        """How many days the range spans (0 for anaphoric mentions)."""
        if self.lo is None or self.hi is None:
            return 0
        return (self.hi - self.lo).days + 1


def parse_date(value: str | date | None) -> date | None:
    """An ISO date (``YYYY-MM-DD``, longer timestamps cut) as a date, or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _closest_year(month: int, day: int, published: date) -> date | None:
    """The date month/day nearest to ``published`` (a future date counts twice as far)."""
    best: tuple[float, date] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        gap = (candidate - published).days
        cost = -gap if gap <= 0 else 2 * gap
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def _month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _last_weekday(weekday: int, published: date, *, strictly_before: bool = False) -> date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def _resolve(name: str, m: re.Match[str], published: date) -> tuple[date, date, DateKind] | None:
    g = m.groupdict()
    if name == "iso":
        try:
            day = date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return day, day, "day"
    if name in ("mdy", "dmy"):
        month, first = _month(g["m"]), int(g["d"])
        last = int(g["d2"]) if g.get("d2") else first
        if not (1 <= first <= 31 and first <= last <= 31):
            return None
        if g.get("y"):
            try:
                lo, hi = date(int(g["y"]), month, first), date(int(g["y"]), month, last)
            except ValueError:
                return None
        else:
            lo_found = _closest_year(month, first, published)
            if lo_found is None:
                return None
            lo = lo_found
            try:
                hi = date(lo.year, month, last)
            except ValueError:
                return None
        return lo, hi, "day" if lo == hi else "range"
    if name == "my":
        lo, hi = _month_range(int(g["y"]), _month(g["m"]))
        return lo, hi, "month"
    if name == "month":
        if g["m"] == "May" and g["rel"] in ("by", "of", "from"):
            return None  # "by May" is fine, but "of May" / "from May" are too often names
        month = _month(g["m"])
        rel = g["rel"].lower()
        year = published.year if month <= published.month else published.year - 1
        if rel == "next" or (rel in ("until", "by") and month > published.month):
            year = published.year + (month <= published.month)
        lo, hi = _month_range(year, month)
        return lo, hi, "month"
    if name == "rel_weekday":
        weekday = WEEKDAYS[g["wd"].lower()]
        rel = g["rel"].lower()
        if rel == "next":
            ahead = (weekday - published.weekday()) % 7 or 7
            day = published + timedelta(days=ahead)
        else:
            day = _last_weekday(weekday, published, strictly_before=rel in ("last", "past"))
        return day, day, "day"
    if name == "weekday":
        day = _last_weekday(WEEKDAYS[g["wd"].lower()], published)
        return day, day, "day"
    if name == "ago":
        raw = g["num"].lower()
        count = (
            int(raw)
            if raw.isdigit()
            else NUMBERS.get(raw.split()[-1] if raw != "a couple of" else "couple", 1)
        )
        unit = UNIT_DAYS[g["unit"].lower()]
        centre = published - timedelta(days=count * unit)
        slack = {1: 0, 7: 3, 14: 3, 30: 10, 365: 60}[unit]
        return centre - timedelta(days=slack), centre + timedelta(days=slack), "day" if not slack else "range"
    if name == "yesterday":
        day = published - timedelta(days=1)
        return day, day, "day"
    if name == "today":
        return published, published, "day"
    if name == "overnight":
        return published - timedelta(days=1), published, "range"
    if name == "weekend":
        saturday = _last_weekday(5, published)
        if (published - saturday).days == 0 and "last" in m.group(0).lower():
            saturday -= timedelta(days=7)
        return saturday, min(saturday + timedelta(days=1), published), "range"
    if name == "week":
        rel = g["rel"].lower()
        monday = published - timedelta(days=published.weekday())
        if rel in ("last", "previous"):
            return monday - timedelta(days=7), monday - timedelta(days=1), "range"
        if rel == "past":
            return published - timedelta(days=7), published, "range"
        return monday, published, "range"
    if name == "monthrel":
        rel = g["rel"].lower()
        if rel in ("last", "previous"):
            year, month = (
                (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
            )
            lo, hi = _month_range(year, month)
            return lo, hi, "month"
        if rel == "past":
            return published - timedelta(days=30), published, "month"
        return date(published.year, published.month, 1), published, "month"
    if name == "yearrel":
        year = published.year - (g["rel"].lower() in ("last", "previous"))
        return date(year, 1, 1), date(year, 12, 31), "year"
    if name == "year":
        year = int(g["y"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    return None


_WORD = re.compile(r"[A-Za-z]+")


def _is_report_date(text: str, start: int, end: int) -> bool:
    """Whether a date expression is attached to a reporting verb or occasion ("said on
    Sunday", "on Saturday reported", "at a briefing on Friday")."""
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 60) : start])][-5:]
    after = [w.lower() for w in _WORD.findall(text[end : end + 30]) if w.lower() != "s"][:2]
    for i, word in enumerate(before):
        # "said on Sunday", "told a briefing on Friday"; not "was reported on Dec. 11"
        if word in REPORT_WORDS and not (i and before[i - 1] in PASSIVE):
            return True
    return any(w in REPORT_WORDS for w in after)


def find_dates(text: str, published: str | date | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published`` (an ISO date).

    Expressions that need the publication date (weekdays, "Dec. 11" without a year,
    "last month") are left out when it is unknown. Overlapping matches keep the longest.
    """
    pub = parse_date(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if name == "anaphoric":
                if m.group(0).lower() == "then" and not _then_is_time(text, start, end):
                    continue
                found.append(DateMention(start, end, m.group(0), None, None, "anaphoric"))
                taken.append((start, end))
                continue
            if (
                pub is None
                and name not in ("iso", "my", "year")
                and not (name in ("mdy", "dmy") and m.group("y"))
            ):
                continue
            resolved = _resolve(name, m, pub or date(1970, 1, 1))
            if resolved is None:
                continue
            lo, hi, kind = resolved
            report = kind in ("day", "range") and _is_report_date(text, start, end)
            found.append(DateMention(start, end, m.group(0), lo, hi, kind, report))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    return found


def _then_is_time(text: str, start: int, end: int) -> bool:
    """ "then" as a time ("the president then", "since then") rather than a sequence word."""
    before = text[max(0, start - 12) : start].lower()
    return before.rstrip().endswith(("since", "until", "by", "back"))


def incident_dates(sentence: str, published: str | date | None) -> list[tuple[date, date]] | None:
    """The date ranges a sentence gives for what happened (not for when it was said), at
    most a month wide each, or None when it gives none."""
    ranges = [
        (d.lo, d.hi)
        for d in find_dates(sentence, published)
        if d.lo is not None and d.hi is not None and not d.report and d.kind != "year" and d.days <= 31
    ]
    return ranges or None


def format_day(day: date) -> str:
    """'11 Dec 2020'."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def format_range(lo: date | None, hi: date | None) -> str:
    """'11 Dec 2020', '13–14 Mar 2026', '28 Feb – 2 Mar 2026', or '' when unknown."""
    if lo is None:
        return ""
    if hi is None or hi == lo:
        return format_day(lo)
    if lo.year == hi.year and lo.month == hi.month:
        return f"{lo.day}–{hi.day} {hi.strftime('%b')} {hi.year}"
    if lo.year == hi.year:
        return f"{lo.day} {lo.strftime('%b')} – {hi.day} {hi.strftime('%b')} {hi.year}"
    return f"{format_day(lo)} – {format_day(hi)}"
