"""Build held-out dedup set v20 (`heldout20.jsonl`) from `heldout20_source.yaml`.

Each story is emitted at its origin outlet, then once per copy recipe `"feed minutes word word…"`: the words
are applied in order to the original's title, paragraphs and link. Deterministic: no clock; bylines and counter
figures come from `random.Random` seeded with the set's seed, story, feed and delay; link numbers and GUIDs
from a CRC. Self-contained (stdlib + PyYAML); imports no earlier generator.

    python make_heldout20.py          # rewrites heldout20.jsonl, prints the counts
    python make_heldout20.py --stats  # regenerates in memory, fails if the file differs, prints the counts
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import textwrap
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout20_source.yaml"
OUT = HERE / "heldout20.jsonl"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
NEGATIVE = {"remark", "insurer", "festyear", "timetable", "labtest", "oath", "forecast", "assembly"}
TYPOGRAPHIC = {"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}
SAKHA_FLAT = str.maketrans("өүһҥӨҮҺҤ", "оухнОУХН")
HAWAIIAN_FLAT = str.maketrans({"ʻ": "'", "ā": "a", "ē": "e", "ī": "i", "ō": "o", "ū": "u", "Ā": "A", "Ō": "O"})
TIBETAN_DIGITS = str.maketrans("0123456789", "༠༡༢༣༤༥༦༧༨༩")
SENTENCE_GAP = re.compile(r"(?<=[.!?།”»]) (?=\S)")
# Latin letters and digits as Unicode mathematical sans-serif bold, as social-card text generators write them
MATH_BOLD = str.maketrans(
    {
        chr(base + i): chr(bold + i)
        for base, bold, n in ((65, 0x1D5D4, 26), (97, 0x1D5EE, 26), (48, 0x1D7EC, 10))
        for i in range(n)
    }
)
PREHEADER_FILL = "\u00a0\u200c" * 8  # what e-mail builders pad a preview line with so the body does not leak into it


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    lang: str
    offset: int
    style: str


@dataclass(frozen=True)
class Copy:
    """A copy's state while its recipe words are applied."""

    title: str
    paras: tuple[str, ...]
    link: str
    style: str
    glued: bool = False
    block: str = ""  # a whole-body rewrite (chat log, teletext page) shown as one preformatted block
    summary_only: bool = False


def crc(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode())


def first_sentence(text: str) -> str:
    return SENTENCE_GAP.split(text, maxsplit=1)[0]


def readmore(c: Copy, desk: dict) -> Copy:
    second = c.paras[1]
    return replace(c, paras=(c.paras[0], second[: len(second) // 2].rstrip() + "…", desk["more"]))


def irclog(c: Copy, when: datetime) -> Copy:
    lines = [f"[{(when + timedelta(minutes=i)).strftime('%H:%M')}] <nightjar> {p}" for i, p in enumerate(c.paras)]
    return replace(c, block="\n".join([f"[{when.strftime('%H:%M')}] <nightjar> *** {c.title}", *lines]))


def teletext(c: Copy, outlet: Outlet, page: int) -> Copy:
    lines = [f"P{page} {outlet.name.upper()}", c.title.upper(), ""]
    for p in c.paras:
        lines += [*textwrap.wrap(p, 39), ""]
    return replace(c, block="\n".join(lines).rstrip())


def apply(word: str, c: Copy, s: dict, o: Outlet, origin: Outlet, when: datetime, rng: random.Random, desk: dict):
    """One recipe word; `desk` is the copying outlet's language strings."""
    paras = c.paras
    if word == "dateline-strip":  # the dateline's paragraph, wherever a byline put it
        i = next(i for i, p in enumerate(paras) if " — " in p)
        return replace(c, paras=(*paras[:i], paras[i].split(" — ", 1)[1], *paras[i + 1 :]))
    if word == "byline":
        return replace(c, paras=(f"{desk['by']} {rng.choice(desk['bylines'])}", *paras))
    if word == "credit":
        return replace(c, paras=(*paras, desk["credit"].format(origin.name)))
    if word == "tracking":
        campaign = f"{o.feed[:6]}{rng.randrange(1000, 9999)}"
        return replace(c, link=f"{c.link}?utm_source={o.feed}&utm_medium=feed&utm_campaign={campaign}")
    if word == "amp":
        host, path = c.link.split("://", 1)[1].split("/", 1)
        return replace(c, link=f"https://amp.{host}/{path}/amp")
    if word == "trim":
        return replace(c, paras=paras[:-1])
    if word == "readmore":
        return readmore(c, desk)
    if word == "summary-only":
        return replace(c, summary_only=True)
    if word == "alt":
        return replace(c, title=s["alt"])
    if word == "plain":
        return replace(c, style="plain")
    if word == "glued":
        return replace(c, glued=True)
    if word in ("quotes", "entities"):
        table = TYPOGRAPHIC if word == "quotes" else {ch: f"&#{ord(ch)};" for ch in "“”‘’«»—–"}
        swap = str.maketrans(table)
        return replace(c, paras=tuple(p.translate(swap) for p in paras))
    if word in ("sahflat", "hawflat", "tibdigits"):
        swap = {"sahflat": SAKHA_FLAT, "hawflat": HAWAIIAN_FLAT, "tibdigits": TIBETAN_DIGITS}[word]
        return replace(c, title=c.title.translate(swap), paras=tuple(p.translate(swap) for p in paras))
    if word == "mathbold":
        return replace(c, title=c.title.translate(MATH_BOLD))
    if word == "twospace":
        return replace(c, paras=tuple(SENTENCE_GAP.sub("  ", p) for p in paras))
    if word == "cw":
        return replace(c, paras=(f"CW: {c.title}", *paras))
    if word == "counters":
        return replace(c, paras=(f"👁 {rng.randrange(300, 9000):,} · ↻ {rng.randrange(3, 90)}", *paras))
    if word == "coverage":
        line = f"Coverage: {rng.randrange(3, 9)} sources · first reported by {origin.name}"
        return replace(c, paras=(*paras, line))
    if word == "preheader":
        return replace(c, paras=(first_sentence(paras[0]) + PREHEADER_FILL, *paras))
    if word == "shortlink":
        code = f"{crc(s['id'], o.feed, 'short'):08x}"[:7]
        return replace(c, link=f"https://snip-tern.example/{code}")
    if word == "irclog":
        return irclog(c, when)
    if word == "teletext":
        return teletext(c, o, 100 + crc(s["id"]) % 800)
    raise SystemExit(f"{s['id']}: unknown recipe word {word!r}")


def render(c: Copy) -> tuple[str, str]:
    """(summary, content) as the outlet's feed carries them: the summary is the text's first 200 characters."""
    text = " ".join(c.paras)
    summary = text if len(text) <= 200 else text[:200].rsplit(" ", 1)[0] + "…"
    if c.block:
        body = f"<pre>{html.escape(c.block, quote=False)}</pre>" if c.style == "p" else c.block
    elif c.style == "p":
        body = ("" if c.glued else "\n").join(f"<p>{p}</p>" for p in c.paras)
    else:
        body = ("" if c.glued else "\n\n").join(c.paras)
    return summary, "" if c.summary_only else body


def local(when: datetime, o: Outlet) -> str:
    return when.astimezone(timezone(timedelta(minutes=o.offset))).isoformat()


def guid(s: dict, o: Outlet, link: str) -> str:
    n = crc(s["id"], o.feed)
    return [f"tag:{o.feed}.example,2026:{n}", f"urn:uuid:{n:08x}-20ab-4c{n % 97:02d}-9e{n % 89:02d}-{n:012x}", link][
        crc(o.feed) % 3
    ]


def entry(s: dict, o: Outlet, when: datetime, c: Copy) -> dict:
    summary, content = render(c)
    return {
        "outlet": o.name,
        "feed": o.feed,
        "title": c.title,
        "link": c.link,
        "guid": guid(s, o, c.link),
        "published": local(when, o),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def original_copy(s: dict, o: Outlet, when: datetime) -> Copy:
    paras = tuple(p.strip().replace("\n", " ") for p in s["text"].strip().split("\n\n"))
    link = f"https://{o.feed}.example/{when:%Y/%m}/{s['id']}-{crc(s['id']) % 90000 + 10000}"
    return Copy(s["title"], paras, link, o.style)


def make_copy(src: dict, s: dict, recipe: str, skip: int = -1) -> tuple[Outlet, datetime, Copy]:
    feed, minutes, *words = recipe.split()
    outlets, desks = src["outlets"], src["desk"]
    o, origin = outlets[feed], outlets[s["outlet"]]
    when = s["when"] + timedelta(minutes=int(minutes))
    c = replace(original_copy(s, origin, s["when"]), style=o.style)
    host = c.link.split("/")[2]
    c = replace(c, link=c.link.replace(host, f"{o.feed}.example", 1))
    rng = random.Random(f"{src['seed']}|{s['id']}|{feed}|{minutes}")
    for i, word in enumerate(words):
        if i != skip:
            c = apply(word, c, s, o, origin, when, rng, desks[o.lang])
    return o, when, c


def check_recipe(src: dict, s: dict, recipe: str) -> None:
    """Fail on a recipe of other than 2-3 words, a word that changes nothing seen, or an unchanged copy."""
    words = recipe.split()[2:]
    if not 2 <= len(words) <= 3:
        raise SystemExit(f"{s['id']} {recipe!r}: a recipe combines 2-3 words")
    _, _, full = make_copy(src, s, recipe)
    seen = (full.title, full.link, *render(full))
    for i, word in enumerate(words):
        _, _, without = make_copy(src, s, recipe, skip=i)
        if (without.title, without.link, *render(without)) == seen:
            raise SystemExit(f"{s['id']} {recipe!r}: {word} changes nothing a reader sees")
    origin = original_copy(s, src["outlets"][s["outlet"]], s["when"])
    if full.title == origin.title and render(replace(full, style=origin.style)) == render(origin):
        raise SystemExit(f"{s['id']} {recipe!r}: the copy has its original's title and body")


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    src["outlets"] = {row[0]: Outlet(*row) for row in src["outlets"]}
    for s in src["stories"]:
        s["when"] = datetime.fromisoformat(s["time"].replace("Z", "+00:00"))
    return src


def build() -> list[dict]:
    src = load()
    rows = []
    for s in src["stories"]:
        o = src["outlets"][s["outlet"]]
        rows.append((s["when"], entry(s, o, s["when"], original_copy(s, o, s["when"]))))
        for recipe in s.get("copies", []):
            check_recipe(src, s, recipe)
            o, when, c = make_copy(src, s, recipe)
            rows.append((when, entry(s, o, when, c)))
    rows.sort(key=lambda r: (r[0], r[1]["story"], r[1]["feed"]))
    return [{"id": f"b{i:03d}", **row} for i, (_, row) in enumerate(rows, 1)]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = Counter(s["kind"] for s in src["stories"])
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    by_id = {s["id"]: s for s in src["stories"]}
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in by_id.values() if s["kind"] in NEGATIVE)
    recipes = [c.split()[2:] for s in src["stories"] for c in s.get("copies", [])]
    words = Counter(w for r in recipes for w in r)
    langs = Counter(r["lang"] for r in rows)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({', '.join(f'{k}={n}' for k, n in sorted(kinds.items()))})",
            f"events:                  {len(events)}  ({sum(len(v) > 1 for v in events.values())} with >=2 stories,"
            f" {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={n}' for k, n in sorted(langs.items()))}"
            f"  (en {100 * langs['en'] // len(rows)}%)",
            f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {', '.join(f'{k}={n}' for k, n in sorted(words.items()))}",
        ]
    )


def main() -> None:
    made = dump(build())
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != made:
            raise SystemExit("heldout20.jsonl differs from what the generator makes; rerun without --stats")
    else:
        OUT.write_text(made, encoding="utf-8")
    print(stats([json.loads(line) for line in made.splitlines()]))


if __name__ == "__main__":
    main()
