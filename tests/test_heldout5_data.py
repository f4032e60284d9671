"""Held-out v5 (`tests/data/dedup/heldout5.jsonl`): what its brief adds to the structure every held-out
set has (checked in `test_heldout_sets_data.py`).

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

import pytest
from dedup_set_support import load_rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout5.jsonl")


def test_serbian_twins_are_latin_script_and_cyrillic_originals_are_not(rows: list[dict]) -> None:
    serbian = [r for r in rows if r["lang"] == "sr"]
    twins = [r for r in serbian if r["story"].endswith("-lat")]
    assert len({r["story"] for r in twins}) >= 3
    assert not any(re.search("[\u0400-\u04ff]", r["title"] + r["summary"] + r["content"]) for r in twins)
    assert all(re.search("[\u0400-\u04ff]", r["title"]) for r in serbian if r not in twins)


def test_script_specific_variants_are_present(rows: list[dict]) -> None:
    hebrew = " ".join(r["summary"] + r["content"] for r in rows if r["lang"] == "he")
    assert "ש״ח" in hebrew and 'ש"ח' in hebrew  # gershayim and ASCII quote
    assert re.search("[\u05b0-\u05c2]", hebrew)  # niqqud on some copies
    thai = [r["content"] for r in rows if r["lang"] == "th" and r["content"]]
    assert len({c.count(" ") for c in thai}) > 3  # copies differ in spacing
    georgian_titles = [r["title"] for r in rows if r["lang"] == "ka"]
    assert any(re.search("[\u1c90-\u1cbf]", t) for t in georgian_titles)  # all-caps Georgian is Mtavruli
    assert any("twitter-tweet" in r["content"] for r in rows)
    assert any(re.search(r"km \(\d+(\.\d)? miles\)", r["content"]) for r in rows)
