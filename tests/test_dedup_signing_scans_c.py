"""The signing's one-class patterns match what the plain patterns they stand for match (``shingles._FACT_SCAN``
for ``_FACT``, ``shingles.NUMBER_SCAN`` for ``NUMBER``, ``eventkeys._PHONE_SCAN`` for ``_PHONE``): the same spans,
and the same number and multiplier word (``shingles.number_parts``).

Compared on seeded strings drawn from the characters and pieces that decide them (times of day at the edges of
the hours, grouped and decimal numbers, multiplier words, a digit inside a name, katakana and Han names,
telephone numbers behind a letter, a full stop or a bracket) and on every title and body of the dedup data sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from dedup_set_support import bulk_texts, random_texts

from monitor.dedup import eventkeys, shingles

PIECES = [
    *"aB .!?:\n\t 3,٫١Я\u00a0\u202fア亿万x10+()-/_’'氏市2",
    "11:30", "23:59", "24:00", "1:5", "0:30:", "09:00", "1 200", "1.234,5", "۸٫۶", "5 Mio", "3 млн", "48 ລ້ານ",
    " million", " mil millones", " bn", "G7", "COVID-19", "田中一郎氏", "福井市", "ラブロフ", "ー",
    "+49 (0)30 ", "021 807 4500", "+7 495 123-45-67", "(030) 12 34", "0800/123/456", "a0", ".0", ",(0", "Ёлка", "ÉTÉ",
]  # fmt: skip


def generated(count: int = 6_000) -> Iterator[str]:
    return random_texts(PIECES, count, seed=22)


def facts(pattern: re.Pattern[str], text: str, scan: bool) -> list[tuple[tuple[int, int], object]]:
    """Each match's span and key: its text, or (whole, number, multiplier word) when a group took part."""
    return [
        (m.span(), m[0] if m.lastindex is None else (m[0], *shingles.number_parts(m)) if scan else m.group(0, 1, 2))
        for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("texts", [generated, bulk_texts], ids=["generated", "written"])
def test_one_class_scans_match_as_the_plain_patterns(texts) -> None:
    number = re.compile(shingles.NUMBER)
    number_scan = re.compile(shingles.NUMBER_SCAN)
    for text in texts():
        assert facts(shingles._FACT_SCAN, text, scan=True) == facts(shingles._FACT, text, scan=False), text
        assert [(m.span(), shingles.number_parts(m)) for m in number_scan.finditer(text)] == [
            (m.span(), m.group("number", "times")) for m in number.finditer(text)
        ], text
        assert eventkeys._PHONE_SCAN.sub(" ", text) == eventkeys._PHONE.sub(" ", text), text


def test_the_generated_strings_reach_every_kind_of_match() -> None:
    """The comparison above would pass on strings without facts: these hold each kind, and a time of day."""
    kinds = {"name": 0, "number": 0, "times": 0, "clock": 0, "katakana": 0, "han": 0, "phone": 0}
    for text in generated(2_000):
        for m in shingles._FACT.finditer(text):
            whole = m[0]
            kinds["times"] += bool(m["times"])
            kinds["number"] += m.lastindex is not None
            kinds["clock"] += ":" in whole and m.lastindex is None and whole[0].isdigit()
            kinds["name"] += whole[0].isupper()
            kinds["katakana"] += "ア" in whole
            kinds["han"] += whole.endswith(("田中一郎", "福井"))
        kinds["phone"] += eventkeys._PHONE.search(text) is not None
    assert all(kinds.values()), kinds
