"""Held-out dedup set v38: structural reshaping of copies (paragraph order, middle excerpts, stubs,
a newsletter's intro before the report, a copy split over two entries).

Reads `heldout38_source.yaml`, writes `heldout38.jsonl` (`--stats` also prints the counts).
Deterministic: every draw comes from a `random.Random` seeded by a SHA-256 of the set's seed and the
story; no clock. Stdlib + PyYAML; imports no earlier generator.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout38_source.yaml"
OUT = HERE / "heldout38.jsonl"
PREFIX = "og"
COPIES = 3
SUMMARY_MAX = 220
SENTENCE_END = re.compile(r"(?<=[.।!?])\s+")


@dataclass(frozen=True)
class Carried:
    """An entry before rendering: its headline, an optional lead paragraph of other text, the story's
    paragraphs as this copy keeps them, and an optional closing link line."""

    title: str
    paras: tuple[str, ...]
    intro: str = ""
    tail: str = ""
    parts: tuple[tuple[str, ...], ...] = field(default=())


def middleexcerpt(c: Carried, ctx: dict) -> Carried:
    """An excerpt: only the paragraphs between the first and the last, marked as cut at both ends."""
    if len(c.paras) < 3:
        return c
    mid = c.paras[1:-1]
    return replace(c, paras=("… " + mid[0],) + mid[1:-1] + ((mid[-1] + " …",) if len(mid) > 1 else ()))


def paraorder(c: Carried, ctx: dict) -> Carried:
    """A CMS export that lists the paragraphs last first."""
    return replace(c, paras=tuple(reversed(c.paras)))


def teaserstub(c: Carried, ctx: dict) -> Carried:
    """A stub: the headline, the first sentence as carried, and a line linking to the report."""
    first = SENTENCE_END.split(c.paras[0])[0] if c.paras else ""
    return replace(c, paras=(first,), tail=f"Open the report ↗ {ctx['origin_link']}")


def introblurb(c: Carried, ctx: dict) -> Carried:
    """A newsletter's long opening paragraph about other things before the report."""
    intro = (
        f"{ctx['outlet_name']} · the weekday letter, {ctx['day']}. Good morning. In this edition: rain is due "
        f"along the coast by the afternoon, exchange rates held steady overnight, and three readers wrote in "
        f"about last week's crossword. Our pick from the regional desks, from {ctx['place']}, follows below as filed."
    )
    return replace(c, intro=intro)


def twopartpost(c: Carried, ctx: dict) -> Carried:
    """An app that posts a long item as two entries, the paragraphs split between them."""
    if len(c.paras) < 2:
        return c
    half = (len(c.paras) + 1) // 2
    return replace(c, parts=(c.paras[:half], c.paras[half:]))


WORDS = {f.__name__: f for f in (middleexcerpt, paraorder, teaserstub, introblurb, twopartpost)}


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.strip().split("\n\n") if p.strip())


def cut(text: str) -> str:
    if len(text) <= SUMMARY_MAX:
        return text
    return text[:SUMMARY_MAX].rsplit(" ", 1)[0] + " …"


def render(c: Carried, body: str) -> list[tuple[str, str, str]]:
    """(title, summary, content) of each entry the feed carries for `c`."""
    parts = c.parts or (c.paras,)
    out = []
    for n, paras in enumerate(parts, 1):
        lines = ([c.intro] if c.intro and n == 1 else []) + list(paras) + ([c.tail] if c.tail else [])
        title = c.title + (f" [{n}/{len(parts)}]" if len(parts) > 1 else "")
        if body == "html":
            content = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in lines)
        elif body == "plain":
            content = "\n\n".join(lines)
        else:
            content = ""
        out.append((title, cut(lines[0]), content))
    return out


def apply(words: tuple[str, ...], base: Carried, ctx: dict) -> Carried:
    for w in words:
        base = WORDS[w](base, ctx)
    return base


def recipe(outlet: dict, base: Carried, ctx: dict, rng: random.Random) -> tuple[tuple[str, ...], Carried] | None:
    """The first seeded combination of 2-3 of the outlet's words where no word is hidden by the others."""
    order = list(WORDS)
    combos = [c for k in (2, 3) for c in itertools.combinations(outlet["words"], k)]
    rng.shuffle(combos)
    original = render(base, outlet["body"])
    for combo in combos:
        words = tuple(sorted(combo, key=order.index))
        made = render(apply(words, base, ctx), outlet["body"])
        if made == original:
            continue
        without = [render(apply(tuple(w for w in words if w != x), base, ctx), outlet["body"]) for x in words]
        if any(m == made for m in without):
            continue
        return words, apply(words, base, ctx)
    return None


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    keys = ["feed", "name", "host", "offset", "body", "langs", "words"]
    src["outlets"] = {o[0]: dict(zip(keys, o, strict=True)) for o in src["outlets"]}
    for o in src["outlets"].values():
        assert all(w in WORDS for w in o["words"]), o["feed"]
    stories: dict[str, dict] = {}
    for s in src["stories"]:
        if "derive" in s:
            base = stories[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s["set"]:
                if old not in title + text:
                    raise SystemExit(f"{s['id']}: {old!r} matches nothing")
                title, text = title.replace(old, new), text.replace(old, new)
            s = {**base, **s, "title": title, "text": text}
        stories[s["id"]] = s
    src["stories"] = stories
    return src


def carries(outlet: dict, lang: str) -> bool:
    return outlet["langs"] == "all" or lang in outlet["langs"]


def times(stories: dict, start: datetime) -> dict[str, datetime]:
    """Originals a day apart, rewrites 95 minutes after theirs, designed negatives 47 days after their base."""
    at: dict[str, datetime] = {}
    day = 0
    for s in stories.values():
        if "derive" in s:
            at[s["id"]] = at[s["derive"]] + timedelta(days=47)
        elif s["kind"] == "independent":
            at[s["id"]] = at[s["against"]] + timedelta(minutes=95)
        else:
            at[s["id"]] = start + timedelta(days=day, hours=(day * 5) % 9)
            day += 1
    return at


def entry(src: dict, s: dict, feed: str, when: datetime, made: tuple[str, str, str], part: int) -> dict:
    o = src["outlets"][feed]
    h = digest(src["seed"], feed, s["id"], str(part))
    local = when.astimezone(timezone(timedelta(minutes=o["offset"])))
    title, summary, content = made
    return {
        "id": "",
        "outlet": o["name"],
        "feed": feed,
        "title": title,
        "link": f"https://{o['host']}/{local:%Y/%m}/{h[:10]}",
        "guid": f"{feed}-{h[10:22]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_utc": when,
    }


def build() -> tuple[list[dict], Counter]:
    src = load()
    outlets, stories = src["outlets"], src["stories"]
    at = times(stories, datetime.fromisoformat(src["start"]))
    rows: list[dict] = []
    used: Counter = Counter()
    for s in stories.values():
        origin = outlets[s["outlet"]]
        if not carries(origin, s["lang"]):
            raise SystemExit(f"{s['id']}: origin outlet does not carry {s['lang']}")
        base = Carried(s["title"], paragraphs(s["text"]))
        first = render(base, origin["body"])[0]
        orow = entry(src, s, origin["feed"], at[s["id"]], first, 1)
        rows.append(orow)
        rng = random.Random(digest(src["seed"], s["id"]))
        pool = [f for f, o in outlets.items() if f != origin["feed"] and carries(o, s["lang"])]
        rng.shuffle(pool)
        if rng.random() < 0.5:  # about half the stories reach a summary-only outlet: feeds that carry no body
            pool.sort(key=lambda f: outlets[f]["body"] != "none")
        want = 2 if s["lang"] == "ta" else COPIES
        made_copies = 0
        for feed in pool:
            if made_copies == want:
                break
            o = outlets[feed]
            when = at[s["id"]] + timedelta(minutes=rng.randint(4, 900))
            ctx = {
                "origin_link": orow["link"],
                "outlet_name": o["name"],
                "place": s["place"],
                "day": f"{when:%d %B %Y}",
            }
            got = recipe(o, base, ctx, rng)
            if got is None:
                continue
            words, carried = got
            for n, made in enumerate(render(carried, o["body"]), 1):
                if (made[0], made[2]) == (first[0], first[2]):
                    raise SystemExit(f"{s['id']} at {feed}: copy keeps its original's title and body")
                rows.append(entry(src, s, feed, when + timedelta(minutes=3 * (n - 1)), made, n))
            used.update(words)
            made_copies += 1
        if made_copies < want:
            raise SystemExit(f"{s['id']}: only {made_copies} copies")
    rows.sort(key=lambda r: r["_utc"])
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
        del r["_utc"]
    return rows, used


def dump(built: tuple[list[dict], Counter]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in built[0])


def stats(rows: list[dict], used: Counter) -> str:
    src = load()
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    negatives = [s for s in src["stories"].values() if "derive" in s]
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in negatives)
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in src["stories"].values())
    fmt = lambda c: ", ".join(f"{k}={v}" for k, v in sorted(c.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {hard}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"kinds:                   {fmt(kinds)}",
            f"transformations:         {fmt(used)}",
        ]
    )


def main() -> None:
    built = build()
    OUT.write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(*built))


if __name__ == "__main__":
    main()
