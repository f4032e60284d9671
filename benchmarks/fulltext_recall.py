"""Recall of full text (issue 16): alerts found on summary-only feeds with never / auto / always.

    PYTHONPATH=$PWD /work/venv/bin/python benchmarks/fulltext_recall.py [--per-page]

The labelled set is tests/data/articles: each of the 35 pages becomes one entry of a
summary-only feed (title + ``feed_summary``, linking to the page served on 127.0.0.1 by
FeedServer), and one watch rule per page needs its ``key_sentence`` (a body sentence the
summary lacks): ``all: [any: [ANCHOR], any: [KEY1], any: [KEY2]]``, where ANCHOR is a word
of the title (the topic, what an analyst's rule usually names) and KEY1/KEY2 are the two
longest words of the key sentence absent from the title and summary (4-character runs of
it in Japanese and Chinese). The same feed is polled once per mode through the real
pipeline (``runtime.build`` + ``poll``, trafilatura in the parser workers), each in a fresh
database, with ``full_text_budget = 1000`` and ``full_text_timeout = 120s`` so that the
host's politeness limits do not cap the measurement. Two rule sets: a rule for every page,
and a rule for every other page (the other entries are ones no rule wants: ``auto``'s
prefilter should leave their articles alone). Reported: the page's own rule alerting, alerts
of a rule on another page's entry (stray), article pages fetched, and pages fetched per alert
found.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fulltext_support import pages, serve_teasers  # noqa: E402

from monitor import runtime  # noqa: E402
from monitor.config import load_config  # noqa: E402
from monitor.demo.feedserver import FeedServer  # noqa: E402
from monitor.pipeline import poll  # noqa: E402

UNSPACED = {"ja", "zh"}
WORD = re.compile(r"[^\W\d_]{4,}")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def rule_terms(row: dict[str, str]) -> tuple[str, list[str]]:
    """(anchor, key terms) of a page's rule (see the module docstring)."""
    seen = fold(row["title"] + " " + row["feed_summary"])
    if row["lang"] in UNSPACED:
        anchor = row["title"][:2]
        key = row["key_sentence"]
        runs = [key[i : i + 4] for i in range(0, len(key) - 3, 2) if key[i : i + 4].isalpha()]
        keys = [r for r in runs if fold(r) not in seen][:2]
        return anchor, keys
    anchor = max(WORD.findall(row["title"]), key=len)
    words = sorted({w for w in WORD.findall(row["key_sentence"]) if fold(w) not in seen}, key=lambda w: (-len(w), w))
    return anchor, words[:2]


def rule_yaml(row: dict[str, str]) -> str:
    anchor, keys = rule_terms(row)
    groups = "".join(f"\n    - any: [{json.dumps(t, ensure_ascii=False)}]" for t in [anchor, *keys])
    return f"name: {json.dumps(row['page'])}\nmatch:\n  all:{groups}\n"


def measure(mode: str, rows: list[dict[str, str]], ruled: list[dict[str, str]]) -> dict[str, object]:
    """One poll of the summary-only feed of ``rows`` in ``mode``, with a rule for each page of ``ruled``."""
    with FeedServer() as server, tempfile.TemporaryDirectory() as folder:
        url = serve_teasers(server, rows)
        base = Path(folder)
        (base / "rules").mkdir()
        for row in ruled:
            (base / "rules" / (row["page"] + ".yaml")).write_text(rule_yaml(row))
        (base / "config.toml").write_text(
            '[storage]\npath = "state.db"\n[rules]\npaths = ["rules"]\n[notify]\nurls = ["console://"]\n'
            f'[polling]\nfull_text = "{mode}"\nfull_text_budget = 1000\nfull_text_timeout = "120s"\n'
            f'[[feeds]]\nurl = "{url}"\nname = "Teasers"\n'
        )
        p = runtime.build(load_config(base / "config.toml"))
        try:
            poll(p, p.runtime.feeds[0])
            alerts = p.store.db.execute(
                "SELECT a.rule, e.key FROM alerts a JOIN entries e ON e.id = a.entry_id"
            ).fetchall()
        finally:
            p.close()
        fetched = sum(n for path, n in server.hits.items() if path.startswith("/articles/"))
    own = {rule for rule, key in alerts if key.endswith("/articles/" + rule)}
    return {"mode": mode, "found": own, "stray": len(alerts) - len(own), "fetched": fetched}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-page", action="store_true", help="which pages each mode finds")
    args = parser.parse_args()
    rows = pages()
    half = rows[::2]  # rules for every other page: the rest are entries no rule wants
    print(f"{len(rows)} summary-only entries; each rule needs its page's key sentence\n")
    print("| rules | mode | alerts found | stray alerts | pages fetched | pages fetched per alert found |")
    print("|---|---|---|---|---|---|")
    for ruled, label in ((rows, f"all {len(rows)} pages"), (half, f"{len(half)} pages")):
        results = [measure(mode, rows, ruled) for mode in ("never", "auto", "always")]
        for r in results:
            found = len(r["found"])  # type: ignore[arg-type]
            per = f"{r['fetched'] / found:.2f}" if found else "–"  # type: ignore[operator]
            print(f"| {label} | {r['mode']} | {found}/{len(ruled)} | {r['stray']} | {r['fetched']} | {per} |")
    if args.per_page:  # the last scenario's
        for row in half:
            marks = " ".join(m["mode"] if row["page"] in m["found"] else "-" for m in results)  # type: ignore[operator]
            print(f"{row['page']:45} {rule_terms(row)} {marks}")


if __name__ == "__main__":
    main()
