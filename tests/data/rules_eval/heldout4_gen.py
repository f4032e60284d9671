"""Build heldout4.jsonl from heldout4_src.txt (fourth held-out part of the rule-evaluation set).

The source holds the texts in blocks; this script only adds outlets, feed languages, dates, ids and
the feed shape (paragraph content, summary-only, or plain-text content), so the texts stay readable
in one place. Run: python tests/data/rules_eval/heldout4_gen.py
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

# Same block format, topic keys and row shape as the third part (run as a script: its folder is on sys.path).
from heldout3_gen import dump, item_row, numbered, parse

HERE = Path(__file__).resolve().parent
# key: (display name, what the feed's <language> says, UTC offset in hours)
OUTLETS = {
    "cw": ("Cobblewharf Tidings", "en", 0),
    "mr": ("Marrowgate Evening Slate", "en", -5),
    "fs": ("Foxstone Bulletin", None, 5.5),
    "py": ("Pylonfield Post", "en", 8),
    "ag": ("Streamjunction Newsboard", "en", 0),  # aggregator: its feed says en whatever it carries
    "sv": ("Ладожский бриз", "ru", 3),
    "ur": ("Уральский пеленг", "ru", 5),
    "tm": ("Томский полдень", None, 7),
    "sz": ("潮騒経済ウォッチ", "ja", 9),
    "km": ("蒼空通信", "ja", 9),
    "ty": ("東雲デイリー", None, 9),
    "de": ("Rheinpegel Abendblatt", "de", 1),
    "fr": ("La Vigie de l'Estuaire", "fr", 1),
    "es": ("Gaceta de Alborán", None, 1),
    "uk": ("Дніпровський сигнал", "uk", 2),
    "zh": ("岭南观察报", None, 8),
    "ar": ("مرصد الرافدين", "ar", 3),
    "tr": ("Ege Gündem Postası", "tr", 3),
}
START = datetime(2024, 12, 1, tzinfo=UTC)
SPAN_HOURS = 24 * 720
SEED = 20261204


def shape(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """Mix of feed shapes: about half <p> content, three in ten summary-only, the rest plain text."""
    roll = rng.random()
    if roll < 0.5:
        return paras[0], "".join(f"<p>{p}</p>" for p in paras)
    if roll < 0.8:
        return " ".join(paras), ""
    return paras[0], "\n\n".join(paras)


def build() -> list[dict]:
    rng = random.Random(SEED)
    dated = []
    for it in parse((HERE / "heldout4_src.txt").read_text(encoding="utf-8")):
        name, feed_lang, off = OUTLETS[it["outlet"]]
        tz = timezone(timedelta(hours=off))
        when = START + timedelta(hours=rng.randrange(SPAN_HOURS), minutes=rng.choice([0, 10, 25, 35, 40, 50]))
        summary, content = shape(rng, it["paras"])
        dated.append((when, item_row(it, name, feed_lang, when.astimezone(tz), summary, content)))
    return numbered(dated, "k")


if __name__ == "__main__":
    out = HERE / "heldout4.jsonl"
    rows = build()
    out.write_text(dump(rows), encoding="utf-8")
    print(f"{len(rows)} items -> {out}")
