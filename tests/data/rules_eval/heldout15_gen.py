"""Build heldout15.jsonl from heldout15_src.txt (deterministic, seed 1515).

Source format: blocks separated by blank lines; each block is a header line
``@ lang | labels | trap | trap_topic`` (topic codes TR AM IO AL NK, ``-`` for
none, labels joined by ``+``), then the title, then one paragraph a line.
Run: ``python tests/data/rules_eval/heldout15_gen.py``. Exits non-zero, listing
the items, when an item's own text (title and paragraphs) is outside 80-160
words (Japanese: two characters a word), so that no item is padded or stubby.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout15_src.txt"
OUT = HERE / "heldout15.jsonl"
SEED = 1515
PREFIX = "c"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, each with the UTC offset its feed uses.
OUTLETS = {
    "en": [
        ("Tamarisk Nightsheet", 0),
        ("Sextant Quarterdeck", 330),
        ("Pangolin Prints", -300),
        ("Marmot Cablegram", 270),
        ("Rushlight Noticeboard", 480),
    ],
    "ru": [
        ("Лоция", 180),
        ("Ямщик", 300),
        ("Прорубь", 420),
        ("Берестяной свиток", 180),
        ("Приморская шхуна", 600),
    ],
    "ja": [("かもめ便", 540), ("霧笛通信", 540), ("北辰ウィークリー", 540), ("灯台ジャーナル", 540)],
    "de": [("Kieselbote", 60)],
    "fr": [("L'Épervier", 60)],
    "es": [("El Quinqué", -180)],
    "it": [("La Lucerna", 60)],
    "pt": [("Ponte Aérea", -180)],
    "nl": [("De Zandloper", 60)],
    "nb": [("Fjordlykta", 60)],
    "bs": [("Most i Riječ", 60)],
    "be": [("Крывічанка", 180)],
    "eo": [("La Verda Turo", 0)],
    "lb": [("De Bréifdréier", 60)],
    "fy": [("De Ljip", 60)],
}
AGGREGATOR = ("Loupe Aggregate", 0)  # its feed says "en" whatever it carries
AGG_COUNT = 6
NULL_SHARE = 0.30
# Feed shapes: <p> summary over <p> body, plain summary over <p> body,
# plain summary over plain body, summary-only (whole text as summary).
SHAPES = (("p_p", 0.30), ("plain_p", 0.27), ("plain_plain", 0.30), ("summary_only", 0.13))
START = datetime(2025, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 700 * 24 * 60


def parse_blocks(text: str) -> list[dict]:
    items = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
        lang, labels, trap, trap_topic = head
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split("+")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else TOPICS[trap_topic],
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def own_words(item: dict) -> int:
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] == "ja":
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def check_lengths(items: list[dict]) -> list[str]:
    return [
        f"{n}: {own_words(it)} words: {it['title']}" for n, it in enumerate(items) if not 80 <= own_words(it) <= 160
    ]


def shape_feed(item: dict, shape: str) -> tuple[str, str]:
    paras = item["paras"]
    html_body = "".join(f"<p>{p}</p>" for p in paras)
    if shape == "p_p":
        return f"<p>{paras[0]}</p>", html_body
    if shape == "plain_p":
        return paras[0], html_body
    if shape == "plain_plain":
        return paras[0], "\n\n".join(paras)
    return "\n\n".join(paras), ""


def stamp(when: datetime, offset_minutes: int) -> str:
    local = when.astimezone(timezone(timedelta(minutes=offset_minutes)))
    return local.isoformat(timespec="minutes")


def build(items: list[dict], rng: random.Random) -> list[dict]:
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    non_en = [n for n, it in enumerate(items) if it["lang"] != "en"]
    agg = set(rng.sample(non_en, AGG_COUNT))
    rest = [n for n in range(len(items)) if n not in agg]
    null_feed = set(rng.sample(rest, round(NULL_SHARE * len(items))))
    turn: dict[str, int] = {}
    rows = []
    for n, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        lang = item["lang"]
        if n in agg:
            outlet, offset = AGGREGATOR
            feed_lang: str | None = "en"
        else:
            choices = OUTLETS[lang]
            outlet, offset = choices[turn.get(lang, 0) % len(choices)]
            turn[lang] = turn.get(lang, 0) + 1
            feed_lang = None if n in null_feed else lang
        shape = rng.choices([s for s, _ in SHAPES], weights=[w for _, w in SHAPES])[0]
        summary, content = shape_feed(item, shape)
        rows.append(
            {
                "id": f"{PREFIX}{n + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": lang,
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": stamp(START + timedelta(minutes=minute), offset),
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse_blocks(SRC.read_text(encoding="utf-8"))
    bad = check_lengths(items)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    rows = build(items, random.Random(SEED))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} items to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
