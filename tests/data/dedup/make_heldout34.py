"""Generate held-out dedup set v34 (`heldout34.jsonl`) from `heldout34_source.yaml`.

Deterministic: every draw comes from a `random.Random` seeded with a SHA-256 of the set's seed and the
story, there is no clock, and the output is byte-for-byte the same on every run. Stdlib + PyYAML only;
imports no earlier generator. Each story appears at its origin outlet, then as copies at outlets that
carry its language; a copy applies 2-3 of the copy outlet's style words in a fixed order (the recipe
words below). The generator fails if a swap of a designed hard negative is not found, if a recipe word
would be hidden (leave the entry as the feed carries it unchanged), or if a copy keeps its original's
title and body.

    python tests/data/dedup/make_heldout34.py          # rewrites heldout34.jsonl
    python tests/data/dedup/make_heldout34.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout34_source.yaml"
OUT = HERE / "heldout34.jsonl"
PREFIX = "oc"
COPIES = 3
SUMMARY_CAP = 220
# The fixed order recipe words are applied in (a copy uses 2-3 of its outlet's three).
ORDER = ("pushprefix", "titletranslit", "captionpair", "clarifynote", "sharefooter", "hashtagtail")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str  # html, plain or none (summary only)
    langs: tuple[str, ...] | None  # None: carries every language
    words: tuple[str, ...]

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


@dataclass(frozen=True)
class Draft:
    """An entry as a feed carries it before rendering: headline, summary and body paragraphs."""

    title: str
    summary: str
    paras: tuple[str, ...]


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def load() -> tuple[str, dict[str, Outlet], list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, words in src["outlets"]:
        outlets[feed] = Outlet(feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(words))
    stories = [derive(s, {b["id"]: b for b in src["stories"]}) for s in src["stories"]]
    return str(src["seed"]), outlets, stories


def derive(story: dict, by_id: dict[str, dict]) -> dict:
    """A designed hard negative: its base with every swap applied; a swap not found is an error."""
    if "derive" not in story:
        return story
    base = by_id[story["derive"]]
    title, text = base["title"], base["text"]
    for old, new in story["swaps"]:
        old, new = str(old), str(new)
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: swap {old!r} not found in {base['id']}")
        title, text = title.replace(old, new), text.replace(old, new)
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: title or text unchanged by the swaps")
    fields = {k: v for k, v in base.items() if k not in ("id", "kind", "event", "against")}
    return {**fields, **{k: v for k, v in story.items() if k not in ("derive", "swaps")}, "title": title, "text": text}


def summary_of(lede: str) -> str:
    if len(lede) <= SUMMARY_CAP:
        return lede
    cut = lede[:SUMMARY_CAP].rsplit(" ", 1)[0]
    return cut + " …"


def first_draft(story: dict) -> Draft:
    paras = tuple(p.strip() for p in story["text"].strip().split("\n\n"))
    return Draft(story["title"], summary_of(paras[0]), paras)


def place_line(story: dict) -> str:
    native, latin = story["place"]
    return f"🖼 {native} / {latin}" if native != latin else f"🖼 {native}"


def apply_word(word: str, d: Draft, story: dict, outlet: Outlet) -> Draft:
    """One recipe word: how a real feed dresses a copy it carries."""
    if word == "pushprefix":  # an app's push alert keeps its label in the feed title
        return replace(d, title="⚡ Just in: " + d.title)
    if word == "titletranslit":  # a wire desk adds the Latin spelling of the person named in the lede
        return replace(d, title=f"{d.title} | {story['gloss'][1]}") if "gloss" in story else d
    if word == "captionpair":  # a bilingual photo caption line after the lede (two scripts side by side)
        return replace(d, paras=(*d.paras[:1], place_line(story), *d.paras[1:]))
    if word == "clarifynote":  # a CMS note appended after a small edit
        return replace(d, paras=(*d.paras, "Clarification: this report was updated to add the district name."))
    if word == "sharefooter":  # a messenger share line an export keeps
        return replace(d, paras=(*d.paras, "Share via Telegram · Viber"))
    if word == "hashtagtail":  # a social feed's place tag after the summary
        return replace(d, summary=f"{d.summary} #{story['place'][1].replace(' ', '')}")
    raise SystemExit(f"unknown recipe word {word!r}")


def render(d: Draft, outlet: Outlet) -> tuple[str, str, str]:
    """Title, summary and body as the outlet's feed carries them (a summary-only feed has no body)."""
    if outlet.body == "none":
        return d.title, d.summary, ""
    if outlet.body == "html":
        return d.title, d.summary, "".join(f"<p>{escape(p, quote=False)}</p>" for p in d.paras)
    return d.title, d.summary, "\n\n".join(d.paras)


def recipe(story: dict, outlet: Outlet, rng: random.Random) -> tuple[str, ...] | None:
    """The first seeded combination of 2-3 of the outlet's words where no word is hidden; None if none is."""
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    rng.shuffle(combos)
    base = first_draft(story)
    for combo in combos:
        words = tuple(w for w in ORDER if w in combo)
        d, hidden = base, False
        for w in words:
            nxt = apply_word(w, d, story, outlet)
            if render(nxt, outlet) == render(d, outlet):
                hidden = True
                break
            d = nxt
        if not hidden:
            return words
    return None


def stamp(t: datetime, offset: int) -> str:
    return t.astimezone(timezone(timedelta(minutes=offset))).isoformat()


def entry(story: dict, outlet: Outlet, d: Draft, when: datetime, seed: str) -> dict:
    title, summary, content = render(d, outlet)
    h = digest(seed, outlet.feed, story["id"])
    return {
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": f"https://{outlet.host}/n/{h[:12]}",
        "guid": f"{outlet.feed}:{h[12:28]}",
        "published": stamp(when, outlet.offset),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> list[dict]:
    return build_with_recipes()[0]


def build_with_recipes() -> tuple[list[dict], list[tuple[str, ...]]]:
    """The rows in order of the UTC instant, and each row's recipe words (none for an original)."""
    seed, outlets, stories = load()
    made: list[tuple[datetime, int, dict, tuple[str, ...]]] = []
    for story in stories:
        made.extend(story_rows(story, outlets, seed, len(made)))
    made.sort(key=lambda m: (m[0], m[1]))
    rows = [{"id": f"{PREFIX}{n:03d}", **row} for n, (_, _, row, _) in enumerate(made, 1)]
    return rows, [words for *_, words in made]


def story_rows(story: dict, outlets: dict[str, Outlet], seed: str, start: int) -> list[tuple]:
    """A story at its origin outlet, then its copies at outlets drawn from those carrying its language."""
    rng = random.Random(digest(seed, story["id"]))
    origin = outlets[story["outlet"]]
    t0 = datetime.fromisoformat(str(story["time"])).replace(tzinfo=UTC)
    first = first_draft(story)
    original = entry(story, origin, first, t0, seed)
    made: list[tuple] = [(t0, start, original, ())]
    pool = sorted(f for f, o in outlets.items() if f != origin.feed and o.carries(story["lang"]))
    rng.shuffle(pool)
    want = story.get("copies", COPIES)
    for feed in pool:
        if want == 0:
            break
        words = recipe(story, outlets[feed], rng)
        if words is None:  # every combination would hide a word: this outlet passes the story over
            continue
        d = first
        for w in words:
            d = apply_word(w, d, story, outlets[feed])
        when = t0 + timedelta(minutes=rng.randint(4, 900))
        row = entry(story, outlets[feed], d, when, seed)
        if (row["title"], row["content"]) == (original["title"], original["content"]):
            raise SystemExit(f"{story['id']} at {feed}: copy keeps its original's title and body")
        made.append((when, start + len(made), row, words))
        want -= 1
    if want:
        raise SystemExit(f"{story['id']}: not enough outlets for its copies")
    return made


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], recipes: list[tuple[str, ...]]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories)
    negatives = sum(
        per_story[s["id"]] * per_story[s["against"]] for s in stories if s["kind"] not in ("original", "independent")
    )
    words = Counter(w for ws in recipes for w in ws)
    en = 100 * langs["en"] / len(rows)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(s) > 1 for s in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {negatives}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())) + f"  (en {en:.0f}%)",
            "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


def main() -> None:
    rows, recipes = build_with_recipes()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows, recipes))


if __name__ == "__main__":
    main()
