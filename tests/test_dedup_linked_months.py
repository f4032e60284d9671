"""Held-out v27 (studied by dd30): a day named with a word before its month, or a mark on the month.

A creole of a Romance language writes the month as the Germanic languages do, with a mark on a vowel and
"di" before it ("17 di òktober"); English writes "the 17th" or "17 of October"; Hungarian "október 17.".
Read as no day, such a report was dated at its publication while its English twin, naming the day, was
dated three days earlier: outside each other's window, two events. Now a mark on a Latin letter is no
part of the month's spelling, and "of" or d+vowel may stand between a day and a month written whole
(``dates._MONTH_LINKED``; not "May" nor "Mar", nor any other short word: "rose 5 in August"). Our own words,
in Papiamento-like Latin, Hungarian, English, and Kazakh Cyrillic (whose marked letters keep their marks).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from test_dedup_classes import _parsed

from monitor.dedup.dates import named_days
from monitor.dedup.eventkeys import keywords

PUBLISHED = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


def test_a_month_after_a_linking_word_or_with_a_mark_names_its_day():
    assert named_days("Boluntario a limpia e playa djadumingu 18 di òktober", PUBLISHED) == [date(2026, 10, 18)]
    assert named_days("The pier reopened on the 18 of October", PUBLISHED) == [date(2026, 10, 18)]
    assert named_days("A híd október 18. óta újra nyitva", PUBLISHED) == [date(2026, 10, 18)]
    assert named_days("Алматыда 18 қазанда жаңа көпір ашылды, 3 мамыр", PUBLISHED) == []  # Kazakh's own months
    assert named_days("Ақтөбеде 18 октябрьде көпір ашылды", PUBLISHED) == [date(2026, 10, 18)]  # ө keeps its mark


def test_a_short_word_before_an_ambiguous_or_short_month_is_no_date():
    assert named_days("Prices rose 5 in August and 3 to March", PUBLISHED) == []
    assert named_days("El 5 de mayo, 3 de mar y 12 of may", PUBLISHED) == []


def test_a_report_dating_its_day_with_a_linked_month_is_dated_as_its_english_twin():
    creole = _parsed(
        "pc1",
        "Boluntario ta limpia playa",
        "<p>KRALENDIJK — Sesenta boluntario a limpia Playa Grandi djasabra 17 di òktober i a saka 400 kilo.</p>",
    )
    english = _parsed(
        "en1", "Volunteers clear beach", "<p>KRALENDIJK — Sixty volunteers cleared 400 kg of rubbish on 17 October.</p>"
    )
    assert "@10-17" in keywords(creole, PUBLISHED) and "@10-17" in keywords(english, PUBLISHED)
