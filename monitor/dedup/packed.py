"""The index's entries packed one bytes object each, unpacked into a ``compare.Stored`` when read. Pure.

A ``Stored`` per entry cost ~1.2 KB of a daemon's memory (session 8's measure, 10,000 entries): the
object, its blocking keys as a tuple of Python ints (~680 B: ~18 int objects and the tuple), four
bytes objects and a float and ints of its own. The index reads at most ``MAX_VERIFIED`` entries
per decision, so it keeps each as one record (a fixed head, then the uint32 arrays as stored) and
builds the ``Stored`` of the few it reads. The blocking keys of an entry loaded at start-up are in
``bulk.Postings``, not in its record: only the entries added since keep theirs (to leave the
index's dict of keys when removed).

The start-up rebuild makes a record straight from the signature as stored (``StoredSignature``,
``stored_record``): the record is the stored blob's arrays behind the index's own head, so no
``Signature``, keys tuple or ``pack`` is made per entry on that path.
"""

from __future__ import annotations

import hashlib
import struct
import sys
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from monitor.dedup.compare import Stored
from monitor.dedup.signature import _HEAD as _SIGNED
from monitor.dedup.signature import _MAGIC, Signature

# story, first seen, title hash, shingles, flags, outlet (its code), then how many uint32 each of
# keys, sample, opening, sentences and facts hold; then the skeleton's two (``compare.Stored``); a byte per fact
# (``Signature.fact_lines``) ends the record.
_HEAD = struct.Struct("<qdIIIIHHHHHBB")
_SEEN = struct.Struct("<d")
_SEEN_AT = 8


class Outlets:
    """Outlet names by a small code: a record holds the code, not a reference to the string."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._codes: dict[str, int] = {}

    def code(self, name: str) -> int:
        found = self._codes.get(name)
        if found is None:
            found = self._codes[name] = len(self.names)
            self.names.append(name)
        return found


class StoredSignature(NamedTuple):
    """A signature as the store keeps it (``Signature.pack``'s blob, its keywords joined by spaces, the event's
    POSIX time, the outlet, the keywords' hashes: ``keyword_hashes``, None for a row stored before them):
    what the start-up rebuild loads, each entry's ``Signature`` never made. ``words``: the keywords read
    (``KeywordReader``), when the rebuild read them in bulk; None: ``load`` splits ``keywords`` itself."""

    blob: bytes
    keywords: str
    when: float
    outlet: str
    hashes: bytes | None = None
    words: tuple[str, ...] | None = None
    head: tuple[int, ...] | None = None  # ``signed_head(blob)``, when the rebuild read it (None: not read)
    link: int = 0  # the hash of the entry's link (``Signature.link``: a teaser pointing at it joins its story)


class Words(dict[str, str]):
    """Each word read once, as one interned string: a rebuild's keywords (~3M in a 100k window, ~27k
    distinct), looked up here in a dict of the window's words rather than in the interpreter's table of every
    interned string (~0.2 s less for 100k entries; a word new here is interned there too, as ``events.add`` does)."""

    def __missing__(self, word: str) -> str:
        found = self[word] = sys.intern(word)
        return found


_HASH_BITS = 20  # ``KeywordReader``'s table: 2^20 slots for a window's ~30k distinct keywords (12 MB while reading)


# Each keyword's hash, computed once: an entry stores ~30 keywords and most recur (a 100k window: ~3M
# keywords, ~27k distinct); a BLAKE2b per word made this 15 us an entry (newsroom; 5.7 remembered).
# Bounded (cleared when full: ~4 MB at most), the words interned as the index does.
_WORD_HASHES: dict[str, bytes] = {}
_WORD_HASHES_HELD = 1 << 15


def _word_hash(word: str) -> bytes:
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    if len(_WORD_HASHES) >= _WORD_HASHES_HELD:
        _WORD_HASHES.clear()
    _WORD_HASHES[sys.intern(word)] = digest
    return digest


def keyword_hashes(keywords: str) -> bytes:
    """What the store keeps beside an entry's keywords (joined by spaces) for the start-up to read them in
    bulk: a stable 64-bit hash (BLAKE2b) of each word ``keywords.split()`` gives, in that order. A write of
    the keywords alone (by code before these) clears them (migration m019's trigger)."""
    held = _WORD_HASHES
    return b"".join([held.get(word) or _word_hash(word) for word in keywords.split()])


class KeywordReader:
    """Stored keyword texts -> tuples of interned words, a batch at a time, most words never split out.

    Splitting each entry's keywords and looking every word up in a dict cost ~0.35 CPU-s of a 100k window's
    start-up (3M words, ~27k distinct). With the hashes stored beside them (``keyword_hashes``), a batch's
    hashes are one numpy array and each finds its word's code in a table by its low bits, the words taken
    by their codes in one step; only a word the table does not hold (new, or its slot another's) is split
    out of its row's text. A row without hashes (stored before them) is split as before. The words are those
    ``str.split`` gives, interned: the same tuples whichever way a row is read (64-bit hashes: two words of a
    window sharing one is a 1-in-10^10 chance, and would read one as the other)."""

    def __init__(self, bits: int = _HASH_BITS) -> None:
        self.words = Words()
        self._mask = (1 << bits) - 1
        self._slots = np.full(1 << bits, -1, dtype=np.int32)  # a hash's low bits (or next 32 up) -> its code
        self._others: dict[int, int] = {}  # hash -> code of the words whose two slots others hold
        self._vocabulary: list[str] = []
        self._hashes = np.zeros(64, dtype=np.uint64)  # each code's hash (room to grow)
        self._held = np.empty(64, dtype=object)  # ``_vocabulary`` as an array, room to grow (taken by codes)

    def read(self, texts: Sequence[str], hashes: Sequence[bytes | None]) -> list[tuple[str, ...]]:
        """The words of each of ``texts`` (keywords joined by spaces) by its ``hashes``, or split where it has
        none: what ``tuple(map(sys.intern, text.split()))`` gives, each."""
        hashed = [held for held in hashes if held is not None]
        if len(hashed) < len(hashes):  # rows stored before the hashes split, the others read together
            pairs = list(zip(texts, hashes, strict=True))
            read = iter(self.read([text for text, held in pairs if held is not None], hashed))
            return [self._split(text) if held is None else next(read) for text, held in pairs]
        counts = np.fromiter(map(len, hashed), dtype=np.int64, count=len(hashed)) // 8
        flat = self._words(list(texts), np.frombuffer(b"".join(hashed), dtype="<u8"), counts)
        ends = np.cumsum(counts).tolist()
        return [tuple(flat[start:end]) for start, end in zip([0, *ends], ends, strict=False)]

    def _split(self, text: str) -> tuple[str, ...]:
        return tuple(map(self.words.__getitem__, text.split())) if text else ()

    def _words(self, texts: list[str], flat: np.ndarray, counts: np.ndarray) -> list[str]:
        """The words of the hashes ``flat`` of ``texts`` (``counts`` each), in turn."""
        codes = self._slots[(flat & np.uint64(self._mask)).astype(np.intp)]
        missed = np.flatnonzero((codes < 0) | (self._hashes[codes] != flat))
        if missed.size:
            again = self._slots[((flat[missed] >> np.uint64(32)) & np.uint64(self._mask)).astype(np.intp)]
            codes[missed] = again
            missed = missed[(again < 0) | (self._hashes[again] != flat[missed])]
        if missed.size:
            codes[missed] = self._coded(flat, missed, counts, texts)
        return self._held[codes].tolist()

    def _coded(self, flat: np.ndarray, missed: np.ndarray, counts: np.ndarray, texts: list[str]) -> np.ndarray:
        """The codes of the words at ``missed`` in ``flat``, each distinct hash looked up once: one not seen
        before is split out of its row's text (``counts``: each row's words) and given the next code."""
        distinct, first, back = np.unique(flat[missed], return_index=True, return_inverse=True)
        ends = np.cumsum(counts)
        places = missed[first]
        rows = np.searchsorted(ends, places, side="right")
        offsets = places - ends[rows] + counts[rows]
        split: dict[int, list[str]] = {}  # the rows split so far (a batch's new words share rows)
        found: list[int] = []
        new: list[int] = []
        for value, row, at in zip(distinct.tolist(), rows.tolist(), offsets.tolist(), strict=True):
            code = self._others.get(value)
            if code is None:
                words = split.get(row)
                if words is None:
                    words = split[row] = texts[row].split()
                code = len(self._vocabulary)
                self._vocabulary.append(self.words[words[at]])
                new.append(value)
            found.append(code)
        if new:
            self._place(np.asarray(new, dtype=np.uint64))
        return np.asarray(found, dtype=np.int32)[back]

    def _place(self, new: np.ndarray) -> None:
        """Hold the hashes ``new`` of the newest words (the last codes): each in its first free slot of
        two, else beside the table."""
        size, start = len(self._vocabulary), len(self._vocabulary) - new.size
        if self._hashes.size < size:
            grown = 2 * size
            self._hashes = np.concatenate((self._hashes[:start], np.zeros(grown - start, dtype=np.uint64)))
            self._held = np.concatenate((self._held[:start], np.empty(grown - start, dtype=object)))
        self._hashes[start:size], self._held[start:size] = new, self._vocabulary[start:]
        codes = np.arange(start, size, dtype=np.int32)
        for shift in (0, 32):
            slots = ((new >> np.uint64(shift)) & np.uint64(self._mask)).astype(np.intp)
            free, first = np.unique(slots, return_index=True)
            first = first[self._slots[free] < 0]  # of the new words wanting a free slot, the first takes it
            self._slots[slots[first]] = codes[first]
            left = np.ones(new.size, dtype=bool)
            left[first] = False
            new, codes = new[left], codes[left]
        self._others.update(zip(new.tolist(), codes.tolist(), strict=True))


def signed_head(blob: bytes) -> tuple[int, ...] | None:
    """The head of a stored signature (``signature._HEAD``), None for a blob of an earlier design: the check
    ``Signature.unpack`` makes (the magic, and the arrays' lengths adding up to the blob's)."""
    if len(blob) < _SIGNED.size or not blob.startswith(_MAGIC):
        return None
    head: tuple[int, ...] = _SIGNED.unpack_from(blob)[1:]
    _, _, nk, ns, no, nsent, nf, _, _, nsk, nskf = head
    return head if _SIGNED.size + 4 * (nk + ns + no + nsent + nf + nsk + nskf) + nf == len(blob) else None


def stored_record(
    story_id: int, seen: float, blob: bytes, outlet: int, head: tuple[int, ...] | None = None
) -> tuple[bytes, memoryview, int, int, bytes] | None:
    """The record ``pack(..., keys=False)`` makes of the signature stored as ``blob``, with its blocking keys
    (uint32 bytes), headline hash, count of headline names and first sentence's hash (its 4 bytes, none when
    it has no sentence: ``headline.first_sentence`` reads them), read from the blob; None for a blob of an
    earlier design. ``outlet`` is the outlet's code; ``head``: ``signed_head(blob)``, when read already
    (the first sentence is read here too, so a start-up reads each head once)."""
    if head is None:
        head = signed_head(blob)
    if head is None:
        return None
    flags, length, nk, ns, no, nsent, nf, title, heads, nsk, nskf = head
    at = _SIGNED.size + 4 * nk  # the arrays, in the order the record holds them
    view = memoryview(blob)
    record = _HEAD.pack(story_id, seen, title, length, flags, outlet, 0, ns, no, nsent, nf, nsk, nskf) + view[at:]
    lede = at + 4 * (ns + no)  # the sentences follow the sample and the opening
    return record, view[_SIGNED.size : at], title, heads, blob[lede : lede + 4 * min(nsent, 1)]


def pack(story_id: int, seen: float, sig: Signature, outlets: Outlets, *, keys: bool) -> bytes:
    """The record of an entry of ``story_id`` first seen at ``seen`` (POSIX time); its blocking keys with ``keys``."""
    key_bytes = struct.pack(f"<{len(sig.keys)}I", *sig.keys) if keys else b""
    head = _HEAD.pack(
        story_id,
        seen,
        sig.title,
        sig.length,
        sig.flags,
        outlets.code(sig.outlet),
        len(key_bytes) // 4,
        len(sig.sample) // 4,
        len(sig.opening) // 4,
        len(sig.sentences) // 4,
        len(sig.facts) // 4,
        len(sig.skeleton) // 4,
        len(sig.skeleton_facts) // 4,
    )
    arrays = (sig.sample, sig.opening, sig.sentences, sig.facts, sig.skeleton, sig.skeleton_facts, sig.fact_lines)
    return b"".join((head, key_bytes, *arrays))


def unpack(record: bytes, outlets: Outlets, *, keys: bool = True) -> Stored:
    """The ``Stored`` a record was packed from (``keys`` empty when they were left out, or not asked for:
    a decision reads none of a candidate's blocking keys, and an entry added since start-up holds ~300)."""
    story_id, seen, title, length, flags, outlet, nk, ns, no, nsent, nf, nsk, nskf = _HEAD.unpack_from(record)
    at = _HEAD.size + 4 * nk
    held = struct.unpack_from(f"<{nk}I", record, _HEAD.size) if nk and keys else ()
    sample, at = record[at : at + 4 * ns], at + 4 * ns
    opening, at = record[at : at + 4 * no], at + 4 * no
    sentences, at = record[at : at + 4 * nsent], at + 4 * nsent
    facts, at = record[at : at + 4 * nf], at + 4 * nf
    skeleton, at = record[at : at + 4 * nsk], at + 4 * nsk
    skeleton_facts, at = record[at : at + 4 * nskf], at + 4 * nskf
    name = outlets.names[outlet]
    return Stored(
        story_id, seen, held, sample, opening, sentences, facts, length, flags, title, name, skeleton, skeleton_facts,
        record[at:],
    )  # fmt: skip


def seen(record: bytes) -> float:
    """When the record's entry was first seen (POSIX time), without unpacking the rest."""
    return float(_SEEN.unpack_from(record, _SEEN_AT)[0])


def title(record: bytes) -> int:
    """The record's headline hash, without unpacking the rest."""
    return int(_HEAD.unpack_from(record)[2])


def keys(record: bytes) -> tuple[int, ...]:
    """The blocking keys the record holds (none for an entry loaded at start-up)."""
    nk = _HEAD.unpack_from(record)[6]
    return struct.unpack_from(f"<{nk}I", record, _HEAD.size) if nk else ()


def skeleton(record: bytes) -> tuple[int, bytes]:
    """The record's length in shingles and its skeleton hashes (``compare.Stored.length``, ``skeleton``),
    without unpacking the rest."""
    head = _HEAD.unpack_from(record)
    at = _HEAD.size + 4 * sum(head[6:11])  # after the keys, sample, opening, sentences and facts
    return head[3], record[at : at + 4 * head[11]]


def without_keys(record: bytes) -> bytes:
    """The record without its blocking keys (they went to the keys' table)."""
    head = list(_HEAD.unpack_from(record))
    nk, head[6] = head[6], 0
    return _HEAD.pack(*head) + record[_HEAD.size + 4 * nk :]
