"""Reliability (issue #5), end to end through the ``crossref`` command:

- ``kill -9`` at any moment of an ingest leaves a sound database in which every article is
  whole, and running the same ingest again completes the rest without duplicates;
- several crossref processes ingesting into one database at once all succeed, losing nothing;
- a database made by an older crossref (an earlier schema version) is migrated forward;
- a file over ``CROSSREF_MAX_BYTES`` is refused with one error line while the good files land;
- arbitrary text (any Unicode, control characters, mixed scripts, unbalanced quotes, very long
  sentences) goes through ``crossref ingest`` without an internal error, and every stored
  statement's offsets point at its text.

The kill and concurrency tests run ``python -m crossref`` as child processes and compare the
result with a reference database made by one uninterrupted ingest of the same corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crossref import migrations
from crossref.cli import app
from crossref.database import Database

HAS_SIGKILL = hasattr(signal, "SIGKILL") and os.name == "posix"
needs_sigkill = pytest.mark.skipif(not HAS_SIGKILL, reason="needs POSIX signals (SIGKILL)")

CORPUS_FILES = 130  # .txt/.md articles, plus JSONL_ARTICLES in one .jsonl file
JSONL_ARTICLES = 12
CORPUS_SIZE = CORPUS_FILES + JSONL_ARTICLES
RUN_TIMEOUT = 180.0  # seconds any one child crossref may take (generous: a loaded 2-core CI box)


# --------------------------------------------------------------------------- a corpus

PLACES = ["Izmail", "Reni", "Odesa", "Kherson", "Hadrut", "Shusha", "Lachin", "Batumi", "Manila", "Sotk"]
SPEAKERS = [
    ("Defence Minister Oleksii Marchenko", "Marchenko"),
    ("Russian Defence Ministry spokesman Igor Kovalev", "Kovalev"),
    ("Azerbaijani President Ilham Aliyev", "Aliyev"),
    ("Armenian Foreign Minister Ararat Mirzoyan", "Mirzoyan"),
    ("UN spokesperson Stephane Dujarric", "Dujarric"),
    ("Georgian Interior Ministry official Nino Beridze", "Beridze"),
    ("Philippine coast guard spokesman Jay Tarriela", "Tarriela"),
    ("Chinese Foreign Ministry spokeswoman Mao Ning", "Mao"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
THINGS = ["grain terminal", "fuel depot", "border post", "bridge", "substation", "hospital"]


def news_text(i: int, rng: random.Random) -> str:
    """A short wire story numbered ``i`` (so no two are alike) with quotes and attributions."""
    place, thing, day = rng.choice(PLACES), rng.choice(THINGS), rng.choice(DAYS)
    (a_full, a_short), (b_full, b_short) = rng.sample(SPEAKERS, 2)
    n = rng.randint(2, 90)
    paras = [
        f"{place.upper()}, {day} (Wire) - At least {n} people were hurt when the {thing} in {place} "
        f"was hit on {day}, officials said, in report number {i} this month.",
        f'"We counted {n} wounded and {n // 2 + 1} buildings damaged," {a_full} told reporters in {place}.',
        f"{b_full} denied that its forces were involved and said report {i} was false.",
        f'"This is a provocation staged for the cameras," {b_short} said. '
        f'"Nobody from our side fired a single shot at the {thing}."',
        f"According to {a_short}, repair crews would reach {place} by {rng.choice(DAYS)}.",
    ]
    tail = paras[2:]
    rng.shuffle(tail)
    paras[2:] = tail
    for k in range(rng.randint(0, 3)):
        paras.append(
            f"A resident, who gave her name as Olena {i}-{k}, said the blast at the {thing} shook "
            f"windows {n + k} kilometres away."
        )
    return "\n\n".join(paras) + "\n"


def write_corpus(folder: Path, files: int = CORPUS_FILES, jsonl: int = JSONL_ARTICLES, seed: int = 5) -> None:
    """``files`` .txt/.md stories with front matter, and one .jsonl file of ``jsonl`` more."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        front = (
            f'---\ntitle: "Incident {i}"\noutlet: Wire {i % 7}\npublished: 2025-{month:02d}-{day:02d}\n---\n'
        )
        suffix = ".md" if i % 5 == 0 else ".txt"
        (folder / f"story-{i:04d}{suffix}").write_text(front + news_text(i, rng), encoding="utf-8")
    lines = [
        json.dumps({"text": news_text(files + j, rng), "outlet": "Feed", "published": "2025-06-01"})
        for j in range(jsonl)
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- running crossref


def child_env(home: Path) -> dict[str, str]:
    """The environment of a child crossref: no user database, config or size limit leaks in."""
    env = {k: v for k, v in os.environ.items() if k not in ("CROSSREF_DB", "CROSSREF_MAX_BYTES")}
    env["XDG_DATA_HOME"] = str(home / "xdg-data")
    env["XDG_CONFIG_HOME"] = str(home / "xdg-config")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def crossref_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "crossref", *(str(a) for a in args)]


def run_crossref(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        crossref_cmd(*args), env=child_env(home), capture_output=True, text=True, timeout=RUN_TIMEOUT
    )


@contextlib.contextmanager
def spawned(*args: str | Path, home: Path) -> Iterator[subprocess.Popen[str]]:
    """A child crossref in a session of its own; whatever of it is left is killed on the way out."""
    proc = subprocess.Popen(
        crossref_cmd(*args),
        env=child_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=HAS_SIGKILL,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:  # still running (a failed test): stop it and its workers
            if HAS_SIGKILL:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(proc.pid, signal.SIGKILL)  # the session this test started
            proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.communicate(timeout=RUN_TIMEOUT)


def live_in_group(pgid: int) -> list[int]:
    """Pids of processes (not zombies) in process group ``pgid``, from /proc (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, pgrp, ...
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            found.append(int(entry.name))
    return found


# --------------------------------------------------------------------------- reading a database


@dataclass
class Snapshot:
    """What a database holds, by article text hash."""

    statements: dict[str, int]  # text_hash -> statements stored for that article
    grouped: dict[str, int]  # text_hash -> of those, statements with an event_id
    articles: int  # rows in articles (to catch duplicates)


def snapshot(path: Path) -> Snapshot:
    conn = sqlite3.connect(path)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return Snapshot({}, {}, 0)  # killed before the schema was made
        rows = conn.execute(
            "SELECT a.text_hash, count(s.id), count(s.event_id) FROM articles a "
            "LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
        ).fetchall()
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()
    return Snapshot({h: n for h, n, _ in rows}, {h: g for h, _, g in rows}, articles)


def assert_sound(path: Path) -> None:
    """SQLite's and FTS5's own integrity checks pass; no foreign key or event id dangles."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:  # killed before the schema was made: nothing else to check
            return
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for fts in sorted({"articles_fts", "statements_fts"} & tables):
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")  # raises if out of sync
        if "events" in tables:
            dangling = conn.execute(
                "SELECT count(*) FROM statements s LEFT JOIN events e ON e.id = s.event_id "
                "WHERE s.event_id IS NOT NULL AND e.id IS NULL"
            ).fetchone()[0]
            assert dangling == 0, f"{dangling} statements name an event that does not exist"
        orphans = conn.execute(
            "SELECT count(*) FROM statements s LEFT JOIN articles a ON a.id = s.article_id WHERE a.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.rollback()
        conn.close()


def stored_articles(path: Path) -> int:
    """Articles committed so far, read (read-only) beside a running writer; 0 while there is
    no database or no schema yet, or for a moment the database is busy."""
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def wait_until(proc: subprocess.Popen[str], ready: Callable[[], bool], timeout: float = RUN_TIMEOUT) -> bool:
    """Poll ``ready`` until it is true (True) or ``proc`` has ended on its own (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return True
        if proc.poll() is not None:
            return ready()
        time.sleep(0.003)
    raise AssertionError("timed out waiting for the kill point")


# --------------------------------------------------------------------------- shared fixtures


@dataclass
class Corpus:
    folder: Path
    reference: Snapshot
    home: Path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The corpus, and the reference database made by one uninterrupted ingest of it."""
    base = tmp_path_factory.mktemp("reliability")
    folder = base / "corpus"
    write_corpus(folder)
    reference_db = base / "reference.db"
    done = run_crossref("ingest", folder, "--db", reference_db, "-q", home=base)
    assert done.returncode == 0, done.stderr
    reference = snapshot(reference_db)
    assert reference.articles == len(reference.statements) == CORPUS_SIZE
    assert sum(reference.statements.values()) >= 4 * CORPUS_SIZE  # the stories do have statements
    assert reference.grouped == reference.statements  # every statement is in an event
    assert_sound(reference_db)
    return Corpus(folder, reference, base)


def assert_complete(db: Path, corpus: Corpus) -> None:
    """``db`` holds exactly the reference: every article once, whole, its statements grouped."""
    assert_sound(db)
    got = snapshot(db)
    assert got.articles == len(got.statements) == CORPUS_SIZE  # no duplicates, none missing
    assert got.statements == corpus.reference.statements
    ungrouped = {h: n - got.grouped[h] for h, n in got.statements.items() if got.grouped[h] != n}
    assert not ungrouped, f"{len(ungrouped)} articles have statements in no event after the run"


# --------------------------------------------------------------------------- kill -9


@dataclass(frozen=True)
class KillPoint:
    """When to SIGKILL a run: ``ready(database, articles stored before the run, seconds since
    it started)`` says "now"; ``must_land`` means the run cannot plausibly be over by then."""

    name: str
    ready: Callable[[Path, int, float], bool]
    must_land: bool = True


FIRST_COMMIT = KillPoint("first-commit", lambda db, before, _: stored_articles(db) > before)
KILL_POINTS = [
    # while the database file is being created and migrated
    KillPoint("creating-database", lambda db, _, __: db.exists()),
    # (as soon as the first articles are committed: see test_killed_twice_then_completed)
    # once every article is stored: the run may be grouping or finishing, or already done
    KillPoint("all-stored", lambda db, _, __: stored_articles(db) >= CORPUS_SIZE, must_land=False),
    # at a moment drawn afresh on every run (printed, to replay a failure)
    KillPoint("at-random", lambda _, __, elapsed: elapsed >= RANDOM_DELAY, must_land=False),
]
RANDOM_DELAY = round(random.uniform(0.2, 3.0), 2)


def kill_ingest(db: Path, corpus: Corpus, point: KillPoint) -> int | None:
    """Start `crossref ingest CORPUS`, SIGKILL it at ``point``; its exit status, None if killed."""
    before = snapshot(db).articles if db.exists() else 0
    if point.name == "at-random":
        print(f"killing after {RANDOM_DELAY} s")
    started = time.monotonic()
    with spawned("ingest", corpus.folder, "--db", db, "-q", home=corpus.home) as proc:
        reached = wait_until(proc, lambda: point.ready(db, before, time.monotonic() - started))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)  # the crossref process only, as `kill -9 PID` does
        status = proc.wait(timeout=RUN_TIMEOUT)
        if point.must_land:
            assert reached and status == -signal.SIGKILL, f"{point.name}: the run ended first ({status})"
        # the workers it may have started notice their parent is gone and exit by themselves
        if Path("/proc/self/stat").exists():
            deadline = time.monotonic() + 15
            while live_in_group(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert live_in_group(proc.pid) == [], "worker processes outlived the killed crossref"
    return None if status == -signal.SIGKILL else status


def assert_whole_after_kill(db: Path, corpus: Corpus) -> None:
    """After a kill: a sound database in which every article stored has all its statements."""
    if not db.exists():
        return
    assert_sound(db)
    got = snapshot(db)
    assert got.articles == len(got.statements)
    assert set(got.statements) <= set(corpus.reference.statements)
    partial = {h: (n, corpus.reference.statements[h]) for h, n in got.statements.items()}
    partial = {h: pair for h, pair in partial.items() if pair[0] != pair[1]}
    assert not partial, f"articles stored without all their statements (stored, expected): {partial}"


@needs_sigkill
@pytest.mark.parametrize("point", KILL_POINTS, ids=lambda p: p.name)
def test_kill_9_mid_ingest_then_rerun_completes(tmp_path: Path, corpus: Corpus, point: KillPoint) -> None:
    db = tmp_path / "killed.db"
    status = kill_ingest(db, corpus, point)
    assert status in (None, 0)  # killed, or it had finished cleanly before the kill point
    assert_whole_after_kill(db, corpus)

    again = run_crossref("ingest", corpus.folder, "--db", db, "-q", home=corpus.home)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""
    assert_complete(db, corpus)


@needs_sigkill
def test_killed_twice_then_completed(tmp_path: Path, corpus: Corpus) -> None:
    """Killed as soon as the first articles are committed, and again as soon as the rerun
    commits its first; then run to the end, then once more for nothing."""
    db = tmp_path / "twice.db"
    assert kill_ingest(db, corpus, FIRST_COMMIT) is None
    assert_whole_after_kill(db, corpus)
    stored_once = snapshot(db).articles
    assert kill_ingest(db, corpus, FIRST_COMMIT) is None
    assert_whole_after_kill(db, corpus)
    assert snapshot(db).articles > stored_once
    done = run_crossref("ingest", corpus.folder, "--db", db, "-q", home=corpus.home)
    assert done.returncode == 0, done.stderr
    assert_complete(db, corpus)

    again = run_crossref("ingest", corpus.folder, "--db", db, home=corpus.home)
    assert again.returncode == 0, again.stderr
    assert f"skipped {CORPUS_SIZE} already stored" in again.stderr
    assert_complete(db, corpus)


# --------------------------------------------------------------------------- concurrent writers


def test_concurrent_writers_lose_nothing(tmp_path: Path, corpus: Corpus) -> None:
    """Three processes on disjoint thirds of the corpus and a fourth overlapping all of them
    write one database at once: all succeed, and it ends up exactly as the reference."""
    db = tmp_path / "shared.db"
    files = sorted(p for p in corpus.folder.iterdir() if p.suffix in (".txt", ".md"))
    feed = corpus.folder / "feed.jsonl"
    shares = [files[0::3], files[1::3], [*files[2::3], feed], [*files[::4], feed]]  # the last overlaps
    with contextlib.ExitStack() as stack:
        procs = [
            stack.enter_context(spawned("ingest", *share, "--db", db, "-q", home=corpus.home))
            for share in shares
        ]
        results = [
            (proc.wait(timeout=RUN_TIMEOUT), proc.stderr.read() if proc.stderr else "") for proc in procs
        ]
    for number, (status, stderr) in enumerate(results, start=1):
        assert status == 0, f"writer {number} failed: {stderr}"
        assert stderr == "", f"writer {number}: {stderr}"
    assert_complete(db, corpus)
    listed = run_crossref("articles", "--db", db, "--json", home=corpus.home)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == CORPUS_SIZE
    assert sorted(r["statements"] for r in rows) == sorted(corpus.reference.statements.values())


def test_opening_waits_for_a_database_being_created(tmp_path: Path, runner: CliRunner) -> None:
    """A crossref that starts while another is still creating the database (write lock held,
    not in WAL mode yet) waits for it, as it waits for any other lock, instead of failing."""
    db = tmp_path / "new.db"
    creator = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    creator.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    creator.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.5, lambda: creator.execute("COMMIT"))
    timer.start()
    try:
        result = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    finally:
        timer.join()
        creator.close()
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


# --------------------------------------------------------------------------- migrating forward

OLD_TEXT = (
    "IZMAIL, March 14 (Wire) - Drones struck the grain terminal in Izmail overnight, the port "
    "director said.\n\n"
    '"We lost two warehouses," Defence Minister Oleksii Marchenko told reporters on Tuesday.\n'
)
OLD_STATEMENTS = [
    # (text, kind, speaker mention, speaker, party)
    ("Drones struck the grain terminal in Izmail overnight", "indirect", "the port director", None, None),
    (
        "We lost two warehouses",
        "direct",
        "Defence Minister Oleksii Marchenko",
        "Oleksii Marchenko",
        "Ukraine",
    ),
]
NEW_TEXT = (
    "RENI, March 15 (Wire) - Russia's defence ministry said on Wednesday that its forces had "
    "destroyed a fuel depot in Izmail.\n\n"
    '"The strike hit only military targets," ministry spokesman Igor Kovalev said.\n'
)


def make_old_database(path: Path, upto: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database at the schema of the first ``upto`` migrations, holding one article with
    its statements, speaker and party as a crossref of that time stored them."""
    conn = sqlite3.connect(path, isolation_level=None)
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:upto])
        assert migrations.apply_migrations(Database(conn)) == [
            name for name, _ in migrations.MIGRATIONS[:upto]
        ]
    conn.execute("BEGIN")
    conn.execute("INSERT INTO parties (id, name, kind, origin) VALUES (1, 'Ukraine', 'state', 'inferred')")
    conn.execute(
        "INSERT INTO speakers (id, name, key, kind, role, party_id) "
        "VALUES (1, 'Oleksii Marchenko', 'oleksii marchenko', 'person', 'Defence Minister', 1)"
    )
    conn.execute(
        "INSERT INTO articles (id, title, outlet, published, source, url, language, format, text, "
        "text_hash, words, ingested_at, extractor_version) VALUES (1, 'Izmail strike', 'Wire', "
        "'2026-03-14', 'izmail.txt', NULL, NULL, 'text', ?, ?, ?, '2026-03-14T10:00:00+00:00', '0.1-old')",
        [OLD_TEXT, hashlib.sha256(OLD_TEXT.encode()).hexdigest(), len(OLD_TEXT.split())],
    )
    for ordinal, (text, kind, mention, speaker, party) in enumerate(OLD_STATEMENTS):
        start = OLD_TEXT.index(text)
        sentence_start = OLD_TEXT.rfind("\n", 0, start) + 1
        sentence_end = OLD_TEXT.index("\n", start)
        conn.execute(
            'INSERT INTO statements (article_id, ordinal, start, "end", text, sentence, sentence_start, '
            "sentence_end, cue, kind, speaker_mention, mention_start, speaker_id, party_id) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'said', ?, ?, ?, ?, ?)",
            [
                ordinal, start, start + len(text), text, OLD_TEXT[sentence_start:sentence_end],
                sentence_start, sentence_end, kind, mention, OLD_TEXT.index(mention),
                1 if speaker else None, 1 if party else None,
            ],
        )  # fmt: skip
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize(
    "upto", range(1, len(migrations.MIGRATIONS)), ids=lambda n: f"from-{migrations.MIGRATIONS[n - 1][0]}"
)
def test_older_database_is_migrated_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, upto: int
) -> None:
    db = tmp_path / "old.db"
    make_old_database(db, upto, monkeypatch)
    conn = sqlite3.connect(db)
    old_article = conn.execute("SELECT * FROM articles").fetchall()
    conn.close()

    def cli(*args: str | Path) -> Any:
        result = runner.invoke(app, [*(str(a) for a in args), "--db", str(db)])
        assert result.exit_code == 0, result.output
        return result

    # listing migrates it (saying so), and shows the old rows
    listed = cli("articles", "--json")
    assert "upgrading" in listed.stderr and str(db) in listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["title"], r["statements"]) for r in rows] == [(1, "Izmail strike", 2)]
    conn = sqlite3.connect(db)
    assert migrations.applied_migrations(Database(conn)) == [n for n, _ in migrations.MIGRATIONS]
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert {"party_aliases", "events", "event_members"} <= {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    conn.close()

    statements = json.loads(cli("statements", "--json").stdout)
    assert [(s["text"], s["kind"], s["speaker"], s["party"]) for s in statements] == [
        (text, kind, speaker, party) for text, kind, _, speaker, party in OLD_STATEMENTS
    ]
    assert all(OLD_TEXT[s["start"] : s["end"]] == s["text"] for s in statements)
    for s in statements:  # the sentence, however a newer schema keeps it
        assert s["sentence"] == OLD_TEXT[s["sentence_start"] : s["sentence_end"]]
        assert s["sentence"].endswith(("said.", "Tuesday."))
    assert json.loads(cli("statements", "--json", "--search", "warehouses").stdout)[0]["text"] == (
        "We lost two warehouses"
    )  # the old full-text index still answers

    # events: the old statements get grouped
    events = json.loads(cli("events", "--json").stdout)
    assert events and sum(e["statements"] for e in events) == 2
    grouped = json.loads(cli("statements", "--json").stdout)
    assert all(s["event_id"] for s in grouped)

    # party aliases: a rename is kept as an alias
    cli("parties", "rename", "Ukraine", "Ukrainian government")
    assert [
        s["text"] for s in json.loads(cli("statements", "--json", "--party", "Ukrainian government").stdout)
    ] == ["We lost two warehouses"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT alias, party FROM party_aliases").fetchall() == [
        ("Ukraine", "Ukrainian government")
    ]
    conn.close()

    # a new article lands next to the old one and is grouped; the old row is untouched
    story = tmp_path / "reni.txt"
    story.write_text(NEW_TEXT, encoding="utf-8")
    cli("ingest", story, "-q")
    rows = json.loads(cli("articles", "--json").stdout)
    assert [r["id"] for r in rows] == [1, 2] and rows[1]["statements"] >= 1
    assert all(s["event_id"] for s in json.loads(cli("statements", "--json").stdout))
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT * FROM articles WHERE id = 1").fetchall() == old_article
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


# --------------------------------------------------------------------------- the size cap


@pytest.mark.parametrize("given_as", ["files", "directory"])
def test_file_over_the_size_cap_is_refused_and_the_rest_lands(
    tmp_path: Path, runner: CliRunner, given_as: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(3)
    good = folder / "a-good.txt"
    good.write_text(news_text(1, rng), encoding="utf-8")
    assert good.stat().st_size < 1500
    exact = folder / "b-exact.txt"  # exactly at the cap: allowed
    body = news_text(2, rng)
    exact.write_text(body + "x" * (1500 - len(body.encode()) - 1) + "\n", encoding="utf-8")
    assert exact.stat().st_size == 1500
    big = folder / "c-big.txt"
    big.write_text(news_text(3, rng) * 20, encoding="utf-8")
    size = big.stat().st_size
    db = tmp_path / "cap.db"
    sources = [str(folder)] if given_as == "directory" else [str(big), str(good), str(exact)]

    result = runner.invoke(app, ["ingest", *sources, "--db", str(db)], env={"CROSSREF_MAX_BYTES": "1500"})
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("crossref: error:")]
    limit = "larger than the 1,500-byte limit (CROSSREF_MAX_BYTES)"
    assert errors == [f"crossref: error: {big}: file is {size:,} bytes, {limit}"]
    assert "added 2 articles" in result.stderr and "1 source failed" in result.stderr
    rows = json.loads(runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout)
    assert sorted(Path(r["source"]).name for r in rows) == ["a-good.txt", "b-exact.txt"]
    assert all(r["statements"] > 0 for r in rows)


# --------------------------------------------------------------------------- arbitrary text


HOSTILE_WORDS = [
    # English news words and cues
    "said", "told reporters", "according to", "denied", "The", "Ministry", "he", "she", "that",
    "a spokesperson for the", "Defence Minister", "Aliyev", "U.S.", "Dec.", "11", ",", ".", ":", "—",
    # other scripts: Cyrillic, Arabic (right to left), Armenian, Georgian, Hebrew, CJK, Devanagari
    "Міністерство оборони заявило", "Азербайджан", "قال المتحدث باسم الوزارة", "مرحبا",
    "Հայաստանի ԱԳՆ-ն հայտարարել է", "Հայաստան", "საქართველო", "אמר הדובר", "外交部发言人说", "नमस्ते",
    # marks that are easy to get wrong: combining, zero-width, direction, emoji with joiners
    "e\u0301", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff", "👩‍👩‍👧", "🇺🇦", "\U0001d400",
    # line and paragraph breaks of every kind
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\t",
    # control characters (some files have them)
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9f",
    # quotation marks, balanced or not
    "“", "”", "‘", "’", '"', "'", "''", "``", "«", "»", "„", "‹", "›", "「", "」",
    # front-matter fences
    "---", "---\n",
]  # fmt: skip


def _long_sentence(n: int, form: str = "quote") -> str:
    """One sentence of ``n`` clauses: a quotation, reported speech, or a list of quoted bits."""
    clauses = [f"the port {i} was hit by {i % 9} drones" for i in range(n)]
    if form == "quote":
        return "“" + ", ".join(clauses) + ",” the minister said."
    if form == "reported":
        return "The minister said that " + ", and that ".join(clauses) + "."
    return "The minister said " + ", and ".join(f"“point {i}” was made" for i in range(n)) + "."


SPEAKER_NAMES = [
    "Defence Minister Oleksii Marchenko", "the ministry", "Ilham Aliyev", "Nikol Pashinyan", "she",
    "Мария Захарова", "Ильхам Алиев", "محمد الأحمد", "Նիկոլ Փաշինյան", "Recep Tayyip Erdoğan",
    "a spokesperson for the Russian peacekeeping forces", "Kenji Sato, a coast guard spokesman,",
]  # fmt: skip
CUES = ["said", "told reporters", "denied", "warned", "claimed", "confirmed", "said in a statement"]
QUOTES = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("''", "''"), ("“", ""), ("", "”")]
TEMPLATES = [
    "{o}{content}{c} {speaker} {cue}.",
    "{o}{content},{c} {speaker} {cue}. {o}{content}{c}",
    "{speaker} {cue} that {content}.",
    "According to {speaker}, {content}.",
    "{speaker}: {o}{content}{c}",
    "{speaker} {cue} {o}{content}",
]
PLAIN_WORDS = ["the", "port", "was", "hit", "by", "drones", "on", "Tuesday", "troops", "fired",
               "at", "civilians", "no", "one", "hurt", "talks", "will", "resume", "in", "Izmail"]  # fmt: skip
plain = st.lists(st.sampled_from(PLAIN_WORDS), min_size=2, max_size=10).map(" ".join)
odd = st.lists(st.one_of(st.sampled_from(HOSTILE_WORDS), st.text(max_size=4)), max_size=3).map(" ".join)
fragment = st.tuples(plain, odd, plain).map(" ".join)  # plain words with odd ones among them
attributed_sentence = st.builds(
    lambda template, quotes, content, speaker, cue: template.format(
        o=quotes[0], c=quotes[1], content=content, speaker=speaker, cue=cue
    ),
    st.sampled_from(TEMPLATES),
    st.sampled_from(QUOTES),
    fragment,
    st.sampled_from(SPEAKER_NAMES),
    st.sampled_from(CUES),
)
# news-like paragraphs of attributed sentences with hostile content, joined by any line break
attributed_text = st.tuples(
    st.lists(
        st.lists(st.one_of(attributed_sentence, attributed_sentence, fragment), min_size=1, max_size=5),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\u2029", "\x85", " "]),
).map(lambda t: t[1].join(" ".join(p) for p in t[0]))

hostile_text = st.one_of(
    attributed_text,
    attributed_text,
    attributed_text,  # three times: most examples should have statements to check
    st.text(),
    st.lists(
        st.one_of(
            st.sampled_from(HOSTILE_WORDS),
            st.text(max_size=12),
            st.text(alphabet="“”‘’\"'«»„ ", min_size=1, max_size=4),
        ),
        max_size=120,
    ).map(" ".join),
    st.lists(st.sampled_from(HOSTILE_WORDS), max_size=60).map("".join),
    st.builds(
        _long_sentence, st.integers(min_value=50, max_value=1500), st.sampled_from(["quote", "reported"])
    ),
)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fuzz.db"


def _stored(db: Path, after_id: int) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT id, text, text_hash FROM articles WHERE id > ? ORDER BY id", [after_id]
        ).fetchall()
    finally:
        conn.close()


def _max_id(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def _check_statements(db: Path, article_id: int, text: str) -> int:
    """Every statement of the article, as `crossref statements` shows it, points at its text."""
    result = CliRunner().invoke(app, ["statements", "--article", str(article_id), "--json", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    for row in rows:
        start, end = row["start"], row["end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == row["text"]
        assert 0 <= row["sentence_start"] < row["sentence_end"] <= len(text)
        assert text[row["sentence_start"] : row["sentence_end"]] == row["sentence"]
        assert row["kind"] in {"direct", "indirect", "mixed"}
        assert row["event_id"] is not None
    return len(rows)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=hostile_text, as_json=st.booleans(), ascii_json=st.booleans())
@example(text=_long_sentence(3000, "list"), as_json=False, ascii_json=True)
@example(text='He said "it was \x00 fine. “Unclosed. «Never» closed „', as_json=True, ascii_json=False)
@example(text="---\ntitle: x\n---\nThe mayor said “no”.", as_json=False, ascii_json=True)
@example(text="B sAID\x0000\u2019", as_json=True, ascii_json=False)  # NUL inside a sentence
def test_any_text_through_ingest(fuzz_db: Path, text: str, as_json: bool, ascii_json: bool) -> None:
    """Whatever the text, `crossref ingest -` stores it (or refuses it with one error line),
    never fails inside, and every stored statement's offsets point at its text."""
    if as_json:
        data = json.dumps({"text": text, "title": "fuzz"}, ensure_ascii=ascii_json).encode("utf-8")
        args = ["ingest", "-", "--format", "json"]
    else:
        data = text.encode("utf-8")
        args = ["ingest", "-", "--format", "text"]
    before = _max_id(fuzz_db)
    runner = CliRunner()
    result = runner.invoke(app, [*args, "--db", str(fuzz_db), "-q"], input=data)

    assert "internal error" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    new = _stored(fuzz_db, before)
    if result.exit_code == 1:  # refused: empty, binary, malformed front matter, ...
        errors = result.stderr.splitlines()
        assert len(errors) == 1 and errors[0].startswith("crossref: error: -"), result.stderr
        assert new == []
        event("refused")
        return
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    if as_json:
        expected: str | None = text  # a JSON article's text is stored exactly as given
    elif not text.startswith(("\ufeff", "---")):
        expected = text  # and so is a text file's body (bar a BOM, or front matter)
    else:
        expected = None
    conn = sqlite3.connect(fuzz_db)
    try:
        stored = [(article_id, body) for article_id, body, _ in new]
        if expected is not None:
            digest = hashlib.sha256(expected.encode("utf-8")).hexdigest()
            row = conn.execute("SELECT id, text FROM articles WHERE text_hash = ?", [digest]).fetchone()
            assert row is not None, "the article was neither stored nor refused"
            assert row[1] == expected
            assert [article_id for article_id, _ in stored] in ([], [row[0]])
            stored = [(row[0], row[1])]
    finally:
        conn.close()
    assert len(new) <= 1
    found = sum(_check_statements(fuzz_db, article_id, body) for article_id, body in stored)
    event(f"stored, {'with' if found else 'without'} statements")
