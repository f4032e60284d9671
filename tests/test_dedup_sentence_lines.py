"""``shingles.sentence_facts``: each sentence owns only the shingles that lie inside it."""

import numpy as np

from monitor.dedup.shingles import SHINGLE_WORDS, sentence_facts


def _lines(text: str, words: int) -> list[frozenset[int]]:
    hashes = np.arange(words - SHINGLE_WORDS + 1, dtype=np.uint32)  # shingle i starts at word i
    return [inside for _, inside, _ in sentence_facts(text, hashes.tolist(), SHINGLE_WORDS, [])]


def test_a_one_word_first_line_owns_no_shingle() -> None:
    # "Update" (1 word), then 9 words, then 4: 14 words, 12 shingles of 3.
    lines = _lines("Update\nThe river rose two metres by noon on Tuesday. Crews closed the bridge.", 14)
    assert lines[0] == frozenset()  # not the whole text's shingles
    assert lines[1] == frozenset(range(1, 8))  # words 1-9: the shingles starting at 1..7
    assert lines[2] == frozenset(range(10, 12))  # words 10-13


def test_short_sentences_later_own_none_either() -> None:
    lines = _lines("Crews closed the old bridge at dawn. Why? Nobody said anything at all.", 13)
    assert lines[1] == frozenset()
    assert lines[0] == frozenset(range(0, 5)) and lines[2] == frozenset(range(8, 11))
