"""Parties: listing, assign/merge/rename kept across re-extraction, and the parties file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from crossref.cli import app
from crossref.parties.settings import load_parties_file

ARTICLE = """Border clash

The Hungarian Defence Ministry said two soldiers had been wounded near the crossing.

Slovak police spokesman Juraj Kovac said the patrol had come under fire first.

“We will answer every provocation,” Kovac added.

A local monitor, Ilse Brandt, said both patrols had fired warning shots.
"""


def ingest(runner: CliRunner, tmp_path: Path, db: Path, *extra: str) -> None:
    article = tmp_path / "clash.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db), "-q", *extra])
    assert result.exit_code == 0, result.output


def parties_of(runner: CliRunner, db: Path) -> dict[str, dict]:
    result = runner.invoke(app, ["parties", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return {p["name"]: p for p in json.loads(result.stdout)}


def speakers_party(runner: CliRunner, db: Path, speaker: str) -> set[str | None]:
    result = runner.invoke(app, ["statements", "--db", str(db), "--speaker", speaker, "--json"])
    return {s["party"] for s in json.loads(result.stdout)}


def test_parties_lists_inferred_sides(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    ingest(runner, tmp_path, db_path)
    parties = parties_of(runner, db_path)
    assert parties["Hungary"]["kind"] == "state"
    assert parties["Slovakia"]["statements"] == 2
    assert speakers_party(runner, db_path, "Kovac") == {"Slovakia"}


def test_assign_survives_reextract(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    ingest(runner, tmp_path, db_path)
    result = runner.invoke(app, ["parties", "assign", "Ilse Brandt", "EULEX", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert speakers_party(runner, db_path, "Brandt") == {"EULEX"}
    assert runner.invoke(app, ["reextract", "--db", str(db_path), "-q"]).exit_code == 0
    assert speakers_party(runner, db_path, "Brandt") == {"EULEX"}
    assert parties_of(runner, db_path)["EULEX"]["origin"] == "user"


def test_merge_and_rename_survive_reextract(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    ingest(runner, tmp_path, db_path)
    assert (
        runner.invoke(app, ["parties", "merge", "Slovakia", "Pristina", "--db", str(db_path)]).exit_code == 0
    )
    assert (
        runner.invoke(app, ["parties", "rename", "Hungary", "Belgrade", "--db", str(db_path)]).exit_code == 0
    )
    assert runner.invoke(app, ["reextract", "--db", str(db_path), "-q"]).exit_code == 0
    parties = parties_of(runner, db_path)
    assert "Slovakia" not in parties and "Hungary" not in parties
    assert parties["Pristina"]["aliases"] == ["Slovakia"]
    assert speakers_party(runner, db_path, "Kovac") == {"Pristina"}
    assert speakers_party(runner, db_path, "Hungarian Defence Ministry") == {"Belgrade"}


def test_unknown_party_is_a_clear_error(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    ingest(runner, tmp_path, db_path)
    result = runner.invoke(app, ["parties", "merge", "Atlantis", "Hungary", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "no party named 'Atlantis'" in result.stderr


def test_parties_file_maps_speakers_and_aliases(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    parties = tmp_path / "parties.toml"
    parties.write_text(
        '[parties."Border monitors"]\nspeakers = ["Ilse Brandt"]\n\n'
        '[parties.Pristina]\naliases = ["Slovakia"]\n',
        encoding="utf-8",
    )
    ingest(runner, tmp_path, db_path, "--parties", str(parties))
    assert speakers_party(runner, db_path, "Brandt") == {"Border monitors"}
    assert speakers_party(runner, db_path, "Kovac") == {"Pristina"}


def test_parties_file_in_config_dir_is_used(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    config = tmp_path / "xdg-config" / "crossref"
    config.mkdir(parents=True)
    (config / "parties.toml").write_text('[parties.Monitors]\nspeakers = ["Ilse Brandt"]\n', encoding="utf-8")
    ingest(runner, tmp_path, db_path)
    assert speakers_party(runner, db_path, "Brandt") == {"Monitors"}


def test_broken_parties_file_names_the_file(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[parties.Russia\nspeakers = 3", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db_path), "--parties", str(bad)])
    assert result.exit_code == 1
    assert "bad.toml" in result.stderr and "TOML" in result.stderr
    assert "Traceback" not in result.output


def test_load_parties_file_rejects_wrong_shapes(tmp_path: Path) -> None:
    f = tmp_path / "p.toml"
    f.write_text('[parties.Russia]\nspeakers = "Peskov"\n', encoding="utf-8")
    try:
        load_parties_file(f)
    except Exception as exc:  # noqa: BLE001 - the message is what matters
        assert "list of names" in str(exc)
    else:
        raise AssertionError("a string where a list belongs must be refused")


def test_a_country_code_names_the_first_country_listed_under_it() -> None:
    # countryinfo lists Wales under GB and "Palestine, State of" under PS after the main entry
    from crossref.gazetteer import place_country

    assert place_country("Manchester") == "United Kingdom"
    assert place_country("Gaza") == "Palestine"


def test_a_known_figures_office_speaks_for_the_figures_country() -> None:
    from crossref.parties import org_party

    assert org_party("Netanyahu's office") == "Israel"
    assert org_party("Zelensky’s office") == "Ukraine"
