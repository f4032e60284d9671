"""Names matched by how they sound, in any script: ``{term: Arctic LNG, sounds: true}`` finds
"આર્કટિક LNG" (Gujarati), "Арктык СПГ" needs its own term (СПГ is no sound of LNG). Pure.

A rule's words reach only the languages they are written in; a name is the part of a story
that crosses scripts, written as it sounds (Taliban, तालिबान, তালিবান, Ταλιμπάν). Each word is
reduced to the skeletons ``monitor.names.name_keys`` gives names for event clustering
(transliterated with anyascii, sounds folded, vowels dropped), one definition for both; a word
read two ways (Greek μπ is b in Ταλιμπάν, m-p in Τραμπ) sounds like a word either reading matches.

The skeleton is coarse (Taliban, turbine and turban are all "trbn"), so it decides only across
scripts: in the term's own script a word must be the term's word as written (folded), as a plain
term's would, or differ from it in vowels alone when it keeps ``OWN_SCRIPT_CONSONANTS`` consonants
(Belarusian Арктык for Russian Арктик; short names such as Iran's "rn" would take Iron, Musk's
"msk" mask). Across scripts the words must sound alike as a whole, but the last may go on (a case
ending: बेलारूसकडून, Ауғанстанда). A term whose words keep fewer than ``MIN_SOUNDS`` letters of
skeleton in all (US, UN) is refused: it would collide with too many words of other scripts.
Term and text are split into words alike (``SOUND_WORD``): "Al-Shabaab" is "Al" "Shabaab" in both.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from monitor.names import name_keys
from monitor.text import NO_SPACE_RANGES, WORD_MEMO_CHARS, fold, marks

MIN_SOUNDS = 3  # letters of skeleton a term's words must keep in all
OWN_SCRIPT_CONSONANTS = 4  # a word of the term's script may differ in vowels only when it keeps this many
_VOWELS = re.compile("[^bcdfghjklmnpqrstvwxz]")
# The combining marks inside words (vowel signs, viramas: आर्कटिक, ꦠꦭꦶꦧꦤ꧀), which Python's \w leaves out: the
# project's one table of them (the BMP's: a class reaching past it makes every search crawl, text.marks).
_MARKS = marks(0xFFFF).pattern[1:-1]
# A word of a spaced script, marks included, or a katakana run (Japanese writes foreign names in katakana,
# with "ー" for a long vowel): a Han character alone says nothing about a foreign name's sound.
# One character class per step (no overlapping alternatives): linear on hostile input.
SOUND_WORD = re.compile(f"[\u30a1-\u30fa\u30fc]+|(?:(?![{NO_SPACE_RANGES}])[\\w{_MARKS}])+")
_SEP = "/"  # between a word's script, fold, consonants, other skeletons and skeleton in its key: no word character
_OR = " "  # between a word's other readings' skeletons (``names.readings``: Greek Ταλιμπάν is "trmp" or "trbn")


def _script(word: str) -> str:
    """The script of a word's first letter (LATIN, CYRILLIC, DEVANAGARI, KATAKANA...), "" for digits alone."""
    for char in word:
        if char.isalpha():
            return unicodedata.name(char, "?").split(" ", 1)[0]
    return ""


def sound_key(word: str) -> str | None:
    """A word's key: its script, its fold and its sound skeleton; None for a word longer than a name
    (a hex blob, a token), before any cache keeps it alive."""
    return None if len(word) > WORD_MEMO_CHARS else _sound_key(word)


@lru_cache(maxsize=1 << 16)  # the news repeats its words; a word here is at most WORD_MEMO_CHARS long
def _sound_key(word: str) -> str:
    folded = fold(word)
    written, *others = name_keys(_vowel_seated(word)) or ("",)
    return _SEP.join((_script(word), folded, _consonants(folded), _OR.join(others), written))


# An abjad writes a word's opening vowel on an alef, which romanises to nothing once folded (آرکٹک → ارکٹک, "rktk";
# Arctic is "arktk"): read there, it is the vowel the other scripts write (round 38).
_ALEF_SEATS = "اآأإٱ"


def _vowel_seated(word: str) -> str:
    """``word`` with an opening alef read as the vowel it carries (for ``name_keys``)."""
    return "a" + word[1:] if word[:1] in _ALEF_SEATS and len(word) > 1 else word


def _consonants(folded: str) -> str:
    """A word's consonants as written (romanised, not folded by sound): "arktyk" and "arktik" are "rktk"."""
    from anyascii import anyascii  # what names.name_key romanises with; loaded with it, on first use

    return _VOWELS.sub("", anyascii(folded).lower())


def term_sounds(text: str) -> tuple[str, ...] | str:
    """A term's words as keys (split as the text's are), or a message saying why it cannot be matched by sound."""
    words = SOUND_WORD.findall(text)
    keys = [sound_key(word) for word in words]
    if not words or None in keys:
        return f"{text!r} has a word longer than a name or none at all"
    if sum(len(k.rsplit(_SEP, 1)[1]) for k in keys if k) < MIN_SOUNDS:
        return f"{text!r} keeps too little sound to compare (at least {MIN_SOUNDS} letters of skeleton)"
    return tuple(k for k in keys if k)


def _sounds_like(wanted: str, key: str | None, last: bool) -> bool:
    """Whether a text word's key matches a term word's: as written in the term's script, by sound across."""
    if key is None:
        return False
    script, folded, consonants, others, sound = wanted.split(_SEP)
    its_script, its_fold, its_consonants, its_others, its_sound = key.split(_SEP)
    if its_script == script:
        return its_fold == folded or (len(consonants) >= OWN_SCRIPT_CONSONANTS and its_consonants == consonants)
    # any reading of the one against any of the other: Τραμπ is Trump as written, Ταλιμπάν Taliban with μπ as b
    sounds, its_sounds = _skeletons(others, sound), _skeletons(its_others, its_sound)
    return any(its.startswith(s) if last else its == s for s in sounds for its in its_sounds)


def _skeletons(others: str, sound: str) -> list[str]:
    return [sound, *others.split(_OR)] if others else [sound]


def sound_runs(wanted: tuple[str, ...], keys: list[str | None]) -> list[int]:
    """Where a run of words whose keys are ``keys`` sounds like ``wanted``: the run's first index."""
    size = len(wanted)
    found = []
    for start in range(len(keys) - size + 1):
        run = keys[start : start + size]
        if all(_sounds_like(w, k, i == size - 1) for i, (w, k) in enumerate(zip(wanted, run, strict=True))):
            found.append(start)
    return found
