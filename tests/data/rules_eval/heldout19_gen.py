"""Build heldout19.jsonl from heldout19_src.txt (deterministic, seed 1919).

Block format: a header ``@ lang | labels | trap | trap_topic`` (topic codes
TR, AM, IO, AL, NK; ``-`` for none), then the title, then one paragraph a line.
Blank lines and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 1919
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, with the UTC offset in hours their feeds use.
OUTLETS = {
    "en": [("Larchmere Carillon", 0), ("Wyvernhurst Pennyfold", 1), ("Quenby Gleaner", -5)],
    "ru": [("Закамский фонарь", 3), ("Ольхонская трещотка", 8), ("Сылвинский горн", 5)],
    "ja": [("燧灘経済報", 9), ("阿武隈新聞", 9), ("しまなみ通信", 9)],
    "de": [("Moselkurier am Abend", 1)],
    "fr": [("La Girouette d'Oléron", 1)],
    "es": [("Altavoz de Lanjarón", 1)],
    "zh": [("濠江经贸快讯", 8)],
    "uk": [("Ворсклянська сурма", 2)],
    "tr": [("Erciyes Çınarı", 3)],
    "ar": [("صدى الجزيرة الخضراء", 3)],
    "hi": [("नर्मदा वाणी", 5)],
    "tk": [("Murgap Habarlary", 5)],
    "br": [("Kelaouenn Kerne", 1)],
    "gd": [("Naidheachd Loch Abar", 0)],
    "mg": [("Feon'i Menabe", 3)],
}
AGGREGATOR = ("Cobblewick Collator", 0)
WIDE = ("ja", "zh")


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            lang, labels, trap, topic = (p.strip() for p in line[1:].split("|"))
            items.append(
                {
                    "lang": lang,
                    "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                    "trap": None if trap == "-" else trap,
                    "trap_topic": None if topic == "-" else CODES[topic],
                    "lines": [],
                }
            )
        else:
            items[-1]["lines"].append(line)
    return items


def size(item: dict) -> int:
    text = " ".join(item["lines"])
    if item["lang"] in WIDE:
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def first_sentence(par: str) -> str:
    m = re.match(r"(.+?[.!?。？！])(\s|$)", par)
    return m.group(1) if m else par


def shape(rng: random.Random, pars: list[str]) -> tuple[str, str]:
    lead = pars[0] if len(pars[0].split()) <= 60 else first_sentence(pars[0])
    kind = rng.randrange(4)
    body = "".join(f"<p>{p}</p>" for p in pars)
    if kind == 0:
        return f"<p>{lead}</p>", body
    if kind == 1:
        return lead, body
    if kind == 2:
        return lead, "\n\n".join(pars)
    return "\n\n".join(pars), ""


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    start = datetime(2025, 3, 3, tzinfo=UTC)
    minutes = sorted(rng.randrange(600 * 24 * 60) for _ in items)
    foreign = [i for i, it in enumerate(items) if it["lang"] in ("ja", "ru")]
    agg = set(rng.sample(foreign, 6))
    rest = [i for i in range(len(items)) if i not in agg]
    null = set(rng.sample(rest, round(0.3 * len(items))))
    turn: dict[str, int] = {}
    rows = []
    for i, (it, minute) in enumerate(zip(items, minutes, strict=True)):
        lang = it["lang"]
        if i in agg:
            outlet, offset = AGGREGATOR
            feed = "en"
        else:
            k = turn.get(lang, 0)
            turn[lang] = k + 1
            outlet, offset = OUTLETS[lang][k % len(OUTLETS[lang])]
            feed = None if i in null else lang
        when = (start + timedelta(minutes=minute)).astimezone(timezone(timedelta(hours=offset)))
        title, *pars = it["lines"]
        summary, content = shape(rng, pars)
        rows.append(
            {
                "id": f"g{i + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed,
                "lang": lang,
                "title": title,
                "summary": summary,
                "content": content,
                "published": when.isoformat(),
                "labels": it["labels"],
                "trap": it["trap"],
                "trap_topic": it["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse((HERE / "heldout19_src.txt").read_text(encoding="utf-8"))
    bad = [(it["lines"][0], size(it)) for it in items if not 80 <= size(it) <= 160]
    for title, n in bad:
        print(f"{n:4d} {title}", file=sys.stderr)
    if bad:
        return 1
    rows = build(items)
    with open(HERE / "heldout19.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
