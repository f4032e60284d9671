"""Held-out dedup set v21: applies each copy's recipe words, in order, to a hand-written story of
`heldout21_source.yaml` and writes `heldout21.jsonl` in the 12-key format of `eval.jsonl`.

No clock: bylines, ratings and campaign ids come from `random.Random` seeded with the set's seed, the
story, the feed and the delay; link numbers and GUIDs from a CRC. A recipe word that changes nothing a
reader sees, a word another word of its recipe hides, a recipe of fewer than 2 or more than 3 words, or
a copy with its original's title and body is an error in the source, so the build stops there.

    python make_heldout21.py          # rewrites heldout21.jsonl, prints the counts
    python make_heldout21.py --stats  # regenerates in memory, fails if the file differs, prints the counts
"""

from __future__ import annotations

import json
import random
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout21_source.yaml"
TARGET = HERE / "heldout21.jsonl"
NEGATIVE = {"merger", "dating", "pilot", "passout", "insolvency", "opinionpoll", "torchstage", "breakthrough"}
ENTITIES = {c: f"&#{ord(c)};" for c in "“”‘’„«»—–…"}
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
UDMFLAT = str.maketrans("ӧӝӟӥӵӦӜӞӤӴ", "ожзичОЖЗИЧ")


@dataclass(frozen=True)
class Copy:
    """What a reader sees of one entry while the recipe words are applied."""

    title: str
    place: str  # the dateline's place ("" once stripped)
    sep: str  # between the place and the lede
    paras: tuple[str, ...]
    top: tuple[str, ...] = ()
    bottom: tuple[str, ...] = ()
    host: str = ""
    path: str = ""
    query: str = ""
    plain: bool = False
    glued: bool = False
    summary_only: bool = False
    bom: bool = False
    entities: bool = False

    @property
    def link(self) -> str:
        return f"https://{self.host}{self.path}{self.query}"

    def blocks(self) -> list[str]:
        lede = f"{self.place}{self.sep}{self.paras[0]}" if self.place else self.paras[0]
        return [*self.top, lede, *self.paras[1:], *self.bottom]

    def content(self) -> str:
        if self.summary_only:
            return ""
        if self.plain:
            body = ("\n" if self.glued else "\n\n").join(self.blocks())
        else:
            body = ("" if self.glued else "\n").join(f"<p>{b}</p>" for b in self.blocks())
            if self.entities:
                body = "".join(ENTITIES.get(c, c) for c in body)
        return ("\ufeff" if self.bom else "") + body

    def seen(self) -> tuple[str, str, str, str]:
        return self.title, self.content(), self.link, summary_of(self)


@dataclass
class Ctx:
    """What a recipe word may need besides the copy: the desk's strings, the origin, a seeded rng."""

    desk: dict
    origin_name: str
    origin_link: str
    alt: str
    rng: random.Random
    feed: str
    seed: str  # the copy's own: set, story, feed and delay
    when: str  # the origin's UTC time, as an embargo line prints it


def _all(c: Copy, f) -> Copy:
    """Apply the text function `f` to everything a reader sees."""
    return replace(
        c,
        title=f(c.title),
        place=f(c.place),
        sep=f(c.sep),
        paras=tuple(map(f, c.paras)),
        top=tuple(map(f, c.top)),
        bottom=tuple(map(f, c.bottom)),
    )


def _readmore(c: Copy, x: Ctx) -> Copy:
    words = c.paras[1].split()
    half = " ".join(words[: max(3, len(words) // 2)]) + "…"
    more = x.desk["more"]
    tail = f"{more}: {x.origin_link}" if c.plain else f'<a href="{x.origin_link}">{more}</a>'
    return replace(c, paras=(c.paras[0], half), bottom=(*c.bottom, tail))


def _plain(c: Copy, x: Ctx) -> Copy:
    assert not any("<a href" in b for b in c.bottom), "plain must come before readmore"
    return replace(c, plain=True)


def _elide(c: Copy, x: Ctx) -> Copy:
    assert len(c.paras) >= 3
    return replace(c, paras=(c.paras[0], "[…]", c.paras[-1]))


def _insert(c: Copy, at: int, line: str) -> Copy:
    return replace(c, paras=(*c.paras[:at], line, *c.paras[at:]))


def _stars(c: Copy, x: Ctx) -> Copy:
    score, votes = x.rng.randint(36, 49), x.rng.randint(12, 480)
    full = score // 10 + (score % 10 >= 5)
    line = f"{'★' * full}{'☆' * (5 - full)} {score // 10}.{score % 10} · {votes} {x.desk['ratings']}"
    return replace(c, bottom=(*c.bottom, line))


def _byline(c: Copy, x: Ctx) -> Copy:
    return replace(c, top=(*c.top, f"{x.desk['by']} {x.rng.choice(x.desk['bylines'])}"))


def _tracking(c: Copy, x: Ctx) -> Copy:
    campaign = f"{x.feed}-{x.rng.randint(1000, 9999)}"
    return replace(c, query=f"?utm_source=feed&utm_medium=rss&utm_campaign={campaign}")


WORDS = {
    "dateline-strip": lambda c, x: replace(c, place="", sep=""),
    "byline": _byline,
    "credit": lambda c, x: replace(c, bottom=(*c.bottom, x.desk["credit"].format(o=x.origin_name))),
    "tracking": _tracking,
    "amp": lambda c, x: replace(c, host="amp." + c.host, path=c.path + "/amp"),
    "trim": lambda c, x: replace(c, paras=c.paras[:-1]),
    "readmore": _readmore,
    "summary-only": lambda c, x: replace(c, summary_only=True),
    "alt": lambda c, x: replace(c, title=x.alt),
    "plain": _plain,
    "glued": lambda c, x: replace(c, glued=True),
    "quotes": lambda c, x: _all(c, lambda s: s.translate(STRAIGHT)),
    "entities": lambda c, x: replace(c, entities=True),
    "udmflat": lambda c, x: _all(c, lambda s: s.translate(UDMFLAT)),
    # Kinds no earlier set used (README, v21 section).
    "asciidash": lambda c, x: _all(c, lambda s: s.replace("—", "--").replace("–", "-")),
    "bom": lambda c, x: replace(c, bom=True),
    "capsdateline": lambda c, x: replace(c, place=c.place.upper()),
    "elide": _elide,
    "stopline": lambda c, x: replace(c, bottom=(*c.bottom, x.desk["stop"])),
    "stars": _stars,
    "donate": lambda c, x: _insert(c, 2, "💚 " + x.desk["donate"]),
    "qrline": lambda c, x: replace(c, bottom=(*c.bottom, f"▣ {x.desk['qr']}: {x.origin_link}")),
    "pinned": lambda c, x: replace(c, top=("📌 " + x.desk["pinned"], *c.top)),
    "signvideo": lambda c, x: _insert(c, 1, "🤟 " + x.desk["sign"]),
    "embargo": lambda c, x: replace(c, top=(f"{x.desk['embargo']} {x.when} UTC", *c.top)),
    "fundline": lambda c, x: replace(c, bottom=(*c.bottom, x.desk["fund"])),
}


def summary_of(c: Copy) -> str:
    """The text's first 200 characters, paragraphs joined by a space, cut at a word with `…`."""
    text = " ".join(c.blocks())
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + "…"
    if c.entities and not c.plain:  # encoded after the cut, so no entity is cut in half
        text = "".join(ENTITIES.get(ch, ch) for ch in text)
    return text


def origin_copy(s: dict, outlet: list) -> Copy:
    place, sep, lede = s["text"].strip().partition(" — ")
    assert sep, s["id"]
    paras = tuple(p.strip().replace("\n", " ") for p in lede.split("\n\n"))
    path = f"/{s['time'][:4]}/{s['time'][5:7]}/{s['id']}-{zlib.crc32(s['id'].encode()) % 90000 + 10000}"
    return Copy(s["title"], place, " — ", paras, host=f"{outlet[0]}.example", path=path, plain=outlet[4] == "plain")


def guid(feed: str, link: str, n: int) -> str:
    """One GUID style per outlet, chosen by the feed's CRC; the number from the link's."""
    crc = zlib.crc32(link.encode())
    styles = (f"{feed}-{crc:08x}", f"tag:{feed}.example,2026:{crc % 1000000}", f"{link}#g{n}", f"urn:uuid:{crc:08x}-21")
    return styles[zlib.crc32(feed.encode()) % 4]


def apply(c: Copy, words: list[str], x: Ctx, strict: bool = True) -> Copy:
    """The recipe words in order; each must change what a reader sees (title, body, link or summary)."""
    x.rng.seed(x.seed)
    for w in words:
        before, c = c.seen(), WORDS[w](c, x)
        assert c.seen() != before or not strict, w
    return c


def entries_of(s: dict, outlets: dict, desks: dict, seed: int) -> list[dict]:
    origin = outlets[s["outlet"]]
    base = origin_copy(s, origin)
    start = datetime.fromisoformat(s["time"]).replace(tzinfo=UTC)
    made = [(s["outlet"], 0, base)]
    for recipe in s.get("copies", []):
        feed, delay, *words = recipe.split()
        assert 2 <= len(words) <= 3, (s["id"], recipe)
        out = outlets[feed]
        start_copy = replace(base, host=f"{feed}.example", plain=out[4] == "plain")
        key, when = f"{seed}:{s['id']}:{feed}:{delay}", s["time"].replace("T", " ")
        x = Ctx(desks[out[2]], origin[1], base.link, s["alt"], random.Random(), feed, key, when)
        c = apply(start_copy, words, x)
        for i, w in enumerate(words):  # no word another word hides
            assert apply(start_copy, words[:i] + words[i + 1 :], x, False).seen() != c.seen(), (s["id"], feed, w)
        assert (c.title, c.content()) != (base.title, base.content()), (s["id"], feed)
        made.append((feed, int(delay), c))
    rows = []
    for feed, delay, c in made:
        out = outlets[feed]
        when = (start + timedelta(minutes=delay)).astimezone(timezone(timedelta(minutes=out[3])))
        row = {"outlet": out[1], "feed": feed, "title": c.title, "link": c.link, "guid": guid(feed, c.link, delay)}
        row |= {"published": when.isoformat(), "summary": summary_of(c), "content": c.content(), "lang": s["lang"]}
        rows.append(row | {"story": s["id"], "event": s["event"]})
    return rows


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def build() -> list[dict]:
    src = load()
    outlets = {o[0]: o for o in src["outlets"]}
    rows = [r for s in src["stories"] for r in entries_of(s, outlets, src["desks"], src["seed"])]
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))  # stable: story order breaks ties
    keys = ["outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
    return [{"id": f"m{i:03d}"} | {k: r[k] for k in keys} for i, r in enumerate(rows, 1)]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev_stories = Counter(s["event"] for s in stories.values())
    ev_langs = {e: {s["lang"] for s in stories.values() if s["event"] == e} for e in ev_stories}
    langs = Counter(r["lang"] for r in rows)
    neg = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    recipes = [c.split()[2:] for s in stories.values() for c in s.get("copies", [])]
    words = Counter(w for r in recipes for w in r)
    kinds = Counter(s["kind"] for s in stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(stories)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
        f"events:                  {len(ev_stories)}  ({sum(v > 1 for v in ev_stories.values())} with >=2 stories, "
        f"{sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
        f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative entry pairs (designed, other event): {neg}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {round(100 * langs['en'] / len(rows))}%)",
        f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = dump(build())
    if "--stats" in argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print("heldout21.jsonl differs from what the generator makes", file=sys.stderr)
            return 1
    else:
        TARGET.write_text(text, encoding="utf-8")
    print(stats([json.loads(line) for line in text.splitlines()]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
