"""A desk's next piece on an affair that repeats only a paragraph of background from its story, under an opening of
its own, is another event (``eventpieces.background_only``, asked by ``StoryIndex._about``): an explainer the same
afternoon, the next day's happening. The story's news is its first sentence; a desk telling that story further
prints it.

The desk's update that opens with the story's first sentence and adds a paragraph still joins the story's event;
so does, the same day, its story told further in its own words with a figure of the news
(``test_dedup_events_headline_dropped``).
"""

from __future__ import annotations

from test_dedup_events_siblings import events_of, item

# Invented: a desk's report of solar panels given to a rural clinic, then its pieces on the affair.
SOLAR_LEDE = (
    "The Pellam Ridge clinic received 24 solar panels on Monday, so that its delivery room has light through the night."
)
BACKGROUND = (
    "The panels were paid for by the Corran Health Trust at a cost of 96,300 crowns, and more than 1,400 women "
    "give birth at the clinic every year."
)
SOLAR = (
    "Pellam Ridge clinic gets 24 solar panels",
    f'{SOLAR_LEDE}\n{BACKGROUND}\n"We will not deliver babies by candlelight again," head nurse Ilsa Varrow said.',
)
THEFT = (
    "Six solar panels stolen from Pellam Ridge clinic",
    "A day after it received its panels, thieves took six of them from the roof of the Pellam Ridge clinic "
    "overnight, and the delivery room was dark again.\n"
    f"{BACKGROUND}\n"
    '"We are back to candles," head nurse Ilsa Varrow said, and the district police opened an inquiry.',
)
EXPLAINER = (
    "Why the Pellam Ridge clinic needed solar panels",
    "The Pellam Ridge clinic is not on the grid, and its diesel generator runs only a few hours a day because "
    "fuel is carried up by mule.\n"
    f"{BACKGROUND}\n"
    "Solar kits like these are one answer; a power line from the valley, promised years ago, is another. "
    "Neither has yet reached the villages above the river, head nurse Ilsa Varrow says.\n"
    "The district has asked the national grid company three times since 2019 to extend the line, and each time "
    "the cost of the poles across the gorge was judged too high for the few hundred homes it would serve.",
)
UPDATE = (
    "Pellam Ridge clinic gets 24 solar panels",
    f"{SOLAR_LEDE}\n{BACKGROUND}\n"
    '"We will not deliver babies by candlelight again," head nurse Ilsa Varrow said.\n'
    "The district health office said two more clinics in the hills would get panels before the rains, and "
    "that a technician from Corran would visit each of them every month.",
)


def test_the_desks_next_day_piece_repeating_only_background_is_another_event():
    events = events_of(item("Ridge Courier", *SOLAR, 0), item("Ridge Courier", *THEFT, 26))

    assert events[0] != events[1]


def test_the_desks_explainer_that_afternoon_repeating_only_background_is_another_event():
    """It prints no figure of the story's news (``news_figure``), and its background is less than ``RELEASE_TEXT``
    of its text: no next release of one press kit either."""
    events = events_of(item("Ridge Courier", *SOLAR, 0), item("Ridge Courier", *EXPLAINER, 5))

    assert events[0] != events[1]


def test_a_copy_between_does_not_make_the_background_the_story():
    events = events_of(
        item("Ridge Courier", *SOLAR, 0),
        item("Hill Relay", SOLAR[0], f"{SOLAR_LEDE}\n{BACKGROUND}", 2),
        item("Ridge Courier", *THEFT, 26),
    )

    assert events[0] == events[1]
    assert events[2] not in events[:2]


def test_the_desks_update_printing_the_first_sentence_joins():
    events = events_of(item("Ridge Courier", *SOLAR, 0), item("Ridge Courier", *UPDATE, 3))

    assert events[0] == events[1]
