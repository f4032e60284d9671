"""Digest schedules: crontab expressions read by APScheduler's cron trigger (kept out of the pure policy)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from monitor.outbox.policy import TargetPolicy, zone

if TYPE_CHECKING:
    from apscheduler.triggers.cron import CronTrigger


def digest_schedule(expression: str, tz: ZoneInfo) -> CronTrigger:
    """A crontab expression (minute hour day month weekday) as APScheduler's cron trigger."""
    # Imported here: a `run --once` with nothing held for a digest never reads a schedule (~0.06 CPU-s).
    from apscheduler.triggers.cron import CronTrigger

    try:
        return CronTrigger.from_crontab(expression, timezone=tz)
    except ValueError as exc:
        raise ValueError(f'{expression!r} is not a cron schedule ({exc}): write e.g. "0 8 * * *"') from None


def next_digest(policy: TargetPolicy, after: datetime) -> datetime:
    """When the target's next digest is due after ``after``."""
    fire = digest_schedule(policy.digest, zone(policy.timezone)).get_next_fire_time(None, after)
    assert fire is not None  # a crontab expression always fires again
    return fire
