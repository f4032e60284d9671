"""How a target wants its alerts: quiet hours, digest schedule, burst caps, giving up. Pure.

Values here are built once by the config loader (which reports bad ones as
PATH:LINE problems) and asked questions with an explicit ``now``: no clock is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.models import Burst

DEFAULT_DIGEST = "0 8 * * *"
DEFAULT_MAX_ATTEMPTS = 12  # about a day of capped exponential backoff
DEFAULT_MAX_AGE = 2 * 86400.0


def zone(name: str) -> ZoneInfo:
    """A time zone by IANA name; ValueError naming the expected form."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f'unknown time zone {name!r}: use an IANA name such as "Europe/Berlin" or "UTC"') from None


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window in a time zone, e.g. 22:00-07:00 (crossing midnight is fine)."""

    start: time
    end: time
    tz: ZoneInfo

    @classmethod
    def parse(cls, text: str, tz: ZoneInfo) -> QuietHours:
        found = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", str(text))
        if not found:
            raise ValueError(f'{text!r} is not a window: write e.g. "22:00-07:00"')
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59 or (h1, m1) == (h2, m2):
            raise ValueError(f'{text!r} is not a window: hours 00-23, minutes 00-59, start ≠ end, e.g. "22:00-07:00"')
        return cls(time(h1, m1), time(h2, m2), tz)

    def contains(self, now: datetime) -> bool:
        local = now.astimezone(self.tz).time()
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def ends_after(self, now: datetime) -> datetime:
        """The next end of the window after ``now`` (the moment held alerts go out)."""
        local = now.astimezone(self.tz)
        end = datetime.combine(local.date(), self.end, self.tz)
        if end <= local:
            end = datetime.combine(local.date() + timedelta(days=1), self.end, self.tz)
        return end


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """Delivery settings of one named target; ``[notify]`` holds the defaults every target inherits."""

    digest: str = DEFAULT_DIGEST
    timezone: str = "UTC"
    quiet: QuietHours | None = None
    burst: Burst | None = None  # off by default: every alert goes out on its own
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    max_age: float = DEFAULT_MAX_AGE

    def quiet_at(self, now: datetime) -> bool:
        return self.quiet is not None and self.quiet.contains(now)

    def gives_up(self, attempts: int, since: datetime, now: datetime) -> bool:
        """True when an alert that has failed ``attempts`` times since ``since`` becomes dead."""
        return attempts >= self.max_attempts or (now - since).total_seconds() >= self.max_age
