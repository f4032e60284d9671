"""Build heldout6.jsonl from heldout6_src.txt (sixth held-out part of the rule-evaluation set).

The source holds the texts in blocks; this script only adds outlets, feed languages, dates, ids and
the feed shape (paragraph content, summary-only, or plain-text content), so the texts stay readable
in one place. Run: python tests/data/rules_eval/heldout6_gen.py
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

# Same block format, topic keys and row shape as the earlier parts (run as a script: its folder is on sys.path).
from heldout3_gen import dump, item_row, numbered, parse
from heldout4_gen import shape

HERE = Path(__file__).resolve().parent
# key: (display name, what the feed's <language> says, UTC offset in hours)
OUTLETS = {
    "sl": ("Sallowfen Chronicle", "en", 0),
    "qd": ("Quillfield Tideline", "en", -5),
    "cw": ("Cinderwick Beacon", None, 5.5),
    "ag": ("Threadloom Newsdesk", "en", 0),  # aggregator: its feed says en whatever it carries
    "kv": ("Камский вестовой", "ru", 3),
    "op": ("Обская перекличка", "ru", 7),
    "tt": ("Таймырский телетайп", None, 3),
    "sn": ("東雲経済ウォッチ", "ja", 9),
    "cd": ("千鳥ヶ淵通信", "ja", 9),
    "kd": ("霧島デイリー", None, 9),
    "de": ("Der Rheinkiesel", "de", 1),
    "fr": ("Le Guetteur de la Saône", None, 1),
    "es": ("El Vigía del Ebro", "es", 1),
    "uk": ("Поліський дзвін", "uk", 2),
    "zh": ("江畔观察", None, 8),
    "ar": ("منارة الساحل الجديدة", "ar", 3),
    "tr": ("Marmaris Fener", "tr", 3),
    "pt": ("Correio da Ribeira", "pt", 0),
    "it": ("La Vedetta Adriatica", None, 1),
    "ko": ("새벽빛 통신", "ko", 9),
}
START = datetime(2024, 12, 10, tzinfo=UTC)
SPAN_HOURS = 24 * 710
SEED = 20261206


def build() -> list[dict]:
    rng = random.Random(SEED)
    dated = []
    for it in parse((HERE / "heldout6_src.txt").read_text(encoding="utf-8")):
        name, feed_lang, off = OUTLETS[it["outlet"]]
        tz = timezone(timedelta(hours=off))
        when = START + timedelta(hours=rng.randrange(SPAN_HOURS), minutes=rng.choice([0, 10, 25, 35, 40, 50]))
        summary, content = shape(rng, it["paras"])
        dated.append((when, item_row(it, name, feed_lang, when.astimezone(tz), summary, content)))
    return numbered(dated, "n")


if __name__ == "__main__":
    out = HERE / "heldout6.jsonl"
    rows = build()
    out.write_text(dump(rows), encoding="utf-8")
    print(f"{len(rows)} items -> {out}")
