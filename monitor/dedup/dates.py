"""Days named in news text: "July 3", "3 July", "3 июля", "7月3日", "2월 8일", in any decimal digits. Pure.

Two uses in event clustering:

- a named day is a script-neutral keyword (``@07-03``): an English and a Japanese
  report that both say the recognition came on July 3 share it;
- the day named in a report's *opening* dates the event it reports. A translation or
  a weekly digest published six days later still says "on July 3" in its first
  sentence, and is compared with the reports of July 3, not with its own week.

Only month-and-day forms are read (a bare year or "August 2021" names a period, not
the day of an event), and a day is placed in the year that puts it on or before
publication. A day written in numbers with its year ("8/3/2027", "15.04.2027") is read when
one of its readings, day first or month first, alone is a day of the week before publication.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from monitor.names import name_key

_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The months of the Cyrillic alphabets that write Russia's month names, by their stems, one line a month,
# lower case: each language adds its own case ending (Russian "3 июля", Tatar "12 октябрьдә", Chuvash "октябрӗн
# 12-мӗшӗнче"), so a stem names the month with any ending (May only as "мая" or "май": "майор" is a rank). A
# table of twenty languages' own month words (session 7) moved no tuning set but one follow-up, which its extra
# day key diluted below the threshold, so it was left out.
_MONTH_NAMES = """
январ
феврал
март
апрел
мая май
июн
июл
август
сентябр
октябр
ноябр
декабр
"""
_MONTH_OF = {
    unicodedata.normalize("NFKC", name): month
    for month, line in enumerate(filter(None, _MONTH_NAMES.splitlines()), start=1)
    for name in line.split()
}
_WHOLE_MONTHS = ("мая", "май")
# English, and its months as the Germanic languages and many others write them: k or z for c and an ending after
# "-ober", "-ember" ("9. Oktober", "den 9 oktober", "3. Dezember", "2 juli"). The Romance forms ("novembre")
# are not read: the day key of a date to come ("le 20 novembre", the council's swearing-in) diluted a follow-up
# of its election below the event threshold (v1).
_EN_MONTH = (
    r"(jan(?:uary|uar\w*)?|feb(?:ruary|ruar\w*)?|mar(?:ch)?|apr(?:il\w*)?|may|jun[ei]?|jul[iy]?|aug(?:ust\w*)?"
    r"|sep(?:t(?:ember\w*)?)?|o[ck]t(?:ober\w*)?|nov(?:ember\w*)?|de[cz](?:ember\w*)?)"
)
_STEMS = sorted(set(_MONTH_OF) - set(_WHOLE_MONTHS), key=lambda stem: (-len(stem), stem))
_LOCAL_MONTH = "|".join(_WHOLE_MONTHS) + "|(?:" + "|".join(map(re.escape, _STEMS)) + r")\w*"
# Every form holds a number of one or two digits: find those, then look at their neighbours.
# (One alternation tried at every position of the text is ten times slower.)
# ASCII digits: the text is NFKC'd first (７月３日 → 7月3日), other digits mapped. Not "[0-9]+": ``re`` seeks the
# start of a pattern that opens with a class in C, but of one that opens with a repeat tries every character.
_NUMBER = re.compile(r"[0-9][0-9]*")
_MONTH_BEFORE = re.compile(rf"(?<!\w)(?:{_EN_MONTH}\.?|({_LOCAL_MONTH}))\s+$")  # July 3, február 8., Februari 8
# 3 July, 3 июля, 8. helmikuuta, 8 февруари
_MONTH_AFTER = re.compile(rf"\.?\s+(?:{_EN_MONTH}|({_LOCAL_MONTH}))(?!\w)")
# "17 di oktober", "6 of October": the word English and the Romance languages' creoles put between a day and a
# month written whole (not "May" nor "Mar": "3 de mar" is no date; other short words, "rose 5 in August", are no
# date's either).
_MONTH_LINKED = re.compile(rf"\s+(?:of|d[aeiu])\s+(?=[a-z]{{4}}){_EN_MONTH}()(?!\w)")  # (): no local month
# A mark on a Latin letter of a month ("òktober", "október"): the month as the English letters write it.
# Written to open with a mark (``re`` seeks one in C), then a look behind at the letter before it: as
# ``(?<=[a-z])[\u0300-\u036f]+`` (tests/test_dedup_class_openings.py), which was tried at every character.
LATIN_MARKED = r"(?<=[a-z])[\u0300-\u036f]+"
_LATIN_MARKED = re.compile(r"[\u0300-\u036f](?<=[a-z][\u0300-\u036f])[\u0300-\u036f]*")
_DAY_AFTER = re.compile(r"\s*[月월]\s*([0-3]?[0-9])\s*[日일]")  # 7月3日, 2월 8일: the number found is the month
_DAY_MARKS = ("月", "월")
# Decimal digits of other scripts as ASCII (Arabic-Indic, Persian, Devanagari, Bengali, …, Thai, Myanmar).
_ZEROS = (0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50, 0x1040)
_DIGITS = {chr(zero + d): str(d) for zero in _ZEROS for d in range(10)}
# Replaced by a regex, not ``str.translate``: that looks every character of a non-ASCII text up in a dict.
_OTHER_DIGIT = re.compile("[" + "".join(f"\\u{zero:04x}-\\u{zero + 9:04x}" for zero in _ZEROS) + "]")


def named_days(text: str, published: datetime, scripts: bool = True) -> list[date]:
    """Every valid month-and-day in ``text``, in order, dated in the year that puts it on or before ``published``.
    ``scripts``: months of other scripts too (``_script_month``)."""
    text = unicodedata.normalize("NFKC", text).lower()
    if not text.isascii():
        text = _OTHER_DIGIT.sub(lambda digit: _DIGITS[digit[0]], text)
        text = unicodedata.normalize("NFC", _LATIN_MARKED.sub("", unicodedata.normalize("NFD", text)))  # й stays
    days: list[tuple[int, date]] = []
    for number in _NUMBER.finditer(text):
        month_day = len(number.group()) <= 2 and _month_day(text, number, scripts)
        found = month_day and _on_or_before(*month_day, published.date())
        if found:
            days.append((number.start(), found))
    if "/" in text or "." in text:
        days.extend(
            (numeric.start(), found)
            for numeric in _NUMERIC_DATE.finditer(text)
            if (found := _recent(numeric, published.date()))
        )
        days.sort(key=lambda day: day[0])
    return [day for _, day in days]


# A day written in numbers with its year, "8/3/2027", "15.04.2027": day first in most of the world, month first in
# the United States. Read only when one reading alone is a day of the week before publication (a report's event).
NUMERIC_DATE = r"(?<![\d/.])([0-3]?[0-9])([/.])([0-3]?[0-9])\2(20[0-9]{2})(?![\d/]|\.[0-9])"
# The same matches and groups (tests/test_dedup_class_openings.py), written to open with a digit (then ``re`` seeks one
# in C; a pattern opening with a look behind is tried at every character of the text, 30 µs of a 3 kB story): no
# digit, full stop or slash before the first digit, and the second only after a 0 to 3, as ``[0-3]?[0-9]`` reads.
_NUMERIC_DATE = re.compile(
    r"([0-9](?<![\d/.][0-9])(?:(?<=[0-3])[0-9])?)([/.])([0-3]?[0-9])\2(20[0-9]{2})(?![\d/]|\.[0-9])"
)
RECENT_DAYS = 7


def _recent(numeric: re.Match[str], published: date) -> date | None:
    first, second, year = int(numeric[1]), int(numeric[3]), int(numeric[4])
    readings = set()
    for month, day in ((second, first), (first, second)):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if published - timedelta(days=RECENT_DAYS) <= found <= published:
            readings.add(found)
    return readings.pop() if len(readings) == 1 else None


def names_day(text: str) -> bool:
    """Does ``text`` name a month and day, whatever the year ("9. Oktober", "3 июля")?"""
    text = unicodedata.normalize("NFKC", text).lower()
    return any(len(number.group()) <= 2 and _month_day(text, number) for number in _NUMBER.finditer(text))


def event_day(opening: str, published: datetime, window: timedelta) -> date | None:
    """The day the opening names as the event's, if it is earlier than publication and within ``window``."""
    # Not by a month of another script (``_script_month``): so dated, a full report moved a day from its own
    # undated teaser of the same hour (held-out v35: a Saraiki "11 مارچ" report and its one-line teaser);
    # its day is a key all the same.
    for day in named_days(opening, published, scripts=False):
        if published.date() - window <= day < published.date():
            return day
        return None  # only the first named day dates the event: later ones are background
    return None


def day_key(day: date) -> str:
    """The keyword of a named day; the year is left out because reports rarely print it."""
    return f"@{day.month:02d}-{day.day:02d}"


def _month_day(text: str, number: re.Match[str], scripts: bool = True) -> tuple[int, int] | None:
    value, after = int(number.group()), text[number.end() : number.end() + 16]
    start = number.start()
    # Each search below only where what it opens or ends with stands next to the number (most numbers of a story
    # are no day): white space before it (``\s+$``), a full stop or white space after it, or a 月.
    if start and text[start - 1].isspace() and (month := _MONTH_BEFORE.search(text, max(0, start - 16), start)):
        return _month(*month.groups()), value
    spaced = after[:1].isspace()
    if (spaced or after[:1] == ".") and (month := _MONTH_AFTER.match(after) or _MONTH_LINKED.match(after)):
        return _month(*month.groups()), value
    if (spaced or after[:1] in _DAY_MARKS) and (day := _DAY_AFTER.match(after)):
        return value, int(day.group(1))
    if scripts and not text.isascii() and (written := _script_month(text, number.start(), number.end())):
        return written, value
    return None


# The month names of every script besides Latin, Cyrillic and Han (whose forms are read above): Arabic "3 يوليو",
# Hebrew "3 ביולי", Devanagari "3 नवंबर", Greek "3 Ιουλίου", Sinhala "නොවැම්බර් 8", Thai, Amharic, Burmese …
# from CLDR (babel), whole words. Most scripts write the Gregorian months as loanwords of the European ones:
# where a language's own CLDR table is missing or holds another calendar's names (Sinhala's lists its
# traditional months), the word's sound key (``names.name_key``: නොවැම්බර්, नवंबर, نوفمبر → nbmb) names the
# month, when that key is long enough (SOUND_KEY) to be no other word's and one month's only, and a loanword's: its
# first consonant the English month's, up to voice and the j/y/i of a first syllable (``_loanword``). A language's own
# month words are no loanwords, and their keys are other scripts' words: Cherokee's September ᏚᎵᏍᏗ is drsd, as Persian
# درصد ("percent") is, so "۲۵ درصد" (25 percent) was read as 25 September.
SOUND_KEY = 4
_SOUND_CLASS = str.maketrans("ptgjyx", "bdkiis")  # voiced and voiceless alike; a first j, y or i is a vowel
_NOT_OTHER_SCRIPTS = frozenset(("Latn", "Cyrl", "Hans", "Hant", "Hani", "Jpan", "Kore", ""))
# A word next to a number: up to a space, a digit or punctuation (no backtracking: one class, matched once).
_WORD_AFTER = re.compile(r"[.\s]{0,3}([^\s\d,.;:!?()\[\]{}\"'«»“”‘’„،؛؟/|\\–—-]{1,30})")
_WORD_BEFORE_STRIP = ",.;:!?()[]{}\"'«»“”‘’„،؛؟/|\\–—-"
NEIGHBOUR_CHARS = 40


def script_locales() -> list[Any]:
    """CLDR's locales (babel) written in a script besides Latin, Cyrillic and Han (Arabic, Hebrew, the Indic
    scripts, Thai, Ethiopic, Greek, …), by their likely script: the numbers' and months' words those write.
    For ``script_words``' builder only: babel's locale data costs ~65 MB and 0.4 s CPU a process."""
    from babel import Locale
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    likely = get_global("likely_subtags")
    found = []
    for ident in locale_identifiers():
        parts = ident.split("_")
        named = [part for part in parts[1:] if len(part) == 4]
        script = named[0] if named else (likely.get(ident) or likely.get(parts[0], "") + "__").split("_")[1]
        if script not in _NOT_OTHER_SCRIPTS:
            found.append(Locale.parse(ident))
    return found


def of_other_script(word: str) -> bool:
    """Is ``word`` written in a script besides Latin and Cyrillic (its first letter's)?"""
    return not word[:1].isascii() and unicodedata.name(word[0], "LATIN").split()[0] not in ("LATIN", "CYRILLIC")


def unique(pairs: Iterable[tuple[str, float]]) -> dict[str, float]:
    """The words of ``pairs`` that name one value only (a word two tables disagree on says nothing)."""
    found: dict[str, set[float]] = {}
    for word, value in pairs:
        found.setdefault(word, set()).add(value)
    return {word: values.pop() for word, values in found.items() if len(values) == 1}


def build_script_months() -> tuple[dict[str, float], dict[str, float]]:
    """CLDR's month names of ``script_locales`` (lower case) -> month, and the month of each sound key
    (of those names and the English ones) of ``SOUND_KEY`` letters or more (``script_words``' builder)."""
    from babel import Locale

    names = [
        (unicodedata.normalize("NFKC", name).lower(), float(month))
        for locale in script_locales()
        for context in ("format", "stand-alone")
        for month, name in locale.months[context]["wide"].items()
        if of_other_script(name) and not any(map(str.isdigit, name))
    ]
    english = Locale("en").months["format"]["wide"].items()
    sounds = ((name_key(name), month) for name, month in [*names, *((n, float(m)) for m, n in english)])
    firsts = {float(m): _first_sound(name_key(n) or n.lower()) for m, n in english}
    found = unique((key, month) for key, month in sounds if key and len(key) >= SOUND_KEY)
    return unique(names), {key: month for key, month in found.items() if _first_sound(key) == firsts[month]}


def _first_sound(key: str) -> str:
    """The first consonant of a sound key (``names.name_key``) or a word, up to voice (p/b, t/d, k/g): a month's
    loanword keeps the English month's (nbmb, नवंबर; sptm, سپتامبر; agst, ऑगस्ट)."""
    return key.translate(_SOUND_CLASS).lstrip("aeiou")[:1]


@functools.cache
def _script_months() -> tuple[dict[str, float], dict[str, float]]:
    """``build_script_months``, as ``script_words.json`` keeps it (no babel at run time)."""
    words = script_words()
    return words["months"], words["month_sounds"]


@functools.cache
def script_words() -> dict[str, dict[str, float]]:
    """The CLDR words of other scripts this package reads (``script_words.json``, made by
    ``python -m monitor.dedup.script_words``): months and their sound keys, multipliers and their consonants."""
    return json.loads((Path(__file__).parent / "script_words.json").read_text(encoding="utf-8"))


def neighbours(text: str, start: int, end: int) -> Iterator[str]:
    """The words next to the number at ``text[start:end]``: the one before it and the two before it (a month
    of two words: "تشرين الأول"), the one after it and the two after it; without a proclitic letter too."""
    before = text[max(0, start - NEIGHBOUR_CHARS) : start]
    if before[-1:].isspace():
        words = [word.strip(_WORD_BEFORE_STRIP) for word in before.split()[-2:]]
        yield from (words[-1], " ".join(words)) if words else ()
    if first := _WORD_AFTER.match(text, end):
        yield first[1]
        if second := _WORD_AFTER.match(text, first.end()):
            yield f"{first[1]} {second[1]}"


def _script_month(text: str, start: int, end: int) -> int | None:
    """The month a word next to the number at ``text[start:end]`` names, in a script ``_MONTH_BEFORE`` and
    ``_MONTH_AFTER`` do not read (``_script_months``); None if neither does."""
    months, sounds = _script_months()
    for word in neighbours(text, start, end):
        if not of_other_script(word):
            continue
        # "ביולי": Hebrew and Arabic glue a preposition of one letter to the month ("in July")
        month = months.get(word) or (len(word) > 3 and months.get(word[1:])) or sounds.get(name_key(word) or "")
        if month:
            return int(month)
    return None


def _month(english: str | None, local: str | None) -> int:
    if english:
        return _EN_MONTHS.index(english[:3].replace("k", "c").replace("z", "c")) + 1
    word = local or ""  # a whole month, or a stem and its ending
    return _MONTH_OF.get(word) or next(_MONTH_OF[stem] for stem in _STEMS if word.startswith(stem))


def _on_or_before(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= published:
            return found
    return None


# A day written in numbers with its year, in either order and with any of the usual separators: "10.03.2030",
# "10/03/2030", "03/10/2030", "2030-03-10", "2030/3/10". A carrier that rewrites dates (a calendar relay's ISO form,
# a US desk's month first) prints the same day in another form: as a fact it is one value (``day_facts``). Written
# to open with a digit (``re`` seeks one in C): no digit, full stop, slash or hyphen before it, none after the last.
_DAY_IN_NUMBERS = re.compile(
    r"[0-9](?<![0-9./-][0-9])([0-9]{0,3})([-./])([0-9]{1,2})\2([0-9]{1,4})(?![0-9]|[./-][0-9])"
)
# A weekday before such a day, named as date stamps name it ("Sun 2030-03-10", "Tuesday, 12.03.2030"): the stamp's.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_BEFORE = re.compile(r"([A-Za-z]{3,9})\.?,?[ \u00a0]$")


def day_facts(text: str, spans: list[tuple[int, int]], hash_of: Callable[[str], int]) -> list[tuple[int, int]]:
    """``spans`` (the offset and hash of each name and number of ``text``, in order: ``shingles.fact_spans``)
    with those inside a day replaced by one, that day's, at its day's digits (a number's offset,
    ``signature.numbers``): a day written in numbers (``_DAY_IN_NUMBERS``, and a weekday before it) or with its
    month's name ("10 March 2030", "March 10", "3 марта": ``_named_day``). Its key (``hash_of`` it) is its month
    and day, the smaller first, without the year: a day-first and a month-first reading of one day are one key
    (the two days one pair could name, 3 October and 10 March, are rarely both in one story), and a copy that
    writes the day as numbers prints a year its original may leave out. Unchanged when ``text`` names no day."""
    days = [day for found in _DAY_IN_NUMBERS.finditer(text) if (day := _day_in_numbers(text, found))]
    days += [day for at, _ in spans if text[at].isdigit() and (day := _named_day(text, at))]
    if not days:
        return spans
    out: list[tuple[int, int]] = []
    at = last = 0
    for start, digits, end, key in sorted(days):
        if start < last:
            continue  # inside a day already read ("10.03.2030" holds no other)
        while at < len(spans) and spans[at][0] < start:
            out.append(spans[at])
            at += 1
        inside = at
        while at < len(spans) and spans[at][0] < end:
            at += 1
        if at > inside:  # a day the facts read (not one in a credit, nor cut at the text's end)
            out.append((digits, hash_of(key)))
        last = end
    return out + spans[at:]


# A month's name before or after a day of one or two digits (``_MONTH_BEFORE``, ``_MONTH_AFTER``, any case), and
# a year after them ("March 10, 2030", "10 March 2030").
_NAMED_MONTH = re.compile(rf"(?:{_EN_MONTH}\.?|({_LOCAL_MONTH}))", re.IGNORECASE)  # the word before a day, whole
_NAMED_AFTER = re.compile(_MONTH_AFTER.pattern, re.IGNORECASE)
_YEAR_AFTER = re.compile(r"(?:st|nd|rd|th)?,?[ \u00a0]+[0-9]{4}(?![0-9])")
MONTH_CHARS = 14  # before a day, at most: a month's name, a full stop and a space


def _named_day(text: str, at: int) -> tuple[int, int, int, str] | None:
    """The day whose digits start at ``at``, named with its month's name (``day_facts``): where it starts (at the
    month before it, if there), where its digits start, where it ends (after a year), and its key. Read by hand, not
    by a search before the number: most of a story's numbers are no day."""
    end = at + 1 + text[at + 1 : at + 2].isdigit()
    if text[end : end + 1].isdigit() or (text[end : end + 1] in (".", ",") and text[end + 1 : end + 2].isdigit()):
        return None  # three digits or more, or a decimal
    if not 1 <= (value := int(text[at:end])) <= 31:
        return None
    month = after = None
    if at >= 2 and text[at - 1] in " \u00a0":
        space = max(
            text.rfind(" ", max(0, at - MONTH_CHARS), at - 1), text.rfind("\n", max(0, at - MONTH_CHARS), at - 1)
        )
        word = text[space + 1 : at - 1].lstrip("(«“\"'")
        month = _NAMED_MONTH.fullmatch(word) if 2 < len(word) < MONTH_CHARS else None
        if month and "." in word and len(word) > 4:
            month = None  # a month ending a sentence ("… in early April. 5 crews"), not an abbreviation's stop
    if month is None and (after := _NAMED_AFTER.match(text, end)) is not None and "\n" not in after[0]:
        month = after
    if month is None:
        return None
    start, end = (at - 1 - len(word), end) if after is None else (at, month.end())
    if year := _YEAR_AFTER.match(text, end):
        end = year.end()
    english, local = (group and group.lower() for group in month.groups())
    pair = (_month(english, local), value)
    return start, at, end, f"{min(pair)}-{max(pair)}"


def _day_in_numbers(text: str, found: re.Match[str]) -> tuple[int, int, int, str] | None:
    """A match of ``_DAY_IN_NUMBERS`` as a valid day: where it starts (at its weekday, if one), where its digits
    start, where it ends, and its key."""
    first = text[found.start()] + found[1]
    parts = (first, found[3], found[4])
    if len(first) == 4 and len(found[4]) <= 2:
        year, pair = int(first), (int(found[3]), int(found[4]))
    elif len(first) <= 2 and len(found[4]) == 4:
        year, pair = int(found[4]), (int(first), int(found[3]))
    else:
        return None
    readings = [_valid(year, month, day) for month, day in (pair, pair[::-1])]
    if not any(readings) or not all(part.isascii() for part in parts):
        return None
    start = found.start()
    weekday = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    if weekday and any(_names_weekday(weekday[1].lower(), day) for day in readings if day):
        start = weekday.start()
    return start, found.start(), found.end(), f"{min(pair)}-{max(pair)}"


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _names_weekday(word: str, day: date) -> bool:
    """Does ``word`` (lower case) name ``day``'s weekday, whole or cut to three letters or more ("sun", "tues")?"""
    return _WEEKDAYS[day.weekday()].startswith(word)
