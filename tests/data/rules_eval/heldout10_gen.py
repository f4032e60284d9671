"""Build heldout10.jsonl from heldout10_src.txt (tenth held-out part of the rule-precision set).

Self-contained and deterministic (seed 1010): running it twice gives byte-identical output.

Source format: blocks separated by blank lines. A block is a header line
``@ lang | labels | trap | trap_topic [| agg]`` (topic codes TR, AM, IO, AL, NK, ``-`` for none,
labels comma-separated), then the title, then one paragraph per line.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout10_src.txt"
OUT = HERE / "heldout10.jsonl"
SEED = 1010
PREFIX = "r"

TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}

# Invented outlets per language, with the UTC offset (minutes) their feeds stamp times in.
OUTLETS: dict[str, list[tuple[str, int]]] = {
    "en": [
        ("Quayward Daybreak Folio", 0),
        ("The Pellucid Almagest", -300),
        ("Saltire Gull Chronometer", 0),
        ("Fenwold Dusk Broadside", 60),
        ("Thornbury Crossing Ephemeris", 330),
        ("Marrowstone Free Press", -480),
    ],
    "ru": [
        ("Приречный хронограф", 180),
        ("Сумеречный Самородок", 180),
        ("Полынь-медиа", 300),
        ("Онежский семафор", 180),
        ("Ленточный бор", 420),
    ],
    "ja": [
        ("北浜あけぼの新報", 540),
        ("瀬戸内ひびき通信", 540),
        ("岬の灯ニュース", 540),
        ("みちのく耕論", 540),
        ("白鷺経済ウォッチ", 540),
    ],
    "fi": [("Kuusamon Kaiku", 120)],
    "hu": [("Tiszaparti Szemle", 60)],
    "ro": [("Curierul de Bărăgan", 120)],
    "vi": [("Sông Hương Nhật Báo", 420)],
    "el": [("Φάρος του Αιγαίου", 120)],
    "kk": [("Алатау Жаршысы", 300)],
    "hi": [("गंगा तट समाचार", 330)],
    "de": [("Havelufer Rundblick", 60)],
    "fr": [("La Sarcelle des Dombes", 60)],
    "es": [("El Candil de Teruel", 60)],
    "zh": [("珠江晨讯", 480)],
    "ko": [("한빛 포구 소식", 540)],
}
# An aggregator whose feed declares English whatever the item's language.
AGGREGATOR = ("Omnistream Pickup Conduit", 0)
START = datetime(2025, 1, 6, tzinfo=UTC)
SPAN_MINUTES = 690 * 24 * 60


def parse(text: str) -> list[dict]:
    """Split the source into item dicts; raise ValueError naming the block on a bad header."""
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
        if len(head) not in (4, 5) or len(lines) < 3:
            raise ValueError(f"bad block: {lines[0]!r}")
        lang, labels, trap, topic = head[:4]
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if topic == "-" else TOPICS[topic],
                "agg": len(head) == 5 and head[4] == "agg",
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def stamp(rng: random.Random, offset_minutes: int) -> tuple[datetime, str]:
    """A UTC instant in the span and its ISO form in the outlet's own offset."""
    utc = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    local = utc.astimezone(timezone(timedelta(minutes=offset_minutes)))
    return utc, local.isoformat(timespec="minutes")


def shape(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """Feed shape: <p> body (plain or <p> summary), summary-only, or plain-text body."""
    roll = rng.random()
    html = "".join(f"<p>{p}</p>" for p in paras)
    if roll < 0.38:
        return paras[0], html
    if roll < 0.52:
        return f"<p>{paras[0]}</p>", html
    if roll < 0.78:
        return " ".join(paras), ""
    return paras[0], "\n\n".join(paras)


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    turn: dict[str, int] = {}
    rows = []
    for it in items:
        if it["agg"]:
            (outlet, offset), feed_lang = AGGREGATOR, "en"
        else:
            pool = OUTLETS[it["lang"]]
            outlet, offset = pool[turn.get(it["lang"], 0) % len(pool)]
            turn[it["lang"]] = turn.get(it["lang"], 0) + 1
            feed_lang = None if rng.random() < 0.3 else it["lang"]
        utc, published = stamp(rng, offset)
        summary, content = shape(rng, it["paras"])
        row = {
            "id": "",
            "outlet": outlet,
            "feed_lang": feed_lang,
            "lang": it["lang"],
            "title": it["title"],
            "summary": summary,
            "content": content,
            "published": published,
            "labels": it["labels"],
            "trap": it["trap"],
            "trap_topic": it["trap_topic"],
        }
        rows.append((utc, row))
    rows.sort(key=lambda pair: pair[0])
    for n, (_utc, row) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    return [row for _utc, row in rows]


def words(row: dict) -> int:
    """The data test's length measure: two characters a word for Japanese and Chinese."""
    text = re.sub(r"<[^>]+>", " ", " ".join([row["title"], row["summary"], row["content"]]))
    if row["lang"] in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def main() -> int:
    rows = build(parse(SRC.read_text(encoding="utf-8")))
    bad = [(r["id"], r["title"][:40], words(r)) for r in rows if not 80 <= words(r) <= 160]
    for b in bad:
        print("length out of 80-160:", *b, file=sys.stderr)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
