"""Build heldout32.jsonl from heldout32_src.txt (standalone, byte-for-byte reproducible).

Source format: one item per "@" header line
    @ labels | trap:topic | lang | feed_lang | published | outlet
with "-" for none (labels may be several codes joined by ","), followed by
"T " (title), "S " (summary, plain text) and zero or more "P " lines (each
becomes one <p> paragraph of content; none = summary-only, content "").
Lines starting with "#" and blank lines are ignored. Items are sorted by
publication time (stable) and numbered mh001, mh002, ...
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout32_src.txt"
OUT = HERE / "heldout32.jsonl"
PREFIX = "mh"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}


def none_if_dash(value: str) -> str | None:
    return None if value == "-" else value


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    cur: dict | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ "):
            fields = [f.strip() for f in line[2:].split("|")]
            if len(fields) != 6:
                raise ValueError(f"bad header: {line}")
            labels, trap, lang, feed_lang, published, outlet = fields
            trap_tag = trap_topic = None
            if trap != "-":
                trap_tag, code = trap.split(":")
                trap_topic = TOPICS[code]
            cur = {
                "outlet": outlet,
                "feed_lang": none_if_dash(feed_lang),
                "lang": lang,
                "title": "",
                "summary": "",
                "paras": [],
                "published": published,
                "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
                "trap": trap_tag,
                "trap_topic": trap_topic,
            }
            items.append(cur)
            continue
        if cur is None:
            raise ValueError(f"text before first header: {line}")
        kind, _, body = line.partition(" ")
        if kind == "T":
            cur["title"] = body
        elif kind == "S":
            cur["summary"] = body
        elif kind == "P":
            cur["paras"].append(body)
        else:
            raise ValueError(f"bad line: {line}")
    return items


def build() -> list[dict]:
    items = parse(SRC.read_text(encoding="utf-8"))
    items.sort(key=lambda it: datetime.fromisoformat(it["published"]))
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
    rows = build()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    OUT.write_bytes(text.encode("utf-8"))
    print(f"wrote {len(rows)} items to {OUT.name}")


if __name__ == "__main__":
    main()
