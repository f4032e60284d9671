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
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

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
Outlet = tuple[str, str | None, float]
OUTLETS: dict[str, list[Outlet]] = {
    "en": [
        ("Marrowfield Echo", "en", 0),
        ("Thistlecombe Hearsay-Sheet", None, -5),
        ("Ashgrove Tribune-Fold", "en", -4),
        ("Pennystone Register", "en", 10),
    ],
    "ru": [
        ("Окский глашатай", "ru", 3),
        ("Вятский полустанок", None, 7),
        ("Тобольский маяк", "ru", 5),
        ("Ладожская почта", "ru", 3),
    ],
    "ja": [
        ("潮見坂ニュース", "ja", 9),
        ("越前ビジネス便り", None, 9),
        ("湊町ジャーナル", "ja", 9),
        ("三河電子日報", "ja", 9),
    ],
    "pl": [("Echo Żuław", "pl", 1)],
    "nl": [("Drentse Klepel", None, 1)],
    "id": [("Serambi Timur Daring", "id", 7)],
    "fa": [("نامه دماوند", None, 3.5)],
    "he": [("הד הכנרת", "he", 2)],
    "de": [("Allgäuer Abendbote", None, 1)],
    "fr": [("Le Héraut du Vercors", "fr", 1)],
    "es": [("La Atalaya de Almería", "es", 1)],
    "zh": [("岭南晨报观察", None, 8)],
    "ar": [("صدى الواحة", "ar", 4)],
    "uk": [("Карпатська трембіта", None, 2)],
    "tr": [("Ege Fenercisi", "tr", 3)],
}
AGGREGATOR: Outlet = ("Omniroute Newsfold", "en", 0)
START = datetime(2024, 12, 1, tzinfo=UTC)
SPAN_MIN = 60 * 24 * 720  # about two years


def parse(text: str) -> list[dict[str, Any]]:
    items = []
    for block in [b.strip() for b in text.split("\n\n") if b.strip()]:
        lines = [x.strip() for x in block.splitlines() if x.strip() and not x.startswith("#")]
        if not lines:
            continue
        head = [f.strip() for f in lines[0].lstrip("@").split("|")]
        lang, labels, trap, ttopic = head[:4]
        items.append(
            {
                "lang": lang,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap,
                "trap_topic": None if ttopic == "-" else CODES[ttopic],
                "agg": len(head) > 4 and head[4] == "agg",
                "title": lines[1],
                "paras": lines[2:],
            }
        )
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


def build() -> list[dict[str, Any]]:
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
        rows.append(
            {
                "outlet": name,
                "feed_lang": feed,
                "lang": it["lang"],
                "title": it["title"],
                "summary": summary,
                "content": content,
                "published": when.replace(second=0, microsecond=0).isoformat(),
                "labels": it["labels"],
                "trap": it["trap"],
                "trap_topic": it["trap_topic"],
            }
        )
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
