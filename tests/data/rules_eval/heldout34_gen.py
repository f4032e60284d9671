"""Build heldout34.jsonl from heldout34_src.txt (standalone, byte-for-byte reproducible).

Each item starts with a header line
``@ labels | trap:topic | lang | feed_lang | published | outlet`` ("-" for none;
labels are comma-separated topic codes), followed by one ``T`` (title) line, one
``S`` (summary) line and any number of ``P`` lines (paragraphs of the content).
Items are written sorted by publication time, with ids ``mj001``….
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout34_src.txt"
OUT = HERE / "heldout34.jsonl"
PREFIX = "mj"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}


def none_if_dash(value: str) -> str | None:
    return None if value == "-" else value


def parse_header(line: str) -> dict:
    labels, trap, lang, feed_lang, published, outlet = (f.strip() for f in line[1:].split("|"))
    trap_tag, trap_topic = (None, None) if trap == "-" else trap.split(":")
    return {
        "outlet": outlet,
        "feed_lang": none_if_dash(feed_lang),
        "lang": lang,
        "title": "",
        "summary": "",
        "content": "",
        "published": published,
        "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
        "trap": trap_tag,
        "trap_topic": None if trap_topic is None else TOPICS[trap_topic],
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    paragraphs: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ "):
            items.append(parse_header(line))
            paragraphs.append([])
            continue
        key, body = line[:2], line[2:].strip()
        if key == "T ":
            items[-1]["title"] = body
        elif key == "S ":
            items[-1]["summary"] = body
        elif key == "P ":
            paragraphs[-1].append(body)
        else:
            raise ValueError(f"unknown line: {line!r}")
    for item, paras in zip(items, paragraphs, strict=True):
        item["content"] = "".join(f"<p>{p}</p>" for p in paras)
    return items


def build() -> str:
    items = parse(SRC.read_text(encoding="utf-8"))
    items.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    lines = []
    for n, item in enumerate(items, start=1):
        row = {"id": f"{PREFIX}{n:03d}", **item}
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
