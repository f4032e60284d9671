"""Build heldout7.jsonl from heldout7_src.txt (seventh held-out part of the rule-evaluation set).

Source blocks are separated by blank lines:
    @ lang | labels | trap | trap_topic [| agg]
    title
    paragraph ...
Labels and trap topics are short codes (TR, AM, IO, AL, NK) or "-".  The generator adds the
outlet (round-robin over the language's outlets; "agg" items go to an aggregator whose feed says
"en"), feed_lang, a seeded publication time with the outlet's offset, a seeded feed shape and ids
q001... in time order.
"""

from __future__ import annotations

import html
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC, OUT = HERE / "heldout7_src.txt", HERE / "heldout7.jsonl"
CODES = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# (display name, feed <language> or None, UTC offset in hours)
OUTLETS = {
    "en": [("Harbourline Courier", "en", 0), ("The Quillon Review", None, -5),
           ("Tidewater Signal", "en", -4), ("Kestrel Bay Bulletin", "en", 10)],
    "ru": [("Волжский обозреватель", "ru", 3), ("Сибирская сводка Плюс", None, 7),
           ("Уральский телеграф-24", "ru", 5), ("Невская лента", "ru", 3)],
    "ja": [("瀬戸内タイムス", "ja", 9), ("北陸経済ウォッチ", None, 9),
           ("みなと通信", "ja", 9), ("東海デイリー電子版", "ja", 9)],
    "pl": [("Kurier Mazurski", "pl", 1)],
    "nl": [("De Polderkoerier", None, 1)],
    "id": [("Warta Nusantara Pagi", "id", 7)],
    "fa": [("پیک البرز", None, 3.5)],
    "he": [("יומן הגליל", "he", 2)],
    "de": [("Bodensee-Rundblick", None, 1)],
    "fr": [("La Vigie du Morvan", "fr", 1)],
    "es": [("El Faro de Tarifa", "es", 1)],
    "zh": [("珠江观察报", None, 8)],
    "ar": [("منبر الخليج", "ar", 4)],
    "uk": [("Поліський вісник", None, 2)],
    "tr": [("Karadeniz Postası", "tr", 3)],
}
AGGREGATOR = ("Globewire Digest Mirror", "en", 0)
START = datetime(2024, 12, 1, tzinfo=timezone.utc)
SPAN_MIN = 60 * 24 * 720  # about two years


def parse(text: str) -> list[dict]:
    items = []
    for block in [b.strip() for b in text.split("\n\n") if b.strip()]:
        lines = [x.strip() for x in block.splitlines() if x.strip() and not x.startswith("#")]
        if not lines:
            continue
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
        lang, labels, trap, ttopic = head[:4]
        items.append({
            "lang": lang,
            "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
            "trap": None if trap == "-" else trap,
            "trap_topic": None if ttopic == "-" else CODES[ttopic],
            "agg": len(head) > 4 and head[4] == "agg",
            "title": lines[1],
            "paras": lines[2:],
        })
    return items


def shape(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """Feed shape: <p> body, summary-only, or plain-text body."""
    kind = rng.choices(["p", "summary", "plain"], weights=[50, 30, 20])[0]
    if len(paras) == 1 and kind != "summary":
        kind = "p"
    if kind == "p":
        first = html.escape(paras[0], quote=False)
        body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
        return (f"<p>{first}</p>" if rng.random() < 0.5 else paras[0]), body
    if kind == "summary":
        return " ".join(paras), ""
    return paras[0], "\n\n".join(paras)


def build() -> list[dict]:
    rng = random.Random(7707)
    items = parse(SRC.read_text(encoding="utf-8"))
    turn: dict[str, int] = {}
    rows = []
    for it in items:
        if it["agg"]:
            name, feed, off = AGGREGATOR
        else:
            pool = OUTLETS[it["lang"]]
            k = turn.get(it["lang"], 0)
            turn[it["lang"]] = k + 1
            name, feed, off = pool[k % len(pool)]
        tz = timezone(timedelta(hours=off))
        when = (START + timedelta(minutes=rng.randrange(SPAN_MIN))).astimezone(tz)
        summary, content = shape(rng, it["paras"])
        rows.append({
            "outlet": name, "feed_lang": feed, "lang": it["lang"], "title": it["title"],
            "summary": summary, "content": content,
            "published": when.replace(second=0, microsecond=0).isoformat(),
            "labels": it["labels"], "trap": it["trap"], "trap_topic": it["trap_topic"],
        })
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    return [{"id": f"q{i:03d}", **r} for i, r in enumerate(rows, 1)]


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "items ->", OUT.name)


if __name__ == "__main__":
    main()
