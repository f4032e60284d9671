"""Build heldout17.jsonl from heldout17_src.txt (deterministic, seed 1717).

Source format: blocks separated by blank lines; `#` lines are comments. A block
is a header `@ lang | labels | trap | trap_topic` (topic codes TR, AM, IO, AL,
NK joined by `+`, `-` for none), then the title, then one paragraph a line.

Run: python tests/data/rules_eval/heldout17_gen.py
Exits non-zero, listing the items, when an item's own text (title and
paragraphs) is outside 80-160 words (Japanese: two characters a word).
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout17_src.txt"
OUT = HERE / "heldout17.jsonl"
SEED = 1717
START = datetime(2025, 3, 3, tzinfo=UTC)
SPAN_DAYS = 630
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language with their UTC offsets in hours.
OUTLETS = {
    "en": [
        ("Fernwhistle Daybook", 0),
        ("Oakumhurst Bugle", -5),
        ("Saffronwalk Dispatcher", 5.5),
        ("Quillwort Ticker", 8),
        ("Hobnail Ledgerline", 1),
        ("Stoatbridge Informer", -4),
    ],
    "ru": [
        ("Верхнекамский календарь", 5),
        ("Валдайские записки", 3),
        ("Сысертские зарубки", 5),
        ("Ветлужский дозорный", 3),
        ("Хибинский сквозняк", 3),
        ("Уржумский маятник", 3),
    ],
    "ja": [
        ("信濃川日報", 9),
        ("浪速ビジネス新聞", 9),
        ("五稜郭ニュース", 9),
        ("玄界灘新報", 9),
        ("武蔵野経済ウィークリー", 9),
        ("土佐湾タイムズ", 9),
    ],
    "de": [("Remstaler Wochenblatt", 1)],
    "fr": [("Le Veilleur de Sologne", 1)],
    "es": [("El Eco del Guadalquivir", 1)],
    "it": [("La Campana del Monferrato", 1)],
    "tr": [("Ürgüp Kervanı", 3)],
    "pl": [("Mrągowski Dzwonek", 1)],
    "ka": [("კოლხეთის მოამბე", 4)],
    "hy": [("Սևանի լրաբեր", 4)],
    "mk": [("Охридски весник", 1)],
    "bn": [("পদ্মা সংবাদ", 6)],
    "ne": [("हिमाल खबरपत्रिका", 5.75)],
    "uz": [("Nurota xabarnomasi", 5)],
}
AGGREGATOR = ("Magpie Wireroom", 0)
AGGREGATED = {"ja": 4, "ru": 2}  # non-English items carried under an English feed
NULL_SHARE = 0.30


def parse(text: str) -> list[dict]:
    items = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        if not lines:
            continue
        head = lines[0]
        if not head.startswith("@") or len(lines) < 3:
            sys.exit(f"bad block: {lines[0][:60]!r}")
        lang, labels, trap, trap_topic = (f.strip() for f in head[1:].split("|"))
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split("+")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else CODES[trap_topic],
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def word_count(item: dict) -> int:
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] == "ja":
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def too_short_or_long(items: list[dict]) -> list[str]:
    return [f"{word_count(i):4d} {i['lang']} {i['title']}" for i in items if not 80 <= word_count(i) <= 160]


def first_sentence(paragraph: str) -> str:
    match = re.match(r"(.+?[.!?。])(\s|$)", paragraph)
    return match.group(1) if match else paragraph


def shape(item: dict, rng: random.Random) -> tuple[str, str]:
    """Return (summary, content) in one of four feed shapes."""
    lead = item["paras"][0]
    if len(lead.split()) > 60:
        lead = first_sentence(lead)
    body_p = "".join(f"<p>{p}</p>" for p in item["paras"])
    kind = rng.choices(["p-p", "plain-p", "plain-text", "summary-only"], weights=[30, 25, 30, 15])[0]
    if kind == "p-p":
        return f"<p>{lead}</p>", body_p
    if kind == "plain-p":
        return lead, body_p
    if kind == "plain-text":
        return lead, "\n\n".join(item["paras"])
    return " ".join(item["paras"]), ""


def assign_feeds(items: list[dict], rng: random.Random) -> None:
    """Outlets round-robin per language; a few items via an English aggregator; some feeds without a language."""
    order = list(range(len(items)))
    rng.shuffle(order)
    aggregated: set[int] = set()
    for lang, n in AGGREGATED.items():
        aggregated.update([i for i in order if items[i]["lang"] == lang][:n])
    others = [i for i in order if i not in aggregated]
    nulls = set(others[: round(NULL_SHARE * len(items))])
    turn: dict[str, int] = {}
    for i, item in enumerate(items):
        if i in aggregated:
            item["outlet"], item["offset"], item["feed_lang"] = AGGREGATOR[0], AGGREGATOR[1], "en"
            continue
        pool = OUTLETS[item["lang"]]
        k = turn.get(item["lang"], 0)
        turn[item["lang"]] = k + 1
        item["outlet"], item["offset"] = pool[k % len(pool)]
        item["feed_lang"] = None if i in nulls else item["lang"]


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_DAYS * 24 * 60), len(items)))
    assign_feeds(items, rng)
    rows = []
    for n, (item, minute) in enumerate(zip(items, minutes, strict=True), start=1):
        when = (START + timedelta(minutes=minute)).astimezone(timezone(timedelta(hours=item["offset"])))
        summary, content = shape(item, rng)
        rows.append(
            {
                "id": f"e{n:03d}",
                "outlet": item["outlet"],
                "feed_lang": item["feed_lang"],
                "lang": item["lang"],
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": when.isoformat(),
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse(SRC.read_text(encoding="utf-8"))
    bad = too_short_or_long(items)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    rows = build(items)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items written to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
