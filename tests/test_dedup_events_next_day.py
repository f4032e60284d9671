"""An outlet's next-day follow-up written as new text joins its own story's event (``events.OWN_LATER``).

dd18 sorted the event misses of every tuning set: a desk's follow-up a day later, written afresh (the
power back after the storm, the first day of the new line), names the story's who and where again but
few of its words, and its overlap fell under the threshold (catalogue, v1, v2, and four more sets).
From its own outlet, 12 h or more later, an overlap of ``OWN_LATER`` joins; the next-day stories of
one outlet that are other happenings (the next issue of a template, a sequel) shared more and joined
before, or shared far less. Our own reports; both directions.
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


def test_the_outlets_follow_up_the_next_day_joins_its_story():
    events = events_of(item("Desk", *STORM, 0), item("Desk", *POWER_BACK, 26))

    assert events[0] == events[1]


def test_the_same_follow_up_from_another_outlet_needs_the_threshold():
    """The rule, not the keywords, joins it: another outlet's report sharing as little stays apart."""
    events = events_of(item("Desk", *STORM, 0), item("Other Desk", *POWER_BACK, 26))

    assert events[0] != events[1]


def test_the_outlets_next_day_story_of_another_happening_in_the_town_stays_apart():
    events = events_of(item("Desk", *STORM, 0), item("Desk", *LIBRARY, 26))

    assert events[0] != events[1]
