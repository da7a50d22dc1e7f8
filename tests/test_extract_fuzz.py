"""Property tests: extraction never raises and its offsets always point into the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossref.extract import extract_statements

QUOTES = "“”‘’\"'«»„` "
NEWS_WORDS = [
    "said",
    "told",
    "according to",
    "The",
    "Ministry",
    "he",
    "she",
    "Aliyev",
    "warned",
    "denied",
    "confirmed",
    ",",
    ".",
    ":",
    "—",
    "\n",
    "\n\n",
    "that",
    "a spokesperson for the",
    "Russian",
    "Азербайджан",
    "مرحبا",
    "Հայաստան",
    "Erdoğan",
    "U.S.",
    "Dec.",
    "11",
    "“",
    "”",
    '"',
    "''",
]

news_like = st.lists(
    st.one_of(
        st.sampled_from(NEWS_WORDS), st.text(alphabet=QUOTES, min_size=1, max_size=3), st.text(max_size=8)
    ),
    max_size=80,
).map(" ".join)


def check(text: str) -> None:
    for s in extract_statements(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert text[s.sentence_start : s.sentence_end] == s.sentence
        assert s.kind in {"direct", "indirect", "mixed"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_with_odd_quotes(text: str) -> None:
    check(text)


def test_very_long_sentence() -> None:
    text = "The minister said " + ", and ".join(f"“point {i}” was made" for i in range(3000)) + "."
    check(text)


def test_control_characters() -> None:
    check("The army said\x00 “fire\x07 was\x1b opened,” \x0b\x0c the ministry said.\r\n\r\nHe added.")
