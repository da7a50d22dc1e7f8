#!/usr/bin/env python3
"""How well a database's events match the incidents of a synthetic corpus.

    python bench/make_corpus.py --articles 10000 --out /tmp/c.jsonl --truth /tmp/truth.json
    crossref ingest /tmp/c.jsonl --db /tmp/c.db -q
    python bench/events_truth.py /tmp/c.db /tmp/truth.json [--json]

Every statement of a synthetic article is about the article's incident (the background
paragraphs attribute nothing), so B-cubed precision and recall are taken over statements:
gold clusters are incidents, predicted clusters are events (statements without an event are
left out). Articles are matched to the truth by URL. Also prints the sizes of the biggest
events and incidents, to see whether events swell by joining incidents.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections import Counter


def b_cubed(pairs: list[tuple[str, int]]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of (predicted cluster, gold cluster) pairs, from counts."""
    joint = Counter(pairs)
    predicted = Counter(p for p, _ in pairs)
    gold = Counter(g for _, g in pairs)
    n = len(pairs)
    if not n:
        return 0.0, 0.0, 0.0
    precision = sum(c * c / predicted[p] for (p, _), c in joint.items()) / n
    recall = sum(c * c / gold[g] for (_, g), c in joint.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db")
    parser.add_argument("truth")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with open(args.truth, encoding="utf-8") as f:
        truth = json.load(f)
    incident_of = {a["url"]: a["incident"] for a in truth["articles"]}
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT a.url, s.event_id FROM statements s JOIN articles a ON a.id = s.article_id "
        "WHERE s.event_id IS NOT NULL"
    ).fetchall()
    pairs = [(str(event), int(incident_of[url])) for url, event in rows if url in incident_of]
    precision, recall, f1 = b_cubed(pairs)
    events = Counter(p for p, _ in pairs)
    incidents = Counter(g for _, g in pairs)
    result = {
        "statements": len(pairs),
        "unmatched": len(rows) - len(pairs),
        "events": len(events),
        "incidents": len(incidents),
        "b3_precision": round(precision, 4),
        "b3_recall": round(recall, 4),
        "b3_f1": round(f1, 4),
        "biggest_events": [n for _, n in events.most_common(5)],
        "biggest_incidents": [n for _, n in incidents.most_common(5)],
    }
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
