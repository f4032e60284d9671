"""A piece quoting a story's lede in quotation marks, then saying its own piece in more words of its own, is its
own event (``eventpieces.quoted_lede``, asked by ``StoryIndex._about``): a commentary or an explainer is no
follow-up of the news it quotes, even from a desk that ran the story.

The desk's follow-up retelling the lede as its own sentence still joins the story's event, and so does one that
quotes a speaker of its own beside it: quotation marks alone make no piece about the story.
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

from monitor.dedup.index import StoryIndex

# Invented: a wire's report of a sawmill closing, a regional paper's copy of it, then that paper's pieces.
LEDE = (
    "The Harrowby sawmill will close in September, its owner Nordvik Timber said on Tuesday. "
    "The mill has been the largest employer in the valley for forty years."
)
STORY = ("Harrowby sawmill to close in September", LEDE)
COPY = ("Harrowby loses its sawmill", LEDE)
COMMENTARY = (
    "Comment: the valley needs more than one mill",
    "Every time a mill shuts, a village empties. The valley towns have lived on one employer for too long, "
    "and the county has known it for years.\n"
    f'"{LEDE}"\n'
    "The county council should put its forest fund into small workshops now, before the next owner decides "
    "for all of us. Training for the young workers must start this winter, not after the last shift.",
)
FOLLOW_UP = (
    "Harrowby sawmill workers offered jobs in Kelso",
    f"{LEDE}\n"
    "On Wednesday Nordvik Timber said 80 of the 112 workers would be offered places at its Kelso plant, and "
    "the union called a meeting for Friday evening. The county council promised bus passes for the first year "
    "and a training fund for those who stay in the valley.",
)
QUOTING_A_SPEAKER = (
    "Harrowby sawmill workers vow to stay",
    f"{LEDE}\n"
    '"We will not leave the valley for Kelso," union leader Ada Rusk told a meeting of 112 workers on Wednesday '
    "evening. Nordvik Timber has offered 80 of them places at its Kelso plant, and the county council promised "
    "bus passes for the first year and a training fund for those who stay.",
)


def test_a_commentary_quoting_the_lede_is_its_own_event_from_a_desk_that_ran_the_story():
    events = events_of(
        item("North Wire", *STORY, 0), item("Valley Post", *COPY, 1), item("Valley Post", *COMMENTARY, 6)
    )

    assert events[0] == events[1]
    assert events[2] not in events[:2]


def test_the_reason_says_the_piece_quotes_the_lede():
    index = StoryIndex()
    for entry_id, (outlet, (title, body), hours) in enumerate(
        [("North Wire", STORY, 0), ("Valley Post", COPY, 1)], start=1
    ):
        e = item(outlet, title, body, hours)
        assert e.published is not None
        decision = index.find(e, e.published)
        assert decision.signature is not None
        index.add(entry_id, decision.story_id or entry_id, decision.event_id or 1, decision.signature, e.published)
    e = item("Valley Post", *COMMENTARY, 6)
    assert e.published is not None
    decision = index.find(e, e.published)

    assert decision.story_id is None and decision.event_id is None
    assert "quotes the lede of story 1" in decision.reason
    assert "a piece about story 1" in decision.event_reason


def test_the_desks_follow_up_retelling_the_lede_unquoted_joins():
    events = events_of(item("North Wire", *STORY, 0), item("Valley Post", *COPY, 1), item("Valley Post", *FOLLOW_UP, 6))

    assert events[0] == events[1] == events[2]


def test_a_follow_up_quoting_a_speaker_of_its_own_joins():
    events = events_of(
        item("North Wire", *STORY, 0), item("Valley Post", *COPY, 1), item("Valley Post", *QUOTING_A_SPEAKER, 6)
    )

    assert events[0] == events[1] == events[2]
