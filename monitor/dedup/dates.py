"""Days named in news text: "July 3", "3 July", "3 июля", "7月3日". Pure.

Two uses in event clustering:

- a named day is a script-neutral keyword (``@07-03``): an English and a Japanese
  report that both say the recognition came on July 3 share it;
- the day named in a report's *opening* dates the event it reports. A translation or
  a weekly digest published six days later still says "on July 3" in its first
  sentence, and is compared with the reports of July 3, not with its own week.

Only month-and-day forms are read (a bare year or "August 2021" names a period, not
the day of an event), and a day is placed in the year that puts it on or before
publication.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Genitive ("3 июля"): the form a Russian date takes.
_RU_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_EN_MONTH = (
    r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{}>[0-3]?\d)(?!\d)"
_DATE = re.compile(
    "|".join(
        (
            rf"\b{_EN_MONTH.format('m1')}\s+{_DAY.format('d1')}\b",  # July 3
            rf"\b{_DAY.format('d2')}\s+{_EN_MONTH.format('m2')}\b",  # 3 July
            rf"(?<!\d)(?P<d3>[0-3]?\d)\s+(?P<m3>{'|'.join(_RU_MONTHS)})\b",
            r"(?<!\d)(?P<m4>1[0-2]|0?[1-9])\s*月\s*(?P<d4>[0-3]?\d)\s*日",  # 7月3日
        )
    ),
    re.IGNORECASE,
)


def named_days(text: str, published: datetime) -> list[date]:
    """Every valid month-and-day in ``text``, in order, dated in the year that puts it on or before ``published``."""
    days: list[date] = []
    for match in _DATE.finditer(text):
        month, day = _month_day(match)
        found = _on_or_before(month, day, published.date())
        if found is not None:
            days.append(found)
    return days


def event_day(opening: str, published: datetime, window: timedelta) -> date | None:
    """The day the opening names as the event's, if it is earlier than publication and within ``window``."""
    for day in named_days(opening, published):
        if published.date() - window <= day < published.date():
            return day
        return None  # only the first named day dates the event: later ones are background
    return None


def day_key(day: date) -> str:
    """The keyword of a named day; the year is left out because reports rarely print it."""
    return f"@{day.month:02d}-{day.day:02d}"


def _month_day(match: re.Match[str]) -> tuple[int, int]:
    groups = match.groupdict()
    if groups["m1"] or groups["m2"]:
        name = (groups["m1"] or groups["m2"]).lower()
        return _EN_MONTHS.index(name[:3]) + 1, int(groups["d1"] or groups["d2"])
    if groups["m3"]:
        return _RU_MONTHS.index(groups["m3"].lower()) + 1, int(groups["d3"])
    return int(groups["m4"]), int(groups["d4"])


def _on_or_before(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= published:
            return found
    return None
