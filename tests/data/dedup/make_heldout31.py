"""Build held-out dedup set v31 (`heldout31.jsonl`) from `heldout31_source.yaml`.

Each story is emitted at its origin outlet, then as copies at outlets carrying its language. A copy's recipe
is 2-3 of the copy outlet's 3 style words, applied in the fixed order of WORDS; a recipe with a hidden word
(dropping it gives the same entry) is skipped, and a copy that keeps its original's title and body fails the
build. Seeded and clock-free, so the file is the same byte for byte on every run. Stdlib + PyYAML only.

    python tests/data/dedup/make_heldout31.py          # rewrites heldout31.jsonl
    python tests/data/dedup/make_heldout31.py --stats  # the same, and prints the counts
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
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout31_source.yaml"
OUT = HERE / "heldout31.jsonl"
PREFIX = "o"
WORDS = ("namegloss", "rubyname", "skipnav", "lastupdated", "sitesuffix", "signupfoot", "lowband")
SENTENCE_END = re.compile(r"。|[।.!?](?=\s|$)")  # a full stop inside a figure (3.8) ends nothing
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    html: bool
    langs: tuple[str, ...] | None  # None: carries every language
    words: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """An entry before rendering: what the recipe words change."""

    title: str
    paras: tuple[str, ...]
    summary: str | None = None  # set only by a summary-only edition


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def load() -> tuple[str, dict[str, Outlet], list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, is_html, langs, words in src["outlets"]:
        assert set(words) <= set(WORDS), feed
        outlets[feed] = Outlet(
            feed, name, host, offset, is_html, None if langs == "all" else tuple(langs), tuple(words)
        )
    stories = {s["id"]: s for s in src["stories"]}
    return src["seed"], outlets, [resolve(s, stories) for s in src["stories"]]


def resolve(story: dict, stories: dict[str, dict]) -> dict:
    """A `derive:` story is its base with `swaps` applied in order; every swap must hit and change something."""
    if "derive" not in story:
        return story
    base = stories[story["derive"]]
    title, text = base["title"], base["text"]
    for old, new in story["swaps"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: swap not found: {old!r}")
        title, text = title.replace(old, new), text.replace(old, new)
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: swaps leave the title or text unchanged")
    keep = {k: base[k] for k in ("lang", "outlet", "gloss") if k in base}
    return {**keep, **story, "title": title, "text": text}


def apply(word: str, d: Draft, story: dict, outlet: Outlet, when: datetime) -> Draft:
    native, latin = story.get("gloss", ("", ""))
    if word == "namegloss" and native:  # a wire desk glosses a name in Latin letters at its first mention
        first = next((i for i, p in enumerate(d.paras) if native in p), None)
        if first is None:
            return d
        paras = list(d.paras)
        paras[first] = paras[first].replace(native, f"{native} ({latin})", 1)
        return replace(d, paras=tuple(paras))
    if word == "rubyname" and native:  # a learners' edition prints the name's reading above it
        ruby = f"<ruby>{native}<rt>{latin}</rt></ruby>"
        return replace(d, paras=tuple(p.replace(native, ruby) for p in d.paras))
    if word == "skipnav":  # an accessibility view exported with its skip link
        return replace(d, paras=("Skip to main content", *d.paras))
    if word == "lastupdated":
        local = when.astimezone(timezone(timedelta(minutes=outlet.offset)))  # the outlet's own clock
        stamp = f"Last updated: {local.strftime('%Y-%m-%d %H:%M')} (UTC{local.strftime('%z')})"
        return replace(d, paras=(d.paras[0], stamp, *d.paras[1:]))
    if word == "sitesuffix":  # a CMS export that takes the page title, site name included
        return replace(d, title=f"{d.title} | {outlet.name}")
    if word == "signupfoot":  # a newsletter's footer
        return replace(d, paras=(*d.paras, f"Sign up for the {outlet.name} morning letter."))
    if word == "lowband":  # a low-bandwidth edition: no body, the opening two sentences as summary
        text = TAG.sub("", " ".join(d.paras))
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        return replace(d, summary=text[: ends[1]] if len(ends) > 1 else text)
    return d


def make(story: dict, outlet: Outlet, recipe: tuple[str, ...], when: datetime) -> tuple[str, str, str]:
    d = Draft(story["title"], tuple(p.strip() for p in story["text"].strip().split("\n\n")))
    for word in WORDS:
        if word in recipe:
            d = apply(word, d, story, outlet, when)
    if d.summary is not None:
        return d.title, d.summary, ""
    summary = TAG.sub("", d.paras[0])
    if len(summary) > 220:
        summary = summary[:220].rsplit(" ", 1)[0] + " …"
    if outlet.html:
        body = "".join(f"<p>{html.escape(p, quote=False) if '<ruby>' not in p else p}</p>" for p in d.paras)
    else:
        body = "\n\n".join(d.paras)
    return d.title, summary, body


def recipe_for(story: dict, outlet: Outlet, when: datetime, rng: random.Random) -> tuple[str, ...] | None:
    """The first seeded 2-3 word combination of the outlet's words in which no word is hidden."""
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    rng.shuffle(combos)
    for combo in combos:
        made = make(story, outlet, combo, when)
        if all(make(story, outlet, tuple(w for w in combo if w != word), when) != made for word in combo):
            return combo
    return None


def entry(seed: str, story: dict, outlet: Outlet, when: datetime, recipe: tuple[str, ...]) -> dict:
    title, summary, content = make(story, outlet, recipe, when)
    h = digest(seed, outlet.feed, story["id"])[:14]
    local = when.astimezone(timezone(timedelta(minutes=outlet.offset)))
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": f"https://{outlet.host}/news/{h}",
        "guid": f"{outlet.feed}:{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_recipe": recipe,
    }


def copies_of(seed: str, story: dict, outlets: dict[str, Outlet], origin_time: datetime) -> list[dict]:
    rng = random.Random(digest(seed, story["id"]))
    want = 1 if story["lang"] == "ms" else 3
    carriers = [
        o for o in outlets.values() if o.feed != story["outlet"] and (o.langs is None or story["lang"] in o.langs)
    ]
    rng.shuffle(carriers)
    original = make(story, outlets[story["outlet"]], (), origin_time)
    made = []
    for outlet in carriers:
        when = origin_time + timedelta(minutes=rng.randint(4, 900))
        recipe = recipe_for(story, outlet, when, rng)
        if recipe is None:
            continue
        row = entry(seed, story, outlet, when, recipe)
        if (row["title"], row["content"]) == (original[0], original[2]):
            raise SystemExit(f"{story['id']} at {outlet.feed}: copy keeps its original's title and body")
        made.append(row)
        if len(made) == want:
            return made
    raise SystemExit(f"{story['id']}: only {len(made)} copies possible")


def build() -> list[dict]:
    seed, outlets, stories = load()
    rows = []
    for s in stories:
        when = datetime.fromisoformat(s["time"].replace("Z", "+00:00"))
        rows.append(entry(seed, s, outlets[s["outlet"]], when, ()))
        rows.extend(copies_of(seed, s, outlets, when))
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_recipe"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories)
    events = Counter(s["event"] for s in stories)
    negatives = [s for s in stories if "derive" in s]
    words = Counter(w for r in rows for w in r["_recipe"])
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {sum(per_story[s['id']] * per_story[s['against']] for s in negatives)}",
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
