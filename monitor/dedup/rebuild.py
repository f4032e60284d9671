"""The dedup index of the window, rebuilt from the signatures stored beside each entry.

Start-up builds the index here, and so does a poll whose transaction failed: the
entries it had indexed were rolled back with it, and an index that kept them would
join later entries to stories that do not exist.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.dedup import Signature, StoryIndex, signature
from monitor.dedup.index import WINDOW
from monitor.dedup.packed import KeywordReader, StoredSignature, signed_head

if TYPE_CHECKING:  # read through the store handed in: dedup itself does no I/O
    from monitor.store import Store

log = logging.getLogger(__name__)


def rebuild_index(store: Store, since: datetime, window: timedelta = WINDOW, *, backfill: bool = True) -> StoryIndex:
    """The dedup index of the window, from stored signatures.

    Rows stored before signatures were kept get theirs computed here (about 0.4 ms
    each) and, with ``backfill``, written back so the next start-up only reads them.
    The rows are read and loaded in batches (``store.window_batches``): the window's signatures are never
    all held at once. A stored signature is loaded as stored (``packed.StoredSignature``), unread.
    """
    index = StoryIndex(window=window)
    computed: list[tuple[int, Signature]] = []
    index.load(signed_rows(store, since, computed))  # in bulk: the index adding each row in turn gives, faster
    if computed and backfill:
        store.save_signatures(computed)
        log.info("computed and stored the dedup signatures of %d older entries", len(computed))
    return index


def signed_rows(
    store: Store, since: datetime, computed: list[tuple[int, Signature]], after: int = 0
) -> Iterator[tuple[int, int, int, datetime, Signature | StoredSignature]]:
    """The window's rows (those with an id above ``after``) with their signatures, those missing or of an
    earlier design computed (and added to ``computed``); the stored ones with their keywords read in bulk,
    a batch at a time (``KeywordReader``): what ``StoryIndex.load`` takes, never all held at once."""
    reader = KeywordReader()
    for chunk in store.window_batches(since, after):
        heads = [None if r[4] is None else signed_head(r[4].blob) for r in chunk]  # None: to compute
        unsigned = {r[0] for r, head in zip(chunk, heads, strict=True) if head is None}
        missing = store.entries(unsigned) if unsigned else {}
        stored = [r[4] for r, head in zip(chunk, heads, strict=True) if r[4] is not None and head is not None]
        read = iter(reader.read([s.keywords for s in stored], [s.hashes for s in stored]))
        for (entry_id, story_id, event_id, seen, sig), head in zip(chunk, heads, strict=True):
            if sig is None or head is None:
                fresh = signature(missing[entry_id], seen)
                computed.append((entry_id, fresh))
                yield entry_id, story_id, event_id, seen, fresh
            else:  # a new tuple, not ``_replace`` (a Python function, ~1 µs a row)
                yield entry_id, story_id, event_id, seen, StoredSignature(*sig[:5], next(read), head, sig.link)
