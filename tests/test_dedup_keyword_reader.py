"""The start-up reads each entry's keywords by their stored hashes (``packed.KeywordReader``): the words it
gives are those splitting the stored text gives, one interned string each, whatever the mix of rows with
and without hashes, and however crowded its table of hashes."""

from __future__ import annotations

import random
import sys

import pytest

from monitor.dedup.packed import KeywordReader, keyword_hashes


def _texts(n: int, seed: int) -> list[str]:
    """Keyword texts as the store writes them: names' sound keys, numbers, days, headline words (``~``),
    character pairs of unspaced scripts, some repeated across rows, some rows empty."""
    rng = random.Random(seed)
    pool = ["lvrv", "wnsn", "30", "2026", "@07-03", "~ceasefir", "~mining", "ロシ", "シア", "~перемир", "kursk"]
    pool += [f"k{i}" for i in range(400)]
    return [" ".join(rng.sample(pool, rng.randint(0, 12))) for _ in range(n)]


def _split(texts: list[str]) -> list[tuple[str, ...]]:
    return [tuple(map(sys.intern, text.split())) for text in texts]


@pytest.mark.parametrize("bits", [2, 6, 20])  # 2: nearly every word's slot is another's
def test_the_words_read_by_their_hashes_are_the_split_text_interned(bits: int):
    reader = KeywordReader(bits)
    for batch in range(5):
        texts = _texts(60, seed=batch)
        read = reader.read(texts, [keyword_hashes(t) for t in texts])
        assert read == _split(texts)
        assert all(word is sys.intern(word) for words in read for word in words)


def test_rows_stored_before_the_hashes_are_split_in_the_same_batch_as_hashed_ones():
    texts = _texts(80, seed=9)
    hashes = [None if i % 3 == 0 else keyword_hashes(t) for i, t in enumerate(texts)]
    reader = KeywordReader(4)
    assert reader.read(texts, hashes) == _split(texts)
    assert reader.read(texts, [keyword_hashes(t) for t in texts]) == _split(texts)  # words first seen split


def test_a_text_whose_words_are_apart_by_other_spaces_reads_as_split():
    texts = ["lvrv\u3000wnsn  30", "\tkursk\n2026 ", ""]
    assert KeywordReader().read(texts, [keyword_hashes(t) for t in texts]) == _split(texts)
    assert [len(keyword_hashes(t)) // 8 for t in texts] == [3, 2, 0]
