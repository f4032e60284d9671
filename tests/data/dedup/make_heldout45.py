"""Build held-out dedup set v45 (`heldout45.jsonl`) from `heldout45_source.yaml`: short line-shaped briefs.

Each story is emitted at its origin outlet, then copied to other outlets carrying its language. A copy's
recipe is 2-3 of the outlet's 3 style words, applied in the order of the source's `words`; a combination in
which any word is hidden (dropping it changes nothing) is skipped. Deterministic: every draw comes from a
`random.Random` seeded with a SHA-256 of the set's seed and the story. Standard library and PyYAML only.

    python tests/data/dedup/make_heldout45.py          # rewrites heldout45.jsonl
    python tests/data/dedup/make_heldout45.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout45_source.yaml"
OUT = HERE / "heldout45.jsonl"
PREFIX = "oo"
COPIES = {"original": 4}  # every other kind gets 2, English rewrites 1
SMS = {True: 153, False: 67}  # characters per joined text-message segment: GSM letters, else UCS-2
PHOTOGRAPHERS = ["Ruan Meiling", "Tamar Kvitsiani", "Giorgia Malagoli", "Iancu Dabura", "Owen Pratley"]
NEGATIVE_DELAY = {
    "sameday": timedelta(hours=6),
    "nextmorning": timedelta(hours=26),
    "weekform": timedelta(days=7, hours=1),
}
SENTENCE_END = re.compile(r"(?<=[.!?。])\s*")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None
    styles: tuple[str, ...]
    cut: int
    width: int


@dataclass(frozen=True)
class Draft:
    title: str
    blocks: tuple[str, ...]


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(source: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, styles, cut, width in source["outlets"]:
        carried = None if langs == "all" else tuple(langs)
        found[feed] = Outlet(feed, name, host, offset, body, carried, tuple(styles), cut, width)
    return found


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.strip().split("\n\n"))


def derive(story: dict, stories: dict[str, dict]) -> tuple[str, str]:
    """A designed negative: its base's title and text with each `set` phrase replaced (and a new lede)."""
    base = stories[story["derive"]]
    title, text = base["title"], base["text"].strip()
    for old, new in story["set"].items():
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: phrase {old!r} not in {base['id']}")
        title, text = title.replace(old, new), text.replace(old, new)
    if "lede" in story:
        text = story["lede"] + "\n\n" + text
    return title, text


def first_sentence(block: str) -> str:
    return SENTENCE_END.split(block, maxsplit=1)[0].strip()


def wrap(block: str, width: int, justify: bool) -> str:
    """Hard-wrap one paragraph at `width` columns as a text-only mailer does; Han text by characters."""
    if " " not in block:
        step = width // 2
        return "\n".join(block[i : i + step] for i in range(0, len(block), step))
    lines: list[list[str]] = [[]]
    for word in block.split():
        if lines[-1] and len(" ".join(lines[-1] + [word])) > width:
            lines.append([])
        lines[-1].append(word)
    out = []
    for i, words in enumerate(lines):
        if justify and i < len(lines) - 1 and len(words) > 1:
            out.append(spread(words, width))
        else:
            out.append(" ".join(words))
    return "\n".join(out)


def spread(words: list[str], width: int) -> str:
    """Pad the gaps of one line to exactly `width` columns, the leftmost gaps first (full justification)."""
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    line = ""
    for i, word in enumerate(words[:-1]):
        line += word + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return line + words[-1]


def segments(blocks: tuple[str, ...]) -> tuple[str, ...]:
    """The body as joined text-message segments, each marked "k/n:"; a segment holds 153 Latin letters
    but only 67 characters of any other script (UCS-2), so Han and Georgian briefs split sooner."""
    text = " ".join(blocks)
    size = SMS[all(ord(c) < 0x250 for c in text)]
    parts: list[str] = []
    while text:
        if len(text) <= size:
            parts.append(text)
            break
        cut = text.rfind(" ", 0, size)
        cut = size if cut <= 0 else cut
        parts.append(text[:cut].strip())
        text = text[cut:].strip()
    return tuple(f"{k}/{len(parts)}: {p}" for k, p in enumerate(parts, 1))


def apply(word: str, d: Draft, outlet: Outlet, story: dict, when: datetime, rng_key: int) -> Draft:
    b = d.blocks
    if word == "alertsentence":
        return Draft(d.title, (f"FLASH — {first_sentence(b[0])}",))
    if word == "notifypair":
        return Draft(d.title, (d.title, first_sentence(b[0])))
    if word == "lastpairmerged":
        return Draft(d.title, b if len(b) < 2 else (*b[:-2], b[-2] + " " + b[-1]))
    if word == "creditmidway":
        credit = f"Photo © {PHOTOGRAPHERS[rng_key % len(PHOTOGRAPHERS)]} / {outlet.name}"
        return Draft(d.title, (*b[:1], credit, *b[1:]))
    if word == "dashruleparas":
        ruled: list[str] = []
        for block in b:
            ruled += [block, "· · ·"]
        return Draft(d.title, tuple(ruled[:-1]))
    if word == "titleasfirstline":
        return Draft(d.title, (d.title, *b))
    if word == "readingminutes":
        return Draft(d.title, ("Time to read: under a minute", *b))
    if word == "liveclockfirst":
        return Draft(d.title, (local(when, outlet.offset).strftime("%H:%M"), *b))
    if word == "openinappline":
        return Draft(d.title, (*b, f"Open in the app: {outlet.feed}://story/{story['id']}"))
    if word == "smssegments":
        return Draft(d.title, segments(b))
    if word == "fulljustify":
        return Draft(d.title, tuple(wrap(block, outlet.width, True) for block in b))
    if word == "forwardquoted":
        return Draft(d.title, tuple("\n".join("> " + line for line in block.split("\n")) for block in b))
    raise SystemExit(f"unknown recipe word {word!r}")


def local(when: datetime, offset: int) -> datetime:
    return when.astimezone(timezone(timedelta(minutes=offset)))


def render(d: Draft, outlet: Outlet) -> tuple[str, str]:
    """(summary, content) as the outlet's feed carries them."""
    if outlet.body == "none":
        return cut("\n".join(d.blocks), outlet.cut), ""
    summary = cut(d.blocks[0], outlet.cut)
    if outlet.body == "html":
        return summary, "".join(f"<p>{html.escape(b, quote=False).replace(chr(10), '<br>')}</p>" for b in d.blocks)
    return summary, "\n\n".join(d.blocks)


def cut(text: str, limit: int) -> str:
    if not limit or len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit - 1)
    return text[: space if space > limit // 2 else limit - 1].rstrip() + "…"


def recipe(outlet: Outlet, rng: random.Random, words: list[str], base: Draft, story: dict, when: datetime):
    """The first seeded 2-3-word combination of the outlet's styles with no hidden word, or None."""
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet.styles, n)]
    rng.shuffle(combos)
    key = rng.randrange(1000)
    for combo in combos:
        ordered = sorted(combo, key=words.index)
        made = cook(ordered, base, outlet, story, when, key)
        if made.blocks == base.blocks and made.title == base.title:
            continue
        shown = render(made, outlet)
        if all(
            render(cook([w for w in ordered if w != x], base, outlet, story, when, key), outlet) != shown
            for x in ordered
        ):
            return ordered, made
    return None


def cook(ordered: list[str], base: Draft, outlet: Outlet, story: dict, when: datetime, key: int) -> Draft:
    d = base
    for word in ordered:
        d = apply(word, d, outlet, story, when, key)
    return d


def seeded(seed: int, story_id: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(f"{seed}:{story_id}".encode()).digest()[:8], "big"))


def first_time(
    story: dict, index: dict[str, int], start: datetime, stories: dict[str, dict], rng: random.Random
) -> datetime:
    if story["kind"] == "original":
        return start + timedelta(days=index[story["id"]])
    base = first_time(stories[story["against"]], index, start, stories, rng)
    for suffix, delay in NEGATIVE_DELAY.items():
        if story["kind"].endswith(suffix):
            return base + delay
    return base + timedelta(minutes=rng.randint(95, 134))


def build() -> list[dict]:
    source = load()
    words: list[str] = source["words"]
    outlets = outlets_of(source)
    stories = {s["id"]: s for s in source["stories"]}
    originals = [s["id"] for s in source["stories"] if s["kind"] == "original"]
    index = {sid: i for i, sid in enumerate(originals)}
    start = datetime.fromisoformat(source["start"])
    rows: list[tuple[datetime, int, dict]] = []
    for story in source["stories"]:
        rng = seeded(source["seed"], story["id"])
        title, text = derive(story, stories) if "derive" in story else (story["title"], story["text"])
        base = Draft(title, paragraphs(text))
        when = first_time(story, index, start, stories, rng)
        home = outlets[story["outlet"]]
        rows.append((when, len(rows), entry(home, story, base, when, 0)))
        want = 1 if story["lang"] == "en" else COPIES.get(story["kind"], 2)
        pool = [o for o in outlets.values() if o.feed != home.feed and (o.langs is None or story["lang"] in o.langs)]
        rng.shuffle(pool)
        made = 0
        for outlet in pool:
            if made == want:
                break
            at = when + timedelta(minutes=rng.randint(20, 138))
            found = recipe(outlet, rng, words, base, story, at)
            if found is None:
                continue
            made += 1
            ordered, draft = found
            rows.append((at, len(rows), {**entry(outlet, story, draft, at, made), "_recipe": ordered}))
        if made < want:
            raise SystemExit(f"{story['id']}: only {made} copies")
    rows.sort(key=lambda r: (r[0], r[1]))
    out = []
    for n, (_, _, row) in enumerate(rows, 1):
        out.append({"id": f"{PREFIX}{n:03d}", **row})
    check(out, stories)
    return out


def entry(outlet: Outlet, story: dict, d: Draft, when: datetime, n: int) -> dict:
    summary, content = render(d, outlet)
    stamp = local(when, outlet.offset)
    return {
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": d.title,
        "link": f"https://{outlet.host}/{stamp:%Y/%m}/{story['id']}-{n}",
        "guid": f"{outlet.feed}:{story['id']}:{n}",
        "published": stamp.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def check(rows: list[dict], stories: dict[str, dict]) -> None:
    """Fail if a copy keeps its original's title and body."""
    first: dict[str, dict] = {}
    for r in rows:
        if r["story"] in first and (r["title"], r["content"], r["summary"]) == (
            first[r["story"]]["title"],
            first[r["story"]]["content"],
            first[r["story"]]["summary"],
        ):
            raise SystemExit(f"{r['id']}: copy keeps its original's title and body")
        first.setdefault(r["story"], r)


KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], stories: dict[str, dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    events: Counter[str] = Counter()
    for sid in per_story:
        events[stories[sid]["event"]] += 1
    negatives = [s for s in stories.values() if s["kind"] not in ("original", "independent")]
    words = Counter(w for r in rows for w in r.get("_recipe", []))
    kinds = Counter(s["kind"] for s in stories.values())
    return "\n".join(
        [
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
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows, {s["id"]: s for s in load()["stories"]}))


if __name__ == "__main__":
    main()
