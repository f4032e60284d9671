"""Build heldout35.jsonl from heldout35_src.txt (standalone, reproducible).

Each item starts with a header line
``@ labels | trap:topic | lang | feed_lang | published | outlet`` (``-`` for
none; topic codes TR, AM, IO, AL, NK), followed by ``T`` (title), ``S``
(summary) and optional ``P`` (one ``<p>`` paragraph of content) lines.
Items are sorted by publication time and numbered ``mk001``....
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = {
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
    trap_tag, trap_topic = trap.split(":") if trap != "-" else (None, None)
    return {
        "outlet": outlet,
        "feed_lang": none_if_dash(feed_lang),
        "lang": lang,
        "title": "",
        "summary": "",
        "content": "",
        "published": published,
        "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
        "trap": trap_tag,
        "trap_topic": CODES[trap_topic] if trap_topic else None,
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for line in text.splitlines():
        if line.startswith("@"):
            items.append(parse_header(line))
        elif line.startswith("T "):
            items[-1]["title"] = line[2:].strip()
        elif line.startswith("S "):
            items[-1]["summary"] = line[2:].strip()
        elif line.startswith("P "):
            items[-1]["content"] += "<p>" + line[2:].strip() + "</p>"
    return items


def build() -> str:
    items = parse((HERE / "heldout35_src.txt").read_text(encoding="utf-8"))
    items.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    lines = []
    for n, item in enumerate(items, 1):
        row = {"id": f"mk{n:03d}", **item}
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (HERE / "heldout35.jsonl").write_text(build(), encoding="utf-8")
