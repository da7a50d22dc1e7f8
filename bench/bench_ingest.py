#!/usr/bin/env python3
"""crossref's speed on a folder of articles (issue #3's speed bar, ground for issue #6).

    .venv/bin/python bench/bench_ingest.py                      # polnear/dev from ../shared
    .venv/bin/python bench/bench_ingest.py DIR --repeat 3 --json
    .venv/bin/python bench/bench_ingest.py --peer-json peer.json  # ratios against a peer run
    .venv/bin/python bench/bench_ingest.py --peer-python /tmp/peer-venv/bin/python --breakdown

Two measurements on the same ``.txt`` files, each repeated ``--repeat`` times (median kept):

extraction
    ``crossref.extract.extract_statements`` over every text, in this process. Imports and a
    first warm-up call (which loads the lexicons and gazetteers) are timed apart as "setup",
    as the peer's model load is: the rate is steady-state extraction.
end-to-end
    ``crossref ingest DIR --db TMP.db -q`` as a subprocess on a fresh database each time:
    interpreter start, imports, reading, extraction, SQLite writes and FTS indexing, all in
    the wall time. Peak RSS and CPU time are the child's own (``os.wait4``). The child gets
    its own empty XDG config/data dirs, so no user ``parties.toml`` changes the work.
breakdown (``--breakdown``)
    Where one end-to-end run's wall time goes, without a profiler's overhead: a child
    interpreter imports ``crossref.cli``, opens the database and calls
    ``crossref.ingest.ingest_sources`` as the CLI does, with timers wrapped around reading,
    the already-stored check, extraction (the first article, which pays the lazy setup,
    apart) and saving. Interpreter start-up is the child's wall time less what it timed.

Words are ``len(text.split())`` of each article body (after any front matter), as in
bench/peer_textacy.py. The ratio against the peer is crossref words/s over the peer's words/s,
measured first with ``--peer-python /tmp/peer-venv/bin/python``, or read from ``--peer-json``
(output of ``peer_textacy.py --json``), or ``--peer-wps`` (default: the 4,400 words/s on one
core quoted in issue #3). Issue #3 wants end-to-end >= 2x the peer; issue #6 wants >= 5x.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear" / "dev" / "texts"
ISSUE_PEER_WPS = 4400.0
BARS = {"issue #3": 2.0, "issue #6": 5.0}


@dataclass
class Run:
    """One timed pass (extraction) or one ingest subprocess (end-to-end)."""

    seconds: float
    cpu_seconds: float
    statements: int
    peak_rss_mib: float | None = None
    db_bytes: int | None = None
    articles_stored: int | None = None


@dataclass
class Corpus:
    folder: Path
    files: list[Path]
    texts: list[str]
    words: int
    text_bytes: int


def load_corpus(folder: Path) -> Corpus:
    from crossref.textio import split_front_matter

    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {folder}")
    texts = [split_front_matter(f.read_text(encoding="utf-8"))[1] for f in files]
    return Corpus(
        folder=folder,
        files=files,
        texts=texts,
        words=sum(len(t.split()) for t in texts),
        text_bytes=sum(f.stat().st_size for f in files),
    )


# ------------------------------------------------------------------------ extraction only


def bench_extraction(corpus: Corpus, repeat: int) -> tuple[float, list[Run]]:
    """(setup seconds, timed passes) of ``extract_statements`` over every text."""
    t0 = time.perf_counter()
    from crossref.extract import extract_statements

    extract_statements(corpus.texts[0])  # warm-up: lazy lexicon/gazetteer loading
    setup = time.perf_counter() - t0
    runs: list[Run] = []
    for _ in range(repeat):
        n = 0
        t, c = time.perf_counter(), time.process_time()
        for text in corpus.texts:
            n += len(extract_statements(text))
        runs.append(Run(time.perf_counter() - t, time.process_time() - c, n))
    return setup, runs


# ---------------------------------------------------------------------------- end to end


def crossref_command() -> list[str]:
    """The ``crossref`` console script beside this interpreter, else ``python -m crossref``."""
    script = Path(sys.executable).parent / "crossref"
    return [str(script)] if script.exists() else [sys.executable, "-m", "crossref"]


def db_files_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def stored_counts(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    finally:
        conn.close()
    return int(articles), int(statements)


def ingest_sources_for(corpus: Corpus) -> list[str]:
    """The folder itself when it holds nothing but the measured top-level ``.txt`` files (so
    ``crossref ingest DIR`` reads exactly them), else those files one by one."""
    measured = set(corpus.files)
    others = [
        p
        for p in corpus.folder.rglob("*")
        if p.is_file()
        and p not in measured
        and not any(part.startswith(".") for part in p.relative_to(corpus.folder).parts)
    ]
    return [str(corpus.folder)] if not others else [str(f) for f in corpus.files]


def run_ingest(sources: list[str], workdir: Path, extra: list[str]) -> Run:
    db = workdir / "bench.db"
    env = dict(os.environ)
    env.pop("CROSSREF_DB", None)
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    env["XDG_DATA_HOME"] = str(workdir / "data")
    cmd = [*crossref_command(), "ingest", *sources, "--db", str(db), "-q", *extra]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{err}")
    articles, statements = stored_counts(db)
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        statements=statements,
        peak_rss_mib=usage.ru_maxrss / 1024,  # KiB on Linux
        db_bytes=db_files_size(db),
        articles_stored=articles,
    )


def bench_end_to_end(corpus: Corpus, repeat: int, extra: list[str]) -> list[Run]:
    runs: list[Run] = []
    sources = ingest_sources_for(corpus)
    for _ in range(repeat):
        workdir = Path(tempfile.mkdtemp(prefix="crossref-bench-"))
        try:
            runs.append(run_ingest(sources, workdir, extra))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return runs


# ----------------------------------------------------------------------------- breakdown


def breakdown_child(folder: Path, db: Path) -> dict[str, float]:
    """Run in a fresh interpreter: time each phase of an ingest of ``folder`` into ``db``."""
    sources = ingest_sources_for(load_corpus(folder))
    phases: dict[str, float] = {}
    t = time.perf_counter()
    import crossref.cli  # noqa: F401  (what the crossref command imports before it starts)
    from crossref import ingest as ingest_mod
    from crossref.extract import EXTRACTOR_VERSION, extract_statements
    from crossref.sources import Limits, SourceDefaults
    from crossref.store import open_database

    phases["imports"] = time.perf_counter() - t
    t = time.perf_counter()
    database = open_database(db)
    phases["open + migrate db"] = time.perf_counter() - t
    for key in ("read + parse files", "already-stored check", "extract: first article (lazy setup)"):
        phases[key] = 0.0
    phases["extract: the other articles"] = 0.0
    phases["save (SQLite + FTS)"] = 0.0

    def timed(key: str, fn: Any) -> Any:
        def wrapper(*a: Any, **kw: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                phases[key] += time.perf_counter() - start

        return wrapper

    calls = 0

    def extractor(text: str, *, published: str | None = None) -> Any:
        nonlocal calls
        calls += 1
        key = "extract: first article (lazy setup)" if calls == 1 else "extract: the other articles"
        return timed(key, extract_statements)(text, published=published)

    def timed_sources(*a: Any, **kw: Any) -> Any:
        items = iter(read_sources(*a, **kw))
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                phases["read + parse files"] += time.perf_counter() - start
            yield item

    read_sources = ingest_mod.iter_sources
    ingest_mod.iter_sources = timed_sources
    ingest_mod.find_article_by_hash = timed("already-stored check", ingest_mod.find_article_by_hash)
    ingest_mod.save_article = timed("save (SQLite + FTS)", ingest_mod.save_article)
    t = time.perf_counter()
    ingest_mod.ingest_sources(
        database,
        sources,
        defaults=SourceDefaults(),
        limits=Limits(),
        extractor=extractor,
        extractor_version=EXTRACTOR_VERSION,
    )
    phases["ingest total"] = time.perf_counter() - t
    t = time.perf_counter()
    database.conn.close()
    phases["close db (WAL checkpoint)"] = time.perf_counter() - t
    return phases


def bench_breakdown(corpus: Corpus) -> dict[str, float]:
    """Phases of one ingest run in a child interpreter, plus its start-up and total wall time."""
    workdir = Path(tempfile.mkdtemp(prefix="crossref-bench-"))
    try:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--breakdown-child", str(workdir / "b.db")]
        t = time.perf_counter()
        out = subprocess.run([*cmd, str(corpus.folder)], capture_output=True, text=True, check=False)
        wall = time.perf_counter() - t
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if out.returncode != 0:
        sys.exit(f"breakdown child failed:\n{out.stderr}")
    phases: dict[str, float] = json.loads(out.stdout)
    top_level = ("imports", "open + migrate db", "ingest total", "close db (WAL checkpoint)")
    inside = sum(v for k, v in phases.items() if k not in top_level)  # parts of "ingest total"
    phases["other ingest work"] = phases["ingest total"] - inside
    start_exit = wall - sum(phases[k] for k in top_level)
    return {"interpreter start + exit": start_exit, **phases, "wall": wall}


# ------------------------------------------------------------------------------- report


def summarize(name: str, runs: list[Run], corpus: Corpus, peer_wps: float) -> dict[str, Any]:
    med = statistics.median(r.seconds for r in runs)
    wps = corpus.words / med
    out: dict[str, Any] = {
        "name": name,
        "runs": [asdict(r) for r in runs],
        "median_seconds": med,
        "median_cpu_seconds": statistics.median(r.cpu_seconds for r in runs),
        "words_per_s": wps,
        "articles_per_s": len(corpus.texts) / med,
        "statements": runs[-1].statements,
        "ratio_to_peer": wps / peer_wps,
    }
    if runs[0].peak_rss_mib is not None:
        out["peak_rss_mib"] = max(r.peak_rss_mib or 0.0 for r in runs)
    if runs[0].db_bytes is not None:
        out["db_bytes"] = statistics.median(r.db_bytes or 0 for r in runs)
        out["db_to_text"] = out["db_bytes"] / corpus.text_bytes
        out["articles_stored"] = runs[-1].articles_stored
    return out


def run_peer(python: Path, folder: Path, repeat: int) -> dict[str, Any]:
    """Run bench/peer_textacy.py under ``python`` (the peer's own virtualenv); its JSON result."""
    script = Path(__file__).resolve().parent / "peer_textacy.py"
    cmd = [str(python), str(script), str(folder), "--repeat", str(repeat), "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {out.returncode}:\n{out.stderr}")
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def peer_rate(args: argparse.Namespace) -> tuple[float, str]:
    if args.peer_python is not None:
        data = run_peer(args.peer_python, args.folder, max(1, args.repeat))
        return float(data["words_per_s"]), f"{data['tool']} (measured now, median of {args.repeat})"
    if args.peer_json is not None:
        data = json.loads(Path(args.peer_json).read_text(encoding="utf-8"))
        return float(data["words_per_s"]), f"{data.get('tool', 'peer')} (measured, {args.peer_json})"
    if args.peer_wps is not None:
        return float(args.peer_wps), "peer (given with --peer-wps)"
    return ISSUE_PEER_WPS, "peer as quoted in issue #3"


def print_breakdown(phases: dict[str, float]) -> None:
    wall = phases["wall"]
    print(f"\nbreakdown of one end-to-end run ({wall:.2f} s wall):")
    for key, value in phases.items():
        if key in ("wall", "ingest total"):
            continue
        print(f"  {key:<38} {value:6.2f} s {100 * value / wall:5.1f} %")


def print_table(result: dict[str, Any]) -> None:
    c = result["corpus"]
    print(f"crossref on {c['folder']}: {c['articles']} articles, {c['words']:,} words, {c['text_bytes']:,} B")
    setup = f"; extraction setup {result['setup_seconds']:.2f} s" if result["setup_seconds"] else ""
    print(f"python {result['python']}, {result['cpus']} CPUs{setup}")
    print(f"peer: {result['peer_words_per_s']:,.0f} words/s, {result['peer']}")
    print()
    head = f"{'measure':<12} {'runs (wall s)':<22} {'median s':>8} {'cpu s':>6} {'words/s':>9} "
    head += f"{'art/s':>6} {'x peer':>6} {'stmts':>5} {'peak RSS':>9} {'db/text':>7}"
    print(head)
    for m in result["measures"]:
        runs = " ".join(f"{r['seconds']:.2f}" for r in m["runs"])
        rss = f"{m['peak_rss_mib']:.0f} MiB" if "peak_rss_mib" in m else "-"
        ratio = f"{m['db_to_text']:.2f}" if "db_to_text" in m else "-"
        print(
            f"{m['name']:<12} {runs:<22} {m['median_seconds']:8.2f} {m['median_cpu_seconds']:6.2f} "
            f"{m['words_per_s']:9,.0f} {m['articles_per_s']:6.1f} {m['ratio_to_peer']:6.1f} "
            f"{m['statements']:5} {rss:>9} {ratio:>7}"
        )
    for m in result["measures"]:
        if m["name"] == "end-to-end":
            verdicts = [
                f"{issue} (>= {bar:g}x): {'met' if m['ratio_to_peer'] >= bar else 'NOT met'}"
                for issue, bar in BARS.items()
            ]
            print("\nend-to-end " + "; ".join(verdicts))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_TEXTS, help="folder of .txt files")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure; median reported (3)")
    ap.add_argument("--only", choices=["extraction", "end-to-end"], help="run one measure only")
    ap.add_argument("--peer-python", type=Path, help="run peer_textacy.py first with this interpreter")
    ap.add_argument("--peer-json", type=Path, help="output of peer_textacy.py --json, for the ratios")
    ap.add_argument("--peer-wps", type=float, help=f"peer words/s for ratios (default {ISSUE_PEER_WPS:g})")
    ap.add_argument("--ingest-arg", action="append", default=[], help="extra argument to crossref ingest")
    ap.add_argument("--breakdown", action="store_true", help="also time the phases of one ingest run")
    ap.add_argument("--breakdown-child", type=Path, metavar="DB", help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)
    if args.breakdown_child is not None:
        print(json.dumps(breakdown_child(args.folder, args.breakdown_child)))
        return 0

    corpus = load_corpus(args.folder)
    peer_wps, peer_label = peer_rate(args)
    repeat = max(1, args.repeat)
    measures: list[dict[str, Any]] = []
    setup = 0.0
    if args.only in (None, "extraction"):
        setup, runs = bench_extraction(corpus, repeat)
        measures.append(summarize("extraction", runs, corpus, peer_wps))
    if args.only in (None, "end-to-end"):
        runs = bench_end_to_end(corpus, repeat, args.ingest_arg)
        measures.append(summarize("end-to-end", runs, corpus, peer_wps))
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "corpus": {
            "folder": str(corpus.folder),
            "articles": len(corpus.texts),
            "words": corpus.words,
            "text_bytes": corpus.text_bytes,
        },
        "peer": peer_label,
        "peer_words_per_s": peer_wps,
        "setup_seconds": setup,
        "measures": measures,
    }
    if args.breakdown:
        result["breakdown_seconds"] = bench_breakdown(corpus)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print_table(result)
    if args.breakdown:
        print_breakdown(result["breakdown_seconds"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
