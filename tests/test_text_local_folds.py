"""``fold``'s shortcuts for text whose characters fold one by one give what the definition gives.

``text._local_folds`` lists the characters (beyond ASCII) whose fold is made alone; a long text of
them and ASCII is folded as its lower case (when each folds to its lower case) and cut into sentences
on its fold (``shingles._sentences``). Checked against ``text._fold``, the definition, on each such
character between neighbours that could compose or case with it, and on generated text.
"""

from __future__ import annotations

import random

from monitor.dedup import shingles
from monitor.text import _fold, _local_folds, fold, fold_is_local

CANDIDATES = [chr(code) for code in (*range(0x80, 0x250), *range(0x2010, 0x2070), *range(0x20A0, 0x20D0))]
LOWER = [char for char in CANDIDATES if _local_folds()[0].search(char) is None]
LOCAL = [char for char in CANDIDATES if fold_is_local(char)]
# Neighbours in such a text: ASCII of each kind, and local characters that change case, lose marks or split.
NEIGHBOURS = ["", "a", "E", "i", "I", "s", "1", " ", ".", "\n", "é", "É", "ß", "İ", "ı", "ǅ", "ª", "€", "—"]
PAD = "Pad text of more than forty characters, in ASCII. "


def test_the_sets_hold_the_characters_of_news_and_leave_the_others_out() -> None:
    assert {"€", "£", "–", "—", "’", "°"} <= set(LOWER) <= set(LOCAL)
    assert {"é", "ß", "ñ", "ü"} <= set(LOCAL) - set(LOWER)  # accents fold away, ß to ss: not their lower case
    assert not {"…", "‼", "\u00a0", "\u00ad", "\u2028", "\u0301"} & set(LOCAL)  # full stops, spaces, marks


def test_each_local_character_folds_alone_between_any_neighbours() -> None:
    for char in LOCAL:  # composing and casing act between neighbours: each side in turn
        alone = _fold(char)
        for other in NEIGHBOURS:
            assert _fold(other + char) == _fold(other) + alone, (other, char)
            assert _fold(char + other) == alone + _fold(other), (char, other)


def test_long_text_of_lower_folds_is_its_lower_case_and_of_others_the_definition() -> None:
    rng = random.Random(5)
    for alphabet in (LOWER, LOCAL, CANDIDATES):
        for _ in range(300):
            text = PAD + "".join(rng.choices([*alphabet, *"aZ .\n!?1"], k=rng.randint(1, 80)))
            assert fold(text) == _fold(text), text


def test_sentences_read_on_the_fold_are_those_folded_one_by_one() -> None:
    rng = random.Random(6)
    pieces = [*LOCAL, *"aBc .!?\n\t1", ". ", "! Ab", "\n\n", "…", "\u00a0", "ア。"]
    for _ in range(2000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 60)))
        assert shingles._sentences(text) == _one_by_one(text), text


def _one_by_one(text: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """``shingles._sentences`` by its definition: each piece of ``text`` folded and cut into words alone."""
    if text.isascii():
        return shingles._ascii_sentences(fold(text))
    out: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    splitter = shingles.split_for(text, shingles._SENTENCE_SPLIT, shingles._SPACED_SPLIT)
    start = 0
    for end in [m.start() for m in splitter.finditer(text)] + [len(text)]:
        tokens = shingles.script_tokens(fold(text[start:end]))
        if tokens:
            for column, value in zip(out, (shingles.crc(" ".join(tokens)), len(tokens), start, end), strict=True):
                column.append(value)
        start = end
    return out
