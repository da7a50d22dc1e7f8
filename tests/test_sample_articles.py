"""The sample corpus read end to end: each article's statements and parties against
the reference reading written with the articles (tests/sample_expectations.json)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crossref.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"
EXPECTED = json.loads((Path(__file__).parent / "sample_expectations.json").read_text(encoding="utf-8"))


def words(s: str | None) -> set[str]:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return set(re.findall(r"[a-z]+", s)) - {"the", "of", "in", "a", "for", "s"}


def same_party(got: str | None, want: str) -> bool:
    """Party names match loosely: 'European Union Monitoring Mission in Armenia' is the
    'EU Monitoring Mission in Armenia'."""
    if not got:
        return False
    g, w = words(got), words(want)
    return g == w or len(g & w) >= max(1, min(len(g), len(w)) - 1)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    db = tmp_path_factory.mktemp("samples") / "samples.db"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    articles = json.loads(runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout)
    statements = json.loads(runner.invoke(app, ["statements", "--db", str(db), "--json"]).stdout)
    return articles, statements


def article_key(source: str) -> str:
    return Path(source.split("?")[0]).name


def test_every_sample_article_is_stored(stored: tuple[list[dict], list[dict]]) -> None:
    articles, _ = stored
    keys = {article_key(a["source"]) for a in articles}
    for expected in EXPECTED["articles"]:
        assert expected["file"] in keys
    outlets = {a["outlet"] for a in articles}
    assert len(outlets) >= 6


def test_statements_and_parties_per_article(stored: tuple[list[dict], list[dict]]) -> None:
    articles, statements = stored
    by_source: dict[str, list[dict]] = {}
    for s in statements:
        by_source.setdefault(article_key(s["source"]), []).append(s)
    texts = {article_key(a["source"]): a for a in articles}
    total = found = party_ok = 0
    for expected in EXPECTED["articles"]:
        key = expected["file"]
        preds = by_source.get(key, [])
        assert preds, f"{key}: no statements extracted"
        matched_here = 0
        for want in expected["statements"]:
            total += 1
            hit = next(
                (p for p in preds if want["anchor"] in p["sentence"] or want["anchor"] in p["text"]), None
            )
            if hit is None:
                continue
            found += 1
            matched_here += 1
            party_ok += same_party(hit["party"], want["party"])
        # each article: most of its statements found, and few invented
        assert matched_here >= 0.8 * len(expected["statements"]), key
        assert len(preds) <= len(expected["statements"]) + 3, key
        assert texts[key]["statements"] == len(preds)
    assert found / total >= 0.9
    assert party_ok / found >= 0.85
