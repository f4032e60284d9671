"""The signing shortcuts of ``shingles`` and ``eventkeys`` give what the plain forms they skip give.

A text without a Cyrillic letter is neither romanised nor hashed in Serbian's way, so its tokens'
hashes are looked up directly; a text's numbers are matched where a digit is (``shingles.NUMBER_SCAN``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from dedup_set_support import BULK_SETS

from monitor import text as monitor_text
from monitor.dedup import alphabets, carriers, eventkeys, shingles
from monitor.dedup.alphabets import DIGRAPHIC

DEDUP_DATA = Path(__file__).parent / "data" / "dedup"
PIECES = [*"a1 2,.٣\u00a0\u202f", "0", "12", " 000", " million", "万", "亿", "万亿", " mil millones", "3.5", "bn"]


def test_every_letter_the_cyrillic_searches_seek_is_of_the_block_searched_first() -> None:
    for pattern in (shingles._KAZAKH_OWN, shingles._KAZAKH_I, shingles._TURKIC, shingles._TATAR, DIGRAPHIC):
        letters = pattern.pattern.removeprefix("[").removesuffix("]")
        assert letters and all(shingles._CYRILLIC.fullmatch(letter) for letter in letters), pattern.pattern


def test_a_text_without_cyrillic_hashes_its_shingles_as_the_romanising_path_does() -> None:
    for text in ("the court ruled on tuesday", "€5 bn — up 3%", "cafe de flore"):
        tokens = text.split()
        assert shingles._sounded_hashes(tokens) == shingles.token_hashes(shingles.romanised(tokens))


def test_numbers_matched_from_their_digits_are_the_patterns_findall() -> None:
    rng = random.Random(11)
    texts = ["".join(rng.choices(PIECES, k=rng.randint(0, 20))) for _ in range(5000)]
    for name in BULK_SETS:
        for line in (DEDUP_DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts += [row["title"], row["summary"]]
    for text in texts:
        found = [shingles.number_parts(match) for match in eventkeys._NUMBER_SCAN.finditer(text)]
        assert [(number, times or "") for number, times in found] == eventkeys._NUMBER.findall(text), text


def test_words_of_a_text_with_signs_beyond_ascii_are_the_patterns() -> None:
    rng = random.Random(12)
    pieces = [*"aZ9_' .\n-", "€", "£", "—", "’", "é", "Я", "\u0301", "\u200c", "ि", "٣", "x1", "O'Neil"]
    shortcut = 0
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 30)))
        assert eventkeys._words(text) == eventkeys._WORD.findall(text), text
        shortcut += not text.isascii() and eventkeys._WORD_BEYOND_ASCII.search(text) is None
    assert shortcut  # some non-ASCII texts took the shortcut


def test_fact_spans_reads_the_number_and_its_multiplier_as_groups_one_and_two() -> None:
    assert shingles._FACT.groupindex == {"number": 1, "times": 2}


def test_a_footnote_mark_is_glued_only_where_the_letter_digit_scan_finds_one() -> None:
    # ``carriers._unnoted`` returns a text unchanged when ``_LETTER_DIGIT`` finds nothing: every letter before
    # every digit must be found, or a glued mark would be missed.
    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha()]
    digits = [c for c in map(chr, range(sys.maxunicode + 1)) if carriers._NOTE_MARK.fullmatch(c)]
    assert all(carriers._LETTER_DIGIT.search(f"ab{letter}1") for letter in letters)  # each char on its own
    assert all(carriers._LETTER_DIGIT.search(f"мебелесь{digit}") for digit in digits)
    assert carriers._LETTER_DIGIT.search("In 2024, 12 of 13 rose by 5% (x 3)") is None


def test_a_text_with_glued_marks_is_unnoted_and_one_without_is_kept() -> None:
    assert carriers._unnoted("мебелесь1 текст. книгатнень2 текст.") == "мебелесь текст. книгатнень текст."
    assert carriers._unnoted("hospita1 ward, 2 beds") == "hospita1 ward, 2 beds"
    assert carriers._unnoted("In 2024, 12 of 13 rose") == "In 2024, 12 of 13 rose"


def test_latin_strokes_skips_only_texts_its_substitutions_leave_as_they_are() -> None:
    # The look for candidates (``alphabets._STROKE_DIGIT``, ``_OPENING_RN``, ``_SCANNED_ZERO``) must find every
    # text the two substitutions would change: the form before the look, both substitutions once a text holds a
    # "1", a "0" or an "rn", is the reference.
    def plain(text: str) -> str:
        if not ("1" in text or "0" in text or "rn" in text):
            return text
        changed = alphabets._LATIN_STROKE.sub(alphabets._latin_stroke_as, text)
        return alphabets._SCANNED_ZERO.sub(lambda found: found[0][0] + "0", changed)

    rng = random.Random(5)
    pieces = [*"abzAZé_1 0-.5O", "o", "о", "О", "rn", "hospita1", "g0v", "6O0", "\n"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 12))) for _ in range(20000)]
    texts += ["schoo1children", "4.8 rnillion", "rnore", "H1N1", "1 3O0", "the return of 10 men"]
    changed = [text for text in texts if plain(text) != text]
    assert len(changed) > 1000  # the pieces make texts of every branch
    assert [alphabets.latin_strokes(text) for text in texts] == [plain(text) for text in texts]


def test_marks_dropped_after_a_foldable_letter_are_those_a_letter_first_match_drops() -> None:
    # ``text._marks_after_foldable`` searches from the mark; the reference matches the letter, then its marks.
    rng = random.Random(3)
    pieces = [*"aZéАяΩ ب.1", "\u0301", "\u0308", "\u0483", "\u0489", "\u0300", "\u064b", "\u093f", "\U0001d167"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 14))) for _ in range(20000)]
    for last in (0xFFFF, 0x1FFFF):
        reference = re.compile(f"({monitor_text._FOLDABLE_BASE.pattern}){monitor_text.marks(last).pattern}+")
        assert sum(reference.sub(r"\1", one) != one for one in texts) > 1000
        assert [monitor_text._marks_after_foldable(last).sub("", one) for one in texts] == [
            reference.sub(r"\1", one) for one in texts
        ]
    assert monitor_text.fold("Taliba\u0301n \u0430\u0483\u0301 \u0628\u0483\u0301") == "taliban а ب\u0483"
