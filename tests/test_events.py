"""Grouping statements into events: the engine on stories written for these tests, the
sample corpus's incidents, incremental grouping against a full regroup, corrections that
survive regrouping and re-extraction, and the `crossref events` commands."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from crossref.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"
SHARED = ROOT.parent / "shared"
EXPECTED = json.loads((Path(__file__).parent / "sample_expectations.json").read_text(encoding="utf-8"))

# Three stories: a drone strike on Zorivka with, in the same article, a minister's remarks
# at unrelated fishing talks; the same strike told by another outlet the next day in other
# words; and a similar strike on another port a month later.
STRIKE = "\n\n".join(
    [
        "Russian drones struck the port of Zorivka overnight, killing three dock workers and setting a "
        "warehouse on fire, regional governor Ivan Petrenko said on Saturday.",
        '"The drones came in low from the sea and hit the grain sheds first," '
        "Petrenko told reporters at the port.",
        "Russia's Defence Ministry said its forces had destroyed a military fuel depot in the Zorivka area.",
        "In a separate development, Foreign Minister Anna Berg said during a meeting with "
        "Norwegian diplomats in Oslo that talks on fishing quotas would resume in the autumn.",
        '"We expect an agreement on quotas before the winter season," Berg said.',
    ]
)
FOLLOW_UP = "\n\n".join(
    [
        "Ukraine's Foreign Ministry said the attack on Zorivka on Saturday was \"a deliberate strike on "
        'civilians" and called for new sanctions.',
        "Spokesman Oleh Marchuk said four people had been killed in Zorivka, not three as first reported.",
        'The Kremlin denied that civilians had been targeted in Zorivka. "Only military objects were hit," '
        "Kremlin spokesman Pavel Orlov told journalists.",
    ]
)
MONTH_LATER = "\n\n".join(
    [
        "Russian drones hit the port of Marivka overnight, wounding six people and damaging "
        "a grain terminal, regional governor Ivan Petrenko said on Saturday.",
        '"It is the same pattern as in Zorivka last month," Petrenko said, adding that '
        "rescuers were still at work in Marivka.",
        "Russia's Defence Ministry said it had struck a depot of naval drones near Marivka.",
    ]
)
STORIES = (
    ("strike.txt", STRIKE, "2024-05-04", "Wire A"),
    ("follow-up.txt", FOLLOW_UP, "2024-05-05", "Paper B"),
    ("month-later.txt", MONTH_LATER, "2024-06-08", "Wire A"),
)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def ok_json(*args: str | Path) -> Any:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def ingest_stories(
    tmp_path: Path, db: Path, stories: tuple[tuple[str, str, str, str], ...] = STORIES
) -> None:
    for name, text, published, outlet in stories:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = invoke("ingest", path, "--date", published, "--outlet", outlet, "--db", db, "-q")
        assert result.exit_code == 0, result.stderr


def event_of(statements: list[dict[str, Any]], words: str) -> str:
    hits = [s for s in statements if words in s["text"] or words in (s["sentence"] or "")]
    assert hits, f"no statement with {words!r}"
    return str(hits[0]["event_id"])


def partition(db: Path) -> dict[tuple[str, int, int], str]:
    """(article hash, start, end) -> event id, for every statement."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            'SELECT a.text_hash, s.start, s."end", s.event_id FROM statements s '
            "JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    return {(h, s, e): ev for h, s, e, ev in rows}


# --------------------------------------------------------------------------- grouping


def test_one_incident_across_outlets_another_topic_and_a_later_incident_apart(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db)
    statements = ok_json("statements", "--db", db)
    assert all(s["event_id"] for s in statements)
    strike = event_of(statements, "killing three dock workers")
    assert event_of(statements, "grain sheds") == strike
    assert event_of(statements, "military fuel depot") == strike
    # another outlet, the next day, other words: the same incident
    assert event_of(statements, "deliberate strike on civilians") == strike
    assert event_of(statements, "four people had been killed") == strike
    # the minister's remarks at other talks, in the same article: another event
    talks = event_of(statements, "fishing quotas")
    assert talks != strike
    assert event_of(statements, "agreement on quotas") == talks
    # a similar strike on another port a month later: another event
    later = event_of(statements, "wounding six people")
    assert later not in (strike, talks)
    assert event_of(statements, "naval drones near Marivka") == later

    events = {e["id"]: e for e in ok_json("events", "--db", db)}
    assert set(events) == {strike, talks, later}
    event = events[strike]
    assert set(event) >= {
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
    assert "Zorivka" in event["title"] and "2024" in event["title"]
    assert event["start"] <= "2024-05-04" <= event["end"]
    assert "Zorivka" in event["places"]
    assert {"Russia", "Ukraine"} <= set(event["parties"])
    assert (event["articles"], event["outlets"]) == (2, 2)
    assert event["statements"] == sum(1 for s in statements if s["event_id"] == strike)


def test_event_listing_filters_and_show(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db)
    everything = ok_json("events", "--db", db)
    assert [e["start"] for e in everything] == sorted((e["start"] for e in everything), reverse=True)
    assert {e["id"] for e in ok_json("events", "--db", db, "--since", "2024-06-01")} == {
        e["id"] for e in everything if "Marivka" in e["title"]
    }
    assert all("Marivka" not in e["title"] for e in ok_json("events", "--db", db, "--until", "2024-05-31"))
    ukraine = ok_json("events", "--db", db, "--party", "Ukraine")
    assert len(ukraine) == 1 and "Zorivka" in ukraine[0]["title"]
    assert [e["title"] for e in ok_json("events", "--db", db, "--search", "Marivka")] == [
        e["title"] for e in everything if "Marivka" in e["title"]
    ]
    event_id = ukraine[0]["id"]
    shown = ok_json("events", "show", event_id[:5], "--db", db)
    assert shown["id"] == event_id and shown["statements"]
    listed = ok_json("statements", "--db", db, "--event", event_id)
    assert [s["id"] for s in listed] == [s["id"] for s in shown["statements"]]
    tsv = invoke("events", "--db", db, "--tsv")
    assert tsv.stdout.splitlines()[0].split("\t")[:3] == ["id", "title", "start"]
    table = invoke("events", "--db", db, "--table")
    assert table.exit_code == 0 and "Zorivka" in table.stdout
    missing = invoke("events", "show", "ffffffff", "--db", db)
    assert missing.exit_code == 1 and "no event" in missing.stderr
    assert invoke("events", "--db", db, "--since", "May 1").exit_code == 2


def test_incremental_grouping_gives_the_events_of_a_full_regroup(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    files = sorted(p for p in SAMPLES.iterdir() if p.name != "README.md")
    for path in files:  # one ingest run per file: each groups only its new article(s)
        assert invoke("ingest", path, "--db", db, "-q").exit_code == 0
    incremental = partition(db)
    with sqlite3.connect(db) as conn:
        state = conn.execute("SELECT id, seq, profile FROM event_groups ORDER BY id").fetchall()
    result = invoke("events", "regroup", "--db", db)
    assert result.exit_code == 0 and "events" in result.stderr
    assert partition(db) == incremental
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id, seq, profile FROM event_groups ORDER BY id").fetchall() == state


# --------------------------------------------------------------------------- corrections


def test_merge_move_and_rename_survive_regroup_and_reextract(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db)
    statements = ok_json("statements", "--db", db)
    strike = event_of(statements, "killing three dock workers")
    talks = event_of(statements, "fishing quotas")
    later = event_of(statements, "wounding six people")

    assert invoke("events", "merge", talks, strike, "--db", db).exit_code == 0
    moved = next(s for s in statements if "naval drones near Marivka" in s["text"])
    alone = next(s for s in statements if "grain sheds" in s["text"])
    assert invoke("events", "move", str(moved["id"]), strike, "--db", db).exit_code == 0
    assert invoke("events", "move", str(alone["id"]), "--new", "--db", db).exit_code == 0
    assert invoke("events", "rename", strike, "Port strike and other news", "--db", db).exit_code == 0

    def check() -> None:
        now = ok_json("statements", "--db", db)
        assert event_of(now, "fishing quotas") == strike
        assert event_of(now, "naval drones near Marivka") == strike
        assert event_of(now, "wounding six people") == later
        own = event_of(now, "grain sheds")
        assert own not in (strike, later)
        assert sum(1 for s in now if s["event_id"] == own) == 1
        events = {e["id"]: e for e in ok_json("events", "--db", db)}
        assert talks not in events
        assert events[strike]["title"] == "Port strike and other news"

    check()
    assert invoke("events", "regroup", "--db", db, "-q").exit_code == 0
    check()
    assert invoke("reextract", "--db", db, "-q").exit_code == 0  # statement ids change; corrections stay
    check()


def test_correction_errors(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:1])
    event_id = ok_json("events", "--db", db)[0]["id"]
    assert invoke("events", "move", "1", "--db", db).exit_code == 2  # neither EVENT nor --new
    assert invoke("events", "move", "1", event_id, "--new", "--db", db).exit_code == 2
    assert invoke("events", "move", "999", event_id, "--db", db).exit_code == 1
    assert invoke("events", "merge", event_id, event_id, "--db", db).exit_code == 1
    assert invoke("events", "rename", event_id, "  ", "--db", db).exit_code == 1


# --------------------------------------------------------------------------- the sample corpus


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], dict[str, str]]:
    db = tmp_path_factory.mktemp("events") / "samples.db"
    assert invoke("ingest", SAMPLES, "--db", db, "-q").exit_code == 0
    statements = ok_json("statements", "--db", db)
    with sqlite3.connect(db) as conn:
        texts = {source: text for source, text in conn.execute("SELECT source, text FROM articles")}
    return statements, texts


def _key(source: str) -> str:
    return Path(source.split("?")[0]).name


def test_each_sample_incident_is_one_event_and_no_event_mixes_two(
    samples: tuple[list[dict[str, Any]], dict[str, str]],
) -> None:
    statements, texts = samples
    by_file: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        by_file.setdefault(_key(st["source"]), []).append(st)
    text_of = {_key(source): text for source, text in texts.items()}
    incident_events: dict[str, set[str]] = {}
    event_incidents: dict[str, set[str]] = {}
    matched = total = 0
    for article in EXPECTED["articles"]:
        text = text_of[article["file"]]
        for want in article["statements"]:
            total += 1
            at = text.find(want["anchor"])
            assert at >= 0, want["anchor"]
            span = (at, at + len(want["anchor"]))
            overlapping = [
                st
                for st in by_file.get(article["file"], [])
                if min(st["end"], span[1]) > max(st["start"], span[0])
                or min(st["sentence_end"], span[1]) > max(st["sentence_start"], span[0])
            ]
            if not overlapping:
                continue  # extraction missed it: grouping is judged on what was extracted
            matched += 1
            best = max(overlapping, key=lambda st: min(st["end"], span[1]) - max(st["start"], span[0]))
            incident_events.setdefault(want["incident"], set()).add(best["event_id"])
            event_incidents.setdefault(best["event_id"], set()).add(want["incident"])
    assert matched >= 0.8 * total
    assert set(incident_events) == {"A", "B", "C", "D"}
    for incident, events in incident_events.items():
        assert len(events) == 1, f"incident {incident} is split over events {events}"
    for event, incidents in event_incidents.items():
        assert len(incidents) == 1, f"event {event} mixes incidents {incidents}"


# --------------------------------------------------------------------------- the user's example


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").is_file(), reason="../shared is not here")
def test_seed_article_event_grouping_scores(tmp_path: Path) -> None:
    seed = SHARED / "seeds" / "karabakh-ceasefire-2020-12.txt"
    gold = SHARED / "seeds" / "karabakh-ceasefire-2020-12.gold.json"
    shutil.copy(seed, tmp_path / seed.name)
    db = tmp_path / "seed.db"
    assert invoke("ingest", tmp_path / seed.name, "--date", "2020-12-13", "--db", db, "-q").exit_code == 0
    pred = tmp_path / "pred.jsonl"
    pred.write_text(invoke("statements", "--db", db, "--jsonl").stdout, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(pred), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(score.stdout)["events_b3"]["f1"] >= 0.85


def test_grouping_catches_up_after_replace_and_ungrouped_ingests(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    before = partition(db)
    path = tmp_path / STORIES[0][0]
    assert invoke("ingest", path, "--replace", "--date", "2024-05-04", "--db", db, "-q").exit_code == 0
    assert partition(db) == before  # re-read, regrouped: the same events
    from crossref import store
    from crossref.ingest import ingest_sources
    from crossref.sources import Limits, SourceDefaults

    third = tmp_path / STORIES[2][0]
    third.write_text(STORIES[2][1], encoding="utf-8")
    database = store.open_database(db)
    ingest_sources(
        database, [str(third)], defaults=SourceDefaults(published="2024-06-08"), limits=Limits(), group=False
    )
    database.close()
    assert None in partition(db).values()
    events = ok_json("events", "--db", db)  # listing groups what is not grouped yet
    assert None not in partition(db).values()
    assert len(events) == 3


# --------------------------------------------------------------------------- grouping state


def blocking_index(db: Path) -> list[tuple[str, int, str]]:
    """The blocking index as (key, week, event group) rows, whatever numbers store them
    (checking that each event's own list of its pairs agrees with the index)."""
    from crossref.packing import unpack_pairs

    with sqlite3.connect(db) as conn:
        kept = {seq: unpack_pairs(raw) for seq, raw in conn.execute("SELECT seq, keys FROM event_group_keys")}
        rows = conn.execute("SELECT seq, key_id, bucket FROM event_keys ORDER BY seq, key_id, bucket")
        indexed: dict[int, list[tuple[int, int]]] = {}
        for seq, key_id, bucket in rows:
            indexed.setdefault(seq, []).append((key_id, bucket))
        assert {seq: pairs for seq, pairs in kept.items() if pairs} == indexed
        return conn.execute(
            "SELECT n.key, k.bucket, g.id FROM event_keys k JOIN event_key_names n ON n.id = k.key_id "
            "JOIN event_groups g ON g.seq = k.seq ORDER BY 1, 2, 3"
        ).fetchall()


def by_name(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """The rows of ``cursor`` as dicts (the same whatever the order of the columns)."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def event_rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM events ORDER BY id").fetchall()


def test_incremental_blocking_index_and_event_rows_match_a_full_regroup(tmp_path: Path) -> None:
    """Ingest keeps the blocking index in the database and a copy of its buckets in memory
    across batches; both must end as a regroup (all in memory) leaves them."""
    db = tmp_path / "x.db"
    for path in sorted(p for p in SAMPLES.iterdir() if p.name != "README.md"):
        assert invoke("ingest", path, "--db", db, "-q").exit_code == 0
    index, rows = blocking_index(db), event_rows(db)
    assert index and rows
    assert invoke("events", "regroup", "--db", db).exit_code == 0
    assert blocking_index(db) == index
    assert event_rows(db) == rows


def test_event_rows_left_pending_by_an_interrupted_ingest_are_brought_up_to_date(tmp_path: Path) -> None:
    from crossref import store
    from crossref.eventstore import group_new_articles
    from crossref.ingest import ingest_sources
    from crossref.sources import Limits, SourceDefaults

    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:1])
    follow_up = tmp_path / STORIES[1][0]
    follow_up.write_text(STORIES[1][1], encoding="utf-8")
    database = store.open_database(db)
    ingest_sources(
        database,
        [str(follow_up)],
        defaults=SourceDefaults(published="2024-05-05"),
        limits=Limits(),
        group=False,
    )
    with store.write_transaction(database):  # what an ingest batch does; the run then dies
        assert group_new_articles(database) is not None
    database.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events_pending").fetchone()[0] > 0
        dangling = conn.execute(
            "SELECT count(*) FROM statements s LEFT JOIN events e ON e.id = s.event_id "
            "WHERE s.event_id IS NOT NULL AND e.id IS NULL"
        ).fetchone()[0]
        assert dangling == 0  # new events got their rows at once
        stale = conn.execute(
            "SELECT count(*) FROM events e WHERE e.statements != "
            "(SELECT count(*) FROM statements s WHERE s.event_id = e.id)"
        ).fetchone()[0]
        assert stale > 0  # the strike's event grew; its row waits
    listed = ok_json("events", "--db", db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events_pending").fetchone()[0] == 0
    assert invoke("events", "regroup", "--db", db).exit_code == 0
    assert ok_json("events", "--db", db) == listed


def test_compacting_migration_keeps_the_blocking_index(tmp_path: Path) -> None:
    """m0006 turns (key text, week, group id text) rows into numbers: the same index after."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db)
    before = blocking_index(db)
    with sqlite3.connect(db) as conn:  # back to the layout before m0006 (and so before m0008)
        conn.executescript(
            "DROP TABLE event_group_keys;"
            "DELETE FROM crossref_migrations WHERE name = 'm0008_event_keys_by_event';"
            "CREATE TABLE old_keys (key TEXT NOT NULL, bucket INTEGER NOT NULL, group_id TEXT NOT NULL, "
            "PRIMARY KEY (key, bucket, group_id)) WITHOUT ROWID;"
            "INSERT INTO old_keys SELECT n.key, k.bucket, g.id FROM event_keys k "
            "JOIN event_key_names n ON n.id = k.key_id JOIN event_groups g ON g.seq = k.seq;"
            "DROP TABLE event_keys; DROP TABLE event_key_names; DROP INDEX IF EXISTS idx_event_groups_seq;"
            "ALTER TABLE old_keys RENAME TO event_keys;"
            "CREATE INDEX idx_event_keys_group ON event_keys(group_id);"
            "DELETE FROM crossref_migrations WHERE name = 'm0006_compact_grouping_state';"
        )
    assert invoke("events", "--db", db).exit_code == 0  # opening migrates
    assert blocking_index(db) == before
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert partition(db) == partition(follow)


def test_migration_keeps_each_events_blocking_keys_with_it(tmp_path: Path) -> None:
    """m0008 moves the index of event_keys by event into a list per event: the same index
    after, and grouping on from the migrated database gives what it gives from a new one."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    before = blocking_index(db)
    with sqlite3.connect(db) as conn:  # back to the layout before m0008
        conn.executescript(
            "DROP TABLE event_group_keys;"
            "CREATE INDEX idx_event_keys_seq ON event_keys(seq);"
            "DELETE FROM crossref_migrations WHERE name = 'm0008_event_keys_by_event';"
        )
    assert invoke("events", "--db", db).exit_code == 0  # opening migrates
    assert blocking_index(db) == before
    with sqlite3.connect(db) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "idx_event_keys_seq" not in indexes
    ingest_stories(tmp_path, db, STORIES[2:])
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert partition(db) == partition(follow)
    assert blocking_index(db) == blocking_index(follow)


def test_migration_compacts_event_members_keeping_what_they_say(tmp_path: Path) -> None:
    """m0009 stores event_members' dates and precision as numbers and empty places and phrases
    as NULL: the same members, events and comparisons after it, and grouping goes on alike."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    query = "SELECT * FROM event_members ORDER BY statement_id"
    with sqlite3.connect(db) as conn:
        before = conn.execute(query).fetchall()
        assert any(row[5] is None for row in before) and any(row[5] is not None for row in before)
        lo, hi = (
            "date('2000-01-01', m.date_lo || ' days')",
            "date('2000-01-01', (m.date_lo + m.date_hi) || ' days')",
        )
        conn.executescript(  # back to the layout before m0009 (and so before m0015)
            "CREATE TABLE old_members (statement_id INTEGER PRIMARY KEY REFERENCES statements(id) "
            "ON DELETE CASCADE, group_id TEXT NOT NULL, article_id INTEGER NOT NULL, date_lo TEXT, "
            "date_hi TEXT, date_precision TEXT, places TEXT, phrases TEXT);"
            "INSERT INTO old_members SELECT m.statement_id, g.id, s.article_id, "
            f"{lo}, {hi}, "
            "CASE m.date_precision WHEN 0 THEN 'default' WHEN 1 THEN 'exact' WHEN 2 THEN 'report' "
            "ELSE 'vague' END, COALESCE(m.places, '{}'), COALESCE(m.phrases, '[]') "
            "FROM event_members m JOIN statements s ON s.id = m.statement_id "
            "JOIN event_groups g ON g.seq = m.group_seq;"
            "DROP TABLE event_members; ALTER TABLE old_members RENAME TO event_members;"
            "CREATE INDEX idx_event_members_group ON event_members(group_id);"
            "CREATE INDEX idx_event_members_article ON event_members(article_id);"
            "DELETE FROM crossref_migrations WHERE name = 'm0009_compact_event_members';"
            "DELETE FROM crossref_migrations WHERE name = 'm0013_event_members_by_seq';"
            "DELETE FROM crossref_migrations WHERE name = 'm0015_smaller_event_state';"
        )
        assert conn.execute("SELECT count(*) FROM event_members WHERE places = '{}'").fetchone()[0]
        assert conn.execute(
            "SELECT count(*) FROM event_members WHERE date_lo GLOB '[12][0-9][0-9][0-9]-*'"
        ).fetchone()[0]
    listed = ok_json("events", "--db", db)  # opening migrates
    with sqlite3.connect(db) as conn:
        assert conn.execute(query).fetchall() == before
    follow = _grouping_goes_on_alike(tmp_path, db, listed)
    with sqlite3.connect(db) as a, sqlite3.connect(follow) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def _grouping_goes_on_alike(tmp_path: Path, db: Path, listed: Any) -> Path:
    """After a migration of ``db`` (holding the first two stories; ``listed``, its events):
    regrouping lists the same events, and the third story groups as in a new database of
    all three, which is returned."""
    assert invoke("events", "regroup", "--db", db).exit_code == 0
    assert ok_json("events", "--db", db) == listed
    ingest_stories(tmp_path, db, STORIES[2:])
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert partition(db) == partition(follow)
    assert event_rows(db) == event_rows(follow)
    return follow


def test_migration_shrinks_the_event_state(tmp_path: Path) -> None:
    """m0015 stores member dates as day numbers, event groups by seq and the small tables
    keyed by text without a rowid: the same rows read back, and grouping goes on alike."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    members = "SELECT * FROM event_members ORDER BY statement_id"
    groups = "SELECT id, seq, profile FROM event_groups ORDER BY seq"
    with sqlite3.connect(db) as conn:
        before = (conn.execute(members).fetchall(), conn.execute(groups).fetchall())
        assert any(row[3] == 0 for row in before[0])  # a statement of one day: no bytes for its end
        yyyymmdd = "CAST(strftime('%Y%m%d', date('2000-01-01', ({0}) || ' days')) AS INTEGER)"
        old_small = "key TEXT PRIMARY KEY, value TEXT NOT NULL"
        conn.executescript(  # back to the layout before m0015
            f"UPDATE event_members SET date_lo = {yyyymmdd.format('date_lo')}, "
            f"date_hi = {yyyymmdd.format('date_lo + date_hi')};"
            "CREATE TABLE old_groups (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, profile TEXT NOT NULL);"
            "INSERT INTO old_groups SELECT id, seq, profile FROM event_groups;"
            "DROP TABLE event_groups; ALTER TABLE old_groups RENAME TO event_groups;"
            "CREATE UNIQUE INDEX idx_event_groups_seq ON event_groups(seq);"
            "CREATE TABLE old_events AS SELECT * FROM events;"
            "DROP TABLE events; ALTER TABLE old_events RENAME TO events;"
            'CREATE INDEX idx_events_start ON events(start); CREATE INDEX idx_events_end ON events("end");'
            f"CREATE TABLE old_state ({old_small}); INSERT INTO old_state SELECT * FROM event_state;"
            "DROP TABLE event_state; ALTER TABLE old_state RENAME TO event_state;"
            "DELETE FROM crossref_migrations WHERE name = 'm0015_smaller_event_state';"
        )
        assert conn.execute("SELECT max(date_lo) FROM event_members").fetchone()[0] > 20000000
    listed = ok_json("events", "--db", db)  # opening migrates
    with sqlite3.connect(db) as conn:
        assert (conn.execute(members).fetchall(), conn.execute(groups).fetchall()) == before
        plain = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE sql LIKE '%WITHOUT ROWID'")
        }
        assert {"events", "event_state", "party_aliases", "speaker_party_overrides"} <= plain
        indexes = {name for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
        assert not indexes & {"idx_events_start", "idx_events_end", "idx_event_groups_seq"}
    _grouping_goes_on_alike(tmp_path, db, listed)


def test_migration_repacks_profiles(tmp_path: Path) -> None:
    """m0010 rewrites profiles stored as compressed JSON; grouping goes on from them alike."""
    import zlib

    from crossref.packing import unpack_profile

    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    with sqlite3.connect(db) as conn:
        packed = conn.execute("SELECT id, profile FROM event_groups ORDER BY id").fetchall()
        assert packed and all(raw[:1] == b"\x02" for _, raw in packed)  # single precision
        conn.executemany(  # back to the layout before m0010
            "UPDATE event_groups SET profile = ? WHERE id = ?",
            [(zlib.compress(json.dumps(unpack_profile(raw)).encode()), i) for i, raw in packed],
        )
        conn.execute("DELETE FROM crossref_migrations WHERE name = 'm0010_binary_profiles'")
    listed = ok_json("events", "--db", db)  # opening migrates
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id, profile FROM event_groups ORDER BY id").fetchall() == packed
    ingest_stories(tmp_path, db, STORIES[2:])
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert partition(db) == partition(follow)
    assert ok_json("events", "--db", db) != listed  # the third story changed something


def test_migration_stores_statement_kinds_as_numbers(tmp_path: Path) -> None:
    """m0016 stores each statement's kind as a number and reads it back from a virtual
    column: the same rows and listings, and the search index and its triggers still work."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    listed = ok_json("statements", "--db", db)
    assert {"direct", "indirect"} <= {st["kind"] for st in listed}
    rows = "SELECT * FROM statements ORDER BY id"
    with sqlite3.connect(db) as conn:
        table = by_name(conn.execute(rows))
        assert {row["kind_code"] for row in table} <= {0, 1, 2}
        kept = ", ".join(f'"{name}"' for name in table[0] if name not in ("kind", "kind_code"))
        dependents = conn.execute(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND "
            "(type IN ('view', 'trigger') OR (type = 'index' AND tbl_name = 'statements')) ORDER BY rowid"
        ).fetchall()
        for kind, name, _ in dependents:  # back to the layout before m0016: kind as text
            if kind != "index":
                conn.execute(f'DROP {kind.upper()} "{name}"')
        conn.execute(f"CREATE TABLE old AS SELECT {kept}, kind FROM statements ORDER BY id")
        conn.executescript(
            "DROP TABLE statements; ALTER TABLE old RENAME TO statements;"
            "DELETE FROM crossref_migrations WHERE name = 'm0016_statement_kind_as_number';"
        )
        for _, _, sql in dependents:
            conn.execute(sql)
        assert conn.execute("SELECT count(*) FROM statements WHERE kind = 'direct'").fetchone()[0]
    assert ok_json("statements", "--db", db) == listed  # opening migrates
    with sqlite3.connect(db) as conn:
        assert by_name(conn.execute(rows)) == table
    direct = ok_json("statements", "--db", db, "--kind", "direct")
    assert direct == [st for st in listed if st["kind"] == "direct"]
    word = listed[0]["text"].split()[-1].strip(".,'\"")
    assert ok_json("statements", "--db", db, "--search", word)
    ingest_stories(tmp_path, db, STORIES[2:])
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert partition(db) == partition(follow)
    assert ok_json("statements", "--db", db) == ok_json("statements", "--db", follow)


def test_migration_reads_speaker_mentions_from_the_article(tmp_path: Path) -> None:
    """m0011 drops stored speaker mentions that are the article's text from mention_start:
    statements list as before (mention and --speaker filter), and the view shows them."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    listed = ok_json("statements", "--db", db)
    assert any(st["speaker_mention"] for st in listed)
    rows = "SELECT * FROM statements ORDER BY id"
    with sqlite3.connect(db) as conn:
        table = by_name(conn.execute(rows))
        derived = conn.execute(
            "SELECT count(*) FROM statements WHERE speaker_mention IS NULL AND mention_end IS NOT NULL"
        ).fetchone()[0]
        assert derived and derived == sum(1 for st in listed if st["speaker_mention"])
        view = conn.execute("SELECT id, speaker_mention FROM statement_texts ORDER BY id").fetchall()
        assert view == [(st["id"], st["speaker_mention"]) for st in sorted(listed, key=lambda s: s["id"])]
        conn.executescript(  # back to the layout before m0011
            "UPDATE statements SET speaker_mention = (SELECT v.speaker_mention FROM statement_texts v "
            "WHERE v.id = statements.id);"
            "DROP VIEW statement_texts;"
            "CREATE VIEW statement_texts AS SELECT st.id, st.article_id, "
            'COALESCE(st.text, substr(a.text, st.start + 1, st."end" - st.start)) AS text, '
            "COALESCE(st.sentence, substr(a.text, st.sentence_start + 1, "
            "st.sentence_end - st.sentence_start)) AS sentence "
            "FROM statements st JOIN articles a ON a.id = st.article_id;"
            "ALTER TABLE statements DROP COLUMN mention_end;"
            "DELETE FROM crossref_migrations WHERE name = 'm0011_speaker_mention_from_article';"
        )
        stored = conn.execute("SELECT count(*) FROM statements WHERE speaker_mention IS NOT NULL")
        assert stored.fetchone()[0] == derived  # every mention stored, as before m0011
    assert ok_json("statements", "--db", db) == listed  # opening migrates
    with sqlite3.connect(db) as conn:
        assert by_name(conn.execute(rows)) == table  # mention_end is now the last column
    speaker = next(st["speaker_mention"] for st in listed if st["speaker_mention"])
    found = ok_json("statements", "--db", db, "--speaker", speaker.split()[-1])
    assert found and all(
        speaker.split()[-1] in (st["speaker"] or "") + (st["speaker_mention"] or "") for st in found
    )
    events = ok_json("events", "--db", db)
    assert invoke("events", "regroup", "--db", db).exit_code == 0
    assert ok_json("events", "--db", db) == events
    ingest_stories(tmp_path, db, STORIES[2:])
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert partition(db) == partition(follow)


def test_no_unused_indexes_after_the_migrations(tmp_path: Path) -> None:
    """m0006 and m0012 dropped indexes no query uses; m0008 the index of event_keys by event."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:1])
    with sqlite3.connect(db) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    dropped = {"idx_articles_outlet", "idx_articles_published", "idx_event_keys_seq", "idx_statements_kind"}
    assert not indexes & dropped
    assert {"idx_statements_event_id", "idx_event_members_group", "idx_statements_party_id"} <= indexes


def test_migration_names_member_groups_by_number(tmp_path: Path) -> None:
    """m0013 replaces event_members' group ids by event_groups.seq: the same groups after it;
    a member whose group is not stored makes the grouping out of date, and it is done again."""
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    query = "SELECT * FROM event_members ORDER BY statement_id"
    revert = (  # back to the layout before m0013
        "CREATE TABLE old_members (statement_id INTEGER PRIMARY KEY REFERENCES statements(id) "
        "ON DELETE CASCADE, group_id TEXT NOT NULL, date_lo INTEGER, date_hi INTEGER, "
        "date_precision INTEGER, places TEXT, phrases TEXT);"
        "INSERT INTO old_members SELECT m.statement_id, g.id, m.date_lo, m.date_hi, m.date_precision, "
        "m.places, m.phrases FROM event_members m JOIN event_groups g ON g.seq = m.group_seq;"
        "DROP TABLE event_members; ALTER TABLE old_members RENAME TO event_members;"
        "CREATE INDEX idx_event_members_group ON event_members(group_id);"
        "DELETE FROM crossref_migrations WHERE name = 'm0013_event_members_by_seq';"
    )
    with sqlite3.connect(db) as conn:
        before = conn.execute(query).fetchall()
        assert before and all(isinstance(row[1], int) for row in before)
        conn.executescript(revert)
    listed = ok_json("events", "--db", db)  # opening migrates
    with sqlite3.connect(db) as conn:
        assert conn.execute(query).fetchall() == before
    statement = ok_json("statements", "--db", db, "--event", listed[0]["id"])[0]["id"]
    assert invoke("events", "move", str(statement), "--new", "--db", db).exit_code == 0
    ingest_stories(tmp_path, db, STORIES[2:])
    follow = tmp_path / "follow.db"
    ingest_stories(tmp_path, follow)
    assert member_groups(db) == member_groups(follow)  # the raw groups: corrections aside
    assert partition(db) != partition(follow)  # the move holds
    assert invoke("events", "regroup", "--db", db).exit_code == 0
    assert member_groups(db) == member_groups(follow)
    assert partition(db) != partition(follow)

    with sqlite3.connect(db) as conn:  # a member of a group that is not stored
        conn.executescript(revert)
        conn.execute("UPDATE event_members SET group_id = 'ffffffff' WHERE statement_id = ?", [before[0][0]])
    assert ok_json("events", "--db", db)  # migrates, then groups everything again
    assert member_groups(db) == member_groups(follow)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM event_state WHERE key = 'version'").fetchone()[0] != "stale"


def member_groups(db: Path) -> list[tuple[Any, ...]]:
    """Each statement's raw group (by event id) and what grouping found of it."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT m.statement_id, g.id, m.date_lo, m.date_hi, m.date_precision, m.places, m.phrases "
            "FROM event_members m JOIN event_groups g ON g.seq = m.group_seq ORDER BY m.statement_id"
        ).fetchall()


# Two strikes of one war on the same day, in two towns, each told by its own article.
SAME_DAY = (
    (
        "zorivka.txt",
        "\n\n".join(
            [
                "Russian drones struck the port of Zorivka overnight, killing three dock workers, "
                "regional governor Ivan Petrenko said on Saturday.",
                '"The drones came in low from the sea and hit the grain sheds first," '
                "Petrenko told reporters.",
                "Russia's Defence Ministry said its forces had destroyed a military fuel depot.",
                "Ukraine's Foreign Ministry said the attack was a deliberate strike on civilians.",
            ]
        ),
        "2024-05-04",
        "Wire A",
    ),
    (
        "marivka.txt",
        "\n\n".join(
            [
                "Russian drones struck the port of Marivka overnight, wounding six people, "
                "regional governor Oksana Hrytsenko said on Saturday.",
                '"The drones came in low and hit the warehouses first," Hrytsenko told reporters.',
                "Russia's Defence Ministry said its forces had destroyed a naval drone workshop.",
                "Ukraine's Foreign Ministry said the attack was a deliberate strike on civilians.",
            ]
        ),
        "2024-05-04",
        "Paper B",
    ),
)


def test_same_day_strikes_in_two_towns_are_two_events(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, SAME_DAY)
    statements = ok_json("statements", "--db", db)
    zorivka, marivka = event_of(statements, "grain sheds"), event_of(statements, "warehouses")
    assert zorivka != marivka
    for st in statements:  # and each article's statements stay with its own strike
        assert st["event_id"] == (zorivka if "zorivka" in st["source"] else marivka)


def test_a_newer_grouper_says_it_groups_everything_again(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, STORIES[:2])
    before = partition(db)
    with sqlite3.connect(db) as conn:  # as a crossref with another grouper left it
        conn.execute("UPDATE event_state SET value = 'old' WHERE key = 'version'")
    result = invoke("events", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "grouping the statements of 2 articles again" in result.stderr
    assert partition(db) == before
    result = invoke("events", "--db", db)  # once
    assert result.exit_code == 0 and "again" not in result.stderr


def test_what_is_derived_from_a_profile_is_shared_by_its_copies_until_it_changes() -> None:
    from crossref.events import Profile
    from crossref.eventstore import StateCache, _copy_profile

    stored = Profile("e1", 1, vec={"p:zorivka": 2.0, "w:drone": 1.0, "w:faint": 1e-12}, n=2)
    cache = StateCache()
    cache.remember(stored)
    cached = cache.profiles["e1"]
    handed_out = _copy_profile(cached)  # what DbBackend.load gives the engine
    handed_out.memo["towns"] = frozenset({"p:zorivka"})
    assert cached.memo == {"towns": frozenset({"p:zorivka"})}  # the next article finds it

    handed_out.prune()  # the engine changed its copy: what it derived no longer holds for it
    assert handed_out.memo == {}
    assert "w:faint" not in handed_out.vec
    assert cached.memo == {"towns": frozenset({"p:zorivka"})}  # the stored version is unchanged


ROUNDUP = (
    (
        "roundup.txt",
        "\n\n".join(
            [
                "A drone attack set fire to a fuel depot in the Russian city of Kursk overnight, "
                "regional governor Viktor Semyonov said on Sunday.",
                "Russia's Defence Ministry said its air defences had destroyed 17 drones over the region.",
                '"Emergency crews put out the fire by morning," Semyonov said.',
                "Ukrainian President Volodymyr Zelenskiy said Russian shelling had killed two people "
                "in the southern city of Kherson.",
                '"They hit a bus stop in the middle of the day," Zelenskiy said in his nightly address.',
                "Ukraine's General Staff said Russian troops had launched 30 assaults near Pokrovsk.",
                "Russian army spokesman Igor Dolgov said Russian units had repelled counterattacks "
                "near Pokrovsk.",
            ]
        ),
        "2024-06-02",
        "Wire A",
    ),
)


def test_a_roundup_of_incidents_in_distant_towns_is_several_events(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, ROUNDUP)
    statements = ok_json("statements", "--db", db)
    kursk = event_of(statements, "fuel depot")
    kherson = event_of(statements, "Kherson")
    pokrovsk = event_of(statements, "30 assaults")
    assert len({kursk, kherson, pokrovsk}) == 3
    assert event_of(statements, "put out the fire") == kursk
    assert event_of(statements, "bus stop") == kherson  # the quote goes with its town's report
    assert event_of(statements, "repelled counterattacks") == pokrovsk


SEPARATELY = (
    (
        "separately.txt",
        "\n\n".join(
            [
                "Coast guard ships fired water cannon at a supply boat near Second Thomas Shoal on Monday, "
                "the Philippine coast guard said.",
                '"They blocked our boat for an hour," coast guard spokesman Armando Reyes said.',
                "China's coast guard said it had driven the boat away from Chinese waters.",
                "In a separate incident on Sunday, the Philippine military said a Chinese navy helicopter "
                "flew within 30 meters of a Philippine patrol aircraft over the Spratly Islands.",
                "China's Southern Theater Command accused the Philippine aircraft of entering "
                "Chinese airspace.",
            ]
        ),
        "2025-05-12",
        "Wire B",
    ),
)


def test_a_paragraph_turning_to_a_separate_incident_starts_another_event(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    ingest_stories(tmp_path, db, SEPARATELY)
    statements = ok_json("statements", "--db", db)
    shoal, helicopter = event_of(statements, "water cannon"), event_of(statements, "helicopter")
    assert shoal != helicopter
    assert event_of(statements, "blocked our boat") == event_of(statements, "driven the boat away") == shoal
    assert event_of(statements, "entering Chinese airspace") == helicopter


def test_distances_between_gazetteer_towns() -> None:
    from crossref.gazetteer import distance_km, towns

    table = towns()
    kherson, kursk, odesa = (table[name].key for name in ("kherson", "kursk", "odesa"))
    far = distance_km(kherson, kursk)
    assert far is not None and 600 < far < 800
    near = distance_km(kherson, odesa)
    assert near is not None and 100 < near < 200
    assert distance_km(kherson, "l:sotk") is None  # a place only an article named has no position


def test_incident_phrases_are_whole_words() -> None:
    from crossref.events import incident_phrases

    assert incident_phrases("according to the General Staff, troops held the line") == []
    assert incident_phrases("Rwanda is attacking us directly") == ["Attack"]
    assert incident_phrases("the peace deal signed in May") == ["Agreement"]


@pytest.mark.parametrize(
    "text",
    ["a new war in the Horn of Africa", "a Hamas command centre inside the compound", "across Europe"],
)
def test_continents_and_armed_groups_are_no_places(text: str) -> None:
    from crossref.places import find_places

    assert find_places(text) == []


def test_a_town_in_the_speakers_title_agrees_with_the_event() -> None:
    import hashlib

    from crossref.events import (
        PLACE_AGREE,
        ArticleRow,
        Grouper,
        MemoryBackend,
        Profile,
        StatementRow,
        _Work,
        featurize,
    )

    def features(text: str, content: str, mention: str) -> Any:
        start, at = text.index(content), text.index(mention)
        end = text.index("said.") + 5  # the statement's sentence
        row = StatementRow(1, 0, start, start + len(content), content, 0, end, "Serhiy Bondar",
                           at, at + len(mention))  # fmt: skip
        article = ArticleRow(1, text, "2026-03-20", hashlib.sha256(text.encode()).hexdigest(), [row])
        return article, featurize(article)[0]

    titled = features(
        "“We rebuilt one conveyor line with our own hands,” Izmail Mayor Serhiy Bondar said.",
        "We rebuilt one conveyor line with our own hands",
        "Izmail Mayor Serhiy Bondar",
    )
    nearby = features(
        "“We rebuilt one conveyor line with our own hands,” Serhiy Bondar said. "
        "The port of Izmail reopened in April.",
        "We rebuilt one conveyor line with our own hands",
        "Serhiy Bondar",
    )
    event = Profile("e1", 1)
    event.vec = {key: 1.0 for key in titled[1].title_places}
    event.n = 1
    assert titled[1].title_places and not titled[1].places  # the town is the speaker's, not what was said
    grouper = Grouper(MemoryBackend())
    for (article, f), expected in ((titled, PLACE_AGREE), (nearby, PLACE_AGREE / 2)):
        work = _Work(article, [f], {}, [None], {"e1": event}, {})
        assert grouper._place_term(f, event, set(), work) == expected


@pytest.mark.parametrize(
    "dateline", ["KYIV, May 2 (Wire) - ", "Kyiv, May 2 (AFP) - ", "Kyiv, Ukraine, May 2 - "]
)
def test_a_datelines_date_is_when_the_story_was_filed_not_the_incident(dateline: str) -> None:
    from crossref.events import _date_mentions

    text = dateline + "Drones hit the port of Izmail on April 30, officials said."
    assert [m.text for m in _date_mentions(text, "2024-05-02")] == ["April 30"]


def test_a_statement_meets_at_most_max_candidates_stored_events() -> None:
    """However many stored events share a statement's blocking keys, grouping it loads and
    scores only the MAX_CANDIDATES that share most of them: its cost does not grow with the
    density of events."""
    from crossref.events import (
        MAX_CANDIDATES,
        Grouper,
        MemoryBackend,
        Profile,
        _Work,
        featurize,
        lookup_keys,
    )
    from crossref.extract import extract_statements
    from crossref.ingest import _article_row
    from crossref.models import ArticleInput

    article = _article_row(
        ArticleInput(STRIKE, source="-", published="2024-06-01"),
        extract_statements(STRIKE, published="2024-06-01"),
    )
    features = featurize(article)
    assert len(features) >= 2
    backend = MemoryBackend()
    grouper = Grouper(backend)
    for n in range(3 * MAX_CANDIDATES):  # events like the strike, each sharing its keys
        profile = Profile(f"e{n:02d}", backend.next_seq(), vec=dict(features[0].vec), n=1)
        profile._widen(features[0])
        backend.save([profile], [])
        weeks = grouper._weeks(features[0])
        backend.index(profile.id, [(k, w) for k in lookup_keys(features[0], {}) for w in weeks])
    loaded: list[int] = []
    load = backend.load
    backend.load = lambda ids: (loaded.append(len(list(ids))), load(ids))[1]  # type: ignore[method-assign]
    work = _Work(article, features, {}, [None] * len(features), {}, {})
    assert len(grouper._candidates(features[0], work)) == MAX_CANDIDATES
    result = grouper.group_article(article, features)
    assert max(loaded) <= MAX_CANDIDATES
    assert set(result.assignment.values()) & {f"e{n:02d}" for n in range(3 * MAX_CANDIDATES)}
