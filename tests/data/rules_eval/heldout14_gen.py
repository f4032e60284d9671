"""Build heldout14.jsonl from the hand-written blocks of heldout14_src.txt.

Each block is a header line ``@ lang | labels | trap | trap_topic [| agg]``
(topic codes TR, AM, IO, AL, NK; ``-`` for none), then the title, then one
paragraph a line; blocks are separated by blank lines. Everything else (time,
outlet, feed language, feed shape, id) is drawn here from seed 1414, so two
runs give byte-identical files. Exits non-zero, listing the offenders, when an
item's own text (title and paragraphs) is outside 80-160 words.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 1414
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, each with the UTC offset its feed uses.
OUTLETS = {
    "en": [
        ("Quayline Clarion", 0),
        ("Harrowgate Lodestar", 0),
        ("Bellwether Mainstay", -5),
        ("Cinderford Kestrel", 1),
        ("Ferrywell Courant", 0),
        ("Pinewick Lamplight", 8),
    ],
    "ru": [
        ("Переклик", 3),
        ("Сигнальщик Прииртышья", 6),
        ("Камертон", 3),
        ("Тагильский Колокол", 5),
        ("Околица Заречья", 3),
    ],
    "ja": [
        ("北浜経済ジャーナル", 9),
        ("みなと夕報", 9),
        ("東邦ニュース速達", 9),
        ("霧島タイムズ", 9),
        ("潮見新報デジタル", 9),
    ],
    "de": [("Rheinauer Wochenspiegel", 1)],
    "fr": [("La Lanterne de Brest", 1)],
    "es": [("El Fanal de Tarifa", 1)],
    "it": [("Il Cronista di Sestri", 1)],
    "is": [("Fréttablik", 0)],
    "mt": [("Il-Lanterna ta' Marsaxlokk", 1)],
    "sq": [("Zëri i Bregut", 1)],
    "ga": [("An Scéalaí Cois Cuain", 0)],
    "cy": [("Y Glorian", 0)],
    "af": [("Die Kaapse Klokslag", 2)],
    "eu": [("Itsasargi Berriak", 1)],
    "gl": [("Fisterra Dixital", 1)],
}
AGGREGATOR = ("Wirepool Crosstree Headlines", 0)
START = datetime(2025, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 2 * 365 * 24 * 60
NULL_FEED_SHARE = 0.30
WORD_RANGE = (80, 160)


def parse(text: str) -> list[dict]:
    """One dict per block: header fields, title and paragraphs."""
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
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


def own_words(item: dict) -> int:
    """Words of title and paragraphs; Japanese counted as two characters a word."""
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] == "ja":
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def shape(item: dict, rng: random.Random) -> tuple[str, str]:
    """Summary and content in one of four feed shapes."""
    paras = item["paras"]
    html = "".join(f"<p>{p}</p>" for p in paras)
    kind = rng.choices(["p-p", "plain-p", "plain-plain", "summary-only"], weights=[45, 15, 30, 10])[0]
    if kind == "p-p":
        return f"<p>{paras[0]}</p>", html
    if kind == "plain-p":
        return paras[0], html
    if kind == "plain-plain":
        return paras[0], "\n\n".join(paras)
    return " ".join(paras), ""


def stamp(minute: int, offset: int) -> str:
    """ISO time with the outlet's own offset."""
    tz = timezone(timedelta(hours=offset))
    local = (START + timedelta(minutes=minute)).astimezone(tz)
    sign = "+" if offset >= 0 else "-"
    return local.strftime("%Y-%m-%dT%H:%M") + f"{sign}{abs(offset):02d}:00"


def build(items: list[dict]) -> list[dict]:
    """Shuffle, time, place and shape every item; ids in time order."""
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    own = [i for i, it in enumerate(items) if not it["agg"]]
    nulls = set(rng.sample(own, round(NULL_FEED_SHARE * len(items))))
    turn: dict[str, int] = {}
    rows = []
    for i, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        if item["agg"]:
            outlet, feed_lang = AGGREGATOR, "en"
        else:
            pool = OUTLETS[item["lang"]]
            outlet = pool[turn.get(item["lang"], 0) % len(pool)]
            turn[item["lang"]] = turn.get(item["lang"], 0) + 1
            feed_lang = None if i in nulls else item["lang"]
        summary, content = shape(item, rng)
        rows.append(
            {
                "id": f"b{i + 1:03d}",
                "outlet": outlet[0],
                "feed_lang": feed_lang,
                "lang": item["lang"],
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": stamp(minute, outlet[1]),
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse((HERE / "heldout14_src.txt").read_text(encoding="utf-8"))
    bad = [(it["title"], own_words(it)) for it in items if not WORD_RANGE[0] <= own_words(it) <= WORD_RANGE[1]]
    for title, n in bad:
        print(f"{n:4d} words: {title}", file=sys.stderr)
    if bad:
        return 1
    rows = build(items)
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (HERE / "heldout14.jsonl").write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
