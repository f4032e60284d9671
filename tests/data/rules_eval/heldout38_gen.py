"""Build heldout38.jsonl from heldout38_src.txt (standalone, byte-for-byte reproducible).

Each item of the source starts with a header line
``@ labels | trap:topic | lang | feed_lang | published | outlet`` ("-" for none),
followed by ``T`` (title), ``S`` (summary) and optional ``P`` (content paragraph) lines.
Items are sorted by publication time (UTC) and numbered ``mn001``...
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout38_src.txt"
OUT = HERE / "heldout38.jsonl"
PREFIX = "mn"
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
        "published": published,
        "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
        "trap": trap_tag,
        "trap_topic": None if trap_topic is None else TOPICS[trap_topic],
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append({"head": parse_header(line), "T": "", "S": "", "P": []})
            continue
        key, body = line[0], line[2:].strip()
        if key == "P":
            items[-1]["P"].append(body)
        elif key in ("T", "S"):
            items[-1][key] = body
        else:
            raise ValueError(f"unknown line: {line!r}")
    return items


def to_row(item: dict, number: int) -> dict:
    head = item["head"]
    return {
        "id": f"{PREFIX}{number:03d}",
        "outlet": head["outlet"],
        "feed_lang": head["feed_lang"],
        "lang": head["lang"],
        "title": item["T"],
        "summary": item["S"],
        "content": "".join(f"<p>{p}</p>" for p in item["P"]),
        "published": head["published"],
        "labels": head["labels"],
        "trap": head["trap"],
        "trap_topic": head["trap_topic"],
    }


def utc(item: dict) -> datetime:
    return datetime.fromisoformat(item["head"]["published"]).astimezone(UTC)


def main() -> None:
    items = sorted(parse(SRC.read_text(encoding="utf-8")), key=utc)
    lines = [json.dumps(to_row(item, n), ensure_ascii=False) for n, item in enumerate(items, 1)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
