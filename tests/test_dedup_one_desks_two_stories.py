"""de71: a copy that passes against a story and against its desk's own later story (parted from it as its next
bulletin or its news) belongs to the one sharing more of its text (``index._outranks``). Run through the real
detector over two studied tuning sets, in their order, as ``benchmarks/dedup_quality.py`` runs them."""

from __future__ import annotations

import pytest
from test_dedup import benchmark

from monitor.dedup.index import StoryIndex

quality = benchmark("dedup_quality")


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
