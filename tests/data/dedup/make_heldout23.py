"""Build held-out dedup set v23 (`heldout23.jsonl`) from `heldout23_source.yaml`.

Each story is emitted at its origin outlet, then each copy applies its recipe words in order.
Deterministic: no clock; seeded choices come from `random.Random` keyed by the set's seed, story,
feed and delay. Stdlib + PyYAML only; imports no earlier generator.

    python tests/data/dedup/make_heldout23.py          # rewrites heldout23.jsonl, prints the counts
    python tests/data/dedup/make_heldout23.py --stats  # counts for the committed file (fails if stale)
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout23_source.yaml"
OUT = HERE / "heldout23.jsonl"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
NEGATIVE = {"apiary", "bellcast", "fishstock", "saplings", "fresco", "birdcount", "seedvault", "petition"}
DATELINE = re.compile(r"^[^—\n]{2,40} — ")
TYPO = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "’": "'", "‘": "'"}
ENTITY = {c: f"&#{ord(c)};" for c in "«»“”„’‘—…"}


@dataclass(frozen=True)
class Copy:
    """What a recipe word may change: the headline, the body blocks, the link, how the body is rendered."""

    title: str
    blocks: tuple[str, ...]
    link: str
    plain: bool
    summary_only: bool = False
    entities: bool = False
    words: tuple[str, ...] = field(default=())


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?»\"])\s", DATELINE.sub("", text), maxsplit=1)[0]


def cut(text: str, limit: int) -> str:
    """`text` cut at a word to at most `limit` characters, with `…` when anything was cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def apply(word: str, c: Copy, story: dict, ctx: dict) -> Copy:
    """One recipe word; `ctx` carries the desk strings, origin outlet, seeded `rng` and UTC offset."""
    desk, rng, b = ctx["desk"], ctx["rng"], c.blocks
    term = max(re.findall(r"\w+", story["title"]), key=len)
    tops = {
        "byline": f"{desk['by']} {rng.choice(desk['names'])}",
        "tldr": f"TL;DR: {first_sentence(b[0])}",
        "sentiment": f"Sentiment: {rng.choice(['neutral', 'positive'])}",
        "clipsheet": f"Clipped for client #{rng.randint(100, 999)} · relevance {rng.randint(61, 98)} %",
        "watchterm": f"Watch term matched: “{term}”",
    }
    ends = {
        "credit": desk["credit"].format(o=ctx["origin"]),
        "wordcount": f"Words: {sum(len(x.split()) for x in b)}",
        "topics": f"Topics: {story['event'].split('-')[1]}, local news",
        "sentfrom": "Sent from my phone",
        "alltimes": f"All times local (UTC{ctx['offset'] // 60:+d})",
    }
    if word in tops:
        return replace(c, blocks=(tops[word], *b))
    if word in ends:
        return replace(c, blocks=(*b, ends[word]))
    if word == "dateline-strip":
        return replace(c, blocks=tuple(DATELINE.sub("", x, count=1) for x in b))
    if word == "alt":
        return replace(c, title=story["alt"])
    if word == "trim":
        return replace(c, blocks=b[:-1])
    if word == "readmore":
        half = cut(b[1], len(b[1]) // 2) if len(b) > 1 else ""
        return replace(c, blocks=(b[0], f"{half} {desk['more']} →".strip()))
    if word == "summary-only":
        return replace(c, summary_only=True)
    if word == "plain":
        return replace(c, plain=True)
    if word == "glued":
        return replace(c, blocks=(" ".join(b),))
    if word == "quotes":
        t = str.maketrans(TYPO)
        return replace(c, title=c.title.translate(t), blocks=tuple(x.translate(t) for x in b))
    if word == "entities":
        return replace(c, entities=True)
    if word == "tracking":
        return replace(c, link=c.link + "?utm_source=feed&utm_medium=rss&utm_campaign=syndication")
    if word == "amp":
        return replace(c, link=c.link.replace("https://", "https://amp.", 1) + "/amp")
    raise ValueError(f"unknown recipe word {word!r}")


def body(c: Copy) -> str:
    if c.summary_only:
        return ""
    blocks = c.blocks
    if c.entities:
        blocks = tuple("".join(ENTITY.get(ch, ch) for ch in x) for x in blocks)
        return "".join(f"<p>{x}</p>" for x in blocks) if not c.plain else "\n\n".join(blocks)
    if c.plain:
        return "\n\n".join(blocks)
    return "".join(f"<p>{html.escape(x, quote=False)}</p>" for x in blocks)


def summary(c: Copy) -> str:
    return cut(" ".join(c.blocks), 200)


def view(c: Copy) -> tuple[str, str, str, str]:
    return c.title, c.link, summary(c), body(c)


def link_for(feed: str, story: str, at: datetime) -> str:
    """An opaque article number per outlet and story: the label never shows in a link."""
    return f"https://{feed}.example/{at:%Y/%m}/a{zlib.crc32(f'{feed}/{story}'.encode()):010d}"


def entry(src: dict, s: dict, feed: str, delay: int, words: list[str]) -> dict:
    outlets = {o[0]: o for o in src["outlets"]}
    _, name, desk_lang, offset, style = outlets[feed]
    origin = outlets[s["outlet"]]
    at = datetime.fromisoformat(s["at"]).replace(tzinfo=UTC) + timedelta(minutes=delay)
    blocks = tuple(p.strip() for p in s["text"].split("\n\n"))
    base = Copy(s["title"], blocks, link_for(feed, s["id"], at), style == "plain")
    rng = random.Random(f"{src['seed']}/{s['id']}/{feed}/{delay}")
    ctx = {"desk": src["desks"][desk_lang], "rng": rng, "origin": origin[1], "offset": origin[3]}
    c = base
    for word in words:
        after = apply(word, c, s, ctx)
        if view(after) == view(c):
            raise ValueError(f"{s['id']} at {feed}: {word} changes nothing")
        c = after
    sid = s["id"]
    local = at.astimezone(timezone(timedelta(minutes=offset)))
    return {
        "outlet": name,
        "feed": feed,
        "title": c.title,
        "link": c.link,
        "guid": f"{feed}-{zlib.crc32(f'{feed}/{sid}/{delay}'.encode()):010d}",
        "published": local.isoformat(),
        "summary": summary(c),
        "content": body(c),
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_at": at,
        "_words": words,
    }


def build() -> list[dict]:
    src = load()
    rows = []
    for s in src["stories"]:
        original = entry(src, s, s["outlet"], 0, [])
        rows.append(original)
        for spec in s.get("copies", []):
            feed, delay, *words = spec.split()
            if not 2 <= len(words) <= 3:
                raise ValueError(f"{s['id']} at {feed}: a recipe has 2-3 words")
            row = entry(src, s, feed, int(delay), words)
            for i, word in enumerate(
                words
            ):  # a word the others hide (an end line past a summary-only cut) is no copy kind
                less = entry(src, s, feed, int(delay), words[:i] + words[i + 1 :])
                if all(less[k] == row[k] for k in ("title", "link", "summary", "content")):
                    raise ValueError(f"{s['id']} at {feed}: {word} is hidden by the other words")
            if (row["title"], row["content"]) == (original["title"], original["content"]):
                raise ValueError(f"{s['id']} at {feed}: the copy keeps its original's title and body")
            rows.append(row)
    rows.sort(key=lambda r: r["_at"])
    prefix = "p"
    return [
        {"id": f"{prefix}{n:03d}", **{k: r[k] for k in KEYS[1:]}, "_words": r["_words"]} for n, r in enumerate(rows, 1)
    ]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = Counter(s["kind"] for s in src["stories"])
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in src["stories"] if s["kind"] in NEGATIVE)
    langs = Counter(r["lang"] for r in rows)
    recipes = [r["_words"] for r in rows if r["_words"]]
    words = Counter(w for ws in recipes for w in ws)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
            f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with >=2 "
            f"stories, {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  "
            f"(en {round(100 * langs['en'] / len(rows))}%)",
            f"copy recipes:            {len(recipes)}  ({sum(2 <= len(w) <= 3 for w in recipes)} combine 2-3 words)",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> None:
    rows = build()
    text = dump(rows)
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            raise SystemExit("heldout23.jsonl is stale: run without --stats")
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats(rows))


if __name__ == "__main__":
    main()
