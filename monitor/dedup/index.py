"""The in-memory dedup index of the window: story (copy) decisions, then event decisions. Pure.

``find`` never changes the index; ``add`` records an entry once the store has
given it ids. Under the pipeline's lock, a new entry is compared only with
entries added before it.

The index stays bounded in a daemon that runs for months: every ``PRUNE_EVERY``
adds, ``add`` drops the entries first seen more than ``window`` before the entry
being added (the ``seen`` the caller passes is the clock, so tests inject time).
Pruning scans the whole index, so doing it every N adds keeps its cost per entry
at O(window / N) instead of O(window); nothing is scanned while no entry is old enough.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter

from rapidfuzz import fuzz

from monitor.dedup.events import EventIndex, EventMatch
from monitor.dedup.signature import Signature, signature
from monitor.models import Entry

STORY_THRESHOLD = 90.0
EVENT_THRESHOLD = 0.23
MIN_LEDE_TOKENS = 8  # below this a lede says too little to call anything a copy
MAX_VERIFIED = 50  # candidates verified per entry, most shared bands first
WINDOW = timedelta(days=7)  # the default dedup window (config: dedup.window)
PRUNE_EVERY = 1000


@dataclass(frozen=True, slots=True)
class Decision:
    """Where an entry belongs.

    ``story_id`` None means a new story; then ``event_id`` is the event the new story
    joins (None: it starts a new event). For a copy, ``event_id`` is its story's event.
    """

    story_id: int | None
    score: float = 0.0
    matched_entry: int | None = None
    reason: str = "new story"
    event_id: int | None = None
    event_score: float = 0.0
    event_reason: str = "new event"
    signature: Signature | None = None


@dataclass(slots=True)
class _Doc:
    story_id: int
    lede: str
    bands: tuple[int, ...]
    seen: float  # first-seen POSIX time: the window is pruned by it


class StoryIndex:
    """Entries of the window by LSH band, with the stories' events. Rebuilt from the store on start-up."""

    def __init__(
        self,
        threshold: float = STORY_THRESHOLD,
        event_threshold: float = EVENT_THRESHOLD,
        *,
        window: timedelta = WINDOW,
        prune_every: int = PRUNE_EVERY,
    ):
        self.threshold = threshold
        self.window = window
        self.prune_every = prune_every
        self._adds = 0
        self._oldest = math.inf  # no entry was first seen before this: pruning before it finds nothing
        self.events = EventIndex(event_threshold)
        self._docs: dict[int, _Doc] = {}
        self._buckets: dict[int, int | list[int]] = {}  # band key -> entry id(s); most keys hold one

    def __len__(self) -> int:
        return len(self._docs)

    def find(self, entry: Entry, seen: datetime) -> Decision:
        """Decide whether ``entry`` copies a known story and, if not, which event it belongs to."""
        return self.decide(signature(entry, seen))

    def decide(self, sig: Signature) -> Decision:
        """``find`` for a signature computed beforehand (the pipeline computes them in its parser processes)."""
        if len(sig.lede.split(maxsplit=MIN_LEDE_TOKENS - 1)) < MIN_LEDE_TOKENS:  # fewer words than that
            return self._new_story(sig, 0.0, "new story: too little text to compare")
        best = self._best_copy(sig)
        if best and best[0] >= self.threshold:
            score, entry_id, doc = best
            reason = f"copy: lede {score:.0f}% like entry {entry_id} (>= {self.threshold:.0f}%)"
            event_id = self.events.event_of(doc.story_id)
            return Decision(doc.story_id, score, entry_id, reason, event_id, signature=sig)
        if best:
            score, entry_id, _ = best
            return self._new_story(sig, score, f"new story: closest lede {score:.0f}% like entry {entry_id}")
        return self._new_story(sig, 0.0, "new story: no lede shares an LSH band")

    def _new_story(self, sig: Signature, score: float, reason: str) -> Decision:
        match: EventMatch | None = self.events.find(sig.keywords, sig.when)
        if self.events.joins(match):
            assert match is not None
            return Decision(None, score, None, reason, match.event_id, match.score, match.reason, sig)
        why = f"new event: closest {match.reason}" if match else "new event: no recent story shares keywords"
        return Decision(None, score, None, reason, None, match.score if match else 0.0, why, sig)

    def _best_copy(self, sig: Signature) -> tuple[float, int, _Doc] | None:
        """The entry whose lede is most like ``sig``'s among the ``MAX_VERIFIED`` sharing most bands.

        Ties (in bands, then in similarity) go to the entry found first, reading the bands in order.
        """
        shared: dict[int, int] = {}
        for found in map(self._buckets.get, sig.bands):
            if found is None:
                continue
            for entry_id in found if isinstance(found, list) else (found,):
                shared[entry_id] = shared.get(entry_id, 0) + 1
        if not shared:
            return None
        ranked = sorted(shared.items(), key=itemgetter(1), reverse=True) if len(shared) > 1 else shared.items()
        best: tuple[float, int, _Doc] | None = None
        for entry_id, _ in itertools.islice(ranked, MAX_VERIFIED):
            doc = self._docs[entry_id]
            score = similarity(sig.lede, doc.lede)
            if best is None or score > best[0]:
                best = (score, entry_id, doc)
        return best

    def add(self, entry_id: int, story_id: int, event_id: int, sig: Signature, seen: datetime) -> None:
        """Index an entry of ``story_id`` (in ``event_id``); re-adding an entry replaces its text.

        Every ``prune_every`` adds, first drops what ``seen`` puts outside the window.
        """
        self._adds += 1
        if self._adds % self.prune_every == 0:
            self.prune(seen - self.window)
        if entry_id in self._docs:
            self.remove(entry_id)
        when = seen.timestamp()
        self._docs[entry_id] = _Doc(story_id, sig.lede, sig.bands, when)
        self._oldest = min(self._oldest, when)
        buckets = self._buckets
        for key in sig.bands:
            found = buckets.get(key)
            if found is None:
                buckets[key] = entry_id
            elif isinstance(found, list):
                found.append(entry_id)
            else:
                buckets[key] = [found, entry_id]
        self.events.add(story_id, event_id, sig.keywords, sig.when)

    def remove(self, entry_id: int) -> None:
        doc = self._docs.pop(entry_id, None)
        if doc is None:
            return
        for key in doc.bands:
            found = self._buckets.get(key)
            if found == entry_id:
                del self._buckets[key]
            elif isinstance(found, list):
                found.remove(entry_id)
                if len(found) == 1:
                    self._buckets[key] = found[0]

    def prune(self, oldest: datetime) -> int:
        """Drop entries first seen before ``oldest`` (the window's start); returns how many."""
        cutoff = oldest.timestamp()
        if cutoff <= self._oldest:  # the start-up rebuild and a young daemon skip the scan
            return 0
        stale = [eid for eid, doc in self._docs.items() if doc.seen < cutoff]
        for entry_id in stale:
            self.remove(entry_id)
        self.events.prune(cutoff)
        self._oldest = min((doc.seen for doc in self._docs.values()), default=math.inf)
        return len(stale)


def similarity(a: str, b: str) -> float:
    """Compare two ledes over the shorter one's length: trims and cut-offs still match."""
    length = min(len(a), len(b))
    return float(fuzz.ratio(a[:length], b[:length]))
