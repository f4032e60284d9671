"""Build heldout26.jsonl from heldout26_src.txt (part 26, written blind by helper rh26).

Source format: items separated by a line holding only "%%".  The first line of an
item is a header, "lang feed_lang labels trap trap_topic | outlet | published",
where "-" stands for None / no labels and labels are comma-separated; then
lines "T ...", "S ...", "C ..." (title, summary, content; C may repeat and its
lines are joined with a space).  Rows are sorted by publication time (as the
format asks) and then numbered mb001, mb002, ...
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "mb"


def none(field: str) -> str | None:
    return None if field == "-" else field


def parse_item(block: str) -> dict:
    lines = [ln for ln in block.strip().splitlines() if ln.strip()]
    head, outlet, published = (x.strip() for x in lines[0].split("|"))
    lang, feed_lang, labels, trap, trap_topic = head.split()
    text: dict[str, list[str]] = {"T": [], "S": [], "C": []}
    for ln in lines[1:]:
        text[ln[0]].append(ln[2:].strip())
    return {
        "id": "",
        "outlet": outlet,
        "feed_lang": none(feed_lang),
        "lang": lang,
        "title": " ".join(text["T"]),
        "summary": " ".join(text["S"]),
        "content": " ".join(text["C"]),
        "published": published,
        "labels": [] if labels == "-" else labels.split(","),
        "trap": none(trap),
        "trap_topic": none(trap_topic),
    }


def main() -> None:
    src = (HERE / "heldout26_src.txt").read_text(encoding="utf-8")
    blocks = [b for b in src.split("\n%%\n") if b.strip() and not b.lstrip().startswith("#")]
    rows = sorted((parse_item(b) for b in blocks), key=lambda r: datetime.fromisoformat(r["published"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (HERE / "heldout26.jsonl").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
