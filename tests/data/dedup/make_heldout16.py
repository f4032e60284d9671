"""Build held-out dedup set v16 (`heldout16.jsonl`) from `heldout16_source.yaml`.

Each story is emitted at its origin outlet, then once per copy recipe ("feed minutes words…"),
applying the recipe words in order. Deterministic: no clock; bylines and campaign numbers come from
`random.Random` seeded with the set's seed, story, feed and delay; link numbers and GUIDs from a CRC.
Every recipe word must change its copy, and every copy must change the title or the body.

    python tests/data/dedup/make_heldout16.py          # rewrites heldout16.jsonl, prints the counts
    python tests/data/dedup/make_heldout16.py --stats  # counts for the committed file (fails if stale)
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout16_source.yaml"
OUT = HERE / "heldout16.jsonl"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
DATELINE = re.compile(r"^[^—\n]{2,45} — ")
QUOTED = re.compile(r"“[^”]+”|«[^»]+»")
STRAIGHT = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
ENTITIES = {
    "“": "&#8220;",
    "”": "&#8221;",
    "‘": "&#8216;",
    "’": "&#8217;",
    "—": "&#8212;",
    "«": "&#171;",
    "»": "&#187;",
}
# Tongan written without fakauʻa and macrons, as many phones and old sites print it.
NO_FAKAUA = {
    "ʻ": "",
    "ā": "a",
    "ē": "e",
    "ī": "i",
    "ō": "o",
    "ū": "u",
    "Ā": "A",
    "Ē": "E",
    "Ī": "I",
    "Ō": "O",
    "Ū": "U",
}
# Bashkir typed on a Russian keyboard: the letters Russian lacks replaced by their look-alikes.
RU_LIKE = dict(zip("ҡҠңҢғҒҙҘҫҪһҺәӘөӨүҮ", "кКнНгГзЗсСхХэЭоОуУ", strict=True))


@dataclass(frozen=True)
class Copy:
    """A copy being made: headline, blocks (kind, text), link and how the body is rendered."""

    title: str
    blocks: list[tuple[str, str]]
    link: str
    style: str
    glued: bool = False
    entities: bool = False
    attrs: bool = False
    summary_only: bool = False


def swap(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in text)


def on_body(c: Copy, fn) -> Copy:
    return replace(c, blocks=[(k, fn(t) if k == "p" else t) for k, t in c.blocks])


def on_paragraphs(c: Copy, fn) -> Copy:
    """Headline and body alike: how a keyboard or a typing habit changes text."""
    return on_body(replace(c, title=fn(c.title)), fn)


def p_indexes(c: Copy) -> list[int]:
    return [i for i, (k, _) in enumerate(c.blocks) if k == "p"]


def insert(c: Copy, at: int, block: tuple[str, str]) -> Copy:
    return replace(c, blocks=[*c.blocks[:at], block, *c.blocks[at:]])


def readmore(c: Copy, more: str) -> Copy:
    ps = [t for k, t in c.blocks if k == "p"]
    words = ps[1].split()
    return replace(c, blocks=[("p", ps[0]), ("p", " ".join(words[: len(words) // 2]) + " …"), ("extra", more)])


def midheads(c: Copy) -> Copy:
    """A subheading every two paragraphs: the next paragraph's first three words, as some CMSs make them."""
    out: list[tuple[str, str]] = []
    seen = 0
    for k, t in c.blocks:
        if k == "p" and seen and seen % 2 == 0:
            out.append(("h3", re.sub(r"[^\w\s'ʻ-]", "", " ".join(t.split()[:3]))))
        out.append((k, t))
        seen += k == "p"
    return replace(c, blocks=out)


def asterism(c: Copy) -> Copy:
    out: list[tuple[str, str]] = []
    for k, t in c.blocks:
        if k == "p" and any(b[0] == "p" for b in out):
            out.append(("rule", "* * *"))
        out.append((k, t))
    return replace(c, blocks=out)


def wikilinks(c: Copy, places: list[str]) -> Copy:
    def link(t: str) -> str:
        for place in places:
            t = re.sub(rf"(?<!\[){re.escape(place)}", f"[[{place}]]", t)
        return t

    return on_body(c, link)


def apply(word: str, c: Copy, s: dict, src: dict, out: dict, desk: dict, rng: random.Random) -> Copy:
    ps = p_indexes(c)
    if word == "dateline-strip":
        return replace(c, blocks=[(k, DATELINE.sub("", t) if i == ps[0] else t) for i, (k, t) in enumerate(c.blocks)])
    if word == "byline":
        return insert(c, 0, ("extra", f"{desk['by']} {rng.choice(desk['names'])}"))
    if word == "timeago":
        return insert(c, 0, ("extra", "🕒 " + desk["ago"].format(n=rng.randint(2, 9))))
    if word == "credit":
        return insert(c, len(c.blocks), ("extra", desk["credit"].format(src=src["name"])))
    if word == "pollbox":
        return insert(c, len(c.blocks), ("poll", desk["poll"]))
    if word == "videobox":
        return insert(c, ps[0] + 1, ("video", f"{desk['video']} · {c.title}"))
    if word == "tracking":
        sep = "&" if "?" in c.link else "?"
        campaign = f"utm_source={out['feed']}&utm_medium=rss&utm_campaign=n{rng.randint(1000, 9999)}"
        return replace(c, link=f"{c.link}{sep}{campaign}")
    if word == "amp":
        return replace(c, link=c.link.replace("://www.", "://amp.", 1) + "/amp")
    if word == "trim":
        return replace(c, blocks=c.blocks[: ps[-1]] + c.blocks[ps[-1] + 1 :])
    if word == "readmore":
        return readmore(c, desk["more"])
    if word == "mergelede":
        merged = c.blocks[ps[0]][1] + " " + c.blocks[ps[1]][1]
        rest = [b for i, b in enumerate(c.blocks) if i not in ps[:2]]
        return replace(c, blocks=[*rest[: ps[0]], ("p", merged), *rest[ps[0] :]])
    if word == "corrfig":
        old, new, line = s["fix"]
        c = on_paragraphs(c, lambda t: t.replace(old, new))  # the headline too, where it carries the figure
        return insert(c, len(c.blocks), ("extra", line))
    tables = {"quotes": STRAIGHT, "nofakaua": NO_FAKAUA, "rulike": RU_LIKE, "smartokina": {"ʻ": "‘"}}
    if word in tables:
        return on_paragraphs(c, lambda t: swap(t, tables[word]))
    simple = {
        "summary-only": lambda: replace(c, summary_only=True),
        "alt": lambda: replace(c, title=s["alt"]),
        "slugtitle": lambda: replace(c, title=slug(s).replace("-", " ").capitalize()),
        "plain": lambda: replace(c, style="plain"),
        "glued": lambda: replace(c, glued=True),
        "entities": lambda: replace(c, entities=True),
        "pattrs": lambda: replace(c, attrs=True),
        "midheads": lambda: midheads(c),
        "asterism": lambda: asterism(c),
        "wikilinks": lambda: wikilinks(c, s["places"]),
        "strongquotes": lambda: on_body(c, lambda t: QUOTED.sub(r"<strong>\g<0></strong>", t)),
    }
    if word not in simple:
        raise ValueError(f"unknown recipe word {word!r} in {s['id']}")
    return simple[word]()


def slug(s: dict) -> str:
    return s["id"].split("-", 1)[1]


def render_block(kind: str, text: str, n: int, c: Copy, host: str) -> str:
    if c.style == "plain":
        text = re.sub(r"<[^>]+>", "", text)
        return {"video": f"▶ {text}", "poll": f"📊 {text} 👍 / 👎"}.get(kind, text)
    if kind == "h3":
        return f"<h3>{text}</h3>"
    if kind == "video":
        frame = f'<iframe src="https://video.{host}/embed/{zlib.crc32(text.encode()) % 100000}"></iframe>'
        return f'<figure class="video">{frame}<figcaption>▶ {text}</figcaption></figure>'
    if kind == "poll":
        return f'<form class="poll"><p>📊 {text}</p><button>👍</button><button>👎</button></form>'
    attrs = f' class="body-text" id="para-{n}"' if c.attrs and kind == "p" else ""
    return f"<p{attrs}>{text}</p>"


def render(c: Copy, host: str) -> tuple[str, str, str, str]:
    """(title, summary, content, link) as the feed carries them."""
    parts = [render_block(k, t, i + 1, c, host) for i, (k, t) in enumerate(c.blocks)]
    content = ("" if c.glued else "\n" if c.style == "p" else "\n\n").join(parts)
    if c.entities and c.style == "p":
        content = swap(content, ENTITIES)
    lede = re.sub(r"<[^>]+>", "", next(t for k, t in c.blocks if k == "p"))
    summary = lede if len(lede) <= 200 else lede[:200].rsplit(" ", 1)[0] + " …"
    return c.title, summary, "" if c.summary_only else content, c.link


def build() -> list[dict]:
    src_data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    seed, desks = src_data["seed"], src_data["desk"]
    outlets = {
        o[0]: dict(zip(["feed", "name", "lang", "offset", "style"], o, strict=True)) for o in src_data["outlets"]
    }
    rows = []
    for s in src_data["stories"]:
        src = outlets[s["outlet"]]
        start = datetime.fromisoformat(s["time"]).replace(tzinfo=UTC)
        paragraphs = [p.strip() for p in s["text"].strip().split("\n\n")]
        base = Copy(s["title"], [("p", p) for p in paragraphs], "", src["style"])
        rows.append(row(s, src, base, start, 0))
        for recipe in s.get("copies", []):
            feed, delay, *words = recipe.split()
            out = outlets[feed]
            rng = random.Random(f"{seed}|{s['id']}|{feed}|{delay}")
            c = replace(base, style=out["style"], link=link_of(s, out, start))
            original = render(replace(base, link=c.link), host_of(out))
            for w in words:
                before = render(c, host_of(out))
                c = apply(w, c, s, src, out, desks[out["lang"]], rng)
                if render(c, host_of(out)) == before:
                    raise ValueError(f"{s['id']} at {feed}: {w} changed nothing")
            made = render(c, host_of(out))
            if (made[0], made[2]) == (original[0], original[2]):
                raise ValueError(f"{s['id']} at {feed}: copy equals its original")
            rows.append(row(s, out, c, start, int(delay)))
    rows.sort(key=lambda r: (r.pop("_utc"), r["story"], r["feed"]))
    return [{"id": f"f{i:03d}", **r} for i, r in enumerate(rows, 1)]


def host_of(out: dict) -> str:
    return f"{out['feed']}.example"


def link_of(s: dict, out: dict, start: datetime) -> str:
    n = zlib.crc32(f"{s['id']}|{out['feed']}".encode()) % 90000 + 10000
    return f"https://www.{host_of(out)}/{start:%Y/%m}/{slug(s)}-{n}"


def row(s: dict, out: dict, c: Copy, start: datetime, delay: int) -> dict:
    if not c.link:
        c = replace(c, link=link_of(s, out, start))
    title, summary, content, link = render(c, host_of(out))
    utc = start + timedelta(minutes=delay)
    local = utc.astimezone(timezone(timedelta(minutes=out["offset"])))
    crc = zlib.crc32(f"{s['id']}|{out['feed']}|guid".encode())
    styles = [
        f"tag:{host_of(out)},2026:{crc}",
        f"{out['feed']}-{crc % 10**7}",
        f"https://{host_of(out)}/?p={crc % 10**6}",
    ]
    guid = styles[zlib.crc32(out["feed"].encode()) % 3]  # each outlet keeps one GUID style
    values = [out["name"], out["feed"], title, link, guid, local.isoformat(), summary, content, s["lang"]]
    return {**dict(zip(KEYS[1:10], values, strict=True)), "story": s["id"], "event": s["event"], "_utc": utc}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = source["stories"]
    per_story = Counter(r["story"] for r in rows)
    kinds = Counter(s["kind"] for s in stories)
    events: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    negative = {"reading", "monthly", "heats", "landfall", "voyage", "extended", "intake", "pulled"}
    neg_pairs = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories if s["kind"] in negative)
    recipes = [c.split()[2:] for s in stories for c in s.get("copies", [])]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in recipes for w in r)
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(per_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
        f"events:                  {len(events)}  ({sum(len(v) > 1 for v in events.values())} with >=2 stories, "
        f"{sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
        f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative entry pairs (designed, other event): {neg_pairs}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {round(100 * langs['en'] / len(rows))}%)",
        f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    made = dump(build())
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != made:
            sys.exit("heldout16.jsonl differs from what the generator makes; rerun without --stats")
    else:
        OUT.write_text(made, encoding="utf-8")
    print(stats([json.loads(line) for line in made.splitlines()]))


if __name__ == "__main__":
    main()
