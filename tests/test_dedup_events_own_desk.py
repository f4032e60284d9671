"""A desk that reported a happening itself joins that event only through its own report (``EventIndex._told``).

Its next story of the day about the town's other news, or its next-day development, shares the happening's
people and places with every report of it; closer to a rival's rewrite than to its own report, it is the desk's
next happening, not a report of the first. The rival's own next report of the happening still joins.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

# Invented: a town's health board, its measles drive (the desk's report and a wire's rewrite) and, hours later,
# the desk's report of the board's new dialysis ward, told with the drive's names.
DRIVE = (
    "Measles drive in Wexcombe after nine cases in Dunmore district",
    "Wexcombe Health Board sent 38 mobile teams into Dunmore district on Monday after nine cases of measles, "
    "its chief Alana Prewitt said. Children under five in three districts of Wexcombe will be vaccinated "
    "at home, and schools in Dunmore will check every pupil's record this week.",
)
REWRITE = (
    "Wexcombe Health Board vaccinates children after measles cases",
    "Wexcombe Health Board chief Alana Prewitt said on Monday that 38 mobile teams had started vaccinating "
    "children under five after nine cases of measles. The Board said the teams would visit homes in three "
    "districts of Wexcombe and that Dunmore district was the first of them.",
)
WARD = (
    "Wexcombe Infirmary opens dialysis ward with 24 beds",
    "Wexcombe Health Board opened a dialysis ward with 24 beds at Wexcombe Infirmary on Monday, its chief "
    "Alana Prewitt said, hours after the Board sent its mobile teams out against measles. Patients from "
    "three districts of Wexcombe had travelled to Corran for treatment until now.",
)


def test_the_desks_other_news_of_the_day_joins_no_rivals_report_of_its_first():
    events = events_of(
        item("Wexcombe Courier", *DRIVE, 0), item("Northline Wire", *REWRITE, 2), item("Wexcombe Courier", *WARD, 6)
    )

    assert events[0] == events[1]
    assert events[2] not in events[:2]


def test_a_rivals_next_report_of_the_happening_still_joins():
    again = (
        "Measles: Wexcombe mobile teams reach Dunmore district",
        REWRITE[1].replace("on Monday", "on Monday evening"),
    )

    events = events_of(
        item("Wexcombe Courier", *DRIVE, 0), item("Northline Wire", *REWRITE, 2), item("Southgate Post", *again, 6)
    )

    assert events[0] == events[1] == events[2]
