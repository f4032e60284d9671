"""The daemon: a thin lifecycle shell around the pipeline.

Each feed is one APScheduler job (max_instances=1, coalesce) that runs at the
feed's next poll time and, once the poll is recorded, plans its own next run
from the result (monitor/ingest/schedule.py: cadence, server hints, backoff). Beside
them: the outbox delivery, retention pruning and a heartbeat. SIGTERM/SIGINT
stop; SIGHUP reloads config, feeds and rules (a bad file keeps the old set).
systemd hears READY/RELOADING/STOPPING, and WATCHDOG only while the scheduler
and the database are healthy.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from dataclasses import replace
from datetime import timedelta
from types import FrameType
from typing import TYPE_CHECKING, Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from monitor import runtime
from monitor.config import load_config
from monitor.daemon import PRUNE_EVERY
from monitor.daemon.jobs import FeedJobs
from monitor.daemon.systemd import Notifier as SystemdNotifier
from monitor.durations import plural
from monitor.errors import ConfigError
from monitor.outbox import notices
from monitor.outbox.deliver import Outbox
from monitor.outbox.digests import digest_schedule
from monitor.outbox.policy import zone
from monitor.pipeline import Pipeline

if TYPE_CHECKING:
    from wsgiref.simple_server import WSGIServer

log = logging.getLogger(__name__)

DELIVERY_EVERY = 30.0  # seconds between passes over the outbox (retries come due)
DELIVERY_TICK = 1.0  # seconds between checks for alerts a poll just queued
FTS_EVERY = 300.0  # seconds between catch-ups of the full-text index (`rules test` scans what it lacks)
STOP_GRACE = 8.0  # seconds in-flight polls get on SIGTERM (systemd waits 15)
STATUS_EVERY = 30.0  # seconds between STATUS= lines to systemd


class Daemon:
    def __init__(self, pipeline: Pipeline):
        self.p = pipeline
        self.outbox = Outbox(pipeline.store, pipeline.metrics, pipeline.clock)
        self.stop_event = threading.Event()
        self.reload_event = threading.Event()
        self.systemd = SystemdNotifier.from_env()
        interval = self.systemd.watchdog_interval()
        self.tick = min(interval / 2, 5.0) if interval else 5.0
        self._beat = time.monotonic()
        self._queued = threading.Event()  # a poll queued alerts: deliver at the next tick
        self._delivered = 0.0  # monotonic time of the last pass over the outbox
        self.http: WSGIServer | None = None
        # Kept here so shutdown can drain them through their public API (not the scheduler's _executors).
        self.executors = {
            "default": ThreadPoolExecutor(max(1, pipeline.runtime.config.polling.concurrency)),  # polls
            "outbox": ThreadPoolExecutor(1),  # delivery and pruning: a slow target never holds a poll
            "heartbeat": ThreadPoolExecutor(1),
        }
        self.web: Any = None  # the console (monitor.web.server.Served) when [web] listen is set
        self.scheduler = BackgroundScheduler(
            executors=self.executors,
            job_defaults={
                "max_instances": 1,
                "coalesce": True,
                # 3.x defaults to a 1 s grace: a busy pool would skip polls silently.
                "misfire_grace_time": None,
            },
            timezone="UTC",
        )
        self.jobs = FeedJobs(pipeline, self.scheduler, self._queued, self.stop_event)

    # --- scheduling -----------------------------------------------------------

    def schedule(self) -> None:
        now = self.p.clock()
        self.jobs.replan(now)
        every = [
            (self._deliver, "deliver", "deliver alerts", DELIVERY_TICK, 1.0, "outbox"),
            (self._prune, "prune", "retention", PRUNE_EVERY, 5.0, "outbox"),
            (self.p.store.catch_up_fts, "fts", "full-text index", FTS_EVERY, FTS_EVERY, "outbox"),
            (self._heartbeat, "heartbeat", "heartbeat", self.tick, 0.0, "heartbeat"),
        ]
        for func, job_id, name, seconds, first, executor in every:
            self.scheduler.add_job(
                func,
                "interval",
                id=job_id,
                name=name,
                seconds=seconds,
                next_run_time=now + timedelta(seconds=first),
                executor=executor,
                replace_existing=True,
            )
        self._schedule_digests()

    def _schedule_digests(self) -> None:
        """One wake-up job per digest schedule of the current config; a reload drops the ones no longer used."""
        for job in self.scheduler.get_jobs():
            if job.id.startswith("digest:"):
                self.scheduler.remove_job(job.id)
        for expression, timezone in sorted(
            {(t.digest, t.timezone) for t in self.p.runtime.config.notify.policies.values()}
        ):
            # Digests are due at their cron time: wake the outbox then instead of at its next regular pass.
            self.scheduler.add_job(
                self._queued.set,
                digest_schedule(expression, zone(timezone)),
                id=f"digest:{expression}:{timezone}",
                name=f"digest {expression} ({timezone})",
                executor="outbox",
                replace_existing=True,
            )

    def _deliver(self) -> None:
        """Deliver right after a poll queued alerts, and every DELIVERY_EVERY for retries."""
        if self._queued.is_set() or time.monotonic() - self._delivered >= DELIVERY_EVERY:
            self._queued.clear()
            self._delivered = time.monotonic()
            self.outbox.deliver(self.p.runtime)  # one snapshot for the whole pass

    def _prune(self) -> None:
        runtime.prune(self.p)

    def _status(self) -> None:
        """The one line `systemctl status monitor` shows."""
        rows = self.p.store.feeds()
        failing = sum(1 for r in rows if r["url"] in self.jobs.feeds and r["state"] == "failing")
        pending = len(self.p.store.pending_alerts())
        self.systemd.status(f"{len(self.jobs.feeds)} feeds polled, {failing} failing; {pending} alerts pending")

    def _heartbeat(self) -> None:
        self._beat = time.monotonic()

    def healthy(self) -> bool:
        """The scheduler runs jobs (the heartbeat is recent) and the database answers."""
        fresh = time.monotonic() - self._beat < 3 * self.tick + 1.0
        return self.scheduler.running and fresh and self.p.store.ping()

    # --- lifecycle ------------------------------------------------------------

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_reload)
        self.schedule()
        self.scheduler.start()
        if self.p.runtime.config.http.listen:
            self.http = _serve(self)
        if self.p.runtime.config.web.listen:
            self.web = _serve_web(self)
        self.systemd.ready()
        log.info("daemon started: %d feeds scheduled", len(self.jobs.feeds))
        status_due = 0.0
        while not self.stop_event.wait(self.tick):
            if self.reload_event.is_set():
                self.reload_event.clear()
                self.reload()
            if self.healthy():
                self.systemd.watchdog()
            else:
                log.error("unhealthy (scheduler stalled or database not answering): not petting the watchdog")
            if time.monotonic() >= status_due:
                status_due = time.monotonic() + STATUS_EVERY
                self._status()
        return self.shutdown()

    def reload(self) -> None:
        """Reload config, feeds, rules, templates and digest schedules; a bad file is refused whole and the old
        set stays active.

        Feed state (schedules, backoff, health) lives in the database and is kept.
        """
        self.systemd.reloading()
        old = self.p.runtime
        try:
            config = load_config(old.config.path)
            rt = runtime.load(config, lean=True)
        except ConfigError as exc:
            error = "; ".join(str(exc).splitlines())  # one journal entry per event
            log.error(
                "reload refused, keeping the current config, %s and %s: %s",
                plural(len(self.jobs.feeds), "feed"),
                plural(len(old.rules.rules), "rule"),
                error,
            )
            self._tell_refused(old, str(exc))
        else:
            if config.storage_path != old.config.storage_path or config.http != old.config.http:
                log.warning("[storage] and [http] changes take effect at the next restart")
                config = replace(config, storage_path=old.config.storage_path, http=old.config.http)
            self.p.store.sync_feeds((f.url, f.name) for f in config.feeds)
            self.p.use(replace(rt, config=config, command_feeds=runtime.load_command_feeds(self.p.store, config)))
            self.jobs.replan(self.p.clock())
            self._schedule_digests()
            log.info("reloaded: %s, %s", plural(len(self.jobs.feeds), "feed"), plural(len(rt.rules.rules), "rule"))
        self.systemd.ready()

    def _tell_refused(self, old: runtime.Runtime, error: str) -> None:
        """The operator target hears of a refused reload too (the log line is easy to miss), via the outbox."""
        now = self.p.clock()
        message = notices.reload_refused(str(old.config.path), error, len(self.jobs.feeds), len(old.rules.rules))
        key = f"reload-refused:{now.isoformat()}"
        if notices.queue(self.p.store, old.notifier, old.config.operator, message, key, now, topic="reload refused"):
            self._queued.set()

    def shutdown(self) -> int:
        self.systemd.stopping()
        log.info("stopping: waiting up to %.0fs for polls in flight", STOP_GRACE)
        if self.http:
            self.http.shutdown()
        if self.web:
            self.web.close()
        self.scheduler.shutdown(wait=False)
        done = threading.Event()

        def drain() -> None:
            for executor in self.executors.values():
                executor.shutdown(wait=True)
            done.set()

        threading.Thread(target=drain, daemon=True).start()
        if not done.wait(STOP_GRACE):
            log.warning("polls still in flight after %.0fs: closing connections", STOP_GRACE)
            self.p.client.close()
            done.wait(2.0)
        self.p.close()
        self.p.runtime.notifier.close()  # the child process sending through apprise, if one runs
        log.info("stopped")
        return 0

    def _on_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop_event.set()

    def _on_reload(self, signum: int, frame: FrameType | None) -> None:
        self.reload_event.set()


def _serve(daemon: Daemon) -> WSGIServer | None:
    from monitor.daemon.metrics import serve

    listen = daemon.p.runtime.config.http.listen
    assert listen is not None
    try:
        return serve(listen, daemon.p.metrics, daemon.healthy)
    except OSError as exc:
        log.error("[http] cannot listen on %s:%d: %s; running without /metrics", *listen, exc)
        return None


def _serve_web(daemon: Daemon) -> Any:
    """The console on [web] listen, over this daemon's store and runtime; a reload it asks for is SIGHUP's."""
    from monitor.web import Console, create_app  # Flask loads only when the console is on
    from monitor.web.server import serve

    config = daemon.p.runtime.config
    assert config.web.listen is not None

    def reload() -> str:
        daemon.reload_event.set()
        return "the daemon reloads within seconds"

    console = Console(config, daemon.p.store, lambda: daemon.p.runtime, reload, daemon.p.clock)
    try:
        return serve(create_app(console), config.web.listen, config.web.auth)
    except OSError as exc:
        log.error("[web] cannot listen on %s:%d: %s; running without the console", *config.web.listen, exc)
        return None
