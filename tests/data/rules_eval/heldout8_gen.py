"""Build heldout8.jsonl from heldout8_src.txt (eighth held-out part, ids u001...).

Self-contained and deterministic (seed 8808). Source blocks:
``@ lang | labels | trap | trap_topic [| agg]`` then a title line, then one
paragraph per line. Topic codes: TR, AM, IO, AL, NK; ``-`` means none.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language: (name, UTC offset in hours).
OUTLETS = {
    "en": [("Quayhollow Tally", 0), ("Pinecrest Nightcall", -5), ("Brackwater Semaphore", 8), ("Kestrelmoor Notes", 4)],
    "ru": [
        ("Заречный колокольчик", 3),
        ("Лоцманская тетрадь", 3),
        ("Полярная летопись", 5),
        ("Гостиный двор. Торговый лист", 3),
    ],
    "ja": [("北浜経済タイムス", 9), ("みなと通信", 9), ("瀬戸内ニュース網", 9), ("阿蘇山麓かわら版", 9)],
    "ko": [("한강물류일보", 9)],
    "pt": [("Gazeta do Trapiche", -3)],
    "it": [("Il Lanternino Adriatico", 1)],
    "de": [("Moselschiefer Tagesblatt", 1)],
    "fr": [("Le Crieur du Morvan", 1)],
    "es": [("La Linterna del Tajo", 1)],
    "zh": [("滨江财经快线", 8)],
    "ar": [("بوصلة الضفتين الاقتصادية", 4)],
    "uk": [("Подільський кур'єр дня", 2)],
    "tr": [("Marmara Liman Bülteni", 3)],
    "pl": [("Głos Znad Warty", 1)],
    "nl": [("De Scheldebode", 1)],
}
AGGREGATOR = ("Polyglot Feedmixer", 0)
SEED = 8808


def parse(text: str) -> list[dict]:
    items = []
    for block in ("\n" + text).split("\n@ ")[1:]:
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        head = [h.strip() for h in lines[0].split("|")]
        labels = [] if head[1] == "-" else [CODES[c] for c in head[1].split(",")]
        trap = None if head[2] == "-" else head[2]
        trap_topic = None if head[3] == "-" else CODES[head[3]]
        items.append(
            {
                "lang": head[0],
                "labels": labels,
                "trap": trap,
                "trap_topic": trap_topic,
                "agg": len(head) > 4 and head[4] == "agg",
                "title": lines[1],
                "paras": lines[2:],
            }
        )
    return items


def shape(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """Summary and content in one of four feed shapes real feeds show."""
    roll = rng.random()
    if roll < 0.42:  # <p> body, plain first-paragraph summary
        return paras[0], "".join(f"<p>{p}</p>" for p in paras)
    if roll < 0.55:  # <p> body, <p> summary
        return f"<p>{paras[0]}</p>", "".join(f"<p>{p}</p>" for p in paras)
    if roll < 0.85:  # summary only
        return " ".join(paras), ""
    return paras[0], "\n\n".join(paras)  # plain-text body


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    turn: dict[str, int] = {}
    start = datetime(2025, 1, 4, tzinfo=UTC)
    rows = []
    for it in items:
        if it["agg"]:
            name, off = AGGREGATOR
            feed_lang: str | None = "en"
        else:
            pool = OUTLETS[it["lang"]]
            name, off = pool[turn.get(it["lang"], 0) % len(pool)]
            turn[it["lang"]] = turn.get(it["lang"], 0) + 1
            feed_lang = None if rng.random() < 0.3 else it["lang"]
        when = start + timedelta(minutes=rng.randrange(0, 690 * 24 * 60))
        local = when.astimezone(timezone(timedelta(hours=off)))
        summary, content = shape(rng, it["paras"])
        rows.append(
            {
                "outlet": name,
                "feed_lang": feed_lang,
                "lang": it["lang"],
                "title": it["title"],
                "summary": summary,
                "content": content,
                "published": local.isoformat(timespec="minutes"),
                "labels": it["labels"],
                "trap": it["trap"],
                "trap_topic": it["trap_topic"],
                "_t": when,
            }
        )
    rows.sort(key=lambda r: r["_t"])
    out = []
    for i, r in enumerate(rows, 1):
        del r["_t"]
        out.append({"id": f"u{i:03d}", **r})
    return out


def main() -> None:
    items = parse((HERE / "heldout8_src.txt").read_text(encoding="utf-8"))
    rows = build(items)
    with open(HERE / "heldout8.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "items")


if __name__ == "__main__":
    main()
