"""`crossref compare`: how each party described one event, and where the parties disagree."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from crossref.cli import app
from crossref.compare import blames_in, figures_in
from crossref.store import STATEMENT_FIELDS

# One incident, five parties: conflicting death tolls, mutual blame, a denial and a
# confirmation of the same thing.
ZORIVKA = "\n\n".join(
    [
        "Russian drones hit the port of Zorivka on Saturday, killing four civilians, "
        "Ukraine's Foreign Ministry said.",
        "Russia's Defence Ministry said only two people had been killed in Zorivka "
        "and denied that civilians had been hit.",
        "Ukraine's Foreign Ministry accused Russia of targeting civilians in Zorivka.",
        "Russia's Defence Ministry blamed Ukraine for the fire at the Zorivka port.",
        "Romania's Defence Ministry confirmed that civilians had been hit in Zorivka.",
        "A NATO spokesperson said the alliance was watching the situation in Zorivka closely.",
        "A United Nations spokesperson said 12 people had been wounded in Zorivka.",
    ]
)
MARIVKA = "\n\n".join(
    [
        "Russian drones hit the port of Marivka overnight, wounding six people, "
        "Ukraine's Foreign Ministry said on Saturday.",
        "Russia's Defence Ministry said it had struck a depot of naval drones near Marivka.",
    ]
)
PARTIES = {"Russia", "Ukraine", "Romania", "NATO", "United Nations"}


def invoke(*args: str | Path, **kw: Any) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], **kw)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "compare.db"
    for name, text, published in (("z.txt", ZORIVKA, "2024-05-05"), ("m.txt", MARIVKA, "2024-06-08")):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        result = invoke("ingest", source, "--date", published, "--outlet", "Wire", "--db", path, "-q")
        assert result.exit_code == 0, result.stderr
    return path


def compare_json(db: Path, *args: str) -> dict[str, Any]:
    result = invoke("compare", *args, "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_shape(db: Path) -> None:
    data = compare_json(db, "Zorivka")
    assert set(data) >= {"event", "parties", "disagreements"}
    assert set(data["event"]) >= {
        "id",
        "title",
        "start",
        "end",
        "places",
        "parties",
        "statements",
        "articles",
        "outlets",
    }
    assert "Zorivka" in data["event"]["title"]
    columns = {column["party"]: column for column in data["parties"]}
    assert set(columns) == PARTIES
    for column in data["parties"]:
        assert set(column) >= {"party", "statements", "blames", "figures", "denials", "confirmations"}
        for statement in column["statements"]:
            assert set(statement) == set(STATEMENT_FIELDS)
            assert statement["party"] == column["party"]
            assert statement["event_id"] == data["event"]["id"]
    assert sum(len(c["statements"]) for c in data["parties"]) == data["event"]["statements"]
    russia = columns["Russia"]
    assert [(f["value"], f["unit"]) for f in russia["figures"]] == [(2, "killed")]
    assert russia["figures"][0]["speaker"] and russia["figures"][0]["outlet"] == "Wire"
    assert [b["side"] for b in russia["blames"]] == ["Ukraine"]
    assert len(russia["denials"]) == 1 and "civilians" in russia["denials"][0]["text"]
    assert len(columns["Romania"]["confirmations"]) == 1
    assert [(f["value"], f["unit"]) for f in columns["United Nations"]["figures"]] == [(12, "wounded")]
    assert compare_json(db, data["event"]["id"][:6])["event"]["id"] == data["event"]["id"]


def test_disagreements(db: Path) -> None:
    found = {d["kind"]: d for d in compare_json(db, "Zorivka")["disagreements"]}
    assert found["figures"]["unit"] == "killed"
    assert found["figures"]["values"] == {"Russia": [2], "Ukraine": [4]}
    assert sorted(found["mutual_blame"]["parties"]) == ["Russia", "Ukraine"]
    assert found["confirm_deny"]["parties"] == ["Romania", "Russia"]


def test_columns_by_speaker_and_outlet(db: Path) -> None:
    by_outlet = compare_json(db, "Zorivka", "--by", "outlet")
    assert [c["party"] for c in by_outlet["parties"]] == ["Wire"]
    by_speaker = compare_json(db, "Zorivka", "--by", "speaker")
    assert len(by_speaker["parties"]) == 5
    assert all(d["kind"] != "mutual_blame" for d in by_speaker["disagreements"])


def test_an_ambiguous_or_unknown_pick(db: Path) -> None:
    result = invoke("compare", "Drone strike", "--db", db)
    assert result.exit_code == 1
    assert "matches 2 events" in result.stderr
    assert "Zorivka" in result.stderr and "Marivka" in result.stderr
    assert result.stdout == ""
    missing = invoke("compare", "Atlantis", "--db", db)
    assert missing.exit_code == 1 and "no event matches" in missing.stderr


def test_five_parties_on_80_columns(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke("compare", "Zorivka", "--db", db, "--table", "--sources")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for party in PARTIES:
        assert party in result.stdout
    assert "Where they disagree" in result.stdout
    assert "↳ article" in result.stdout  # --sources traces each item to its sentence
    assert "\x1b[" not in result.stdout


def test_markdown_and_flat_formats(db: Path) -> None:
    result = invoke("compare", "Zorivka", "--db", db, "--markdown", "--sources")
    assert result.exit_code == 0, result.stderr
    markdown = result.stdout
    assert markdown.startswith("# ")
    assert "## Russia" in markdown and "## Where they disagree" in markdown
    assert "> " in markdown  # the sentence behind each item
    rows = list(csv.DictReader(io.StringIO(invoke("compare", "Zorivka", "--db", db, "--csv").stdout)))
    assert {r["section"] for r in rows} >= {
        "statement",
        "figure",
        "blame",
        "denial",
        "confirmation",
        "disagreement",
    }
    lines = invoke("compare", "Zorivka", "--db", db, "--jsonl").stdout.splitlines()
    assert all(json.loads(line)["party"] for line in lines)
    assert invoke("compare", "Zorivka", "--db", db, "--markdown", "--json").exit_code == 2


def test_figures_and_blame_from_text() -> None:
    def figures(text: str) -> list[tuple[float, str]]:
        return [(f["value"], f["unit"]) for f in figures_in(text)]

    assert figures("killing four people and setting a grain terminal on fire") == [(4, "killed")]
    assert figures("four people had been killed and 11 injured in Izmail") == [(4, "killed"), (11, "wounded")]
    assert figures("Russia launched 38 Shahed-type attack drones") == [(38, "drones")]
    assert figures("the death toll has risen to five") == [(5, "killed")]
    assert figures("Three of the dead were port workers") == []
    assert figures("the 1951 Mutual Defense Treaty") == []

    def blamed(text: str, cue: str = "said") -> list[Any]:
        return [b["side"] for b in blames_in({"text": text, "cue": cue})]

    assert blamed("Yerevan for the clash", "blaming") == ["Armenia"]
    assert blamed("the Moldovan leadership of serving NATO", "accused") == ["Moldova"]
    assert blamed("The Armenian military-political leadership bears full responsibility") == ["Armenia"]
    assert blamed("The responsibility lies entirely with the Philippine side") == ["Philippines"]
