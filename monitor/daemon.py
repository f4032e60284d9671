"""The daemon: a thin lifecycle shell around the pipeline.

One APScheduler job per feed (max_instances=1, coalesce, jitter), one job that
delivers pending alerts, signal handling (SIGTERM/SIGINT stop, SIGHUP reloads
rules) and the systemd notify protocol.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from monitor.config import load_config
from monitor.delivery import deliver
from monitor.errors import ConfigError
from monitor.pipeline import Pipeline, poll
from monitor.rules import load_rules
from monitor.sdnotify import Notifier as SystemdNotifier

log = logging.getLogger(__name__)

DELIVERY_EVERY = 30.0  # seconds between passes over the outbox
STOP_GRACE = 8.0  # seconds in-flight polls get on SIGTERM (systemd waits 15)


class Daemon:
    def __init__(self, pipeline: Pipeline):
        self.p = pipeline
        self.stop_event = threading.Event()
        self.reload_event = threading.Event()
        self.systemd = SystemdNotifier.from_env()
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max(2, pipeline.config.polling.concurrency))},
            job_defaults={
                "max_instances": 1,
                "coalesce": True,
                # 3.x defaults to a 1 s grace: a busy pool would skip polls silently.
                "misfire_grace_time": None,
            },
            timezone="UTC",
        )

    def schedule(self) -> None:
        now = self.p.clock()
        jitter = self.p.config.polling.jitter
        for number, feed in enumerate(self.p.config.feeds):
            # Spread the first polls over a few seconds instead of starting all at once.
            first = now + timedelta(seconds=min(jitter, 0.05 * number))
            self.scheduler.add_job(
                poll,
                "interval",
                args=[self.p, feed],
                id=f"feed:{feed.url}",
                name=f"poll {feed.name}",
                seconds=feed.interval,
                jitter=jitter or None,
                next_run_time=first,
                replace_existing=True,
            )
        self.scheduler.add_job(
            deliver,
            "interval",
            args=[self.p],
            id="deliver",
            name="deliver alerts",
            seconds=DELIVERY_EVERY,
            next_run_time=now + timedelta(seconds=1),
            replace_existing=True,
        )

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_reload)
        self.schedule()
        self.scheduler.start()
        self.systemd.ready()
        log.info("daemon started: %d feeds scheduled", len(self.p.config.feeds))
        interval = self.systemd.watchdog_interval()
        tick = min(interval / 2, 5.0) if interval else 5.0
        while not self.stop_event.wait(tick):
            if self.reload_event.is_set():
                self.reload_event.clear()
                self.reload()
            if self.scheduler.running:
                self.systemd.watchdog()
        return self.shutdown()

    def reload(self) -> None:
        """Reload rules; a bad rule set is refused whole and the old rules stay active."""
        self.systemd.reloading()
        try:
            config = load_config(self.p.config.path)
            rules = load_rules(config.rule_paths, config.targets)
        except ConfigError as exc:
            log.error("reload refused, keeping the %d active rules:\n%s", len(self.p.rules.rules), exc)
        else:
            self.p.set_rules(rules)
            log.info("reloaded %d rules", len(rules))
        self.systemd.ready()

    def shutdown(self) -> int:
        self.systemd.stopping()
        log.info("stopping: waiting up to %.0fs for polls in flight", STOP_GRACE)
        self.scheduler.shutdown(wait=False)
        done = threading.Event()

        def drain() -> None:
            self.scheduler._executors["default"].shutdown(wait=True)
            done.set()

        threading.Thread(target=drain, daemon=True).start()
        if not done.wait(STOP_GRACE):
            log.warning("polls still in flight after %.0fs: closing connections", STOP_GRACE)
            self.p.client.close()
            done.wait(2.0)
        self.p.close()
        log.info("stopped")
        return 0

    def _on_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop_event.set()

    def _on_reload(self, signum: int, frame: FrameType | None) -> None:
        self.reload_event.set()
