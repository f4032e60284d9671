"""Build held-out dedup set v48 (`heldout48.jsonl`): short briefs re-shaped by carriers of short text.

Each story is emitted at its origin outlet, then copied by carrier outlets that re-shape short text
(an SMS relay, a text-only reader, a key-points-first app, quote cards, live timelines, list feeds).
A copy's recipe is 2-3 of its carrier's 3 style words, applied in the fixed order of `words`; the
first seeded combination where no word is hidden and the title or body changes is used.

    python tests/data/dedup/make_heldout48.py          # rewrites heldout48.jsonl
    python tests/data/dedup/make_heldout48.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout48_source.yaml"
TARGET = HERE / "heldout48.jsonl"
PREFIX = "or"
DESIGNED = ("samedesksecond", "dayafterfollow", "weekinbrief")
# Minutes after the story a kind answers (`against`); originals are a day apart.
LAG = {
    "english": 100,
    "independent": 115,
    "side": 130,
    "samedesksecond": 360,
    "dayafterfollow": 1560,
    "weekinbrief": 1500,
}
QUOTE = re.compile(r"«(.+?)»|“(.+?)”|\"(.+?)\"")
SMS_LIMIT = 160


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


@dataclass(frozen=True)
class Doc:
    title: str
    blocks: tuple[str, ...]


@dataclass(frozen=True)
class Context:
    lang: str
    outlet: Outlet
    when: datetime
    section: str
    fix: str
    heading: str


def seeded(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


# --- the recipe words ---------------------------------------------------------------------------


def quotecard(doc: Doc, ctx: Context) -> Doc:
    """A quote card's caption as the headline: the last block's quotation, in curly quotes."""
    found = QUOTE.search(doc.blocks[-1])
    quote = next(g for g in found.groups() if g) if found else doc.blocks[-1]
    return replace(doc, title=f"“{quote.strip()}”")


def sectiontag(doc: Doc, ctx: Context) -> Doc:
    return replace(doc, title=f"{ctx.section} {doc.title}")


def allcapstitle(doc: Doc, ctx: Context) -> Doc:
    return replace(doc, title=doc.title.upper())


def keypointsfirst(doc: Doc, ctx: Context) -> Doc:
    """A mobile app's "key points first": the closing block (the quote) moves to the top."""
    return replace(doc, blocks=(doc.blocks[-1], *doc.blocks[:-1]))


def bulletpoints(doc: Doc, ctx: Context) -> Doc:
    return replace(doc, blocks=tuple(f"• {b}" for b in doc.blocks))


def livestamps(doc: Doc, ctx: Context) -> Doc:
    """A live page's timeline: each block stamped, four minutes apart, ending at the copy's time."""
    n = len(doc.blocks)
    stamps = [(ctx.when - timedelta(minutes=4 * (n - 1 - i))).strftime("%H:%M") for i in range(n)]
    return replace(doc, blocks=tuple(f"{s} — {b}" for s, b in zip(stamps, doc.blocks, strict=True)))


def fixnoticemerge(doc: Doc, ctx: Context) -> Doc:
    return replace(doc, blocks=(*doc.blocks, ctx.fix))


def readerheading(doc: Doc, ctx: Context) -> Doc:
    """A text-only (screen-reader) edition repeats the headline as a labelled first line."""
    return replace(doc, blocks=(f"{ctx.heading} {doc.title}", *doc.blocks))


def strip_latin_marks(text: str) -> str:
    """Drop diacritics on Latin letters only (a Tibetan vowel sign or Arabic hamza stays)."""
    kept: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and kept and kept[-1].isascii() and kept[-1].isalpha():
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def smsrelay(doc: Doc, ctx: Context) -> Doc:
    """An SMS/pager relay: one line of at most 160 characters, Latin diacritics dropped."""
    line = strip_latin_marks(" / ".join(doc.blocks))
    if len(line) > SMS_LIMIT:
        line = line[: SMS_LIMIT - 2].rstrip() + ".."
    return Doc(strip_latin_marks(doc.title), (line,))


WORDS = {
    f.__name__: f
    for f in (
        quotecard,
        sectiontag,
        allcapstitle,
        keypointsfirst,
        bulletpoints,
        livestamps,
        fixnoticemerge,
        readerheading,
        smsrelay,
    )
}


def apply(recipe: tuple[str, ...], doc: Doc, ctx: Context) -> Doc:
    for word in recipe:
        doc = WORDS[word](doc, ctx)
    return doc


# --- the stories ----------------------------------------------------------------------------------


def blocks_of(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.strip().split("\n\n"))


def roundup_text(s: dict, by_id: dict[str, dict]) -> str:
    """A weekly round-up: its own opening line, then two lines (headline, first paragraph) of each quoted story."""
    lines = [s["intro"]]
    for other in s["quotes"]:
        q = by_id[other]
        lines.append(f"{q['title']}: {blocks_of(q['text'])[0]}")
    return "\n\n".join(lines)


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Fill each designed negative's title and text from its base: phrase replacements, then a lede."""
    by_id = {s["id"]: dict(s) for s in stories}
    for s in by_id.values():
        if "quotes" in s:
            s["text"] = roundup_text(s, by_id)
        if "derive" not in s:
            continue
        base = by_id[s["derive"]]
        title, text = base["title"], base["text"]
        for old, new in s["set"].items():
            if old not in title and old not in text:
                raise SystemExit(f"{s['id']}: phrase not found: {old}")
            title, text = title.replace(old, new), text.replace(old, new)
        if "lede" in s:
            text = s["lede"] + "\n\n" + text
        s["title"], s["text"] = title, text
    return by_id


def story_times(stories: dict[str, dict], start: datetime) -> dict[str, datetime]:
    times: dict[str, datetime] = {}
    originals = [s for s in stories.values() if s["kind"] == "original"]
    for i, s in enumerate(originals):
        times[s["id"]] = start + timedelta(days=i)
    for s in stories.values():
        if s["kind"] != "original":
            latest = max(times[other] for other in s.get("quotes", [s.get("against")]))
            times[s["id"]] = latest + timedelta(minutes=LAG[s["kind"]])
    return times


# --- rendering ------------------------------------------------------------------------------------


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def render(doc: Doc, outlet: Outlet) -> tuple[str, str]:
    """(summary, content) as the outlet prints them."""
    if outlet.body == "none":
        return cut("\n".join(doc.blocks), outlet.cut), ""
    if outlet.body == "html":
        return doc.blocks[0], "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in doc.blocks)
    return doc.blocks[0], "\n\n".join(doc.blocks)


def carries(outlet: Outlet, lang: str) -> bool:
    return bool(outlet.words) and ("all" in outlet.langs or lang in outlet.langs)


def recipes(words: tuple[str, ...], rng: random.Random, order: list[str]) -> list[tuple[str, ...]]:
    combos = [c for k in (2, 3) for c in itertools.combinations(words, k)]
    rng.shuffle(combos)
    return [tuple(sorted(c, key=order.index)) for c in combos]


def visible(recipe: tuple[str, ...], doc: Doc, ctx: Context) -> Doc | None:
    """The recipe's result, or None when it changes nothing or one of its words is hidden."""
    made = apply(recipe, doc, ctx)
    if made == doc:
        return None
    shown = render(made, ctx.outlet)
    for word in recipe:
        rest = tuple(w for w in recipe if w != word)
        less = apply(rest, doc, ctx)
        if less.title == made.title and render(less, ctx.outlet) == shown:
            return None
    return made


@dataclass(frozen=True)
class Entry:
    story: dict
    outlet: Outlet
    when: datetime
    doc: Doc
    recipe: tuple[str, ...]
    serial: int


def local(when: datetime, outlet: Outlet) -> datetime:
    return when.astimezone(timezone(timedelta(minutes=outlet.offset)))


def copies_of(story: dict, when: datetime, src: dict, outlets: list[Outlet]) -> list[Entry]:
    rng = seeded(src["seed"], story["id"])
    want = src["copies"][story["kind"]]
    doc = Doc(story["title"], blocks_of(story["text"]))
    pool = [o for o in outlets if carries(o, story["lang"]) and o.feed != story["outlet"]]
    rng.shuffle(pool)
    made: list[Entry] = []
    for outlet in pool:
        if len(made) == want:
            break
        at = when + timedelta(minutes=rng.randint(20, 138))
        ctx = Context(
            story["lang"],
            outlet,
            local(at, outlet),
            src["section"].get(outlet.feed, ""),
            src["fix"][story["lang"]],
            src["heading"][story["lang"]],
        )
        for recipe in recipes(outlet.words, rng, src["words"]):
            result = visible(recipe, doc, ctx)
            if result is not None:
                made.append(Entry(story, outlet, at, result, recipe, len(made) + 1))
                break
    if len(made) < want:
        raise SystemExit(f"{story['id']}: only {len(made)} copies")
    return made


def row(entry: Entry, seed: str) -> dict:
    o, s = entry.outlet, entry.story
    when = local(entry.when, o)
    key = hashlib.sha256(f"{seed}|{s['id']}|{o.feed}".encode()).hexdigest()
    link = f"https://{o.host}/{when:%Y/%m/%d}/{key[:10]}"
    if entry.serial % 3 == 2:
        link += "?utm_source=relay&utm_medium=feed"
    summary, content = render(entry.doc, o)
    return {
        "id": "",
        "outlet": o.name,
        "feed": o.feed,
        "title": entry.doc.title,
        "link": link,
        "guid": f"{o.feed}:{key[10:22]}",
        "published": when.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def load() -> tuple[dict, dict[str, dict], list[Outlet]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = [Outlet(f, n, h, off, b, tuple(ls), tuple(ws), c) for f, n, h, off, b, ls, ws, c in src["outlets"]]
    for o in outlets:
        unknown = set(o.words) - set(WORDS)
        if unknown or set(src["words"]) != set(WORDS):
            raise SystemExit(f"{o.feed}: unknown recipe word {unknown}")
    return src, resolve(src["stories"]), outlets


def entries() -> list[Entry]:
    src, stories, outlets = load()
    by_feed = {o.feed: o for o in outlets}
    times = story_times(stories, datetime.fromisoformat(src["start"]))
    made: list[Entry] = []
    for s in stories.values():
        doc = Doc(s["title"], blocks_of(s["text"]))
        made.append(Entry(s, by_feed[s["outlet"]], times[s["id"]], doc, (), 0))
        made.extend(copies_of(s, times[s["id"]], src, outlets))
    return sorted(made, key=lambda e: (e.when, e.story["id"], e.serial))


def build() -> list[dict]:
    seed = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))["seed"]
    rows = []
    for n, entry in enumerate(entries(), 1):
        r = row(entry, seed)
        r["id"] = f"{PREFIX}{n:03d}"
        rows.append(r)
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    _, stories, _ = load()
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    negatives = sum(
        per_story[s["id"]] * per_story[other]
        for s in stories.values()
        if s["kind"] in DESIGNED
        for other in s.get("quotes", [s.get("against")])
    )
    used = Counter(w for e in entries() for w in e.recipe)
    kinds = Counter(s["kind"] for s in stories.values())
    several = sum(len(v) > 1 for v in ev_stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(ev_stories)} ({several} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negatives}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {round(100 * langs['en'] / len(rows))}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(used.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
