"""Build `heldout63.jsonl` from `heldout63_source.yaml`: long articles copied by shape-changing carriers.

Standalone (stdlib + PyYAML), seeded and byte-for-byte reproducible:

    python tests/data/dedup/make_heldout63.py          # rewrites heldout63.jsonl
    python tests/data/dedup/make_heldout63.py --stats  # the same, and prints the counts
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
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout63_source.yaml"
TARGET = HERE / "heldout63.jsonl"
PREFIX = "pg"
SHY = "\u00ad"
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")  # lenient: a stenotype copy may come lower-cased


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    carrier: bool
    style: tuple[str, ...]
    cut: int


@dataclass
class Piece:
    """A copy being reshaped: its title and its blocks (a block may hold line breaks)."""

    title: str
    blocks: list[str]


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def sentences(block: str) -> list[str]:
    return [s for s in SENTENCE_END.split(block.strip()) if s]


def every_nth_word(text: str, n: int, change) -> str:
    """Apply `change` to every n-th word (counting from the n-th) of `text`."""
    count = itertools.count(1)
    return WORD.sub(lambda m: change(m.group()) if next(count) % n == 0 else m.group(), text)


# ---------------------------------------------------------------- recipe words (one function each)


def capsdropped(p: Piece, ctx: dict) -> None:
    """Braille back-translation: the capital indicators are lost, so everything is lower case."""
    p.title = p.title.lower()
    p.blocks = [b.lower() for b in p.blocks]


def teletextpages(p: Piece, ctx: dict) -> None:
    """A page sequence: an upper-case heading, then `P1NN i/n` before every two paragraphs."""
    page = 101 + int(digest(ctx["seed"], ctx["story"], ctx["feed"]), 16) % 798
    p.title = p.title.upper()
    groups = [p.blocks[i : i + 2] for i in range(0, len(p.blocks), 2)]
    out = [p.title]
    for i, group in enumerate(groups, 1):
        out.append(f"P{page} {i}/{len(groups)}")
        out.extend(group)
    p.blocks = out


def faxgateway(p: Piece, ctx: dict) -> None:
    """A fax-to-email gateway: header lines first, a page mark before each half of the paragraphs."""
    half = (len(p.blocks) + 1) // 2
    head = f"FAX RECEIVED {ctx['stamp']}\nFrom: {ctx['name']} gateway\nPages: 2"
    p.blocks = [head, "Sheet 1 of 2", *p.blocks[:half], "Sheet 2 of 2", *p.blocks[half:]]


def stenolines(p: Piece, ctx: dict) -> None:
    """A stenotype transcript: one numbered line per sentence, a speaker code on each paragraph."""
    number = itertools.count(1)
    out = []
    for i, block in enumerate(p.blocks):
        lines = sentences(block)
        lines[0] = ("SP1: " if i % 2 == 0 else "SP2: ") + lines[0]
        out.append("\n".join(f"{next(number):>3}  {line}" for line in lines))
    p.blocks = out


def cuetimestamps(p: Piece, ctx: dict) -> None:
    """A live-caption log: seven words a line, each line stamped `<00:MM:SS>` three seconds apart."""
    clock = itertools.count(4, 3)
    out = []
    for block in p.blocks:
        words = block.split()
        lines = [" ".join(words[i : i + 7]) for i in range(0, len(words), 7)]
        out.append("\n".join(f"<{_clock(next(clock))}> {line}" for line in lines))
    p.blocks = out


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def einkchapters(p: Piece, ctx: dict) -> None:
    """An e-reader export: chapter markers, and a footnote number glued to a word of every second paragraph."""
    note = itertools.count(1)
    glued = [_glue(b, next(note)) if i % 2 else b for i, b in enumerate(p.blocks)]
    half = (len(glued) + 1) // 2
    p.blocks = ["[Chapter 1]", *glued[:half], "[Chapter 2]", *glued[half:]]


def _glue(block: str, number: int) -> str:
    """The footnote mark glued to the first word of five letters or more after the second word."""
    for m in list(WORD.finditer(block))[2:]:
        if m.group().isalpha() and len(m.group()) >= 5:
            return block[: m.end()] + str(number) + block[m.end() :]
    return block


def wordstutter(p: Piece, ctx: dict) -> None:
    """Live captioning repeats a word now and then: every eleventh word is doubled (never a figure)."""
    p.blocks = [every_nth_word(b, 11, lambda w: f"{w} {w}" if w.isalpha() else w) for b in p.blocks]


CONFUSE = [("fi", "ﬁ"), ("fl", "ﬂ"), ("е", "с"), ("e", "c"), ("5", "S"), ("0", "O")]


def _misread(word: str) -> str:
    for old, new in CONFUSE:
        if old in word:
            return word.replace(old, new, 1)
    return word


def scanconfuse(p: Piece, ctx: dict) -> None:
    """A scanned clipping: every eighth word misread (a ligature, e read as c, 5 as S, 0 as O)."""
    p.blocks = [every_nth_word(b, 8, _misread) for b in p.blocks]


def midwordshy(p: Piece, ctx: dict) -> None:
    """Soft hyphens (U+00AD) left in the middle of every word of ten letters or more."""
    p.blocks = [WORD.sub(lambda m: _shy(m.group()), b) for b in p.blocks]


def _shy(word: str) -> str:
    return word[: len(word) // 2] + SHY + word[len(word) // 2 :] if len(word) >= 10 else word


def fortycolwrap(p: Piece, ctx: dict) -> None:
    """A 40-column screen or cell line: every line re-broken at spaces to at most 40 characters."""
    p.blocks = ["\n".join(_wrap(line) for line in b.split("\n")) for b in p.blocks]


def _wrap(line: str, width: int = 40) -> str:
    rows: list[str] = []
    for word in line.split():
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] += " " + word
        else:
            rows.append(word)
    return "\n".join(rows)


RECIPES = {
    f.__name__: f
    for f in (
        capsdropped,
        teletextpages,
        faxgateway,
        stenolines,
        cuetimestamps,
        einkchapters,
        wordstutter,
        scanconfuse,
        midwordshy,
        fortycolwrap,
    )
}


# ---------------------------------------------------------------- stories


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Every story with its full text: a derived one is its base with a new title, lede and replacements."""
    by_id: dict[str, dict] = {}
    for s in stories:
        if "derive" in s:
            base = by_id[s["derive"]]
            text = base["text"].strip()
            if "lede" in s:
                text = "\n\n".join([s["lede"], *text.split("\n\n")[1:]])
            title = s.get("title", base["title"])
            for old, new in s.get("set", []):
                if old not in text and old not in title:
                    raise SystemExit(f"{s['id']}: phrase not found: {old}")
                text, title = text.replace(old, new), title.replace(old, new)
            s = {**base, **s, "text": text, "title": title, "lang": base["lang"]}
            s.setdefault("outlet", base["outlet"])
        by_id[s["id"]] = {**s, "text": s["text"].strip()}
    return by_id


def when(s: dict, by_id: dict[str, dict], start: datetime, seed: int, delay: dict) -> datetime:
    if s["kind"] == "original":
        return start + timedelta(days=s["day"], minutes=int(digest(seed, s["id"]), 16) % 149)
    return when(by_id[s["against"]], by_id, start, seed, delay) + timedelta(minutes=delay[s["kind"]])


# ---------------------------------------------------------------- entries


def render(p: Piece, out: Outlet) -> tuple[str, str]:
    """(summary, content) as the outlet prints blocks."""
    if out.body == "none":
        return cut("\n".join(p.blocks), out.cut), ""
    summary = cut(" ".join(" ".join(b.split()) for b in p.blocks), out.cut)
    if out.body == "html":
        content = "".join(f"<p>{html.escape(b, quote=False).replace(chr(10), '<br>')}</p>" for b in p.blocks)
    else:
        content = "\n\n".join(p.blocks)
    return summary, content


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def shaped(s: dict, out: Outlet, words: tuple[str, ...], ctx: dict) -> tuple[str, str, str]:
    p = Piece(s["title"], s["text"].split("\n\n"))
    for w in words:
        RECIPES[w](p, ctx)
    return (p.title, *render(p, out))


def recipe(s: dict, out: Outlet, order: list[str], ctx: dict, rng: random.Random) -> tuple[str, ...] | None:
    """The first seeded 2- or 3-word combination of the carrier's style where no word is hidden."""
    combos = [c for k in (2, 3) for c in itertools.combinations(out.style, k)]
    rng.shuffle(combos)
    plain = (s["title"], s["text"])
    for combo in combos:
        words = tuple(w for w in order if w in combo)
        made = shaped(s, out, words, ctx)
        if (made[0], made[2]) == plain:
            continue
        if all(shaped(s, out, tuple(w for w in words if w != drop), ctx) != made for drop in words):
            return words
    return None


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    seed, order = src["seed"], src["words"]
    start = datetime.fromisoformat(src["start"])
    outlets = {o[0]: Outlet(o[0], o[1], o[2], o[3], o[4], o[5], tuple(o[6]), o[7]) for o in src["outlets"]}
    carriers = [o for o in outlets.values() if o.carrier]
    for o in carriers:
        unknown = set(o.style) - set(RECIPES)
        if unknown:
            raise SystemExit(f"unknown recipe words: {unknown}")
    by_id = resolve(src["stories"])
    made: list[tuple[datetime, str, str, dict]] = []
    for s in by_id.values():
        at = when(s, by_id, start, seed, src["delay"])
        home = outlets[s["outlet"]]
        made.append((at, home.feed, s["id"], entry(s, home, at, (), seed)))
        rng = random.Random(int(digest(seed, s["id"]), 16))
        pool = carriers[:]
        rng.shuffle(pool)
        copies = 0
        for out in pool:
            if copies == src["copies"][s["kind"]]:
                break
            local = at + timedelta(minutes=rng.randint(20, 138))
            ctx = {
                "seed": seed,
                "story": s["id"],
                "feed": out.feed,
                "name": out.name.upper(),
                "stamp": local.astimezone(zone(out)).strftime("%d.%m.%Y %H:%M"),
            }
            words = recipe(s, out, order, ctx, rng)
            if words is None:
                continue
            made.append((local, out.feed, s["id"], entry(s, out, local, words, seed, ctx)))
            copies += 1
        if copies < src["copies"][s["kind"]]:
            raise SystemExit(f"{s['id']}: only {copies} copies")
    made.sort(key=lambda m: (m[0], m[1], m[2]))
    rows = []
    for n, (_, _, _, row) in enumerate(made, 1):
        rows.append({"id": f"{PREFIX}{n:03d}", **row})
    return rows


def zone(out: Outlet) -> timezone:
    return timezone(timedelta(minutes=out.offset))


def entry(s: dict, out: Outlet, at: datetime, words: tuple[str, ...], seed: int, ctx: dict | None = None) -> dict:
    title, summary, content = shaped(s, out, words, ctx or {})
    tag = digest(seed, out.feed, s["id"])[:10]
    local = at.astimezone(zone(out))
    return {
        "outlet": out.name,
        "feed": out.feed,
        "title": title,
        "link": f"https://{out.host}/{local:%Y/%m}/{tag}",
        "guid": f"{out.feed}:{tag}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_words": list(words),
        "_kind": s["kind"],
    }


def dump(rows: list[dict]) -> str:
    keys = [
        "id",
        "outlet",
        "feed",
        "title",
        "link",
        "guid",
        "published",
        "summary",
        "content",
        "lang",
        "story",
        "event",
    ]
    return "".join(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], by_id: dict[str, dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    same_event = sum(
        per_story[a] * per_story[b] for ss in events.values() for a, b in itertools.combinations(sorted(ss), 2)
    )
    negative = sum(
        per_story[s["id"]] * per_story[s["against"]]
        for s in by_id.values()
        if s["kind"] in ("deskpatternpeer", "nextdayfactshift")
    )
    langs = Counter(r["lang"] for r in rows)
    en = langs["en"] * 100 // len(rows)
    sizes = Counter(per_story.values())
    words = Counter(w for r in rows for w in r["_words"])
    kinds = Counter(s["kind"] for s in by_id.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  (en {en}%)",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
        print(stats(rows, resolve(src["stories"])))


if __name__ == "__main__":
    main()
