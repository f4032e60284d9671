"""Build heldout23.jsonl from heldout23_src.txt (held-out part 23; see README).

Self-contained and deterministic (seed 2323): each source block is one item,
header `@ lang | labels | trap | trap_topic`, then the title, then one
paragraph a line. Exits non-zero listing items whose own text is outside
45-160 words (Japanese: two characters a word), so short drafts are caught
before anything is committed.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2323
PREFIX = "a"
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets, each with its UTC offset in minutes.
OUTLETS = {
    "en": [
        ("Brackenquill Palimpsest", 0),
        ("Otterspoole Scrivener", 60),
        ("Sloeberry Gallimaufry", -300),
        ("Glimmerford Chapbook", 330),
    ],
    "ru": [("Шугозёрская морошка", 480), ("Вешний наволок", 180), ("Зимовье-пресс", 420)],
    "ja": [("朝凪新報", 540), ("萌葱通信", 540), ("紅葉台ニュース", 540)],
    "mr": [("लोकसाद वार्ता", 330)],
    "gu": [("સાબરમતી સંદેશ", 330)],
    "su": [("Béja Pasundan Énjing", 420)],
}
AGGREGATOR = ("Quillmoss Omnibus", 0)  # feed says `en` whatever the item's language
START = datetime(2025, 4, 6, tzinfo=UTC)


def blocks(text: str) -> list[list[str]]:
    return [b.strip().splitlines() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]


def parse(block: list[str]) -> dict:
    lang, labels, trap, trap_topic = (f.strip() for f in block[0].lstrip("@ ").split("|"))
    return {
        "lang": lang,
        "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
        "trap": None if trap == "-" else trap,
        "trap_topic": None if trap_topic == "-" else trap_topic,
        "title": block[1].strip(),
        "paras": [p.strip() for p in block[2:] if p.strip()],
    }


def own_words(item: dict) -> int:
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] == "ja":
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def shape(item: dict, rng: random.Random) -> tuple[str, str]:
    """Summary and content in one of four feed shapes."""
    paras = item["paras"]
    html = "".join(f"<p>{p}</p>" for p in paras)
    kind = rng.choice(["p-under-p", "p-under-plain", "plain", "summary-only"])
    if kind == "p-under-p":
        return f"<p>{paras[0]}</p>", html
    if kind == "p-under-plain":
        return paras[0], html
    if kind == "plain":
        return paras[0], "\n\n".join(paras)
    return " ".join(paras), ""


def build() -> list[dict]:
    items = [parse(b) for b in blocks((HERE / "heldout23_src.txt").read_text(encoding="utf-8"))]
    bad = [(i, it["title"], own_words(it)) for i, it in enumerate(items) if not 45 <= own_words(it) <= 160]
    if bad:
        for b in bad:
            print("length", b, file=sys.stderr)
        sys.exit(1)
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(600 * 24 * 60), len(items)))
    agg = set(rng.sample([i for i, it in enumerate(items) if it["lang"] in ("ru", "ja")], 6))
    turn = {lang: 0 for lang in OUTLETS}
    rows = []
    for i, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        feed_lang: str | None
        if i in agg:
            (outlet, offset), feed_lang = AGGREGATOR, "en"
        else:
            pool = OUTLETS[item["lang"]]
            outlet, offset = pool[turn[item["lang"]] % len(pool)]
            turn[item["lang"]] += 1
            feed_lang = None if rng.random() < 0.22 else item["lang"]
        tz = timezone(timedelta(minutes=offset))
        summary, content = shape(item, rng)
        rows.append(
            {
                "id": f"{PREFIX}{i + 1:03d}",
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


def main() -> None:
    rows = build()
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (HERE / "heldout23.jsonl").write_text(out, encoding="utf-8")
    print(len(rows), "items")


if __name__ == "__main__":
    main()
