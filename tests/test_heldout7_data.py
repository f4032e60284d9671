"""Held-out v7 (`tests/data/dedup/heldout7.jsonl`): what its brief adds to the structure every held-out
set has (checked in `test_heldout_sets_data.py`).

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

import pytest
from dedup_set_support import load_rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout7.jsonl")


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    assert sum("🔊" in b for b in bodies) >= 5  # audio "listen" line on top
    assert sum(bool(re.search(r"\[\d\]", b)) for b in bodies) >= 5  # footnote markers
    more = ("(more)", "(jätkub)", "(turpinājums)", "(थप)", "(več)", "(davomi bor)", "(үргэлжлэл бий)", "(mehr)")
    assert sum(re.sub("</p>$", "", b).endswith(more) for b in bodies) >= 5  # first 40 words + "(more)"
    assert any("At a glance:" in b for b in bodies) and any("sabiedrība ar ierobežotu atbildību" in b for b in bodies)
    assert sum(bool(re.search(r"\((RĪGA|TARTU|KOPER|BUXORO|धादिङ|RIGA|ULAANBAATAR), [^)]+\)", b)) for b in bodies) >= 4
