"""Build held-out dedup set v27 (`heldout27.jsonl`) from `heldout27_source.yaml`.

Every story is emitted at its origin outlet, then copied to other outlets of its language or to the
four multi-language outlets (an app feed, a newsletter, an accessibility view, a syndication partner).
A copy's recipe is 2-3 of its outlet's style words, kept in the outlet's order and applied in that
order. No clock: bylines, photographers and choices come from `random.Random` seeded with the set's
seed, the story, the copy's feed and (for a word's own choice) the word, so dropping a word never
shifts another word's choice. Stdlib + PyYAML only; imports no earlier generator.

    python tests/data/dedup/make_heldout27.py          # rewrites heldout27.jsonl
    python tests/data/dedup/make_heldout27.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import html
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout27_source.yaml"
OUT = HERE / "heldout27.jsonl"
PREFIX = "u"
SUMMARY_CHARS = 220
COPIES = {"en": 2, "sv": 2}  # copies per story by language; every other language gets MAIN_COPIES
MAIN_COPIES = 3
SAME_EVENT = {"original", "independent"}
PHOTOGRAPHERS = ["R. Isenia", "T. Mokoena", "A. Srivastava", "N. Vidyaykina", "J. Hart", "L. Berg"]


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: float
    html: bool
    region: str
    langs: tuple[str, ...]
    style: tuple[str, ...]

    def zone(self) -> timezone:
        return timezone(timedelta(hours=self.offset))


@dataclass(frozen=True)
class Draft:
    """A copy while its recipe is applied: title, body lines (story paragraph or added line), extras."""

    title: str
    lines: tuple[tuple[bool, str], ...]  # (is a story paragraph, text)
    teaser_note: str = ""  # set by `appteaser`: the body is dropped, the summary carries this note
    words: tuple[str, ...] = field(default=())


def load() -> tuple[int, dict[str, Outlet], list[dict]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {
        slug: Outlet(slug, v[0], v[1], float(v[2]), bool(v[3]), v[4], tuple(v[5]), tuple(v[6]))
        for slug, v in source["outlets"].items()
    }
    stories = {s["id"]: s for s in source["stories"]}
    return source["seed"], outlets, [derive(s, stories) for s in source["stories"]]


def derive(story: dict, stories: dict[str, dict]) -> dict:
    """A designed hard negative is its base's title, alt and text with `swaps` applied in order."""
    if "derive" not in story:
        return story
    base = stories[story["derive"]]
    title, alt, text = base["title"], base.get("alt", ""), base["text"]
    for old, new in story["swaps"]:
        if old not in title + alt + text:
            raise SystemExit(f"{story['id']}: swap {old!r} not found")
        title, alt, text = (s.replace(old, new) for s in (title, alt, text))
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: title and text must both differ from {base['id']}")
    return {**story, "title": title, "alt": alt, "text": text}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


def dateline(text: str) -> str:
    return text.split(" — ", 1)[0]


def cut(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def apply(word: str, d: Draft, story: dict, outlet: Outlet, origin: Outlet, local: datetime, seed: int) -> Draft:
    """One recipe word. Lines added on top go above earlier ones, as a template wraps what it got."""
    rng = random.Random(f"{seed}:{story['id']}:{outlet.feed}:{word}")
    top = list(d.lines)
    if word == "reheadline":
        return replace(d, title=story["alt"])
    if word == "titleinbody":  # a CMS export repeats the headline as the body's first line
        return replace(d, lines=((False, d.title), *top))
    if word == "squarebullets":  # an app's card list marks every paragraph
        return replace(d, lines=tuple((own, "▪ " + t if own else t) for own, t in top))
    if word == "imagedesc":  # an accessibility view spells out the lead photo after the first paragraph
        note = f"Image description: {dateline(story['text']).title()}. Photo: {rng.choice(PHOTOGRAPHERS)}."
        first = next(i for i, (own, _) in enumerate(top) if own)
        return replace(d, lines=(*top[: first + 1], (False, note), *top[first + 1 :]))
    if word == "editionhello":
        return replace(d, lines=((False, f"In today's edition of {outlet.name}, {local:%d.%m.%Y}:"), *top))
    if word == "blogstamp":
        return replace(d, lines=((False, f"Entry posted {local:%H:%M}"), *top))
    if word == "regionbar":
        return replace(d, lines=((False, f"Regional edition: {outlet.region}"), *top))
    if word == "partnerdeal":
        return replace(d, lines=(*top, (False, f"Published under a content-sharing agreement with {origin.name}.")))
    if word == "offline":
        return replace(d, lines=(*top, (False, f"Saved for offline reading · {local:%d.%m.%Y}")))
    if word == "appteaser":
        return replace(d, teaser_note=f" Open in the {outlet.name} app.")
    raise SystemExit(f"{story['id']}: unknown recipe word {word!r}")


def render(d: Draft, outlet: Outlet) -> tuple[str, str]:
    """(summary, content): the summary is the first story paragraph after the recipe, never an added line."""
    first = next(t for own, t in d.lines if own)
    summary = cut(first) + d.teaser_note
    if d.teaser_note:
        return summary, ""
    texts = [t for _, t in d.lines]
    if outlet.html:
        return summary, "\n".join(f"<p>{html.escape(t, quote=False)}</p>" for t in texts)
    return summary, "\n\n".join(texts)


def entry(story: dict, outlet: Outlet, origin: Outlet, words: tuple[str, ...], minutes: int, seed: int) -> dict:
    at = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC) + timedelta(minutes=minutes)
    local = at.astimezone(outlet.zone())
    d = Draft(story["title"], tuple((True, p) for p in paragraphs(story["text"])), words=words)
    for word in words:
        d = apply(word, d, story, outlet, origin, local, seed)
    summary, content = render(d, outlet)
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": d.title,
        "link": f"https://{outlet.host}/{local:%Y/%m}/{story['id']}",
        "guid": f"{outlet.feed}:{story['id']}",
        "published": local.isoformat(timespec="seconds"),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def recipe(story: dict, outlet: Outlet, origin: Outlet, seed: int) -> tuple[str, ...]:
    """2-3 of the outlet's style words in its order: the first seeded choice where every word shows."""
    rng = random.Random(f"{seed}:{story['id']}:{outlet.feed}:recipe")
    options = [c for k in (2, 3) for c in combinations(outlet.style, k)]
    rng.shuffle(options)
    for words in options:
        if "reheadline" in words and not story.get("alt"):
            continue
        if shown(story, outlet, origin, words, seed):
            return words
    raise SystemExit(f"{story['id']} at {outlet.feed}: no recipe shows every word")


def shown(story: dict, outlet: Outlet, origin: Outlet, words: tuple[str, ...], seed: int) -> bool:
    """Every word changes the entry: the recipe without any one of them gives another entry."""
    made = entry(story, outlet, origin, words, 0, seed)
    return all(entry(story, outlet, origin, tuple(w for w in words if w != x), 0, seed) != made for x in words)


def build() -> list[dict]:
    return build_with_recipes()[0]


def build_with_recipes() -> tuple[list[dict], dict[str, tuple[str, ...]]]:
    """The rows, and each row id's recipe words (empty for an original)."""
    seed, outlets, stories = load()
    rows: list[tuple[dict, tuple[str, ...]]] = []
    for story in stories:
        origin = outlets[story["outlet"]]
        original = entry(story, origin, origin, (), 0, seed)
        rows.append((original, ()))
        rng = random.Random(f"{seed}:{story['id']}:copies")
        targets = sorted(o.feed for o in outlets.values() if story["lang"] in o.langs and o is not origin)
        count = story.get("copies", COPIES.get(story["lang"], MAIN_COPIES))
        for feed in rng.sample(targets, count):
            words = recipe(story, outlets[feed], origin, seed)
            if len(words) not in (2, 3) or not shown(story, outlets[feed], origin, words, seed):
                raise SystemExit(f"{story['id']} at {feed}: a recipe has 2-3 words and no hidden word")
            copy = entry(story, outlets[feed], origin, words, rng.randint(6, 540), seed)
            if (copy["title"], copy["content"]) == (original["title"], original["content"]):
                raise SystemExit(f"{story['id']} at {feed}: the copy keeps its original's title and body")
            rows.append((copy, words))
    rows.sort(key=lambda r: datetime.fromisoformat(r[0]["published"]))
    out = [{**row, "id": f"{PREFIX}{n:03d}"} for n, (row, _) in enumerate(rows, 1)]
    return out, {row["id"]: words for row, (_, words) in zip(out, rows, strict=True)}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def tally(counts: Counter[str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def stats(rows: list[dict], recipes: dict[str, tuple[str, ...]]) -> str:
    _, _, stories = load()
    by_id = {s["id"]: s for s in stories}
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    negatives = [s for s in stories if s["kind"] not in SAME_EVENT]
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in negatives)
    words = Counter(w for ws in recipes.values() for w in ws)
    several = sum(len(v) > 1 for v in ev_stories.values())
    kinds = Counter(by_id[s]["kind"] for s in per_story)
    en = round(100 * langs["en"] / len(rows))
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(ev_stories)} ({several} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {hard}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {tally(langs)}  (en {en}%)",
            f"kinds:                   {tally(kinds)}",
            f"transformations:         {tally(words)}",
        ]
    )


def main() -> None:
    rows, recipes = build_with_recipes()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows, recipes))


if __name__ == "__main__":
    main()
