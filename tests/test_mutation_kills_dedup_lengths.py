"""Tests written to kill dedup mutants of a signature's lengths that survived ``python -m
benchmarks.mutation dedup`` (session mt8's sample, seed 8; session mt9 wrote these;
benchmarks/mutation_survivors.md, "Fifth pass").

What signature.py promises: ``title_words`` is the headline's length in words, a script written
without spaces counted in thirds of its characters (so "天气预报" is no five-word headline); ``lines``
holds each sentence's own shingles, none that runs on into the next sentence.
"""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.dedup.index import TITLE_WORDS
from monitor.dedup.shingles import shingle_hashes
from monitor.dedup.signature import Signature, signature
from monitor.models import Entry
from monitor.text import fold, script_tokens

SEEN = datetime(2026, 5, 4, 9, tzinfo=UTC)
FIRST = "The council of Valmoy sold the old tram depot on Tuesday."
SECOND = "Treasurer Olaf Brink will spend the money on school roofs."


def _signed(title: str, body: str) -> Signature:
    return signature(Entry("f", "Valmoy Post", "k", "https://post.example/k", title, "", body, published=SEEN), SEEN)


def test_a_headline_in_an_unspaced_script_is_counted_in_thirds_of_its_characters() -> None:
    """Mutant: the characters counted as words (a four-character headline as four words)."""
    body = "今日天气预报更新。北方地区明天将有大雪，气温下降十度。"
    assert _signed("今日天气预报更新", body).title_words < TITLE_WORDS
    assert _signed("Valmoy council sells the old tram depot", f"{FIRST} {SECOND}").title_words == 7


def test_each_sentence_holds_only_its_own_shingles() -> None:
    """Mutant: one shingle past the sentence's end (running into the next sentence) counted in it."""
    lines = _signed("Valmoy sells its tram depot", f"{FIRST} {SECOND}").lines
    assert len(lines) == 2
    for (_, shingles, _), sentence in zip(lines, (FIRST, SECOND), strict=True):
        assert shingles == frozenset(shingle_hashes(script_tokens(fold(sentence))).tolist())
