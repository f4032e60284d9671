"""``fulltext.short`` settles most entries from their first words; its verdict is ``words(text) < min_words``."""

from __future__ import annotations

from monitor.ingest import fulltext
from monitor.models import Entry


def _entry(title: str, summary: str = "", content: str = "") -> Entry:
    return Entry("https://a.example/rss", "A", "k", "https://a.example/k", title, summary, content)


def test_short_is_fewer_words_than_the_minimum_across_the_edge_and_in_unspaced_scripts():
    texts = [
        ("one two", "three", ""),
        ("", "", ""),
        (" ".join(["word"] * 57), "", ""),  # 57 + the two joins' spaces add nothing: 57 words
        (" ".join(["word"] * 58), "", "x"),
        (" ".join(["word"] * 59), "", ""),
        (" ".join(["word"] * 59), "one", ""),
        (" ".join(["word"] * 30), " ".join(["word"] * 30), " ".join(["more"] * 500)),
        ("東京の天気は晴れ" * 4, "word " * 40, ""),  # 40 spaced + 1 + 32 characters / 2 = 57
        ("東京の天気は晴れ" * 5, "word " * 40, ""),  # ... + 40 / 2 = 61
        ("\u00e9t\u00e9 " * 59, "", "déjà vu"),
    ]
    verdicts = []
    for title, summary, content in texts:
        entry = _entry(title, summary, content)
        expected = fulltext.words(f"{title} {summary} {content}") < fulltext.MIN_WORDS
        assert fulltext.short(entry) is expected, (title[:20], summary[:20], content[:20])
        verdicts.append(expected)
    assert True in verdicts and False in verdicts  # both sides of the edge were asked
    assert fulltext.short(_entry("a b c"), min_words=3) is False and fulltext.short(_entry("a b"), min_words=3)
