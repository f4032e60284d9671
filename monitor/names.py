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
collision of two different names cheap. Rules match a ``sounds: true`` term by the same key
(``monitor.rules.sounds``): one definition for both, outside either package.
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


@lru_cache(maxsize=1 << 16)  # the news repeats its names: most lookups are hits
def name_key(name: str) -> str | None:
    """The phonetic skeleton of one name, or None when too little is left to compare."""
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
