"""Wiring: build a Pipeline from a Config. The one place that opens the edges."""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from monitor.config import Config
from monitor.durations import format_duration
from monitor.errors import ConfigError
from monitor.fetch import HostSlots, make_client
from monitor.models import Feed
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.reindex import rebuild_index
from monitor.render import Templates, load_templates
from monitor.rules import Rule, RuleSet, load_rules
from monitor.store import Store
from monitor.urls import has_password

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


def check(config: Config) -> list[str]:
    """Validate rules and targets beyond the config itself; raise ConfigError with every problem."""
    rules = load_rules(config.rule_paths, config.targets)
    problems = Notifier(config.targets).problems(str(config.path))
    problems += Templates(config.notify.templates).problems()
    if problems:
        raise ConfigError(problems)
    return [rule.name for rule in rules]


def exposure(config: Config) -> str | None:
    """A warning when the config holds credentials and users other than its owner can read it."""
    credentials = [u for u in config.secrets if u.partition("://")[2].strip("/")]
    credentials += [f.url for f in config.feeds if has_password(f.url)]
    try:
        mode = config.path.stat().st_mode
    except OSError:
        return None
    if not credentials or not mode & (stat.S_IRGRP | stat.S_IROTH):
        return None
    return (
        f"{config.path}: warning: other users can read this file (mode {stat.S_IMODE(mode):04o}) and it holds "
        f"{len(credentials)} URL(s) with credentials: chmod 600 {config.path} "
        "(under systemd, hand it over with LoadCredential=, see systemd/README.md)"
    )


def prepare(config: Config, *, lean: bool = False) -> tuple[list[Rule], Notifier]:
    """The rules and notifier of ``config``; raise ConfigError with every problem (a reload uses it too).

    ``lean`` (the daemon): apprise stays out of this process until something is sent (see notify).
    """
    rules = load_rules(config.rule_paths, config.targets)
    notifier = Notifier(config.targets, throttle=config.notify.throttle, lean=lean)
    problems = notifier.problems(str(config.path))
    if problems:
        raise ConfigError(problems)
    return rules, notifier


def build(
    config: Config, clock: Callable[[], datetime] = utc_now, *, lock: bool = True, lean: bool = False
) -> Pipeline:
    """Open the store (taking the single-writer lock), load rules, rebuild the dedup index.

    ``lean`` for a long-running process: what only sending needs is loaded when sending (``prepare``).
    """
    rules, notifier = prepare(config, lean=lean)
    templates = load_templates(config.notify.templates)
    if warning := exposure(config):
        log.warning("%s", warning)
    store = Store(config.storage_path)
    if lock:
        store.lock()
    store.sync_feeds((f.url, f.name) for f in config.feeds)
    command_feeds = load_command_feeds(store, config)
    window = timedelta(seconds=config.dedup.window)
    index = rebuild_index(store, clock() - window, window, backfill=lock)
    log.info(
        "loaded %d rules, %d config feeds, %d command feeds; dedup index holds %d recent entries",
        len(rules),
        len(config.feeds),
        len(command_feeds),
        len(index),
    )
    return Pipeline(
        config=config,
        store=store,
        client=make_client(allow_private=config.polling.allow_private),
        rules=RuleSet(rules),
        notifier=notifier,
        index=index,
        clock=clock,
        templates=templates,
        command_feeds=command_feeds,
        hosts=HostSlots(config.polling.per_host),
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
    keep = p.config.retention.entries
    if not keep:
        return 0
    now = p.clock()
    pruned = p.store.prune(now - timedelta(seconds=keep), now)
    if pruned:
        p.metrics.pruned.inc(pruned)
        log.info("retention: pruned %d entries first seen over %s ago (tombstones kept)", pruned, format_duration(keep))
    return pruned
