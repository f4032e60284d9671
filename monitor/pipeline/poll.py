"""The story of one poll: fetch → read (parse, examine what is new) → record → schedule.

``poll`` never raises for the feed's faults: a failure is recorded, backed off and, after a
streak, told to the operator through the outbox (``outbox.notices``), in the same write.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime

from monitor.durations import format_duration, plural
from monitor.errors import FeedGone, FetchError, ParseError, StoreError
from monitor.ingest import schedule
from monitor.ingest.fetch import FetchResult, fetch
from monitor.ingest.heap import trim_heap
from monitor.ingest.parse import MAX_ENTRIES, ParsedFeed
from monitor.ingest.pool import Read
from monitor.models import Feed
from monitor.outbox import notices as health
from monitor.pipeline.articles import with_articles
from monitor.pipeline.parts import Pipeline, PollResult, body_hash
from monitor.pipeline.record import Examined, Tally, fresh, record, update
from monitor.runtime import Runtime
from monitor.store import FeedState
from monitor.urls import redact

log = logging.getLogger(__name__)


def poll(p: Pipeline, feed: Feed) -> PollResult:
    """Fetch one feed, record what is new and when to come back. Never raises for the feed's faults.

    Writes nothing but the fetch state and schedule on 304, or when the body is byte for
    byte the last one processed (servers that ignore conditional GET): such a body is
    not parsed. A permanent redirect (301/308) stores the new URL, fetched from then on;
    410 disables the feed and tells the operator.
    """
    rt = p.runtime  # one snapshot for the whole poll
    state = p.store.feed_state(feed.url)
    started = p.clock()
    url = state.fetch_url or feed.url
    try:
        with p.hosts.slot(url):
            fetched = fetch(p.client, url, state.etag, state.last_modified, rt.limits)
        body = fetched.body
        digest = None if body is None else body_hash(body)
        if body is None or digest == state.body_hash:
            return _succeeded(p, rt, feed, state, fetched, None, 0)
        got, examined = _read(p, rt, feed, state, body, started)
    except FeedGone as exc:
        return _gone(p, rt, feed, started, exc)
    except (FetchError, ParseError) as exc:
        return _failed(p, rt, feed, state, started, exc)
    _announce(p, feed, fetched, got.parsed)
    parsed, examined = with_articles(p, rt, feed, state, got.parsed, examined)
    new, alerts = _store(p, rt, feed, state, parsed, examined)
    p.read_keys[feed.url] = got.keys
    if new:
        log.info("feed %s: %s, %s queued", feed.name, plural(new, "new entry", "new entries"), plural(alerts, "alert"))
    return _succeeded(p, rt, feed, state, fetched, parsed, new, alerts, digest)


def _read(
    p: Pipeline, rt: Runtime, feed: Feed, state: FeedState, body: bytes, started: datetime
) -> tuple[Read, Examined]:
    """Parse the body and examine its new entries (signatures, hashes, rule matches) in a parser process.

    The work that costs is done there, outside the lock: under it only index lookups and writes
    remain. The parser examines only the entries the last read of this feed did not have (a hint
    of key digests, ``read_keys``; a feed never polled has none known, and after a restart the hint
    is missing, so all are examined). A new entry the hint took for known is examined in a second
    trip; facts of entries that turn out known are never used. Entries read exactly as stored (their raw
    digest, ``Store.unchanged_candidates``) are not even converted: only their keys and dates come back.
    """
    hint = p.read_keys.get(feed.url, b"" if not state.polled else None)
    stored = p.store.unchanged_candidates(feed.url) if state.polled else {}
    got = p.parser.read(body, feed.url, feed.name, started, hint, rt.rules, stored)
    unexamined = tuple(e for e in got.parsed.entries if e.key not in got.facts)
    missing = fresh(p.store, feed.url, unexamined) if unexamined else ()
    late = dict(zip((e.key for e in missing), p.parser.examine(missing, started, rt.rules), strict=True))
    return got, Examined(got.facts | late, started, rt.rules)


def _announce(p: Pipeline, feed: Feed, fetched: FetchResult, parsed: ParsedFeed) -> None:
    """What the operator should know of this read: a move to store, a lenient parse, entries cut."""
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


def _store(
    p: Pipeline, rt: Runtime, feed: Feed, state: FeedState, parsed: ParsedFeed, examined: Examined
) -> tuple[int, int]:
    """Record the new entries (oldest first) and the updates of known ones in one transaction.

    Returns (new entries, alerts queued). The store, under the lock, decides what is new: the
    read's view was only a hint for what to examine.
    """
    tally = Tally()
    with p._process_lock:  # dedup decisions and the index must see entries one at a time
        known = p.store.known_versions(feed.url, (e.key for e in parsed.entries))
        new = fresh(p.store, feed.url, parsed.entries, known)
        try:
            with p.store.transaction():  # one commit per feed, not one per entry
                digests = parsed.digests
                alerts = sum(record(p, rt, e, state, examined, tally, digests.get(e.key)) for e in reversed(new))
                same = p.store.same_text(feed.url, (e for e in parsed.entries if e.key in known))
                for entry in reversed(parsed.entries):
                    if entry.key in known and entry.key not in same:  # the same text is no update: not hashed
                        alerts += update(p, rt, entry, *known[entry.key], state)
                # The next read skips these while they stay unchanged (a new entry's is stored with it).
                p.store.note_raw_digests(feed.url, {key: digests[key] for key in known if key in digests})
        except BaseException:
            # Rolled back: the entries indexed meanwhile exist nowhere else. Left in the index,
            # later entries would join them, as copies, to stories whose ids SQLite hands out again.
            from monitor.dedup.rebuild import rebuild_index

            p.index = rebuild_index(p.store, p.clock() - p.index.window, p.index.window, backfill=False)
            if p.kept is not None:
                p.kept.spoil()
            raise
    tally.record(p.metrics)  # only what was committed
    return len(new), alerts


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
    overflow = parsed is not None and state.polled and _overflowed(parsed, state, fresh)
    interval, nxt = _next_poll(rt, feed, state, fetched, parsed, now, overflow)
    if overflow:  # then every entry read is new: ``fresh`` counts them
        log.warning(
            "feed %s: all %d entries are new and the oldest is newer than the last poll: some may have been missed; "
            "polling every %s now",
            feed.name,
            fresh,
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


def _overflowed(parsed: ParsedFeed, state: FeedState, fresh: int) -> bool:
    """Every entry is new and the oldest is newer than the last poll: the feed turned over in between."""
    dates = parsed.every_date()
    return schedule.overflowed(dates, fresh == len(dates), state.last_success)


def _next_poll(
    rt: Runtime,
    feed: Feed,
    state: FeedState,
    fetched: FetchResult,
    parsed: ParsedFeed | None,
    now: datetime,
    overflow: bool,
) -> tuple[float, schedule.Next]:
    """The feed's base interval (its cadence, bounded) and the next poll after the server's hints."""
    policy = rt.config.polling.policy()
    interval = schedule.base_interval(
        policy,
        feed.interval,
        adaptive=feed.adaptive,
        gap=schedule.cadence(parsed.every_date()) if parsed else None,
        previous=state.interval,
        overflow=overflow,
    )
    ttl = parsed.ttl_minutes * 60.0 if parsed and parsed.ttl_minutes else None
    return interval, schedule.after_success(policy, now, interval, schedule.Hints(max_age=fetched.max_age, ttl=ttl))


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
        return list(pool.map(lambda feed: _poll_trimmed(p, feed), feeds))


def _poll_trimmed(p: Pipeline, feed: Feed) -> PollResult:
    """``_poll_guarded``, then the C heap's free pages go back to the system (``trim_heap``).

    A feed's body, its parse and its examined facts are freed when its poll returns, but glibc keeps
    the pages for later: over a cold run they pile up beside the dedup window. Measured at the end of
    a cold newsroom run of 60 feeds: the main process 150 MB, 137 MB after one trim."""
    result = _poll_guarded(p, feed)
    trim_heap()
    return result


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
