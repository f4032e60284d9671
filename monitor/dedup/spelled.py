"""Figures a carrier spells out, read as the values they are. Pure.

A caption relay or a speech gateway writes "$0.62" as "DOLLARS ZERO POINT SIX TWO" and "3,200 tonnes" as "three
thousand two hundred tonnes". Such a copy prints no figure in digits, so the names-and-numbers guard saw none:
a text in capitals shows no names either (``signature.NO_CAPITALS``), and two of its copies of one desk's template
stories (another place, other prices) were one story to it, their text 80 % alike. Read as values, the spelled
figures are the facts a figure in digits is (``figures.value_hash``): a copy's agree with its original's, and a
template twin's differ from its base's.

The words are read by text2num (``alpha2digit``), which knows English, French, Spanish, Portuguese, German, Dutch,
Danish and Italian; this module only says which of its figures count. Only a run that is plainly a figure counts:
one with a scale word (a word worth 100 or more on its own: hundred, thousand, "mille", "doscientas") or a decimal
point. "one of them", "two sides", "twenty-six staff" are counts or words nobody writes a guard on, and a run glued
to a slash ("SIXTEEN/FIVE") is a day or a fraction, read elsewhere if at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from text_to_num import alpha2digit, text2num

from monitor.dedup.figures import value_hash
from monitor.dedup.scan import text_end
from monitor.dedup.shingles import clock_like

# The languages text2num reads besides English. English is read in every text: carriers spell figures in English
# inside any language.
OTHER_LANGUAGES = frozenset({"fr", "es", "pt", "de", "nl", "da", "it"})
# An English run that counts holds one of these (lowered): a scan in C for them spares most texts the reading.
_MARKS = ("hundred", "thousand", "million", "billion", "point")
# text2num's English number words (it strips any trailing "s": "hundreds", "ones"); a run it writes holds one.
_EN_WORDS = (
    "zero|o|nought|one|first|oneth|two|second|three|third|four|fourth|five|fifth|six|sixth|seven|seventh|eight|eighth"
    "|nine|ninth|ten|tenth|eleven|eleventh|twelve|twelfth|thirteen|thirteenth|fourteen|fourteenth|fifteen|fifteenth"
    "|sixteen|sixteenth|seventeen|seventeenth|eighteen|eighteenth|nineteen|nineteenth|twenty|twentieth|thirty"
    "|thirtieth|forty|fourty|fortieth|fourtieth|fifty|fiftieth|sixty|sixtieth|sixteeth|seventy|seventieth|eighty"
    "|eightieth|ninety|ninetieth|hundred|hundredth|thousand|thousandth|million|millionth|billion|billionth"
)
_EN_STEMS = frozenset(_EN_WORDS.split("|"))
_LETTERS = re.compile(r"[a-z]+")
# A lone scale word between spaces ("EUR 4.1 billion."): when it is the line's only number word, text2num writes it
# alone as its value (``_lone_scale``).
_LONE_SCALE = re.compile(r"(?:(?<=\s)|^)(?:hundred|thousand|million|billion)(?=[.,;:!?)]?(?:\s|$))")
# A figure text2num wrote (its decimal mark is "." in English, "," in the Romance languages), a word, a sign.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|\w+|[^\w\s]")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


@lru_cache(maxsize=4096)
def _scale_word(word: str, lang: str) -> bool:
    """Whether ``word`` alone is worth 100 or more in ``lang`` ("hundred", "mille", "doscientas", "dreitausend")."""
    try:
        return text2num(word.lower(), lang) >= 100
    except ValueError:
        return False


def _plural_scale(word: str, lang: str) -> bool:
    """Whether ``word`` is a scale word's plural ("thousands", "millions", "cientos"): uncounted, a vague quantity
    ("thousands of travellers"), no figure."""
    return word[-1:] in "sS" and _scale_word(word[:-1], lang)


def _value(words: list[str], figure: str, lang: str) -> float | None:
    """The value of the one figure text2num read from ``words``, or None when it is no plain figure (no scale word
    nor decimal point, or a scale word's plural that nothing counts) or a value of a clock's shape."""
    decimal = not figure.isdigit()
    if _plural_scale(words[0], lang):
        return None
    if not (decimal or any(_scale_word(word, lang) for word in words if word.isalpha())):
        return None
    value = float(figure.replace(",", "."))
    # One definition of a fact: a figure in digits of a clock's shape ("0.58") is read as none (``shingles``), so
    # the same figure spelled out is none either, or a copy would print a fact its original cannot.
    return None if clock_like(f"{value:.6g}") else value


def _rewritten(words: list[str], read: list[str]) -> Iterator[tuple[str, int, int, int, int]]:
    """``difflib`` opcodes from ``words`` to ``read`` between their common head and tail: text2num keeps every
    other word, and matching only the stretch it rewrote costs less than matching the whole line."""
    head = 0
    while head < min(len(words), len(read)) and words[head] == read[head]:
        head += 1
    tail = 0
    while tail < min(len(words), len(read)) - head and words[-1 - tail] == read[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(None, words[head : len(words) - tail], read[head : len(read) - tail], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        yield op, head + i1, head + i2, head + j1, head + j2


def _number_words(lowered: str) -> list[str]:
    """The English number words of a lowered line (letter runs text2num reads as numbers, any trailing "s" off):
    a run it counts holds one ("three.five", "point six", "two hundreds"), so a line with none needs no reading."""
    return [word for word in _LETTERS.findall(lowered) if word.rstrip("s") in _EN_STEMS]


def _lone_scale(line: str) -> list[tuple[int, int, float]] | None:
    """``_runs`` of an English line whose only number word is a singular scale word between spaces (most lines
    that hold one: "a cost of EUR 4.1 billion."): that word alone, read without text2num; None for other lines."""
    lowered = line.lower()
    if len(lowered) != len(line) or len(_number_words(lowered)) != 1 or (lone := _LONE_SCALE.search(lowered)) is None:
        return None
    value = _value([lone[0]], str(text2num(lone[0], "en")), "en")
    return [] if value is None else [(lone.start(), lone.end(), value)]


def _runs(line: str, lang: str) -> Iterator[tuple[int, int, float]]:
    """(start, end, value) in ``line`` of each figure it spells in ``lang`` that counts (``_value``)."""
    if lang == "en" and (lone := _lone_scale(line)) is not None:
        return iter(lone)  # most English lines that are read: the same runs, without text2num
    return _read(line, lang)


def _read(line: str, lang: str) -> Iterator[tuple[int, int, float]]:
    """``_runs`` as text2num reads them: it returns a new text; its tokens are aligned with the line's, and each
    stretch it rewrote is a run."""
    tokens = list(_TOKEN.finditer(line))
    read = _TOKEN.findall(alpha2digit(line, lang))
    words = [token[0] for token in tokens]
    for op, i1, i2, j1, j2 in _rewritten(words, read):
        # One figure for the whole stretch: "twenty thirty hundred" read as "20 3000" is a list, not one number.
        if op != "replace" or j2 - j1 != 1 or not _FIGURE.fullmatch(read[j1]):
            continue
        start, end = tokens[i1].start(), tokens[i2 - 1].end()
        if line[start - 1 : start] == "/" or line[end : end + 1] == "/":
            continue  # "SIXTEEN/FIVE": a day or a fraction
        value = _value(words[i1:i2], read[j1], lang)
        if value is not None:
            yield start, end, value


def spelled_value(run: str, lang: str = "en") -> float | None:
    """The value of a run of number words, or None when it is no plain figure (no scale word nor decimal point, or
    words that do not compose: "two three thousand")."""
    found = list(_runs(run, lang))
    whole = run.strip()
    return found[0][2] if len(found) == 1 and found[0][1] - found[0][0] == len(whole) else None


def _languages(lowered: str, lang: str) -> tuple[str, ...]:
    """The languages to read a line in: English when it holds an English mark and a number word
    (``_number_words``), and ``lang`` when text2num knows it."""
    marked = any(mark in lowered for mark in _MARKS)  # a scan in C first
    english = ("en",) if marked and _number_words(lowered) else ()
    return english + ((lang,) if lang in OTHER_LANGUAGES else ())


def spelled_spans(text: str, lang: str = "") -> list[tuple[int, int, float]]:
    """(offset, fact hash, value) of each figure ``text`` spells out (``spelled_value``), in English and in
    ``lang`` when text2num reads it, in text order; none touching the text's end (``scan.text_end``). A run is
    read within its line, and text2num reads only the lines that may hold one (``_languages``)."""
    if lang not in OTHER_LANGUAGES and not any(mark in text.lower() for mark in _MARKS):
        return []  # most texts: a scan in C each
    cut = text_end(text)  # a run an aggregator cut ("THREE THOUSAND TWO …") is no figure, as one in digits
    found: dict[int, float] = {}
    at = 0
    for line in text.splitlines(keepends=True):
        for language in _languages(line.lower(), lang):
            for start, end, value in _runs(line, language):
                if at + end < cut:
                    found.setdefault(at + start, value)
        at += len(line)
    return [(start, value_hash(value), value) for start, value in sorted(found.items())]


def with_spelled(
    text: str, spans: list[tuple[int, int]], lang: str = ""
) -> tuple[list[tuple[int, int]], tuple[tuple[int, float], ...]]:
    """``spans`` (``shingles.fact_spans`` of ``text``) with the figures ``text`` spells out among them, in text
    order, and those figures' (hash, value) pairs (``Signature.figures``); ``spans`` itself when it spells none.
    ``lang`` (the entry's, as ``Entry.lang``) adds its language's words to English's when text2num knows them."""
    spelled = spelled_spans(text, lang)
    if not spelled:
        return spans, ()
    merged = sorted([*spans, *((at, fact) for at, fact, _ in spelled)])
    return merged, tuple((fact, value) for _, fact, value in spelled)
