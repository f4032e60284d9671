"""Build heldout9.jsonl from heldout9_src.txt (ninth held-out part of the rules evaluation set).

Self-contained and deterministic (seed 9909): run `python tests/data/rules_eval/heldout9_gen.py`.

Source format: blocks separated by blank lines. The first line of a block is a header
`@ lang | labels | trap | trap_topic [| agg]` (topic codes TR, AM, IO, AL, NK; `-` for none,
labels joined by `+`), the second the title, then one paragraph per line. `agg` sends the item
to an aggregator whose feed says `en` whatever the item's language.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 9909
PREFIX = "p"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, with the UTC offset (hours) their feeds print.
OUTLETS: dict[str, list[tuple[str, float]]] = {
    "en": [
        ("Quillfeather Broadsheet", 0),
        ("Brackenridge Weathervane", -5),
        ("Fennelcroft Wireless", 5.5),
        ("Orbweaver Newsroom", 8),
        ("Cobaltine Tickerboard", 1),
    ],
    "ru": [("Полынья", 3), ("Сибирский перекат", 7), ("Уфимский бакен", 4), ("Кедрач", 5)],
    "ja": [("潮騒ニュース", 9), ("雲雀経済新報", 9), ("北斗速報ネット", 9), ("楓タイムズ", 9)],
    "de": [("Weserlotse", 1)],
    "fr": [("Le Héron de Loire", 1)],
    "es": [("El Alcaraván", -3)],
    "it": [("Gazzettino del Ticino Basso", 1)],
    "pt": [("Sabiá da Lagoa Funda", -3)],
    "pl": [("Dziennik Wrzosowy", 1)],
    "uk": [("Слобідський ліхтар", 2)],
    "zh": [("白鹭财经", 8)],
    "ko": [("한빛 통신", 9)],
    "tr": [("Kızılırmak Gündemi", 3)],
    "sv": [("Älvdalsposten", 1)],
    "cs": [("Vltavský kurýr", 1)],
}
AGGREGATOR = ("Globewire Mosaic", 0.0)
START = datetime(2025, 1, 3, tzinfo=UTC)
SPAN_MINUTES = 685 * 24 * 60  # to late November 2026


def parse(text: str) -> list[dict]:
    """Return one dict per source block, in source order."""
    items = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
        lang, labels, trap, trap_topic = head[:4]
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split("+")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else TOPICS[trap_topic],
                "agg": len(head) > 4 and head[4] == "agg",
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def para_html(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def shape(paras: list[str], rng: random.Random) -> tuple[str, str]:
    """Pick a feed shape: <p> body (plain or <p> summary), summary-only, or plain-text body."""
    roll = rng.random()
    if roll < 0.42:
        return paras[0], para_html(paras)
    if roll < 0.52:
        return para_html(paras[:1]), para_html(paras)
    if roll < 0.82:
        return " ".join(paras), ""
    return paras[0], "\n\n".join(paras)


def build(items: list[dict], rng: random.Random) -> list[dict]:
    turn: dict[str, int] = {}
    rows = []
    for it in items:
        if it["agg"]:
            (outlet, offset), feed_lang = AGGREGATOR, "en"
        else:
            choices = OUTLETS[it["lang"]]
            k = turn.get(it["lang"], 0)
            turn[it["lang"]] = k + 1
            outlet, offset = choices[k % len(choices)]
            feed_lang = None if rng.random() < 0.3 else it["lang"]
        tz = timezone(timedelta(hours=offset))
        when = (START + timedelta(minutes=rng.randrange(SPAN_MINUTES))).astimezone(tz)
        summary, content = shape(it["paras"], rng)
        rows.append(
            {
                "id": "",
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
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    return rows


def main() -> None:
    items = parse((HERE / "heldout9_src.txt").read_text(encoding="utf-8"))
    rows = build(items, random.Random(SEED))
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (HERE / "heldout9.jsonl").write_text(out, encoding="utf-8")
    print(f"wrote {len(rows)} items")


if __name__ == "__main__":
    main()
