"""Held-out v8 (`tests/data/dedup/heldout8.jsonl`): what its brief adds to the structure every held-out
set has (checked in `test_heldout_sets_data.py`).

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import pytest
from dedup_set_support import load_rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout8.jsonl")


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("<blockquote>" in b for b in bodies) >= 3  # pull quote repeated mid-text
    assert sum("💬" in b for b in bodies) >= 10  # trailing comments count
    assert sum("<figure><img" in b or b.startswith("[") for b in bodies) >= 5  # image alt text glued on
    assert sum(r["title"].isupper() for r in rows) >= 4  # ALL CAPS headline, sentence-case body
