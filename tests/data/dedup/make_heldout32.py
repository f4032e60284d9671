"""Build held-out dedup set v32 (`heldout32.jsonl`) from `heldout32_source.yaml`.

Each story is emitted at its origin outlet, then (Yoruba: once) three times as copies at other outlets carrying its
language. A copy's recipe is 2-3 of the copy outlet's style words, applied in the fixed order of ``WORDS``; the
first seeded combination in which every word changes the entry is used (an outlet with none is passed over).
Deterministic: seeded from SHA-256, no clock. Stdlib + PyYAML; imports no earlier generator.

    python tests/data/dedup/make_heldout32.py          # rewrites heldout32.jsonl
    python tests/data/dedup/make_heldout32.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout32_source.yaml"
OUT = HERE / "heldout32.jsonl"
PREFIX = "oa"
SUMMARY_MAX = 220
COPIES = {"yo": 1}  # copies per story by language; 3 otherwise
NEGATIVE_KINDS = frozenset(
    {"minibussecondline", "anfoushicoldboxtwo", "heissaguesthouses", "laohuzaosecondshop", "rowboatnightfare"}
    | {"pingtansundayshow", "coldroomsecondmarket", "bonnyferrythirdboat", "casterssecondintake"}
    | {"mittagstischhaidhausen", "fahrdonausecond", "dirndlorder"}
)
# Digits as a feed in that language re-renders them (Eastern Arabic-Indic; full-width in Han text).
DIGITS = {
    "arz": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    "wuu": str.maketrans("0123456789", "０１２３４５６７８９"),
}


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str  # html | plain | none (summary only)
    langs: tuple[str, ...] | None  # None: every language
    words: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """An entry before rendering: the headline and body paragraphs a recipe word rewrites."""

    title: str
    paras: tuple[str, ...]


@dataclass(frozen=True)
class Ctx:
    """What a recipe word may use: the story, the copy outlet, the origin outlet and the copy's local time."""

    story: dict
    outlet: Outlet
    origin: Outlet
    local: datetime


def place_of(story: dict) -> str:
    return story["text"].split(" — ", 1)[0].strip()


def tickerstamp(d: Draft, c: Ctx) -> Draft:
    """A live-blog entry: local clock time before the headline and the lede."""
    hhmm = c.local.strftime("%H:%M")
    return Draft(f"{hhmm} ▸ {d.title}", (f"{hhmm} ▸ {d.paras[0]}", *d.paras[1:]))


def emojikicker(d: Draft, c: Ctx) -> Draft:
    """An app feed's red-dot kicker on the headline."""
    return replace(d, title=f"🔴 {d.title}")


def nativedigits(d: Draft, c: Ctx) -> Draft:
    """Digits re-rendered in the script's own numerals (Arabic and Han text only)."""
    table = DIGITS.get(c.story["lang"])
    if table is None:
        return d
    return Draft(d.title.translate(table), tuple(p.translate(table) for p in d.paras))


def duocaption(d: Draft, c: Ctx) -> Draft:
    """A bilingual photo caption after the lede: the person's name in its own script and in Latin letters."""
    gloss = c.story.get("gloss")
    if not gloss or c.story["lang"] == "en":
        return d
    return replace(d, paras=(d.paras[0], f"📷 {gloss[0]} · {gloss[1]}", *d.paras[1:]))


def taglist(d: Draft, c: Ctx) -> Draft:
    """A CMS export's category line at the end."""
    return replace(d, paras=(*d.paras, f"Filed under: {place_of(c.story)}, {c.origin.name}"))


def hashtail(d: Draft, c: Ctx) -> Draft:
    """A social feed's hashtags at the end."""
    tag = place_of(c.story).replace(" ", "").replace("-", "")
    return replace(d, paras=(*d.paras, f"#{tag} #{c.outlet.feed.replace('-', '')}"))


def partnernote(d: Draft, c: Ctx) -> Draft:
    """A syndication partner's credit at the end."""
    return replace(d, paras=(*d.paras, f"This story is published in partnership with {c.origin.name}."))


WORDS = {f.__name__: f for f in (tickerstamp, emojikicker, nativedigits, duocaption, taglist, hashtail, partnernote)}


def seeded(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def short_hash(seed: str, *parts: str) -> str:
    return hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()[:12]


def summary_of(para: str) -> str:
    if len(para) <= SUMMARY_MAX:
        return para
    return para[:SUMMARY_MAX].rsplit(" ", 1)[0] + " …"


def render(d: Draft, outlet: Outlet) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries them."""
    summary = summary_of(d.paras[0])
    if outlet.body == "none":
        return d.title, summary, ""
    if outlet.body == "html":
        return d.title, summary, "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in d.paras)
    return d.title, summary, "\n\n".join(d.paras)


def apply(words: tuple[str, ...], d: Draft, c: Ctx) -> Draft:
    for w in sorted(words, key=list(WORDS).index):
        d = WORDS[w](d, c)
    return d


def visible(words: tuple[str, ...], base: Draft, c: Ctx) -> bool:
    """Every word changes what the feed carries: leaving any one out gives another entry."""
    full = render(apply(words, base, c), c.outlet)
    return all(render(apply(tuple(x for x in words if x != w), base, c), c.outlet) != full for w in words)


def derive(story: dict, base: dict) -> dict:
    """A designed hard negative: its base's title and text with each swap applied (every swap must hit)."""
    title, text = base["title"], base["text"]
    for old, new in story["swaps"]:
        old, new = str(old), str(new)
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: swap {old!r} not found")
        title, text = title.replace(old, new), text.replace(old, new)
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: title or text unchanged")
    keep = {k: base[k] for k in ("lang", "outlet", "gloss") if k in base}
    return {**keep, **story, "title": title, "text": text}


def load() -> tuple[str, dict[str, Outlet], list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, words in src["outlets"]:
        outlets[feed] = Outlet(feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(words))
    by_id = {s["id"]: s for s in src["stories"]}
    stories = [derive(s, by_id[s["derive"]]) if "derive" in s else s for s in src["stories"]]
    return src["seed"], outlets, stories


def entry(story: dict, outlet: Outlet, when: datetime, draft: Draft, seed: str) -> dict:
    title, summary, content = render(draft, outlet)
    h = short_hash(seed, outlet.feed, story["id"])
    local = when.astimezone(timezone(timedelta(minutes=outlet.offset)))
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": f"https://{outlet.host}/{local:%Y/%m}/{h}",
        "guid": f"{outlet.feed}:{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_recipe": "",
    }


def copy_plan(story: dict, origin: Outlet, outlets: dict[str, Outlet], when: datetime, seed: str) -> list[dict]:
    """The story's copies: outlets drawn at random, each with its first seeded combination of visible words."""
    rng = seeded(seed, story["id"])
    base = Draft(story["title"], tuple(p.strip() for p in story["text"].strip().split("\n\n")))
    pool = [o for o in outlets.values() if o is not origin and (o.langs is None or story["lang"] in o.langs)]
    rng.shuffle(pool)
    made: list[dict] = []
    for outlet in pool:
        if len(made) == COPIES.get(story["lang"], 3):
            break
        at = when + timedelta(minutes=rng.randint(4, 900))
        c = Ctx(story, outlet, origin, at.astimezone(timezone(timedelta(minutes=outlet.offset))))
        combos = [t for n in (2, 3) for t in itertools.combinations(outlet.words, n)]
        rng.shuffle(combos)
        recipe = next((t for t in combos if visible(t, base, c)), None)
        if recipe is None:
            continue
        row = entry(story, outlet, at, apply(recipe, base, c), seed)
        row["_recipe"] = "+".join(sorted(recipe, key=list(WORDS).index))
        made.append(row)
    if len(made) < COPIES.get(story["lang"], 3):
        raise SystemExit(f"{story['id']}: not enough outlets for its copies")
    return made


def build() -> list[dict]:
    seed, outlets, stories = load()
    rows: list[dict] = []
    for story in stories:
        origin = outlets[story["outlet"]]
        when = datetime.fromisoformat(str(story["time"]).replace("Z", "+00:00"))
        base = Draft(story["title"], tuple(p.strip() for p in story["text"].strip().split("\n\n")))
        first = entry(story, origin, when, base, seed)
        copies = copy_plan(story, origin, outlets, when, seed)
        for c in copies:
            if (c["title"], c["content"]) == (first["title"], first["content"]):
                raise SystemExit(f"{story['id']}: a copy at {c['feed']} keeps the original's title and body")
        rows += [first, *copies]
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_recipe"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    events = Counter(s["event"] for s in stories)
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories)
    by_id = {s["id"]: s for s in stories}
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories if s["kind"] in NEGATIVE_KINDS)
    words = Counter(w for r in rows for w in r["_recipe"].split("+") if w)
    assert all(s["event"] != by_id[s["against"]]["event"] for s in stories if s["kind"] in NEGATIVE_KINDS)
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negative}",
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
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
