"""When two reports date their news: the days an event's keys name, compared as days. Pure.

``eventkeys`` keys a named day as ``@MM-DD`` and a weekday as ``WEEKDAY_MARK`` + the date of that weekday nearest
the report's publication (``%MM-DD``); neither key holds a year. Two reports of one happening date it on one day
(the fire "before dawn on Tuesday"); a report hours later dating its news on a later day ("on Wednesday the levee was
closed", "the results were confirmed on Wednesday"), from the same desk or another, tells what happened next: another
happening, whoever and wherever it names again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from monitor.dedup.eventkeys import WEEKDAY_MARK

_DAY_MARKS = ("@", WEEKDAY_MARK)
NEAR_DAYS = 3  # a report's news is dated within this many days of its publication (``dated_later``)


def days_named(keys: Iterable[str], near: float) -> set[date]:
    """The days ``keys`` name (named days and weekdays), each in the year that puts it nearest ``near`` (a UTC
    timestamp): keys hold no year, and a report names days close to its own."""
    today = datetime.fromtimestamp(near, UTC).date()
    days = set()
    for key in keys:
        if key[:1] not in _DAY_MARKS or len(key) != 6:
            continue
        month, day = int(key[1:3]), int(key[4:6])
        options = [_day(year, month, day) for year in (today.year - 1, today.year, today.year + 1)]
        days.add(min(filter(None, options), key=lambda d: abs((d - today).days), default=today))
    return days


def dated_later(ours: Iterable[str], theirs: Iterable[str], their_when: float) -> bool:
    """Does a new report (keys ``ours``) date its news only on days after every day an earlier report (keys
    ``theirs``, published at ``their_when``) dates its own, or after the day that report was published (UTC)
    when it names none? Then it tells what happened next. A report naming the first day too ("breached on
    Tuesday, closed on Wednesday") or no day at all says nothing by its days. Only days within ``NEAR_DAYS`` of
    the earlier report's publication count: a date further off ("the trial opens on 3 July") is no day of the news
    (a weekday's key is within three days of its report by construction)."""
    published = datetime.fromtimestamp(their_when, UTC).date()
    mine = _near(days_named(ours, their_when), published)
    if not mine:
        return False
    first = _near(days_named(theirs, their_when), published) or {published}
    return min(mine) > max(first)


def _near(days: set[date], published: date) -> set[date]:
    return {day for day in days if abs((day - published).days) <= NEAR_DAYS}


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February of a common year
        return None


def datelike(key: str) -> bool:
    """Is ``key`` a number any date may print: a whole number from 1 to 31 (a day of the month, an hour) or a year
    (1900 to 2100)? "14 Tiunu", "12/6" and "2033" date a report, in a calendar ``dates`` may not read; two reports
    of two happenings the same week share them by chance. A count, a sum or a length sharing such a value says
    little more: the figure that tells one happening from another is one no date prints."""
    try:
        value = float(key)
    except ValueError:
        return False
    return value.is_integer() and (1 <= value <= 31 or 1900 <= value <= 2100)
