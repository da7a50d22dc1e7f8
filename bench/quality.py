#!/usr/bin/env python3
"""Extraction quality on the shared evaluation data, without a database.

    python bench/quality.py polnear dev        # PolNeAR split (lenient/strict F1, speaker accuracy)
    python bench/quality.py seed               # the user's example article
    python bench/quality.py polnear dev --show # also list misses (via score.py --show)

Writes the statements as `crossref statements --jsonl` would, then runs
../shared/tools/score.py on them. Needs ../shared beside the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crossref.extract import extract_statements
from crossref.textio import split_front_matter

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def rows_for(path: Path, published: str | None) -> list[dict[str, object]]:
    text = split_front_matter(path.read_text(encoding="utf-8"))[1]
    return [
        {
            "source": str(path),
            "text": s.text,
            "start": s.start,
            "end": s.end,
            "speaker": s.speaker,
            "speaker_mention": s.speaker_mention,
            "party": s.party,
            "cue": s.cue,
            "kind": s.kind,
            "event_id": None,
        }
        for s in extract_statements(text, published=published)
    ]


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "seed"
    extra = [a for a in sys.argv[2:] if a.startswith("--")]
    if what == "polnear":
        split = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else "dev"
        folder = SHARED / "datasets" / "polnear" / split
        files = sorted((folder / "texts").glob("*.txt"))
        gold = folder / "gold.jsonl"
    else:
        files = [SHARED / "seeds" / "karabakh-ceasefire-2020-12.txt"]
        gold = SHARED / "seeds" / "karabakh-ceasefire-2020-12.gold.json"
    rows: list[dict[str, object]] = []
    t = time.perf_counter()
    words = 0
    for f in files:
        words += len(f.read_text(encoding="utf-8").split())
        rows.extend(rows_for(f, "2020-12-13" if what == "seed" else None))
    dt = time.perf_counter() - t
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        out.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    rate = words / dt
    print(
        f"{len(files)} articles, {words} words, {len(rows)} statements, {rate:,.0f} words/s (extraction only)"
    )
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), out.name, str(gold), *extra]
    if what == "polnear":
        cmd += ["--texts", str(gold.parent)]
    subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
