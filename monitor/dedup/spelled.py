"""Figures a carrier spells out, read as the values they are. Pure.

A caption relay or a speech gateway writes "$0.62" as "DOLLARS ZERO POINT SIX TWO" and "3,200 tonnes" as "three
thousand two hundred tonnes". Such a copy prints no figure in digits, so the names-and-numbers guard saw none:
a text in capitals shows no names either (``signature.NO_CAPITALS``), and two of its copies of one desk's template
stories (another place, other prices) were one story to it, their text 80 % alike. Read as values, the spelled
figures are the facts a figure in digits is (``figures.value_hash``): a copy's agree with its original's, and a
template twin's differ from its base's.

Only a run that is plainly a figure counts: one with a scale word (hundred, thousand, million, billion) or a
decimal point. "one of them", "two sides", "twenty-six staff" are counts or words nobody writes a guard on, and a
run glued to a slash ("SIXTEEN/FIVE") is a day or a fraction, read elsewhere if at all.
"""

from __future__ import annotations

import re

from monitor.dedup.figures import value_hash
from monitor.dedup.scan import text_end
from monitor.dedup.shingles import clock_like

# The number words a carrier spells figures in: English, as the caption and speech gateways of the feeds write them.
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SMALL = {word: value for value, word in enumerate(_UNITS)} | {word: 20 + 10 * i for i, word in enumerate(_TENS)}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join(sorted([*SMALL, *SCALES], key=len, reverse=True))
# A run of number words (a tens word and a unit may be hyphenated: "thirty-five"), "and" inside it after a scale
# word ("three hundred and ten"), and a decimal part: "point" and digit words. Whole words only, in lower case: it
# searches the lowered text (four times faster than a search ignoring case), or, where lowering moves a character's
# place (Turkish "İ"), the text as it is, ignoring case.
_RUN_PATTERN = (
    rf"(?<![\w/])(?:{_WORD})(?:(?:[ \t]+|-)(?:and[ \t]+)?(?:{_WORD}))*(?:[ \t]+point(?:[ \t]+(?:{_WORD}))+)?(?![\w/])"
)
_RUN, _ANY_CASE_RUN = re.compile(_RUN_PATTERN), re.compile(_RUN_PATTERN, re.IGNORECASE)
_MARKS = (*SCALES, "point")  # a plain figure spelled out holds one of them
_POINT, _PARTS = re.compile(r"\s+point\s+"), re.compile(r"[\s-]+")


def spelled_value(run: str) -> float | None:
    """The value of a run of number words (``_RUN``), or None when it is no plain figure (no scale word nor
    decimal point, or words that do not compose: "two three thousand")."""
    whole, _, decimals = _POINT.sub(" point ", run.lower()).partition(" point ")
    words = [w for w in _PARTS.split(whole.strip()) if w and w != "and"]
    total, current, scaled = 0, 0, False
    for word in words:
        if word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * scale, 0
            scaled = True
        elif current % 100 and (SMALL[word] >= 10 or current % 10):
            return None  # "twenty thirty", "five six": a list of numbers, not one
        else:
            current += SMALL[word]
    digits = "".join(str(SMALL[w]) if SMALL.get(w, 10) < 10 else "x" for w in decimals.split())
    if decimals and (not digits or "x" in digits):
        return None
    if not (scaled or decimals):
        return None
    value = float(f"{total + current}.{digits}" if digits else total + current)
    # One definition of a fact: a figure in digits of a clock's shape ("0.58") is read as none (``shingles``), so
    # the same figure spelled out is none either, or a copy would print a fact its original cannot.
    return None if clock_like(f"{value:.6g}") else value


def spelled_spans(text: str) -> list[tuple[int, int, float]]:
    """(offset, fact hash, value) of each figure ``text`` spells out (``spelled_value``), in text order; none
    touching the text's end (``scan.text_end``)."""
    lowered = text.lower()
    if not any(word in lowered for word in _MARKS):
        return []  # most texts: no scale word nor point, a scan in C each, not a regular expression's
    run, read = (_RUN, lowered) if len(lowered) == len(text) else (_ANY_CASE_RUN, text)
    out = []
    cut = text_end(text)  # a run an aggregator cut ("THREE THOUSAND TWO …") is no figure, as one in digits
    for match in run.finditer(read):
        if match.end() >= cut:
            break
        value = spelled_value(match[0])
        if value is not None:
            out.append((match.start(), value_hash(value), value))
    return out


def with_spelled(
    text: str, spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], tuple[tuple[int, float], ...]]:
    """``spans`` (``shingles.fact_spans`` of ``text``) with the figures ``text`` spells out among them, in text
    order, and those figures' (hash, value) pairs (``Signature.figures``); ``spans`` itself when it spells none."""
    spelled = spelled_spans(text)
    if not spelled:
        return spans, ()
    merged = sorted([*spans, *((at, fact) for at, fact, _ in spelled)])
    return merged, tuple((fact, value) for _, fact, value in spelled)
