"""Build heldout31.jsonl from heldout31_src.txt (thirty-first blind held-out part).

Standalone and byte-for-byte reproducible: `python heldout31_gen.py` in this directory.
Source format: one item per `@ labels | trap:topic | lang | feed_lang | published | outlet`
header ("-" for none), then `T` title, `S` summary and optional `P` paragraph lines.
Items are numbered mg001… in publication-time order (ties keep source order).
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


def parse_header(line: str) -> dict:
    labels, trap, lang, feed_lang, published, outlet = (f.strip() for f in line[1:].split("|"))
    tag, _, code = trap.partition(":")
    return {
        "outlet": outlet,
        "feed_lang": None if feed_lang == "-" else feed_lang,
        "lang": lang,
        "title": "",
        "summary": "",
        "content": "",
        "published": published,
        "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
        "trap": None if trap == "-" else tag,
        "trap_topic": None if trap == "-" else CODES[code],
    }


def parse(text: str) -> list[dict]:
    items: list[dict] = []
    paras: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append(parse_header(line))
            paras.append([])
            continue
        key, body = line[0], line[2:].strip()
        if key == "T":
            items[-1]["title"] = body
        elif key == "S":
            items[-1]["summary"] = body
        elif key == "P":
            paras[-1].append(body)
        else:
            raise ValueError(f"bad line: {raw!r}")
    for item, ps in zip(items, paras, strict=True):
        item["content"] = "".join(f"<p>{p}</p>" for p in ps)
    return items


def main() -> None:
    items = parse((HERE / "heldout31_src.txt").read_text(encoding="utf-8"))
    items.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    order = (
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
    lines = []
    for n, item in enumerate(items, 1):
        item["id"] = f"mg{n:03d}"
        lines.append(json.dumps({k: item[k] for k in order}, ensure_ascii=False))
    (HERE / "heldout31.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
