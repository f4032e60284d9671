"""Build heldout5.jsonl from heldout5_src.txt (fifth held-out part of the rule-evaluation set).

The source holds the texts in blocks; this script only adds outlets, feed languages, dates, ids and
the feed shape (paragraph content, summary-only, or plain-text content), so the texts stay readable
in one place. Run: python tests/data/rules_eval/heldout5_gen.py
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

# Same block format, topic keys and row shape as the third part (run as a script: its folder is on sys.path).
from heldout3_gen import dump, item_row, numbered, parse
from heldout4_gen import shape

HERE = Path(__file__).resolve().parent
# key: (display name, what the feed's <language> says, UTC offset in hours)
OUTLETS = {
    "ow": ("Oakridge Wireline", "en", -5),
    "bq": ("Brackenquay Crier", "en", 0),
    "tl": ("Tallowmere Lantern", None, 5.5),
    "hx": ("Heronsgate Almanac", "en", 8),
    "ag": ("Wirelattice Roundsman", "en", 0),  # aggregator: its feed says en whatever it carries
    "vl": ("Волжский створ", "ru", 3),
    "an": ("Ангарская сводка", "ru", 8),
    "sk": ("Полярный кордон", None, 3),
    "kz": ("凪浜マーケット便り", "ja", 9),
    "ms": ("湊ニュース速報", "ja", 9),
    "yk": ("夕霧ジャーナル", None, 9),
    "pt": ("Folha do Cais Novo", None, -3),
    "pl": ("Nadwiślańska Latarnia", "pl", 1),
    "it": ("Il Faro di Levante", "it", 1),
    "ko": ("한빛 시사통신", "ko", 9),
    "fa": ("پیک البرز", "fa", 3.5),
    "he": ("זרקור המפרץ", "he", 2),
    "nl": ("De Dijkwachter", None, 1),
    "id": ("Warta Selat", "id", 7),
}
START = datetime(2024, 12, 15, tzinfo=UTC)
SPAN_HOURS = 24 * 700
SEED = 20261205


def build() -> list[dict]:
    rng = random.Random(SEED)
    dated = []
    for it in parse((HERE / "heldout5_src.txt").read_text(encoding="utf-8")):
        name, feed_lang, off = OUTLETS[it["outlet"]]
        tz = timezone(timedelta(hours=off))
        when = START + timedelta(hours=rng.randrange(SPAN_HOURS), minutes=rng.choice([0, 5, 20, 30, 45, 55]))
        summary, content = shape(rng, it["paras"])
        dated.append((when, item_row(it, name, feed_lang, when.astimezone(tz), summary, content)))
    return numbered(dated, "m")


if __name__ == "__main__":
    out = HERE / "heldout5.jsonl"
    rows = build()
    out.write_text(dump(rows), encoding="utf-8")
    print(f"{len(rows)} items -> {out}")
