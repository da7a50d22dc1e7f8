"""Versions of what crossref derives and stores. Bump one when its output changes: a database
that holds the output of an older version gets it redone (events are regrouped at once;
statements are re-extracted by `crossref reextract`).

Kept apart from the modules that compute them so that reading a database (`crossref events`,
`crossref compare`) can check them without importing those modules."""

GROUPER_VERSION = "7"  # crossref.events: how statements are grouped into events
