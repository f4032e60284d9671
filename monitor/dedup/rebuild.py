"""The dedup index of the window, rebuilt from the signatures stored beside each entry.

Start-up builds the index here, and so does a poll whose transaction failed: the
entries it had indexed were rolled back with it, and an index that kept them would
join later entries to stories that do not exist.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.dedup import Signature, StoryIndex, signature
from monitor.dedup.index import WINDOW

if TYPE_CHECKING:  # read through the store handed in: dedup itself does no I/O
    from monitor.store import Store

log = logging.getLogger(__name__)

# Rows signed and loaded per step: each step's rows are garbage once loaded, and small steps leave
# less of it among what the index keeps (the process keeps that heap; see ``store.window.WINDOW_BATCH``).
STEP = 250


def rebuild_index(store: Store, since: datetime, window: timedelta = WINDOW, *, backfill: bool = True) -> StoryIndex:
    """The dedup index of the window, from stored signatures.

    Rows stored before signatures were kept get theirs computed here (about 0.4 ms
    each) and, with ``backfill``, written back so the next start-up only reads them.
    The rows are read and loaded in batches: the window's signatures are never all held at once.
    """
    index = StoryIndex(window=window)
    computed: list[tuple[int, Signature]] = []
    index.load(_signed(store, since, computed))  # in bulk: the index adding each row in turn gives, faster
    if computed and backfill:
        store.save_signatures(computed)
        log.info("computed and stored the dedup signatures of %d older entries", len(computed))
    return index


def _signed(
    store: Store, since: datetime, computed: list[tuple[int, Signature]]
) -> Iterator[tuple[int, int, int, datetime, Signature]]:
    """The window's rows with their signatures, those missing computed (and added to ``computed``)."""
    rows = store.recent_signatures(since)
    while chunk := list(itertools.islice(rows, STEP)):
        missing = store.entries(r[0] for r in chunk if r[4] is None)
        for entry_id, story_id, event_id, seen, sig in chunk:
            if sig is None:
                sig = signature(missing[entry_id], seen)
                computed.append((entry_id, sig))
            yield entry_id, story_id, event_id, seen, sig
