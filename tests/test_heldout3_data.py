"""Structure of held-out v3 (`tests/data/dedup/heldout3.jsonl`): keys, ids, order, labels, counts.

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import pytest
import yaml
from dedup_set_support import (
    DATA,
    check_ids_and_order,
    check_keys,
    check_labels_and_hosts,
    check_next_day,
    load_rows,
    regenerate,
    tallies,
)

LANGS = {"nl", "sv", "cs", "ro", "vi", "tr", "en"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout3.jsonl")


def test_every_row_has_exactly_the_documented_keys_as_strings(rows: list[dict]) -> None:
    check_keys(rows)


def test_ids_are_sequential_guids_and_links_unique_and_rows_in_publication_order(rows: list[dict]) -> None:
    check_ids_and_order(rows, "x")


def test_every_story_has_one_event_one_language_and_hosts_are_example(rows: list[dict]) -> None:
    check_labels_and_hosts(rows)


def test_composition_meets_the_brief(rows: list[dict]) -> None:
    stories, langs, ev_stories, ev_langs = tallies(rows)
    assert len(rows) >= 190 and len(stories) >= 60 and len(ev_stories) >= 35
    assert len({r["feed"] for r in rows}) >= 24
    assert set(langs) >= LANGS and {"hi", "el"} & set(langs)
    assert 0.15 <= langs["en"] / len(rows) <= 0.25
    assert any(n >= 10 for n in stories.values()) and any(n == 1 for n in stories.values())
    assert sum(2 <= n <= 8 for n in stories.values()) > len(stories) / 2
    assert sum(len(s) > 1 for s in ev_stories.values()) >= 8
    assert sum(len(s) > 1 for s in ev_langs.values()) >= 5
    assert sum(r["content"] == "" for r in rows) >= 10


def test_a_desks_next_day_follow_up_is_another_event(rows: list[dict]) -> None:
    source = yaml.safe_load((DATA / "heldout3_source.yaml").read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    assert check_next_day(rows, stories, {"followup"}) == 4


def test_the_generator_reproduces_the_committed_file() -> None:
    made, committed = regenerate("make_heldout3.py", "heldout3.jsonl")
    assert made == committed
