"""Build held-out dedup set v40 (`heldout40.jsonl`) from `heldout40_source.yaml`.

Each story runs at its origin outlet, then as copies that other outlets reshape with 2-3 of their style
words (the structural reshaping real feeds do: paragraphs back to front, only the middle kept, a headline
stub, an editor's prelude above the report). Seeded and deterministic: no clock, stdlib + PyYAML only.

    python tests/data/dedup/make_heldout40.py          # rewrites heldout40.jsonl
    python tests/data/dedup/make_heldout40.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout40_source.yaml"
OUT = HERE / "heldout40.jsonl"
PREFIX = "oi"
COPIES = {"he": 2}  # every other language: 3
SUMMARY_MAX = 220
# The first sentence ends at a full stop of Latin, Arabic, Han or Devanagari text.
FIRST_SENTENCE = re.compile(r"^(.+?[.!?。।])(?:\s|$)", re.S)


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None  # None: every language
    words: tuple[str, ...]

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


def seeded(*parts: str) -> random.Random:
    return random.Random(hashlib.sha256("|".join(parts).encode()).hexdigest())


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def derive(story: dict, base: dict) -> dict:
    """A designed hard negative: its base's title and text with the `set` phrases replaced."""
    title, text = story.get("title", base["title"]), base["text"]
    for old, new in story["set"].items():
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: phrase {old!r} matches nothing")
        title, text = title.replace(old, new), text.replace(old, new)
    return {**base, **story, "title": title, "text": text, "lang": base["lang"], "outlet": base["outlet"]}


def merge(story: dict, quoted: list[dict]) -> dict:
    """A two-item digest: its own intro line, then each quoted story's opening paragraph."""
    if any(q["lang"] != story["lang"] for q in quoted):
        raise SystemExit(f"{story['id']}: quotes a story in another language")
    return {**story, "text": "\n\n".join([story["intro"], *(paragraphs(q["text"])[0] for q in quoted)])}


def reshape(paras: list[str], words: tuple[str, ...], outlet: str, link: str, preludes: dict) -> list[str]:
    """The body as `outlet` carries it after applying `words` in order."""
    out = list(paras)
    for word in words:
        if word == "backtofront":  # a CMS export that lists blocks last-edited first
            out = out[::-1]
        elif word == "middlecut":  # an excerpt: lede and closing line dropped
            out = out[1:-1] if len(out) >= 3 else out
        elif word == "headlinestub":  # an app teaser: one sentence and the link to the report
            m = FIRST_SENTENCE.match(out[0])
            out = [m.group(1) if m else out[0], f"⇢ {link}"]
        elif word == "editorprelude":  # a newsletter's or editor's paragraph above the report
            out = [preludes[outlet], *out]
        else:
            raise SystemExit(f"unknown recipe word {word}")
    return out


def summary_of(paras: list[str], body: str) -> str:
    """The first paragraph; a summary-only outlet's description runs the paragraphs together instead."""
    first = " ".join(paras) if body == "none" else paras[0]
    if len(first) <= SUMMARY_MAX:
        return first
    cut = first[:SUMMARY_MAX]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + " …"


def render(paras: list[str], body: str) -> str:
    if body == "html":
        return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    if body == "plain":
        return "\n\n".join(paras)
    return ""


def carried(story: dict, outlet: Outlet, words: tuple[str, ...], link: str, preludes: dict) -> tuple[str, str]:
    """(summary, content) of the story at `outlet` under `words`."""
    paras = reshape(paragraphs(story["text"]), words, outlet.feed, link, preludes)
    return summary_of(paras, outlet.body), render(paras, outlet.body)


def recipe(story: dict, outlet: Outlet, origin_link: str, order: list[str], preludes: dict) -> tuple | None:
    """The first seeded 2-3 word combination that changes the report and hides no word."""
    rng = seeded("recipe", story["id"], outlet.feed)
    combos = [c for k in (2, 3) for c in itertools.combinations(outlet.words, k)]
    rng.shuffle(combos)
    plain = carried(story, outlet, (), origin_link, preludes)
    for combo in combos:
        words = tuple(sorted(combo, key=order.index))
        if not fair(story, words):
            continue
        made = carried(story, outlet, words, origin_link, preludes)
        if made == plain:
            continue
        hidden = any(
            carried(story, outlet, tuple(w for w in words if w != drop), origin_link, preludes) == made
            for drop in words
        )
        if not hidden:
            return words, made
    return None


def fair(story: dict, words: tuple[str, ...]) -> bool:
    """Keep a designed negative's copies telling: a stub of its closing line (unchanged from its base)
    would be its base's stub word for word, and a digest cut to its middle would be one quoted lede."""
    if "derive" not in story and "quotes" not in story:
        return True
    if {"backtofront", "headlinestub"} <= set(words):
        return False
    return "quotes" not in story or "middlecut" not in words


def load() -> tuple[dict, dict[str, Outlet], list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, words in src["outlets"]:
        outlets[feed] = Outlet(feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(words))
    by_id: dict[str, dict] = {}
    stories = []
    for s in src["stories"]:
        if "derive" in s:
            s = derive(s, by_id[s["derive"]])
        elif "quotes" in s:
            s = merge(s, [by_id[q] for q in s["quotes"]])
        by_id[s["id"]] = s
        stories.append(s)
    return src, outlets, stories


def story_times(src: dict, stories: list[dict]) -> dict[str, datetime]:
    """Originals a day apart, rewrites 95 minutes after theirs, designed negatives 47 days after their base."""
    start = datetime.fromisoformat(src["start"])
    times: dict[str, datetime] = {}
    day = 0
    for s in stories:
        if "derive" in s:
            times[s["id"]] = times[s["derive"]] + timedelta(days=47)
        elif s["kind"] == "independent":
            times[s["id"]] = times[s["against"]] + timedelta(minutes=95)
        else:
            times[s["id"]] = start + timedelta(days=day)
            day += 1
    return times


def entry(story: dict, outlet: Outlet, at: datetime, seed: str, words: tuple, made: tuple) -> dict:
    h = digest(seed, outlet.feed, story["id"])
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    summary, content = made
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": story["title"],
        "link": f"https://{outlet.host}/news/{h}",
        "guid": f"{outlet.feed}:{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_at": at,
        "_words": words,
    }


def copies_of(story: dict, outlets: dict[str, Outlet], src: dict, origin: dict, at: datetime) -> list[dict]:
    origin_outlet = outlets[story["outlet"]]
    seed, order, preludes = src["seed"], src["words"], src["preludes"]
    rng = seeded(seed, story["id"])
    pool = [
        o
        for o in outlets.values()
        if o.words
        and o.feed != origin_outlet.feed
        and o.carries(story["lang"])
        and not (o.body == "none" and origin_outlet.body == "none")  # two empty bodies: same title and body
    ]
    rng.shuffle(pool)
    want = COPIES.get(story["lang"], 3)
    made: list[dict] = []
    for outlet in pool:
        if len(made) == want:
            break
        found = recipe(story, outlet, origin["link"], order, preludes)
        if found is None:
            continue
        words, text = found
        when = at + timedelta(minutes=rng.randint(4, 900))
        row = entry(story, outlet, when, seed, words, text)
        if (row["title"], row["content"]) == (origin["title"], origin["content"]):
            raise SystemExit(f"{story['id']}: copy at {outlet.feed} keeps its original's title and body")
        made.append(row)
    if len(made) < want:
        raise SystemExit(f"{story['id']}: only {len(made)} copies")
    return made


def build() -> list[dict]:
    src, outlets, stories = load()
    times = story_times(src, stories)
    rows = []
    for s in stories:
        origin_outlet = outlets[s["outlet"]]
        if not origin_outlet.carries(s["lang"]):
            raise SystemExit(f"{s['id']}: origin outlet does not carry {s['lang']}")
        link = f"https://{origin_outlet.host}/news/{digest(src['seed'], origin_outlet.feed, s['id'])}"
        origin = entry(s, origin_outlet, times[s["id"]], src["seed"], (), carried(s, origin_outlet, (), link, {}))
        rows += [origin, *copies_of(s, outlets, src, origin, times[s["id"]])]
    for r in rows:
        if list(r["_words"]) != sorted(r["_words"], key=src["words"].index):
            raise SystemExit(f"{r['story']}: recipe words out of order")
    rows.sort(key=lambda r: (r["_at"], r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    by_id = {s["id"]: s for s in stories}
    negative = sum(
        per_story[s["id"]] * per_story[other]
        for s in stories
        if "derive" in s or "quotes" in s
        for other in s.get("quotes", [s.get("against")])
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_words"])
    kinds = Counter(s["kind"] for s in by_id.values())
    fmt = lambda c: ", ".join(f"{k}={v}" for k, v in sorted(c.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"kinds:                   {fmt(kinds)}",
            f"transformations:         {fmt(words)}",
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
