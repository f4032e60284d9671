"""Structure of the labelled rule-precision evaluation set (tests/data/rules_eval).

Only shape and composition are checked here; no rule is run and no text of the
held-out part is looked at beyond counting.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

DIR = Path(__file__).resolve().parent / "data" / "rules_eval"
PARTS = {
    "tuning": "t",
    "heldout": "h",
    "heldout2": "v",
    "heldout3": "w",
    "heldout4": "k",
    "heldout5": "m",
    "heldout6": "n",
    "heldout7": "q",
    "heldout8": "u",
    "heldout9": "p",
    "heldout10": "r",
    "heldout11": "s",
    "heldout12": "y",
    "heldout13": "z",
    "heldout14": "b",
    "heldout15": "c",
    "heldout16": "d",
    "heldout17": "e",
    "heldout18": "f",
    "heldout19": "g",
    "heldout20": "j",
    "heldout21": "x",
    "heldout22": "o",
    "heldout23": "a",
    "heldout24": "i",
    "heldout25": "l",
    "heldout26": "mb",
    "heldout27": "mc",
    "heldout28": "md",
    "heldout29": "me",
    "heldout30": "mf",
    "heldout31": "mg",
    "heldout32": "mh",
    "heldout33": "mi",
    "heldout34": "mj",
    "heldout35": "mk",
    "heldout36": "ml",
    "heldout37": "mm",
    "heldout38": "mn",
    "heldout39": "mr",
    "heldout40": "ms",
    "heldout41": "mx",
}
KEYS = {"id", "outlet", "feed_lang", "lang", "title", "summary", "content", "published", "labels", "trap", "trap_topic"}
CORE_LANGS = ("en", "ru", "ja")


def topic_ids() -> set[str]:
    text = (DIR / "topics.md").read_text(encoding="utf-8")
    return set(re.findall(r"^## `([a-z0-9-]+)`", text, flags=re.M))


def load(part: str) -> list[dict]:
    lines = (DIR / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def words(row: dict) -> int:
    text = re.sub(r"<[^>]+>", " ", " ".join([row["title"], row["summary"], row["content"]]))
    if row["lang"] in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2  # about two characters a word
    return len(text.split())


@pytest.fixture(scope="module", params=sorted(PARTS))
def part(request) -> tuple[str, list[dict]]:
    return request.param, load(request.param)


def test_five_topics_described() -> None:
    assert len(topic_ids()) == 5


def test_keys_and_types(part) -> None:
    _name, rows = part
    for r in rows:
        assert set(r) == KEYS, r.get("id")
        for k in ("id", "outlet", "lang", "title", "summary", "content", "published"):
            assert isinstance(r[k], str), (r["id"], k)
        assert r["title"] and r["summary"], r["id"]
        assert r["feed_lang"] is None or re.fullmatch(r"[a-z]{2}", r["feed_lang"]), r["id"]
        assert re.fullmatch(r"[a-z]{2}", r["lang"]), r["id"]
        assert isinstance(r["labels"], list), r["id"]


def test_ids_unique_and_prefixed(part) -> None:
    name, rows = part
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(PARTS[name] + r"\d{3}", i) for i in ids)


def test_ids_unique_across_parts() -> None:
    ids = [r["id"] for name in PARTS for r in load(name)]
    assert len(ids) == len(set(ids))


def test_labels_and_traps_name_known_topics(part) -> None:
    known = topic_ids()
    for r in part[1]:
        assert set(r["labels"]) <= known, r["id"]
        assert len(r["labels"]) == len(set(r["labels"])), r["id"]
        assert (r["trap"] is None) == (r["trap_topic"] is None), r["id"]
        assert r["trap_topic"] is None or r["trap_topic"] in known, r["id"]


def test_published_has_offset(part) -> None:
    for r in part[1]:
        assert datetime.fromisoformat(r["published"]).tzinfo is not None, r["id"]


def test_languages_each_at_least_a_quarter(part) -> None:
    rows = part[1]
    langs = Counter(r["lang"] for r in rows)
    for lang in CORE_LANGS:
        assert langs[lang] >= 0.25 * len(rows), (lang, langs)


def test_feed_language_often_missing(part) -> None:
    rows = part[1]
    missing = sum(r["feed_lang"] is None for r in rows)
    assert 0.15 * len(rows) <= missing <= 0.35 * len(rows)


def test_totals() -> None:
    tuning, heldout = load("tuning"), load("heldout")
    assert len(tuning) + len(heldout) >= 200
    assert len(tuning) >= 100 and len(heldout) >= 100


def test_each_topic_has_positives_and_trap_negatives(part) -> None:
    rows = part[1]
    for topic in topic_ids():
        pos = [r for r in rows if topic in r["labels"]]
        traps = [r for r in rows if r["trap_topic"] == topic and topic not in r["labels"]]
        assert len(pos) >= 10, (topic, len(pos))
        assert len(traps) >= 10, (topic, len(traps))
        assert {r["lang"] for r in pos} >= set(CORE_LANGS), topic
        assert {r["lang"] for r in traps} >= set(CORE_LANGS), topic


def test_plain_irrelevant_share(part) -> None:
    rows = part[1]
    plain = [r for r in rows if not r["labels"] and r["trap"] is None]
    assert len(plain) >= 0.12 * len(rows)


def test_item_length(part) -> None:
    for r in part[1]:
        assert 40 <= words(r) <= 250, (r["id"], words(r))


def test_about_half_have_paragraph_content(part) -> None:
    rows = part[1]
    with_p = sum("<p>" in r["content"] for r in rows)
    assert 0.35 * len(rows) <= with_p <= 0.7 * len(rows)
