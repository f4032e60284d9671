"""Build heldout3.jsonl from heldout3_src.txt (third held-out part of the rule-evaluation set).

The source holds the texts in blocks; this script only adds outlets, dates, ids and the feed shape
(paragraph content, summary-only, or plain-text content), so that the texts stay readable in one place.
Run: python tests/data/rules_eval/heldout3_gen.py
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# key: (display name, what the feed's <language> says, UTC offset in hours)
OUTLETS = {
    "lh": ("Lanternhill Dispatch", "en", 0),
    "qs": ("Quayside Monitor", "en", -5),
    "tb": ("Tidebreak Review", None, 5.5),
    "sg": ("Saltgrass Wire", None, 8),
    "ag": ("Omnifeed Relay", "en", 0),  # aggregator: says en whatever it carries
    "kr": ("Кряж-Информ", "ru", 3),
    "zv": ("Заволжский обозреватель", "ru", 3),
    "nb": ("Новости Обской губы", None, 5),
    "kz": ("風見経済新報", "ja", 9),
    "ak": ("暁ワイヤー", "ja", 9),
    "ha": ("浜風ジャーナル", None, 9),
    "de": ("Elbkurier am Morgen", "de", 1),
    "fr": ("La Boussole du Matin", "fr", 1),
    "es": ("Diario Alcotán", None, 1),
    "uk": ("Полтавський оглядач", "uk", 2),
    "zh": ("澄江时评", None, 8),
    "ar": ("نافذة الخليج", "ar", 4),
    "tr": ("Karadeniz Pusulası", "tr", 3),
}
START = datetime(2024, 11, 1, tzinfo=UTC)
SPAN_HOURS = 24 * 750


def parse(text: str) -> list[dict]:
    """Blocks start with '@ lang outlet labels trap'; then the title line, then paragraphs."""
    items = []
    for block in text.split("\n@ ")[1:]:
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        lang, outlet, labels, trap = lines[0].split()
        tag, _, topic = trap.partition(":")
        items.append(
            {
                "lang": lang,
                "outlet": outlet,
                "labels": [] if labels == "-" else [TOPICS[t] for t in labels.split(",")],
                "trap": None if tag == "-" else tag,
                "trap_topic": None if tag == "-" else TOPICS[topic],
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def shape(i: int, paras: list[str]) -> tuple[str, str]:
    """Mix of feed shapes: half with <p> content, three in ten summary-only, the rest plain text."""
    k = i % 10
    if k < 5:
        return paras[0], "".join(f"<p>{p}</p>" for p in paras)
    if k < 8:
        return " ".join(paras), ""
    return f"<p>{paras[0]}</p>", "\n\n".join(paras)


def build() -> list[dict]:
    rng = random.Random(20261203)
    dated = []
    for i, it in enumerate(parse((HERE / "heldout3_src.txt").read_text(encoding="utf-8"))):
        name, feed_lang, off = OUTLETS[it["outlet"]]
        if it["outlet"] == "ag":
            feed_lang = "en"
        tz = timezone(timedelta(hours=off))
        when = START + timedelta(hours=rng.randrange(SPAN_HOURS), minutes=rng.choice([0, 5, 15, 20, 30, 45]))
        summary, content = shape(i, it["paras"])
        dated.append((when, item_row(it, name, feed_lang, when.astimezone(tz), summary, content)))
    return numbered(dated, "w")


def item_row(it: dict, outlet: str, feed_lang: str | None, local: datetime, summary: str, content: str) -> dict:
    """One item in the set's format; the id is given by numbered() once all items are in time order."""
    return {
        "id": "",
        "outlet": outlet,
        "feed_lang": feed_lang,
        "lang": it["lang"],
        "title": it["title"],
        "summary": summary,
        "content": content,
        "published": local.isoformat(),
        "labels": it["labels"],
        "trap": it["trap"],
        "trap_topic": it["trap_topic"],
    }


def numbered(dated: list[tuple[datetime, dict]], prefix: str) -> list[dict]:
    """Sort by publication time and give ids prefix001, prefix002, ... in that order."""
    dated.sort(key=lambda pair: pair[0])
    rows = [row for _when, row in dated]
    for n, r in enumerate(rows, 1):
        r["id"] = f"{prefix}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


if __name__ == "__main__":
    out = HERE / "heldout3.jsonl"
    rows = build()
    out.write_text(dump(rows), encoding="utf-8")
    print(f"{len(rows)} items -> {out}")
