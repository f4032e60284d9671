"""de71, v63 studied: a copy that passes against a story and against its desk's own later story (parted from it as
its next bulletin or its news) belongs to the one sharing more of its text (``index._outranks``); a stenotype's
numbered lines and numbered speakers are its carrier's (``carriers._ungutted``, ``_SPEAKER``). Run through the real
detector over studied tuning sets, in their order, as ``benchmarks/dedup_quality.py`` runs them."""

from __future__ import annotations

from functools import cache

import pytest
from test_dedup import benchmark

from monitor.dedup.alphabets import latin_strokes
from monitor.dedup.carriers import carried
from monitor.dedup.index import StoryIndex

quality = benchmark("dedup_quality")


@cache
def _stories(name: str) -> dict[str, int]:
    rows = quality.load(quality.DEDUP_DATA / name)
    return {a.row["id"]: a.story for a in quality.assign(rows, StoryIndex())}


@pytest.mark.parametrize(
    ("name", "copy", "later", "first"),
    [
        # an e-reader export of the desk's day-two story (83 % of its text; 61 % of day one's, facts 81 % vs 90 %)
        ("heldout63.jsonl", "pg054", "pg052", "pg036"),
        # a mailer's copy of the desk's next bulletin (all of its text; 84 % of the first's, same facts margin)
        ("heldout47.jsonl", "oq125", "oq121", "oq106"),
    ],
)
def test_a_copy_of_the_desks_later_story_joins_it_not_the_story_it_parted_from(
    name: str, copy: str, later: str, first: str
) -> None:
    story = _stories(name)
    assert story[later] != story[first]  # the desk's later story is its own story
    assert story[copy] == story[later]


def test_a_column_gutter_numbers_every_line_of_text_counting_from_one() -> None:
    steno = "  1  SP1: the mill reopened on monday.\n  2  its 40 workers returned.\n\n  3  SP2: output rose 12 %."
    assert carried(steno) == "the mill reopened on monday.\nits 40 workers returned.\n\noutput rose 12 %."
    # a story's lines opening with figures are its sentences: not from one, or not every line
    story = "12 schools closed.\n13 more opened on Monday.\n14 stay shut."
    assert carried(story) == story
    mixed = "1 ferry sank.\n2 crews came.\nThe port shut.\n3 boats wait."
    assert carried(mixed) == mixed


def test_a_caption_logs_time_stamps_in_angle_brackets_are_its_carriers() -> None:
    log = "<00:00:04> the mill in tsagan aman,\n<00:00:07> has reopened after two years.\n<00:00:10> 52 jobs."
    assert carried(log) == "the mill in tsagan aman,\nhas reopened after two years.\n52 jobs."
    quoted = "<00:00:04> one line alone is the opening's."
    assert carried(quoted) == quoted


def test_footnote_marks_numbering_notes_in_order_are_the_exports() -> None:
    text = "The mill1 reopened on Monday. Its 40 workers2 returned, and output3 rose 12 %."
    assert carried(text) == "The mill reopened on Monday. Its 40 workers returned, and output rose 12 %."
    # a figure glued to a word once, or marks out of order, are the text's (a scan's "hospita1", a code)
    once = "The hospita1 reopened after the COVID19 wave."
    assert carried(once) == once
    unordered = "The mill2 reopened. Its workers1 returned."
    assert carried(unordered) == unordered


def test_a_zero_scanned_as_the_letter_o_between_digits_is_the_zero() -> None:
    assert latin_strokes("ды 6O0 книгат, 1 3O0 книгат") == "ды 600 книгат, 1 300 книгат"
    assert latin_strokes("Route 10 to Oslo, a 2 Ohm load") == "Route 10 to Oslo, a 2 Ohm load"


@pytest.mark.parametrize(
    ("copy", "original"),
    [
        # a stenotype's, in lower case: "1 SP1: …", "2 …" (the feed folds the column of spaces); the gutter's figures
        # were read as its numbers and "SP1" as a capital, so it was not read by its numbers alone
        ("pg040", "pg039"),
        ("pg108", "pg107"),
        ("pg038", "pg036"),  # a caption log's "<00:00:04> " lines
        ("pg102", "pg097"),
        ("pg060", "pg059"),  # an e-reader's footnote marks ("мебелесь1") and scanned zeros ("6O0")
    ],
)
def test_a_carriers_copy_joins_its_story(copy: str, original: str) -> None:
    story = _stories("heldout63.jsonl")
    assert story[copy] == story[original]
