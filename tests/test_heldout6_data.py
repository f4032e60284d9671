"""Held-out v6 (`tests/data/dedup/heldout6.jsonl`): what its brief adds to the structure every held-out
set has (checked in `test_heldout_sets_data.py`).

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

import pytest
from dedup_set_support import load_rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout6.jsonl")


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("<ol><li>" in b or b.startswith("1. ") for b in bodies) >= 3  # numbered-list copies
    assert sum("<h2>" in b or "<b>" in b for b in bodies) >= 2  # a sub-headline inserted
    assert sum(bool(re.search(r"(^|\s)#\w", b)) for b in bodies) >= 5  # hashtags appended
    assert any("daugiau nei 18 000" in b for b in bodies) and any("UTC" in b for b in bodies)
