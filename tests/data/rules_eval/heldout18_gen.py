"""Build heldout18.jsonl from heldout18_src.txt (deterministic, seed 1818).

Run: python tests/data/rules_eval/heldout18_gen.py
The source holds one block per item: a header line
``@ lang | labels | trap | trap_topic`` (topic codes TR, AM, IO, AL, NK, ``-`` for none),
the title, then one paragraph a line. Blank lines and ``#`` lines are skipped.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout18_src.txt"
OUT = HERE / "heldout18.jsonl"
SEED = 1818
START = datetime(2025, 2, 10, 6, 0, tzinfo=UTC)
SPAN_MINUTES = 610 * 24 * 60
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, each with its UTC offset in hours.
OUTLETS = {
    "en": [
        ("Hawkweed Inkhorn", 0),
        ("Samphire Nightjar", -5),
        ("Gullholm Tallyboard", 1),
        ("Wrenfield Sandglass", 8),
        ("Oxbow Saltern", 5.5),
        ("Thistlemoor Lanternpost", 0),
    ],
    "ru": [
        ("Иртышский сверчок", 5),
        ("Онего-пятница", 3),
        ("Бюллетень «Чалый»", 3),
        ("Колымский вестибюль", 11),
        ("Газета «Кедровка»", 7),
    ],
    "ja": [
        ("氷見みなと新聞", 9),
        ("週刊ユーラシア展望", 9),
        ("牧之原タイムズ", 9),
        ("常盤経済ニュース", 9),
        ("鳴門日報デジタル", 9),
    ],
    "ps": [("د سپېدې غږ", 4.5)],
    "ar": [("نشرة النخيل المسائية", 3)],
    "fa": [("خبرنامه سبلان", 3.5)],
    "kk": [("Сарыарқа таңы", 5)],
    "hi": [("नर्मदा समाचार संध्या", 5.5)],
    "ta": [("காவிரி மாலை மடல்", 5.5)],
    "zh": [("沿江商讯周刊", 8)],
    "sw": [("Mwangwi wa Lamu", 3)],
    "ko": [("한강물류신문", 9)],
    "uk": [("Вінницький дзвіночок", 2)],
    "ha": [("Muryar Sahel", 1)],
    "so": [("Codka Jubba", 3)],
}
AGGREGATOR = ("Cormorant Feedrail", 0)
AGGREGATED = {"ja": 4, "ru": 2}  # items carried under a feed that says "en"


def parse(text: str) -> list[dict]:
    """Blocks of the source → item dicts (no id, date or outlet yet); each block starts at a header line."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            blocks.append([])
        blocks[-1].append(line)
    return [to_item(lines) for lines in blocks]


def to_item(lines: list[str]) -> dict:
    lang, labels, trap, trap_topic = (f.strip() for f in lines[0].lstrip("@").split("|"))
    return {
        "lang": lang,
        "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
        "trap": None if trap == "-" else trap,
        "trap_topic": None if trap_topic == "-" else CODES[trap_topic],
        "title": lines[1],
        "paras": lines[2:],
    }


def word_count(item: dict) -> int:
    text = " ".join([item["title"], *item["paras"]])
    if item["lang"] in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def check_lengths(items: list[dict]) -> None:
    bad = [(i, word_count(it)) for i, it in enumerate(items) if not 80 <= word_count(it) <= 160]
    for i, n in bad:
        print(f"item {i} ({items[i]['lang']}, {items[i]['title'][:40]}): {n} words", file=sys.stderr)
    if bad:
        sys.exit(1)


def shape(paras: list[str], kind: int) -> tuple[str, str]:
    """Summary and content for one of four feed shapes."""
    first = paras[0]
    if len(first.split()) > 60:
        first = re.split(r"(?<=[.!?。])\s*", first, maxsplit=1)[0]
    if kind == 0:
        return f"<p>{first}</p>", "".join(f"<p>{p}</p>" for p in paras)
    if kind == 1:
        return first, "".join(f"<p>{p}</p>" for p in paras)
    if kind == 2:
        return first, "\n\n".join(paras)
    return " ".join(paras), ""


def build(items: list[dict], rng: random.Random) -> list[dict]:
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    others = list(range(len(items)))
    aggregated = set()
    for lang, n in AGGREGATED.items():
        aggregated |= set(rng.sample([i for i in others if items[i]["lang"] == lang], n))
    rest = [i for i in others if i not in aggregated]
    nulls = set(rng.sample(rest, round(0.3 * len(items))))
    turn: dict[str, int] = {}
    rows = []
    for i, (item, minute) in enumerate(zip(items, minutes, strict=True)):
        lang = item["lang"]
        if i in aggregated:
            outlet, offset, feed_lang = AGGREGATOR[0], AGGREGATOR[1], "en"
        else:
            k = turn.get(lang, 0)
            turn[lang] = k + 1
            outlet, offset = OUTLETS[lang][k % len(OUTLETS[lang])]
            feed_lang = None if i in nulls else lang
        tz = timezone(timedelta(hours=offset))
        published = (START + timedelta(minutes=minute)).astimezone(tz).isoformat()
        summary, content = shape(item["paras"], rng.randrange(4))
        rows.append(
            {
                "id": f"f{i + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": lang,
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": published,
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
            }
        )
    return rows


def main() -> None:
    items = parse(SRC.read_text(encoding="utf-8"))
    check_lengths(items)
    rows = build(items, random.Random(SEED))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items → {OUT.name}")


if __name__ == "__main__":
    main()
