"""How crossref scales with corpus size (issue #6): ingest throughput, peak memory, database
size, and `events` / `compare` latency on the database each size gives.

    .venv/bin/python bench/bench_scale.py --sizes 1000 4000 --workers 2
    .venv/bin/python bench/bench_scale.py --sizes 1000 4000 10000 40000 100000 --json > scale.json

For each size the synthetic corpus comes from ``bench/make_corpus.py`` (same seed, so a
bigger corpus starts with the smaller one's timeline shape) and is ingested by
``crossref ingest CORPUS.jsonl --db NEW.db -q --workers N`` in a subprocess. Each corpus
spans one year, so a bigger one is also denser (more incidents at once); with ``--per-day N``
it spans size/N days instead, so that growth is measured at one density. Measured:

- wall and CPU time (the whole process tree), words/s and articles/s;
- peak memory of crossref and its workers together, sampled every 0.1 s from /proc: the sum
  of resident set sizes (pages the forked workers share with the parent counted once per
  process, so it overstates) and the sum of proportional set sizes (the real total);
- database size (after a WAL checkpoint) per article and over the size of the text;
- latency, median of ``--repeat`` runs: in process (``list_events``, ``compare_event`` on an
  open database: what the commands do after start-up) and as the user sees it (the
  ``crossref`` command in a new process, start-up included).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CROSSREF = [sys.executable, "-m", "crossref"]


def make_corpus(size: int, folder: Path, seed: int, days: int = 365) -> Path:
    out = folder / (f"corpus-{size}.jsonl" if days == 365 else f"corpus-{size}-{days}d.jsonl")
    if not out.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--articles", str(size),
             "--out", str(out), "--seed", str(seed), "--days", str(days)],
            check=True,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
    return out


def corpus_stats(path: Path) -> tuple[int, int, int]:
    """(articles, words, bytes of article text)."""
    articles = words = size = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            articles += 1
            words += len(text.split())
            size += len(text.encode("utf-8"))
    return articles, words, size


def _tree_memory(root: int) -> tuple[int, int]:
    """(resident, proportional) bytes of ``root`` and all its descendants (Linux /proc):
    RSS counts pages the forked workers share with the parent once per process, PSS splits
    each shared page between the processes that share it, so its sum is the real total."""
    rss_total, pss_total = _tree_rss(root), 0
    for pid in _tree_pids(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss_total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return rss_total, pss_total


def _tree_pids(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            pid, ppid = int(entry), int(fields[1])
            rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            children.setdefault(ppid, []).append(pid)
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_ingest(corpus: Path, db: Path, workers: int) -> dict[str, Any]:
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*CROSSREF, "ingest", str(corpus), "--db", str(db), "-q", "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = peak_pss = 0
    while proc.poll() is None:
        rss, pss = _tree_memory(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.1)
    wall = time.perf_counter() - start
    after = os.times()
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {stderr.strip()}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_bytes": peak, "peak_pss_bytes": peak_pss}


def db_size(db: Path) -> int:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob(db.name + "-*"))


def _median_ms(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def latencies(db: Path, repeat: int, seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "src"))
    from crossref.compare import build_comparison
    from crossref.eventquery import ensure_grouped, list_events, pick_events
    from crossref.store import open_database

    def compare_event(database: Any, ref: str) -> None:  # what `crossref compare REF` does
        ensure_grouped(database)
        build_comparison(database, pick_events(database, ref)[0]["id"])

    def list_recent(database: Any, **filters: Any) -> None:  # what `crossref events` does
        ensure_grouped(database)
        list_events(database, **filters)

    database = open_database(db)
    rng = random.Random(seed)
    event_ids = [r[0] for r in database.execute("SELECT id FROM events")]
    biggest = database.execute("SELECT id FROM events ORDER BY statements DESC LIMIT 1").fetchone()[0]
    sample = rng.sample(event_ids, min(20, len(event_ids)))
    place = database.execute(
        "SELECT json_extract(places, '$[0]') FROM events WHERE places != '[]' "
        "ORDER BY statements DESC LIMIT 1"
    ).fetchone()[0]
    party = database.execute("SELECT name FROM parties ORDER BY id LIMIT 1").fetchone()[0]
    out: dict[str, Any] = {"events_total": len(event_ids), "search_place": place, "party": party}
    out["lib_events_limit50_ms"] = _median_ms(lambda: list_recent(database, limit=50), repeat)
    out["lib_events_search_ms"] = _median_ms(lambda: list_recent(database, search=place, limit=50), repeat)
    out["lib_events_party_ms"] = _median_ms(lambda: list_recent(database, party=party, limit=50), repeat)
    out["lib_compare_biggest_ms"] = _median_ms(lambda: compare_event(database, biggest), repeat)
    per_event = [_median_ms(lambda e=e: compare_event(database, e), 3) for e in sample]
    out["lib_compare_sample_ms"] = statistics.median(per_event)
    database.close()
    cli = {
        "cli_events_limit50_ms": ["events", "--limit", "50"],
        "cli_events_limit50_table_ms": ["events", "--limit", "50", "--table"],
        "cli_events_search_ms": ["events", "--search", place, "--limit", "50"],
        "cli_compare_biggest_ms": ["compare", biggest],
        "cli_compare_sample_ms": ["compare", sample[0]],
        "cli_compare_sample_table_ms": ["compare", sample[0], "--table"],
        "cli_version_ms": ["--version"],
    }
    # as a user's shell runs it: bytecode cached (a pip install compiles it), no colour codes
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["COLUMNS"] = "160"
    for key, args in cli.items():
        command = [*CROSSREF, *args] + (["--db", str(db)] if args[0] != "--version" else [])

        def run(c: list[str] = command) -> None:
            subprocess.run(c, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

        run()  # warm-up: writes the bytecode cache of a fresh checkout
        out[key] = _median_ms(run, repeat)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=7, help="runs per latency measure (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--per-day",
        type=float,
        metavar="N",
        help="spread each corpus over size/N days (the same density at every size) instead of one year",
    )
    parser.add_argument("--dir", type=Path, help="where corpora and databases go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    parser.add_argument(
        "--latency-only", type=Path, metavar="DB", help="only measure latency, on this existing database"
    )
    args = parser.parse_args()
    if args.latency_only:
        found = latencies(args.latency_only, args.repeat, args.seed)
        print(json.dumps({"db": str(args.latency_only), **found}))
        return
    folder = args.dir or Path(tempfile.mkdtemp(prefix="crossref-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not args.json:
        print(f"# {platform.python_version()}, {os.cpu_count()} CPUs, workers {args.workers}, in {folder}")
    rows = []
    for size in args.sizes:
        days = max(1, round(size / args.per_day)) if args.per_day else 365
        corpus = make_corpus(size, folder, args.seed, days)
        articles, words, text_bytes = corpus_stats(corpus)
        db = folder / corpus.name.replace("corpus-", "scale-").replace(".jsonl", ".db")
        for leftover in folder.glob(db.name + "*"):
            leftover.unlink()
        row: dict[str, Any] = {
            "size": size, "days": days, "articles": articles, "words": words, "text_bytes": text_bytes
        }  # fmt: skip
        row.update(run_ingest(corpus, db, args.workers))
        row["words_per_s"] = words / row["wall_s"]
        row["articles_per_s"] = articles / row["wall_s"]
        row["db_bytes"] = db_size(db)
        row["db_per_article"] = row["db_bytes"] / articles
        row["db_over_text"] = row["db_bytes"] / text_bytes
        row.update(latencies(db, args.repeat, args.seed))
        rows.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(
                f"{articles:>7} art in {days} days, {words:>10,} words  ingest {row['wall_s']:8.1f} s "
                f"({row['words_per_s']:,.0f} w/s, {row['articles_per_s']:.1f} art/s, "
                f"cpu {row['cpu_s']:.0f} s)  "
                f"peak RSS {row['peak_rss_bytes'] / 2**20:,.0f} MiB, "
                f"PSS {row['peak_pss_bytes'] / 2**20:,.0f} MiB  db {row['db_over_text']:.2f}x text  "
                f"events {row['lib_events_limit50_ms']:.1f} ms / cli {row['cli_events_limit50_ms']:.0f} ms  "
                f"compare {row['lib_compare_sample_ms']:.1f} ms / cli {row['cli_compare_sample_ms']:.0f} ms",
                flush=True,
            )
        if not args.keep:
            for leftover in folder.glob(db.name + "*"):
                leftover.unlink()
    if not args.json and len(rows) > 1:
        for small, big in zip(rows, rows[1:], strict=False):
            print(
                f"# {small['articles']} -> {big['articles']} articles "
                f"({big['articles'] / small['articles']:.1f}x): "
                f"ingest time {big['wall_s'] / small['wall_s']:.2f}x"
            )


if __name__ == "__main__":
    main()
