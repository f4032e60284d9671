"""v73's own structure checks: long articles, every copy reshaped by one shape carrier, negatives at their base's desk.

Structure only: nothing here imports or runs the detector, so the held-out set stays unseen by it.
"""

from __future__ import annotations

import yaml
from dedup_set_support import DATA, load_rows

SHAPES = {"keypointsbox", "livepostsreverse", "slidedeckexport", "qandaparas", "epapercolumns", "forumquoteposts"}


def source() -> dict:
    return yaml.safe_load((DATA / "heldout73_source.yaml").read_text(encoding="utf-8"))


def test_every_hand_written_article_is_long() -> None:
    written = [s for s in source()["stories"] if "text" in s]
    assert len(written) >= 15
    for s in written:
        assert 200 <= len(s["text"].split()) <= 400, s["id"]
        assert len(s["text"].strip().split("\n\n")) >= 5, s["id"]


def test_each_carrier_has_one_shape_word_and_copies_sit_at_carriers() -> None:
    outlets = source()["outlets"]
    carriers = {o[0] for o in outlets if o[5]}
    for o in outlets:
        if o[5]:
            assert len(SHAPES & set(o[7])) == 1 and o[7][0] in SHAPES, o[0]
    first: dict[str, dict] = {}
    for r in load_rows("heldout73.jsonl"):
        if r["story"] in first:
            assert r["feed"] in carriers, r["id"]
        else:
            first[r["story"]] = r
            assert r["feed"] not in carriers, r["id"]


def test_designed_negatives_come_from_their_base_desk_in_its_language() -> None:
    stories = {s["id"]: s for s in source()["stories"]}
    derived = [s for s in stories.values() if "derive" in s]
    assert len(derived) >= 10
    for s in derived:
        base = stories[s["derive"]]
        assert (s["outlet"], s["lang"]) == (base["outlet"], base["lang"]), s["id"]
        assert s["event"] != base["event"], s["id"]
