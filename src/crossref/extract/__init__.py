"""Attributed-statement extraction (being written: the interface is fixed, the body is not yet)."""

from __future__ import annotations

from crossref.models import Statement

EXTRACTOR_VERSION = "0"


def extract_statements(text: str, *, published: str | None = None) -> list[Statement]:
    """Every attributed statement in ``text``, speakers resolved within the article."""
    return []
