"""Build heldout21.jsonl from heldout21_src.txt (deterministic, seed 2121).

Source format: blocks separated by blank lines; each block is a header line
`@ lang | labels | trap | trap_topic` (topic codes below, `-` for none), the
title, then one paragraph a line. Run: python tests/data/rules_eval/heldout21_gen.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout21_src.txt"
OUT = HERE / "heldout21.jsonl"
SEED = 2121
PREFIX = "x"
START = datetime(2025, 4, 2, tzinfo=UTC)
SPAN_MINUTES = 600 * 24 * 60
NULL_FEED_SHARE = 0.27
AGGREGATOR: tuple[str, float, str | None] = (
    "Sprocketweir Roundup",
    0,
    "en",
)  # an English-language feed carrying ru/ja items
AGGREGATED = 6
MIN_WORDS, MAX_WORDS = 45, 160

CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}

# Invented outlets per language: (display name, UTC offset in hours).
OUTLETS: dict[str, list[tuple[str, float]]] = {
    "en": [
        ("Quernstone Spindle", 0),
        ("Gannetwick Sculler", 1),
        ("Tidewrack Halyard", -5),
        ("Quillmere Bollard", 10),
        ("Saltpan Pennant", 5.5),
        ("Furzebrook Wheelwright", -8),
    ],
    "ru": [
        ("Кремень и кресало", 3),
        ("Берестяная грамота", 3),
        ("Ушкуйник", 5),
        ("Заозёрье сегодня", 7),
        ("Гранёный стакан", 10),
    ],
    "ja": [("蛍雪タイムズ", 9), ("鶺鴒日報", 9), ("藍染ウィークリー", 9), ("銀杏坂新聞", 9), ("葦舟ニュース", 9)],
    "ku": [("Rojnameya Zinarê", 3)],
    "mi": [("Te Reo o Pūkeko", 12)],
    "sm": [("Le Sulu o Savaiʻi", 13)],
}

# Feed shapes: <p> body under <p> summary, <p> body under plain summary, plain body, summary only.
SHAPES = (("p_p", 0.3), ("p_plain", 0.25), ("plain", 0.2), ("summary_only", 0.25))


def parse(text: str) -> list[dict]:
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        lang, labels, trap, trap_topic = (f.strip() for f in lines[0].lstrip("@ ").split("|"))
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else CODES[trap_topic],
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def own_words(item: dict) -> int:
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def shape_fields(paras: list[str], shape: str) -> tuple[str, str]:
    html = "".join(f"<p>{p}</p>" for p in paras)
    if shape == "summary_only":
        return " ".join(paras), ""
    if shape == "plain":
        return paras[0], "\n\n".join(paras)
    return (f"<p>{paras[0]}</p>" if shape == "p_p" else paras[0]), html


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    core = [i for i, it in enumerate(items) if it["lang"] in ("ru", "ja")]
    aggregated = set(rng.sample(core, AGGREGATED))
    turn = {lang: 0 for lang in OUTLETS}
    rows: list[dict] = []
    for n, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        if n in aggregated:
            outlet, offset, feed_lang = AGGREGATOR
        else:
            outlet, offset = OUTLETS[item["lang"]][turn[item["lang"]] % len(OUTLETS[item["lang"]])]
            turn[item["lang"]] += 1
            feed_lang = None if rng.random() < NULL_FEED_SHARE else item["lang"]
        shape = rng.choices([s for s, _ in SHAPES], weights=[w for _, w in SHAPES])[0]
        summary, content = shape_fields(item["paras"], shape)
        tz = timezone(timedelta(hours=offset))
        published = (START + timedelta(minutes=minute)).astimezone(tz).isoformat()
        rows.append(
            {
                "id": f"{PREFIX}{n + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": item["lang"],
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": published,
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse(SRC.read_text(encoding="utf-8"))
    bad = [(own_words(it), it["title"]) for it in items if not MIN_WORDS <= own_words(it) <= MAX_WORDS]
    for count, title in bad:
        print(f"{count:4d} words: {title}", file=sys.stderr)
    if bad:
        return 1
    rows = build(items)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items -> {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
