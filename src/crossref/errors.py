"""Errors crossref reports to the user as one line, never as a traceback."""

from __future__ import annotations


class CrossrefError(Exception):
    """Base of every error the CLI turns into a one-line message and exit code 1."""


class SourceError(CrossrefError):
    """An input (file, URL, stdin, JSON line) could not be read as an article.

    ``source`` names the input so the message points the user at it.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class DatabaseError(CrossrefError):
    """The database file is unusable: corrupt, not crossref's, or locked for too long."""


class LookupFailed(CrossrefError):
    """A named article, statement, event or speaker does not exist (or the name is ambiguous)."""


class QueryError(CrossrefError):
    """A user-supplied search expression is malformed."""
