"""Shared fixtures: an isolated environment, a CLI runner, a fresh database, statement factory."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from crossref import store
from crossref.models import Statement

# The suite is reproducible: property tests draw the same cases on every run (CI, the README's
# test command). `HYPOTHESIS_PROFILE=explore pytest ...` draws fresh random cases to hunt for
# new failures; a failure found that way becomes an @example.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

_ENV_TO_CLEAR = (
    "CROSSREF_DB",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
)


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the user's database, config or colour settings."""
    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crossref.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[store.Database]:
    database = store.open_database(db_path)
    yield database
    database.close()


StatementFactory = Callable[..., Statement]


@pytest.fixture
def make_statement() -> StatementFactory:
    """Build a Statement whose offsets point at ``text`` inside ``article_text`` (if given)."""

    def factory(
        text: str,
        *,
        speaker: str | None = "Someone",
        party: str | None = None,
        kind: str = "direct",
        cue: str | None = "said",
        article_text: str | None = None,
        **extra: Any,
    ) -> Statement:
        start = article_text.index(text) if article_text is not None else 0
        return Statement(
            text=text,
            start=start,
            end=start + len(text),
            sentence=text,
            sentence_start=start,
            sentence_end=start + len(text),
            cue=cue,
            kind=kind,
            speaker_mention=speaker,
            speaker=speaker,
            party=party,
            **extra,
        )

    return factory
