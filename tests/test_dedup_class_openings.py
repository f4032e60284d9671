"""Patterns of signing rewritten to open with a character class, so that ``re`` seeks where they may match in C
(one opening with a look behind or a repeat is tried at every character of a story), find what the plain
patterns they stand for find: ``dates._NUMERIC_DATE`` (``dates.NUMERIC_DATE``) the same spans and groups, on
seeded strings of the pieces that decide a numeric date and on every title and body of the dedup data sets;
``dates._LATIN_MARKED``, ``dates._NUMBER``, ``signature``'s letter runs and ``text.class_run``'s (unspaced
scripts', white space's, characters past the BMP) the same removals and runs."""

from __future__ import annotations

import re

from dedup_set_support import bulk_texts, random_texts

from monitor import text as text_module
from monitor.dedup import dates
from monitor.dedup.signature import _CASED, _CASED_LETTERS, _CASELESS, _CASELESS_LETTERS

# Digits either side of the limits of a day and a month (0-3 opening two digits), both separators, a year of
# this century and another, and what may stand before or after a date (a digit, a slash, a full stop, a letter).
PIECES = [
    *"0123456789/.a ", "3/", "13/", "31.", "4.", "40/", "/2027", ".2026", "2019", ".5", "x", "٣",
    "8/3/2027", "15.04.2027", "1.2.2030", "31/12/2099", "39/1/2020",
]  # fmt: skip


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_the_numeric_date_scan_finds_what_the_plain_pattern_finds() -> None:
    plain = re.compile(dates.NUMERIC_DATE)
    found = 0
    for text in [*random_texts(PIECES, 20_000, seed=44), *bulk_texts()]:
        expected = spans(plain, text)
        assert spans(dates._NUMERIC_DATE, text) == expected, text
        found += len(expected)
    assert found > 1_000  # the strings hold dates: the comparison can fail


def test_a_digit_slash_or_full_stop_before_the_day_is_no_date() -> None:
    assert dates._NUMERIC_DATE.search("on 8/3/2027.")[0] == "8/3/2027"
    assert dates._NUMERIC_DATE.search("x18/3/2027").group(1, 3, 4) == ("18", "3", "2027")
    for text in ("48/3/2027", ".8/3/2027", "/8/3/2027"):
        assert dates._NUMERIC_DATE.search(text) is None, text


def test_the_latin_mark_scan_removes_what_the_plain_pattern_removes() -> None:
    """``dates._LATIN_MARKED`` (opening with a mark) as ``dates.LATIN_MARKED`` (opening with a look behind), on the
    decomposed strings ``named_days`` gives it: marks after a Latin letter, another script's letter, a digit."""
    plain = re.compile(dates.LATIN_MARKED)
    pieces = ["a", "z", "A", "б", "3", " ", "\u0301", "\u0308\u0301", "\u036f", "\u0300", "ok", "\u0483"]
    removed = 0
    for text in random_texts(pieces, 20_000, seed=45):
        assert dates._LATIN_MARKED.sub("", text) == plain.sub("", text), text
        removed += len(plain.findall(text))
    assert removed > 1_000


def test_a_class_and_its_repeat_find_the_runs_of_the_class_and_a_repeat() -> None:
    pieces = ["a", "Я", "ह", "ि", "中", "ქ", "7", "٣", " ", ".", "—", "é", "ß", "😀", "\n"]
    pairs = [
        (dates._NUMBER, "[0-9]+"),
        (_CASED_LETTERS, f"[{_CASED}]+"),
        (_CASELESS_LETTERS, f"{_CASELESS}+"),
    ]
    runs = 0
    for text in random_texts(pieces, 5_000, seed=46):
        for scan, plain in pairs:
            assert scan.findall(text) == re.findall(plain, text), (plain, text)
            runs += len(scan.findall(text))
    assert runs > 10_000


def test_text_class_runs_find_the_runs_of_the_class_and_a_repeat() -> None:
    """Each run ``text`` writes with ``class_run`` as the plain repeat it stands for, on seeded strings of its
    classes' edges (Thai, kana, Han, a Han extension's, white space of three kinds, an emoji, a word) and on every
    title and body of the dedup data sets."""
    pairs = [
        (text_module.NO_SPACE_RUN, f"[{text_module.NO_SPACE_RANGES}]+"),
        (text_module._SPACE, r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]+"),
        (text_module._BEYOND_BMP, "[\U00010000-\U0010ffff]+"),
    ]
    pieces = [
        "ก",
        "ໄ",
        "か",
        "カ",
        "中",
        "\U00020001",
        "\u3000",
        " ",
        "\t",
        "\u00a0",
        "\u200b",
        "😀",
        "ab",
        "é",
        "\n",
        "。",
    ]
    runs = dict.fromkeys((plain for _, plain in pairs), 0)
    for text in [*random_texts(pieces, 5_000, seed=47), *bulk_texts()]:
        for scan, plain in pairs:
            found = scan.findall(text)
            assert found == re.findall(plain, text), (plain, text)
            runs[plain] += len(found)
    assert min(runs.values()) > 1_000, runs  # the strings hold runs of each: every comparison can fail
