"""The user-cache pickles behind the place and country tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossref import datacache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "crossref"


def test_built_once_then_loaded(cache_home: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"odesa": 1}

    assert datacache.cached("t", "json", 1, build) == {"odesa": 1}
    assert datacache.cached("t", "json", 1, build) == {"odesa": 1}
    assert len(calls) == 1
    assert len(list(cache_home.glob("t-*-1.pickle"))) == 1


def test_new_format_rebuilds_and_drops_the_old_file(cache_home: Path) -> None:
    datacache.cached("t", "json", 1, lambda: "old")
    assert datacache.cached("t", "json", 2, lambda: "new") == "new"
    assert [p.name.endswith("-2.pickle") for p in cache_home.glob("t-*.pickle")] == [True]


def test_corrupt_file_is_rebuilt(cache_home: Path) -> None:
    datacache.cached("t", "json", 1, lambda: "good")
    (file,) = cache_home.glob("t-*.pickle")
    file.write_bytes(b"not a pickle")
    assert datacache.cached("t", "json", 1, lambda: "rebuilt") == "rebuilt"
    assert datacache.cached("t", "json", 1, lambda: "unused") == "rebuilt"


def test_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert datacache.cached("t", "json", 1, lambda: [1, 2]) == [1, 2]


def test_a_changed_source_file_rebuilds(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "figures.toml"
    source.write_text("a = 1\n")

    def parse() -> str:
        return source.read_text()

    assert datacache.cached("f", None, 1, parse, files=[str(source)]) == "a = 1\n"
    source.write_text("a = 22\n")  # another size: another stamp, even within the clock's tick
    assert datacache.cached("f", None, 1, parse, files=[str(source)]) == "a = 22\n"


def test_two_installs_used_in_turn_each_keep_their_copy(cache_home: Path, tmp_path: Path) -> None:
    """A checkout and a CI clone (or two environments) stamp the same table differently:
    using them in turn must not rebuild it every time, nor keep every copy ever built."""
    sources = []
    for i in range(datacache.KEEP + 2):
        source = tmp_path / f"figures-{i}.toml"
        source.write_text("x" * (i + 1))
        sources.append(str(source))
    builds: list[str] = []

    def build_from(path: str) -> str:
        builds.append(path)
        return path

    for _ in range(3):
        for path in sources[:2]:
            assert datacache.cached("f", None, 1, lambda p=path: build_from(p), files=[path]) == path
    assert builds == sources[:2]
    for path in sources:
        datacache.cached("f", None, 1, lambda p=path: build_from(p), files=[path])
    assert len(list(cache_home.glob("f-*.pickle"))) == datacache.KEEP


def test_party_tables_come_back_the_same_from_the_cache(cache_home: Path) -> None:
    from crossref import parties
    from crossref.parties import countries

    countries._tables.cache_clear()
    parties._figures_file.cache_clear()
    built = (countries._tables(), parties._figures_file())
    countries._tables.cache_clear()
    parties._figures_file.cache_clear()
    assert (countries._tables(), parties._figures_file()) == built
    assert {p.name.split("-")[0] for p in cache_home.glob("*.pickle")} >= {"country", "figures"}
