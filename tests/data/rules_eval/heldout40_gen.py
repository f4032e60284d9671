"""Build heldout40.jsonl from heldout40_src.txt (standalone, byte-for-byte reproducible).

Source format: one item per `@` header line

    @ LABELS | TRAP:TOPIC | lang | feed_lang | published | outlet

(`-` for none; LABELS is a comma-separated list of topic codes), then `T` (title),
`S` (summary), `P` (one HTML paragraph each) or `C` (plain-text content) lines.
Items are sorted by the instant of publication and numbered ms001, ms002, …

Run from anywhere: python tests/data/rules_eval/heldout40_gen.py
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
PREFIX = "ms"


def none_or(value: str) -> str | None:
    return None if value == "-" else value


def header(line: str) -> dict:
    labels, trap, lang, feed_lang, published, outlet = (f.strip() for f in line[1:].split("|"))
    tag, topic = trap.split(":") if trap != "-" else (None, None)
    return {
        "outlet": outlet,
        "feed_lang": none_or(feed_lang),
        "lang": lang,
        "published": published,
        "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
        "trap": tag,
        "trap_topic": TOPICS[topic] if topic else None,
        "_t": "",
        "_s": "",
        "_p": [],
        "_c": "",
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append(header(line))
            continue
        kind, body = line[0], line[2:].strip()
        item = items[-1]
        if kind == "T":
            item["_t"] = body
        elif kind == "S":
            item["_s"] = body
        elif kind == "P":
            item["_p"].append(body)
        elif kind == "C":
            item["_c"] = body
        else:
            raise ValueError(f"unknown line kind: {line!r}")
    return items


def row(item: dict, number: int) -> dict:
    content = "".join(f"<p>{p}</p>" for p in item["_p"]) or item["_c"]
    return {
        "id": f"{PREFIX}{number:03d}",
        "outlet": item["outlet"],
        "feed_lang": item["feed_lang"],
        "lang": item["lang"],
        "title": item["_t"],
        "summary": item["_s"],
        "content": content,
        "published": item["published"],
        "labels": item["labels"],
        "trap": item["trap"],
        "trap_topic": item["trap_topic"],
    }


def main() -> None:
    items = parse((HERE / "heldout40_src.txt").read_text(encoding="utf-8"))
    # stable sort by the instant, so equal instants keep source order
    items.sort(key=lambda i: datetime.fromisoformat(i["published"]))
    lines = [json.dumps(row(item, n), ensure_ascii=False) for n, item in enumerate(items, 1)]
    (HERE / "heldout40.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
