"""One path from feed to alert: fetch, parse, dedup, match, store, deliver.

``run --once``, the daemon's scheduled jobs and the tests all call ``poll`` and
``deliver``. Errors from outside (network, feed bodies, targets) become feed or
alert state here and never escape: one bad feed never stops the others.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import httpx

from monitor.config import Config
from monitor.daemon.metrics import Metrics
from monitor.dedup import Signature, StoryIndex, content_hash, material_change, signature
from monitor.dedup.rebuild import rebuild_index
from monitor.durations import format_duration, plural
from monitor.errors import FeedGone, FetchError, ParseError, StoreError
from monitor.ingest import schedule
from monitor.ingest.articles import Articles
from monitor.ingest.examine import Facts, examine
from monitor.ingest.fetch import FetchResult, HostSlots, fetch
from monitor.ingest.parse import MAX_ENTRIES, ParsedFeed
from monitor.ingest.pool import FeedParser
from monitor.models import Entry, Feed, FullText, Match
from monitor.outbox import notices as health
from monitor.outbox import spikes
from monitor.rules import Rule, RuleSet
from monitor.rules.match import in_scope
from monitor.runtime import Runtime
from monitor.store import FeedState, QueuedAlert, Store
from monitor.urls import redact

log = logging.getLogger(__name__)


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


def poll(p: Pipeline, feed: Feed) -> PollResult:
    """Fetch one feed, record what is new and when to come back. Never raises for the feed's faults.

    Writes nothing but the fetch state and schedule on 304, or when the body is byte for
    byte the last one processed (servers that ignore conditional GET): such a body is
    not parsed. A permanent redirect
    (301/308) stores the new URL, fetched from then on; 410 disables the feed and
    tells the operator.
    """
    rt = p.runtime  # one snapshot for the whole poll
    state = p.store.feed_state(feed.url)
    started = p.clock()
    url = state.fetch_url or feed.url
    try:
        with p.hosts.slot(url):
            fetched = fetch(p.client, url, state.etag, state.last_modified, rt.limits)
        if fetched.body is None:
            return _succeeded(p, rt, feed, state, fetched, None, 0)
        digest = body_hash(fetched.body)
        if digest == state.body_hash:
            return _succeeded(p, rt, feed, state, fetched, None, 0)
        # One trip to a parser process parses the body and examines the entries that look new
        # (signatures, hashes, rule matches): under the lock only index lookups and writes remain.
        # A feed never polled has no known entries; after a restart the hint is missing.
        rules = rt.rules
        hint = p.read_keys.get(feed.url, b"" if not state.polled else None)
        got = p.parser.read(fetched.body, feed.url, feed.name, started, hint, rules)
    except FeedGone as exc:
        return _gone(p, rt, feed, started, exc)
    except (FetchError, ParseError) as exc:
        return _failed(p, rt, feed, state, started, exc)
    parsed = got.parsed
    if fetched.moved_to:
        p.store.update_feed(feed.url, fetch_url=fetched.moved_to)
        log.warning(
            "feed %s: permanently moved to %s; polling the new address from now on (update the config)",
            feed.name,
            redact(fetched.moved_to),
        )
    if parsed.warning:
        log.info("feed %s: not well-formed XML, read leniently (%s)", feed.name, parsed.warning[:200])
    if parsed.skipped:
        log.warning("feed %s: only the first %d entries read, %d more ignored", feed.name, MAX_ENTRIES, parsed.skipped)
    # The store decides what is new (under the lock); new entries the hint took for known are
    # examined now, in a second trip. Facts of entries that turn out known are never used.
    unexamined = tuple(e for e in parsed.entries if e.key not in got.facts)
    missing = _fresh(p, feed.url, unexamined) if unexamined else ()
    try:
        late = dict(zip((e.key for e in missing), p.parser.examine(missing, started, rules), strict=True))
    except ParseError as exc:
        return _failed(p, rt, feed, state, started, exc)
    examined = Examined(got.facts | late, started, rules)
    parsed, examined = _with_articles(p, rt, feed, state, parsed, examined)
    tally = Tally()
    with p._process_lock:  # dedup decisions and the index must see entries one at a time
        known = p.store.known_versions(feed.url, (e.key for e in parsed.entries))
        fresh = _fresh(p, feed.url, parsed.entries, known)
        try:
            with p.store.transaction():  # one commit per feed, not one per entry
                alerts = sum(_record(p, rt, entry, state, examined, tally) for entry in reversed(fresh))  # oldest first
                for entry in reversed(parsed.entries):
                    if entry.key in known:
                        alerts += _maybe_update(p, rt, entry, *known[entry.key], state)
        except BaseException:
            # Rolled back: the entries indexed meanwhile exist nowhere else. Left in the index,
            # later entries would join them, as copies, to stories whose ids SQLite hands out again.
            p.index = rebuild_index(p.store, p.clock() - p.index.window, p.index.window, backfill=False)
            raise
    tally.record(p.metrics)  # only what was committed
    p.read_keys[feed.url] = got.keys
    if fresh:
        log.info(
            "feed %s: %s, %s queued", feed.name, plural(len(fresh), "new entry", "new entries"), plural(alerts, "alert")
        )
    return _succeeded(p, rt, feed, state, fetched, parsed, len(fresh), alerts, digest)


def _succeeded(
    p: Pipeline,
    rt: Runtime,
    feed: Feed,
    state: FeedState,
    fetched: FetchResult,
    parsed: ParsedFeed | None,
    fresh: int,
    alerts: int = 0,
    digest: str | None = None,
) -> PollResult:
    """Schedule the next poll from the feed's cadence and the server's hints; tell of a recovery."""
    now = p.clock()
    policy = rt.config.polling.policy()
    entries = parsed.entries if parsed else ()
    overflow = (
        bool(parsed)
        and state.polled
        and schedule.overflowed((e.published for e in entries), fresh == len(entries), state.last_success)
    )
    interval = schedule.base_interval(
        policy,
        feed.interval,
        adaptive=feed.adaptive,
        gap=schedule.cadence(e.published for e in entries) if parsed else None,
        previous=state.interval,
        overflow=overflow,
    )
    ttl = parsed.ttl_minutes * 60.0 if parsed and parsed.ttl_minutes else None
    nxt = schedule.after_success(policy, now, interval, schedule.Hints(max_age=fetched.max_age, ttl=ttl))
    if overflow:
        log.warning(
            "feed %s: all %d entries are new and the oldest is newer than the last poll: some may have been missed; "
            "polling every %s now",
            feed.name,
            len(entries),
            format_duration(interval),
        )
        p.metrics.overflows.labels(feed.name).inc()
    p.store.record_fetch(
        feed.url,
        now,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        new_entries=fresh,
        next_poll=nxt.at,
        interval=interval,
        overflow=overflow,
        body_hash=digest,
    )
    told = 0
    if state.health_notice == "failing":
        message = health.recovered(feed, state.failing_since, now)
        key = f"feed-recovered:{feed.url}:{now.isoformat()}"
        told = health.queue(p.store, rt.notifier, rt.config.operator, message, key, now, feed=(feed.url, None))
    elif state.error_count:
        log.info("feed %s: works again after %d failures", feed.name, state.error_count)
    p.metrics.polls.labels(feed.name, "not_modified" if parsed is None else "ok").inc()
    p.metrics.error_streak.labels(feed.name).set(0)
    p.metrics.last_success.labels(feed.name).set(now.timestamp())
    return PollResult(
        feed.name, fresh, alerts, not_modified=parsed is None, next_poll=nxt.at, overflow=overflow, notices=told
    )


def _fresh(
    p: Pipeline, feed_url: str, entries: tuple[Entry, ...], known: dict[str, tuple[int, str | None]] | None = None
) -> tuple[Entry, ...]:
    """The entries whose key the feed never had: neither stored nor pruned (pruned entries
    left tombstones: still known, so they never alert again)."""
    if known is None:
        known = p.store.known_versions(feed_url, (e.key for e in entries))
    pruned = p.store.tombstoned(feed_url, (e.key for e in entries if e.key not in known))
    return tuple(e for e in entries if e.key not in known and e.key not in pruned)


@dataclass(frozen=True, slots=True)
class Examined:
    """What the parser processes found on a feed's new entries, as of ``seen``, for ``rules``."""

    facts: dict[str, Facts]  # by entry key
    seen: datetime
    rules: RuleSet


def _facts(rules: RuleSet, entry: Entry, examined: Examined, now: datetime) -> tuple[Facts, Examined]:
    """The entry's facts as found beforehand; examined here if it became new since (rare)."""
    facts = examined.facts.get(entry.key)
    if facts is None:
        return examine((entry,), now, rules)[0], Examined({}, now, rules)
    return facts, examined


def _signature(entry: Entry, facts: Facts, examined: Examined, now: datetime) -> Signature:
    """``signature(entry, now)``. ``seen`` stands in for a missing publication date: only then does it matter."""
    return facts.signature if entry.published is not None or examined.seen == now else signature(entry, now)


def _matches(rules: RuleSet, entry: Entry, facts: Facts, examined: Examined, now: datetime) -> list[Match]:
    """``rules.match(entry, now)``, from the matches found beforehand when they were found with ``rules``."""
    if examined.rules is not rules:  # the rules were reloaded since
        return rules.match(entry, now)
    # Matched without a clock: the max_age scopes apply now (``in_scope`` repeats the rest, which held).
    return [m for m in facts.matches if in_scope(rules.rule(m.rule).scope, entry, now)]


def _record(p: Pipeline, rt: Runtime, entry: Entry, state: FeedState, examined: Examined, tally: Tally) -> int:
    """Decide story and event, queue the alerts, store both in one transaction, index the entry."""
    now = p.clock()
    rules = rt.rules
    facts, examined = _facts(rules, entry, examined, now)
    sig = _signature(entry, facts, examined, now)
    decision = p.index.decide(sig)
    queued: list[QueuedAlert] = []
    matched: list[tuple[Match, Rule]] = []
    if _alertable(rt.config, entry, state, now):
        matched = [(match, rules.rule(match.rule)) for match in _matches(rules, entry, facts, examined, now)]
        # The story's outlets are read only when a matched rule escalates (a query per copy otherwise).
        escalating = decision.story_id is not None and any(rule.escalate_at is not None for _, rule in matched)
        outlets = _outlets_with(p, decision.story_id, entry.outlet) if escalating else 0
        for match, rule in matched:
            kind = "event" if rule.novelty == "event" else "story"
            queued += [(match, d, kind) for d in rt.notifier.deliveries(rule.name, rule.notify)]
            if _escalates(p, rule, decision.story_id, outlets):
                queued += [(match, d, "escalation") for d in rt.notifier.deliveries(rule.name, rule.notify)]
    entry_id, story_id, added = p.store.add_entry(
        entry,
        now,
        decision.story_id,
        score=decision.score,
        reason=decision.reason,
        duplicate_of=decision.matched_entry,
        alerts=queued,
        event_id=decision.event_id,
        event_score=decision.event_score,
        event_reason=decision.event_reason,
        signature=sig,
        content_hash=facts.content_hash,
    )
    # A new story was stored in decision.event_id, else in an event of its own (numbered like the story);
    # a copy's decision names its story's event when the index still holds the story.
    if decision.story_id is None:
        event_id = decision.event_id if decision.event_id is not None else story_id
    else:
        event_id = decision.event_id if decision.event_id is not None else p.store.story_event(story_id)
    p.index.add(entry_id, story_id, event_id, sig, now)
    if any(rule.spike for _, rule in matched):
        added += spikes.note(p.store, rt.notifier, matched, entry_id, story_id, now)
    if decision.story_id is not None:
        log.debug("entry %s joins story %d: %s", entry.link or entry.key, story_id, decision.reason)
    else:
        log.debug(
            "entry %s starts story %d: %s; %s",
            entry.link or entry.key,
            story_id,
            decision.reason,
            decision.event_reason,
        )
    _count(tally, entry, state, joined=decision.story_id is not None, alerts=queued, now=now)
    return added  # not len(queued): a copy of a story already alerted on queues nothing


def _with_articles(
    p: Pipeline, rt: Runtime, feed: Feed, state: FeedState, parsed: ParsedFeed, examined: Examined
) -> tuple[ParsedFeed, Examined]:
    """Full text (issue 16): the new entries that want their article get its text (``Entry.article``)
    and are examined again with it, before dedup and matching. Fetches stop at the deadline
    (``full_text_timeout``): an entry without its article is matched on the feed's text, and
    ``_articles_late`` tries the article again on the next poll that reads the feed."""
    setting = feed.full_text or FullText(rt.config.polling.full_text)
    if setting.mode == "never" or p.articles is None:
        return parsed, examined
    polite, now = rt.config.polling.full_text_policy, examined.seen
    _articles_late(p, rt, feed, parsed, setting)
    # A backlog entry (``_alertable``) is recorded silently: its article would cost the outlet for nothing.
    wanted = tuple(e for e in _fresh(p, feed.url, parsed.entries) if _alertable(rt.config, e, state, now))
    texts = p.articles.texts(feed.url, wanted, setting, rt.rules, polite, now)
    if not texts:
        return parsed, examined
    entries = tuple(replace(e, article=texts[e.key]) if e.key in texts else e for e in parsed.entries)
    enriched = tuple(e for e in entries if e.key in texts)
    try:
        found = p.parser.examine(enriched, now, examined.rules)
    except ParseError:
        return parsed, examined
    # The content hash stays the feed's: an update is a change of what the feed carries.
    facts = {
        e.key: replace(f, content_hash=content_hash(replace(e, article="")))
        for e, f in zip(enriched, found, strict=True)
    }
    return replace(parsed, entries=entries), Examined(examined.facts | facts, examined.seen, examined.rules)


def _articles_late(p: Pipeline, rt: Runtime, feed: Feed, parsed: ParsedFeed, setting: FullText) -> None:
    """Stored entries whose article could not be had on an earlier poll: tried again; a rule that
    holds with the article alerts now (once per story, as usual)."""
    assert p.articles is not None
    pending = p.store.articles_pending(feed.url)
    late = tuple(e for e in parsed.entries if e.link in pending)
    if not late:
        return
    now = p.clock()
    texts = p.articles.texts(feed.url, late, setting, rt.rules, rt.config.polling.full_text_policy, now, retry=True)
    known = p.store.known_versions(feed.url, texts)
    state = p.store.feed_state(feed.url)
    for entry in late:
        if entry.key not in texts or entry.key not in known or not _alertable(rt.config, entry, state, now):
            continue
        enriched, entry_id = replace(entry, article=texts[entry.key]), known[entry.key][0]
        queued: list[QueuedAlert] = []
        for match in rt.rules.match(enriched, now):
            rule = rt.rules.rule(match.rule)
            kind = "event" if rule.novelty == "event" else "story"
            queued += [(match, d, kind) for d in rt.notifier.deliveries(rule.name, rule.notify)]
        if queued and p.store.queue_alerts(entry_id, p.store.story_of(entry_id), queued, now):
            log.info("entry %s: its article, fetched late, matched: alert queued", entry.link)


def _outlets_with(p: Pipeline, story_id: int | None, outlet: str) -> int:
    if story_id is None:
        return 1
    outlets = p.store.story_outlets(story_id)
    return len(outlets) + (outlet not in outlets)


def _escalates(p: Pipeline, rule: Rule, story_id: int | None, outlets: int) -> bool:
    """A follow-up is due when the story reaches ``escalate_at`` outlets and the rule alerted on it before."""
    return (
        rule.escalate_at is not None
        and story_id is not None
        and outlets >= rule.escalate_at
        and p.store.alerted(rule.name, story_id)
    )


def _maybe_update(
    p: Pipeline, rt: Runtime, entry: Entry, entry_id: int, stored_hash: str | None, state: FeedState
) -> int:
    """A known key with changed text is an update of its entry: rewrite the row, re-index, maybe re-alert."""
    new_hash = content_hash(entry)
    old = p.store.entry(entry_id) if stored_hash != new_hash else None
    old = replace(old, article="") if old is not None else None  # an update is a change of what the feed carries
    if old is None or (stored_hash is None and content_hash(old) == new_hash):
        return 0
    now = p.clock()
    material, reason = material_change(old, entry)
    story_id = p.store.story_of(entry_id)
    queued: list[QueuedAlert] = []
    rules = rt.rules
    if material and _alertable(rt.config, entry, state, now):
        for match in rules.match(entry, now):
            rule = rules.rule(match.rule)
            if rule.on_update == "alert" and p.store.alerted(rule.name, story_id):
                queued += [(match, d, f"update:{new_hash}") for d in rt.notifier.deliveries(rule.name, rule.notify)]
    sig = signature(entry, now)
    # The row is rewritten below: the alert keeps what its message must say about the change.
    detail = {"previous_title": old.title, "change": reason}
    added = p.store.update_entry(
        entry_id, entry, now, content_hash=new_hash, reason=reason, signature=sig, alerts=queued, detail=detail
    )
    p.index.add(entry_id, story_id, p.store.story_event(story_id), sig, now)
    log.info("entry %s updated (%s)%s", entry.link or entry.key, reason, ", re-alerting" if added else "")
    return added


@dataclass
class Tally:
    """A poll's metrics, counted per entry under the lock and recorded once (``record``) after it."""

    entries: Counter[str] = field(default_factory=Counter)  # by outlet
    joined: int = 0
    hits: Counter[str] = field(default_factory=Counter)  # by rule
    delays: list[float] = field(default_factory=list)

    def record(self, metrics: Metrics) -> None:
        for outlet, n in self.entries.items():
            metrics.new_entries.labels(outlet).inc(n)
        if self.joined:
            metrics.dedup_suppressed.inc(self.joined)
        for rule, n in self.hits.items():
            metrics.rule_hits.labels(rule).inc(n)
        for seconds in self.delays:
            metrics.publish_to_detect.observe(seconds)


def _count(
    tally: Tally, entry: Entry, state: FeedState, *, joined: bool, alerts: list[QueuedAlert], now: datetime
) -> None:
    tally.entries[entry.outlet] += 1
    tally.joined += joined
    tally.hits.update({alert[0].rule for alert in alerts})
    # A first poll's backlog would swamp the figure: only entries found by a later poll count.
    if state.polled and entry.published is not None and entry.published <= now:
        tally.delays.append((now - entry.published).total_seconds())


def _alertable(config: Config, entry: Entry, state: FeedState, now: datetime) -> bool:
    """The backlog rule: old entries of a first poll, and stale ones later, are recorded silently."""
    if entry.published is None:
        return True
    window = config.alerts.max_age if state.polled else config.alerts.backlog
    return entry.published >= now - timedelta(seconds=window)


def _failed(
    p: Pipeline, rt: Runtime, feed: Feed, state: FeedState, now: datetime, exc: FetchError | ParseError
) -> PollResult:
    """Record the failure and back off; never gives up. Tells the operator once the streak is long."""
    errors = state.error_count + 1
    retry_after = exc.retry_after if isinstance(exc, FetchError) else None
    nxt = schedule.after_failure(
        rt.config.polling.policy(), now, errors, state.interval or feed.interval, retry_after=retry_after
    )
    p.store.record_fetch(feed.url, now, error=str(exc), next_poll=nxt.at)
    log.warning(
        "feed %s (%s): %s; error %d in a row, will retry in %s",
        feed.name,
        redact(state.fetch_url or feed.url),
        exc,
        errors,
        format_duration(nxt.delay),
    )
    polling = rt.config.polling
    since = state.failing_since or now
    told = 0
    due = health.notice_due(errors, since, now, after_errors=polling.health_errors, after_seconds=polling.health_after)
    if due and state.health_notice is None:
        message = health.failing(feed, errors, str(exc), since, now, nxt.delay)
        key = f"feed-failing:{feed.url}:{since.isoformat()}"
        told = health.queue(p.store, rt.notifier, rt.config.operator, message, key, now, feed=(feed.url, "failing"))
    p.metrics.polls.labels(feed.name, "error").inc()
    p.metrics.error_streak.labels(feed.name).set(errors)
    return PollResult(feed.name, error=str(exc), next_poll=nxt.at, notices=told)


def _gone(p: Pipeline, rt: Runtime, feed: Feed, now: datetime, exc: FeedGone) -> PollResult:
    """410 Gone: the feed is disabled (status "gone") until `feeds enable`; the operator is told."""
    p.store.record_fetch(feed.url, now, error=str(exc), status="gone")
    log.warning(
        "feed %s (%s): %s; disabled, `monitor feeds enable URL` polls it again", feed.name, redact(feed.url), exc
    )
    key = f"feed-gone:{feed.url}:{now.isoformat()}"
    told = health.queue(p.store, rt.notifier, rt.config.operator, health.gone(feed), key, now, feed=(feed.url, "gone"))
    p.metrics.polls.labels(feed.name, "gone").inc()
    return PollResult(feed.name, error=str(exc), notices=told)


def enabled(p: Pipeline, feeds: list[Feed] | None = None) -> list[Feed]:
    """The feeds to poll: every configured and command-added feed that is not disabled."""
    gone = {row["url"] for row in p.store.feeds() if row["status"] == "gone"}
    return [f for f in (p.runtime.feeds if feeds is None else feeds) if f.url not in gone]


def poll_all(p: Pipeline, feeds: list[Feed] | None = None) -> list[PollResult]:
    """Poll every enabled feed now, concurrently within the configured limits (``run --once``).

    Schedules, cache lifetimes and backoff are ignored; the outcomes are recorded as usual.
    """
    from concurrent.futures import ThreadPoolExecutor

    feeds = enabled(p, feeds)
    with ThreadPoolExecutor(max_workers=max(1, min(p.runtime.config.polling.concurrency, len(feeds) or 1))) as pool:
        return list(pool.map(lambda feed: _poll_guarded(p, feed), feeds))


def _poll_guarded(p: Pipeline, feed: Feed) -> PollResult:
    """``poll``, except that a bug met on one feed's data is logged and the other feeds go on.

    A database error (disk full, read-only, a refused write) concerns every feed: it stops the run.
    """
    try:
        return poll(p, feed)
    except (StoreError, sqlite3.Error):
        raise
    except Exception as exc:
        log.exception(
            "feed %s (%s): internal error, please report it; the other feeds go on", feed.name, redact(feed.url)
        )
        return PollResult(feed.name, error=f"internal error: {type(exc).__name__}")
