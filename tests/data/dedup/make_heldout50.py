"""Generate held-out v50 (`heldout50.jsonl`): short local briefs in Newar, Tabasaran and Hmong, their
English, rival and Nepali rewrites, designed hard negatives, and copies re-carried by new carriers.

Standalone on purpose (imports nothing from `monitor` or from earlier generators): a held-out set must
be written without seeing the detector. Byte-for-byte reproducible: every draw comes from a
`random.Random` seeded by a SHA-256 of the set's seed and the story id.

    python tests/data/dedup/make_heldout50.py          # rewrites heldout50.jsonl
    python tests/data/dedup/make_heldout50.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout50_source.yaml"
OUT = HERE / "heldout50.jsonl"
PREFIX = "ot"
REWRITE_DELAY = {"english": 100, "independent": 115, "side": 130, "sameplacenewnews": 360}
DESIGNED = ("sameplacenewnews", "nextweeksequel")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...]
    words: tuple[str, ...]
    cut: int


@dataclass
class Copy:
    """One entry's text before rendering: a title and its blocks (paragraphs or standalone lines)."""

    title: str
    blocks: list[str]


def seeded(seed: str, key: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(f"{seed}/{key}".encode()).digest()[:8], "big"))


def derive(story: dict, base: dict) -> dict:
    """A designed negative: its base's title and text with phrase replacements, and a new first paragraph."""
    title, text = story.get("title", base["title"]), base["text"]
    if "lede" in story:
        text = story["lede"].strip() + "\n\n" + text.strip().split("\n\n", 1)[1]
    for old, new in story.get("set", []):
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: phrase not found: {old}")
        if "title" not in story:
            title = title.replace(old, new)
        text = text.replace(old, new)
    fix = base.get("fix")
    return {**story, "title": title, "text": text, "fix": fix if fix and fix[0] in text else None}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


# ---- recipe words: each takes (copy, story, outlet, context) and returns the new copy ----


def fortycharhead(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A watch or round-up slot of 40 characters: the headline cut at a word boundary with `…`."""
    if len(c.title) <= 40:
        return c
    head = c.title[:40].rsplit(" ", 1)[0].rstrip(" ,–-:")
    return Copy(head + "…", c.blocks)


def datestamptitle(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A timeline or SMS relay heads every item with the day it was filed, in its own zone."""
    return Copy(ctx["local"].strftime("%d/%m") + " · " + c.title, c.blocks)


def figurecorrected(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A later version with one figure corrected and a correction line: still the same report."""
    if not s.get("fix"):
        return c
    old, new = s["fix"]
    blocks = [b.replace(old, new) for b in c.blocks]
    return Copy(c.title.replace(old, new), [*blocks, f"{ctx['fixlabel'][s['lang']]} {old} → {new}"])


def ussdmenuscreen(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A USSD or feature-phone menu screen: numbered lines and a back key."""
    lines = [f"{i}> {b}" for i, b in enumerate(c.blocks, 1)]
    return Copy(c.title, ["\n".join([*lines, ctx["menuback"][s["lang"]]])])


def srtcaptions(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A video-caption feed: each block a numbered cue with its timing, five seconds a cue."""
    cues = []
    for i, b in enumerate(c.blocks):
        start, end = f"00:00:{i * 5:02d},000", f"00:00:{i * 5 + 5:02d},000"
        cues.append(f"{i + 1}\n{start} --> {end}\n{b}")
    return Copy(c.title, cues)


def listenbadge(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """An audio reader's play badge first, with the reading time of the text."""
    seconds = max(15, len(" ".join(c.blocks)) // 6)
    return Copy(c.title, [f"▶ Listen · {seconds // 60}:{seconds % 60:02d}", *c.blocks])


def refnotefooter(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A timeline's numbered reference note naming the origin outlet and its day."""
    return Copy(c.title, [*c.blocks, f"[1] {ctx['origin'].name}, {ctx['origin_day']}"])


def scancodefooter(c: Copy, s: dict, o: Outlet, ctx: dict) -> Copy:
    """A printed list or SMS relay's scan line pointing at the carrier's short code."""
    return Copy(c.title, [*c.blocks, f"▦ Scan: https://qr.{o.host}/{ctx['code']}"])


WORDS = {
    f.__name__: f
    for f in (
        fortycharhead,
        datestamptitle,
        figurecorrected,
        ussdmenuscreen,
        srtcaptions,
        listenbadge,
        refnotefooter,
        scancodefooter,
    )
}


def render(c: Copy, o: Outlet) -> tuple[str, str, str]:
    """Title, summary and content as the outlet's body style carries them (the summary skips a play badge)."""
    lead = next(b for b in c.blocks if not b.startswith("▶")).replace("\n", " ")
    if o.body == "html":
        content = "".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in c.blocks)
        return c.title, lead, content
    if o.body == "plain":
        return c.title, lead, "\n\n".join(c.blocks)
    summary = "\n".join(c.blocks)
    if len(summary) > o.cut:
        summary = summary[: o.cut].rsplit(" ", 1)[0] + " …"
    return c.title, summary, ""


def apply(words: tuple[str, ...], s: dict, o: Outlet, ctx: dict) -> tuple[str, str, str]:
    c = Copy(s["title"], paragraphs(s["text"]))
    for w in words:
        c = WORDS[w](c, s, o, ctx)
    return render(c, o)


def recipe(rng: random.Random, s: dict, o: Outlet, ctx: dict, plain: tuple[str, str, str]) -> tuple[str, ...] | None:
    """The first seeded combination of 2-3 of the outlet's words where none is hidden and the text changes."""
    combos = [c for n in (2, 3) for c in itertools.combinations(o.words, n)]
    rng.shuffle(combos)
    for combo in combos:
        words = tuple(w for w in ctx["order"] if w in combo)
        made = apply(words, s, o, ctx)
        if (made[0], made[2]) == (plain[0], plain[2]):
            continue
        if all(apply(tuple(x for x in words if x != w), s, o, ctx) != made for w in words):
            return words
    return None


def outlets_of(source: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, words, cut in source["outlets"]:
        for w in words:
            if w not in WORDS:
                raise SystemExit(f"unknown recipe word {w}")
        found[feed] = Outlet(feed, name, host, offset, body, tuple(langs), tuple(words), cut)
    return found


def story_time(start: datetime, s: dict) -> datetime:
    return start + timedelta(days=s["day"], minutes=REWRITE_DELAY.get(s["kind"], 0))


def entry(s: dict, o: Outlet, when: datetime, made: tuple[str, str, str], n: int) -> dict:
    local = when.astimezone(timezone(timedelta(minutes=o.offset)))
    title, summary, content = made
    return {
        "outlet": o.name,
        "feed": o.feed,
        "title": title,
        "link": f"https://{o.host}/{local:%Y/%m/%d}/{s['id']}-{n}",
        "guid": f"{o.feed}:{s['id']}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_when": when,
    }


def build() -> list[dict]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = outlets_of(source)
    start = datetime.fromisoformat(source["start"])
    raw = {s["id"]: s for s in source["stories"]}
    stories = [derive(s, raw[s["derive"]]) if "derive" in s else {"fix": None, **s} for s in source["stories"]]
    carriers = [o for o in outlets.values() if o.langs]
    rows = []
    for n, s in enumerate(stories, 1):
        origin, when = outlets[s["outlet"]], story_time(start, s)
        plain = apply((), s, origin, {})
        rows.append(entry(s, origin, when, plain, n))
        rng = seeded(source["seed"], s["id"])
        pool = [o for o in carriers if s["lang"] in o.langs]
        rng.shuffle(pool)
        wanted, made = source["copies"][s["kind"]], 0
        for o in pool:
            if made == wanted:
                break
            at = when + timedelta(minutes=rng.randint(20, 138))
            ctx = {
                "order": source["words"],
                "fixlabel": source["fixlabel"],
                "menuback": source["menuback"],
                "origin": origin,
                "origin_day": when.astimezone(timezone(timedelta(minutes=origin.offset))).strftime("%Y-%m-%d"),
                "local": at.astimezone(timezone(timedelta(minutes=o.offset))),
                "code": hashlib.sha256(f"{o.feed}/{s['id']}".encode()).hexdigest()[:6],
            }
            words = recipe(rng, s, o, ctx, render(Copy(s["title"], paragraphs(s["text"])), o))
            if words is None:
                continue
            row = entry(s, o, at, apply(words, s, o, ctx), n)
            row["_words"] = words
            rows.append(row)
            made += 1
        if made < wanted:
            raise SystemExit(f"{s['id']}: only {made} copies")
    rows.sort(key=lambda r: (r["_when"], r["feed"]))
    for i, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{i:03d}"
    return rows


KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = Counter(s["kind"] for s in source["stories"])
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in source["stories"] if s["kind"] in DESIGNED)
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r.get("_words", ()))
    changed = sum(1 for r in rows if "_words" in r)
    several = sum(len(v) > 1 for v in ev_stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(ev_stories)} ({several} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {hard}",
        f"copies:                  {changed}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
