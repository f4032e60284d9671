"""Tests written to kill dedup mutants of a story's opening credit that survived
``python -m benchmarks.mutation dedup`` (session mt8's sample, seed 8; session mt9 wrote these;
benchmarks/mutation_survivors.md, "Fifth pass").

What ``clean``'s helpers promise: a byline of up to 14 words ("By" and the names, the desk) goes,
with its desk, and the story after it stays whole; a desk that ran on into the story's first
sentence gives the story back from that sentence's first word; "Name | Desk" glued to the story
goes for a name of any length, one letter included.
"""

from __future__ import annotations

import pytest

from monitor.dedup.clean import BYLINE, clean

STORY = "Prices rose again on Monday in the valley."


def test_a_byline_of_fourteen_words_goes_and_the_story_stays() -> None:
    """Mutant: ``len(…) < 14`` (a byline of exactly 14 words kept as story text)."""
    byline = "By Ann Lee, Bo Chan, Cy Diaz and Di Eng | Asia Metro Desk:"
    assert len(byline.split()) == 14
    cleaned = clean(f"{byline} {STORY}")
    assert cleaned.text == STORY
    assert cleaned.flags & BYLINE


def test_a_long_desk_ended_by_a_colon_leaves_the_story_whole() -> None:
    """Mutant: ``not rest.strip() or len(desk.split()) > 3`` (a four-word desk followed by the story
    taken as a desk that ran on: the story dropped, a word of the desk left)."""
    cleaned = clean(f"By Olga Renn | Lower Valley Regional Desk: {STORY}")
    assert cleaned.text == STORY
    assert "Desk" not in cleaned.text.split()
    assert cleaned.flags & BYLINE


@pytest.mark.parametrize("name", ["Z", "Zoe"])
def test_a_name_and_desk_glued_to_the_story_go_whatever_the_name_length(name: str) -> None:
    """Mutant: ``bar <= 1`` (a one-letter pen name before the bar kept, with its desk)."""
    cleaned = clean(f"{name}| Metro Desk {STORY}")
    assert cleaned.text == STORY
    assert cleaned.flags & BYLINE


def test_a_one_word_desk_run_on_into_a_short_sentence_keeps_the_sentence() -> None:
    """In "By Olga Renn | Desk Talks resumed." the lazy desk ran on to the full stop, three words, so
    ``_opening`` (``> 3``) takes it all as the desk and the line is dropped, where ``_inline_byline``
    promises that at most one word of the story goes. The mutant ``>= 3`` gives "Talks resumed"."""
    cleaned = clean("By Olga Renn | Desk Talks resumed.")
    assert "resumed" in cleaned.text
