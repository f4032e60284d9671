"""Wiring: build a Pipeline from a Config. The one place that opens the edges."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from monitor.config import Config
from monitor.dedup import StoryIndex, signature
from monitor.dedup.index import WINDOW
from monitor.errors import ConfigError
from monitor.fetch import make_client
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.rules import RuleSet, load_rules
from monitor.store import Store

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


def rebuild_index(store: Store, since: datetime, window: timedelta = WINDOW) -> StoryIndex:
    """The dedup index of the window, from stored signatures (computed afresh for rows stored before them)."""
    index = StoryIndex(window=window)
    for entry_id, story_id, event_id, seen, sig in store.recent_signatures(since):
        index.add(entry_id, story_id, event_id, sig or signature(store.entry(entry_id), seen), seen)
    return index


def build(config: Config, clock: Callable[[], datetime] = utc_now, *, lock: bool = True) -> Pipeline:
    """Open the store (taking the single-writer lock), load rules, rebuild the dedup index."""
    rules = load_rules(config.rule_paths, config.targets)
    notifier = Notifier(config.targets)
    problems = notifier.problems(str(config.path))
    if problems:
        raise ConfigError(problems)
    store = Store(config.storage_path)
    if lock:
        store.lock()
    store.sync_feeds((f.url, f.name) for f in config.feeds)
    window = timedelta(seconds=config.dedup.window)
    index = rebuild_index(store, clock() - window, window)
    log.info(
        "loaded %d rules, %d feeds; dedup index holds %d recent entries", len(rules), len(config.feeds), len(index)
    )
    return Pipeline(
        config=config,
        store=store,
        client=make_client(),
        rules=RuleSet(rules),
        notifier=notifier,
        index=index,
        clock=clock,
    )
