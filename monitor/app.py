"""Wiring: build a Pipeline from a Config. The one place that opens the edges."""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from monitor.config import Config
from monitor.dedup import StoryIndex
from monitor.errors import ConfigError
from monitor.fetch import make_client
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.rules import RuleSet, load_rules
from monitor.store import Store
from monitor.urls import has_password

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


def check(config: Config) -> list[str]:
    """Validate rules and targets beyond the config itself; raise ConfigError with every problem."""
    rules = load_rules(config.rule_paths, config.targets)
    problems = Notifier(config.targets).problems(str(config.path))
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


def build(config: Config, clock: Callable[[], datetime] = utc_now, *, lock: bool = True) -> Pipeline:
    """Open the store (taking the single-writer lock), load rules, rebuild the dedup index."""
    rules = load_rules(config.rule_paths, config.targets)
    notifier = Notifier(config.targets)
    problems = notifier.problems(str(config.path))
    if problems:
        raise ConfigError(problems)
    if warning := exposure(config):
        log.warning("%s", warning)
    store = Store(config.storage_path)
    if lock:
        store.lock()
    store.sync_feeds((f.url, f.name) for f in config.feeds)
    index = StoryIndex()
    for entry_id, story_id, entry in store.recent_entries(clock() - timedelta(seconds=config.dedup.window)):
        index.add(entry_id, story_id, entry)
    log.info(
        "loaded %d rules, %d feeds; dedup index holds %d recent entries", len(rules), len(config.feeds), len(index)
    )
    return Pipeline(
        config=config,
        store=store,
        client=make_client(allow_private=config.polling.allow_private),
        rules=RuleSet(rules),
        notifier=notifier,
        index=index,
        clock=clock,
    )
