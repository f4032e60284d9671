"""Generate held-out dedup set v26 (`heldout26.jsonl`) from `heldout26_source.yaml`.

Each story's original is emitted at its origin outlet, then every copy applies its recipe words in order.
Deterministic: choices come from `random.Random` seeded with the set's seed, the story and the feed, so
dropping one word never shifts another's choice. Stdlib + PyYAML; imports no earlier generator.

    python tests/data/dedup/make_heldout26.py          # rewrites heldout26.jsonl
    python tests/data/dedup/make_heldout26.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
OUT = HERE / "heldout26.jsonl"
NAMES = ["Ruslan Abakarov", "Madina Tsoroeva", "Ilya Udygir", "Sanatombi Devi", "Zarema Aliyeva", "Tomas Brekke"]
ADS = ["Winter tyres from 2 900 ₽", "Cheap flights to Makhachkala", "Learn Danish online", "Solar lamps: −20 %"]
SUMMARY_CUT = 220


@dataclass
class Copy:
    """What a reader sees of one entry while the recipe words are applied."""

    title: str
    paras: list[str]
    link: str
    html: bool
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)
    summary_only: bool = False
    entities: bool = False


def local(when: datetime, hours: float) -> datetime:
    return when.astimezone(timezone(timedelta(hours=hours)))


def apply(word: str, c: Copy, story: dict, origin: dict, feed: dict, when: datetime, rng: random.Random) -> Copy:
    """One recipe word; returns a new Copy (the old one is kept for the hidden-word check)."""
    c = replace(c, paras=list(c.paras), top=list(c.top), bottom=list(c.bottom))
    place = story["text"].split(" — ", 1)[0]
    stamp = local(when, feed["tz"])
    if word == "dateline-strip":
        c.paras[0] = c.paras[0].split(" — ", 1)[-1]
    elif word == "byline":
        c.top.append(f"By {rng.choice(NAMES)}")
    elif word == "credit":
        c.bottom.append(f"Source: {origin['name']}")
    elif word == "tracking":
        c.link += f"?utm_source={feed['slug']}&utm_medium=rss&utm_campaign=n{rng.randint(100, 999)}"
    elif word == "amp":
        scheme, rest = c.link.split("://", 1)
        c.link = f"{scheme}://amp.{rest.rstrip('/')}/amp"
    elif word == "trim":
        if len(c.paras) > 1:
            c.paras.pop()
        else:
            c.paras[0] = c.paras[0].rsplit(". ", 1)[0] + "."
    elif word == "readmore":
        c.paras = c.paras[:1]
        c.bottom.append(f"Read more: {origin_link(story, origin)}")
    elif word == "summary-only":
        c.summary_only = True
    elif word == "alt":
        c.title = story["alt"]
    elif word == "plain":
        c.html = False
    elif word == "glued":
        c.paras = [" ".join(c.paras)]
    elif word == "quotes":
        c.paras = [curly(p) for p in c.paras]
        c.title = curly(c.title)
    elif word == "entities":
        c.entities = True
    elif word == "printfooter":
        c.bottom.append(f"Printed from {feed['host']} · {stamp:%d.%m.%Y %H:%M}")
    elif word == "lastmod":
        c.top.append(f"Last modified: {stamp + timedelta(minutes=rng.randint(3, 50)):%Y-%m-%d %H:%M}")
    elif word == "mapembed":
        c.paras.insert(1, f"Map: {place} (interactive map not shown)")
    elif word == "sponsored":
        c.bottom.append(f"Sponsored links · {rng.choice(ADS)} · {rng.choice(ADS[::-1])}")
    elif word == "timecode":
        marks = [f"[{n * 47 // 60:02d}:{n * 47 % 60:02d}] " for n in range(len(c.paras))]
        c.paras = [m + p for m, p in zip(marks, c.paras, strict=True)]
    elif word == "citeas":
        c.bottom.append(f"Cite as: {origin['name']} ({when:%Y}). {story['title']}. {origin_link(story, origin)}")
    elif word == "authorbox":
        c.bottom.append(f"About the author: {rng.choice(NAMES)} reports from {place} for {origin['name']}.")
    elif word == "utcline":
        c.top.append(f"Published {stamp:%H:%M} local / {when.astimezone(UTC):%H:%M} UTC")
    else:
        raise ValueError(f"unknown recipe word {word!r}")
    return c


def curly(text: str) -> str:
    """Guillemets and straight double quotes as typographic ones, opening and closing."""
    return re.sub(r'"([^"]*)"', r"“\1”", text).replace("«", "“").replace("»", "”")


def origin_link(story: dict, origin: dict) -> str:
    return f"https://{origin['host']}/news/{story['id']}"


def render(c: Copy) -> tuple[str, str]:
    """(summary, content): the summary is the first text paragraph, never a line added on top."""
    lede = c.paras[0]
    summary = lede if len(lede) <= SUMMARY_CUT else lede[:SUMMARY_CUT].rsplit(" ", 1)[0] + " …"
    blocks = c.top + c.paras + c.bottom
    if c.summary_only:
        return summary, ""
    if not c.html:
        return summary, "\n\n".join(blocks)
    esc = [html.escape(b, quote=False) for b in blocks]
    if c.entities:
        esc = [b.replace("—", "&mdash;").replace(",", "&#44;").replace("«", "&laquo;") for b in esc]
    return summary, "".join(f"<p>{b}</p>" for b in esc)


def entry(story: dict, feed: dict, c: Copy, when: datetime) -> dict:
    summary, content = render(c)
    return {
        "id": "",
        "outlet": feed["name"],
        "feed": feed["slug"],
        "title": c.title,
        "link": c.link,
        "guid": f"{feed['slug']}:{story['id']}",
        "published": local(when, feed["tz"]).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def copies_of(story: dict, outlets: dict, seed: int) -> list[tuple[datetime, dict]]:
    origin = outlets[story["outlet"]]
    start = datetime.fromisoformat(story["time"])
    base = Copy(story["title"], story["text"].strip().split("\n\n"), origin_link(story, origin), origin["html"])
    made = [(start, entry(story, origin, base, start))]
    for spec in story.get("copies", []):
        slug, minutes, *words = spec.split()
        feed, when = outlets[slug], start + timedelta(minutes=int(minutes))
        if not 2 <= len(words) <= 3:
            raise ValueError(f"{story['id']} {slug}: a recipe has 2-3 words")

        def run(ws: list[str], feed: dict = feed, when: datetime = when, slug: str = slug) -> dict:
            c = replace(base, link=f"https://{feed['host']}/{story['event']}/{story['id']}", html=feed["html"])
            for w in ws:
                c = apply(w, c, story, origin, feed, when, random.Random(f"{seed}:{story['id']}:{slug}:{w}"))
            return entry(story, feed, c, when)

        full = run(words)
        for i in range(len(words)):
            if run(words[:i] + words[i + 1 :]) == full:
                raise ValueError(f"{story['id']} {slug}: word {words[i]!r} is hidden")
        if (full["title"], full["content"]) == (made[0][1]["title"], made[0][1]["content"]):
            raise ValueError(f"{story['id']} {slug}: the copy keeps its original's title and body")
        made.append((when, full))
    return made


def build() -> list[dict]:
    source = yaml.safe_load((HERE / "heldout26_source.yaml").read_text(encoding="utf-8"))
    outlets = {slug: {**o, "slug": slug} for slug, o in source["outlets"].items()}
    rows = [r for s in source["stories"] for r in copies_of(s, outlets, source["seed"])]
    rows.sort(key=lambda tr: (tr[0], tr[1]["guid"]))
    return [{**r, "id": f"s{n:03d}"} for n, (_, r) in enumerate(rows, 1)]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load((HERE / "heldout26_source.yaml").read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    per = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for s in stories.values():
        events.setdefault(s["event"], set()).add(s["id"])
    negs = [s for s in stories.values() if s["kind"] not in ("original", "independent")]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for s in stories.values() for spec in s.get("copies", []) for w in spec.split()[2:])
    kinds = Counter(s["kind"] for s in stories.values())
    fmt = ", ".join
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per.values())}",
            f"hard-negative pairs:     {sum(per[s['id']] * per[s['against']] for s in negs)}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {round(100 * langs['en'] / len(rows))}%)",
            f"kinds:                   {fmt(f'{k}={v}' for k, v in sorted(kinds.items()))}",
            f"transformations:         {fmt(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
