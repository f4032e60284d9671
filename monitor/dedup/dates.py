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
import unicodedata
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
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Every form holds a number of one or two digits: find those, then look at their neighbours.
# (One alternation tried at every position of the text is ten times slower.)
_NUMBER = re.compile(r"[0-9]+")  # ASCII digits: the text is NFKC'd first (７月３日 → 7月3日)
_MONTH_BEFORE = re.compile(rf"\b{_EN_MONTH}\.?\s+$")  # July 3
_MONTH_AFTER = re.compile(rf"\s+(?:{_EN_MONTH}|({'|'.join(_RU_MONTHS)}))\b")  # 3 July, 3 июля
_DAY_AFTER = re.compile(r"\s*月\s*([0-3]?[0-9])\s*日")  # 7月3日: the number found is the month


def named_days(text: str, published: datetime) -> list[date]:
    """Every valid month-and-day in ``text``, in order, dated in the year that puts it on or before ``published``."""
    text = unicodedata.normalize("NFKC", text).lower()
    days: list[date] = []
    for number in _NUMBER.finditer(text):
        month_day = len(number.group()) <= 2 and _month_day(text, number)
        found = month_day and _on_or_before(*month_day, published.date())
        if found:
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


def _month_day(text: str, number: re.Match[str]) -> tuple[int, int] | None:
    value, after = int(number.group()), text[number.end() : number.end() + 12]
    if month := _MONTH_BEFORE.search(text, max(0, number.start() - 11), number.start()):
        return _EN_MONTHS.index(month.group(1)[:3]) + 1, value
    if month := _MONTH_AFTER.match(after):
        english, russian = month.groups()
        return (_EN_MONTHS.index(english[:3]) + 1 if english else _RU_MONTHS.index(russian) + 1), value
    if day := _DAY_AFTER.match(after):
        return value, int(day.group(1))
    return None


def _on_or_before(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= published:
            return found
    return None
