"""Build held-out v49 (`heldout49.jsonl`), short briefs as carriers that re-shape short text pass them on.

Reads `heldout49_source.yaml` (hand-written fiction) and emits each story at its origin outlet, then a
fixed number of copies per kind at carrier outlets carrying its language. A copy's recipe is 2-3 of its
outlet's 3 style words, applied in the source's `words` order; a recipe where a word changes nothing
(hidden) or that keeps the original's title and body is passed over. Seeded, so the file is
byte-for-byte reproducible:

    python tests/data/dedup/make_heldout49.py          # rewrites heldout49.jsonl
    python tests/data/dedup/make_heldout49.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout49_source.yaml"
OUT = HERE / "heldout49.jsonl"
PREFIX = "os"
NEGATIVE = ("samedeskotherfigures", "nextdaybackground", "weekinbrief")
# minutes after the story a rewrite or designed negative appears
AFTER = {
    "english": 100,
    "independent": 115,
    "side": 130,
    "samedeskotherfigures": 360,
    "nextdaybackground": 1560,
    "weekinbrief": 4320,
}
SMS_LIMIT = 150


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | str
    words: tuple[str, ...]
    cut: int

    def carries(self, lang: str) -> bool:
        return self.langs == "all" or lang in self.langs


@dataclass(frozen=True)
class Copy:
    title: str
    blocks: tuple[str, ...]


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(src: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, words, cut in src["outlets"]:
        found[feed] = Outlet(
            feed, name, host, offset, body, langs if langs == "all" else tuple(langs), tuple(words), cut
        )
    return found


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.strip().split("\n\n") if p.strip())


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Each story with its own title and text; a designed negative is its base with `set` and `lede` applied."""
    by_id = {s["id"]: s for s in stories}
    for s in stories:
        if "derive" not in s:
            continue
        base = by_id[s["derive"]]
        title, text = base["title"], base["text"]
        for old, new in s.get("set", []):
            if old not in title and old not in text:
                raise ValueError(f"{s['id']}: phrase not in base: {old}")
            title, text = title.replace(old, new), text.replace(old, new)
        if "lede" in s:
            text = "\n\n".join((s["lede"], *paragraphs(text)[1:]))
        s.update(title=title, text=text, lang=base["lang"], outlet=base["outlet"])
    return by_id


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def apply(word: str, c: Copy, ctx: dict) -> Copy:
    lang, blocks = ctx["lang"], c.blocks
    if word == "sectiontag":
        return Copy(f"[{ctx['section'][lang]}] {c.title}", blocks)
    if word == "uppercasetitle":
        return Copy(c.title.upper(), blocks)
    if word == "reorderkeyfirst":
        return Copy(c.title, (blocks[-1], *blocks[:-1]))
    if word == "squarebulletlines":
        return Copy(c.title, tuple(f"◾ {b}" for b in blocks))
    if word == "numberedlines":
        return Copy(c.title, tuple(f"{i}. {b}" for i, b in enumerate(blocks, 1)))
    if word == "livestamplines":
        local = ctx["local"]
        stamps = [(local - timedelta(minutes=4 * (len(blocks) - i))).strftime("%H:%M") for i in range(len(blocks))]
        return Copy(c.title, tuple(f"{t} · {b}" for t, b in zip(stamps, blocks, strict=True)))
    if word == "amendednotice":
        return Copy(c.title, (*blocks, ctx["amended"][lang]))
    if word == "quotecardonly":
        return Copy(c.title, (f"“{blocks[0]}” — {ctx['origin']}",))
    if word == "plaintextversion":
        return Copy(c.title, (f"Plain text version: {c.title}", *blocks, "End of plain text."))
    if word == "smsrelaycut":
        line = fold(" / ".join(blocks))
        return Copy(c.title, (line if len(line) <= SMS_LIMIT else line[: SMS_LIMIT - 2].rstrip() + "..",))
    raise ValueError(f"unknown recipe word: {word}")


def render(c: Copy, outlet: Outlet) -> tuple[str, str]:
    """(summary, content) as the outlet prints a copy's blocks."""
    if outlet.body == "none":
        summary = "\n".join(c.blocks)
        if outlet.cut and len(summary) > outlet.cut:
            summary = summary[: outlet.cut].rstrip() + " …"
        return summary, ""
    if outlet.body == "html":
        return c.blocks[0], "".join(f"<p>{b}</p>" for b in c.blocks)
    return c.blocks[0], "\n\n".join(c.blocks)


def made(recipe: tuple[str, ...], base: Copy, outlet: Outlet, ctx: dict) -> tuple[str, str, str]:
    c = base
    for w in recipe:
        c = apply(w, c, ctx)
    return (c.title, *render(c, outlet))


def usable(recipe: tuple[str, ...], base: Copy, outlet: Outlet, ctx: dict, original: tuple[str, str]) -> bool:
    """No word hidden (dropping any one gives another result) and the title or body changes."""
    full = made(recipe, base, outlet, ctx)
    if (full[0], full[2]) == original:
        return False
    return all(made(tuple(w for w in recipe if w != drop), base, outlet, ctx) != full for drop in recipe)


def rng_for(seed: str, key: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:8], "big"))


def times_of(src: dict, stories: dict[str, dict]) -> dict[str, datetime]:
    start = datetime.fromisoformat(src["start"])
    when: dict[str, datetime] = {}
    originals = [s for s in stories.values() if s["kind"] == "original"]
    for day, s in enumerate(originals):
        when[s["id"]] = start + timedelta(days=day, minutes=37 * (day % 5))
    for s in stories.values():
        if s["kind"] != "original":
            when[s["id"]] = when[s["against"]] + timedelta(minutes=AFTER[s["kind"]])
    return when


def entry(outlet: Outlet, s: dict, n: int, at: datetime, title: str, summary: str, content: str) -> dict:
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": f"https://{outlet.host}/{local:%Y/%m/%d}/{s['id']}-{n}",
        "guid": f"{outlet.feed}:{s['id']}:{n}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_recipe": (),
    }


def copies_of(src: dict, s: dict, outlets: dict[str, Outlet], at: datetime, first: dict) -> list[dict]:
    rng = rng_for(src["seed"], s["id"])
    want = src["copies"][s["kind"]]
    base = Copy(s["title"], paragraphs(s["text"]))
    carriers = sorted((o for o in outlets.values() if o.words and o.carries(s["lang"])), key=lambda o: o.feed)
    rng.shuffle(carriers)
    found: list[dict] = []
    for outlet in carriers:
        if len(found) == want:
            break
        when = at + timedelta(minutes=rng.randint(20, 138))
        ctx = {
            "lang": s["lang"],
            "section": src["section"],
            "amended": src["amended"],
            "origin": outlets[s["outlet"]].name,
            "local": when.astimezone(timezone(timedelta(minutes=outlet.offset))),
        }
        recipes = [r for k in (2, 3) for r in itertools.combinations(outlet.words, k)]
        recipes = [tuple(w for w in src["words"] if w in r) for r in recipes]
        rng.shuffle(recipes)
        original = (first["title"], first["content"])
        recipe = next((r for r in recipes if usable(r, base, outlet, ctx, original)), None)
        if recipe is None:
            continue
        title, summary, content = made(recipe, base, outlet, ctx)
        row = entry(outlet, s, len(found) + 1, when, title, summary, content)
        row["_recipe"] = recipe
        found.append(row)
    if len(found) < want:
        raise ValueError(f"{s['id']}: only {len(found)} copies")
    return found


def build() -> list[dict]:
    src = load()
    unknown = {w for o in src["outlets"] for w in o[6]} - set(src["words"])
    if unknown:
        raise ValueError(f"unknown recipe words: {sorted(unknown)}")
    outlets = outlets_of(src)
    stories = resolve(src["stories"])
    when = times_of(src, stories)
    rows: list[dict] = []
    for s in stories.values():
        home = outlets[s["outlet"]]
        blocks = paragraphs(s["text"])
        first = entry(home, s, 0, when[s["id"]], s["title"], *render(Copy(s["title"], blocks), home))
        rows += [first, *copies_of(src, s, outlets, when[s["id"]], first)]
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["story"], r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_recipe"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    negative = sum(
        per_story[i] * per_story[other]
        for i, s in kinds.items()
        if s["kind"] in NEGATIVE
        for other in s.get("quotes", [s["against"]])
    )
    words = Counter(w for r in rows for w in r["_recipe"])
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   "
        + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s["kind"] for s in kinds.values()).items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
