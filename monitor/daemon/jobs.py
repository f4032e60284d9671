"""The feeds' jobs: one APScheduler date job per enabled feed, each booking its own next run.

A poll's result plans the feed's next poll (``ingest/schedule.py``: cadence, server hints,
backoff); a reload re-plans every feed not being polled within the new bounds. The feed set
and the jobs change together, under one lock.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from monitor.durations import format_duration
from monitor.ingest import schedule
from monitor.models import Feed
from monitor.pipeline import Pipeline, enabled, poll
from monitor.store import from_iso

log = logging.getLogger(__name__)

START_SPREAD = 0.05  # seconds between the first polls of consecutive feeds at start


def job_id(url: str) -> str:
    return f"feed:{url}"


class FeedJobs:
    """Which feeds are polled and when: the jobs of ``scheduler`` named ``feed:URL``.

    ``queued`` is set when a poll queued alerts or notices (the outbox delivers at its next
    tick); once ``stopping`` is set, a poll that ends books nothing more.
    """

    def __init__(self, p: Pipeline, scheduler: BackgroundScheduler, queued: threading.Event, stopping: threading.Event):
        self.p = p
        self.scheduler = scheduler
        self.queued = queued
        self.stopping = stopping
        self._plan_lock = threading.Lock()  # the feed set and the jobs change together
        self._running: set[str] = set()  # feeds whose poll is under way: a re-plan leaves their slot alone
        self.feeds: dict[str, Feed] = {}

    def replan(self, now: datetime) -> None:
        """Bring the jobs in line with the enabled feeds and the current bounds.

        New feeds start at their stored next poll (a restart keeps backoff and cache lifetimes)
        or soon; removed ones stop. Every booked poll is brought within what the current bounds
        allow (schedule.longest_wait), so a shorter interval or max_interval set in the config
        does not wait out a gap planned under the old one; the database gets the new times, so
        `feeds list` shows them. A feed being polled keeps its slot: its poll books the next
        one when it ends, under the bounds of that moment (no second, overlapping booking).
        """
        with self._plan_lock:
            wanted = {f.url: f for f in enabled(self.p)}
            for url in set(self.feeds) - set(wanted):
                if self.scheduler.get_job(job_id(url)):
                    self.scheduler.remove_job(job_id(url))
                log.info("feed %s: no longer polled", url)
            states = {row["url"]: row for row in self.p.store.feeds()}
            planned: dict[str, datetime] = {}
            for number, (url, feed) in enumerate(wanted.items()):
                if url in self._running:
                    continue
                job = self.scheduler.get_job(job_id(url)) if url in self.feeds else None
                row = states.get(url) or {}
                booked = job.next_run_time if job else from_iso(row.get("next_poll"))
                soon = now + timedelta(seconds=min(self.p.runtime.config.polling.jitter, START_SPREAD * number))
                at = self._within_bounds(feed, bool(row.get("error_count")), now, booked or soon)
                at = max(at, soon) if not job else at
                if job is None or at != job.next_run_time:
                    self._plan(feed, at)
                    planned[url] = at
            self.feeds = wanted
            self.p.store.plan_polls(planned)

    def _within_bounds(self, feed: Feed, failing: bool, now: datetime, at: datetime) -> datetime:
        policy = self.p.runtime.config.polling.policy()
        wait = schedule.longest_wait(policy, feed.interval, adaptive=feed.adaptive, failing=failing)
        return min(at, now + timedelta(seconds=wait))

    def _plan(self, feed: Feed, at: datetime) -> None:
        self.scheduler.add_job(
            self.poll,
            "date",
            args=[feed.url],
            id=job_id(feed.url),
            name=f"poll {feed.name}",
            run_date=at,
            replace_existing=True,
        )

    def poll(self, url: str) -> None:
        with self._plan_lock:
            feed = self.feeds.get(url)
            if feed is None:
                return
            self._running.add(url)
        failing = False
        try:
            result = poll(self.p, feed)
            next_poll, failing = result.next_poll, bool(result.error)
            if result.alerts or result.notices:
                self.queued.set()
        except Exception:
            # poll() turns every fault of the feed into feed state; this is a bug or a
            # database error. The feed must still be polled again, never dropped silently.
            delay = max(feed.interval, self.p.runtime.config.polling.backoff_base)
            log.exception(
                "feed %s: unexpected error while polling; will retry in %s", feed.name, format_duration(delay)
            )
            next_poll = self.p.clock() + timedelta(seconds=delay)
        finally:
            with self._plan_lock:
                self._running.discard(url)
        with self._plan_lock:
            # A reload may have dropped the feed meanwhile; a 410 leaves no next poll.
            if self.stopping.is_set() or url not in self.feeds or next_poll is None:
                return
            # A reload during the poll re-planned every other feed: this one meets the new bounds now.
            current = self.feeds[url]
            at = self._within_bounds(current, failing, self.p.clock(), next_poll)
            self._plan(current, at)
            if at != next_poll:
                self.p.store.plan_polls({url: at})
