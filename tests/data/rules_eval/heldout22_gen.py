"""Build heldout22.jsonl from heldout22_src.txt (twenty-second held-out part).

Self-contained and deterministic (seed 2222): the same source gives a
byte-identical file. Source format: one block per item, blocks separated by a
blank line; a header `@ lang | labels | trap | trap_topic` (topic codes TR, AM,
IO, AL, NK, `-` for none), then the title, then one paragraph a line.
Exits non-zero, listing the items, when an item's own text (title and
paragraphs) is outside 45-160 words (Japanese: two characters a word).
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2222
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, with the UTC offset (hours) their feeds use.
OUTLETS: dict[str, list[tuple[str, float]]] = {
    "en": [("Ottermoss Telex", 0), ("Skelbrook Tape", 1), ("Gallowick Wirebook", 5.5), ("Sorrelgate Quire", -5)],
    "ru": [("Кедровый фарватер", 3), ("Бурундучья заметка", 5), ("Протока-экспресс", 7)],
    "ja": [("鴎浦通信", 9), ("楢葉タイムス", 9), ("蛍川速報", 9)],
    "ht": [("Lakou Nouvèl Kapwa", -5)],
    "th": [("ข่าวริมปิง", 7)],
    "jv": [("Kabar Tlatah Kidul", 7)],
}
AGGREGATOR: tuple[str, float] = ("Thimblewick Syndicate", 0)  # its feed says "en" whatever the item's language
AGGREGATED = {"ru": 4, "ja": 2}
NULL_SHARE = 0.25
START = datetime(2025, 4, 6, tzinfo=UTC)
SPAN_MINUTES = 600 * 24 * 60


def parse(text: str) -> list[dict]:
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        lang, labels, trap, trap_topic = (f.strip() for f in lines[0].lstrip("@").split("|"))
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
    if item["lang"] == "ja":
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def shape(item: dict, rng: random.Random) -> tuple[str, str]:
    """Summary and content in one of four feed shapes seen in real feeds."""
    paras = item["paras"]
    kind = rng.choices(["p_p", "plain_p", "plain_text", "summary_only"], [0.3, 0.3, 0.2, 0.2])[0]
    html = "".join(f"<p>{p}</p>" for p in paras)
    if kind == "p_p":
        return f"<p>{paras[0]}</p>", html
    if kind == "plain_p":
        return paras[0], html
    if kind == "plain_text":
        return paras[0], "\n\n".join(paras)
    return "\n\n".join(paras), ""


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    aggregated = set()
    for lang, n in AGGREGATED.items():
        aggregated |= set(rng.sample([i for i, it in enumerate(items) if it["lang"] == lang], n))
    turn = {lang: 0 for lang in OUTLETS}
    rows = []
    for i, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        feed_lang: str | None
        if i in aggregated:
            (outlet, offset), feed_lang = AGGREGATOR, "en"
        else:
            outlet, offset = OUTLETS[item["lang"]][turn[item["lang"]] % len(OUTLETS[item["lang"]])]
            turn[item["lang"]] += 1
            feed_lang = None if rng.random() < NULL_SHARE else item["lang"]
        tz = timezone(timedelta(hours=offset))
        summary, content = shape(item, rng)
        rows.append(
            {
                "id": f"o{i + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": item["lang"],
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": (START + timedelta(minutes=minute)).astimezone(tz).isoformat(),
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse((HERE / "heldout22_src.txt").read_text(encoding="utf-8"))
    bad = [(it["title"], own_words(it)) for it in items if not 45 <= own_words(it) <= 160]
    if bad:
        for title, n in bad:
            print(f"{n:4d} words: {title}", file=sys.stderr)
        return 1
    rows = build(items)
    with open(HERE / "heldout22.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
