"""The dedup index of the window, rebuilt from the signatures stored beside each entry.

Start-up builds the index here, and so does a poll whose transaction failed: the
entries it had indexed were rolled back with it, and an index that kept them would
join later entries to stories that do not exist.
"""

from __future__ import annotations

import itertools
import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from monitor.dedup import Signature, StoryIndex, signature
from monitor.dedup.index import WINDOW

if TYPE_CHECKING:  # read through the store handed in: dedup itself does no I/O
    from monitor.store import Store

log = logging.getLogger(__name__)


def rebuild_index(store: Store, since: datetime, window: timedelta = WINDOW, *, backfill: bool = True) -> StoryIndex:
    """The dedup index of the window, from stored signatures.

    Rows stored before signatures were kept get theirs computed here (about 0.4 ms
    each) and, with ``backfill``, written back so the next start-up only reads them.
    """
    index = StoryIndex(window=window)
    computed: list[tuple[int, Signature]] = []
    loaded: list[tuple[int, int, int, datetime, Signature]] = []
    rows = store.recent_signatures(since)
    while chunk := list(itertools.islice(rows, 1000)):
        missing = store.entries(r[0] for r in chunk if r[4] is None)
        for entry_id, story_id, event_id, seen, sig in chunk:
            if sig is None:
                sig = signature(missing[entry_id], seen)
                computed.append((entry_id, sig))
            loaded.append((entry_id, story_id, event_id, seen, sig))
    index.load(loaded)  # in bulk: the index adding each row in turn gives, in a fraction of the time
    if computed and backfill:
        store.save_signatures(computed)
        log.info("computed and stored the dedup signatures of %d older entries", len(computed))
    return index
