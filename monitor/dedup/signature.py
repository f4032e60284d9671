"""What the index keeps of an entry: shingle samples of the whole text, sentence hashes, event keywords. Pure.

A ``Signature`` is computed once per entry (in a parser process) and stored beside it in
SQLite, so the start-up rebuild reads signatures instead of re-reading every body.

The text (``clean``: wrapping removed) is cut into sentences and tokens (words; one
character for scripts written without spaces, ``monitor.text.NO_SPACE_RANGES``), US/UK
spellings folded, and shingled (3 words, or 5 characters). Each shingle gets a stable
32-bit hash (CRC-32 of each token, mixed; never Python's salted ``hash``). Kept:

- ``sample``: every shingle hash below ``SAMPLE_BELOW`` (half of them), at most
  ``SAMPLE_MAX`` (the smallest). Chosen by value, not position, so a copy and its original
  keep the *same* shingles of the text they share wherever it sits: the containment of one
  in the other is measured on the whole body, not on the opening;
- ``opening``: the other hashes of the first ``OPENING_SHINGLES`` shingles, so a short
  copy (a summary, a trimmed first paragraph) is measured on enough of its text;
- ``keys`` (blocking): the first ``LEAD_KEYS`` shingles, a sample of the rest of the opening,
  and the smallest ``SPREAD_KEYS`` of the whole sample. A copy is found through any one of them, and it looks up *all* its
  own shingles, so a copy whose opening was rewritten still finds its original through the
  sampled middle, and a copy with a paragraph added on top through the original's opening;
- ``facts``: the names and numbers as written (capitalised words inside a sentence, numbers,
  katakana runs), hashed, the ``FACTS`` smallest: two stories from one frame of words ("A
  train operated by X derailed near Y on Tuesday") share wording but not facts;
- ``sentences``: a hash per sentence (the first ``SENTENCES``), for reasons people can read
  ("87 % of this entry's sentences appear in entry 17, in order").
"""

from __future__ import annotations

import re
import struct
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from monitor.dedup.clean import clean, spelling
from monitor.dedup.events import event_time, keywords_written
from monitor.models import Entry
from monitor.text import fold, script_tokens, without_spaces

SHINGLE_WORDS = 3
SHINGLE_CHARS = 5  # a character of Japanese carries less than a word
SAMPLE_BELOW = 1 << 31
SAMPLE_MAX = 160
OPENING_SHINGLES = 24
LEAD_KEYS = 8  # the first shingles, all indexed: a summary or first-paragraph copy shares them
OPENING_KEYS = 6  # then the opening's shingles below KEY_BELOW
KEY_BELOW = 1 << 29
SPREAD_KEYS = 6
SENTENCES = 32
FACTS = 40
LEDE_CHARS = 160  # the readable opening kept with the signature
EVENT_DATING = timedelta(days=7)  # how late a report may date its event by a named day
_MAGIC = b"S2"  # signature blobs of this design; older ones (80-byte MinHash bands) are recomputed
_HEAD = struct.Struct("<2sBHBBBBBI")  # magic, flags, length, keys, sample, opening, sentences, facts, title hash
# Numbers, katakana runs (foreign names), Han names and places marked by their suffix (田中一郎氏,
# 福井市), and words (of which ``_facts`` keeps the capitalised ones).
_FACT = re.compile(
    r"\d[\d,.:]*\d|\d|[\u30a1-\u30fa\u30fc]{2,}|[\u4e00-\u9fff]{2,6}(?=[氏市県町村区])|[^\W\d_][\w'’-]*"
)
# Capitalised because they open a sentence or a clause, not because they name anything.
_NOT_FACTS = frozenset("the a an in on at as by for from he she it its they this that we but and or if of to with after".split())
_SENTENCE_SPLIT = re.compile("(?<=[.!?。！？])\\s+|(?<=[。！？])|\n")


@dataclass(frozen=True, slots=True)
class Signature:
    """An entry as the dedup index sees it. ``when`` is the event's POSIX time (see ``signature``).

    ``shingles`` and ``written`` exist only on a fresh signature (the entry being decided):
    all its shingle hashes, and its keywords as written. Stored signatures leave them empty.
    """

    keys: tuple[int, ...]
    sample: bytes  # sorted uint32 shingle hashes below the sample's threshold
    opening: bytes  # uint32 hashes of the opening's other shingles
    sentences: bytes  # uint32 hash per sentence, in order
    facts: bytes  # sorted uint32 hashes of names and numbers, the FACTS smallest
    length: int  # shingles in the text
    flags: int  # clean.DATELINE | BYLINE | TRUNCATED
    title: int  # hash of the folded title's words
    lede: str  # the opening, folded: for people, and for "too little text"
    keywords: tuple[str, ...]
    when: float
    outlet: str = ""
    shingles: frozenset[int] = frozenset()
    written: tuple[str, ...] = ()

    @property
    def threshold(self) -> int:
        """Every shingle hash of the text below this is in ``sample``."""
        if len(self.sample) < SAMPLE_MAX * 4:
            return SAMPLE_BELOW
        return int.from_bytes(self.sample[-4:], "little") + 1  # capped: just above the largest kept

    def pack(self) -> bytes:
        head = _HEAD.pack(
            _MAGIC,
            self.flags,
            min(self.length, 65535),
            len(self.keys),
            len(self.sample) // 4,
            len(self.opening) // 4,
            len(self.sentences) // 4,
            len(self.facts) // 4,
            self.title,
        )
        arrays = self.sample + self.opening + self.sentences + self.facts
        return head + struct.pack(f"<{len(self.keys)}I", *self.keys) + arrays

    @staticmethod
    def unpack(blob: bytes, lede: str, words: tuple[str, ...], when: float, outlet: str) -> Signature | None:
        """The stored signature, or None for one of an older design (then it is computed again)."""
        if len(blob) < _HEAD.size or not blob.startswith(_MAGIC):
            return None
        _, flags, length, nk, ns, no, nsent, nf, title = _HEAD.unpack_from(blob)
        if _HEAD.size + 4 * (nk + ns + no + nsent + nf) != len(blob):
            return None
        at = _HEAD.size + 4 * nk
        keys = struct.unpack_from(f"<{nk}I", blob, _HEAD.size)
        sample, at = blob[at : at + 4 * ns], at + 4 * ns
        opening, at = blob[at : at + 4 * no], at + 4 * no
        sentences, at = blob[at : at + 4 * nsent], at + 4 * nsent
        return Signature(keys, sample, opening, sentences, blob[at:], length, flags, title, lede, words, when, outlet)


def signature(entry: Entry, seen: datetime, window: timedelta = EVENT_DATING) -> Signature:
    """The signature of ``entry``; ``seen`` stands in for a missing publication date.

    ``when`` is the event's time (``events.event_time``): publication, or an earlier day
    named in the opening, at most ``window`` before it.
    """
    cleaned = clean(entry.body)
    text = cleaned.text or entry.title
    sentences = [s for s in _split_sentences(text) if s]
    token_lists = [[spelling(t) for t in script_tokens(fold(s))] for s in sentences]
    flat = [t for tokens in token_lists for t in tokens]
    hashes = shingle_hashes(flat)
    unique = dict.fromkeys(hashes.tolist())  # in text order
    sample = np.sort(np.unique(hashes[hashes < SAMPLE_BELOW]))[:SAMPLE_MAX]
    head = list(dict.fromkeys(hashes[:OPENING_SHINGLES].tolist()))
    bound = int(sample[-1]) + 1 if len(sample) == SAMPLE_MAX else SAMPLE_BELOW
    opening = [h for h in head if h >= bound]
    sampled_head = [h for h in head[LEAD_KEYS:] if h < KEY_BELOW][:OPENING_KEYS]
    keys = tuple(dict.fromkeys(head[:LEAD_KEYS] + sampled_head + sample[:SPREAD_KEYS].tolist()))
    if not keys and unique:  # a text too short to have a sampled shingle: its smallest
        keys = tuple(sorted(unique)[:2])
    published = entry.published or seen
    found = keywords_written(entry, published, cleaned.text)
    return Signature(
        keys=keys,
        sample=sample.astype("<u4").tobytes(),
        opening=np.array(opening, dtype="<u4").tobytes(),
        sentences=np.array([_hash(" ".join(t)) for t in token_lists[:SENTENCES] if t], dtype="<u4").tobytes(),
        facts=_facts(sentences),
        length=len(hashes),
        flags=cleaned.flags,
        title=_hash(" ".join(script_tokens(fold(entry.title)))),
        lede=" ".join(flat)[:LEDE_CHARS],
        keywords=tuple(found),
        when=event_time(entry, published, window),
        outlet=sys.intern(entry.outlet),
        shingles=frozenset(unique),
        written=tuple(found.values()),
    )


def signatures(entries: Iterable[Entry], seen: datetime, window: timedelta = EVENT_DATING) -> list[Signature]:
    """``signature`` of each entry, in order."""
    return [signature(entry, seen, window) for entry in entries]


def _facts(sentences: list[str]) -> bytes:
    """The ``FACTS`` smallest hashes of the names and numbers of ``sentences`` (see ``_FACT``).

    A capitalised word opening a sentence counts only when the text also writes it capitalised
    inside a sentence: "Власти", "Officials" or "According" open sentences without naming anything.
    """
    inner: set[str] = set()
    first: set[str] = set()
    for sentence in sentences:
        found = [f for f in _FACT.findall(sentence) if not f[0].islower()]
        if found and sentence.startswith(found[0]) and found[0][0].isalpha() and found[0][0].isupper():
            first.add(fold(found[0]))
            found = found[1:]
        inner.update(map(fold, found))
    names = (inner | (first & inner)) - _NOT_FACTS
    return np.array(sorted(map(_hash, names))[:FACTS], dtype="<u4").tobytes()


def _split_sentences(text: str) -> list[str]:
    return _SENTENCE_SPLIT.split(text)


_TOKEN_HASHES: dict[str, int] = {}


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    """A stable 32-bit hash per shingle of ``tokens`` (uint64 array holding 32-bit values).

    Shingles are ``SHINGLE_WORDS`` tokens, or ``SHINGLE_CHARS`` when most tokens are single
    characters of an unspaced script; a text shorter than one shingle is one shingle.
    """
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    memo = _TOKEN_HASHES
    if len(memo) > 1 << 17:
        memo.clear()
    values = [memo.get(t) for t in tokens]
    for i, (token, value) in enumerate(zip(tokens, values, strict=True)):
        if value is None:
            values[i] = memo[token] = zlib.crc32(token.encode())
    unspaced = sum(len(t) == 1 and without_spaces(t) for t in tokens[:64]) * 2 > min(len(tokens), 64)
    width = min(SHINGLE_CHARS if unspaced else SHINGLE_WORDS, len(tokens))
    hv = np.array(values, dtype=np.uint64)
    n = len(tokens) - width + 1
    mixed = np.zeros(n, dtype=np.uint64)
    for offset in range(width):
        mixed = (mixed ^ hv[offset : offset + n]) * np.uint64(0x9E3779B97F4A7C15)
    # MurmurHash3's 64-bit finaliser, then the high 32 bits: every input bit reaches every output bit.
    mixed ^= mixed >> np.uint64(33)
    mixed *= np.uint64(0xFF51AFD7ED558CCD)
    mixed ^= mixed >> np.uint64(33)
    return mixed >> np.uint64(32)

