"""Names matched by how they sound, in any script: ``{term: Arctic LNG, sounds: true}`` finds
"આર્કટિક LNG" (Gujarati), "Арктык СПГ" needs its own term (СПГ is no sound of LNG). Pure.

A rule's words reach only the languages they are written in; a name is the part of a story
that crosses scripts, written as it sounds (Taliban, तालिबान, তালিবান, Ταλιμπάν). Each word is
reduced to the skeleton ``monitor.dedup.names.name_key`` gives names for event clustering
(transliterated with anyascii, sounds folded, vowels dropped), one definition for both. A term's
words must each keep at least ``MIN_SOUNDS`` letters of skeleton: shorter ones (US, UN, Iran's
"rn") collide with too many words. The last word may go on (a case ending: बेलारूसकडून,
Ауғанстанда); the others must sound alike as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from monitor.text import NO_SPACE_RANGES

MIN_SOUNDS = 3  # letters of skeleton a term's word must keep
# The combining marks inside words of Indic and other scripts (vowel signs, viramas: आर्कटिक), which
# Python's \w leaves out; the Indic blocks less their danda (।, ॥), which ends a sentence.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0963\u0966-\u0dff\u1dc0-\u1dff"
# A word of a spaced script, marks included, or a katakana run (Japanese writes foreign names in katakana,
# with "ー" for a long vowel): a Han character alone says nothing about a foreign name's sound.
# One character class per step (no overlapping alternatives): linear on hostile input.
SOUND_WORD = re.compile(f"[\u30a1-\u30fa\u30fc]+|(?:(?![{NO_SPACE_RANGES}])[\\w{_MARKS}])+")


@cache
def _name_key() -> Callable[[str], str | None]:
    # Imported on first use: the dedup package is not loaded by a process whose rules ask no sounds.
    from monitor.dedup.names import name_key

    return name_key


def sound_key(word: str) -> str | None:
    """A word's sound skeleton, or None when too little of it is left to compare."""
    return _name_key()(word)


def term_sounds(text: str) -> tuple[str, ...] | str:
    """A term's words as sound keys, or a message saying which word cannot be matched by sound."""
    keys = []
    for word in text.split():
        key = sound_key(word)
        if key is None or len(key) < MIN_SOUNDS:
            return f"{word!r} keeps too little sound to compare (at least {MIN_SOUNDS} letters of skeleton)"
        keys.append(key)
    return tuple(keys)


def sound_runs(wanted: tuple[str, ...], keys: list[str | None]) -> list[int]:
    """Where a run of words whose keys are ``keys`` sounds like ``wanted``: the run's first index."""
    size = len(wanted)
    *whole, last = wanted
    found = []
    for start in range(len(keys) - size + 1):
        run = keys[start : start + size]
        if run[-1] is not None and run[-1].startswith(last) and all(a == b for a, b in zip(run, whole, strict=False)):
            found.append(start)
    return found
