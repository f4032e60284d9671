"""Build held-out dedup set v47 (`heldout47.jsonl`) from `heldout47_source.yaml`.

Short briefs (one sentence per paragraph) and the line-shaped copies carrier outlets make of them:
standalone lines before, between or after the paragraphs, a lede used as the headline, a one-line app
alert. Deterministic (seeded from SHA-256 of the set's seed and the story); stdlib + PyYAML only;
imports no earlier generator. `--stats` prints the counts written into the README.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout47_source.yaml"
OUT = HERE / "heldout47.jsonl"
PREFIX = "oq"
NEGATIVE = ("eveningsecondbrief", "morningafterbrief")
# Minutes after the story a rewrite or designed negative is published (originals are a day apart).
DELAY = {"english": 100, "independent": 115, "side": 130, "eveningsecondbrief": 360, "morningafterbrief": 1560}
CLAUSE_MARKS = ("،", "，", ", ", " ")  # the first that occurs ends an alert's clause


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str  # html, plain, none (summary only)
    langs: tuple[str, ...]
    words: tuple[str, ...]
    cut: int

    def carries(self, lang: str) -> bool:
        return "all" in self.langs or lang in self.langs


@dataclass(frozen=True)
class Brief:
    """What a copy is made of: a headline and its blocks (paragraphs and standalone lines)."""

    title: str
    blocks: tuple[str, ...]


def seeded(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def derive(story: dict, base: dict) -> dict:
    """A designed negative: its base with phrase replacements (each must occur) and, next day, a new lede."""
    title, text = base["title"], base["text"]
    for old, new in story["set"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: phrase {old!r} not in {base['id']}")
        title, text = title.replace(old, new), text.replace(old, new)
    if "lede" in story:
        text = story["lede"] + "\n\n" + text
    keep = {k: base[k] for k in ("lang", "outlet", "place", "credit")}
    return {**keep, **story, "title": title, "text": text}


def alert_line(lede: str) -> str:
    for mark in CLAUSE_MARKS:
        head = lede.split(mark, 1)[0]
        if head != lede and len(head) >= 8:
            return head.rstrip("،，, ") + " — tap to read"
    return lede + " — tap to read"


def apply(word: str, brief: Brief, story: dict, outlet: Outlet, source: dict, when: datetime) -> Brief:
    """One recipe word applied to a brief; every word but the first two adds one standalone line."""
    title, blocks = brief.title, list(brief.blocks)
    native, latin = story["place"]
    code = int(hashlib.sha256((story["id"] + outlet.feed).encode()).hexdigest()[:4], 16) % 900 + 100
    if word == "ledeastitle":
        return Brief(story["paras"][0], brief.blocks)
    if word == "tapreadalert":
        return Brief(title, (alert_line(story["paras"][0]),))
    if word == "gatewayfromline":
        blocks.insert(0, f"From: {outlet.name} <desk@{outlet.host}>")
    elif word == "mailerpreheader":
        blocks.insert(0, f"{outlet.name} · {when:%d.%m.%Y} · web copy: https://{outlet.host}/w/{code}")
    elif word == "locatorline":
        blocks.insert(0, f"⌖ {native} · {latin}")
    elif word == "slideindexline":
        blocks.insert(min(1, len(blocks)), f"⧉ 1/3 · {story['credit']}")
    elif word == "endmarkline":
        blocks.append("-ENDS-")
    elif word == "nativesourceline":
        blocks.append(source["source"][story["lang"]] + source["origin_names"][story["outlet"]])
    elif word == "sigdashfooter":
        blocks.extend(["-- ", f"{outlet.name} newsroom · {outlet.host}"])
    else:
        raise SystemExit(f"unknown recipe word {word!r}")
    return Brief(title, tuple(blocks))


def cut(text: str, limit: int) -> str:
    if not limit or len(text) <= limit:
        return text
    head = text[:limit]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + " …"


def render(brief: Brief, outlet: Outlet) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries them."""
    if outlet.body == "none":
        return brief.title, cut("\n".join(brief.blocks), outlet.cut), ""
    if outlet.body == "html":
        content = "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in brief.blocks)
    else:
        content = "\n\n".join(brief.blocks)
    return brief.title, cut(brief.blocks[0], 200), content


def made(words: tuple[str, ...], story: dict, outlet: Outlet, source: dict, when: datetime) -> tuple[str, str, str]:
    brief = Brief(story["title"], tuple(story["paras"]))
    for word in source["words"]:
        if word in words:
            brief = apply(word, brief, story, outlet, source, when)
    return render(brief, outlet)


def recipe(story: dict, outlet: Outlet, source: dict, when: datetime, original: tuple[str, str]) -> tuple | None:
    """The first seeded 2-3-word combination of the outlet's words with no hidden word that changes the brief."""
    rng = seeded(source["seed"], story["id"], outlet.feed, "recipe")
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    rng.shuffle(combos)
    for combo in combos:
        out = made(combo, story, outlet, source, when)
        if (out[0], out[2]) == original:
            continue
        if any(made(tuple(w for w in combo if w != drop), story, outlet, source, when) == out for drop in combo):
            continue
        return combo, out
    return None


def entry(story: dict, outlet: Outlet, when: datetime, out: tuple[str, str, str], n: int) -> dict:
    local = when.astimezone(timezone(timedelta(minutes=outlet.offset)))
    slug = hashlib.sha256((story["id"] + outlet.feed).encode()).hexdigest()[:10]
    return {
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": out[0],
        "link": f"https://{outlet.host}/{local:%Y/%m}/{slug}-{n}",
        "guid": f"{outlet.feed}:{slug}:{n}",
        "published": local.isoformat(),
        "summary": out[1],
        "content": out[2],
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def load() -> tuple[dict, list[Outlet], list[dict]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = [Outlet(f, n, h, o, b, tuple(la), tuple(w), c) for f, n, h, o, b, la, w, c in source["outlets"]]
    source["origin_names"] = {o.feed: o.name for o in outlets}
    by_id: dict[str, dict] = {}
    for s in source["stories"]:
        s = derive(s, by_id[s["derive"]]) if "derive" in s else dict(s)
        s["paras"] = [p.strip() for p in s["text"].split("\n\n")]
        by_id[s["id"]] = s
    return source, outlets, list(by_id.values())


def times(stories: list[dict], start: datetime) -> dict[str, datetime]:
    at: dict[str, datetime] = {}
    day = 0
    for s in stories:
        if s["kind"] == "original":
            at[s["id"]] = start + timedelta(days=day, minutes=37 * (day % 5))
            day += 1
        else:
            at[s["id"]] = at[s["against"]] + timedelta(minutes=DELAY[s["kind"]])
    return at


def build() -> list[dict]:
    source, outlets, stories = load()
    feeds = {o.feed: o for o in outlets}
    at = times(stories, datetime.fromisoformat(source["start"]))
    rows: list[tuple[datetime, str, dict, tuple]] = []
    for s in stories:
        home = feeds[s["outlet"]]
        first = made((), s, home, source, at[s["id"]])
        rows.append((at[s["id"]], s["id"] + "0", entry(s, home, at[s["id"]], first, 0), ()))
        rng = seeded(source["seed"], s["id"], "outlets")
        pool = [o for o in outlets if o.words and o.carries(s["lang"])]
        rng.shuffle(pool)
        wanted, n = source["copies"][s["kind"]], 0
        for outlet in pool:
            if n == wanted:
                break
            when = at[s["id"]] + timedelta(minutes=rng.randint(20, 138))
            found = recipe(s, outlet, source, when, (first[0], first[2]))
            if found is None:
                continue
            n += 1
            rows.append((when, f"{s['id']}{n}", entry(s, outlet, when, found[1], n), found[0]))
        if n < wanted:
            raise SystemExit(f"{s['id']}: only {n} of {wanted} copies")
    rows.sort(key=lambda r: (r[0], r[1]))
    check_copies(rows)
    out = []
    for i, (_, _, row, words) in enumerate(rows, 1):
        out.append({"id": f"{PREFIX}{i:03d}", **row, "_words": words})
    return out


def check_copies(rows: list[tuple[datetime, str, dict, tuple]]) -> None:
    """Fail when a copy keeps its original's title and body or names a word that changes nothing."""
    first = {r[2]["story"]: r[2] for r in rows if not r[3]}
    for _, _, row, words in rows:
        if words and (row["title"], row["content"]) == (first[row["story"]]["title"], first[row["story"]]["content"]):
            raise SystemExit(f"{row['story']} at {row['feed']}: copy keeps its original's title and body")
        if words and not 2 <= len(words) <= 3:
            raise SystemExit(f"{row['story']} at {row['feed']}: recipe {words} is not 2-3 words")


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if k != "_words"} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    kinds = Counter(s["kind"] for s in stories)
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories if s["kind"] in NEGATIVE)
    words = Counter(w for r in rows for w in r["_words"])
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {100 * langs['en'] // len(rows)}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    built = build()
    OUT.write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(built))
