"""The signing's faster scans give what the plain forms they stand for give (``shingles``, ``eventkeys``).

Compared on seeded strings drawn from the characters that decide each scan (full stops of several scripts,
CJK stops, white space of several kinds, digits, capitals, katakana, telephone punctuation, Kazakh and Tatar
letters) and on every title and body of the dedup data sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from dedup_set_support import bulk_texts, random_texts

from monitor.dedup import eventkeys, shingles
from monitor.dedup.alphabets import often_i

PIECES = [
    *"aB .!?…:;\n\t\r 。！？।۔3,٫١Я\u00a0\u3000ア亿万x10+()-/әіөҗ",
    " million", "...", " 12", "Ab", "11:30", "+49 (0)30 ", "021 807 4500", "(0)", "Ёлка", "ÉTÉ",
]  # fmt: skip


def generated(count: int = 10_000) -> Iterator[str]:
    return random_texts(PIECES, count, seed=19)


def three_searches(text: str) -> bool:
    """``shingles.kazakh`` as its three searches alone decide it (no search for a Cyrillic letter first)."""
    if shingles._TATAR.search(text):
        return False
    turkic = shingles._TURKIC.search(text) and shingles._KAZAKH_I.search(text) and often_i(text)
    return bool(shingles._KAZAKH_OWN.search(text) or turkic)


# ``_FACT`` with its first alternative (a capitalised word) moved last, where it was written before: the order
# must decide nothing, as no other alternative starts with a capital.
_NAME_LAST = re.compile(shingles._FACT.pattern.split("|", 1)[1] + "|" + shingles._FACT.pattern.split("|", 1)[0])


@pytest.mark.parametrize("texts", [generated, bulk_texts], ids=["generated", "written"])
def test_scans_are_the_plain_ones(texts) -> None:
    for text in texts():
        assert shingles._breaks(text) == [m.start() for m in shingles._SENTENCE_SPLIT.finditer(text)], text
        assert eventkeys._without_phones(text) == eventkeys._PHONE.sub(" ", text), text
        assert shingles.kazakh(text) == three_searches(text), text
        found = [(m.span(), m.group(0, "number", "times")) for m in shingles._FACT.finditer(text)]
        assert found == [(m.span(), m.group(0, "number", "times")) for m in _NAME_LAST.finditer(text)], text


def test_the_comparisons_see_a_difference() -> None:
    """Each plain form above tells apart what the scans must keep apart (the comparisons can fail)."""
    assert shingles._breaks("One. Two\nThree") == [4, 8] != shingles._breaks("One Two Three")
    assert eventkeys._without_phones("call +49 (0)30 1234 567 now") == "call   now"
    assert shingles.kazakh("Қазақстан") and not shingles.kazakh("Казань") and not shingles.kazakh("Qazaq")
    assert [m[0] for m in _NAME_LAST.finditer("Ab 12 million アイ")] == ["Ab", "12 million", "アイ"]
