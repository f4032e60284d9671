"""The signing's shortcuts give what the plain code they stand for gives, and its costly tables wait for first use.

Each shortcut skips work that cannot change the result (a scan that finds none of the letters a branch needs,
a pattern rewritten to open with a character class, ``str.replace`` for a regex substitution); these tests
hold each against the plain form on generated strings built from the characters that matter.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys

from monitor.dedup import alphabets, clean

# Characters each shortcut turns on, with ASCII around them.
_QUOTES_AND_MORE = "‘’‚“”„«»'\" aZ.\n—€"
_MOJIBAKE_PIECES = [*"ÃÂâðÐ\u00a9\u00b3\u20ac\u2019\u00a0 aéó\u0080"]
_STROKE_PIECES = ["1", "I", "l", "|", "0", "a", " ", "Г", "а", "\u04c0", "\u04cf", "α", "é", "ó"]


def _strings(pieces: list[str], count: int = 400, seed: int = 25) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_one_scan_finds_every_letter_in_latin_tests() -> None:
    """``in_latin`` returns a text early when ``_ROMANISED`` finds nothing: each letter a later test needs is in it."""
    needed = "ŭŬ" + "".join(
        pattern.pattern.strip("[]")
        for pattern in (alphabets._VOWELLED_ARABIC, alphabets._BELARUSIAN, alphabets._TAJIK, alphabets._MONGOLIAN)
    )
    missing = [char for char in needed if not alphabets._ROMANISED.search(char)]
    assert not missing


def test_quotes_replaced_as_two_substitutions_did() -> None:
    for text in _strings(list(_QUOTES_AND_MORE)):
        assert clean._ascii_quotes(text) == re.sub("[“”„«»]", '"', re.sub("[‘’‚]", "'", text)), text


def test_mojibake_scan_matches_the_alternatives() -> None:
    """``_MOJIBAKE`` (its lead first) finds, counts and replaces what ``_SEQUENCES`` does."""
    plain = re.compile(clean._SEQUENCES)
    damaged = "Ä‡ Ð¼Ð¾ÑÑ‚ â€“ Ã© ÃÂ Ã\u00a0 ð\u009f\u0098\u0080"
    for text in [damaged, *_strings(_MOJIBAKE_PIECES)]:
        assert [m.span() for m in clean._MOJIBAKE.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert clean.repaired(damaged) != damaged  # the test text is damaged as the patterns know it


def test_without_greek_or_cyrillic_lookalikes_and_strokes_change_nothing() -> None:
    """``readable`` skips ``lookalikes`` and ``strokes`` for a text without a Greek or Cyrillic letter."""
    for text in _strings(_STROKE_PIECES, count=800):
        if not alphabets.greek_or_cyrillic(text):
            assert alphabets.strokes(alphabets.lookalikes(text)) == text, text
    assert alphabets.strokes("Г1ала") != "Г1ала"  # the pieces include what strokes rewrites


def test_import_builds_no_costly_table() -> None:
    """A process that imports dedup and cleans nothing reads no Unicode table and compiles no deferred pattern."""
    probe = (
        "import monitor.dedup\n"
        "from monitor.dedup.scan import compiled\n"
        "from monitor.text import marks, special_codes\n"
        "print(special_codes.cache_info().currsize, marks.cache_info().currsize, compiled.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "0", "0"]
    # and the deferred tables are there when asked for by name
    assert clean._FORMAT_CODES and clean.dateline_pattern().match("KABUL - Talks resumed")
