"""The runtime snapshot, and the wiring that builds a Pipeline from a Config: the one place that opens the edges.

``Runtime`` is everything the operator configured, frozen: config, rules, templates,
targets and command feeds. ``load`` makes one (a reload too: a bad file raises and the
old snapshot stays); ``build`` opens the store, the HTTP client and the dedup index
around the first one.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from monitor.config import Config
from monitor.config.cache import StartupCache, beside
from monitor.daemon.metrics import Metrics, Unrecorded
from monitor.durations import format_duration, plural
from monitor.errors import ConfigError
from monitor.ingest.fetch import HostSlots, Limits, make_client
from monitor.ingest.heap import give_back_memory
from monitor.ingest.pool import INLINE_BYTES, FeedParser
from monitor.models import Feed
from monitor.outbox.render import Templates
from monitor.outbox.targets import Notifier
from monitor.rules import RuleSet
from monitor.store import Store, url_id
from monitor.urls import has_password

if TYPE_CHECKING:
    from monitor.dedup import StoryIndex
    from monitor.pipeline import Pipeline

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    """One consistent view of the configuration. Never changed: a reload makes a new one."""

    config: Config
    rules: RuleSet
    notifier: Notifier
    templates: Templates
    command_feeds: tuple[Feed, ...] = ()  # added with `monitor feeds add/import`, kept in the database

    @property
    def feeds(self) -> list[Feed]:
        """Config feeds, then command feeds the config does not list (the config wins)."""
        listed = {f.url for f in self.config.feeds}
        return [*self.config.feeds, *(f for f in self.command_feeds if f.url not in listed)]

    @property
    def limits(self) -> Limits:
        return Limits(timeout=self.config.polling.timeout, max_bytes=self.config.polling.max_bytes)


def utc_now() -> datetime:
    return datetime.now(UTC)


def check(config: Config) -> list[str]:
    """Validate rules and targets beyond the config itself; raise ConfigError with every problem."""
    from monitor.rules import load_rules

    rules = load_rules(config.rule_paths, config.targets)
    problems = Notifier(config.targets).problems(str(config.path))
    problems += Templates(config.notify.templates).problems()
    if problems:
        raise ConfigError(problems)
    return [rule.name for rule in rules]


def exposure(config: Config, notifier: Notifier | None = None) -> str | None:
    """A warning when the config holds secrets and users other than its owner can read it.

    Only URLs that carry a secret count: a target URL with a part apprise masks (a password,
    a token, a key; ``notifier`` tells, made here when not given) or a feed URL with a password.
    ``json://127.0.0.1:18082/`` holds none, so a 0644 config of only such URLs is fine.
    """
    try:
        mode = config.path.stat().st_mode
    except OSError:
        return None
    if not mode & (stat.S_IRGRP | stat.S_IROTH):
        return None
    notifier = notifier or Notifier(config.targets)
    handles = {url_id(u) for t in config.targets.values() for u in t.urls}
    credentials = sum(1 for h in handles if notifier.secret(h))
    credentials += sum(1 for f in config.feeds if has_password(f.url))
    if not credentials:
        return None
    return (
        f"{config.path}: warning: other users can read this file (mode {stat.S_IMODE(mode):04o}) and it holds "
        f"{plural(credentials, 'URL')} with credentials: chmod 600 {config.path} "
        "(under systemd, hand it over with LoadCredential=, see systemd/README.md)"
    )


def load(
    config: Config, command_feeds: tuple[Feed, ...] = (), *, lean: bool = False, cache: StartupCache | None = None
) -> Runtime:
    """The snapshot of ``config``; raise ConfigError with every problem (a reload uses it too).

    ``lean`` (the daemon): apprise stays out of this process until something is sent (see targets).
    ``cache``: rules, the templates' check and the target URLs' names as validated by an earlier
    start-up with the same files and code (``startup``); None validates everything again.
    """
    from monitor import startup

    cache = cache or StartupCache(None)
    rules = startup.rules(config, cache)
    notifier = Notifier(
        config.targets, throttle=config.notify.throttle, lean=lean, namer=startup.namer(config, cache, lean=lean)
    )
    problems = notifier.problems(str(config.path))
    if problems:
        raise ConfigError(problems)
    templates = startup.templates(config, cache)
    return Runtime(config, RuleSet(rules), notifier, templates, command_feeds)


def build(
    config: Config, clock: Callable[[], datetime] = utc_now, *, lock: bool = True, lean: bool = False
) -> Pipeline:
    """Open the store (taking the single-writer lock), load the runtime, rebuild the dedup index.

    ``lean`` for a long-running process: what only sending needs is loaded when sending (``load``).
    """
    from monitor import startup
    from monitor.pipeline import Pipeline  # the pipeline imports Runtime from here
    from monitor.pipeline.kept import Kept

    rt = load(config, lean=lean, cache=beside(config.storage_path) if lock else None)
    if warning := exposure(config, rt.notifier):
        log.warning("%s", warning)
    store = Store(config.storage_path)
    if lock:
        store.lock()
    store.sync_feeds((f.url, f.name) for f in config.feeds)
    rt = replace(rt, command_feeds=load_command_feeds(store, config))
    window = timedelta(seconds=config.dedup.window)

    # A one-off run keeps the index for the next (``pipeline/kept.py``); a daemon only reads it at start.
    path = config.storage_path.with_name(config.storage_path.name + ".window") if lock else None
    kept = Kept(path, startup.index_key(window), saving=not lean)

    def load_index() -> StoryIndex:
        since = clock() - window  # numpy and the dedup code load here: only for a cycle with news
        index = kept.load(store, since)
        if index is None:
            index = kept.build(store, since, window, backfill=lock)
        log.info("dedup index holds %s", plural(len(index), "recent entry", "recent entries"))
        if lean:  # a daemon holds the index for weeks: the rows it was read from need not stay in its heap
            give_back_memory()
        return index

    log.info(
        "loaded %s, %s, %s",
        plural(len(rt.rules.rules), "rule"),
        plural(len(config.feeds), "config feed"),
        plural(len(rt.command_feeds), "command feed"),
    )
    return Pipeline(
        runtime=rt,
        store=store,
        client=make_client(allow_private=config.polling.allow_private),
        load_index=load_index,
        kept=kept,
        clock=clock,
        hosts=HostSlots(config.polling.per_host),
        # Counted only where [http] listen serves them (``daemon.metrics``; a reload keeps the listener).
        metrics=Metrics() if config.http.listen else Unrecorded(),
        # A one-off run reads its first bodies in place (pool.INLINE_BYTES), then some more whenever the workers
        # are all busy (``share``); a daemon keeps parsing out of its process.
        parser=FeedParser(inline_bytes=0 if lean else INLINE_BYTES, share=not lean),
    )


def load_command_feeds(store: Store, config: Config) -> tuple[Feed, ...]:
    """Feeds added with `monitor feeds add/import`: adaptive unless added with an interval."""
    return tuple(
        Feed(
            row["url"],
            row["name"] or row["url"],
            row["pinned_interval"] or config.polling.interval,
            adaptive=row["pinned_interval"] is None,
        )
        for row in store.command_feeds()
    )


def prune(p: Pipeline) -> int:
    """Apply [retention]: prune old stories, keep tombstones. Returns the entries pruned."""
    keep = p.runtime.config.retention.entries
    if not keep:
        return 0
    now = p.clock()
    pruned = p.store.prune(now - timedelta(seconds=keep), now)
    p.store.prune_articles(now - timedelta(seconds=keep))  # the text of pruned entries' pages
    if pruned:
        p.metrics.pruned.inc(pruned)
        log.info("retention: pruned %d entries first seen over %s ago (tombstones kept)", pruned, format_duration(keep))
    return pruned
