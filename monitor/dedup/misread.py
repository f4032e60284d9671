"""Figures a carrier misread or glued to letters, read as what they stand for. Pure.

A fax or scan gateway's character recognition confuses the digits 0 and 1 with the letters they are drawn like
(O, and l or I): "2O33", "l4", "l2 4OO". Read as they print, such figures were names and broken numbers ("O33",
"OO") that the original lacks, and the names-and-numbers guard parted a copy from its own story. A run of digits
with those letters inside (at least one digit, no other letter beside it) is the figure it stands for: no word
of any language is written that way, and "A320" or "G7" (another letter) stays as it is. A lone "l" or "O" is
left alone: without a digit beside it nothing says it is one.

A text whose names are unread (in capitals, ``signature.NO_CAPITALS``) is compared by its numbers only. There a
number glued after letters ("D14", a ticker's day without its month; "G7", "A320") is part of a word, which its
cased original prints as a name, not a figure: read as a number, it was a fact the original lacks (or, a day
without its month, one it cannot be compared with). A value the guard cannot read is no evidence either way.
Glued to a letter without case (a kanji: "全長14 km"), a number is the figure it prints as: those scripts write
no space between words, and a few Latin capitals ("WS$") make such a text mostly caseless, not its figures names.
"""

from __future__ import annotations

import re

# A digit beside an O, l or I (maybe across a figure's mark): a scan in C, so that most texts skip the rest.
_HINT = re.compile(r"\d[ \u00a0\u202f.,]?[OlI]|[OlI][ \u00a0\u202f.,]?\d")
# A figure's groups of digits and O/l/I, joined as figures group them (a space before three, a decimal or
# thousands mark), not beside another letter or digit: "l2 4OO", "5OO OOO", "l,2". It is read when it holds a
# digit and one of those letters (``_as_digits``).
_MISREAD = re.compile(r"(?<![^\W_])[\dOlI]+(?:[ \u00a0\u202f][\dOlI]{3}|[.,][\dOlI]+)*(?![^\W_])")
_AS_DIGITS = str.maketrans("OlI", "011")


def digits_read(text: str) -> str:
    """``text`` with each figure a recognition misread ("2O33", "l4") in the digits it stands for."""
    if _HINT.search(text) is None:
        return text
    return _MISREAD.sub(_as_digits, text)


def _as_digits(found: re.Match[str]) -> str:
    figure = found[0]
    if figure.isdigit() or not any(char.isdigit() for char in figure):
        return figure  # a figure as printed, or a word ("lOl"): nothing misread
    return figure.translate(_AS_DIGITS)


def glued_to_letters(text: str, at: int) -> bool:
    """Does the number starting at ``at`` follow a cased letter of its word ("d14", "g7")?

    Only an alphabet with capitals prints such a word as a name in its cased original. A letter without case
    (kanji, kana, hangul, Thai, Devanagari) is no word's end: those scripts run a figure into the words around
    it ("全長14 km", "住民2,600人") and print it as a figure, so a caseless comparison keeps it.
    """
    if at == 0:
        return False
    before = text[at - 1]
    return before.isalpha() and before.lower() != before.upper()
