"""Build heldout29.jsonl from heldout29_src.txt (written blind by helper rh29).

Source format, one item per block:
    @ LABELS | TRAP:TOPIC | lang | feed_lang | published | outlet
    T title
    S summary (plain text)
    P paragraph of content (any number; none = summary-only item)
LABELS and TOPIC use the codes below ("-" = none); feed_lang "-" = null.
Ids are given in publication-time order.
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
    rows = []
    for block in text.split("\n@ ")[1:]:
        head, *lines = block.strip().splitlines()
        labels, trap, lang, feed, published, outlet = (f.strip() for f in head.split("|"))
        fields = {"T": [], "S": [], "P": []}
        for line in lines:
            if line.strip():
                fields[line[0]].append(line[2:].strip())
        trap_tag, _, trap_topic = trap.partition(":")
        rows.append(
            {
                "id": "",
                "outlet": outlet,
                "feed_lang": None if feed == "-" else feed,
                "lang": lang,
                "title": " ".join(fields["T"]),
                "summary": " ".join(fields["S"]),
                "content": "".join(f"<p>{p}</p>" for p in fields["P"]),
                "published": published,
                "labels": [] if labels == "-" else [CODES[c] for c in labels.split(",")],
                "trap": None if trap == "-" else trap_tag,
                "trap_topic": None if trap == "-" else CODES[trap_topic],
            }
        )
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"me{n:03d}"
    return rows


def main() -> None:
    rows = parse("\n" + (HERE / "heldout29_src.txt").read_text(encoding="utf-8"))
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (HERE / "heldout29.jsonl").write_text(out, encoding="utf-8")
    print(len(rows), "items")


if __name__ == "__main__":
    main()
