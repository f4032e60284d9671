"""Build heldout41.jsonl from heldout41_src.txt (standalone, byte-for-byte reproducible).

Source format: one item per "@ labels | trap:topic | lang | feed_lang | published | outlet"
header ("-" for none), then T (title), S (summary) and P (content paragraph) lines.
Items are sorted by publication time and numbered mx001, mx002, ...

Run from anywhere: python heldout41_gen.py
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}


def parse_header(line: str) -> dict:
    labels, trap, lang, feed_lang, published, outlet = (f.strip() for f in line[1:].split("|"))
    tag, _, topic = trap.partition(":")
    return {
        "outlet": outlet,
        "feed_lang": None if feed_lang == "-" else feed_lang,
        "lang": lang,
        "published": published,
        "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
        "trap": None if trap == "-" else tag,
        "trap_topic": None if trap == "-" else TOPICS[topic],
        "title": "",
        "summary": "",
        "paras": [],
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append(parse_header(line))
            continue
        kind, body = line[0], line[2:].strip()
        item = items[-1]
        if kind == "T":
            item["title"] = body
        elif kind == "S":
            item["summary"] = body
        elif kind == "P":
            item["paras"].append(body)
        else:
            raise ValueError(f"unknown line: {line!r}")
    return items


def to_row(number: int, item: dict) -> dict:
    content = "".join(f"<p>{p}</p>" for p in item["paras"])
    return {
        "id": f"mx{number:03d}",
        "outlet": item["outlet"],
        "feed_lang": item["feed_lang"],
        "lang": item["lang"],
        "title": item["title"],
        "summary": item["summary"],
        "content": content,
        "published": item["published"],
        "labels": item["labels"],
        "trap": item["trap"],
        "trap_topic": item["trap_topic"],
    }


def main() -> None:
    items = parse((HERE / "heldout41_src.txt").read_text(encoding="utf-8"))
    items.sort(key=lambda i: datetime.fromisoformat(i["published"]))
    lines = [json.dumps(to_row(n, i), ensure_ascii=False) for n, i in enumerate(items, 1)]
    (HERE / "heldout41.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
