"""Build heldout12.jsonl from the hand-written blocks of heldout12_src.txt.

Self-contained and deterministic (seed 1212): two runs give byte-identical files.
A block is a header line ``@ lang | labels | trap | trap_topic [| agg]`` (topic codes
TR, AM, IO, AL, NK; ``-`` for none), then the title, then one paragraph per line.
Exits non-zero, listing the items, if any item's length by the data test's measure
falls outside 80-160 words in any feed shape, so that no shape is chosen to hide one.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout12_src.txt"
OUT = HERE / "heldout12.jsonl"
SEED = 1212
PREFIX = "y"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
AGGREGATOR = ("Lintwhistle Newsmill", "en", 0)
# Each language's invented outlets, with the UTC offset (hours) the outlet publishes in.
OUTLETS = {
    "en": [
        ("Kestrelford Lamplighter", 0),
        ("Marlow Bay Signal", -5),
        ("The Ninefield Sentinel", 1),
        ("Oxhey Freight Jottings", 0),
        ("Hooghly Ferrymen's Paper", 5.5),
    ],
    "ru": [
        ("Слободской пароходчик", 3),
        ("Кондопожский лоцман", 3),
        ("Енисейский причал", 7),
        ("Чусовской перевозчик", 5),
    ],
    "ja": [("湊川日報", 9), ("北陸海事新聞", 9), ("東雲ニュース速報", 9), ("瀬戸内経済ウォッチ", 9)],
    "de": [("Kieler Nachtschicht", 1)],
    "fr": [("Le Vanneau de Brenne", 1)],
    "es": [("El Farolillo de Cádiz", 1)],
    "it": [("La Bussola Ligure", 1)],
    "pl": [("Żuławski Przewoźnik", 1)],
    "tr": [("Fındıklı Haber Çıngırağı", 3)],
    "sk": [("Považský hlásnik", 1)],
    "sr": [("Сремски дописник", 1)],
    "no": [("Tromsøflaket Dagsnytt", 1)],
    "sw": [("Sauti ya Pwani Leo", 3)],
    "ms": [("Suara Tanjung Tuan", 8)],
    "lt": [("Nemuno krantų žinios", 2)],
}
# Feed shapes and their weights: a <p> body under a <p> or plain lead, a plain-text body, or summary only.
SHAPES = {"p_lead_p": 0.3, "p_lead_plain": 0.25, "plain": 0.35, "summary_only": 0.1}
START = datetime(2025, 1, 2, tzinfo=UTC)
SPAN_MINUTES = 700 * 24 * 60
NULL_SHARE = 0.3  # feeds that give no <language>: about this share of all items, drawn among non-aggregator items


def parse_blocks(text: str) -> list[dict]:
    """Split the source into items; a block starts at a line beginning with '@'."""
    items = []
    for raw in re.split(r"\n(?=@ )", text.strip()):
        lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip() and not ln.startswith("#")]
        if not lines:
            continue
        head = [h.strip() for h in lines[0][1:].split("|")]
        lang, labels, trap, trap_topic = head[:4]
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else TOPICS[trap_topic],
                "agg": len(head) > 4 and head[4] == "agg",
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def words(lang: str, *parts: str) -> int:
    """The data test's measure: tags dropped, Japanese and Chinese at two characters a word."""
    text = re.sub(r"<[^>]+>", " ", " ".join(parts))
    if lang in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def render(item: dict, shape: str) -> tuple[str, str]:
    """Summary and content of an item in one feed shape."""
    paras = item["paras"]
    html = "".join(f"<p>{p}</p>" for p in paras)
    plain = "\n".join(paras)
    if shape == "p_lead_p":
        return f"<p>{paras[0]}</p>", html
    if shape == "p_lead_plain":
        return paras[0], html
    if shape == "plain":
        return paras[0], plain
    return plain, ""


def length_errors(items: list[dict]) -> list[str]:
    errors = []
    for i, item in enumerate(items):
        counts = [words(item["lang"], item["title"], *render(item, s)) for s in SHAPES]
        if min(counts) < 80 or max(counts) > 160:
            errors.append(f"block {i + 1} ({item['lang']}, {item['title'][:40]}): {min(counts)}-{max(counts)} words")
    return errors


def publish_time(rng: random.Random, offset_hours: float) -> str:
    moment = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    local = moment.astimezone(timezone(timedelta(hours=offset_hours)))
    return local.isoformat(timespec="minutes")


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    own_feed = [i for i, item in enumerate(items) if not item["agg"]]
    no_language = set(rng.sample(own_feed, round(NULL_SHARE * len(items))))
    turn: dict[str, int] = {}
    rows = []
    for i, item in enumerate(items):
        lang = item["lang"]
        if item["agg"]:
            outlet, feed_lang, offset = AGGREGATOR
        else:
            outlet, offset = OUTLETS[lang][turn.get(lang, 0) % len(OUTLETS[lang])]
            turn[lang] = turn.get(lang, 0) + 1
            feed_lang = None if i in no_language else lang
        shape = rng.choices(list(SHAPES), weights=list(SHAPES.values()))[0]
        summary, content = render(item, shape)
        stamp = publish_time(rng, offset)
        rows.append(
            {
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": lang,
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": stamp,
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    return [{"id": f"{PREFIX}{n:03d}", **r} for n, r in enumerate(rows, 1)]


def main() -> int:
    items = parse_blocks(SRC.read_text(encoding="utf-8"))
    errors = length_errors(items)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    rows = build(items)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items written to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
