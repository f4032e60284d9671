"""Held-out v9 (`tests/data/dedup/heldout9.jsonl`): what its brief adds to the structure every held-out
set has (checked in `test_heldout_sets_data.py`).

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import pytest
from dedup_set_support import load_rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout9.jsonl")


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("📩" in b for b in bodies) >= 2  # newsletter sign-up box glued mid-text
    assert sum("🔹" in b for b in bodies) >= 3  # emoji bullets
    assert sum(r["title"].endswith("?") for r in rows) >= 3  # question headline
    assert sum(" (5,6 милји)" in b or "(787 фут)" in b or "(790 akker)" in b for b in bodies) >= 3  # units
    assert sum("(IBA)" in b or "(ВИА)" in b or "(BNA)" in b for b in bodies) >= 3  # agency name expanded
