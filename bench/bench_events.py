"""How grouping time grows with the number of statements.

    python bench/bench_events.py [N] [--dense] [--db]

Generates synthetic news: incidents (strikes, shelling, collisions, protests, meetings) in
invented towns, each told by a few articles from several outlets and parties, in words
drawn from templates, with background sentences that recall earlier incidents. It groups
N and then 10N statements and prints the time of each and the ratio (the aim: 10x the
statements for at most about 12x the time).

By default the archive grows as news archives do, over a longer time span at the same
density of news; ``--dense`` puts 10x the incidents into the same weeks instead (the
candidate cap keeps that near-linear too). ``--db`` times the database path (articles
stored, then `crossref events regroup`) instead of the in-memory engine alone.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from crossref.events import ArticleRow, Grouper, MemoryBackend, StatementRow  # noqa: E402
from crossref.words import word_list  # noqa: E402

WARM_WEEKS = 26  # well past the grouper's look-back (60 days): events have grown to their full size
SYLLABLES = word_list("za ri vo ka ma lo pe tri no sa vy den ho ru bel gor ta lin mir ko sta vel dar pol")
SIDES = [("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("Armenia", "Armenian"),
         ("Azerbaijan", "Azerbaijani"), ("China", "Chinese"), ("Philippines", "Philippine"),
         ("Israel", "Israeli"), ("Lebanon", "Lebanese")]  # fmt: skip
OUTLETS = ["Meridian Wire", "Vostok Telegraph", "Kyiv Ledger", "Caspian Herald", "Bosphorus Daily"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIRST = ["Ivan", "Anna", "Oleh", "Lusine", "Elnur", "Wang", "Ramon", "Maria", "David", "Sara"]
LAST = [
    "Petrenko",
    "Berg",
    "Marchuk",
    "Hakobyan",
    "Rzayev",
    "Lihua",
    "Villareal",
    "Orlova",
    "Cohen",
    "Haddad",
]

KINDS = {
    "strike": [
        "{adj} drones struck the port of {town} overnight, killing {n} people, {speaker} said on {day}.",
        '"The drones hit the grain sheds and the houses of the dock workers," {speaker} told reporters.',
        "{other}'s Defence Ministry said its forces had destroyed a fuel depot near {town}.",
        "{speaker} said {n2} people had been wounded in {town} and rescuers were still at work.",
        "{other}'s Foreign Ministry denied that civilians had been hit in {town}.",
    ],
    "shelling": [
        "{adj} forces shelled the village of {town} on {day}, killing {n} soldiers, {speaker} said.",
        "{other}'s Defence Ministry blamed {side} for the clash near {town}.",
        '"Our units returned fire only after the shelling reached the village," {speaker} said.',
        "{speaker} accused {other} of using mortars against positions near {town}.",
    ],
    "collision": [
        "A {adj} coast guard ship rammed a vessel near {town} Shoal on {day}, injuring {n} crew members, "
        "{speaker} said.",
        "{other}'s coast guard accused the {adj} ship of deliberately causing the collision "
        "near {town} Shoal.",
        '"This was not an accident," {speaker} told reporters after the collision.',
    ],
    "protest": [
        "Thousands of protesters rallied in the city of {town} on {day}, {speaker} said.",
        '"The protests will go on until the government resigns," {speaker} said at the rally.',
        "Police detained {n} protesters in {town}, {speaker} said.",
    ],
    "meeting": [
        "{speaker} said during a meeting with diplomats in {town} that talks on trade would resume.",
        '"We expect an agreement before the winter," {speaker} said after the talks.',
    ],
}  # fmt: skip


def town_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize() + "ka")
    return sorted(names)


def corpus(statements: int, *, weeks: float, seed: int = 7) -> list[ArticleRow]:
    """About ``statements`` statements in articles spread over ``weeks`` weeks."""
    rng = random.Random(seed)
    towns = town_names(max(50, statements // 5), rng)
    start = date(2024, 1, 1)
    articles: list[ArticleRow] = []
    incidents: list[tuple[str, str, date, tuple[str, str], tuple[str, str]]] = []
    total = 0
    while total < statements:
        kind = rng.choice(list(KINDS))
        town = rng.choice(towns)
        day = start + timedelta(days=rng.randrange(max(1, int(weeks * 7))))
        side, other = rng.sample(SIDES, 2)
        incidents.append((kind, town, day, side, other))
        for _ in range(rng.randint(2, 4)):
            published = day + timedelta(days=rng.randint(0, 2))
            paragraphs = _article(kind, town, day, published, side, other, rng)
            if incidents and rng.random() < 0.3:  # a paragraph recalling an earlier incident
                old_kind, old_town, old_day, *_ = rng.choice(incidents)
                if old_day < day and old_kind != "meeting":
                    paragraphs.append(
                        f"Last month, {old_town} was hit in a similar attack on {old_day:%B} {old_day.day}, "
                        f"{_speaker(rng)} recalled."
                    )
            articles.append(_row(len(articles) + 1, paragraphs, published))
            total += len(paragraphs)
    articles.sort(key=lambda a: (a.published or "", a.id))
    for i, article in enumerate(articles, start=1):  # stored in publication order
        article.id = i
    return articles


def _speaker(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _article(
    kind: str, town: str, day: date, published: date, side: tuple[str, str], other: tuple[str, str],
    rng: random.Random,
) -> list[str]:  # fmt: skip
    speaker = _speaker(rng)
    values = {
        "adj": side[1], "side": side[0], "other": other[0], "town": town, "speaker": speaker,
        "day": WEEKDAYS[day.weekday()], "n": rng.randint(2, 9), "n2": rng.randint(3, 20),
    }  # fmt: skip
    templates = rng.sample(KINDS[kind], k=rng.randint(2, len(KINDS[kind])))
    return [t.format(**values) for t in templates]


def _row(article_id: int, paragraphs: list[str], published: date) -> ArticleRow:
    text = "\n\n".join(paragraphs)
    article = ArticleRow(article_id, text, published.isoformat(), f"hash{article_id}")
    pos = 0
    for ordinal, paragraph in enumerate(paragraphs):
        start = text.index(paragraph, pos)
        end = start + len(paragraph)
        article.statements.append(
            StatementRow(
                id=article_id * 100 + ordinal,
                ordinal=ordinal,
                start=start,
                end=end,
                text=paragraph,
                sentence_start=start,
                sentence_end=end,
                speaker=None,
            )
        )
        pos = end
    return article


def time_engine(articles: list[ArticleRow], warm: int = 0) -> float:
    """Seconds to group ``articles`` after the first ``warm`` of them (grouped, not timed)."""
    grouper = Grouper(MemoryBackend())
    for article in articles[:warm]:
        grouper.group_article(article)
    began = time.perf_counter()
    for article in articles[warm:]:
        grouper.group_article(article)
    return time.perf_counter() - began


def time_database(articles: list[ArticleRow], warm: int = 0) -> float:
    """Seconds for `crossref events regroup` over ``articles`` stored in a database (``warm``
    is ignored: a regroup starts from nothing)."""
    from crossref import store
    from crossref.eventstore import regroup
    from crossref.models import ArticleInput, Statement

    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_database(Path(tmp) / "bench.db")
        for article in articles:
            statements = [
                Statement(st.text, st.start, st.end, st.text, st.start, st.end, "said", "indirect", None)
                for st in article.statements
            ]
            source = ArticleInput(article.text, f"bench-{article.id}", published=article.published)
            store.save_article(db, source, statements)
        began = time.perf_counter()
        regroup(db)
        elapsed = time.perf_counter() - began
        db.close()
    return elapsed


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 2000
    dense = "--dense" in sys.argv
    database = "--db" in sys.argv
    weeks = 26.0
    # the same density of news for N and 10N statements (unless --dense); each run first
    # groups WARM_WEEKS of news untimed, so both are timed with full look-back windows
    warm_share = WARM_WEEKS / (WARM_WEEKS + weeks)
    small = corpus(int(n / (1 - warm_share)), weeks=WARM_WEEKS + weeks)
    big_weeks = weeks if dense else weeks * 10
    large = corpus(int(10 * n * (1 + WARM_WEEKS / big_weeks)), weeks=WARM_WEEKS + big_weeks)
    timed = []
    for articles in (small, large):
        first = articles[0].published or ""
        cutoff = (date.fromisoformat(first) + timedelta(weeks=WARM_WEEKS)).isoformat()
        warm = 0 if database else sum(1 for a in articles if (a.published or "") < cutoff)
        statements = sum(len(a.statements) for a in articles[warm:])
        timed.append((statements, len(articles) - warm, warm, articles))
    time_engine(small[:50])  # load the gazetteer and compile the patterns first
    timer = time_database if database else time_engine
    # the best of three runs for the small corpus (a second is easily disturbed), one for the large
    results = [
        (s, a, min(timer(arts, warm) for _ in range(3 if i == 0 else 1)))
        for i, (s, a, warm, arts) in enumerate(timed)
    ]
    print(("database regroup" if database else "engine") + (", dense" if dense else ", growing archive"))
    for statements, count, seconds in results:
        rate = statements / seconds
        print(f"{statements:>7} statements in {count:>5} articles: {seconds:7.2f} s ({rate:,.0f}/s)")
    ratio = (results[1][2] / results[0][2]) / (results[1][0] / results[0][0]) * 10
    print(f"10x the statements took {ratio:.1f}x the time")


if __name__ == "__main__":
    main()
