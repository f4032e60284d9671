"""Build heldout24.jsonl from heldout24_src.txt (held-out part 24; see README).

Deterministic (seed 2424): same source gives a byte-identical file.
Source blocks: `@ lang | labels | trap | trap_topic`, title, one paragraph a line,
blank line between blocks. Topic codes: TR AM IO AL NK, `-` for none.
Exits non-zero listing items whose own text is outside 45-160 words.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2424
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, with their UTC offset in hours.
OUTLETS: dict[str, list[tuple[str, float]]] = {
    "en": [
        ("Quenbrook Tattler", 0),
        ("Saltcombe Gannetry", 1),
        ("Wyvelstone Skiff", -5),
        ("Ottercliff Palaver", 5.5),
        ("Brindlemoor Tocsin", 8),
    ],
    "ru": [("Заозёрный Буерак", 3), ("Камышинский Сказитель", 4), ("Шекснинский Побережник", 3)],
    "ja": [("鴫沢経済便", 9), ("檜葉ニュース舎", 9), ("榧野日報", 9)],
    "tt": [("Идел Яңалыклары", 3)],
    "ba": [("Ағиҙел Хәбәрсеһе", 5)],
    "qu": [("Willakuy Andes Ñan", -5)],
}
AGGREGATOR: tuple[str, float] = ("Ferncastle Omnidigest", 0)  # feed says en, carries some ru/ja items
START = datetime(2025, 5, 3, tzinfo=UTC)
SPAN_DAYS = 580


def parse(text: str) -> list[dict]:
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        head = [h.strip() for h in lines[0].lstrip("@").split("|")]
        lang, labels, trap, trap_topic = head
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
    paras = item["paras"]
    kind = rng.choice(["p-p", "plain-p", "plain-text", "summary-only"])
    if kind == "summary-only":
        return " ".join(paras), ""
    body_html = "".join(f"<p>{p}</p>" for p in paras)
    if kind == "p-p":
        return f"<p>{paras[0]}</p>", body_html
    if kind == "plain-p":
        return paras[0], body_html
    return paras[0], "\n\n".join(paras)


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_DAYS * 24 * 60), len(items)))
    turn = {lang: 0 for lang in OUTLETS}
    agg = set(rng.sample([i for i, it in enumerate(items) if it["lang"] in ("ru", "ja")], 6))
    rows = []
    for n, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        lang = item["lang"]
        feed_lang: str | None
        if n in agg:
            (outlet, offset), feed_lang = AGGREGATOR, "en"
        else:
            outlet, offset = OUTLETS[lang][turn[lang] % len(OUTLETS[lang])]
            turn[lang] += 1
            feed_lang = None if rng.random() < 0.2 else lang
        tz = timezone(timedelta(hours=offset))
        summary, content = shape(item, rng)
        rows.append(
            {
                "id": f"i{n + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": lang,
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
    items = parse((HERE / "heldout24_src.txt").read_text(encoding="utf-8"))
    bad = [(it["lang"], own_words(it), it["title"]) for it in items if not 45 <= own_words(it) <= 160]
    for b in bad:
        print("length", *b, file=sys.stderr)
    if bad:
        return 1
    rows = build(items)
    with open(HERE / "heldout24.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
