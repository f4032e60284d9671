"""Smoke test of the dedup stress benchmark: a few originals of the eval set, two kinds."""

from __future__ import annotations

import random

import pytest

from benchmarks.dedup_quality import DEDUP_DATA, SEEN, _label
from benchmarks.dedup_stress import KINDS, Text, main, mechanism, originals
from monitor.dedup import Decision


def test_table_has_a_row_per_kind_and_identity_is_always_recognised(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kinds", "identity,typos", "--limit", "3", "--sets", "eval"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split() for line in lines[1:] if line.split() and line.split()[0] in KINDS}
    assert set(rows) == {"identity", "typos"}
    # Columns: six script groups, then forward and reverse over all of them.
    fwd, rev = rows["identity"][7], rows["identity"][8]
    assert fwd == rev == "3/3"


def test_perturbations_are_seeded_and_change_the_text() -> None:
    text = Text("A headline of five words", ("First sentence here. Second sentence there.", "Another paragraph."))
    for name in ("sentence_paragraphs", "typos", "homoglyphs", "soft_hyphens"):
        once, again = (KINDS[name](text, random.Random(7)) for _ in range(2))
        assert once == again
        assert name in ("typos", "homoglyphs") or once != text  # too few words to be sure of a typo or a lookalike
    assert KINDS["sentence_paragraphs"](text, random.Random(7)).paragraphs[:2] == (
        "First sentence here.",
        "Second sentence there.",
    )


def test_a_ticker_stamp_is_a_clock_time_before_the_headline_and_the_opening() -> None:
    text = Text("Ferry fares rise", ("The ferry costs more.", "Riders object.", "The council meets."))
    stamped = KINDS["ticker_stamp"](text, random.Random(3))
    stamp = stamped.title.removesuffix(text.title)
    assert stamp[2] == ":" and stamp[:2].isdigit() and int(stamp[:2]) < 24
    assert stamped.paragraphs == (stamp + "The ferry costs more.", "Riders object.")


@pytest.mark.parametrize("number", [22, 23])
def test_held_out_sets_are_refused_by_name(number: int) -> None:
    """v22 and v23 stay held out though v24 to v26, written after them, were studied."""
    with pytest.raises(SystemExit, match="held-out"):
        originals(DEDUP_DATA / f"heldout{number}.jsonl", [])


@pytest.mark.parametrize("number", [2, 20, 21, 24, 25, 26])
def test_studied_sets_are_stressed_like_any_tuning_set(number: int) -> None:
    rows = [{"story": "s", "id": "1"}, {"story": "s", "id": "2"}]
    assert originals(DEDUP_DATA / f"heldout{number}.jsonl", rows) == rows[:1]


def test_studied_sets_are_columns_labelled_by_their_own_number() -> None:
    """v24 is a tuning column labelled v24, not by its place in the list (after v21 it is the 21st seen set)."""
    assert _label(DEDUP_DATA / "heldout24.jsonl") == "v24 (seen -> tuning)"
    assert _label(DEDUP_DATA / "heldout21.jsonl") == "v21 (seen -> tuning)"
    assert _label(DEDUP_DATA / "heldout23.jsonl") == "held-out"
    assert DEDUP_DATA / "heldout24.jsonl" in SEEN and DEDUP_DATA / "heldout22.jsonl" not in SEEN


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("new story: no earlier entry shares a sampled passage", "no shared passage"),
        ("new story: closest is entry 7, 40 % shared (needs 60 %)", "closest below needed"),
        (
            "new story: closest is entry 7, 90 % shared (needs 60 %), but only 50 % of the names and numbers",
            "names/numbers",
        ),
        (
            "new story: 100 % of the text of entry 9, but it adds 3 of its 5 sentences, with 13 names and numbers",
            "news",
        ),
        ("new story: entry 3's text opens it (80 %), then mostly new text", "follow-up"),
        ("copy: 95 % of entry 4", "joined another story"),
    ],
)
def test_splits_are_classed_by_their_reason(reason: str, expected: str) -> None:
    assert mechanism(Decision(None, reason=reason)) == expected
