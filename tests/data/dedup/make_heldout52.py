"""Held-out v52 (dh52): short Dungan, Khasi and Kikuyu briefs re-carried by new kinds of carriers.

Standalone and seeded: imports nothing from `monitor` and writes `heldout52.jsonl` byte for byte the
same on every run. `--stats` prints the counts the README quotes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout52_source.yaml"
OUT = HERE / "heldout52.jsonl"
PREFIX = "ov"
# Minutes after the story's original (or after the start, for an original) per kind.
OFFSET = {"english": 100, "independent": 115, "side": 130, "siblingnotice": 300, "dayaftertally": 1560}
DESIGNED = ("siblingnotice", "dayaftertally")
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
# Clause and sentence ends an easy-read edition breaks lines at (Latin and Cyrillic text alike).
CLAUSE = re.compile(r"(?<=[,.;])\s+")
WEEKDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MODERATORS = ["Sister Ruth", "Deacon Owino", "Warden Kharmih", "Elder Sagyndyk"]
MENU = "Send 1 for the next story · 2 for weather · 0 for the menu"


def rng_for(seed: str, key: str) -> random.Random:
    """A generator per story, so adding a story never reshuffles another story's copies."""
    digest = hashlib.sha256(f"{seed}/{key}".encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def blocks_of(text: str) -> list[str]:
    return [b.strip() for b in text.strip().split("\n\n") if b.strip()]


def derive(base: dict, story: dict) -> tuple[str, list[str]]:
    """A designed negative: its base with phrase replacements, and for a next-day tally a new lede."""
    title, text = base["title"], base["text"]
    for old, new in story["set"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: phrase not in its base: {old}")
        title, text = title.replace(old, new), text.replace(old, new)
    blocks = blocks_of(text)
    if "lede" in story:
        blocks[0] = story["lede"]
    return title, blocks


class Copy:
    """One carrier's rendering of a story: title and blocks, reshaped word by word."""

    def __init__(self, story: dict, outlet: dict, when: datetime, n: int, places: dict) -> None:
        self.title, self.blocks = story["title"], list(story["blocks"])
        self.story, self.outlet, self.when, self.n, self.places = story, outlet, when, n, places

    def apply(self, word: str) -> None:
        getattr(self, word)()

    def digestitemno(self) -> None:  # an e-ink or mail digest numbers its items in the headline
        self.title = f"{self.n % 7 + 2}/9 · {self.title}"

    def teletextheader(self) -> None:  # a teletext page's header row, the page number and the clock
        local = self.when.astimezone(self.outlet["zone"])
        page = 300 + self.n % 40
        name = self.outlet["name"].split()[0].upper()
        self.blocks.insert(0, f"P{page}  {name}  {local:%d/%m %H:%M}")

    def pinnedbyline(self) -> None:  # a community board's pin line above the notice
        local = self.when.astimezone(self.outlet["zone"])
        who = MODERATORS[self.n % len(MODERATORS)]
        self.blocks.insert(0, f"◉ Pinned by {who} · {WEEKDAY[local.weekday()]}")

    def rundowncue(self) -> None:  # a radio rundown's cue: item number, reading time, slug
        words = sum(len(b.split()) for b in self.blocks)
        secs = max(10, round(words / 2.5))
        slug = f"{self.story['place'].upper()}/{self.story['id'].split('-')[1].upper()}"  # the desk's slug
        self.blocks.insert(0, f"RUNDOWN {self.n % 9 + 1} · READ {secs // 60}:{secs % 60:02d} · {slug}")

    def pronouncerline(self) -> None:  # a radio script's pronouncer, just above the lede
        place = self.story["place"]
        at = 1 if self.blocks and self.blocks[0].startswith(("RUNDOWN ", "P3")) else 0
        self.blocks.insert(at, f"PRON: {place} = {self.places[place]}")

    def clauseperline(self) -> None:  # an easy-read edition: one clause a line, each its own block
        self.blocks = [part for b in self.blocks for part in CLAUSE.split(b) if part]

    def transitscroll(self) -> None:  # a station screen scrolls everything as one line, cut to fit
        line = "  +++  ".join(self.blocks)
        if len(line) > 160:
            line = line[:160].rsplit(" ", 1)[0]
        self.blocks = [line]

    def botnumbermenu(self) -> None:  # a messenger bot's numbered reply menu under the story
        self.blocks.append(MENU)

    def fastextrow(self) -> None:  # the coloured-key row at the foot of a teletext page
        page = 300 + self.n % 40
        self.blocks.append(f"■R {page + 1}  ■G {page + 2}  ■Y 400  ■B 100")

    def viewonlinefooter(self) -> None:  # an RSS-to-email mailer's footer
        code = hashlib.sha256(f"{self.outlet['feed']}/{self.n}".encode()).hexdigest()[:8]
        self.blocks.append(f"Not displaying right? View online: https://{self.outlet['host']}/v/{code}")


def render(outlet: dict, title: str, blocks: list[str]) -> tuple[str, str, str]:
    """Title, summary and body as the outlet's feed carries them."""
    if outlet["body"] == "none":
        summary = "\n".join(blocks)
        cut = outlet["cut"]
        if cut and len(summary) > cut:
            summary = summary[:cut].rstrip() + " …"
        return title, summary, ""
    if outlet["body"] == "html":
        return title, blocks[0], "\n".join(f"<p>{b}</p>" for b in blocks)
    return title, blocks[0], "\n\n".join(blocks)


def recipe(story: dict, outlet: dict, when: datetime, n: int, places: dict, order: list[str], rng: random.Random):
    """The first seeded combination of 2-3 style words where no word is hidden and the text changes."""
    combos = [c for k in (2, 3) for c in itertools.combinations(outlet["words"], k)]
    rng.shuffle(combos)
    original = (story["title"], "\n\n".join(story["blocks"]))

    def make(words: tuple[str, ...]) -> tuple[str, str, str]:
        copy = Copy(story, outlet, when, n, places)
        for w in sorted(words, key=order.index):
            copy.apply(w)
        return render(outlet, copy.title, copy.blocks)

    for combo in combos:
        made = make(combo)
        if any(make(tuple(w for w in combo if w != drop)) == made for drop in combo):
            continue
        if (made[0], made[2]) == original:
            continue
        return sorted(combo, key=order.index), made
    return None


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, words, cut in src["outlets"]:
        outlets[feed] = {
            "feed": feed,
            "name": name,
            "host": host,
            "zone": timezone(timedelta(minutes=offset)),
            "body": body,
            "langs": langs,
            "words": words,
            "cut": cut,
        }
    for w in (w for o in outlets.values() for w in o["words"]):
        if w not in src["words"]:
            raise SystemExit(f"unknown recipe word {w}")
    return {**src, "outlets": outlets}


def build() -> list[dict]:
    src = load()
    outlets, places, order = src["outlets"], src["places"], src["words"]
    start = datetime.fromisoformat(src["start"])
    stories = {s["id"]: dict(s) for s in src["stories"]}
    originals = [s for s in stories.values() if s["kind"] == "original"]
    times: dict[str, datetime] = {}
    for i, s in enumerate(originals):
        times[s["id"]] = start + timedelta(days=i, minutes=37 * (i % 5))
    for s in stories.values():
        if s["kind"] in DESIGNED:
            s["title"], s["blocks"] = derive(stories[s["derive"]], s)
        else:
            s["blocks"] = blocks_of(s["text"])
        if s["kind"] != "original":
            times[s["id"]] = times[s["against"]] + timedelta(minutes=OFFSET[s["kind"]])
    carriers = [o for o in outlets.values() if o["langs"] == "all"]
    entries = []
    for sid, s in stories.items():
        home = outlets[s["outlet"]]
        entries.append((times[sid], sid, 0, home, [], render(home, s["title"], s["blocks"])))
        rng = rng_for(src["seed"], sid)
        pool = list(carriers)
        rng.shuffle(pool)
        made = 0
        for outlet in pool:
            if made == src["copies"][s["kind"]]:
                break
            when = times[sid] + timedelta(minutes=rng.randint(20, 138))
            got = recipe(s, outlet, when, len(entries), places, order, rng)
            if got is None:
                continue
            words, text = got
            made += 1
            entries.append((when, sid, made, outlet, words, text))
        if made < src["copies"][s["kind"]]:
            raise SystemExit(f"{sid}: only {made} copies")
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    rows = []
    for i, (when, sid, k, outlet, words, (title, summary, content)) in enumerate(entries, 1):
        s = stories[sid]
        local = when.astimezone(outlet["zone"])
        rows.append(
            {
                "id": f"{PREFIX}{i:03d}",
                "outlet": outlet["name"],
                "feed": outlet["feed"],
                "title": title,
                "link": f"https://{outlet['host']}/{local:%Y/%m/%d}/{sid}-{k}",
                "guid": f"{outlet['feed']}:{sid}:{k}",
                "published": local.isoformat(),
                "summary": summary,
                "content": content,
                "lang": s["lang"],
                "story": f"{sid}",
                "event": s["event"],
                "_words": words,
                "_kind": s["kind"],
            }
        )
    return rows


def dump(rows: list[dict]) -> str:
    keep = [
        "id",
        "outlet",
        "feed",
        "title",
        "link",
        "guid",
        "published",
        "summary",
        "content",
        "lang",
        "story",
        "event",
    ]
    return "".join(json.dumps({k: r[k] for k in keep}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in src["stories"] if s["kind"] in DESIGNED)
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in src["stories"])
    words = Counter(w for r in rows for w in r["_words"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)

    def text(r: dict) -> tuple[str, str]:
        return r["title"], r["content"]

    changed = sum(1 for r in rows if first[r["story"]] is not r and text(r) != text(first[r["story"]]))
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"copies changing text:    {changed}",
            f"hard-negative pairs:     {hard}",
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
        print(stats(rows))


if __name__ == "__main__":
    main()
