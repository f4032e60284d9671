"""The tables of marks and of format characters are read from the characters that are no word character
(``text.special_codes``), found in C, not by asking ``unicodedata`` of every code point (issue 19): they
hold exactly what that question, asked of every code point, finds."""

from __future__ import annotations

import unicodedata

from monitor.dedup import clean
from monitor.text import marks

EVERY = range(0x20000)  # what ``special_codes`` reads


def test_no_mark_or_format_character_is_a_word_character() -> None:
    inside = [
        code
        for code in EVERY
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me", "Cf") or unicodedata.combining(chr(code))
    ]
    assert inside, "Unicode has marks and format characters: the test checks something"
    assert [hex(code) for code in inside if chr(code).isalnum() or chr(code) == "_"] == []


def test_the_marks_are_every_code_point_unicode_calls_a_mark() -> None:
    for last in (0xFFFF, 0x1FFFF):
        expected = [
            code
            for code in range(0x300, last + 1)
            if unicodedata.combining(chr(code)) or unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
        ]
        pattern = marks(last)
        assert [code for code in range(last + 1) if pattern.fullmatch(chr(code))] == expected


def test_the_format_characters_are_every_code_point_unicode_calls_one_but_the_joiners() -> None:
    expected = [
        code
        for block in (EVERY, range(0xE0000, 0xE0080))
        for code in block
        if unicodedata.category(chr(code)) == "Cf" and code not in (0x200C, 0x200D)
    ]
    assert expected == clean._FORMAT_CODES
    assert clean.visible("Ka\u00adbul\u200d") == "Kabul\u200d"  # a joiner is spelling: ``readable`` decides
