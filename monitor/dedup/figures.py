"""Figures compared as values, at the precision a carrier prints them. Pure.

A fact is a hash of a number's key (``shingles.number_key``), so "1,750" and "1,800" are two facts. A carrier
that speaks or shortens figures rounds them: a voice briefing reads "about 1,800 kg" for 1,750 and "about
$140,000" for $142,300, a repost writes "1.3k seats" for 1,320. Its copy printed, for the names-and-numbers
guard, figures its original lacks, and a brief of three figures kept none of them. A repost's "XPF 18.4m" is
the compact form of 18,400,000 with a small "m" (``shingles._COMPACT`` reads "M" only: "18.4m" may be metres).

So the entry being decided keeps its figures' values (``Signature.figures``, fresh only), and before the guard
reads a candidate's facts each figure of the entry the candidate lacks is read as the candidate's own fact of
the same value at the precision either prints: a figure rounded to ``ROUNDED`` or ``MOST_ROUNDED`` significant
digits agrees with a figure that rounds to it (either way round), and a figure glued to a small "m" with its
value in millions.
Only a fact the candidate prints and the entry lacks is taken, one for one: a template's next bulletin with
other figures (2,400 kg beside 1,750; 36 stalls beside 24) keeps them apart, as do its other names.
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from monitor.dedup.scan import compiled
from monitor.dedup.shingles import NUMBER_SCAN, _stem_hash, number_key, number_parts
from monitor.text import fold

if TYPE_CHECKING:
    from monitor.dedup.signature import Signature

ROUNDED = 2  # significant digits a spoken or shortened figure keeps ("about 1,800" for 1,750; "1.3k" for 1,320)
MOST_ROUNDED = 3  # or three ("about 187,000" for 186,500): a figure of more is no rounding
LEAST = 100.0  # smaller figures are counts (24 stalls, 9 o'clock): nobody rounds them
MILLIONS = 1e6


def figure_values(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, float], ...]:
    """(hash, value) of each number of ``spans`` (``shingles.fact_spans`` of ``text``): one pair for its value
    and, for one glued to a small "m" ("18.4m"), one for the value in millions."""
    pattern = compiled(NUMBER_SCAN)
    out: list[tuple[int, float]] = []
    for at, fact in spans:
        if text[at].isalpha() or (match := pattern.match(text, at)) is None:
            continue
        try:
            value = float(number_key(*number_parts(match)))
        except ValueError:
            continue
        out.append((fact, value))
        end = match.end()
        if match[2] is None and text[end : end + 1] == "m" and not text[end + 1 : end + 2].isalpha():
            out.append((fact, value * MILLIONS))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 14)
def value_hash(value: float) -> int:
    """The fact hash a number of this value has (``shingles.fact_spans``: its key, folded, hashed)."""
    return _stem_hash(fold(f"{value:.6g}"))


def _digits(value: float) -> int:
    """Significant digits of ``value`` as a key prints it ("1.3e+06": 2; "1750": 3)."""
    mantissa = f"{value:.6g}".split("e")[0].replace(".", "").lstrip("0").rstrip("0")
    return max(len(mantissa), 1)


def _rounded(value: float, digits: int) -> float:
    """``value`` rounded half up to ``digits`` significant digits."""
    unit = 10.0 ** (math.floor(math.log10(value)) - digits + 1)
    return math.floor(value / unit + 0.5) * unit


@functools.lru_cache(maxsize=1 << 14)
def agreeing(value: float) -> tuple[int, ...]:
    """The hashes of the figures that agree with ``value`` at the precision the rounder of the two prints: its
    roundings to ``ROUNDED`` significant digits or more, fewer than its own; and, when it keeps ``MOST_ROUNDED``
    or fewer (a rounded figure's), each figure with up to two digits more that rounds to it."""
    if value < LEAST:
        return ()
    digits = _digits(value)
    out = [value_hash(_rounded(value, coarser)) for coarser in range(ROUNDED, digits)]
    if digits <= MOST_ROUNDED:
        unit = 10.0 ** (math.floor(math.log10(value)) - max(digits, ROUNDED) + 1)
        for finer in (unit / 10, unit / 100):
            steps = round(unit / finer / 2)
            out += [value_hash(value + k * finer) for k in range(-steps, steps + 1) if k]
    return tuple(out)  # remembered: a figure is compared with every candidate's, each asking up to ~100 hashes


def aligned(query: Signature, theirs: bytes) -> Signature:
    """``query`` with each figure the other text (its facts ``theirs``) lacks read as the fact of the other's that
    it agrees with (``agreeing``; a small "m" as millions), when the other prints that fact and ``query`` does
    not; ``query`` itself when none is."""
    if not query.figures:
        return query
    ours, wanted, sought = _wanted(query.facts, query.figures)
    held_list = np.frombuffer(theirs, dtype="<u4").tolist()
    if sought.isdisjoint(held_list):
        return query  # most candidates: they print none of the facts a figure of ours could be read as
    held = set(held_list)
    mapping: dict[int, int] = {}
    for fact, hashes in wanted:
        if fact in held or fact in mapping:
            continue
        found = next((h for h in hashes if h in held), None)
        if found is not None and found not in mapping.values():
            mapping[fact] = found
    if not mapping:
        return query
    return _renamed(query, ours, mapping)


@functools.lru_cache(maxsize=8)  # one decision asks of one query: a few kept, not a window's worth of sets
def _wanted(
    facts: bytes, figures: tuple[tuple[int, float], ...]
) -> tuple[tuple[int, ...], tuple[tuple[int, tuple[int, ...]], ...], frozenset[int]]:
    """What ``aligned`` reads of the entry being decided, once for all its candidates: its facts, in order; each
    figure's fact (one it prints) with the hashes it may be read as (``agreeing``), in order, those it prints left
    out; and all those hashes."""
    ours = tuple(np.frombuffer(facts, dtype="<u4").tolist())
    mine = set(ours)
    wanted = tuple(
        (fact, tuple(h for h in [value_hash(value), *agreeing(value)] if h not in mine))
        for fact, value in figures
        if fact in mine
    )
    return ours, wanted, frozenset(h for _, hashes in wanted for h in hashes)


def _renamed(query: Signature, ours: tuple[int, ...], mapping: dict[int, int]) -> Signature:
    """``query`` with its facts renamed by ``mapping``: its sorted facts (each's ``fact_lines`` byte moved with
    it) and each sentence's."""
    kinds = dict(zip(ours, query.fact_lines, strict=False))
    facts = sorted({mapping.get(fact, fact) for fact in ours})
    renamed = {mapping.get(fact, fact): kinds.get(fact) for fact in ours}
    fact_lines = bytes(renamed[fact] or 0 for fact in facts) if len(query.fact_lines) == len(ours) else b""
    lines = tuple(
        (key, shingles, frozenset(mapping.get(fact, fact) for fact in named) if named & mapping.keys() else named)
        for key, shingles, named in query.lines
    )
    return replace(query, facts=np.array(facts, dtype="<u4").tobytes(), fact_lines=fact_lines, lines=lines, figures=())
