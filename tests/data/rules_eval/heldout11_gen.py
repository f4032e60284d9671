"""Build heldout11.jsonl from heldout11_src.txt (the eleventh held-out part).

Usage: python tests/data/rules_eval/heldout11_gen.py

Self-contained and deterministic (seed 1111): two runs give byte-identical
files. Each source block is a header line
``@ lang | labels | trap | trap_topic [| agg]`` (topic codes TR AM IO AL NK,
``-`` for none), then the title, then one paragraph per line. Exits non-zero
naming the item when an item's length, measured as the data test measures it,
falls outside 80-160 words in every feed shape.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout11_src.txt"
OUT = HERE / "heldout11.jsonl"
SEED = 1111
PREFIX = "s"
MIN_WORDS, MAX_WORDS = 80, 160
NULL_FEED_LANG = 0.3

CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}

# Invented outlets per language, each with its UTC offset in hours.
OUTLETS: dict[str, list[tuple[str, float]]] = {
    "en": [
        ("Skerrymoor Dispatchbox", 0),
        ("Ollerton Newsloft", 0),
        ("Monsoon Cuttings", 5.5),
        ("Calderwick Airtime", -5),
        ("Brackenfold Transcriptions", 1),
        ("Thistlegate Almanack", 0),
    ],
    "ru": [
        ("Северная стенограмма", 3),
        ("Прикамский вестовщик", 5),
        ("Байкальский зазывала", 8),
        ("Верхневолжские заметы", 3),
        ("Приамурская сорока", 10),
        ("Ковыльная грамотка", 5),
    ],
    "ja": [
        ("瀬戸内報知", 9),
        ("北陸時報ウェブ", 9),
        ("東都経済ダイジェスト", 9),
        ("みちのく放送原稿", 9),
        ("湾岸通信", 9),
    ],
    "uz": [("Zarafshon Xabarlari", 5)],
    "az": [("Xəzər Səhifəsi", 4)],
    "bg": [("Тракийски вестител", 2)],
    "ur": [("سندھ ساحل نامہ", 5)],
    "mn": [("Хэрлэн мэдээ", 8)],
    "da": [("Limfjordens Tidende", 1)],
    "de": [("Neckartaler Rundbrief", 1)],
    "fr": [("Les Échos de la Bidouze", 1)],
    "es": [("El Almirez de Mérida", 1)],
    "tr": [("Kapadokya Seher Sayfası", 3)],
    "uk": [("Бузька хвиля", 2)],
    "it": [("Il Corriere del Tanaro", 1)],
}
AGGREGATOR = ("Orbisfeed Headline Carousel", 0.0)
SPAN_START = datetime(2025, 1, 2, tzinfo=UTC)
SPAN_DAYS = 695


def count_words(lang: str, title: str, summary: str, content: str) -> int:
    """Length as tests/test_rules_eval_data.py measures it."""
    text = re.sub(r"<[^>]+>", " ", " ".join([title, summary, content]))
    if lang in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def parse_blocks(text: str) -> list[dict]:
    items = []
    for n, block in enumerate(re.split(r"\n\s*\n", text.strip()), 1):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        header = [f.strip() for f in lines[0].lstrip("@").split("|")]
        lang, labels, trap, trap_topic = header[:4]
        if len(lines) < 3 or lang not in OUTLETS:
            sys.exit(f"heldout11_src.txt block {n}: bad block ({lines[0]!r})")
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if trap_topic == "-" else CODES[trap_topic],
                "agg": len(header) > 4 and header[4] == "agg",
                "title": lines[1],
                "paras": [html.escape(p, quote=False) for p in lines[2:]],
            }
        )
    return items


def shapes(paras: list[str]) -> dict[str, tuple[str, str]]:
    """The feed shapes an item can take: (summary, content)."""
    body_p = "".join(f"<p>{p}</p>" for p in paras)
    return {
        "p-body-plain-summary": (paras[0], body_p),
        "p-body-p-summary": (f"<p>{paras[0]}</p>", body_p),
        "summary-only": (body_p, ""),
        "plain-body": (paras[0], "\n\n".join(paras)),
    }


FALLBACK = ("plain-body", "p-body-p-summary", "p-body-plain-summary", "summary-only")


def pick_shape(rng: random.Random, item: dict) -> tuple[str, str] | None:
    options = shapes(item["paras"])
    order = rng.choices(list(options), weights=[30, 25, 20, 25])
    # Most items are too short to stand as summary-only; they fall back to a
    # plain-text body first so that <p> bodies stay near half of the part.
    order += [name for name in FALLBACK if name not in order]
    for name in order:
        summary, content = options[name]
        if MIN_WORDS <= count_words(item["lang"], item["title"], summary, content) <= MAX_WORDS:
            return summary, content
    return None


def build(items: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    turn: dict[str, int] = {}
    rows, too_long_or_short = [], []
    for item in items:
        lang = item["lang"]
        if item["agg"]:
            (outlet, offset), feed_lang = AGGREGATOR, "en"
        else:
            outlet, offset = OUTLETS[lang][turn.get(lang, 0) % len(OUTLETS[lang])]
            turn[lang] = turn.get(lang, 0) + 1
            feed_lang = None if rng.random() < NULL_FEED_LANG else lang
        moment = SPAN_START + timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
        local = moment.astimezone(timezone(timedelta(hours=offset)))
        shape = pick_shape(rng, item)
        if shape is None:
            lengths = [count_words(lang, item["title"], *v) for v in shapes(item["paras"]).values()]
            too_long_or_short.append(f"{item['title']!r}: {lengths}")
            continue
        summary, content = shape
        rows.append(
            {
                "outlet": outlet,
                "feed_lang": feed_lang,
                "lang": lang,
                "title": item["title"],
                "summary": summary,
                "content": content,
                "published": local.isoformat(timespec="minutes"),
                "labels": item["labels"],
                "trap": item["trap"],
                "trap_topic": item["trap_topic"],
                "_utc": moment,
            }
        )
    if too_long_or_short:
        sys.exit(f"outside {MIN_WORDS}-{MAX_WORDS} words in every shape:\n" + "\n".join(too_long_or_short))
    rows.sort(key=lambda r: r["_utc"])
    return [{"id": f"{PREFIX}{n:03d}", **{k: v for k, v in r.items() if k != "_utc"}} for n, r in enumerate(rows, 1)]


def main() -> None:
    rows = build(parse_blocks(SRC.read_text(encoding="utf-8")))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} items to {OUT.name}")


if __name__ == "__main__":
    main()
