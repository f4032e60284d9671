"""Build heldout25.jsonl from heldout25_src.txt (twenty-fifth held-out part, blind author rh25).

Source format, one item per block:
    @ outlet | feed_lang | lang | published | labels | trap
    T: title
    S: summary
    C: paragraph        (each becomes <p>…</p>; a line already starting with <p> is kept as is)
    X: paragraph        (plain-text content; paragraphs joined by a blank line)
feed_lang "null" means the feed gives no language; labels are topic codes joined by
commas or "-"; trap is "tag@CODE" or "-". Items are sorted by publication time and
numbered l001… in that order.

Run from anywhere: python heldout25_gen.py
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


def parse_block(block: str) -> dict:
    lines = block.strip().splitlines()
    head = [f.strip() for f in lines[0].lstrip("@").split("|")]
    if len(head) != 6:
        raise SystemExit(f"heldout25_src.txt: header needs 6 fields, got {len(head)}: {lines[0]}")
    outlet, feed_lang, lang, published, labels, trap = head
    fields: dict[str, list[str]] = {"T": [], "S": [], "C": [], "X": []}
    for line in lines[1:]:
        key, _, text = line.partition(":")
        if text.strip():
            fields[key].append(text.strip())
    paras = [p if p.startswith("<p>") else f"<p>{p}</p>" for p in fields["C"]]
    tag, _, code = trap.partition("@")
    return {
        "outlet": outlet,
        "feed_lang": None if feed_lang == "null" else feed_lang,
        "lang": lang,
        "title": " ".join(fields["T"]),
        "summary": " ".join(fields["S"]),
        "content": "".join(paras) or "\n\n".join(fields["X"]),
        "published": published,
        "labels": [] if labels == "-" else [CODES[c.strip()] for c in labels.split(",")],
        "trap": None if trap == "-" else tag,
        "trap_topic": None if trap == "-" else CODES[code],
    }


def main() -> None:
    text = (HERE / "heldout25_src.txt").read_text(encoding="utf-8")
    items = [parse_block(b) for b in text.split("\n@") if b.strip()]
    items.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    with open(HERE / "heldout25.jsonl", "w", encoding="utf-8") as out:
        for n, item in enumerate(items, 1):
            out.write(json.dumps({"id": f"l{n:03d}", **item}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
