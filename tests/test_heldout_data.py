"""Structure of the held-out dedup set (tests/data/dedup/heldout.jsonl).

Checks the file only: keys, ids, GUIDs, labels, counts of designed pairs, languages.
It deliberately does not import monitor.dedup: the set is never used to tune the detector.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "dedup" / "heldout.jsonl"
TUNING = ROOT / "tests" / "data" / "dedup" / "eval.jsonl"
KEYS = {
    "id",
    "outlet",
    "feed",
    "title",
    "link",
    "guid",
    "published",
    "summary",
    "content",
    "lang",
    "story",
    "event",
    "transform",
    "against",
}
LANGS = {"fr", "es", "de", "ar", "zh", "tr", "en", "ru"}
NEGATIVE_TYPES = {"independent", "followup", "roundup", "press-release", "template", "correction", "translation"}


def kind(row: dict) -> str:
    t = row["transform"]
    if t == "original":
        return "original"
    return "negative" if t.startswith("negative:") else "copy"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = HELDOUT.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


def test_keys_and_types(rows: list[dict]) -> None:
    assert len(rows) >= 250
    for r in rows:
        assert set(r) == KEYS, r.get("id")
        for k in KEYS - {"against"}:
            assert isinstance(r[k], str), (r["id"], k)
        assert r["against"] is None or isinstance(r["against"], str), r["id"]
        assert r["title"] and r["guid"] and r["story"] and r["event"], r["id"]
        assert r["link"].startswith("https://") and ".example/" in r["link"], r["id"]
        assert r["summary"] or r["content"], r["id"]


def test_ids_in_publication_order_and_guids_unique(rows: list[dict]) -> None:
    ids = [r["id"] for r in rows]
    assert ids == [f"h{i:03d}" for i in range(1, len(rows) + 1)]
    guids = [r["guid"] for r in rows]
    assert len(guids) == len(set(guids))
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times)


def test_one_outlet_per_feed_and_no_tuning_outlets(rows: list[dict]) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        names[r["feed"]].add(r["outlet"])
    assert all(len(v) == 1 for v in names.values()), names
    tuning = {json.loads(line)["feed"] for line in TUNING.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not set(names) & tuning


def test_every_story_in_exactly_one_event(rows: list[dict]) -> None:
    events: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        events[r["story"]].add(r["event"])
    assert all(len(v) == 1 for v in events.values()), {s: e for s, e in events.items() if len(e) != 1}
    stories: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        stories[r["event"]].add(r["story"])
    assert sum(1 for s in stories.values() if len(s) >= 2) >= 20


def test_every_story_has_one_source_row(rows: list[dict]) -> None:
    sources = Counter(r["story"] for r in rows if kind(r) != "copy")
    assert all(n == 1 for n in sources.values()), [s for s, n in sources.items() if n != 1]
    assert {r["story"] for r in rows} == set(sources)


def test_copy_pairs(rows: list[dict], by_id: dict[str, dict]) -> None:
    copies = [r for r in rows if kind(r) == "copy"]
    for r in copies:
        src = by_id[r["against"]]
        assert kind(src) != "copy", r["id"]
        assert src["story"] == r["story"] and src["event"] == r["event"], r["id"]
        assert src["feed"] != r["feed"] and src["lang"] == r["lang"], r["id"]
        assert r["guid"] != src["guid"]
    assert len(copies) >= 80


def test_hard_negative_pairs(rows: list[dict], by_id: dict[str, dict]) -> None:
    negatives = [r for r in rows if kind(r) == "negative"]
    for r in negatives:
        assert r["transform"].split(":", 1)[1] in NEGATIVE_TYPES | {"same-topic"}, r["id"]
        other = by_id[r["against"]]
        assert other["story"] != r["story"], r["id"]
        t = r["transform"]
        if t in ("negative:independent", "negative:translation", "negative:correction"):
            assert other["event"] == r["event"], r["id"]
        # A desk's next-day follow-up is its next development: another event (issue 13; Round 66 relabelled them).
        if t in (
            "negative:template",
            "negative:press-release",
            "negative:roundup",
            "negative:same-topic",
            "negative:followup",
        ):
            assert other["event"] != r["event"], r["id"]
        if t == "negative:followup":
            assert other["feed"] == r["feed"], r["id"]
        if t == "negative:translation":
            assert other["lang"] != r["lang"], r["id"]
    assert len(negatives) >= 80
    assert {r["transform"].split(":", 1)[1] for r in negatives} >= NEGATIVE_TYPES


def test_originals(rows: list[dict]) -> None:
    originals = [r for r in rows if kind(r) == "original"]
    assert len(originals) >= 55
    assert all(r["against"] is None for r in originals)


def test_languages_have_copies_and_negatives(rows: list[dict]) -> None:
    per: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        per[r["lang"]][kind(r)] += 1
    assert set(per) == LANGS
    for lang, c in per.items():
        assert c["copy"] >= 5 and c["negative"] >= 5 and c["original"] >= 5, (lang, c)
    foreign = sum(c["copy"] for lang, c in per.items() if lang not in ("en", "ru"))
    assert foreign > sum(per[lang]["copy"] for lang in ("en", "ru"))


def test_catalogue_transformations_present(rows: list[dict]) -> None:
    used = Counter(p for r in rows if kind(r) == "copy" for p in r["transform"].split("+"))
    required = {
        "dateline-strip",
        "dateline-add",
        "dateline-wire",
        "byline",
        "byline-agency",
        "byline-via",
        "byline-inline",
        "glued-html",
        "glued-plain",
        "entities",
        "entities-numeric",
        "quotes-curly",
        "quotes-straight",
        "quotes-guillemets",
        "read-more",
        "bracket-ellipsis",
        "continue-reading",
        "appeared-first",
        "us-spelling",
        "uk-spelling",
        "new-headline1",
        "edit-2pct",
        "tracking-link",
        "wire-update",
        "regional-rewrite",
        "caption",
        "advert",
        "related",
        "para-swap",
        "numbers",
        "all-caps-title",
        "summary-only",
        "orig-footer",
        "cdata",
        "html-list",
        "html-table",
        "tz-shift",
        "republish-2d",
    }
    assert required <= set(used), required - set(used)
    assert any(p.startswith("trim-") for p in used)
