"""An outlet's next-day story of its own story's happening: its next development is another event, its note on
that story the same (``events._develops``, ``events.OWN_LATER``).

Issue 13 lists "a follow-up story by the same outlet the next day" among the hard negatives, and the blind
authors of v13, v51, v53, v55 and v56 label a desk's next-day development (the power back after the storm, the
strike settled, the road reopened) another event. A desk's story more than ``NEAR_HOURS`` after its own that
names someone, somewhere or a figure the first never named is that development; one naming nothing new (a
correction, an editor's note) joins at the lower overlap. Our own reports; both directions.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

STORM = (
    "Storm Halden cuts power to 40,000 homes in Brackwater",
    "Storm Halden cut power to 40,000 homes in Brackwater and Tolle Bay on Monday, the grid operator Nordvolt "
    "said. Winds of 130 km/h brought down lines across the county, and schools in Brackwater stayed closed.",
)
POWER_BACK = (
    "Power back for most homes a day after the storm",
    "Crews from Nordvolt restored electricity to most homes in Brackwater by Tuesday evening, a day after Storm "
    "Halden. About 6,000 households are still waiting, the company said, and repairs on the coast road will "
    "take a week.",
)
LIBRARY = (
    "Brackwater council approves a new library",
    "Brackwater council approved plans for a new library on Tuesday, councillor Ines Marr said. The building "
    "will cost 8 million and open in 2028.",
)


CORRECTION = (
    "Correction: the Halden storm in Brackwater",
    "An earlier version of our story on the Halden storm in Brackwater misstated the speed of the winds. The grid "
    "operator Nordvolt said gusts reached 130 km/h across the county on Monday, cutting power to 40,000 homes.",
)


def test_the_outlets_next_day_development_is_another_event():
    """The power back names 6,000 households and the coast road: the next happening of the affair."""
    events = events_of(item("Desk", *STORM, 0), item("Desk", *POWER_BACK, 26))

    assert events[0] != events[1]


def test_the_outlets_next_day_correction_joins_its_story():
    """It names only the storm's who, where and figures again: a note on the story, the same happening."""
    events = events_of(item("Desk", *STORM, 0), item("Desk", *CORRECTION, 26))

    assert events[0] == events[1]


def test_the_development_joins_no_rivals_report_of_the_first_day():
    """The desk told the storm itself: its development does not reach the storm's event through a rival."""
    events = events_of(item("Desk", *STORM, 0), item("Other Desk", *STORM, 2), item("Desk", *POWER_BACK, 26))

    assert events[0] == events[1] != events[2]


def test_the_same_follow_up_from_another_outlet_needs_the_threshold():
    """The rule, not the keywords, joins it: another outlet's report sharing as little stays apart."""
    events = events_of(item("Desk", *STORM, 0), item("Other Desk", *POWER_BACK, 26))

    assert events[0] != events[1]


def test_the_outlets_next_day_story_of_another_happening_in_the_town_stays_apart():
    events = events_of(item("Desk", *STORM, 0), item("Desk", *LIBRARY, 26))

    assert events[0] != events[1]
