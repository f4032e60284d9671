"""Feed-health notices for the operator: a feed has been failing, is gone, or works again.

Deciding and wording are pure (``notice_due``, ``failing``, ``recovered``, ``gone``);
``tell`` sends a notice to the operator target through the notifier. A notice that
could not be sent is not recorded, so the next poll of the feed tries again: the
operator hears about a broken feed once, and about its recovery once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from monitor.durations import format_duration
from monitor.errors import DeliveryError
from monitor.models import Feed, Message
from monitor.urls import redact

if TYPE_CHECKING:  # the deciding half stays importable without apprise
    from monitor.outbox.targets import Notifier

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


def tell(notifier: Notifier, target: str, message: Message) -> bool:
    """Send ``message`` to every URL of the operator ``target``; True if at least one accepted it."""
    delivered = False
    for delivery in notifier.deliveries("feed health", [target]):
        try:
            notifier.send(delivery.url_id, message)
        except DeliveryError as exc:
            log.warning(
                "feed-health notice %r to %s failed: %s; will retry at the next poll", message.title, target, exc
            )
            continue
        delivered = True
    if delivered:
        log.info("feed-health notice sent to %s: %s", target, message.title)
    return delivered
