"""A report a day after a story, dating its news on a later day, is the next development: another happening,
however much of who and where it names again (``eventdays.dated_later``, asked by ``EventIndex.find``), whether the
story's desk or a rival files it.

Two reports of one happening date it on one day ("early on Saturday"); the desk's next-day story ("Sunday brought
the breach to an end") tells what happened next. Its note on the first story (a correction) dates nothing later and
still joins (``OWN_LATER``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from test_dedup_events_siblings import events_of, item

from monitor.dedup.eventdays import dated_later, days_named

# Invented: a canal breach in one village (NOW, 12 July 2025, is a Saturday), and the desk's next-day story.
BREACH = (
    "Canal breach floods homes in Wendlow",
    "Saturday began with the embankment of the Orrin canal giving way near Wendlow, flooding 46 homes in the "
    "village, district chief Alban Treske said. About 130 people spent the night in the school hall while pumps "
    "worked to lower the water, and the road to Caddon stayed shut. Nobody was hurt, the district office said.",
)
CLOSED = (
    "Wendlow canal breach closed, families go home",
    "Sunday brought the breach to an end: engineers closed the gap in the Orrin canal embankment near Wendlow, "
    "and district chief Alban Treske said families had begun to return to their homes. Each house will be "
    "checked before its people move back, and the road to Caddon opened again in the afternoon, the district "
    "office said.",
)
CORRECTION = (
    "Correction: Wendlow canal breach",
    "An earlier report on the breach of the Orrin canal near Wendlow gave the wrong name for the district "
    "chief. He is Alban Treske. The district office said the road to Caddon stayed shut overnight.",
)


def test_the_desks_next_day_story_dated_a_day_later_is_another_event():
    events = events_of(item("Fen Courier", *BREACH, 0), item("Fen Courier", *CLOSED, 27))

    assert events[0] != events[1]


def test_a_rivals_next_day_story_dated_a_day_later_is_another_event():
    events = events_of(item("Fen Courier", *BREACH, 0), item("Marsh Wire", *CLOSED, 27))

    assert events[0] != events[1]


def test_the_desks_correction_next_day_dating_nothing_later_joins():
    events = events_of(item("Fen Courier", *BREACH, 0), item("Fen Courier", *CORRECTION, 20))

    assert events[0] == events[1]


def test_days_compare_as_days_across_a_year_end():
    new_year = datetime(2025, 12, 31, 20, tzinfo=UTC).timestamp()

    assert days_named(["@01-01", "%12-31", "~word", "2025"], new_year) == {
        datetime(2026, 1, 1).date(),
        datetime(2025, 12, 31).date(),
    }
    assert dated_later(["@01-01"], ["%12-31"], new_year)
    assert not dated_later(["@01-01", "%12-31"], ["%12-31"], new_year)  # it dates the first day too
    assert not dated_later(["~word"], ["%12-31"], new_year)  # it dates nothing
    assert dated_later(["%01-01"], [], new_year)  # the first names no day: the day it was published
    assert not dated_later(["@03-01"], ["%12-31"], new_year)  # a date months off is no day of the news
