"""The fast scans of ``monitor.dedup.scan`` give what the regular expressions they stand for give.

Compared on seeded strings drawn from the characters that decide a scan (full stops of several
scripts, CJK stops, line breaks, white space of several kinds, digits of two systems, capitals,
katakana, multiplier words) and on every text of the dedup data sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from dedup_set_support import bulk_texts, random_texts

from monitor.dedup import scan
from monitor.dedup.eventkeys import _SENTENCE_END, _SPACED_END
from monitor.dedup.shingles import _ASCII_SPLIT, _SENTENCE_SPLIT, _SPACED_SPLIT, _STOPS

PIECES = [*"aB .!?…:;\n\t\r 。！？।۔3,٫١Я\u00a0\u3000ア亿万x1", " million", "...", " 12", "Ab", "11:30"]
# The plain forms the scans replace.
TEXT_END = re.compile(r"\s*(?:…|\.\.\.)?\s*$")
SENTENCE_START = re.compile(f"(?:^|[{_STOPS}\n])\\s*$")


def generated(count: int = 20_000) -> Iterator[str]:
    return random_texts(PIECES, count, seed=7)


@pytest.mark.parametrize("texts", [generated, bulk_texts], ids=["generated", "written"])
def test_sentence_splits_are_the_plain_ones(texts) -> None:
    for text in texts():
        assert scan.split_for(text, _SENTENCE_SPLIT, _SPACED_SPLIT).split(text) == _SENTENCE_SPLIT.split(text), text
        assert scan.split_for(text, _SENTENCE_END, _SPACED_END).split(text) == _SENTENCE_END.split(text), text
        if text.isascii():
            plain = [m.start() for m in _SENTENCE_SPLIT.finditer(text)]
            assert scan.ascii_breaks(text, _ASCII_SPLIT) == plain, text


@pytest.mark.parametrize("texts", [generated, bulk_texts], ids=["generated", "written"])
def test_text_ends_are_the_plain_ones(texts) -> None:
    for text in texts():
        assert scan.text_end(text) == TEXT_END.search(text).start(), text  # type: ignore[union-attr]


def test_sentence_openings_are_the_plain_ones() -> None:
    for text in generated(5_000):
        for at in range(len(text) + 1):
            plain = SENTENCE_START.search(text, max(0, at - 3), at) is not None
            assert scan.opens_sentence(text, at, _STOPS) == plain, (text, at)


def test_a_cjk_stop_keeps_the_plain_split() -> None:
    """A sentence ends at 。 with no space after it: the split that starts at a space would miss it."""
    text = "東京で会議。大阪でも開催。 Next one."
    assert scan.split_for(text, _SENTENCE_SPLIT, _SPACED_SPLIT) is _SENTENCE_SPLIT
    assert _SENTENCE_SPLIT.split(text) == ["東京で会議。", "大阪でも開催。", "Next one."]
    assert _SPACED_SPLIT.split(text) != _SENTENCE_SPLIT.split(text)
