"""Held-out v10 (`tests/data/dedup/heldout10.jsonl`): what its brief adds to the structure every held-out
set has (checked in `test_heldout_sets_data.py`).

Structure only: this test neither imports nor runs the detector, so the set stays unseen by it.
"""

from __future__ import annotations

import re

import pytest
import yaml
from dedup_set_support import DATA, load_rows

# Letters an `ascii` copy has lost (Croatian, Galician, Maltese); mojibake leaves its own lead bytes.
DIACRITICS = set("čćžšđħġżċáéíóúñČĆŽŠĐĦĠŻĊÁÉÍÓÚÑ")
MOJIBAKE = set("ÃÄÅâ")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_rows("heldout10.jsonl")


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    source = yaml.safe_load((DATA / "heldout10_source.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in source["stories"]}


def test_cross_language_negatives_share_a_name_but_not_the_language(rows: list[dict], stories: dict[str, dict]) -> None:
    lang = {r["story"]: r["lang"] for r in rows}
    pairs = [(s["id"], s["against"]) for s in stories.values() if s["kind"] == "crosslang"]
    assert pairs
    for mine, other in pairs:
        assert lang[mine] != lang[other]


def test_new_kinds_of_copy_are_present(rows: list[dict]) -> None:
    bodies = [r["content"] for r in rows]
    text_bodies = [b for b in bodies if b and not b.startswith(("<", "&lt;"))]
    assert sum(bool(re.search(r"(^|\n\n)\*\*", b)) for b in bodies) >= 3  # markdown export, bold lede
    assert sum(bool(re.search(r"[^\n]\n[^\n]", b)) for b in text_bodies) >= 4  # hard-wrapped plain text
    assert sum("â€" in r["title"] + b for r, b in zip(rows, bodies, strict=True)) >= 3  # UTF-8 read as Windows-1252
    assert sum('[gallery ids="' in b for b in bodies) >= 3  # WordPress shortcode left raw
    assert sum(b.startswith("&lt;p&gt;") for b in bodies) >= 3  # markup escaped twice
    assert sum("⏱" in b for b in bodies) >= 6  # reading-time line
    assert sum(" › " in b for b in bodies) >= 4  # breadcrumbs
    assert sum("Facebook · X · WhatsApp" in b for b in bodies) >= 6  # share-button text
    folded = [
        r
        for r in rows
        if r["lang"] in {"hr", "gl", "mt"}
        and r["content"]
        and not (set(r["title"] + r["content"]) & (DIACRITICS | MOJIBAKE))
    ]
    assert len(folded) >= 3  # diacritics dropped
