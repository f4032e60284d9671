"""Build heldout33.jsonl from heldout33_src.txt (standalone, byte-for-byte reproducible).

Run from anywhere: python tests/data/rules_eval/heldout33_gen.py
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout33_src.txt"
OUT = HERE / "heldout33.jsonl"
PREFIX = "mi"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}


def none_if_dash(value: str) -> str | None:
    value = value.strip()
    return None if value == "-" else value


def parse_header(line: str) -> dict:
    fields = [f.strip() for f in line[1:].split("|")]
    if len(fields) != 6:
        raise ValueError(f"bad header: {line!r}")
    labels_s, trap_s, lang, feed_lang, published, outlet = fields
    labels = [] if labels_s == "-" else [TOPICS[c.strip()] for c in labels_s.split(",")]
    if trap_s == "-":
        trap, trap_topic = None, None
    else:
        tag, code = trap_s.split(":")
        trap, trap_topic = tag.strip(), TOPICS[code.strip()]
    return {
        "outlet": outlet,
        "feed_lang": none_if_dash(feed_lang),
        "lang": lang,
        "published": published,
        "labels": labels,
        "trap": trap,
        "trap_topic": trap_topic,
        "title": "",
        "summary": "",
        "paras": [],
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    cur: dict | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            cur = parse_header(line)
            items.append(cur)
            continue
        if cur is None:
            raise ValueError(f"text before first header: {line!r}")
        key, _, value = line.partition(" ")
        if key == "T":
            cur["title"] = value.strip()
        elif key == "S":
            cur["summary"] = value.strip()
        elif key == "P":
            cur["paras"].append(value.strip())
        else:
            raise ValueError(f"unknown line: {line!r}")
    return items


def build(items: list[dict]) -> list[dict]:
    items = sorted(items, key=lambda it: datetime.fromisoformat(it["published"]).astimezone(UTC))
    rows = []
    for n, it in enumerate(items, 1):
        rows.append(
            {
                "id": f"{PREFIX}{n:03d}",
                "outlet": it["outlet"],
                "feed_lang": it["feed_lang"],
                "lang": it["lang"],
                "title": it["title"],
                "summary": it["summary"],
                "content": "".join(f"<p>{p}</p>" for p in it["paras"]),
                "published": it["published"],
                "labels": it["labels"],
                "trap": it["trap"],
                "trap_topic": it["trap_topic"],
            }
        )
    return rows


def main() -> None:
    rows = build(parse(SRC.read_text(encoding="utf-8")))
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} items -> {OUT.name}")


if __name__ == "__main__":
    main()
