"""Parsing in worker processes, so a poll cycle uses every core.

feedparser is pure Python and holds the GIL: polling threads alone cannot parse
two feeds at once. ``FeedParser.parse`` keeps ``parse.parse_feed``'s contract
(same ParsedFeed, same ParseError) and runs it in a small process pool (``workers``). Bodies
go to a worker as bytes and ParsedFeed values come back pickled; both are small
next to the parse itself.

``FeedParser.read`` parses a body and, in the same trip to the worker, runs
``examine.examine`` (dedup signatures, content hashes, rule matches) on the entries
that are new, so the pipeline's serial stage is left with index lookups and writes.
Which entries are new only the store knows; the worker is told which keys the feed
carried at its last read (``Read.keys``, 8 bytes per key), and examines the others.
That is a hint, not a decision: the pipeline still asks the store, examines an entry
the hint missed with ``FeedParser.examine`` (a second trip), and never uses the facts
of an entry that is not new. Each worker compiles the rules once: a pool starts with
the latest rules and is replaced when they change.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from monitor.errors import ParseError
from monitor.ingest.extract import extract
from monitor.ingest.heap import fewer_collections, give_back_memory
from monitor.ingest.parse import ParsedFeed, parse_feed
from monitor.models import Entry
from monitor.rules import Rule, RuleSet

if TYPE_CHECKING:
    from monitor.ingest.examine import Facts
    from monitor.ingest.workers import Workers

T = TypeVar("T")

log = logging.getLogger(__name__)

# A `run --once` parses its first bodies in its own process: starting the workers costs each
# a Python start-up and the imports of parsing, examining and matching (~0.5 CPU-s apiece),
# more than a cycle of a few changed feeds takes to read in place (~0.2 CPU-s per MB).
INLINE_BYTES = 4 << 20
IDLE_TIMEOUT = 120.0  # seconds without a parse before the workers exit (an idle daemon gives the memory back)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    """One worker per core but one, and at least one: the parent holds a core of its own.

    Its share of a cycle (fetching, dedup decisions, storing: one thread at a time under the
    GIL) is the larger: on a cold 200-feed run, 14 of 23 CPU-s. A second worker on two cores
    only competed with the parent for the core the first one uses, and cost ~62 MB.

    ``MONITOR_PARSER_WORKERS`` overrides it (how benchmarks compare counts; 0 parses in the caller)."""
    with contextlib.suppress(ValueError):
        return max(0, int(os.environ.get("MONITOR_PARSER_WORKERS", "")))
    return max(1, cores() - 1)


_worker_rules = RuleSet(())  # a worker's rules (a RuleSet compiles at its first match)


def _init_worker(rules: tuple[Rule, ...] = ()) -> None:
    """A worker's start (``workers.serve``). One whose parent is killed outright (SIGKILL, the OOM killer)
    reads the end of its calls' pipe and exits: it needs no watch of its own."""
    global _worker_rules
    _worker_rules = RuleSet(rules)
    fewer_collections()  # a worker's heap is small; what it allocates, it hands back in its results
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Dedup decisions and storing run one entry at a time in the parent: with as many
    # workers as cores, the parent must not wait for a core behind its own parsers.
    with contextlib.suppress(OSError):
        os.nice(5)


def examine(entries: tuple[Entry, ...], seen: datetime, rules: RuleSet) -> tuple[Facts, ...]:
    """``examine.examine``, imported when first called: the dedup code and numpy (~0.15 CPU-s of imports)
    only in a process that reads new entries, not in a cycle of 304s or unchanged bodies."""
    from monitor.ingest.examine import examine as examined

    return examined(entries, seen, rules)


def _examine_in_worker(entries: tuple[Entry, ...], seen: datetime) -> tuple[Facts, ...]:
    return examine(entries, seen, _worker_rules)


def key_digest(key: str) -> bytes:
    """An entry key in 8 bytes: ``Read.keys`` holds one per entry."""
    return hashlib.blake2b(key.encode(), digest_size=8).digest()


@dataclass(frozen=True, slots=True)
class Read:
    """A parsed body, the facts of the entries that were not in ``known``, and every entry's key digest."""

    parsed: ParsedFeed
    facts: dict[str, Facts]  # by entry key; only for entries examined (see ``FeedParser.read``)
    keys: bytes  # key_digest of each entry, in order: the next read's ``known``


def read_feed(
    body: bytes,
    feed_url: str,
    outlet: str,
    seen: datetime,
    known: bytes | None,
    rules: RuleSet | None = None,
    stored: Mapping[bytes, str] | None = None,
) -> Read:
    """Parse (entries whose raw digest is in ``stored`` are not converted: ``parse_feed``'s ``known``), then
    examine the entries converted whose key digest is not in ``known`` (none when ``known`` is None)."""
    parsed = parse_feed(body, feed_url, outlet, known=stored)
    keys = [key_digest(key) for key in parsed.every_key()]  # once each; the converted entries come first
    facts: dict[str, Facts] = {}
    if known is not None:
        old = {known[i : i + 8] for i in range(0, len(known), 8)}
        new = tuple(e for e, digest in zip(parsed.entries, keys, strict=False) if digest not in old)
        found = examine(new, seen, _worker_rules if rules is None else rules)
        facts = {e.key: f for e, f in zip(new, found, strict=True)}
    return Read(parsed, facts, b"".join(keys))


class FeedParser:
    """``parse(body, url, outlet) -> ParsedFeed`` on ``workers`` processes (``default_workers``); 0 parses
    in the caller.

    The first ``inline_bytes`` of bodies are parsed in the caller too (0, the default: none,
    so a daemon never holds the parsers); the workers start when more comes. With ``share`` the
    caller's process also reads a body itself (``read`` only) when every worker is busy and it reads
    no other (``_share``): its core would otherwise wait for the workers.

    Thread-safe. Workers start on the first parse, stop after ``idle_timeout``
    seconds without work and on ``close()`` (safe to call twice); a later parse
    starts them again. A worker that dies (out of memory, killed) costs only the
    feed it was parsing: that feed gets a ParseError and the next one a new worker.
    """

    def __init__(
        self, workers: int | None = None, idle_timeout: float = IDLE_TIMEOUT, inline_bytes: int = 0, share: bool = False
    ):
        self.workers = default_workers() if workers is None else workers
        self._inline_left = inline_bytes
        self.share = share
        self._sharing = False  # a body is being read in the caller's process (``_share``)
        self._here = threading.Lock()  # held while the caller's process reads a body (``_in_place``)
        self.idle_timeout = idle_timeout
        self._pool: Workers | None = None
        self._lock = threading.Lock()
        self._busy = 0
        self._last_used = time.monotonic()
        self._stopped = threading.Event()
        self._rules: RuleSet | None = None  # the latest rules (``use_rules``, ``examine``)
        self._pool_rules: RuleSet | None = None  # the rules the current pool's workers were started with

    def parse(self, body: bytes, feed_url: str, outlet: str = "") -> ParsedFeed:
        if self._inline(body):
            return self._in_place(parse_feed, body, feed_url, outlet)
        return self._in_worker(
            None,
            "the parser process died while reading this feed (too large or hostile?)",
            parse_feed,
            body,
            feed_url,
            outlet,
        )

    def read(
        self,
        body: bytes,
        feed_url: str,
        outlet: str,
        seen: datetime,
        known: bytes | None,
        rules: RuleSet,
        stored: Mapping[bytes, str] | None = None,
    ) -> Read:
        """``read_feed(...)`` in one trip to a worker: the body goes there, the ParsedFeed and the facts of
        the entries not in ``known`` come back. Raises ParseError for the feed (a dead worker too)."""
        if self._inline(body):
            return self._in_place(read_feed, body, feed_url, outlet, seen, known, rules, stored)
        if self._share():
            try:
                return self._in_place(read_feed, body, feed_url, outlet, seen, known, rules, stored)
            finally:
                with self._lock:
                    self._sharing = False
        return self._in_worker(
            rules,
            "the parser process died while reading this feed (too large or hostile?)",
            read_feed,
            body,
            feed_url,
            outlet,
            seen,
            known,
            None,
            stored,
        )

    def examine(self, entries: tuple[Entry, ...], seen: datetime, rules: RuleSet) -> tuple[Facts, ...]:
        """``examine.examine(entries, seen, rules)``, in a worker. Raises ParseError when the worker dies."""
        if self.workers <= 0 or not entries or (self._pool is None and self._inline_left > 0):
            return examine(entries, seen, rules)
        return self._in_worker(
            rules, "the parser process died while examining this feed's entries", _examine_in_worker, entries, seen
        )

    def extract(
        self, html: bytes, url: str, selector: str | None = None, remove: str | None = None, timeout: float = 5.0
    ) -> str:
        """``extract.extract(...)`` (an article page's text) in a worker, capped at ``timeout`` seconds there.
        Raises ParseError for the page (a worker that dies on it too)."""
        if self.workers <= 0:
            return extract(html, url, selector, remove, timeout)
        died = "the parser process died while extracting this article (too large or hostile?)"
        return self._in_worker(None, died, extract, html, url, selector, remove, timeout)

    def _inline(self, body: bytes) -> bool:
        """Parse this body in the caller: no workers, or the inline budget (``inline_bytes``) not spent yet."""
        if self.workers <= 0:
            return True
        with self._lock:
            if self._pool is not None or self._inline_left <= 0:
                return False
            self._inline_left -= len(body)
            return True

    def _in_place(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in the caller's process, one body at a time: its threads share one GIL, so
        reading two at once is no faster, and each holds a body's parse at its largest meanwhile. With the
        eight polling threads of a cold `run --once` all reading their first bodies in place (``inline_bytes``),
        the main process's heap grew by several parses at once and, fragmented, stayed that large."""
        with self._here:
            return function(*args)

    def _share(self) -> bool:
        """Read this body in the caller's process: ``share`` is on, every worker has a body and another waits
        for one (so none will idle for want of this one) and the caller's process reads no other (it has one
        core's worth of GIL). A cold run on two cores then keeps both busy whichever side has more to do:
        one worker and the parent's serial stage (dedup decisions, storing), instead of a fixed split."""
        with self._lock:
            if not self.share or self._sharing or self._pool is None or self._busy <= self.workers:
                return False
            self._sharing = True
            return True

    def _in_worker(self, rules: RuleSet | None, died: str, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` in a worker; a worker that dies becomes a ParseError for this feed only."""
        from monitor.ingest.workers import WorkerDied  # only where workers run (``_acquire``)

        pool = self._acquire(rules)
        try:
            return pool.submit(function, *args).result()
        except WorkerDied as exc:
            raise ParseError(died) from exc
        finally:
            with self._lock:
                self._busy -= 1
                self._last_used = time.monotonic()

    def close(self) -> None:
        """Stop the workers: nothing of the pool stays. Safe to call twice; a later parse starts them again."""
        with self._lock:
            pool, self._pool = self._pool, None
            self._stopped.set()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def use_rules(self, rules: RuleSet) -> None:
        """The rules ``examine`` will use: workers started from now on compile them once."""
        with self._lock:
            self._rules = rules

    def _acquire(self, rules: RuleSet | None = None) -> Workers:
        """The pool, started if need be, whose workers hold the latest rules (``rules`` when given).

        The pool's module loads here: a cycle that parses everything in place (a few changed feeds,
        ``INLINE_BYTES``) never starts or imports it."""
        from monitor.ingest.workers import Workers

        retired = None
        with self._lock:
            self._busy += 1
            if rules is not None:
                self._rules = rules
            if self._pool is not None and self._pool_rules is not self._rules:
                # New rules (a reload): a fresh pool; the old one finishes what it was given, then exits.
                retired, self._pool = self._pool, None
                self._stopped.set()
            if self._pool is None:
                # New processes, not forks: the daemon has threads (scheduler, HTTP pool) whose locks a fork
                # would copy.
                self._pool = Workers(
                    self.workers, _init_worker, (self._rules.rules if self._rules is not None else (),)
                )
                self._pool_rules = self._rules
                self._stopped = threading.Event()
                threading.Thread(target=self._reap_when_idle, args=(self._stopped,), daemon=True).start()
            pool = self._pool
        if retired is not None:
            retired.shutdown(wait=False)
        return pool

    def _reap_when_idle(self, stopped: threading.Event) -> None:
        while not stopped.wait(min(self.idle_timeout / 2, 30.0)):
            with self._lock:
                idle = self._busy == 0 and time.monotonic() - self._last_used > self.idle_timeout
                pool = self._pool if idle else None
                if pool is not None:
                    self._pool = None
                    stopped.set()
            if pool is not None:
                log.debug("parser workers idle for %.0fs: stopping them", self.idle_timeout)
                pool.shutdown(wait=True)
                give_back_memory()
