"""Tests written to kill ``StoryIndex.decide`` mutants of an outlet's own next stories that survived
``python -m benchmarks.mutation dedup`` (session mt8, sampled; benchmarks/mutation_survivors.md).

What index.py and compare.py promise, through ``StoryIndex.find``: a copy is in its story's
event; a longer text by the story's own outlet that holds the story and is mostly new is a new
story of the same event (a follow-up) and says so; a text by an outlet that opens with the first
paragraph it ran before, then tells what is new, is that story's follow-up too, naming the
entry it repeats; the same frame of words by the same outlet half a day later, printing other
figures, is its next bulletin: a new story. Fiction.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from monitor.dedup import StoryIndex
from monitor.dedup.events import SERIES_HOURS
from monitor.models import Entry

SEEN = datetime(2026, 5, 4, 6, tzinfo=UTC)
WIRE = "Harbour Wire"
STORY = (
    "The council of Valmoy voted on Tuesday to sell the old tram depot to the Ostrand bakery for 4 million. "
    "Treasurer Olaf Brink said the money would pay for new roofs on three schools before the winter."
)
MORE = (
    " On Friday the bakery showed its plans for the brick hall: forty market stalls, a café and a room for the "
    "town band, with a courtyard open to the Quay district. Its owner Mira Sandell said the first market would "
    "open on the first Saturday of September, with farmers from Lindqvist and Morvaux selling cheese and apples. "
    "Neighbours asked about deliveries at night, and the bakery promised its lorries would stop before ten. "
    "The regional office is expected to approve the sale in June, after a hearing that residents may attend. "
    "A petition for a park on part of the site has gathered 1,400 names since the spring."
)


def entry(key: str, title: str, body: str, outlet: str, hours: float) -> Entry:
    published = SEEN + timedelta(hours=hours)
    link = f"https://{outlet.lower().replace(' ', '')}.example/{key}"
    return Entry("f", outlet, key, link, title, "", body, published=published)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def has_words(text: str, phrase: str) -> bool:
    found, want = words(text), words(phrase)
    return any(found[i : i + len(want)] == want for i in range(len(found)))


def index_of(first: Entry, story: int = 7, event: int = 70) -> StoryIndex:
    index = StoryIndex()
    decided = index.find(first, first.published)  # type: ignore[arg-type]
    index.add(1, story, event, decided.signature, first.published)  # type: ignore[arg-type]
    return index


def test_a_copy_is_in_its_story_s_event() -> None:
    index = index_of(entry("a", "Valmoy sells its tram depot", STORY + MORE, WIRE, 0))
    copy = entry("b", "Valmoy sells depot", STORY + MORE, "Relay", 2)
    found = index.find(copy, copy.published)  # type: ignore[arg-type]
    assert (found.story_id, found.matched_entry, found.event_id) == (7, 1, 70)


def test_the_outlet_s_own_longer_story_holding_its_story_is_a_follow_up_in_its_event() -> None:
    index = index_of(entry("a", "Valmoy sells its tram depot", STORY, WIRE, 0))
    # within NEAR_HOURS: a day later, naming what the story never did, it is the desk's next event (round 75)
    follow = entry("b", "Valmoy bakery shows its market plans", STORY + MORE, WIRE, 10)
    found = index.find(follow, follow.published)  # type: ignore[arg-type]
    assert found.story_id is None and found.matched_entry is None
    assert found.event_id == 70
    assert isinstance(found.event_reason, str) and has_words(found.event_reason, "follow-up")
    assert has_words(found.event_reason, "story 7") and has_words(found.event_reason, WIRE)
    assert has_words(found.reason, "entry 1")


FIRST_PARAGRAPH = (
    "Floods closed the road between Valmoy and Ostrand on Monday after the river rose by 2 metres. "
    "Mayor Ines Gault said 140 homes near the Quay district were cleared overnight. "
)
BEFORE = FIRST_PARAGRAPH + (
    "Firefighters from Lindqvist pumped water from the cellars of the old mill, and the school stayed shut. "
    "The weather office expects more rain in the hills until Wednesday, with gusts of wind on the coast."
)
AFTER = FIRST_PARAGRAPH + (
    "On Tuesday the water began to fall, and the first families returned to their houses by the afternoon. "
    "Engineers found cracks in the bridge at Morvaux, which will stay closed to lorries for a month. "
    "Insurers opened an office at the town hall, and volunteers handed out boots and blankets to residents. "
    "The council asked the region for 3 million to rebuild the embankment before the autumn storms."
)


def test_an_outlet_s_next_story_opening_with_its_first_paragraph_follows_the_story_it_repeats() -> None:
    index = index_of(entry("a", "Floods close the Valmoy road", BEFORE, WIRE, 0), story=8, event=80)
    follow = entry("b", "Valmoy families return as the water falls", AFTER, WIRE, 10)  # a day later: round 75
    found = index.find(follow, follow.published)  # type: ignore[arg-type]
    assert found.story_id is None and found.event_id == 80, (found.reason, found.event_reason)
    assert has_words(found.reason, "entry 1") and has_words(found.event_reason, "follow-up")


BULLETIN = (
    "River levels at noon. The river at Valmoy stood at {a} centimetres, the gauge at Ostrand at {b} centimetres "
    "and the weir at Lindqvist at {c} centimetres. The flood office keeps its warning for the low streets of the "
    "Quay district, where the water may reach the pavements at high tide, and asks drivers to avoid the ford at "
    "Morvaux. Boats may not moor at the town quay until the next reading, which the office publishes at noon "
    "every day on its notice board and in this bulletin, with the levels of the day before for comparison."
)


def test_the_same_frame_by_the_same_outlet_half_a_day_later_with_other_figures_is_its_next_bulletin() -> None:
    index = index_of(entry("a", "River levels", BULLETIN.format(a=312, b=188, c=95), WIRE, 0), story=9, event=90)
    later = SERIES_HOURS + 12
    nxt = entry("b", "River levels", BULLETIN.format(a=298, b=188, c=95), WIRE, later)
    found = index.find(nxt, nxt.published)  # type: ignore[arg-type]
    assert found.story_id is None, found.reason
    assert isinstance(found.reason, str) and has_words(found.reason, "entry 1")
    assert has_words(found.reason, "next bulletin") and has_words(found.reason, WIRE)
