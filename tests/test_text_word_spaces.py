"""``word_spaces`` and the tokens read through it are the regular expression's, slice by slice.

``script_tokens`` of a text whose words are all ASCII (its other characters signs, spaces,
punctuation, lone surrogates) is read from the text with those characters made spaces, in C;
a sentence's tokens are then a slice of it. Checked against ``token_pattern``'s, the
definition, on generated text (with combining marks and joiners, which a word may hold).
"""

from __future__ import annotations

import random

from monitor.text import script_tokens, token_pattern, word_spaces

PIECES = [
    *"aZ09_ .\n\t!?'€£—’°",
    "\u00a0",
    "\u3000",
    "é",
    "ß",
    "Я",
    "٣",
    "ア",
    "・",
    "\u0301",
    "\ud800",
    "क",
    "\u094d",
    "\u093f",
    "\u200c",
    "\u200d",
    "\U0001f600",
]


def generated(count: int = 3000) -> list[str]:
    rng = random.Random(9)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 40))) for _ in range(count)]


def test_tokens_are_the_patterns_and_each_slice_of_the_spaces_holds_its_own() -> None:
    rng = random.Random(10)
    spaced_some = False
    for text in generated():
        assert script_tokens(text) == token_pattern(text).findall(text), repr(text)
        spaced = word_spaces(text)
        if spaced is None:
            continue
        spaced_some = spaced_some or not text.isascii()
        assert len(spaced) == len(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        piece = text[start:end]
        assert spaced[start:end].split() == token_pattern(piece).findall(piece), (repr(text), start, end)
    assert spaced_some  # the shortcut was taken on non-ASCII text, not only on ASCII


def test_a_word_beyond_ascii_or_of_a_script_without_spaces_has_no_spaces_form() -> None:
    assert word_spaces("price €5 — up") == "price  5   up"
    for text in ("café", "Яблоко", "٣ apples", "アイ", "a・b", "ab\u0301", "a\u200db"):
        assert word_spaces(text) is None, text
