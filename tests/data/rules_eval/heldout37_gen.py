"""Build heldout37.jsonl from heldout37_src.txt (standalone, byte-for-byte reproducible).

Run from anywhere: ``python heldout37_gen.py``. Items are sorted by publication
time (stable for equal times) and numbered mm001, mm002, ...
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout37_src.txt"
OUT = HERE / "heldout37.jsonl"
PREFIX = "mm"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}


def none_or(value: str) -> str | None:
    return None if value == "-" else value


def parse_header(line: str) -> dict:
    labels, trap, lang, feed_lang, published, outlet = (f.strip() for f in line[1:].split("|"))
    tag, _, topic = trap.partition(":")
    return {
        "outlet": outlet,
        "feed_lang": none_or(feed_lang),
        "lang": lang,
        "title": "",
        "summary": "",
        "paragraphs": [],
        "published": published,
        "labels": [] if labels == "-" else [TOPICS[code] for code in labels.split(",")],
        "trap": None if trap == "-" else tag,
        "trap_topic": None if trap == "-" else TOPICS[topic],
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append(parse_header(line))
        elif line.startswith("T "):
            items[-1]["title"] = line[2:].strip()
        elif line.startswith("S "):
            items[-1]["summary"] = line[2:].strip()
        elif line.startswith("P "):
            items[-1]["paragraphs"].append(line[2:].strip())
        else:
            raise ValueError(f"unrecognised line: {line[:40]!r}")
    return items


def to_row(number: int, item: dict) -> dict:
    return {
        "id": f"{PREFIX}{number:03d}",
        "outlet": item["outlet"],
        "feed_lang": item["feed_lang"],
        "lang": item["lang"],
        "title": item["title"],
        "summary": item["summary"],
        "content": "".join(f"<p>{p}</p>" for p in item["paragraphs"]),
        "published": item["published"],
        "labels": item["labels"],
        "trap": item["trap"],
        "trap_topic": item["trap_topic"],
    }


def main() -> None:
    items = sorted(parse(SRC.read_text(encoding="utf-8")), key=lambda i: datetime.fromisoformat(i["published"]))
    rows = [to_row(n, item) for n, item in enumerate(items, start=1)]
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
