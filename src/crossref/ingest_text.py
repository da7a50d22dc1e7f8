"""Tiny text helpers shared by ingestion and the benchmarks."""

from __future__ import annotations


def split_front_matter_text(raw: str) -> str:
    """The article body after a ``---`` front-matter block, unchanged otherwise."""
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end >= 0:
            return raw[end + 5 :]
    return raw
