"""Date expressions resolved against an article's publication date."""

from __future__ import annotations

from datetime import date

import pytest

from crossref.dates import find_dates, format_range, incident_dates

SUNDAY = "2020-12-13"  # a Sunday


def one(text: str, published: str = SUNDAY) -> tuple[date | None, date | None]:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0].lo, found[0].hi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("clashes on Saturday", date(2020, 12, 12)),
        ("clashes on Sunday", date(2020, 12, 13)),  # the publication day itself
        ("the parade on Thursday", date(2020, 12, 10)),
        ("Monday's attack", date(2020, 12, 7)),
        ("a violation on Dec. 11 in the district", date(2020, 12, 11)),
        ("a violation on December 11", date(2020, 12, 11)),
        ("on 11 December the army", date(2020, 12, 11)),
        ("Dec. 11, 2019 was different", date(2019, 12, 11)),
        ("the report of 2020-12-09", date(2020, 12, 9)),
        ("yesterday the ministry", date(2020, 12, 12)),
        ("today the ministry", date(2020, 12, 13)),
    ],
)
def test_single_days(text: str, expected: date) -> None:
    assert one(text) == (expected, expected)


def test_ranges() -> None:
    assert one("drones struck overnight") == (date(2020, 12, 12), date(2020, 12, 13))
    assert one("talks last week") == (date(2020, 11, 30), date(2020, 12, 6))
    assert one("the deal last month") == (date(2020, 11, 1), date(2020, 11, 30))
    assert one("fighting in late September") == (date(2020, 9, 1), date(2020, 9, 30))
    assert one("on the night of March 13-14", "2026-03-15") == (date(2026, 3, 13), date(2026, 3, 14))
    lo, hi = one("Five weeks earlier, drones hit the port", "2026-04-19")
    assert lo is not None and hi is not None and lo <= date(2026, 3, 15) <= hi


def test_a_date_without_year_goes_to_the_nearest_past_year() -> None:
    assert one("on Dec. 30 the army", "2021-01-02") == (date(2020, 12, 30), date(2020, 12, 30))


def test_when_it_was_said_is_not_when_it_happened() -> None:
    text = "Four servicemen were killed when their units were attacked, the ministry said on Sunday."
    assert incident_dates(text, SUNDAY) is None
    text = "One case of cease-fire violation was reported on Dec. 11 in the Hadrut district."
    assert incident_dates(text, SUNDAY) == [(date(2020, 12, 11), date(2020, 12, 11))]
    assert find_dates("The Russian army on Saturday reported a violation.", SUNDAY)[0].report


def test_years_and_nothing() -> None:
    assert incident_dates("a separatist war there ended in 1994", SUNDAY) is None
    assert incident_dates("nothing to see here", SUNDAY) is None
    assert find_dates("on Saturday", None) == []  # no publication date, no weekday
    assert find_dates("at the time", SUNDAY)[0].kind == "anaphoric"
    assert find_dates("May 8", "2026-05-09")[0].lo == date(2026, 5, 8)
    assert find_dates("you may 8 times", "2026-05-09") == []


def test_format_range() -> None:
    assert format_range(date(2020, 12, 11), date(2020, 12, 11)) == "11 Dec 2020"
    assert format_range(date(2026, 3, 13), date(2026, 3, 14)) == "13–14 Mar 2026"
    assert format_range(date(2026, 2, 28), date(2026, 3, 2)) == "28 Feb – 2 Mar 2026"
    assert format_range(None, None) == ""


@pytest.mark.parametrize("opening", ["In March", "Last March", "Since March"])
def test_a_month_opening_a_sentence_is_a_date(opening: str) -> None:
    found = find_dates(f"{opening}, the army shelled the town.", "2025-06-10")
    assert [(m.text, m.lo, m.hi) for m in found] == [(opening, date(2025, 3, 1), date(2025, 3, 31))]
