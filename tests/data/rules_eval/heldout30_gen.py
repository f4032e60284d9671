"""Build heldout30.jsonl from heldout30_src.txt (part 30 of the rules held-out set).

Source: one item per ``@ labels | trap:topic | lang | feed_lang | published | outlet``
header, then ``T`` (title), ``S`` (summary) and optional ``P`` (content paragraph)
lines. ``-`` means none. Ids ``mf001``… follow publication time.
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


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for line in text.splitlines():
        if line.startswith("@ "):
            labels, trap, lang, feed, published, outlet = (f.strip() for f in line[2:].split("|"))
            tag, topic = trap.split(":") if trap != "-" else (None, None)
            items.append(
                {
                    "outlet": outlet,
                    "feed_lang": None if feed == "-" else feed,
                    "lang": lang,
                    "title": "",
                    "summary": "",
                    "paras": [],
                    "published": published,
                    "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                    "trap": tag,
                    "trap_topic": CODES[topic] if topic else None,
                }
            )
        elif line[:2] == "T ":
            items[-1]["title"] = line[2:].strip()
        elif line[:2] == "S ":
            items[-1]["summary"] = line[2:].strip()
        elif line[:2] == "P ":
            items[-1]["paras"].append(line[2:].strip())
    return items


def build(items: list[dict]) -> list[dict]:
    items = sorted(items, key=lambda r: datetime.fromisoformat(r["published"]))
    rows = []
    for n, it in enumerate(items, 1):
        content = "".join(f"<p>{p}</p>" for p in it.pop("paras"))
        rows.append({"id": f"mf{n:03d}", **it, "content": content})
    keys = (
        "id",
        "outlet",
        "feed_lang",
        "lang",
        "title",
        "summary",
        "content",
        "published",
        "labels",
        "trap",
        "trap_topic",
    )
    return [{k: r[k] for k in keys} for r in rows]


def main() -> None:
    rows = build(parse((HERE / "heldout30_src.txt").read_text(encoding="utf-8")))
    with (HERE / "heldout30.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
