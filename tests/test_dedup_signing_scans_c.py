"""The signing's one-class patterns match what the plain patterns they stand for match (``shingles._FACT_SCAN``
for ``_FACT``, ``shingles.NUMBER_SCAN`` for ``NUMBER``, ``eventkeys._PHONE_SCAN`` for ``_PHONE``): the same spans,
and the same number and multiplier word (``shingles.number_parts``); and the sentence ends a signature takes
from a text's fold are the text's own.

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
from monitor.text import fold, fold_is_local, word_spaces

PIECES = [
    *"aB .!?:\n\t 3,٫١Я\u00a0\u202fア亿万x10+()-/_’'氏市2",
    "11:30", "23:59", "24:00", "1:5", "0:30:", "09:00", "1 200", "1.234,5", "۸٫۶", "5 Mio", "3 млн", "48 ລ້ານ",
    " million", " mil millones", " bn", "G7", "COVID-19", "田中一郎氏", "福井市", "ラブロフ", "ー",
    "+49 (0)30 ", "021 807 4500", "+7 495 123-45-67", "(030) 12 34", "0800/123/456", "a0", ".0", ",(0", "Ёлка", "ÉTÉ",
]  # fmt: skip


def generated(count: int = 4_000) -> Iterator[str]:
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


def test_the_one_class_telephone_pattern_substitutes_as_the_plain_one() -> None:
    """(On every set's text through ``eventkeys._without_phones``: tests/test_dedup_signing_scans.py.)"""
    for text in generated():
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


# Characters that fold one by one to one (€, É, Ø) beside full stops, spaces and line breaks.
LOCAL_PIECES = [*"aZ .!?\n\t\r3,", "€", "£", "—", "é", "É", "Ø", "x. Y", "\n\n", ". ", "?\n"]


def test_a_local_fold_as_long_as_its_text_ends_its_sentences_where_the_text_does() -> None:
    """``shingles._sentences`` takes a text's sentence ends from its fold's (``_folded_pieces``) when the fold is
    local (``text.fold_is_local``) and as long as the text; the text's own split must give the same ends."""
    used = 0
    for text in [*random_texts(LOCAL_PIECES, 2_000, seed=23), *bulk_texts()]:
        folded = fold(text)
        if text.isascii() or not fold_is_local(text) or len(folded) != len(text) or word_spaces(folded) is None:
            continue
        used += 1
        assert shingles._folded_pieces(folded)[2] == [*shingles._breaks(text), len(text)], text
    assert used > 1_000  # the case is common: a story with a euro sign or an accent


def test_the_digits_class_holds_every_digit_and_no_other_character_of_the_plane() -> None:
    """``shingles.DIGITS`` stands for ``\\d`` in the scans' opening classes: every character ``\\d`` matches passes
    it (a scan that skipped one would miss a number), and in the Basic Multilingual Plane no other does (beyond
    it, the look behind after the class decides)."""
    plane = "".join(map(chr, range(0x10000)))
    assert re.findall(f"[{shingles.DIGITS}]", plane) == re.findall(r"\d", plane)
    beyond = "".join(map(chr, range(0x10000, 0x110000)))
    assert not re.sub(f"[{shingles.DIGITS}]", "", beyond)
