"""Tests written to kill ``monitor/dedup/index.py`` mutants of ``StoryIndex`` decisions that survived
``python -m benchmarks.mutation dedup`` (session mt8, sampled; benchmarks/mutation_survivors.md).

What index.py promises: a summary that shares too little text, under the same headline of
``TITLE_WORDS`` words or more of an entry seen close enough before, is a copy of that entry's
story and says so (``_same_headline``); a new story always says why it starts or joins an
event; between two entries that both hold a truncated copy whole, with names and numbers
agreeing, the one under the same headline wins (a truncated copy of a follow-up holds only the
paragraph it repeats from the story before it). Fiction, through ``StoryIndex.find``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from monitor.dedup import StoryIndex
from monitor.dedup.headline import HEADLINE_HOURS, MIN_LEDE_TOKENS, TITLE_WORDS
from monitor.models import Entry

SEEN = datetime(2026, 5, 4, 9, tzinfo=UTC)
HEADLINE = "Valmoy council sells the old tram depot to a bakery"
STORY = (
    "The council of Valmoy voted on Tuesday to sell the old tram depot to the Ostrand bakery for 4 million. "
    "Treasurer Olaf Brink said the money would pay for new roofs on three schools before the winter. "
    "The bakery plans to keep the brick hall and open a market there on Saturdays. "
    "Residents of the Quay district had asked for a park on the site, and some said they felt ignored. "
    "The sale still needs the approval of the regional office, expected in June."
)


def entry(key: str, title: str, body: str, outlet: str, hours: float = 0.0) -> Entry:
    published = SEEN + timedelta(hours=hours)
    return Entry(
        "f",
        outlet,
        key,
        f"https://{outlet.lower().replace(' ', '')}.example/{key}",
        title,
        "",
        body,
        published=published,
    )


def indexed(*entries: tuple[int, Entry]) -> StoryIndex:
    index = StoryIndex()
    for entry_id, item in entries:
        index.add(entry_id, entry_id, entry_id, index.find(item, item.published).signature, item.published)  # type: ignore[arg-type]
    return index


def has_words(text: str, phrase: str) -> bool:
    """``phrase``'s words, whole and in order, in ``text`` (a mangled word fails)."""
    words, want = re.findall(r"\w+", text), re.findall(r"\w+", phrase)
    return any(words[i : i + len(want)] == want for i in range(len(words)))


# An aggregator's own sentence under the wire's headline: enough words to compare, no passage shared.
NOTE = "Readers in the north of the region write that nothing was said about parking near the hall yet."


def test_a_summary_sharing_no_text_under_the_same_headline_is_a_copy_and_says_so() -> None:
    assert len(HEADLINE.split()) >= TITLE_WORDS and len(NOTE.split()) >= MIN_LEDE_TOKENS
    index = indexed((1, entry("w", HEADLINE, STORY, "Harbour Wire")))
    found = index.find(entry("a", HEADLINE, NOTE, "Relay", hours=3), SEEN + timedelta(hours=3))
    assert (found.story_id, found.matched_entry) == (1, 1)
    assert has_words(found.reason, "same headline") and has_words(found.reason, "entry 1")
    assert found.reason.startswith("copy")


def test_a_summary_under_the_same_headline_too_long_after_or_under_another_is_a_new_story() -> None:
    index = indexed((1, entry("w", HEADLINE, STORY, "Harbour Wire")))
    late = HEADLINE_HOURS + 1
    assert index.find(entry("b", HEADLINE, NOTE, "Relay", hours=late), SEEN).story_id is None
    other = "Valmoy council keeps the old tram depot for buses"
    assert index.find(entry("c", other, NOTE, "Relay", hours=3), SEEN).story_id is None


def test_a_new_story_says_it_starts_a_new_event_when_it_joins_none() -> None:
    found = StoryIndex().find(entry("n", HEADLINE, STORY, "Harbour Wire"), SEEN)
    assert found.story_id is None and found.event_id is None
    assert isinstance(found.event_reason, str) and has_words(found.event_reason, "new event")
    assert isinstance(found.reason, str) and has_words(found.reason, "new story")


OPENING = STORY.split(". ")[0] + ". " + STORY.split(". ")[1] + "."
FOLLOW_HEADLINE = "Valmoy bakery to open Saturday market in old depot"
FOLLOW = (
    OPENING + " On Friday the bakery showed its plans: forty stalls, a café and a room for the town band. "
    "Its owner Mira Sandell said the first market would open on the first Saturday of September."
)


def test_a_truncated_copy_held_whole_by_a_story_and_its_follow_up_joins_the_one_under_its_headline() -> None:
    """The follow-up repeats the story's first paragraph; an aggregator ran only that paragraph under
    the follow-up's headline. Both hold it whole, names and numbers agreeing: the headline decides."""
    for first in (1, 2):  # whichever was indexed first
        story, follow = (1, 2) if first == 1 else (2, 1)
        index = indexed(
            *sorted(
                [
                    (story, entry("s", HEADLINE, STORY, "Harbour Wire")),
                    (follow, entry("f", FOLLOW_HEADLINE, FOLLOW, "Harbour Wire", hours=20)),
                ]
            )
        )
        copy = entry("t", FOLLOW_HEADLINE, OPENING + " …", "Relay", hours=21)
        found = index.find(copy, copy.published)  # type: ignore[arg-type]
        assert found.matched_entry == follow, found.reason
