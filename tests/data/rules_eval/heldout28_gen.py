"""Build heldout28.jsonl from heldout28_src.txt (held-out part 28, written blind).

The source keeps one item per "@" header line so the text can be read and
reviewed as prose; this script only assigns ids and expands topic codes.
Run from anywhere: python heldout28_gen.py
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "md"
TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}


def none_if_dash(value: str) -> str | None:
    return None if value == "-" else value


def header(line: str) -> dict:
    outlet, feed_lang, lang, published, labels, trap, trap_topic = (f.strip() for f in line[1:].split("|"))
    return {
        "outlet": outlet,
        "feed_lang": none_if_dash(feed_lang),
        "lang": lang,
        "published": published,
        "labels": [] if labels == "-" else [TOPICS[c] for c in labels.split(",")],
        "trap": none_if_dash(trap),
        "trap_topic": None if trap_topic == "-" else TOPICS[trap_topic],
        "title": "",
        "summary": "",
        "content": "",
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append(header(line))
        elif line.startswith("T: "):
            items[-1]["title"] = line[3:]
        elif line.startswith("S: "):
            items[-1]["summary"] = line[3:]
        elif line.startswith("C:"):
            items[-1]["content"] += line[2:].strip()
        else:
            raise ValueError(f"unexpected line: {line[:40]!r}")
    return items


def main() -> None:
    items = parse((HERE / "heldout28_src.txt").read_text(encoding="utf-8"))
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
    # The README's Format section: a part is sorted by publication time (compared as instants).
    items.sort(key=lambda item: datetime.fromisoformat(item["published"]))
    rows = [{"id": f"{PREFIX}{n:03d}", **item} for n, item in enumerate(items, 1)]
    lines = [json.dumps({k: row[k] for k in keys}, ensure_ascii=False) for row in rows]
    (HERE / "heldout28.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
