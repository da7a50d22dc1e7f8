"""The dateline that opens a wire story: where (and often when, and by which agency) it was
filed, not what anyone said nor when the incident happened."""

from __future__ import annotations

import re
import sys

# ", Ukraine", ", St Vincent", ", Democratic Republic of Congo", ", March 14", ", Jan. 5, 2024"
_PART = r",\s*[A-Z][\w.]*(?:\s+(?:(?:of|the|and)\s+){0,2}[A-Z][\w.]*){0,3}(?:\s+\d{1,2})?(?:,\s*\d{4})?"
_DATE = r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
# "(Reuters)", "(dpa)"; not "(pictured)" nor a US lawmaker's "(R-Texas)"
_AGENCY = r"\s*\((?:dpa|(?![RDI]-)[A-Z][^()]{0,39})\)"
DATELINE = re.compile(
    # "KYIV, March 14 (Reuters) - ", "BAKU/YEREVAN -", "KYIV, Ukraine (AP) — "
    rf"(?:[A-Z][A-Z .'’/\-]{{2,40}}(?:{_PART}){{0,2}}(?:{_AGENCY})?"
    # "Kyiv (AFP) - ", "Kyiv, Ukraine, May 2 (AFP) - ", "New Delhi, May 8 - ": a city in
    # capitals and lower case needs its agency or date
    rf"|[A-Z][\w'’.\-]+(?:[ /][A-Z][\w'’.\-]+){{0,3}}(?:{_PART})?"
    rf"(?:{_DATE}(?:{_AGENCY})?|{_AGENCY}))"
    r"\s*(?:--|[–—-])\s*"
)
# "Beirut, Lebanon – ", "Des Moines, Iowa – ": a city and its country or region, nothing else
# (read as a dateline only when both are places the gazetteer knows)
_CITY_REGION = re.compile(
    r"([A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,2}), ([A-Z][\w.]+(?: [A-Z][\w.]+)?)\s*(?:--|[–—-])\s*"
)


def match_dateline(text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
    """The dateline opening ``text`` at ``pos``, if any."""
    found = DATELINE.match(text, pos, endpos)
    if found is not None:
        return found
    found = _CITY_REGION.match(text, pos, endpos)
    if found is not None:
        from crossref.gazetteer import is_place
        from crossref.parties.countries import country_in

        city, region = found.groups()
        if is_place(city) and (country_in(region) == region or is_place(region)):
            return found
    return None
