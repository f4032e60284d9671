"""Notices for the operator: a feed has been failing, is gone, or works again; a target is
failing; a reload was refused.

Deciding and wording are pure (``notice_due``, ``failing``, ``recovered``, ``gone``,
``target_failing``, ``reload_refused``). ``queue`` puts a notice in the outbox, as alerts
of kind "notice" to the operator target, in the transaction that records the fact (for a
feed, its ``health_notice``): nothing here sends. The outbox delivers notices like any
alert, with retry, quiet hours and a record, so a slow operator target never holds a poll.
The operator hears about a broken feed once, and about its recovery once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from monitor.durations import format_duration, plural
from monitor.models import Feed, Message
from monitor.store import Notice
from monitor.urls import redact

if TYPE_CHECKING:  # the wording stays importable without apprise
    from monitor.outbox.target import Target
    from monitor.store import Store

log = logging.getLogger(__name__)


def notice_due(
    errors: int, failing_since: datetime | None, now: datetime, *, after_errors: int, after_seconds: float
) -> bool:
    """True once a failure streak is ``after_errors`` long or has lasted ``after_seconds``."""
    if errors <= 0:
        return False
    lasted = (now - failing_since).total_seconds() if failing_since else 0.0
    return errors >= after_errors or lasted >= after_seconds


def failing(
    feed: Feed, errors: int, error: str, failing_since: datetime | None, now: datetime, retry_in: float
) -> Message:
    since = f" for {format_duration((now - failing_since).total_seconds())}" if failing_since else ""
    return Message(
        title=f"[monitor] feed failing: {feed.name}",
        body=(
            f"The feed {feed.name} ({redact(feed.url)}) has failed {errors} times in a row{since}.\n"
            f"Last error: {error}\n"
            f"monitor keeps retrying with growing gaps; next attempt in {format_duration(retry_in)}. "
            "You will get one more notice when it works again."
        ),
    )


def recovered(feed: Feed, failing_since: datetime | None, now: datetime) -> Message:
    lasted = f" after {format_duration((now - failing_since).total_seconds())}" if failing_since else ""
    return Message(
        title=f"[monitor] feed recovered: {feed.name}",
        body=f"The feed {feed.name} ({redact(feed.url)}) works again{lasted}; polling is back to its usual schedule.",
    )


def gone(feed: Feed) -> Message:
    return Message(
        title=f"[monitor] feed gone: {feed.name}",
        body=(
            f"The feed {feed.name} ({redact(feed.url)}) answered 410 Gone: the publisher removed it, "
            "so monitor no longer polls it. Remove it from the config (or `monitor feeds remove URL`), "
            "or run `monitor feeds enable URL` if it comes back."
        ),
    )


def target_failing(target: str, label: str, error: str) -> Message:
    return Message(
        title=f"monitor: delivery failing for target {target}",
        body=(
            f"Alerts to {label} (target {target}) keep failing and are now dead: {error}.\n"
            "They stay in the database: `monitor alerts list --dead` shows them, "
            "`monitor alerts retry --all` sends them again once the target works.\n"
            "This is the only notice until the target accepts an alert again."
        ),
    )


def reload_refused(path: str, error: str, feeds: int, rules: int) -> Message:
    return Message(
        title="[monitor] reload refused: the current config stays",
        body=(
            f"A reload of {path} was refused, so monitor keeps running with the current config, "
            f"{plural(feeds, 'feed')} and {plural(rules, 'rule')}.\n{error}\n"
            "Fix the file (`monitor check` lists every problem), then reload again."
        ),
    )


def queue(
    store: Store,
    target: Target,
    operator: str,
    message: Message,
    key: str,
    now: datetime,
    *,
    topic: str = "feed health",
    feed: tuple[str, str | None] | None = None,
) -> int:
    """Queue ``message`` to every URL of the ``operator`` target under ``key`` (safe to call twice).

    With ``feed`` = (url, health_notice), the feed records what it was told in the same transaction.
    Returns how many were queued; with no usable URL the notice goes to the log instead.
    """
    deliveries = tuple(target.deliveries(topic, [operator]))
    queued = store.queue_notice(Notice(deliveries, key, message), now, feed=feed)
    if not deliveries:
        log.error("%s: %s (target %s has no usable URL)", message.title, message.body.replace("\n", " "), operator)
    elif queued:
        log.info("notice queued for target %s: %s", operator, message.title)
    return queued
