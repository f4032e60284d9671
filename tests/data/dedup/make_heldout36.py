"""Held-out dedup set v36: emit `heldout36.jsonl` from `heldout36_source.yaml`.

Each story runs at its origin outlet, then as copies at other outlets carrying its language. A copy's
recipe is 2-3 of the outlet's style words, applied in the fixed order of `words` in the source; the
first seeded combination in which every word changes the entry as the feed carries it is used (a
word hidden by the outlet or the others would make the recipe claim a change that is not there).
Deterministic: seeded `random.Random` per story, no clock. Stdlib + PyYAML; imports no earlier generator.

    python make_heldout36.py          # rewrites heldout36.jsonl
    python make_heldout36.py --stats  # the same, and prints the counts
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
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout36_source.yaml"
OUT = HERE / "heldout36.jsonl"
PREFIX = "oe"
COPIES = {"lt": 1}  # copies per story by language; every other language gets 3
SUMMARY_CUT = 220
# Sentence ends: Latin/Greek full stop, Devanagari danda, Urdu-style full stop.
SENTENCE_END = re.compile(r"(?<=[.।۔])\s+")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str  # html, plain or none (summary only)
    langs: tuple[str, ...] | None  # None: every language
    words: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """An entry before it is rendered: what the recipe words act on."""

    title: str
    paras: tuple[str, ...]
    teaser: str = ""  # a headline-only stub's summary line; the body is then dropped


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(source: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, words in source["outlets"]:
        found[feed] = Outlet(feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(words))
    return found


def expand(source: dict) -> list[dict]:
    """Stories with each designed negative filled in from its base; fails if a `set` pair changes nothing."""
    by_id = {s["id"]: s for s in source["stories"]}
    stories = []
    for s in source["stories"]:
        if "derive" in s:
            base = by_id[s["derive"]]
            if s.get("against") != base["id"]:
                sys.exit(f"{s['id']}: a designed negative stands against the story it derives from")
            title, text = base["title"], base["text"]
            for old, new in s["set"]:
                if old not in title and old not in text:
                    sys.exit(f"{s['id']}: {old!r} is in neither title nor text of {base['id']}")
                title, text = title.replace(old, new), text.replace(old, new)
            s = {
                **base,
                **{k: v for k, v in s.items() if k not in ("derive", "set")},
                "against": base["id"],
                "title": title,
                "text": text,
            }
        stories.append(s)
    return stories


def when(story: dict) -> datetime:
    return datetime.fromisoformat(story["time"]).replace(tzinfo=UTC)


def date_words(t: datetime) -> str:
    return f"{t.day} {MONTHS[t.month - 1]} {t.year}"


# ---- recipe words: each takes (draft, story, outlet, context) and returns the new draft ----


def newsletterintro(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    intro = (
        f"In today's briefing from {o.name}: one report from a partner newsroom, reproduced in full below in "
        "its original language. We send this digest every morning; forward it to a colleague or reply with a "
        "tip for tomorrow's issue."
    )
    return replace(d, paras=(intro, *d.paras))


def appreorder(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    # The app lays blocks out shortest first ("quick take" cards above the long ones); the sort is stable.
    return replace(d, paras=tuple(sorted(d.paras, key=len)))


def romanglosses(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    def gloss(text: str) -> str:
        for native, latin in s["names"].items():
            text = text.replace(native, f"{native} ({latin})", 1)
        return text

    return replace(d, title=gloss(d.title), paras=tuple(gloss(p) for p in d.paras))


def datelinecaps(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    if not d.paras:
        return d
    head = f"{s['place'].upper()}, {date_words(when(s))} — "
    return replace(d, paras=(head + d.paras[0], *d.paras[1:]))


def amendfooter(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    fixed = date_words(when(s) + timedelta(days=1))
    return replace(d, paras=(*d.paras, f"Fixed on {fixed}: the spelling of a name in this report was corrected."))


def stubpost(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    return replace(d, paras=(), teaser=f"{d.title} — continue: {ctx['origin_link']}")


def placetag(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    return replace(d, title=f"{d.title} [{s['place']}]")


def linesplit(d: Draft, s: dict, o: Outlet, ctx: dict) -> Draft:
    return replace(d, paras=tuple(x for p in d.paras for x in SENTENCE_END.split(p) if x))


WORDS: dict[str, Callable[[Draft, dict, Outlet, dict], Draft]] = {
    f.__name__: f
    for f in (newsletterintro, appreorder, romanglosses, datelinecaps, amendfooter, stubpost, placetag, linesplit)
}


# ---- rendering ----


def cut(text: str) -> str:
    if len(text) <= SUMMARY_CUT:
        return text
    return text[:SUMMARY_CUT].rsplit(" ", 1)[0] + " …"


def carried(d: Draft, o: Outlet) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries the draft."""
    if d.teaser:
        return d.title, d.teaser, ""
    summary = cut(d.paras[0])
    if o.body == "none":
        return d.title, summary, ""
    if o.body == "html":
        return d.title, summary, "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in d.paras)
    return d.title, summary, "\n\n".join(d.paras)


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def link_of(seed: str, o: Outlet, s: dict) -> str:
    t = when(s)
    return f"https://{o.host}/{t.year}/{t.month:02d}/{digest(seed, o.feed, s['id'])[:12]}"


def recipe(rng: random.Random, order: list[str], d: Draft, s: dict, o: Outlet, ctx: dict) -> list[str] | None:
    """The first seeded 2-3 word combination where every word changes what the feed carries and the
    result differs from the original's title or body (``ctx['first']``, as its own outlet carries it)."""
    combos = [list(c) for n in (2, 3) for c in itertools.combinations(o.words, n)]
    rng.shuffle(combos)
    for combo in combos:
        words = sorted(combo, key=order.index)
        draft, seen, ok = d, carried(d, o), True
        for w in words:
            draft = WORDS[w](draft, s, o, ctx)
            now = carried(draft, o)
            ok = ok and now != seen
            seen = now
        if ok and (seen[0], seen[2]) != (ctx["first"][0], ctx["first"][2]):
            return words
    return None


def build() -> list[dict]:
    source = load()
    seed, order = source["seed"], source["words"]
    outlets = outlets_of(source)
    entries: list[tuple[datetime, Outlet, dict, tuple[str, str, str], str, list[str]]] = []
    for s in expand(source):
        origin = outlets[s["outlet"]]
        base = Draft(s["title"], tuple(p.strip() for p in s["text"].split("\n\n")))
        origin_link = link_of(seed, origin, s)
        first = carried(base, origin)
        entries.append((when(s), origin, s, first, origin_link, []))
        rng = random.Random(int(digest(seed, s["id"]), 16))
        pool = sorted(f for f, o in outlets.items() if f != origin.feed and (o.langs is None or s["lang"] in o.langs))
        rng.shuffle(pool)
        made = 0
        for feed in pool:
            if made == COPIES.get(s["lang"], 3):
                break
            o = outlets[feed]
            ctx = {"origin_link": origin_link, "first": first}
            words = recipe(rng, order, base, s, o, ctx)
            if words is None:
                continue  # every combination of this outlet's words hides one: pass it over
            draft = base
            for w in words:
                draft = WORDS[w](draft, s, o, ctx)
            view = carried(draft, o)
            if (view[0], view[2]) == (first[0], first[2]):
                sys.exit(f"{s['id']} at {feed}: the copy keeps its original's title and body")
            delay = timedelta(minutes=rng.randint(4, 900))
            entries.append((when(s) + delay, o, s, view, link_of(seed, o, s), words))
            made += 1
        if made < COPIES.get(s["lang"], 3):
            sys.exit(f"{s['id']}: only {made} copies")
    entries.sort(key=lambda e: (e[0], e[1].feed))
    return [row(n, *e) for n, e in enumerate(entries, 1)]


def row(n: int, t: datetime, o: Outlet, s: dict, view: tuple[str, str, str], link: str, words: list[str]) -> dict:
    local = t.astimezone(timezone(timedelta(minutes=o.offset)))
    title, summary, content = view
    return {
        "id": f"{PREFIX}{n:03d}",
        "outlet": o.name,
        "feed": o.feed,
        "title": title,
        "link": link,
        "guid": f"{o.feed}:{digest(link)[:16]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_kind": s["kind"],
        "_against": s.get("against", ""),
        "_words": words,
    }


def dump(rows: list[dict]) -> str:
    return "".join(
        json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n" for r in rows
    )


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    kinds = Counter(r["_kind"] for r in rows if r["_words"] == [])
    negative = sum(
        per_story[r["story"]] * per_story[r["_against"]]
        for r in rows
        if r["_words"] == [] and r["_kind"] not in ("original", "independent")
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_words"])
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {round(100 * langs['en'] / len(rows))}%)",
            "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
