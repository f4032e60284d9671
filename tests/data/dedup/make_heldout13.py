"""Build held-out dedup set v13 (`heldout13.jsonl`) from `heldout13_source.yaml`.

Each story is emitted at its origin outlet, then once per copy recipe `[feed, minutes later, "words"]`,
the words applied in order. Deterministic: no clock; bylines and campaign ids come from `random.Random`
seeded with the set's seed, story, feed and delay; link numbers and GUIDs from a CRC.

    python tests/data/dedup/make_heldout13.py          # rewrites heldout13.jsonl, prints the counts
    python tests/data/dedup/make_heldout13.py --stats  # regenerates in memory, fails if the file differs
"""

from __future__ import annotations

import json
import random
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout13_source.yaml"
TARGET = HERE / "heldout13.jsonl"
SEED = 13
NEGATIVE = {"allclear", "fixture", "fill", "funeral", "weeklater", "interview"}
SENTENCE_END = re.compile(r"(?<=[.!?।])\s+")


@dataclass
class Doc:
    """One entry while its recipe is applied: headline, body blocks and link state."""

    title: str
    paras: list[str]
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)
    plain: bool = False
    glued: bool = False
    summary_only: bool = False
    amp: bool = False
    tracking: str = ""
    parts: int = 1


@dataclass(frozen=True)
class Ctx:
    story: dict
    desk: dict
    source_name: str
    host: str
    rng: random.Random
    when: datetime


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(text, maxsplit=1)[0]


def w_dateline_strip(d: Doc, c: Ctx) -> None:
    line = c.story.get("dateline", "")
    if line and d.paras[0].startswith(line):
        d.paras[0] = d.paras[0][len(line) :].lstrip(" —-–:")


def w_byline(d: Doc, c: Ctx) -> None:
    d.top.insert(0, f"{c.desk['by']} {c.rng.choice(c.desk['names'])}")


def w_credit(d: Doc, c: Ctx) -> None:
    d.bottom.append(c.desk["credit"].format(src=c.source_name))


def w_tracking(d: Doc, c: Ctx) -> None:
    d.tracking = f"?utm_source=feed&utm_medium=rss&utm_campaign=n{c.rng.randint(1000, 9999)}"


def w_trim(d: Doc, c: Ctx) -> None:
    d.paras = d.paras[:-1]


def w_readmore(d: Doc, c: Ctx) -> None:
    second = d.paras[1].split(" ") if len(d.paras) > 1 else []
    cut = " ".join(second[: max(1, len(second) // 2)])
    d.paras = [d.paras[0], f"{cut}…"] if cut else [d.paras[0]]
    d.bottom.append(c.desk["more"])


def w_alt(d: Doc, c: Ctx) -> None:
    d.title = c.story["alt"]


STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def w_quotes(d: Doc, c: Ctx) -> None:
    d.title = d.title.translate(STRAIGHT)
    d.paras = [p.translate(STRAIGHT) for p in d.paras]


def w_entities(d: Doc, c: Ctx) -> None:
    def enc(t: str) -> str:
        return "".join(f"&#{ord(ch)};" if ch in "“”„«»‘’—–…" else ch for ch in t)

    d.paras = [enc(p) for p in d.paras]


# Kinds no earlier set used (see the README's v13 section).
def w_liveblog(d: Doc, c: Ctx) -> None:
    """The story as one timestamped update of a live blog among the desk's other updates."""
    early, late = c.desk["live_other"]
    stamp = c.when.strftime("%H:%M")
    before = (c.when - timedelta(minutes=40)).strftime("%H:%M")
    after = (c.when + timedelta(minutes=25)).strftime("%H:%M")
    d.title = f"{c.desk['live']}: {d.title}"
    d.paras = [f"{after} {late}", f"{stamp} {d.paras[0]}", *d.paras[1:], f"{before} {early}"]


def w_mtbar(d: Doc, c: Ctx) -> None:
    d.top.insert(0, c.desk["mtbar"])


def w_echo(d: Doc, c: Ctx) -> None:
    """A CMS that repeats every paragraph's first sentence above it as a pull-out line."""
    out = []
    for p in d.paras:
        out += [f"❝ {first_sentence(p)} ❞", p]
    d.paras = out


def w_forum(d: Doc, c: Ctx) -> None:
    user = c.rng.choice(c.desk["users"])
    d.top.insert(0, f"{user} {c.desk['wrote']}:")
    d.paras = [f"> {p}" for p in d.paras]
    d.bottom.append(c.desk["reply"])
    d.plain = True


def w_fwd(d: Doc, c: Ctx) -> None:
    """An e-mail forward: the client's header block (one block of lines) above the story."""
    stamp = c.when.strftime("%a, %d %b %Y %H:%M +0000")
    head = ["---------- Forwarded message ---------", f"From: {c.source_name} <desk@{c.host}>"]
    d.top.insert(0, "\n".join([*head, f"Date: {stamp}", f"Subject: {d.title}"]))
    d.title = f"Fwd: {d.title}"
    d.plain = True


def w_appview(d: Doc, c: Ctx) -> None:
    d.paras = [f"• {p} ⤴ {c.desk['share']}" for p in d.paras]


def w_sr(d: Doc, c: Ctx) -> None:
    """A screen-reader export: landmarks read out, the photo's alt text inline after the lede."""
    head, image, end = c.desk["sr"]
    d.top.insert(0, f"{head}: {d.title}")
    if "img" in c.story:
        d.paras.insert(1, f"{image}: {c.story['img']}")
    d.bottom.append(end)
    d.plain = True


def w_slides(d: Doc, c: Ctx) -> None:
    n = len(d.paras)
    d.paras = [f"{c.desk['slide']} {i}/{n}: {p}" for i, p in enumerate(d.paras, 1)]


def w_sms(d: Doc, c: Ctx) -> None:
    """An SMS bulletin service: the text cut into numbered segments of about 150 characters."""
    words, segs, cur = " ".join(d.paras).split(), [], ""
    for w in words:
        if cur and len(cur) + len(w) > 150:
            segs.append(cur)
            cur = ""
        cur = f"{cur} {w}".strip()
    segs.append(cur)
    d.paras = [f"({i}/{len(segs)}) {s}" for i, s in enumerate(segs, 1)]
    d.plain = True


WORDS = {name[2:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("w_")}
# Words that only set a flag on the entry (link form, body format, split into two feed entries).
FLAGS = {"amp": ("amp", True), "summary-only": ("summary_only", True), "plain": ("plain", True)}
FLAGS |= {"glued": ("glued", True), "part": ("parts", 2)}


def render(paras: list[str], plain: bool, glued: bool) -> str:
    if plain:
        return ("" if glued else "\n\n").join(paras)
    return ("" if glued else "\n").join(f"<p>{p}</p>" for p in paras)


def crc(*parts: object) -> int:
    return zlib.crc32(":".join(map(str, parts)).encode("utf-8"))


def entry(s: dict, outlet: list, when: datetime, d: Doc, part: str = "") -> dict:
    feed, name, _lang, offset, style = outlet
    n = crc(SEED, s["id"], feed, when.isoformat(), part)
    host = f"amp.{feed}.example" if d.amp else f"{feed}.example"
    path = f"/news/{n % 900000 + 100000}{'/amp' if d.amp else ''}{d.tracking}"
    local = when.astimezone(timezone(timedelta(hours=offset)))
    blocks = [*d.top, *d.paras, *d.bottom]
    plain = d.plain or style == "plain"
    summary = d.paras[0] if d.summary_only or len(d.paras[0]) < 320 else d.paras[0][:300] + "…"
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": d.title + part,
        "link": f"https://{host}{path}",
        "guid": f"{feed}:{n:08x}",
        "published": local.isoformat(),
        "summary": summary,
        "content": "" if d.summary_only else render(blocks, plain, d.glued),
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def emit(s: dict, outlets: dict, desks: dict, feed: str, delay: int, words: str) -> list[tuple[datetime, dict]]:
    when = datetime.fromisoformat(s["time"]).astimezone(UTC) + timedelta(minutes=delay)
    paras = [p.strip() for p in s["text"].strip().split("\n\n")]
    d = Doc(s["title"], paras)
    src = outlets[s["outlet"]]
    ctx = Ctx(s, desks[s["lang"]], src[1], f"{src[0]}.example", random.Random(f"{SEED}:{s['id']}:{feed}:{delay}"), when)
    for word in words.split():
        if word in FLAGS:
            setattr(d, *FLAGS[word])
        else:
            WORDS[word](d, ctx)
    if d.parts == 1:
        return [(when, entry(s, outlets[feed], when, d))]
    half = (len(d.paras) + 1) // 2
    one = Doc(d.title, d.paras[:half], d.top, [], d.plain, d.glued, d.summary_only, d.amp, d.tracking)
    two = Doc(d.title, d.paras[half:], [], d.bottom, d.plain, d.glued, d.summary_only, d.amp, d.tracking)
    later = when + timedelta(minutes=1)
    return [
        (when, entry(s, outlets[feed], when, one, " (1/2)")),
        (later, entry(s, outlets[feed], later, two, " (2/2)")),
    ]


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def build() -> list[dict]:
    src = load()
    outlets = {o[0]: o for o in src["outlets"]}
    made: list[tuple[datetime, dict]] = []
    for s in src["stories"]:
        made += emit(s, outlets, src["desks"], s["outlet"], 0, "")
        for feed, delay, words in s.get("copies", []):
            made += emit(s, outlets, src["desks"], feed, delay, words)
    made.sort(key=lambda pair: (pair[0], pair[1]["guid"]))
    rows = [row for _, row in made]
    for i, row in enumerate(rows, 1):
        row["id"] = f"x{i:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    neg = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    langs = Counter(r["lang"] for r in rows)
    recipes = [w for s in stories.values() for c in s.get("copies", []) for w in c[2].split()]
    combos = [len(c[2].split()) for s in stories.values() for c in s.get("copies", [])]
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(stories)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
            f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with >=2 "
            f"stories, {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {neg}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {100 * langs['en'] // len(rows)}%)",
            f"copy recipes:            {len(combos)}  ({sum(2 <= n <= 3 for n in combos)} combine 2-3 words)",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(Counter(recipes).items()))}",
        ]
    )


def main() -> None:
    text = dump(build())
    if "--stats" in sys.argv[1:]:
        if text != TARGET.read_text(encoding="utf-8"):
            sys.exit("heldout13.jsonl differs from what the generator makes; run without --stats")
    else:
        TARGET.write_text(text, encoding="utf-8")
    print(stats(json.loads(f"[{','.join(text.splitlines())}]")))


if __name__ == "__main__":
    main()
