"""The blocking keys of the stored window as one sorted numpy table: the start-up rebuild in bulk. Pure.

Adding each stored entry to a dict of blocking keys cost most of the start-up rebuild: a
100k window holds 1.7M keys, and a dict of them took over a second to build (an int object
per key and per entry, and the resizing), 6 s in all with the event keywords. Here the keys
of the whole window are grouped by one stable numpy sort into a table of 8 bytes a key:
``Postings.holders`` answers what the dict answered, for every key of an entry at once
(``searchsorted``). Entries added after start-up go to the index's dict as before; entries
removed or replaced since are left out when read, and dropped from the table when pruned.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence

import numpy as np

FILTER_BITS = 8  # bits of ``Postings``' filter per key (a ninth of a window's keys held by none pass it)


class Postings:
    """Key -> entries holding it (at most ``limit``, in the order they were added), read-only."""

    def __init__(self, ids: Sequence[int], keys: Sequence[tuple[int, ...]], limit: int):
        lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
        flat = np.fromiter(itertools.chain.from_iterable(keys), dtype=np.uint32, count=int(lengths.sum()))
        self._group(np.asarray(ids, dtype=np.int64), lengths, flat, limit)

    @classmethod
    def of_arrays(cls, ids: array[int], lengths: array[int], keys: array[int], limit: int) -> Postings:
        """The table of entries ``ids`` (int64), each holding its ``lengths`` keys of ``keys`` (uint32), in turn:
        what a rebuild collects as it reads the window, with no Python int or tuple per key."""
        table = cls.__new__(cls)
        flat = np.frombuffer(keys, dtype=np.uint32) if len(keys) else np.zeros(0, dtype=np.uint32)
        table._group(np.frombuffer(ids, dtype=np.int64), np.frombuffer(lengths, dtype=np.uint32), flat, limit)
        return table

    def _group(self, ids: np.ndarray, lengths: np.ndarray, flat: np.ndarray, limit: int) -> None:
        # Entry ids in 4 bytes while they fit (SQLite's row ids of a deployment's first 4 billion entries).
        narrow = not ids.size or (int(ids.min()) >= 0 and int(ids.max()) < 1 << 32)
        owners = np.repeat(ids.astype(np.uint32) if narrow else ids, lengths)
        order = _stable_order(flat)  # each key's entries stay in the order added
        self._build(flat[order], owners[order], limit)

    def _build(
        self, flat: np.ndarray, owners: np.ndarray, limit: int, bits: tuple[np.ndarray, int] | None = None
    ) -> None:
        self.limit = limit
        first = np.concatenate(([True], flat[1:] != flat[:-1])) if flat.size else np.zeros(0, dtype=bool)
        rank = np.arange(flat.size) - np.maximum.accumulate(np.where(first, np.arange(flat.size), 0))
        kept = rank < limit  # as the dict did: a key's first ``limit`` entries, no more
        flat, owners, first = flat[kept], owners[kept], first[kept]
        self.keys = flat[first]
        self.starts = np.append(np.flatnonzero(first), flat.size).astype(np.uint32 if flat.size < 1 << 32 else np.int64)
        self.owners = owners
        self._filter, self._mask = _filter(self.keys) if bits is None else bits

    def __len__(self) -> int:
        return int(self.keys.size)

    def holders(self, keys: Collection[int]) -> dict[int, list[int]]:
        """Each of ``keys`` in the table, with the entries holding it."""
        if not self.keys.size or not keys:
            return {}
        query = np.fromiter(keys, dtype=np.uint32, count=len(keys))
        # Most of an entry's keys are in no other entry: one bit each says so (``_filter``), before the
        # binary search, whose ~20 reads per key in a window's megabytes of keys missed the cache.
        low = query & self._mask
        query = query[(self._filter[low >> 3] >> (low & 7)) & 1 == 1]
        at = np.searchsorted(self.keys, query)
        np.minimum(at, self.keys.size - 1, out=at)  # past the last key: compared with the last, unequal
        hit = self.keys[at] == query
        where = at[hit]
        if not where.size:
            return {}
        found = query[hit].tolist()
        starts, ends = self.starts[where].tolist(), self.starts[where + 1].tolist()
        owners = self.owners
        return {key: owners[s:e].tolist() for key, s, e in zip(found, starts, ends, strict=True)}

    def without(self, gone: Collection[int]) -> Postings:
        """The table without the entries ``gone`` (pruned, removed or replaced since it was built)."""
        return self.merged(gone, np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=self.owners.dtype))

    def merged(self, gone: Collection[int], keys: np.ndarray, owners: np.ndarray) -> Postings:
        """The table without the entries ``gone``, then with each of ``keys`` held by the entry beside it
        in ``owners`` (after those it holds, in their order), each key's first ``limit`` kept."""
        keep = ~np.isin(self.owners, np.fromiter(gone, dtype=np.int64, count=len(gone)))
        flat = np.concatenate((np.repeat(self.keys, np.diff(self.starts))[keep], keys))
        held = np.concatenate((self.owners[keep], owners))
        if keys.size:  # the table's own keys are sorted: only new ones need a sort
            order = _stable_order(flat)  # the table's entries of a key stay before those added
            flat, held = flat[order], held[order]
        table = Postings.__new__(Postings)
        # With no key added, this table's filter still passes every key left (a bit a key gone set only lets a
        # lookup through to the search): kept at a pruning, not built again (~20 ms for a 100k window).
        table._build(flat, held, self.limit, None if keys.size else (self._filter, self._mask))
        return table


def _filter(keys: np.ndarray) -> tuple[np.ndarray, int]:
    """A bit for each value of the keys' low bits, set when a key has it: ``FILTER_BITS`` bits or more per key
    (a power of two), so most keys no entry holds find their bit clear (the keys are hashes: their low bits
    are spread evenly). Packed, with the mask of those low bits: a Python int, as the kept index's unpickler
    builds no numpy scalar (``pipeline.kept``), and a uint32 array masked by it stays uint32."""
    size = max(64, 1 << (int(keys.size) * FILTER_BITS - 1).bit_length())
    mask = size - 1
    flags = np.zeros(size, dtype=bool)
    flags[keys & mask] = True
    return np.packbits(flags, bitorder="little"), mask


def _stable_order(values: np.ndarray) -> np.ndarray:
    """``np.argsort(values, kind="stable")`` of non-negative integers below 2**32: the value and the
    position packed in one uint64 and sorted by the unstable sort, about twice as fast on millions."""
    packed = values.astype(np.uint64) << np.uint64(32)
    packed |= np.arange(values.size, dtype=np.uint64)
    packed.sort()
    return (packed & np.uint64(0xFFFFFFFF)).astype(np.int64)


def keyword_tables(
    added: list[tuple[str, ...]], owners: np.ndarray, bound: Callable[[str], object]
) -> tuple[Counter[str], dict[str, array[int]]]:
    """For the keywords ``added`` to each story (``owners``, in order): how many stories have each,
    and for the keywords not ``bound`` to a script, the stories (int64, in the order added).
    One pass to code the words, one sort: no append per keyword."""
    lengths = list(map(len, added))
    # One pass: a word's code is the number of distinct words seen before it (the dict's default).
    code: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    words = itertools.chain.from_iterable(added)
    codes = np.fromiter(map(code.__getitem__, words), dtype=np.int64, count=sum(lengths))
    vocabulary = list(code)  # distinct, in the order first seen
    counts = np.bincount(codes, minlength=len(code))
    df = Counter(dict(zip(vocabulary, counts.tolist(), strict=True)))
    neutral = np.fromiter(map(operator.not_, map(bound, vocabulary)), dtype=bool, count=len(code))
    keep = neutral[codes]
    kept = codes[keep]
    ordered = np.repeat(owners, lengths)[keep][_stable_order(kept)]
    data = ordered.astype("<i8").tobytes()
    bounds = (np.concatenate(([0], np.cumsum(counts * neutral))) * 8).tolist()
    postings: dict[str, array[int]] = {}
    for word, is_neutral, start, end in zip(vocabulary, neutral.tolist(), bounds, bounds[1:], strict=False):
        if is_neutral:
            found = postings[word] = array("q")
            found.frombytes(data[start:end])
    return df, postings
