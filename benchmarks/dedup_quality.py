"""Dedup quality on a labelled set: pairwise precision, recall and F1 for stories and events.

    .venv/bin/python benchmarks/dedup_quality.py [--data tests/data/dedup/eval.jsonl] [--explain]
    .venv/bin/python benchmarks/dedup_quality.py --catalogue   # the generated transformation catalogue (tuning)
    .venv/bin/python benchmarks/dedup_quality.py --heldout     # tests/data/dedup/heldout.jsonl (report only)

Tuning sets (``eval.jsonl``, the catalogue of ``tests/data/dedup/catalogue.py``) are what
thresholds were chosen on; the held-out set is written separately and only ever reported.
Besides the pairwise scores: "alert twice", the labelled stories whose entries were split
into more than one predicted story (each extra part is one more alert per matching rule),
and, for rows that name a ``transform``, the share of copies of each kind joined to their story.

Every labelled row becomes a one-item RSS feed read by the real parser (markup,
tracking parameters and dates are handled as in production), then the entries go
through ``StoryIndex`` in publication order, exactly as the pipeline feeds it.
A pair of entries is *predicted* together when they got the same story (or event)
and *labelled* together when they share ``story`` (or ``event``).
``--explain`` lists every wrong pair with the decisions behind it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path
from xml.sax.saxutils import escape

from monitor.dedup import Decision, StoryIndex
from monitor.ingest.parse import parse_feed
from monitor.models import Entry

DEDUP_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "dedup"
DATA = DEDUP_DATA / "eval.jsonl"
HELDOUT = DEDUP_DATA / "heldout.jsonl"
TARGETS = {"story": (0.99, 0.95), "event": (0.90, 0.80)}  # (precision, recall)


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    true_pairs: int
    predicted_pairs: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Assigned:
    row: dict[str, str]
    entry: Entry
    story: int
    event: int
    decision: Decision


def load(path: Path = DATA) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_entry(row: dict[str, str]) -> Entry:
    """The labelled row as the parser sees it in a real feed."""
    content = f"<content:encoded>{escape(row['content'])}</content:encoded>" if row["content"] else ""
    published = datetime.fromisoformat(row["published"]).strftime("%a, %d %b %Y %H:%M:%S %z")
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(row['outlet'])}</title><language>{row['lang']}</language><item>"
        f"<title>{escape(row['title'])}</title><link>{escape(row['link'])}</link>"
        f'<guid isPermaLink="false">{escape(row["guid"])}</guid><pubDate>{published}</pubDate>'
        f"<description>{escape(row['summary'])}</description>{content}</item></channel></rss>"
    )
    feed_url = f"https://{row['feed']}.example/feed.xml"
    (entry,) = parse_feed(xml.encode(), feed_url, row["outlet"]).entries
    return entry


def assign(rows: list[dict[str, str]], index: StoryIndex | None = None) -> list[Assigned]:
    """Run the rows through the index in order; story and event ids are first entry ids, as in the store."""
    index = StoryIndex() if index is None else index
    events: dict[int, int] = {}
    out: list[Assigned] = []
    for entry_id, row in enumerate(rows, start=1):
        entry = to_entry(row)
        seen = entry.published or datetime.now().astimezone()
        decision = index.find(entry, seen)
        story = decision.story_id if decision.story_id is not None else entry_id
        event = events.setdefault(story, decision.event_id if decision.event_id is not None else story)
        assert decision.signature is not None
        index.add(entry_id, story, event, decision.signature, seen)
        out.append(Assigned(row, entry, story, event, decision))
    return out


def pairwise(assigned: list[Assigned], level: str) -> tuple[Scores, list[tuple[Assigned, Assigned, str]]]:
    """Pairwise scores at ``level`` ("story" or "event"), and the wrong pairs ("merged"/"split")."""
    true_pairs = predicted = correct = 0
    wrong: list[tuple[Assigned, Assigned, str]] = []
    for a, b in combinations(assigned, 2):
        labelled = a.row[level] == b.row[level]
        together = getattr(a, level) == getattr(b, level)
        true_pairs += labelled
        predicted += together
        correct += labelled and together
        if labelled != together:
            wrong.append((a, b, "merged" if together else "split"))
    precision = correct / predicted if predicted else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    return Scores(precision, recall, true_pairs, predicted), wrong


def catalogue_rows() -> list[dict[str, str]]:
    """The transformation catalogue, generated (deterministic, seeded)."""
    spec = importlib.util.spec_from_file_location("dedup_catalogue", DEDUP_DATA / "catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.rows())


def split_stories(assigned: list[Assigned]) -> list[tuple[str, int]]:
    """Labelled stories whose entries got more than one predicted story: (story, parts)."""
    parts: dict[str, set[int]] = {}
    for a in assigned:
        parts.setdefault(a.row["story"], set()).add(a.story)
    return [(story, len(found)) for story, found in parts.items() if len(found) > 1]


def by_transform(assigned: list[Assigned]) -> dict[str, tuple[int, int]]:
    """For rows naming a transform: (right, total) per transform. A copy is right when it joined the
    story of the row it derives from; a hard negative, when it did not."""
    by_id = {a.row["id"]: a for a in assigned}
    out: dict[str, tuple[int, int]] = {}
    for a in assigned:
        kind, against = a.row.get("transform", ""), a.row.get("against", "")
        if not kind or kind == "original" or against not in by_id:
            continue
        other = by_id[against]
        should = a.row["story"] == other.row["story"]
        right = (a.story == other.story) == should
        done, total = out.get(kind, (0, 0))
        out[kind] = (done + right, total + 1)
    return out


def evaluate(path: Path = DATA) -> dict[str, Scores]:
    assigned = assign(load(path))
    return {level: pairwise(assigned, level)[0] for level in TARGETS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--catalogue", action="store_true", help="the generated transformation catalogue (tuning)")
    parser.add_argument(
        "--heldout", nargs="?", type=Path, const=HELDOUT, default=None, help=f"the held-out set (default {HELDOUT})"
    )
    parser.add_argument("--explain", action="store_true", help="list every wrong pair and its decisions")
    args = parser.parse_args(argv)
    if args.heldout is not None:
        rows, name = load(args.heldout), f"held-out {args.heldout}"
    elif args.catalogue:
        rows, name = catalogue_rows(), "tuning: transformation catalogue"
    else:
        rows, name = load(args.data), f"tuning: {args.data}"
    assigned = assign(rows)
    print(name)
    print(f"{len(rows)} entries, {len({r['story'] for r in rows})} stories, {len({r['event'] for r in rows})} events")
    print(f"{'level':<6} {'precision':>9} {'recall':>7} {'F1':>6} {'labelled':>8} {'predicted':>9}  target P/R")
    failed = False
    for level, (p_target, r_target) in TARGETS.items():
        scores, wrong = pairwise(assigned, level)
        ok = scores.precision >= p_target and scores.recall >= r_target
        failed |= not ok
        print(
            f"{level:<6} {scores.precision:>9.3f} {scores.recall:>7.3f} {scores.f1:>6.3f} "
            f"{scores.true_pairs:>8} {scores.predicted_pairs:>9}  {p_target:.2f}/{r_target:.2f} "
            f"{'ok' if ok else 'BELOW TARGET'}"
        )
        if args.explain:
            _explain(level, wrong)
    twice = split_stories(assigned)
    print(f"copies that would alert twice: {sum(n - 1 for _, n in twice)} extra alerts, {len(twice)} stories split")
    if args.explain:
        for story, parts in twice:
            print(f"  {story}: {parts} predicted stories")
    kinds = by_transform(assigned)
    if kinds:
        print(f"{'transform':<20} {'right':>5} {'of':>4}")
        for kind, (right, total) in sorted(kinds.items()):
            print(f"{kind:<20} {right:>5} {total:>4}")
    return 1 if failed else 0


def _explain(level: str, wrong: list[tuple[Assigned, Assigned, str]]) -> None:
    seen: set[tuple[str, str, str]] = set()
    for a, b, kind in wrong:
        key = (a.row[level], b.row[level], kind)
        if key in seen:
            continue
        seen.add(key)
        print(f"  {kind}: {a.row['id']} [{a.row[level]}] / {b.row['id']} [{b.row[level]}]")
        for x in (a, b):
            d = x.decision
            print(f"    {x.row['id']} {x.row['outlet']}: {d.reason} | {d.event_reason}")


if __name__ == "__main__":
    sys.exit(main())
