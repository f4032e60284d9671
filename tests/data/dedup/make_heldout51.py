"""Held-out dedup set v51: event clusters of full articles, each report copied by carrier outlets.

Standalone on purpose (imports nothing from `monitor` or from other generators): a held-out set must
stay independent of the code it measures. Reads `heldout51_source.yaml`, writes `heldout51.jsonl`
byte for byte the same on every run (every random choice comes from a seed and the story's id).

    python tests/data/dedup/make_heldout51.py          # rewrites heldout51.jsonl
    python tests/data/dedup/make_heldout51.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import argparse
import hashlib
import html
import itertools
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout51_source.yaml"
OUT = HERE / "heldout51.jsonl"
PREFIX = "ou"
DESIGNED = ("morrowsamedesk", "twinhappeningtown", "deskroundupquote")
# A Korean or Japanese desk's own credit opens its first paragraph; a carrier swaps it for its own.
CREDIT_TAG = re.compile(r"^(\[[^\]]+\]|【[^】]+】)\s*")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int  # minutes east of UTC
    body: str  # html, plain or none (summary only)
    langs: tuple[str, ...]  # languages it carries as copies; () = an origin desk
    words: tuple[str, ...]
    cut: int  # summary cut in characters, 0 = none


@dataclass(frozen=True)
class Story:
    id: str
    event: str
    kind: str
    lang: str
    outlet: str
    at: datetime
    title: str
    alt: str
    blocks: tuple[str, ...]


@dataclass(frozen=True)
class Copy:
    """One entry before it gets its id: the story, where it ran, when, and the words applied."""

    story: Story
    outlet: Outlet
    at: datetime
    words: tuple[str, ...]
    title: str
    summary: str
    content: str


def load() -> tuple[dict, dict[str, Outlet], list[Story]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {
        row[0]: Outlet(row[0], row[1], row[2], row[3], row[4], tuple(row[5]), tuple(row[6]), row[7])
        for row in source["outlets"]
    }
    unknown = {w for o in outlets.values() for w in o.words} - set(source["words"])
    if unknown:
        raise SystemExit(f"unknown recipe words: {sorted(unknown)}")
    raw = {s["id"]: s for s in source["stories"]}
    stories = [make_story(s, raw) for s in source["stories"]]
    return source, outlets, stories


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


def derived_text(s: dict, raw: dict) -> list[str]:
    """A designed negative: its base's paragraphs with phrases replaced and, for a follow-up, a new lede."""
    text = raw[s["derive"]]["text"]
    for old, new in s["set"]:
        if old not in text:
            raise SystemExit(f"{s['id']}: phrase not in {s['derive']}: {old[:40]}")
        text = text.replace(old, new)
    blocks = paragraphs(text)
    if "lede" in s:
        blocks[0] = s["lede"]
    return blocks


def roundup_text(s: dict, raw: dict) -> list[str]:
    """A round-up writes its intro, then each quoted story's headline and first paragraph."""
    blocks = [s["intro"]]
    for quoted in s["quotes"]:
        blocks += [f"■ {raw[quoted]['title']}", paragraphs(raw[quoted]["text"])[0]]
    return blocks


def make_story(s: dict, raw: dict) -> Story:
    if "derive" in s:
        blocks = derived_text(s, raw)
    elif "quotes" in s:
        blocks = roundup_text(s, raw)
    else:
        blocks = paragraphs(s["text"])
    at = datetime.fromisoformat(s["at"].replace("Z", "+00:00"))
    return Story(s["id"], s["event"], s["kind"], s["lang"], s["outlet"], at, s["title"], s["alt"], tuple(blocks))


def local(at: datetime, outlet: Outlet) -> datetime:
    return at.astimezone(timezone(timedelta(minutes=outlet.offset)))


def cut(text: str, limit: int) -> str:
    return text if not limit or len(text) <= limit else text[:limit].rstrip() + " …"


def apply(
    words: tuple[str, ...], story: Story, outlet: Outlet, at: datetime, source: dict, origin: Outlet
) -> tuple[str, list[str], list[str]]:
    """The copy's title, its article paragraphs and the whole body (wrappers included), word by word in order."""
    title, body = story.title, list(story.blocks)
    joiner = "" if story.lang == "ja" else " "
    for word in words:
        if word == "freshheadline":
            title = story.alt
        elif word == "middleswap":
            body[1], body[2] = body[2], body[1]
        elif word == "parafuse":
            body[1:3] = [body[1] + joiner + body[2]]
        elif word == "tailclip":
            body = body[:-1]
    article = list(body)
    for word in words:
        if word == "creditlineswap":
            body = [source["credit"][story.lang].format(outlet=outlet.name), CREDIT_TAG.sub("", body[0]), *body[1:]]
        elif word == "wireupdatetop":
            body = [source["update"][story.lang].format(time=local(at, outlet).strftime("%H:%M")), *body]
        elif word == "trackedreadmore":
            slug = story.id.removeprefix("s-")
            link = f"https://{origin.host}/{slug}?utm_source={outlet.feed}&utm_medium=rss&utm_campaign=partner"
            body = [*body, f"{source['readmore'][story.lang]} {link}"]
        elif word == "aggregatorstub":
            body = [*body, source["stub"][story.lang].format(outlet=outlet.name)]
    return title, article, body


def render(
    words: tuple[str, ...], story: Story, outlet: Outlet, at: datetime, source: dict, origin: Outlet
) -> tuple[str, str, str]:
    title, article, body = apply(words, story, outlet, at, source, origin)
    if outlet.body == "none":
        return title, cut(" ".join(body), outlet.cut), ""
    summary = cut(article[0], outlet.cut)
    if outlet.body == "plain":
        return title, summary, "\n\n".join(body)
    escaped = [html.escape(b, quote=False) for b in body]
    if "brbreaks" in words:
        return title, summary, '<div class="entry">' + "<br><br>".join(escaped) + "</div>"
    return title, summary, "".join(f"<p>{b}</p>" for b in escaped)


def seeded(seed: str, story: Story) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(f"{seed}/{story.id}".encode()).digest()[:8], "big"))


def copies_of(story: Story, source: dict, outlets: dict[str, Outlet]) -> list[Copy]:
    """The story at its origin desk, then its copies at carriers of its language.

    A copy's recipe is the first seeded 2–3-word combination of the carrier's words in which no word
    is hidden (dropping it changes nothing) and the title or body differs from the original.
    """
    origin = outlets[story.outlet]
    first = Copy(story, origin, story.at, (), *render((), story, origin, story.at, source, origin))
    rng = seeded(source["seed"], story)
    carriers = sorted((o for o in outlets.values() if story.lang in o.langs), key=lambda o: o.feed)
    rng.shuffle(carriers)
    made = [first]
    wanted = source["copies"][story.kind]
    for outlet in carriers:
        if len(made) > wanted:
            break
        at = story.at + timedelta(minutes=rng.randint(12, 150))
        recipe = recipe_for(story, outlet, at, source, origin, rng, (first.title, first.content))
        if recipe:
            made.append(Copy(story, outlet, at, recipe, *render(recipe, story, outlet, at, source, origin)))
    if len(made) != wanted + 1:
        raise SystemExit(f"{story.id}: {len(made) - 1} copies, wanted {wanted}")
    return made


def recipe_for(
    story: Story,
    outlet: Outlet,
    at: datetime,
    source: dict,
    origin: Outlet,
    rng: random.Random,
    original: tuple[str, str],
) -> tuple[str, ...] | None:
    order = source["words"]
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    rng.shuffle(combos)
    for combo in combos:
        words = tuple(sorted(combo, key=order.index))
        made = render(words, story, outlet, at, source, origin)
        hidden = any(
            render(tuple(w for w in words if w != drop), story, outlet, at, source, origin) == made for drop in words
        )
        if not hidden and (made[0], made[2]) != original:
            return words
    return None


def row(n: int, c: Copy) -> dict[str, str]:
    slug = c.story.id.removeprefix("s-")
    day = c.at.strftime("%Y/%m/%d")
    if c.outlet.feed == c.story.outlet:
        link, guid = f"https://{c.outlet.host}/{day}/{slug}", f"tag:{c.outlet.host},2029:{slug}"
    else:
        digest = hashlib.sha1(f"{c.outlet.feed}/{c.story.id}".encode()).hexdigest()[:10]
        tracking = "?utm_source=rss&utm_medium=feed" if int(digest, 16) % 2 else ""
        link, guid = f"https://{c.outlet.host}/a/{digest}/{slug}{tracking}", f"{c.outlet.feed}-{digest}"
    return {
        "id": f"{PREFIX}{n:03d}",
        "outlet": c.outlet.name,
        "feed": c.outlet.feed,
        "title": c.title,
        "link": link,
        "guid": guid,
        "published": local(c.at, c.outlet).isoformat(),
        "summary": c.summary,
        "content": c.content,
        "lang": c.story.lang,
        "story": c.story.id,
        "event": c.story.event,
    }


def entries() -> list[Copy]:
    source, outlets, stories = load()
    made = [c for s in stories for c in copies_of(s, source, outlets)]
    return sorted(made, key=lambda c: (c.at, c.story.id, c.outlet.feed))


def build() -> list[dict[str, str]]:
    return [row(n, c) for n, c in enumerate(entries(), 1)]


def dump(rows: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(made: list[Copy]) -> str:
    source, _, stories = load()
    raw = {s["id"]: s for s in source["stories"]}
    per_story = Counter(c.story.id for c in made)
    events: dict[str, set[str]] = {}
    for s in stories:
        events.setdefault(s.event, set()).add(s.id)
    langs = Counter(c.story.lang for c in made)
    designed = 0
    for s in stories:
        if s.kind in DESIGNED:
            for other in raw[s.id].get("quotes", [raw[s.id].get("against")]):
                designed += per_story[s.id] * per_story[other]
    same_event = sum(
        per_story[a] * per_story[b] for ids in events.values() for a, b in itertools.combinations(sorted(ids), 2)
    )
    words = Counter(w for c in made for w in c.words)
    first = {c.story.id: (c.title, c.content) for c in made if not c.words}
    changed = sum(1 for c in made if c.words and (c.title, c.content) != first[c.story.id])
    lines = [
        f"entries:                 {len(made)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {sum(1 for c in made if c.words)} (changing title or body: {changed})",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"designed negative pairs: {designed}",
        f"same-event other-story pairs: {same_event}",
        f"summary-only entries:    {sum(1 for c in made if c.outlet.body == 'none')}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {100 * langs['en'] // len(made)}%)",
        "kinds:                   "
        + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s.kind for s in stories).items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="also print the counts")
    args = parser.parse_args()
    made = entries()
    OUT.write_text(dump([row(n, c) for n, c in enumerate(made, 1)]), encoding="utf-8")
    if args.stats:
        print(stats(made))


if __name__ == "__main__":
    main()
