"""Build heldout16.jsonl from the hand-written blocks of heldout16_src.txt.

Self-contained and deterministic (seed 1616): two runs give byte-identical
files. Exits non-zero, listing the offenders, when an item's own text is
outside 80-160 words (Japanese: two characters a word).
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout16_src.txt"
OUT = HERE / "heldout16.jsonl"
SEED = 1616
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# Invented outlets per language, each with the UTC offset (hours) it stamps.
OUTLETS = {
    "en": [("Tarnhollow Wirenote", 0), ("Osprey Kettle", -5), ("Fennick Roundel", 1), ("Muskrat Clearing", 8)],
    "ru": [("Утро Камы", 3), ("Каменный брод", 5), ("Свирель", 3), ("Затон Прикамья", 5)],
    "ja": [("六花通信", 9), ("汐留ウィークリー", 9), ("あけぼの経済", 9), ("波止場ジャーナル", 9)],
    "de": [("Uferbote Lahn", 1)],
    "fr": [("Trombone de Lyon", 1)],
    "es": [("Pregón del Moncayo", 1)],
    "it": [("Il Campanile Padano", 1)],
    "pt": [("Diário do Tejo", 0)],
    "nl": [("De Waalklok", 1)],
    "pl": [("Goniec Wiślany", 1)],
    "tr": [("Haliç Habercisi", 3)],
    "tg": [("Овози Вахш", 5)],
    "ky": [("Ала-Тоо Жаңылыктары", 6)],
    "la": [("Nuntii Latini Septentrionales", 2)],
    "oc": [("Lo Jornalet de Garona", 1)],
}
AGGREGATOR = ("Periwinkle Newsroll", 0)
AGGREGATED = {"ja": 4, "ru": 2}  # non-English items carried under an "en" feed
START = datetime(2025, 2, 1, tzinfo=UTC)
SPAN_MINUTES = 650 * 24 * 60
NULL_SHARE = 0.30
SHAPES = ("p-under-p", "p-under-plain", "plain", "summary-only")
SHAPE_WEIGHTS = (30, 25, 30, 15)


def parse(text: str) -> list[dict]:
    """One dict per blank-line-separated block: header, title, paragraphs."""
    items = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip() and not ln.startswith("#")]
        if not lines:
            continue
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
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


def word_count(lang: str, text: str) -> int:
    if lang in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def too_long_or_short(items: list[dict]) -> list[str]:
    bad = []
    for i, it in enumerate(items):
        n = word_count(it["lang"], " ".join([it["title"], *it["paras"]]))
        if not 80 <= n <= 160:
            bad.append(f"block {i + 1} ({it['lang']}, {it['title'][:40]}): {n} words")
    return bad


def first_sentence(lang: str, para: str) -> str:
    """A summary should not repeat a long first paragraph whole."""
    if word_count(lang, para) <= 60:
        return para
    cut = re.split(r"(?<=[.!?。])\s*", para, maxsplit=1)
    return cut[0]


def render(rng: random.Random, it: dict) -> tuple[str, str]:
    shape = rng.choices(SHAPES, SHAPE_WEIGHTS)[0]
    paras, lang = it["paras"], it["lang"]
    lead = first_sentence(lang, paras[0])
    html = "".join(f"<p>{p}</p>" for p in paras)
    if shape == "p-under-p":
        return f"<p>{lead}</p>", html
    if shape == "p-under-plain":
        return lead, html
    if shape == "plain":
        return lead, "\n\n".join(paras)
    return " ".join(paras), ""


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    rng.shuffle(items)
    minutes = sorted(rng.sample(range(SPAN_MINUTES), len(items)))
    aggregated = set()
    for lang, n in AGGREGATED.items():
        aggregated |= set(rng.sample([i for i, it in enumerate(items) if it["lang"] == lang], n))
    others = [i for i in range(len(items)) if i not in aggregated]
    nulls = set(rng.sample(others, round(NULL_SHARE * len(items))))
    turn: dict[str, int] = {}
    rows = []
    for i, (it, minute) in enumerate(zip(items, minutes, strict=True)):
        lang = it["lang"]
        if i in aggregated:
            outlet, offset, feed = AGGREGATOR[0], AGGREGATOR[1], "en"
        else:
            k = turn.get(lang, 0)
            turn[lang] = k + 1
            outlet, offset = OUTLETS[lang][k % len(OUTLETS[lang])]
            feed = None if i in nulls else lang
        summary, content = render(rng, it)
        stamp = (START + timedelta(minutes=minute)).astimezone(timezone(timedelta(hours=offset)))
        rows.append(
            {
                "id": f"d{i + 1:03d}",
                "outlet": outlet,
                "feed_lang": feed,
                "lang": lang,
                "title": it["title"],
                "summary": summary,
                "content": content,
                "published": stamp.isoformat(timespec="minutes"),
                "labels": it["labels"],
                "trap": it["trap"],
                "trap_topic": it["trap_topic"],
            }
        )
    return rows


def main() -> int:
    items = parse(SRC.read_text(encoding="utf-8"))
    bad = too_long_or_short(items)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    rows = build(items)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items written to {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
