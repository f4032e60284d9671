"""Build heldout27.jsonl from heldout27_src.txt (held-out part 27).

Run from anywhere: python tests/data/rules_eval/heldout27_gen.py
Items are sorted by publication time and numbered mc001, mc002, ...
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = "mc"


def null(field: str) -> str | None:
    return None if field == "-" else field


def first_paragraph(html: str) -> str:
    """The feed's summary when the source gives none: its first paragraph, tags stripped."""
    return re.sub(r"<[^>]+>", "", html.split("</p>", 1)[0]).strip()


def parse_block(block: str) -> dict:
    lines = block.split("\n")
    if len(lines) == 3:  # like many feeds, the description is the body's first paragraph
        lines.insert(2, first_paragraph(lines[2]))
    meta, title, summary, content = lines
    outlet, feed_lang, lang, published, labels, trap, trap_topic = meta.split("|")
    return {
        "outlet": outlet,
        "feed_lang": null(feed_lang),
        "lang": lang,
        "title": title,
        "summary": summary,
        "content": "" if content == "-" else content,
        "published": published,
        "labels": [] if labels == "-" else labels.split(","),
        "trap": null(trap),
        "trap_topic": null(trap_topic),
    }


def items(src: str) -> list[dict]:
    body = "\n".join(line for line in src.splitlines() if not line.startswith("#"))
    blocks = [b.strip("\n") for b in body.split("\n\n") if b.strip()]
    rows = sorted((parse_block(b) for b in blocks), key=lambda r: datetime.fromisoformat(r["published"]))
    return [{"id": f"{PREFIX}{i:03d}", **r} for i, r in enumerate(rows, 1)]


def main() -> None:
    rows = items((HERE / "heldout27_src.txt").read_text(encoding="utf-8"))
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    (HERE / "heldout27.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} items")


if __name__ == "__main__":
    main()
