"""The values the Store hands out and takes in: feed state, pending alerts, deliveries.

Kept apart from the Store so the modules that only pass these around (notify, delivery,
pipeline) depend on plain frozen values, not on the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from monitor.models import Match, Message


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled: bool = False  # False until the first successful poll: decides the backlog window
    error_count: int = 0
    status: str = "ok"  # ok, failing, gone (disabled until `feeds enable`)
    fetch_url: str | None = None  # set after a permanent redirect; fetched instead of ``url``
    interval: float | None = None
    last_success: datetime | None = None
    failing_since: datetime | None = None
    next_poll: datetime | None = None
    health_notice: str | None = None
    body_hash: str | None = None  # of the last body processed; None when unknown


@dataclass(frozen=True, slots=True)
class PendingAlert:
    id: int
    rule: str
    story_id: int | None  # None for a notice: it is about a feed, a target or the config, not a story
    entry_id: int | None
    target: str
    url_id: str
    matched: tuple[str, ...]
    attempts: int
    created: datetime | None = None
    next_attempt: datetime | None = None
    hold_reason: str | None = None
    hold_until: datetime | None = None
    batch: int | None = None
    in_flight: datetime | None = None
    since: datetime | None = None  # start of the current retry series (created, or the last manual retry)
    kind: str = "story"  # story | event | escalation | update | spike | notice
    # an update's "previous_title" and "change"; a spike's figures; a notice's "title" and "body" (its whole message)
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Delivery:
    """One target URL an alert must reach; ``url_id`` names it without its secrets."""

    rule: str
    target: str
    url_id: str
    url_label: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A message for the operator, queued as alerts of kind "notice": one per delivery, under ``key``
    (the same key twice queues nothing new)."""

    deliveries: tuple[Delivery, ...]
    key: str
    message: Message


# (match, delivery) queues the rule's ordinary alert ("story"); a third item names another kind:
# "event" (one per event), "escalation" (one per story), "update:HASH" (one per entry version).
QueuedAlert = tuple[Match, "Delivery"] | tuple[Match, "Delivery", str]


class Recorded(NamedTuple):
    entry_id: int
    story_id: int
    queued: int  # alerts actually added: a key already taken (a copy of an alerted story) adds none
