"""``shingles.remembered``: each word's value, in order, computed once per word and kept in the memo given."""

from __future__ import annotations

from monitor.dedup.shingles import remembered


def test_known_words_are_read_and_new_ones_computed_once() -> None:
    asked: list[str] = []

    def length(word: str) -> int:
        asked.append(word)
        return len(word)

    memo = {"tide": 99}  # a known word keeps its remembered value: it is not computed again
    assert remembered(["tide", "harbour", "tide", "gull", "harbour"], memo, length) == [99, 7, 99, 4, 7]
    assert sorted(asked) == ["gull", "harbour"]
    assert remembered(["gull", "tide"], memo, length) == [4, 99] and len(asked) == 2  # all known: nothing asked
    assert remembered([], memo, length) == []
