"""Fast equivalents of the scans ``shingles`` and ``eventkeys`` run over every story text. Pure.

Each function here gives exactly what the plain regular expression it replaces gives (tests/
test_dedup_speed_scan.py compares them on every dedup data set and on generated strings); it
exists because Python's ``re`` can skip ahead in C only to a position where a match may start
when the pattern opens with a character class. A pattern opening with a lookbehind or with
alternatives is tried at every character: a sentence split cost 20 µs a text and a name and
number scan 130 µs, several times their useful work.
"""

from __future__ import annotations

import functools
import re

# Full stops of scripts written without spaces: a sentence may end at one with no space after it,
# so a split at them can start anywhere, not only at a space.
CJK_STOPS = "。！？"
# A sentence ends at a full stop of any script (Devanagari ।, Urdu ۔, Armenian ։, Ethiopic ።, Myanmar ။,
# Khmer ។, and the Latin and CJK ones); a CJK one needs no space after it.
STOPS = ".!?。！？।۔։።။។"


def spaced_split(stops: str, newline_run: bool) -> re.Pattern[str]:
    """The sentence split ``(?<=[stops])\\s+`` or a line break (a run of them if ``newline_run``), written
    to start at a space: the space is matched first and the stop before it looked behind at. It splits
    as the split that also ends a sentence at a CJK stop does a text without one (``split_for``)."""
    more = r"\n*" if newline_run else ""
    return re.compile(f"\\s(?:(?<=[{stops}]\\s)\\s*|(?<=\\n){more})")


def split_for(text: str, split: re.Pattern[str], spaced: re.Pattern[str]) -> re.Pattern[str]:
    """``spaced`` (``spaced_split``) to split ``text`` with, unless a CJK stop is in it: then ``split``."""
    if text.isascii() or not any(stop in text for stop in CJK_STOPS):
        return spaced
    return split


def ascii_breaks(text: str, split: re.Pattern[str]) -> list[int]:
    """Where each match of ``split`` (a ``stop_split``) starts in ``text``: the white space after a full stop,
    or a line break. For a text without a CJK stop (``split_for``), these are where the matches of
    ``spaced_split`` of the same stops (without a run of line breaks) start."""
    return [found.start(1) if found[1] else found.start() for found in split.finditer(text)]


def stop_split(stops: str) -> re.Pattern[str]:
    """For ``ascii_breaks``: the split ``(?<=[stops])\\s+|\\n`` of a text without a CJK stop, written to start
    at the stop or the line break (far fewer places to try than every space, which ``spaced_split`` tries)."""
    return re.compile(f"[{stops}\\n](?:(?<=[{stops}])(\\s+)|(?<=\\n))")


def text_end(text: str) -> int:
    """Where ``re.search(r"\\s*(?:…|\\.\\.\\.)?\\s*$", text)`` starts: the end of ``text`` but for trailing
    white space and one ellipsis among it. (The search tried the pattern at every character.)"""
    body = text.rstrip()
    if body.endswith("…"):
        body = body[:-1].rstrip()
    elif body.endswith("..."):
        body = body[:-3].rstrip()
    return len(body)


def opens_sentence(text: str, at: int, stops: str) -> bool:
    """``re.compile(f"(?:^|[{stops}\\n])\\s*$").search(text, max(0, at - 3), at)``: does the word at ``at``
    open the text or a sentence (a full stop or a line break, then only white space, in the 3 characters
    before it)? ``stops`` holds no white space."""
    low = at - 3 if at > 3 else 0
    window = text[low:at]
    body = window.rstrip()
    if not body:
        return low == 0 or "\n" in window
    return body[-1] in stops or "\n" in window[len(body) :]


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, on first use and once: a pattern with a class of letters beyond Latin-1 costs a
    millisecond or more to compile (``re`` builds the class's table in Python), paid at import by every process
    that imports the module, most of which (a run whose every feed answers 304) sign no entry."""
    return re.compile(pattern)
