"""A search of a story's characters beyond ASCII (``text.beyond_ascii``) answers what the search of the whole
text answered: every class asked so holds no ASCII character, and a count of its characters is the same count.

Signing and content hashing ask a text several questions of this kind (does it hold a word character beyond
ASCII, a letter of Cyrillic, a format character, a mark); each is checked here against the plain search on
arbitrary text (hypothesis, derandomized: every run checks the same examples).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.dedup import alphabets, clean, shingles
from monitor.dedup.signature import _CASELESS_LETTERS
from monitor.text import (
    _NO_SPACE,
    NO_SPACE_RUN,
    _in_words_bmp,
    _local_folds,
    beyond_ascii,
    marks,
)

SETTINGS = settings(max_examples=400, derandomize=True, deadline=None)
# Mostly ASCII with a few letters of the scripts the classes below hold, as news text is; any character too.
SEEDS = "aZ .,'\n—’éßÀ×÷ӨүқіўŭҷђєΑαЖжΣ\u0301\u00ad\u200f\u200dا\u06d0ک\u0928\u093c一カ\U00020001\ud800ÃƒÂ©â€"
texts = st.text(alphabet=st.sampled_from(SEEDS) | st.characters(), max_size=120)


def classes() -> list[re.Pattern[str]]:
    """Every class searched among a text's characters beyond ASCII."""
    every, bmp = clean._formats()
    return [
        _in_words_bmp(),
        _NO_SPACE,
        NO_SPACE_RUN,
        *_local_folds(),
        marks(0xFFFF),
        marks(0x1FFFF),
        every,
        bmp,
        alphabets._ROMANISED,
        alphabets._GREEK_OR_CYRILLIC,
        alphabets._SIBLING,
        alphabets.DIGRAPHIC,
        _CASELESS_LETTERS,
        shingles._CYRILLIC,
        shingles._TATAR,
        shingles._KAZAKH_OWN,
        shingles._TURKIC,
        shingles._KAZAKH_I,
    ]


def test_no_class_holds_an_ascii_character() -> None:
    ascii_text = "".join(map(chr, range(0x80)))
    assert [pattern.pattern for pattern in classes() if pattern.search(ascii_text)] == []
    assert clean._MOJIBAKE.search(ascii_text) is None


@SETTINGS
@given(texts)
def test_the_characters_beyond_ascii_in_order(text: str) -> None:
    assert beyond_ascii(text) == "".join(char for char in text if not char.isascii())


@SETTINGS
@given(texts)
def test_each_class_is_found_and_counted_alike(text: str) -> None:
    beyond = beyond_ascii(text)
    for pattern in classes():
        assert (pattern.search(text) is None) == (pattern.search(beyond) is None), pattern.pattern
        assert sum(map(len, pattern.findall(text))) == sum(map(len, pattern.findall(beyond))), pattern.pattern


@SETTINGS
@given(texts)
def test_mojibake_beyond_ascii_wherever_in_the_text(text: str) -> None:
    """A sequence of mojibake is characters beyond ASCII side by side: none among them, none in the text."""
    if clean._MOJIBAKE.search(text):
        assert clean._MOJIBAKE.search(beyond_ascii(text))
