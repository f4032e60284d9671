"""The long-lived parts a poll uses, wired once (``runtime.build``), and what a poll returns."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import httpx

from monitor.daemon.metrics import Metrics
from monitor.ingest.articles import Articles
from monitor.ingest.fetch import HostSlots
from monitor.ingest.pool import FeedParser
from monitor.pipeline.kept import Kept
from monitor.runtime import Runtime
from monitor.store import Store

if TYPE_CHECKING:
    from monitor.dedup import StoryIndex


@dataclass
class Pipeline:
    """The long-lived parts a poll uses, wired once (``runtime.build``). ``clock`` returns aware UTC datetimes.

    What the operator configured is one frozen ``Runtime``: a reload builds a new one and
    swaps it in with one assignment (``use``); a poll reads ``runtime`` once, at its start,
    and uses that snapshot to its end, so it never mixes two configs.
    """

    runtime: Runtime
    store: Store
    client: httpx.Client
    # The dedup index is built (``load_index``) when a poll first needs it: a cycle where every
    # feed answers 304 never reads the window's signatures.
    load_index: Callable[[], StoryIndex]
    clock: Callable[[], datetime]
    hosts: HostSlots = field(default_factory=HostSlots)
    metrics: Metrics = field(default_factory=Metrics)
    parser: FeedParser = field(default_factory=FeedParser)  # parses in worker processes
    # Per feed URL, the key digests of its last body read (pool.Read.keys): tells the parser
    # which entries it need not examine. A hint only (lost on restart); ~8 bytes per entry.
    read_keys: dict[str, bytes] = field(default_factory=dict)
    articles: Articles | None = None  # fetches linked articles (issue 16); made from the parts above when None
    kept: Kept | None = None  # the dedup index kept for the next run (``keep_index``); None keeps nothing
    _process_lock: threading.Lock = field(default_factory=threading.Lock)
    _index: StoryIndex | None = None
    _index_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def index(self) -> StoryIndex:
        """The dedup index of the window, built on first use."""
        with self._index_lock:
            if self._index is None:
                self._index = self.load_index()
            return self._index

    @index.setter
    def index(self, index: StoryIndex) -> None:
        self._index = index

    def __post_init__(self) -> None:
        self.parser.use_rules(self.runtime.rules)  # the parser processes match entries too
        if self.articles is None:
            self.articles = Articles(self.client, self.store, self.parser, self.hosts)

    def use(self, runtime: Runtime) -> None:
        """Swap in a new snapshot (a reload). Polls under way finish with the one they started with."""
        self.parser.use_rules(runtime.rules)
        self.runtime = runtime

    def keep_index(self) -> None:
        """Keep the dedup window beside the database for the next run (``pipeline/kept.py``), if this run
        built the index. A one-off run calls it at its end: the index is dropped (a later poll would build
        it again) and the parser workers stopped. Safe to call twice."""
        if self.kept is not None and self._index is not None:
            # Written from the rows the store holds, not from this index: let it and the parser workers
            # go first, or a cold run would hold both indexes and its workers at its end (its peak RSS).
            self.parser.close()
            with self._index_lock:
                self._index = None
            self.kept.save(self.store, self.clock(), timedelta(seconds=self.runtime.config.dedup.window))

    def close(self) -> None:
        """Stop the parser workers, close the HTTP client and the store. Safe to call twice."""
        self.parser.close()
        self.client.close()
        self.store.close()


@dataclass(frozen=True, slots=True)
class PollResult:
    feed: str
    new_entries: int = 0
    alerts: int = 0
    not_modified: bool = False
    error: str | None = None
    next_poll: datetime | None = None
    overflow: bool = False
    notices: int = 0  # operator notices queued (feed failing, recovered, gone): the outbox sends them


def body_hash(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()
