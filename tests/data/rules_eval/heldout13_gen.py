"""Build heldout13.jsonl from heldout13_src.txt (thirteenth held-out part).

Self-contained and deterministic (seed 1313): run from anywhere with
``python tests/data/rules_eval/heldout13_gen.py``. The source holds one block
per item: a header ``@ lang | labels | trap | trap_topic [| agg]`` (topic
codes TR, AM, IO, AL, NK; ``-`` for none), the title, then one paragraph a
line. Blocks are separated by blank lines.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout13_src.txt"
OUT = HERE / "heldout13.jsonl"
SEED = 1313
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language with their UTC offset in hours.
OUTLETS = {
    "en": [
        ("Harbourlight Foghorn Gazetteer", 0),
        ("Quillmoor Valley Lookout", -5),
        ("Cobaltline Trade Letter", 1),
        ("Marigold Coast Cowrie", 5.5),
    ],
    "ru": [("Заволжская правда дня", 3), ("Приморский рупор", 10), ("Ведомости Полесья", 3), ("Пристань над Обью", 7)],
    "ja": [("北浜新聞", 9), ("瀬戸内タイムス", 9), ("みちのく経済ウォッチ", 9), ("東都ワイヤ", 9)],
    "de": [("Mainufer Dämmerpost", 1)],
    "fr": [("Le Grillon des Coteaux Garonnais", 1)],
    "es": [("Heraldo del Guadiana", 1)],
    "it": [("Gazzetta del Brenta", 1)],
    "pl": [("Wiadomości Narwi Wieczorem", 1)],
    "tr": [("Fırat Sabah Haberleri", 3)],
    "ca": [("La Veu del Ter", 1)],
    "hr": [("Jadranski Glasnik Zadra", 1)],
    "et": [("Emajõe Päevaleht", 2)],
    "lv": [("Daugavas Vēstis", 2)],
    "sl": [("Savinjske Novice", 1)],
    "tl": [("Balitang Pasig Ngayon", 8)],
}
AGGREGATOR = ("Tidewrap Worldfeed", 0)
START = datetime(2025, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 729 * 24 * 60


def parse_blocks(text: str) -> list[dict]:
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
        lang, labels, trap, trap_topic = head[:4]
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else CODES[trap_topic],
                "agg": len(head) > 4 and head[4] == "agg",
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def count_words(text: str, lang: str) -> int:
    text = re.sub(r"<[^>]+>", " ", text)
    if lang in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2  # the data test's measure
    return len(text.split())


def shape(paras: list[str], rng: random.Random) -> tuple[str, str]:
    """Summary and content in one of four feed shapes."""
    html = "".join(f"<p>{p}</p>" for p in paras)
    kind = rng.random()
    if kind < 0.45:
        return f"<p>{paras[0]}</p>", html
    if kind < 0.55:
        return paras[0], html
    if kind < 0.9:
        return paras[0], "\n\n".join(paras)
    return " ".join(paras), ""


def too_long_or_short(items: list[dict]) -> list[str]:
    bad = []
    for n, it in enumerate(items):
        own = count_words(" ".join([it["title"], *it["paras"]]), it["lang"])
        if not 80 <= own <= 160:
            bad.append(f"block {n + 1} ({it['lang']}, {it['title'][:30]}): {own} words")
    return bad


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    turn = {lang: 0 for lang in OUTLETS}
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    rng.shuffle(items)
    not_agg = [i for i, it in enumerate(items) if not it["agg"]]
    nulls = set(rng.sample(not_agg, round(0.3 * len(items))))
    rows = []
    for i, (it, minute) in enumerate(zip(items, minutes, strict=True)):
        if it["agg"]:
            outlet, offset = AGGREGATOR
            feed_lang = "en"
        else:
            choices = OUTLETS[it["lang"]]
            outlet, offset = choices[turn[it["lang"]] % len(choices)]
            turn[it["lang"]] += 1
            feed_lang = None if i in nulls else it["lang"]
        tz = timezone(timedelta(hours=offset))
        when = (START + timedelta(minutes=minute)).astimezone(tz)
        summary, content = shape(it["paras"], rng)
        rows.append(
            {
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": it["lang"],
                "title": it["title"],
                "summary": summary,
                "content": content,
                "published": when.isoformat(timespec="minutes"),
                "labels": it["labels"],
                "trap": it["trap"],
                "trap_topic": it["trap_topic"],
            }
        )
    return [{"id": f"z{n:03d}", **row} for n, row in enumerate(rows, start=1)]


def main() -> int:
    items = parse_blocks(SRC.read_text(encoding="utf-8"))
    bad = too_long_or_short(items)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    rows = build(items)
    keys = [
        "id",
        "outlet",
        "feed_lang",
        "lang",
        "title",
        "summary",
        "content",
        "published",
        "labels",
        "trap",
        "trap_topic",
    ]
    lines = [json.dumps({k: r[k] for k in keys}, ensure_ascii=False) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} items written to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
