"""Build heldout39.jsonl from heldout39_src.txt (standalone, byte-for-byte reproducible).

Run from anywhere: ``python heldout39_gen.py``. The source holds one item per
``@`` header (see its first lines for the layout); this script only parses,
checks the shape and writes. Items are sorted by publication time (UTC, ties
kept in source order) and numbered ``mr001``… in that order, so an edit to
the source renumbers everything after it, the way the earlier parts do.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "heldout39_src.txt"
OUT = HERE / "heldout39.jsonl"
PREFIX = "mr"

TOPICS = {
    "TR": "taliban-recognition",
    "AM": "afghan-mining",
    "IO": "india-russian-oil",
    "AL": "arctic-lng",
    "NK": "north-korea-russia-arms",
}
# The README's trap tags; a typo in the source should fail the build, not ship.
TAGS = {
    "negation",
    "refusal",
    "denial",
    "not-yet",
    "hedge",
    "conditional",
    "passing-mention",
    "other-sense",
    "comparison-other-country",
    "comparison-other-project",
    "other-sector",
    "window-too-loose",
    "inflection",
    "no-space",
    "hyphen-variant",
    "body-only",
    "negation-elsewhere",
}


def field(value: str) -> str | None:
    return None if value == "-" else value


def header(line: str) -> dict:
    labels, trap, lang, feed_lang, published, outlet = (p.strip() for p in line[1:].split("|"))
    row: dict = {"outlet": outlet, "feed_lang": field(feed_lang), "lang": lang, "published": published}
    row["labels"] = [] if labels == "-" else [TOPICS[c] for c in labels.split(",")]
    if trap == "-":
        row["trap"] = row["trap_topic"] = None
    else:
        tag, code = trap.split(":")
        assert tag in TAGS, tag
        row["trap"], row["trap_topic"] = tag, TOPICS[code]
    return row


def parse(text: str) -> list[dict]:
    """Return the items in source order, each as the fields the body lines give."""
    items: list[dict] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            items.append({**header(line), "T": "", "S": "", "P": [], "C": ""})
            continue
        kind, _, body = line.partition(" ")
        item = items[-1]
        if kind == "P":
            item["P"].append(body)
        elif kind == "Q":
            item["S"] = f"<p>{body}</p>"
        elif kind == "A":  # summary-only feeds carry the whole text in the summary
            item["S"] += f"<p>{body}</p>" if item["S"].startswith("<p>") else f" {body}"
        else:
            assert kind in ("T", "S", "C") and not item[kind], line
            item[kind] = body
    return items


def row(item: dict, number: int) -> dict:
    assert not (item["P"] and item["C"]), item["T"]
    content = "".join(f"<p>{p}</p>" for p in item["P"]) or item["C"]
    return {
        "id": f"{PREFIX}{number:03d}",
        "outlet": item["outlet"],
        "feed_lang": item["feed_lang"],
        "lang": item["lang"],
        "title": item["T"],
        "summary": item["S"],
        "content": content,
        "published": item["published"],
        "labels": item["labels"],
        "trap": item["trap"],
        "trap_topic": item["trap_topic"],
    }


def utc(item: dict) -> datetime:
    return datetime.fromisoformat(item["published"]).astimezone(UTC)


def words(r: dict) -> int:
    """The structure test's measure: Japanese counts two characters a word."""
    text = re.sub(r"<[^>]+>", " ", " ".join([r["title"], r["summary"], r["content"]]))
    if r["lang"] in ("ja", "zh"):
        return len(re.sub(r"\s", "", text)) // 2
    return len(text.split())


def check(rows: list[dict]) -> None:
    outlets = [r["outlet"] for r in rows]
    assert len(outlets) == len(set(outlets)), "an outlet name repeats"
    for r in rows:
        assert r["title"] and r["summary"], r["id"]
        assert 40 <= words(r) <= 250, (r["id"], r["title"], words(r))
        assert r["trap"] is None or r["trap_topic"] in r["labels"] or not r["labels"], r["id"]


def main() -> None:
    items = parse(SRC.read_text(encoding="utf-8"))
    ordered = sorted(items, key=utc)  # stable: equal times keep source order
    rows = [row(item, n) for n, item in enumerate(ordered, start=1)]
    check(rows)
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(rows)} items")


if __name__ == "__main__":
    main()
