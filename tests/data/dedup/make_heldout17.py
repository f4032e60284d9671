"""Build held-out dedup set v17 (`heldout17.jsonl`) from `heldout17_source.yaml`.

Each story is emitted at its origin outlet, then once per copy recipe `"feed minutes word word"`: the
words are applied in order to the copy. Deterministic (no clock; random choices from the set's seed,
link numbers and GUIDs from a CRC). `--stats` regenerates in memory, fails if the committed file
differs, and prints the counts.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout17_source.yaml"
OUT = HERE / "heldout17.jsonl"
SAME = {"original", "independent"}
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
SENTENCE = re.compile(r"(?<=[.!?»”])\s+(?=[A-ZÀ-ÝĈĜĤĴŜŬƐƔА-ЯІЇЄҐ«“])")
NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# Keyboard substitutes a copy may type for letters its desk's layout lacks (all the same story):
# Esperanto's x-system, Kabyle without the Berber Latin letters, Rusyn without ы/ї, Breton's c'h with ’.
FLAT = {
    "xsystem": {"ĉ": "cx", "ĝ": "gx", "ĥ": "hx", "ĵ": "jx", "ŝ": "sx", "ŭ": "ux", "Ĉ": "Cx", "Ĝ": "Gx", "Ŝ": "Sx"},
    "kabflat": dict(zip("ɛɣƐƔḤḍṭẓḥṛṣčǧ", "egEGHdtzhrscj", strict=True)),
    "rueflat": {"ы": "и", "Ы": "И", "ї": "і", "ё": "е", "ӱ": "у"},
    "chapos": {"c'h": "c’h", "C'h": "C’h"},
}


@dataclass
class Copy:
    """One entry while its recipe is applied: headline, paragraphs, lines above and below, and body form."""

    title: str
    paras: list[str]
    link: str
    plain: bool
    head: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    summary_only: bool = False
    glued: bool = False
    markup: str = ""  # "", "xliff", "ssml" or "mailquote": how the body is wrapped when rendered
    eol: str = "\n\n"

    def body(self) -> str:
        paras = self.head + self.paras + self.tail
        if self.markup == "mailquote":
            return "\n>\n".join("> " + p for p in paras)
        if self.markup == "xliff":
            units = (
                f'<trans-unit id="{n}"><source>{html.escape(p, False)}</source></trans-unit>'
                for n, p in enumerate(paras, 1)
            )
            return "<body>\n" + "\n".join(units) + "\n</body>"
        if self.markup == "ssml":
            return "<speak>" + "".join(f"<p><s>{html.escape(p, False)}</s></p>" for p in paras) + "</speak>"
        if self.plain:
            return ("" if self.glued else self.eol).join(paras)
        return ("" if self.glued else "\n").join(f"<p>{p}</p>" for p in paras)

    def seen(self) -> tuple[str, str, str, str]:
        return self.title, "" if self.summary_only else self.body(), self.link, str(self.summary_only)


Word = Callable[[Copy, dict, random.Random], None]


def _map_text(c: Copy, fn: Callable[[str], str], title: bool = True) -> None:
    c.paras = [fn(p) for p in c.paras]
    c.head, c.tail = [fn(p) for p in c.head], [fn(p) for p in c.tail]
    if title:
        c.title = fn(c.title)


def _swap(text: str, table: dict[str, str]) -> str:
    for a, b in table.items():
        text = text.replace(a, b)
    return text


def _readmore(c: Copy, ctx: dict, rng: random.Random) -> None:
    half = c.paras[1].split()
    c.paras = [c.paras[0], " ".join(half[: len(half) // 2]) + " …"]
    c.tail = [ctx["desk"]["more"]]


def _chapters(c: Copy, ctx: dict, rng: random.Random) -> None:
    c.head = [f"{ctx['desk']['episode']} {rng.randint(12, 140)} · {c.title}", *c.head]
    c.paras = [f"({n * 2 + rng.randint(0, 1):02d}:{rng.randint(0, 59):02d}) {p}" for n, p in enumerate(c.paras)]


def _channelpost(c: Copy, ctx: dict, rng: random.Random) -> None:
    c.head = [f"📢 {ctx['name']}", *c.head]
    c.tail = [*c.tail, f"👁 {rng.randint(11, 99) / 10:.1f}K · 🔁 {rng.randint(3, 80)}"]


def _cattags(c: Copy, ctx: dict, rng: random.Random) -> None:
    tags = iter(range(1, 999))  # a CAT tool numbers its inline placeholders through the whole text

    def tag(m: re.Match) -> str:
        n = next(tags)
        return f"{{{n}}}{m.group()}{{/{n}}}"

    c.paras = [NUMBER.sub(tag, p) for p in c.paras]


def _entities(c: Copy, ctx: dict, rng: random.Random) -> None:
    _map_text(c, lambda t: "".join(f"&#{ord(ch)};" if ch in "“”„’«»—–" else ch for ch in t), title=False)


def _sentlines(c: Copy, ctx: dict, rng: random.Random) -> None:
    c.paras = [s for p in c.paras for s in SENTENCE.split(p)]


def _pagemarks(c: Copy, ctx: dict, rng: random.Random) -> None:
    page = rng.randint(2, 30)  # a scanned print archive keeps the page numbers between blocks
    marked = [c.paras[0]]
    for n, p in enumerate(c.paras[1:]):
        marked += [f"— {page + n} —", p]
    c.paras = marked


def _crlf(c: Copy, ctx: dict, rng: random.Random) -> None:
    c.plain, c.eol = True, "\r\n\r\n"


def _indent(c: Copy, ctx: dict, rng: random.Random) -> None:
    c.plain = True
    _map_text(c, lambda t: "    " + t, title=False)


def _flat(table: dict[str, str]) -> Word:
    return lambda c, ctx, rng: _map_text(c, lambda t: _swap(t, table))


def _tracking(c: Copy, ctx: dict, rng: random.Random) -> None:
    source = rng.choice(["feed", "newsletter", "telegram"])
    c.link += f"?utm_source={source}&utm_medium=syndication&utm_campaign=c{rng.randint(100, 999)}"


WORDS: dict[str, Word] = {
    "dateline-strip": lambda c, x, r: c.paras.__setitem__(0, c.paras[0].split(" — ", 1)[1]),
    "byline": lambda c, x, r: c.head.append(f"{x['desk']['by']} {r.choice(x['desk']['names'])}"),
    "credit": lambda c, x, r: c.tail.append(x["desk"]["credit"].format(x["origin"])),
    "tracking": _tracking,
    "amp": lambda c, x, r: setattr(c, "link", c.link.replace("://", "://amp.", 1) + "/amp"),
    "trim": lambda c, x, r: c.paras.__delitem__(-1),
    "readmore": _readmore,
    "summary-only": lambda c, x, r: setattr(c, "summary_only", True),
    "alt": lambda c, x, r: setattr(c, "title", x["alt"]),
    "plain": lambda c, x, r: setattr(c, "plain", True),
    "glued": lambda c, x, r: setattr(c, "glued", True),
    "quotes": lambda c, x, r: _map_text(c, lambda t: re.sub("[“”„«»]", '"', t).replace("’", "'")),
    "entities": _entities,
    # kinds the README shows no earlier set used
    "sentlines": _sentlines,
    "srlabel": lambda c, x, r: c.head.insert(0, x["desk"]["sr"]),
    "channelpost": _channelpost,
    "chapters": _chapters,
    "langtag": lambda c, x, r: setattr(c, "title", f"[{x['lang'].upper()}] {c.title}"),
    "mailquote": lambda c, x, r: setattr(c, "markup", "mailquote"),
    "xliff": lambda c, x, r: setattr(c, "markup", "xliff"),
    "ssml": lambda c, x, r: setattr(c, "markup", "ssml"),
    "cattags": _cattags,
    "tmscore": lambda c, x, r: setattr(c, "paras", [f"[{r.choice([100, 101, 99])}%] {p}" for p in c.paras]),
    "pagemarks": _pagemarks,
    "boldlede": lambda c, x, r: c.paras.__setitem__(
        0, f"<strong>{c.paras[0]}</strong>" if not c.plain else f"**{c.paras[0]}**"
    ),
    "crlf": _crlf,
    "indent": _indent,
    **{word: _flat(table) for word, table in FLAT.items()},
}


def summary_of(c: Copy) -> str:
    first = re.sub(r"<[^>]+>", "", (c.head + c.paras)[0] if c.summary_only else c.paras[0]).strip()
    if len(first) <= 240:
        return first
    return first[:240].rsplit(" ", 1)[0] + " …"


def link_of(feed: str, story: str) -> str:
    return f"https://{feed}.example/{story.split('-', 1)[1]}-{zlib.crc32((feed + story).encode()) % 90000 + 10000}"


def guid_of(feed: str, link: str) -> str:
    n = zlib.crc32(link.encode())
    style = zlib.crc32(feed.encode()) % 4
    return [
        link,
        f"tag:{feed}.example,2026:{n}",
        f"urn:uuid:{n:08x}-17aa-4c{n % 100:02d}-8d17-{n:012x}",
        f"https://{feed}.example/?p={n % 100000}",
    ][style]


def entry(outlets: dict, feed: str, story: dict, when: datetime, c: Copy) -> dict:
    zone = timezone(timedelta(minutes=outlets[feed][2]))
    return {
        "outlet": outlets[feed][0],
        "feed": feed,
        "title": c.title,
        "link": c.link,
        "guid": guid_of(feed, c.link),
        "published": when.astimezone(zone).isoformat(),
        "summary": summary_of(c),
        "content": "" if c.summary_only else c.body(),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def fresh(outlets: dict, feed: str, story: dict) -> Copy:
    paras = [p.strip() for p in story["text"].strip().split("\n\n")]
    return Copy(story["title"], paras, link_of(feed, story["id"]), outlets[feed][3] == "plain")


def copy_of(src: dict, outlets: dict, story: dict, recipe: str) -> Copy:
    """Apply a recipe's words in order: each must change the copy, and the copy its original's title or body."""
    feed, minutes, *words = recipe.split()
    rng = random.Random(f"{src['seed']}|{story['id']}|{feed}|{minutes}")
    c = fresh(outlets, feed, story)
    desk = src["desks"][outlets[feed][1]]
    ctx = {"desk": desk, "lang": story["lang"], "alt": story["alt"], "origin": outlets[story["outlet"]][0]}
    ctx["name"] = outlets[feed][0]
    original = c.seen()[:2]
    for word in words:
        before = c.seen()
        WORDS[word](c, ctx, rng)
        if c.seen() == before:
            raise SystemExit(f"{story['id']} {recipe!r}: {word} changed nothing")
    if c.seen()[:2] == original:
        raise SystemExit(f"{story['id']} {recipe!r}: copy has its original's title and body")
    return c


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {feed: (name, lang, offset, style) for feed, name, lang, offset, style in src["outlets"]}
    rows = []
    for story in src["stories"]:
        start = datetime.fromisoformat(story["time"])
        rows.append((start, entry(outlets, story["outlet"], story, start, fresh(outlets, story["outlet"], story))))
        for recipe in story.get("copies", []):
            when = start + timedelta(minutes=int(recipe.split()[1]))
            rows.append((when, entry(outlets, recipe.split()[0], story, when, copy_of(src, outlets, story, recipe))))
    rows.sort(key=lambda pair: pair[0])
    return [{"id": f"d{n:03d}", **row} for n, (_, row) in enumerate(rows, 1)]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] not in SAME)
    recipes = [c.split()[2:] for s in stories.values() for c in s.get("copies", [])]
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for recipe in recipes for w in recipe)
    multi = lambda groups: sum(len(v) > 1 for v in groups.values())  # noqa: E731
    fmt = lambda counter: ", ".join(f"{k}={v}" for k, v in sorted(counter.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({fmt(kinds)})",
            f"events:                  {len(ev_stories)}  ({multi(ev_stories)} with >=2 stories, "
            f"{multi(ev_langs)} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {hard}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {fmt(words)}",
        ]
    )


def main() -> None:
    rows = build()
    if "--stats" in sys.argv:
        if dump(rows) != OUT.read_text(encoding="utf-8"):
            raise SystemExit("heldout17.jsonl differs from what the generator makes")
    else:
        OUT.write_text(dump(rows), encoding="utf-8")
    print(stats(rows))


if __name__ == "__main__":
    main()
