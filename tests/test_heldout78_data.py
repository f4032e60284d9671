"""v78's own structure checks (medium articles through carriers that rewrite how names, dates, figures and words
are written). Structure only: nothing here imports or runs the detector, so the held-out set stays unseen by it."""

from __future__ import annotations

import re
from collections import Counter

import yaml
from dedup_set_support import DATA, load_rows

ROWS = load_rows("heldout78.jsonl")
SOURCE = yaml.safe_load((DATA / "heldout78_source.yaml").read_text(encoding="utf-8"))
STORIES = {s["id"]: s for s in SOURCE["stories"]}
CARRIERS = {o[0]: set(o[5]) for o in SOURCE["outlets"]}
TOKEN = re.compile(r"\{([mndp]):([^{}]+)\}")


def first_entries() -> dict[str, dict]:
    first: dict[str, dict] = {}
    for r in ROWS:
        first.setdefault(r["story"], r)
    return first


def test_origin_entries_are_at_desks_and_copies_at_carriers() -> None:
    first = first_entries()
    for r in ROWS:
        at_desk = not CARRIERS[r["feed"]]
        assert at_desk == (first[r["story"]] is r), r["id"]
        assert not at_desk or r["feed"] == STORIES[r["story"]]["outlet"], r["id"]


def test_hand_written_texts_are_medium_articles() -> None:
    for s in STORIES.values():
        if "text" in s and "quotes" not in s:
            words = len(TOKEN.sub(lambda m: m.group(2).split(":")[-1], s["text"]).split())
            assert 90 <= words <= 180, s["id"]


def test_every_carrier_word_reaches_several_copies_and_rewrites_a_figure_date_or_name() -> None:
    used = Counter(word for r in ROWS for word in CARRIERS[r["feed"]])
    assert set(used) == {w for words in CARRIERS.values() for w in words}
    assert all(n >= 4 for n in used.values()), used
    cheque = [r for r in ROWS if "chequeamount" in CARRIERS[r["feed"]]]
    assert all(" Only" in r["content"] + r["summary"] for r in cheque)
    filed = [r for r in ROWS if "filingthousands" in CARRIERS[r["feed"]]]
    assert all(re.search(r"\b20\d\d-\d\d-\d\d\b", r["summary"] + r["content"]) for r in filed)
    julian = [r for r in ROWS if "julianbeside" in CARRIERS[r["feed"]]]
    assert all("(O.S. " in r["summary"] + r["content"] for r in julian)


def test_designed_twins_keep_their_base_desk_and_share_most_of_its_text() -> None:
    for s in STORIES.values():
        if "derive" in s:
            base = STORIES[s["derive"]]
            assert s["outlet"] == base["outlet"] and s["lang"] == base["lang"], s["id"]
            assert s["event"] != base["event"], s["id"]
