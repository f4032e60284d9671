"""A desk's second brief of the day, written in the frame of its first, is another event (``EventIndex._briefs``).

A desk that fills one frame twice in an afternoon (the river bridge, then the footbridge; the tea dryer, then the
hazelnut store) repeats its first brief's place, officials and sentence shapes and prints other figures: the second
brief shares a quarter or more of its text with the first and none of its numbers or days. Telling its story further
the same day, the desk repeats the figures (the length, the opening day) or prints none.
"""

from __future__ import annotations

from monitor.dedup.events import SERIES_TEXT, EventIndex, EventMatch

HOUR = 3600.0
# Keys of a desk's bridge brief (names as sound keys, a figure, a named day, headline words), and of a wire's
# rewrite of it in English, sharing its names and figures.
FIRST = ("krtl", "mrd", "vlsk", "42", "@11-14", "~bridge", "~opens", "~river", "~council")
REWRITE = ("krtl", "mrd", "vlsk", "42", "@11-14", "~span", "~metres")
# The desk's brief six hours later in the same frame: the same place and officials, another bridge, other figures.
SECOND = ("krtl", "mrd", "vlsk", "18", "@11-21", "~bridge", "~opens", "~river", "~council", "~foot")
# The desk's own follow-up that evening: the same names, the first brief's figures again, something new.
FOLLOW_UP = ("krtl", "mrd", "vlsk", "42", "@11-14", "~bridge", "~opens", "~river", "~council", "~crowd")


def _window() -> EventIndex:
    index = EventIndex()
    index.add(1, 1, FIRST, 0.0, outlet="Desk")
    index.add(2, 1, REWRITE, 1 * HOUR, outlet="Wire")
    return index


def _find(index: EventIndex, words: tuple[str, ...], share: float, outlet: str = "Desk") -> EventMatch | None:
    match = index.find(words, 6 * HOUR, series={1: share}, outlet=outlet)
    return match if index.joins(match) else None


def test_the_desks_second_brief_in_its_frame_with_other_figures_joins_neither_report_of_the_first():
    match = _find(_window(), SECOND, SERIES_TEXT + 5)

    assert match is None or match.event_id != 1


def test_sharing_less_of_the_first_briefs_text_it_would_join():
    """What the first test guards against (else it could not fail): its names and words join it."""
    match = _find(_window(), SECOND, SERIES_TEXT - 5)

    assert match is not None and match.event_id == 1


def test_the_desks_follow_up_repeating_the_figures_joins():
    match = _find(_window(), FOLLOW_UP, SERIES_TEXT + 30)

    assert match is not None and match.event_id == 1


def test_another_desks_report_in_that_frame_is_not_judged_a_brief_of_the_desk():
    """Only the desk's own frame says the second brief is its next one: a rival quoting it may report the same."""
    match = _find(_window(), SECOND, SERIES_TEXT + 5, outlet="Rival")

    assert match is not None and match.event_id == 1


def _no_figures(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if not w[0].isdigit() and w[0] != "@")


def test_a_brief_without_figures_after_one_printing_few_joins():
    """Two keys of figures (a length, a day) dropped say too little: a same-day follow-up may print none."""
    match = _find(_window(), _no_figures(SECOND), SERIES_TEXT + 5)

    assert match is not None and match.event_id == 1


def test_a_brief_without_figures_after_one_printing_many_is_another_event():
    """Its own small figures ("2 tonnes", "9 staff") make no keys; the first brief's three figures are all gone."""
    index = EventIndex()
    index.add(1, 1, (*FIRST, "12", "40"), 0.0, outlet="Desk")

    match = _find(index, _no_figures(SECOND), SERIES_TEXT + 5)

    assert match is None or match.event_id != 1


def test_the_brief_of_the_next_day_is_left_to_the_template_rules():
    """A day later ``_issues`` and ``SERIES_HOURS`` judge it; ``_briefs`` reads only ``NEAR_HOURS``."""
    index = _window()

    assert index._briefs({1: SERIES_TEXT + 5}, "Desk", 20 * HOUR, sorted(SECOND)) == set()
    assert index._briefs({1: SERIES_TEXT + 5}, "Desk", 6 * HOUR, sorted(SECOND)) == {1}
