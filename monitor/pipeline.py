"""One path from feed to alert: fetch, parse, dedup, match, store, deliver.

``run --once``, the daemon's scheduled jobs and the tests all call ``poll`` and
``deliver``. Errors from outside (network, feed bodies, targets) become feed or
alert state here and never escape: one bad feed never stops the others.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx

from monitor.config import Config
from monitor.dedup import StoryIndex
from monitor.errors import FeedGone, FetchError, ParseError
from monitor.fetch import Limits, fetch
from monitor.models import Entry, Feed, Match
from monitor.notify import Notifier
from monitor.parsepool import FeedParser
from monitor.rules import Rule, RuleSet
from monitor.store import Delivery, FeedState, Store
from monitor.urls import redact

log = logging.getLogger(__name__)


@dataclass
class Pipeline:
    """Everything a poll needs, wired once. ``clock`` returns aware UTC datetimes."""

    config: Config
    store: Store
    client: httpx.Client
    rules: RuleSet
    notifier: Notifier
    index: StoryIndex
    clock: Callable[[], datetime]
    parser: FeedParser = field(default_factory=FeedParser)
    _process_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def limits(self) -> Limits:
        return Limits(timeout=self.config.polling.timeout, max_bytes=self.config.polling.max_bytes)

    def set_rules(self, rules: list[Rule]) -> None:
        self.rules = RuleSet(rules)

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


def body_hash(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def poll(p: Pipeline, feed: Feed) -> PollResult:
    """Fetch one feed and record what is new.

    Writes nothing but the fetch state on 304, or when the body is byte for byte the
    one last processed (servers that ignore conditional GET): such a body is not parsed.
    """
    state = p.store.feed_state(feed.url)
    started = p.clock()
    try:
        fetched = fetch(p.client, feed.url, state.etag, state.last_modified, p.limits)
        if fetched.body is None:
            p.store.record_fetch(feed.url, started)
            return PollResult(feed.name, not_modified=True)
        digest = body_hash(fetched.body)
        if digest == state.body_hash:
            p.store.record_fetch(feed.url, started, etag=fetched.etag, last_modified=fetched.last_modified)
            return PollResult(feed.name, not_modified=True)
        parsed = p.parser.parse(fetched.body, feed.url, feed.name)
    except (FetchError, ParseError) as exc:
        return _failed(p, feed, state, started, exc)
    if fetched.moved_to:
        log.warning("feed %s: permanently moved to %s; update the config", feed.name, redact(fetched.moved_to))
    if parsed.warning:
        log.info("feed %s: not well-formed XML, read leniently (%s)", feed.name, parsed.warning[:200])
    with p._process_lock:  # dedup decisions and the index must see entries one at a time
        known = p.store.known_keys(feed.url, (e.key for e in parsed.entries))
        fresh = [e for e in parsed.entries if e.key not in known]
        with p.store.transaction():  # one commit per feed, not one per entry
            alerts = sum(_record(p, entry, state) for entry in reversed(fresh))  # oldest first
    p.store.record_fetch(
        feed.url,
        p.clock(),
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        new_entries=len(fresh),
        body_hash=digest,
    )
    if fresh:
        log.info("feed %s: %d new entries, %d alerts queued", feed.name, len(fresh), alerts)
    return PollResult(feed.name, new_entries=len(fresh), alerts=alerts)


def _record(p: Pipeline, entry: Entry, state: FeedState) -> int:
    now = p.clock()
    decision = p.index.find(entry)
    matches = p.rules.match(entry) if _alertable(p.config, entry, state, now) else []
    queued: list[tuple[Match, Delivery]] = []
    for match in matches:
        rule = next(r for r in p.rules.rules if r.name == match.rule)
        queued += [(match, d) for d in p.notifier.deliveries(rule.name, rule.notify)]
    entry_id, story_id = p.store.add_entry(
        entry,
        now,
        decision.story_id,
        score=decision.score,
        reason=decision.reason,
        duplicate_of=decision.matched_entry,
        alerts=queued,
    )
    p.index.add(entry_id, story_id, entry)
    if decision.story_id is not None:
        log.debug("entry %s joins story %d: %s", entry.link or entry.key, story_id, decision.reason)
    return len(queued)


def _alertable(config: Config, entry: Entry, state: FeedState, now: datetime) -> bool:
    """The backlog rule: old entries of a first poll, and stale ones later, are recorded silently."""
    if entry.published is None:
        return True
    window = config.alerts.max_age if state.polled else config.alerts.backlog
    return entry.published >= now - timedelta(seconds=window)


def _failed(p: Pipeline, feed: Feed, state: FeedState, now: datetime, exc: Exception) -> PollResult:
    status = "gone" if isinstance(exc, FeedGone) else "failing"
    p.store.record_fetch(feed.url, now, error=str(exc), status=status)
    log.warning(
        "feed %s (%s): %s; error %d in a row, will retry at its next poll",
        feed.name,
        redact(feed.url),
        exc,
        state.error_count + 1,
    )
    return PollResult(feed.name, error=str(exc))


def poll_all(p: Pipeline, feeds: list[Feed] | None = None) -> list[PollResult]:
    """Poll every feed now, concurrently within the configured limit (``run --once``)."""
    from concurrent.futures import ThreadPoolExecutor

    feeds = list(p.config.feeds if feeds is None else feeds)
    with ThreadPoolExecutor(max_workers=max(1, min(p.config.polling.concurrency, len(feeds) or 1))) as pool:
        return list(pool.map(lambda feed: poll(p, feed), feeds))
