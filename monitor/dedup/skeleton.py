"""A text's skeleton: each word as its consonants sound (``names.name_key``), for a second look at a copy
whose letters some systematic process changed. Pure.

Each round of held-out sets found copies split by a transformation nobody had listed: a keyboard
without the language's letters (Sakha ө ү һ ҥ as о у х н), a transliteration, letters of one script
typed as another's. Each changed most words a little, and a word changed a little is another word to a
shingle: containment fell below the threshold while most of the text survived, in order. The skeleton
reads every word as ``names.name_key`` reads a name (``anyascii``, digraphs folded, vowels dropped, the
first consonants), so the copy and its original share their skeleton's shingles again, whatever the
process did to vowels, diacritics, the alphabet or a letter written as a digraph.

The skeleton is coarse: two reports of one event look closer in it than in words. It is consulted only
where the words say "not enough" (``compare.resembles``), and asks more there: most of the shorter text
in the longer, the longer mostly the shorter, and the names and numbers agreeing in skeleton too.
"""

from __future__ import annotations

import re
import struct
import zlib

import numpy as np
from anyascii import anyascii

from monitor.dedup.shingles import mixed_runs, remembered, uint64s
from monitor.names import name_key

SKELETON_WORDS = 3
SKELETON_MAX = 48  # the smallest skeleton shingle hashes kept (192 bytes): every one of a shorter text
_WORD_HASHES: dict[str, int] = {}  # word -> its skeleton's hash
_FINAL = np.uint64(0xC4CEB9FE1A85EC53)  # the shingles' mix, another finaliser: a skeleton hash is no word shingle's
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile("[^a-z]")
_VOWELS_AND_BREATH = str.maketrans("", "", "aeiouyh")
_GLIDES = str.maketrans("x", "h", "w")


def word_key(word: str) -> str:
    """The skeleton of one word: its digits for a number, else its ``name_key`` (its consonants, when fewer
    than a name's key needs). Before it, in ASCII, what alphabets, keyboards and romanisations write either way
    is one: a nasal "ng" is "n" (Sakha ҥ / н), "ts" is "c" (ц, Armenian ծ), a breath "kh", "x" or "h" and a
    glide "w" are none (Sakha һ / х, Armenian խ as kh or x, ու as ow or u)."""
    if word[:1].isdigit():
        return "".join(filter(str.isdigit, word))
    latin = _LETTERS.sub("", (word if word.isascii() else anyascii(word)).lower())
    latin = latin.replace("ng", "n").replace("kh", "h").replace("ts", "c").translate(_GLIDES)
    return name_key(latin) or latin.translate(_VOWELS_AND_BREATH)


def _key_hash(key: str) -> int:
    return zlib.crc32(key.encode())


def _word_hashes(words: list[str]) -> list[int]:
    """The hash of each word's skeleton (0: none), remembered per word."""
    return remembered(words, _WORD_HASHES, _word_hash)


def _word_hash(word: str) -> int:
    return _key_hash(key) if (key := word_key(word)) else 0


def skeleton_hashes(tokens: list[str]) -> np.ndarray:
    """A stable 32-bit hash per shingle of ``SKELETON_WORDS`` skeleton words (words without one left out)."""
    hv = uint64s(_word_hashes(tokens))
    hv = hv[hv != 0]
    if not len(hv):
        return hv
    return mixed_runs(hv, min(SKELETON_WORDS, len(hv)), _FINAL)


def skeleton_sample(hashes: np.ndarray) -> bytes:
    """The ``SKELETON_MAX`` smallest distinct ``hashes``, sorted, as uint32 bytes."""
    ordered = np.sort(hashes)  # not ``np.unique``: it imports ``numpy.ma`` into every signing process
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return ordered[first][:SKELETON_MAX].astype("<u4").tobytes()


def skeleton_facts(text: str, spans: list[tuple[int, int]], limit: int) -> bytes:
    """The ``limit`` smallest hashes of the skeletons of ``text``'s names and numbers (``spans``: offsets)."""
    words = [
        found[0] for at, _ in spans if (found := (_NUMBER if text[at].isdigit() else _WORD).match(text, at)) is not None
    ]
    smallest = sorted(set(_word_hashes(words)) - {0})[:limit]
    return struct.pack(f"<{len(smallest)}I", *smallest)  # not a NumPy array: ~6 µs an entry less
