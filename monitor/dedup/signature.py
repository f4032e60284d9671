"""What the index keeps of an entry: LSH band keys, the verified lede, event keywords. Pure.

A ``Signature`` is computed once per entry and stored beside it in SQLite, so the
start-up rebuild reads signatures instead of re-normalising every body.

MinHash (datasketch's affine32 scheme, 30 permutations, fixed seed) over the 3-token shingles of the
opening; LSH splits it into 10 bands of 3 rows. Two openings with Jaccard
similarity s share at least one band with probability 1-(1-s^3)^10: 0.997 at
s=0.75 (a typo or a changed word in the opening), 0.73 at s=0.5, 0.01 at s=0.1.
Each band becomes a stable 63-bit key (blake2b, never Python's salted ``hash``),
so stored signatures stay valid across processes.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import numpy as np

from monitor.dedup.events import event_time, keywords
from monitor.dedup.normalise import lede_of, opening_shingles, story_lines
from monitor.models import Entry

BANDS = 10
ROWS = 3
NUM_PERM = BANDS * ROWS
SEED = 20250703
SCHEME = "affine32"
_FORMAT = f"<{BANDS}q"
EVENT_DATING = timedelta(days=7)  # how late a report may date its event by a named day


@dataclass(frozen=True, slots=True)
class Signature:
    """An entry as the dedup index sees it. ``when`` is the event's POSIX time (see ``signature``)."""

    bands: tuple[int, ...]
    lede: str
    keywords: tuple[str, ...]
    when: float

    def pack_bands(self) -> bytes:
        # An entry with no text has no bands (see band_keys): stored as an empty blob.
        return struct.pack(_FORMAT, *self.bands) if self.bands else b""

    @staticmethod
    def unpack_bands(blob: bytes) -> tuple[int, ...]:
        return struct.unpack(_FORMAT, blob) if blob else ()


def signature(entry: Entry, seen: datetime, window: timedelta = EVENT_DATING) -> Signature:
    """The signature of ``entry``; ``seen`` stands in for a missing publication date.

    ``when`` is the event's time (``events.event_time``): publication, or an earlier day
    named in the opening, at most ``window`` before it.
    """
    return signatures((entry,), seen, window)[0]


def signatures(entries: Iterable[Entry], seen: datetime, window: timedelta = EVENT_DATING) -> list[Signature]:
    """``signature`` of each entry, in order; their MinHashes are computed together (numpy's
    cost is mostly per call, so one pass over a feed's entries costs little more than one)."""
    parts = []
    for entry in entries:
        lines = story_lines(entry.body)
        text = lede_of(lines, entry.title)
        published = entry.published or seen
        parts.append((text, keywords(entry, published, lines), event_time(entry, published, window)))
    bands = band_keys_of([opening_shingles(text) for text, _, _ in parts])
    return [Signature(keys, text, words, when) for keys, (text, words, when) in zip(bands, parts, strict=True)]


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for SEED: odd multipliers, then offsets."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def minhash(shingles: list[bytes]) -> np.ndarray:
    """datasketch's ``MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")`` hash values.

    Computed here with numpy rather than by datasketch: importing datasketch imports its
    LSH classes and through them scipy, 58 MB of memory and 1.2 s of start-up in every
    process, for nothing monitor uses. tests/test_dedup.py checks both give the same values.
    """
    return _minhashes(shingles, [0])[0]


def _minhashes(shingles: list[bytes], starts: list[int]) -> np.ndarray:
    """``minhash`` of each run of ``shingles`` that begins at one of ``starts`` (increasing, each run non-empty)."""
    sha1 = hashlib.sha1
    # datasketch's hash of a shingle: the first 4 bytes of its SHA-1, little-endian.
    hv = np.frombuffer(b"".join([sha1(s).digest()[:4] for s in shingles]), dtype="<u4").astype(np.uint32)
    # MurmurHash3's 32-bit finaliser (datasketch's pre-mix); uint32 arithmetic wraps like C.
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    a, b = _permutations()
    return np.minimum.reduceat(hv.reshape(-1, 1) * a + b, starts, axis=0)


def band_keys(shingles: list[bytes]) -> tuple[int, ...]:
    """One key per LSH band; empty when there is nothing to hash."""
    return band_keys_of([shingles])[0]


def band_keys_of(shingle_lists: list[list[bytes]]) -> list[tuple[int, ...]]:
    """``band_keys`` of each list of shingles, their MinHashes computed in one pass."""
    keys: list[tuple[int, ...]] = [() for _ in shingle_lists]
    hashed = [i for i, shingles in enumerate(shingle_lists) if shingles]
    if not hashed:
        return keys
    starts = np.cumsum([0] + [len(shingle_lists[i]) for i in hashed[:-1]]).tolist()
    flat = [s for i in hashed for s in shingle_lists[i]]
    values = _minhashes(flat, starts).astype("<u8").tobytes()
    width = ROWS * 8  # bytes of one band: ROWS uint64 values
    blake2b = hashlib.blake2b
    for row, i in enumerate(hashed):
        at = row * NUM_PERM * 8
        keys[i] = tuple(
            int.from_bytes(blake2b(values[start : start + width], digest_size=8, person=person).digest(), "little") >> 1
            for start, person in zip(range(at, at + BANDS * width, width), _PERSONS, strict=True)
        )
    return keys


_PERSONS = [bytes([i]) for i in range(BANDS)]  # blake2b's personalisation: band i hashes differently
