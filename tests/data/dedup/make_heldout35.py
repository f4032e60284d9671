"""Held-out dedup set v35: emits `heldout35.jsonl` from `heldout35_source.yaml` (stdlib + PyYAML only).

Each story is filled into its language's frame (report, or a rival desk's frame), emitted at its origin
outlet, then copied to 1-3 other outlets carrying its language. A copy applies 2-3 of its outlet's style
words in the fixed order of RECIPE; a combination where a word changes nothing is skipped, so no word is
hidden. Seeded and without a clock: the same source always gives the same bytes.

    python tests/data/dedup/make_heldout35.py [--stats]
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
SOURCE = HERE / "heldout35_source.yaml"
OUT = HERE / "heldout35.jsonl"
PREFIX = "od"
SUMMARY_MAX = 220
COPIES = {"en": 2, "wa": 1}  # copies per story; main languages get 3
# The recipe words, in the order a copy applies them.
RECIPE = (
    "lexicalnudge",
    "prefacepara",
    "paraswap",
    "bylinetranslit",
    "wiredeskcredit",
    "teaserlink",
    "liveblogstamp",
    "regionbadge",
)
PREFACE = (
    "Context: this report reaches you from our associate bureau covering {place}. Our newsroom has not checked every "
    "detail independently; the figures below are those given by the organisers, and earlier coverage of {place} "
    "is in our archive."
)


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None  # None: every language
    style: tuple[str, ...]
    edition: str

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


@dataclass(frozen=True)
class Entry:
    """A story as one feed carries it, before rendering: paragraphs stay a list until the end."""

    title: str
    paras: tuple[str, ...]
    summary: str | None  # None: the lede, as most feeds derive it
    local: datetime


def sha(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def load() -> tuple[dict, dict[str, Outlet], list[dict], str]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, style, edition in src["outlets"]:
        outlets[feed] = Outlet(
            feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(style), edition
        )
    return src["frames"], outlets, resolve(src["stories"]), src["seed"]


def resolve(stories: list[dict]) -> list[dict]:
    """A designed negative (`derive`) is its base with some slots changed: same outlet, people and wording."""
    by_id = {s["id"]: s for s in stories}
    out = []
    for s in stories:
        if "derive" in s:
            base = by_id[s["derive"]]
            slots = {**base["slots"], **s["set"]}
            if slots == base["slots"]:
                raise SystemExit(f"{s['id']}: derive changes nothing")
            s = {
                **base,
                **{k: v for k, v in s.items() if k not in ("derive", "set")},
                "against": base["id"],
                "slots": slots,
            }
        out.append(s)
    return out


def fill(frames: dict, story: dict) -> tuple[str, tuple[str, ...]]:
    frame = frames[story["lang"]]
    key = "rival_" if story.get("rival") else ""
    title = frame[key + "title"].format(**story["slots"])
    title = title[:1].upper() + title[1:]  # a slot may open the headline ("a free clinic …")
    text = frame[key + "text"].format(**story["slots"])
    return title, tuple(p.strip() for p in text.split("\n\n"))


def nudge(text: str, pairs: list[list[str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def apply(word: str, e: Entry, story: dict, origin: Outlet, out: Outlet, link: str) -> Entry:
    slots = story["slots"]
    if word == "lexicalnudge":  # a partner desk's light rewording: a few verbs and nouns swapped, nothing else
        pairs = story["nudge"]
        return replace(e, title=nudge(e.title, pairs), paras=tuple(nudge(p, pairs) for p in e.paras))
    if word == "prefacepara":  # a partner's long prefatory paragraph before the report
        return replace(e, paras=(PREFACE.format(place=slots["place_lat"]), *e.paras))
    if word == "paraswap":  # an app that moves the closing paragraph to the top
        return replace(e, paras=e.paras[-1:] + e.paras[:-1])
    if word == "bylinetranslit":  # a reporter line in Latin letters with the name in its own script
        name = (
            slots["person_lat"]
            if slots["person"] == slots["person_lat"]
            else f"{slots['person_lat']} ({slots['person']})"
        )
        return replace(e, paras=(*e.paras[:1], f"Reporter: {name}", *e.paras[1:]))
    if word == "wiredeskcredit":
        return replace(e, paras=(*e.paras, f"From our partners at {origin.name}."))
    if word == "teaserlink":  # a headline-only teaser pointing at the original
        return replace(e, paras=(), summary=f"{e.title} ➜ {link}")
    if word == "liveblogstamp":
        return replace(e, title=f"{e.local:%H:%M} · {e.title}")
    if word == "regionbadge":
        return replace(e, title=f"{e.title} · {out.edition}")
    raise SystemExit(f"unknown recipe word {word}")


def render(e: Entry, out: Outlet) -> dict:
    if e.summary is not None:
        summary = e.summary
    else:
        lede = e.paras[0]
        summary = lede if len(lede) <= SUMMARY_MAX else lede[:SUMMARY_MAX].rsplit(" ", 1)[0] + " …"
    if out.body == "none" or not e.paras:
        content = ""
    elif out.body == "html":
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in e.paras)
    else:
        content = "\n\n".join(e.paras)
    return {"title": e.title, "summary": summary, "content": content}


def recipe(
    rng: random.Random, e: Entry, story: dict, origin: Outlet, out: Outlet, link: str
) -> tuple[tuple[str, ...], dict] | None:
    """The first seeded combination of 2-3 style words in which every word changes the entry as carried."""
    combos = [c for k in (2, 3) for c in itertools.combinations(sorted(out.style, key=RECIPE.index), k)]
    rng.shuffle(combos)
    for combo in combos:
        cur, seen, ok = e, render(e, out), True
        for word in combo:
            cur = apply(word, cur, story, origin, out, link)
            now = render(cur, out)
            ok = ok and now != seen
            seen = now
        if ok:
            return combo, seen
    return None


def row(story: dict, out: Outlet, when: datetime, fields: dict, seed: str) -> dict:
    h = sha(seed, out.feed, story["id"])
    local = when.astimezone(timezone(timedelta(minutes=out.offset)))
    return {
        "id": "",
        "outlet": out.name,
        "feed": out.feed,
        "title": fields["title"],
        "link": f"https://{out.host}/news/{h[:12]}",
        "guid": f"{out.feed}:{h[12:28]}",
        "published": local.isoformat(),
        "summary": fields["summary"],
        "content": fields["content"],
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> tuple[list[dict], Counter[str]]:
    frames, outlets, stories, seed = load()
    rows: list[dict] = []
    words: Counter[str] = Counter()
    for story in stories:
        origin = outlets[story["outlet"]]
        when = datetime.fromisoformat(story["time"].replace("Z", "+00:00"))
        title, paras = fill(frames, story)
        story = {**story, "nudge": frames[story["lang"]]["lexicalnudge"]}
        first = row(story, origin, when, render(Entry(title, paras, None, when), origin), seed)
        rows.append(first)
        rng = random.Random(sha(seed, story["id"]))
        pool = sorted(o for o in outlets if o != origin.feed and outlets[o].carries(story["lang"]))
        rng.shuffle(pool)
        made = 0
        for feed in pool:
            if made == COPIES.get(story["lang"], 3):
                break
            out = outlets[feed]
            at = when + timedelta(minutes=rng.randint(4, 900))
            local = at.astimezone(timezone(timedelta(minutes=out.offset)))
            found = recipe(rng, Entry(title, paras, None, local), story, origin, out, first["link"])
            if found is None:
                continue
            combo, fields = found
            if (fields["title"], fields["content"]) == (first["title"], first["content"]):
                raise SystemExit(f"{story['id']} at {feed}: copy keeps its original's title and body")
            rows.append(row(story, out, at, fields, seed))
            words.update(combo)
            made += 1
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows, words


def dump(built: tuple[list[dict], Counter[str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in built[0])


def stats(rows: list[dict], words: Counter[str]) -> str:
    _, _, stories, _ = load()
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories)
    negative = {s["id"]: s["against"] for s in stories if s["kind"] not in ("original", "independent")}
    events = Counter(s["event"] for s in stories)
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {sum(per_story[a] * per_story[b] for a, b in negative.items())}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    built = build()
    OUT.write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(*built))


if __name__ == "__main__":
    main()
