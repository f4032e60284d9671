"""Values a carrier restated, read as the values they restate. Pure.

A carrier that copies a story often writes its values another way or adds a second reading beside them: a filing
bot prints money in thousands ("A$3,400 ('000)"), a telegraph relay spells each figure digit by digit ("ONE TWO
FOUR ZERO") and ends its sentences with " STOP", a converter or a second calendar adds a bracket after a value
("A$3,400,000 (≈ US$2,244,000)", "15 June 2032 (O.S. 2 June)"). To the names-and-numbers guard each of these was
a fact the original lacks (or a figure it misses), and the copy a story of its own. Read here before the text is
signed: a round value signed approximate ("≈") as none (no guard can check it), a value in thousands as its value, a run
of digit words as its figure, a telegraph's stop as a full stop, and a short bracket of figures right after a value
as no text at all (it restates the value beside it, it tells nothing new). A value written so stays a value: a
template twin with other figures still differs from its base.
"""

from __future__ import annotations

import re

# A value in thousands: "3,400 ('000)", "K500 (000s)".
_THOUSANDS = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?\(['\u2019]?000s?\)")
# A run of two or more digit words, one space apart ("ONE FOUR", "two zero three two"): a figure spelled digit by
# digit. One digit word alone is a count ("one of them"); a word glued to a hyphen is a compound; digits after a
# decimal point ("zero point six four") are a spelled figure's, read whole by ``spelled``.
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT = "|".join(_DIGIT_WORDS)
_DIGIT_RUN = re.compile(rf"(?<!point )\b(?:{_DIGIT})(?: (?:{_DIGIT}))+\b(?!-)", re.IGNORECASE)
_DIGIT_OF = {word: str(i) for i, word in enumerate(_DIGIT_WORDS)}
_DIGIT_PAIR = re.compile(rf"(?:{_DIGIT}) (?:{_DIGIT})")  # its scan in the lowered text: a fifth of the cost
# A telegraph's full stop, in a text in capitals.
_STOP = re.compile(r" STOP\b")
# A bracket right after a value (a figure ends the word before it) holding at most four words, a figure among them,
# opening with a mark of restatement (a sign, "≈ US$2,244,000", or an abbreviation, "O.S. 3 juin") or else holding
# no lower-case word of four letters or more (such a bracket says something: "(12 of them women)").
_RESTATING = re.compile(
    r"(?<=\d) ?\((?=[^()]*\d)(?:(?=[^\w\s(]|\w{1,3}\.)|(?![^()]*\b[a-z\u00e0-\u024f]{4,}))(?:[^()\s]+ ?){1,4}\)"
)
# A round value (one figure but zeros: "≈ 2.000", "≈ Rp 20.000.000.000", "~ 8 million") after a sign of
# approximation: a carrier's rounding of a value its original prints exactly, at a precision no guard can check.
# A word ("about 2 hours") is left: desks write it too, and their rounded figures tell their stories apart.
_ROUNDED = re.compile(
    r" ?[≈~] ?(?:[A-Z][A-Za-z]{0,2}\$? ?|[$€£¥₹] ?)?[1-9]0*(?:[.,\u00a0 ]000)*(?: [mb]illion)?(?![\d.,]\d)"
)


def restated(text: str) -> str:
    """``text`` with the values a carrier restated read as the values they restate (the module's doc)."""
    if "(" in text:
        text = _THOUSANDS.sub(_in_units, text)
        text = _RESTATING.sub("", text)
    if "≈" in text or "~" in text:
        text = _ROUNDED.sub("", text)
    if _DIGIT_PAIR.search(text.lower()) is not None:
        text = _DIGIT_RUN.sub(_digits, text)
    if " STOP" in text and text.count(" STOP") >= 2 and text.upper() == text:
        text = _STOP.sub(".", text)
    return text


def _in_units(found: re.Match[str]) -> str:
    """The value of a figure in thousands, grouped as its figure was ("3,400" -> "3,400,000")."""
    figure = found[1]
    if "." in figure:  # a decimal in thousands ("2.5"): its whole value
        value = round(float(figure.replace(",", "")) * 1000)
        return f"{value:,}" if "," in figure else str(value)
    return figure + (",000" if "," in figure or len(figure) <= 3 else "000")


def _digits(found: re.Match[str]) -> str:
    """The figure a run of digit words spells ("ONE FOUR" -> "14")."""
    return "".join(_DIGIT_OF[word.lower()] for word in found[0].split(" "))
