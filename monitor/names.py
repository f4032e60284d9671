"""Script-neutral keys for names: Лавров, Lavrov and ラブロフ get one key. Pure.

Event clustering compares names across languages, so a name is reduced to how it
sounds rather than how it is spelt:

1. **Transliterate** to ASCII with ``anyascii`` (Жирнов → Zhirnov, ジルノフ → jirunofu).
2. **Fold sounds that romanisations write differently**: digraphs to one letter
   (zh/j, kh/k, gh/g, sh/s, ph/f, th/t), q/c/ck to k, every labial (b, v, w, f) to b
   (Russian final -в sounds f; katakana writes v as b), l to r (Japanese has one
   liquid), doubled letters to one.
3. **Keep the skeleton**: a leading vowel, then the first ``CONSONANTS`` consonants.
   Vowels are dropped because katakana adds them (タリバン tariban, カブール kaburu)
   and Russian inflects with them (Кабуле, Москвы); the cut drops longer endings
   (Жирновым).

So Taliban / Талибан / タリバン → ``trbn``, Zhirnov / Жирнов / ジルノフ → ``jrnb``,
Muttaqi / Муттаки / ムッタキ → ``mtk``. The fold is coarse on purpose and is used only
for names (capitalised words, katakana runs), where IDF weighting makes the rare
collision of two different names cheap. Rules match a ``sounds: true`` term by the same keys
(``monitor.rules.sounds``, through ``name_keys``): one definition for both, outside either package.

A name may have more than one reading (``name_keys``): Greek writes a foreign b, d, g as μπ, ντ, γκ
(Μπάιντεν, Ταλιμπάν) but also a name's own m-p, n-t, n-g (Τραμπ, Ατλάντα). ``name_key`` is the
first reading, the letters as written, which clustering compares; rules accept any reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

CONSONANTS = 4
MIN_KEY = 2  # "Un", "US": too short to say anything across scripts
_POSSESSIVE = re.compile(r"['’]s$")
_DIGRAPHS = (("zh", "j"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"))
_SOUNDS = str.maketrans({"q": "k", "c": "k", "v": "b", "w": "b", "f": "b", "l": "r", "z": "j"})
_VOWELS = frozenset("aeiouy")
_NASAL = re.compile("m(?=[^aeiouybpmfvw])")
# Greek's b, d, g: at a word's start μπ, ντ, γκ can only be the one letter (Greek has no other way to write it there:
# Μπάιντεν, Ντόνετσκ, Γκαζπρόμ); inside a word they are that letter (Ταλιμπάν) or both as written (Τραμπ, Ολυμπία).
# β, δ, γ romanise as v, d, g and the skeleton hears v as b.
_GREEK_STOP = re.compile("μπ|ντ|γκ", re.IGNORECASE)
_GREEK_INITIAL_STOP = re.compile(r"\b(?:μπ|ντ|γκ)", re.IGNORECASE)
_GREEK_STOPS = {"μπ": "β", "ντ": "δ", "γκ": "γ"}


def _greek_stop(pair: re.Match[str]) -> str:
    return _GREEK_STOPS[pair[0].lower()]


def readings(name: str) -> tuple[str, ...]:
    """The ways a name may be read: as written first (a word-initial Greek μπ/ντ/γκ as its one letter), then with
    every Greek μπ/ντ/γκ as its one letter when the word has one inside; one reading for most names."""
    written = _GREEK_INITIAL_STOP.sub(_greek_stop, name)
    stops = _GREEK_STOP.sub(_greek_stop, written)
    return (written,) if stops == written else (written, stops)


def name_keys(name: str) -> tuple[str, ...]:
    """The skeletons of a name's ``readings``, distinct, the written reading's first; empty when none says enough."""
    return tuple(dict.fromkeys(key for key in map(_skeleton, readings(name)) if key is not None))


@lru_cache(maxsize=1 << 16)  # the news repeats its names: most lookups are hits
def name_key(name: str) -> str | None:
    """The phonetic skeleton of one name as written (its first reading), or None when too little is left to compare."""
    return _skeleton(readings(name)[0])


def _skeleton(name: str) -> str | None:
    ascii_name = re.sub(r"[^a-z]", "", anyascii(_POSSESSIVE.sub("", name)).lower())
    for digraph, sound in _DIGRAPHS:
        ascii_name = ascii_name.replace(digraph, sound)
    # A nasal before a consonant is written m or n by one romanisation or another (Bengali
    # চাঁদপুর is "caamdpur", Chandpur): one sound, n, except before a lip sound.
    ascii_name = _NASAL.sub("n", ascii_name)
    folded = ascii_name.translate(_SOUNDS).replace("h", "")
    if not folded:
        return None
    key = folded[0] if folded[0] in _VOWELS else ""
    for letter in folded:
        if letter not in _VOWELS and (not key or key[-1] != letter):
            key += letter
    key = key[: CONSONANTS + (key[:1] in _VOWELS)]
    return key if len(key) >= MIN_KEY else None
