"""Tests written to kill dedup mutants of event search that survived ``python -m benchmarks.mutation
dedup`` (session mt8's sample, seed 8; session mt9 wrote these; benchmarks/mutation_survivors.md,
"Fifth pass").

What events.py and eventscore.py promise: a story sharing ``SERIES_TEXT`` % of the new story's
text (that share or more), published ``SERIES_HOURS`` or more before, is the template of a series,
not the new story's event; two reports that each print ``MIN_NUMBERS`` numbers disagree only when
they share no number *nor a named day*.
"""

from __future__ import annotations

from monitor.dedup.events import SERIES_HOURS, SERIES_TEXT, EventIndex
from monitor.dedup.eventscore import MIN_NUMBERS, _numbers_disagree

WORDS = ("valmoy", "ostrand", "brink", "tram", "depot", "bakery", "@tuesday")
WHEN = 1_800_000_000.0


def _index() -> EventIndex:
    events = EventIndex()
    events.add(1, 1, WORDS, WHEN)
    return events


def test_a_story_sharing_exactly_the_series_share_a_day_before_is_no_event() -> None:
    """Mutant: ``> SERIES_TEXT`` (a template's earlier issue at exactly the bound joined)."""
    later = WHEN + SERIES_HOURS * 3600
    assert _index().find(WORDS, later) is not None  # the same keys: found without the series check
    assert _index().find(WORDS, later, {1: SERIES_TEXT - 0.5}) is not None
    assert _index().find(WORDS, later, {1: SERIES_TEXT}) is None


def test_reports_of_many_numbers_sharing_a_named_day_do_not_disagree() -> None:
    """Mutant: the named day's key ("@…") no longer counts as shared."""
    query = {f"{n}00" for n in range(1, MIN_NUMBERS + 1)} | {"@tuesday", "valmoy"}
    story = {f"{n}11" for n in range(1, MIN_NUMBERS + 1)} | {"@tuesday", "valmoy"}
    assert _numbers_disagree(query, story, ("valmoy",))  # no number shared, no day: others
    assert not _numbers_disagree(query, story, ("valmoy", "@tuesday"))
    assert not _numbers_disagree(query, story | {"100"}, ("valmoy", "100"))
