"""How `crossref ingest` copes with one very large article file, around the size cap.

Writes news-like text files (varied paragraphs with quotes, speakers, places and figures)
to a temporary directory and runs ``crossref ingest`` on each as a child process, into a
fresh database each time:

1. a file just over the default 50,000,000-byte cap, with the default limits: must be
   refused (exit 1, one ``crossref: error:`` line naming the file and the limit);
2. the same file with ``CROSSREF_MAX_BYTES`` raised above it: must be read;
3. a file just under the cap (49,000,000 bytes) with the default limits: must be read.

For each run it reports wall time, exit status, the first line of stderr, the child's peak
resident memory (``ru_maxrss`` from ``os.wait4``: the largest of crossref and the worker
processes it reaped, so not counting workers of a killed run), the peak of the sum over
crossref and its workers sampled every 0.2 s, and what landed in the database. A run
that exceeds ``--timeout`` seconds or ``--max-rss-mb`` of memory is killed and reported as
such (that is itself a finding). Run from the repository root:

    .venv/bin/python bench/bench_bigfile.py                 # all three runs
    .venv/bin/python bench/bench_bigfile.py --only refused  # just the quick refusal
    .venv/bin/python bench/bench_bigfile.py --json          # machine-readable result
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_CAP = 50_000_000
OVER_BYTES = 50_500_000  # "about 50 MB", just over the default cap
UNDER_BYTES = 49_000_000  # just under it

PLACES = [
    "Izmail", "Reni", "Odesa", "Kherson", "Mykolaiv", "Hadrut", "Shusha", "Lachin", "Kalbajar",
    "Sotk", "Batumi", "Sukhumi", "Tskhinvali", "Scarborough Shoal", "Second Thomas Shoal", "Manila",
]  # fmt: skip
SPEAKERS = [
    ("Defence Minister Oleksii Marchenko", "Marchenko", "he"),
    ("Russian Defence Ministry spokesman Igor Kovalev", "Kovalev", "he"),
    ("Azerbaijani President Ilham Aliyev", "Aliyev", "he"),
    ("Armenian Foreign Minister Ararat Mirzoyan", "Mirzoyan", "he"),
    ("UN spokesperson Stephane Dujarric", "Dujarric", "he"),
    ("Georgian Interior Ministry official Nino Beridze", "Beridze", "she"),
    ("Philippine coast guard spokesman Jay Tarriela", "Tarriela", "he"),
    ("Chinese Foreign Ministry spokeswoman Mao Ning", "Mao", "she"),
    ("Kremlin spokesman Pavel Drozdov", "Drozdov", "he"),
    ("the regional governor, Oleh Kiper,", "Kiper", "he"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CUES = ["said", "told reporters", "said in a statement", "wrote on Telegram", "told the agency"]
THINGS = ["grain terminal", "fuel depot", "border post", "bridge", "power substation", "hospital", "pier"]


def _paragraph(rng: random.Random, n: int) -> str:
    full, short, pron = rng.choice(SPEAKERS)
    other_full, other_short, _ = rng.choice(SPEAKERS)
    place, thing, day = rng.choice(PLACES), rng.choice(THINGS), rng.choice(DAYS)
    count = rng.randint(2, 400)
    templates = [
        f'"We recorded {count} hits on the {thing} in {place} overnight," {full} {rng.choice(CUES)} '
        f"on {day}. {pron.capitalize()} added that repair crews had reached the site by noon.",
        f"{other_full} denied that its forces had struck the {thing} in {place} and said the reports "
        f'were "a provocation staged for foreign cameras," the {n}th such claim this year.',
        f"According to {short}, at least {count} people were evacuated from {place} after the "
        f"attack on the {thing}, and {count // 3 + 1} of them were taken to hospital.",
        f'"Nobody from our side fired a single shot at {place}," {other_short} said. '
        f'"The {thing} was empty, and the numbers you are quoting are invented."',
        f"{full} confirmed on {day} that talks on {place} would resume, telling reporters that "
        f"the {thing} would be inspected by a joint team within {count % 30 + 1} days.",
        f"{place.upper()}, {day} (Wire) - Officials in {place} said the {thing} had been closed "
        f"since {day}, while {other_full} warned that more strikes were likely.",
        f"Residents of {place} described a night of explosions. One, who gave her name as Olena "
        f'{n % 977}, said: "The windows shook {count % 12 + 1} times before dawn."',
    ]
    return rng.choice(templates)


def write_article(path: Path, size: int, seed: int = 7) -> int:
    """Write a news-like text of exactly ``size`` bytes (UTF-8, ASCII here) to ``path``."""
    rng = random.Random(seed)
    written = 0
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        header = "Strikes and denials along the front: a running record\n\n"
        fh.write(header)
        written += len(header)
        while written < size:
            n += 1
            para = _paragraph(rng, n) + "\n\n"
            if written + len(para) > size:
                para = ("x" * (size - written - 1)) + "\n" if size - written > 1 else "\n"
                para = para[: size - written]
            fh.write(para)
            written += len(para)
    actual = path.stat().st_size
    assert actual == size, (actual, size)
    return actual


@dataclass
class Run:
    name: str
    file_bytes: int
    max_bytes_env: str | None
    exit_status: int | None
    signal: str | None
    wall_s: float
    peak_rss_mb: float
    sampled_peak_mb: float
    stderr_first_line: str
    articles: int
    statements: int
    events: int
    note: str = ""


def _rss_mb(pid: int) -> float:
    """Resident MB of ``pid`` and its worker processes (children, one level down)."""
    total = 0.0
    pids = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def _counts(db: Path) -> tuple[int, int, int]:
    if not db.exists():
        return 0, 0, 0
    conn = sqlite3.connect(db)
    try:

        def one(sql: str) -> int:
            try:
                return int(conn.execute(sql).fetchone()[0])
            except sqlite3.Error:
                return 0

        return (
            one("SELECT count(*) FROM articles"),
            one("SELECT count(*) FROM statements"),
            one("SELECT count(*) FROM events"),
        )
    finally:
        conn.close()


def run_ingest(
    name: str, article: Path, workdir: Path, max_bytes: int | None, timeout: float, max_rss_mb: float
) -> Run:
    db = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    err_path = workdir / f"{name}.stderr"
    env = {k: v for k, v in os.environ.items() if k not in ("CROSSREF_DB", "CROSSREF_MAX_BYTES")}
    if max_bytes is not None:
        env["CROSSREF_MAX_BYTES"] = str(max_bytes)
    cmd = [sys.executable, "-m", "crossref", "ingest", str(article), "--db", str(db), "-q"]
    note = ""
    started = time.monotonic()
    with err_path.open("wb") as err:
        pid = os.posix_spawn(
            cmd[0], cmd, env, file_actions=[(os.POSIX_SPAWN_DUP2, err.fileno(), 2)], setsid=True
        )
    sampled = 0.0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        elapsed = time.monotonic() - started
        rss = _rss_mb(pid)
        sampled = max(sampled, rss)
        if elapsed > timeout or rss > max_rss_mb:
            note = (
                f"killed: {elapsed:.0f} s elapsed, {rss:.0f} MB resident "
                f"(limits {timeout:.0f} s, {max_rss_mb:.0f} MB)"
            )
            os.killpg(pid, signal.SIGKILL)  # the child's own session: it and its workers
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.2)
    wall = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    lines = err_path.read_text(encoding="utf-8", errors="replace").splitlines()
    articles, statements, events = _counts(db)
    return Run(
        name=name,
        file_bytes=article.stat().st_size,
        max_bytes_env=None if max_bytes is None else str(max_bytes),
        exit_status=code if code >= 0 else None,
        signal=signal.Signals(-code).name if code < 0 else None,
        wall_s=round(wall, 2),
        # ru_maxrss is in KiB on Linux; for a child reaped by wait4 it is the largest of the child
        # and of the (worker) processes it reaped itself, not their sum
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
        sampled_peak_mb=round(sampled, 1),
        stderr_first_line=lines[0] if lines else "",
        articles=articles,
        statements=statements,
        events=events,
        note=note,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        choices=["refused", "raised", "under"],
        action="append",
        help="run only these cases (repeatable; default: all three)",
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a run is killed")
    parser.add_argument("--max-rss-mb", type=float, default=8000.0, help="resident MB before a run is killed")
    parser.add_argument("--over-bytes", type=int, default=OVER_BYTES, help="size of the over-cap file")
    parser.add_argument("--under-bytes", type=int, default=UNDER_BYTES, help="size of the under-cap file")
    parser.add_argument("--keep", type=Path, help="write the files and databases here and keep them")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    cases = args.only or ["refused", "raised", "under"]

    with tempfile.TemporaryDirectory(prefix="crossref-bigfile-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        over = workdir / "over-cap.txt"
        under = workdir / "under-cap.txt"
        if {"refused", "raised"} & set(cases):
            write_article(over, args.over_bytes)
        if "under" in cases:
            write_article(under, args.under_bytes, seed=8)
        runs: list[Run] = []
        plan = {
            "refused": (over, None),
            "raised": (over, args.over_bytes + 1_000_000),
            "under": (under, None),
        }
        for case in cases:
            path, cap = plan[case]
            print(
                f"running {case}: {path.name} ({path.stat().st_size:,} bytes), "
                f"CROSSREF_MAX_BYTES={cap or 'default'} ...",
                file=sys.stderr,
                flush=True,
            )
            run = run_ingest(case, path, workdir, cap, args.timeout, args.max_rss_mb)
            runs.append(run)
            print(f"  {run}", file=sys.stderr, flush=True)

    if args.json:
        print(json.dumps([asdict(r) for r in runs], indent=2))
    else:
        print(
            f"{'case':8} {'bytes':>12} {'exit':>7} {'wall s':>8} {'peak MB':>8} {'sum MB':>7} "
            f"{'articles':>8} {'stmts':>8} {'events':>6}  stderr"
        )
        for r in runs:
            status = r.signal or str(r.exit_status)
            print(
                f"{r.name:8} {r.file_bytes:>12,} {status:>7} {r.wall_s:>8.1f} {r.peak_rss_mb:>8.1f} "
                f"{r.sampled_peak_mb:>7.0f} "
                f"{r.articles:>8} {r.statements:>8} {r.events:>6}  {r.stderr_first_line[:100]}"
            )
            if r.note:
                print(f"         {r.note}")
    # the refusal must be a refusal, the others must succeed
    expected = {"refused": 1, "raised": 0, "under": 0}
    return 0 if all(r.exit_status == expected[r.name] for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
