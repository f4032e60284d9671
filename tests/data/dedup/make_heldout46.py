"""Build held-out dedup set v46 (`heldout46.jsonl`) from `heldout46_source.yaml`.

Short line-shaped briefs and the copies feeds make of them: wire slugs and kickers on their own line, a
wire lead-in on the lede, a ticker strip piping two paragraphs into one line, keyword, short-link and
opt-out footers, blank lines collapsed and plain text wrapped with a hanging indent. Deterministic (seeded
from the source), stdlib + PyYAML only, imports no earlier generator.

    python tests/data/dedup/make_heldout46.py          # rewrites heldout46.jsonl
    python tests/data/dedup/make_heldout46.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout46_source.yaml"
OUT = HERE / "heldout46.jsonl"
PREFIX = "op"
NEGATIVE = ("sameafternoon", "nextdayfollow")
# minutes after the story a kind answers (`against`), or after its base for a designed negative
DELAY = {"english": 100, "independent": 115, "side": 130, "sameafternoon": 360, "nextdayfollow": 1560}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None
    words: tuple[str, ...]
    kicker: str
    cut: int
    width: int

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(src: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, words, kicker, cut, width in src["outlets"]:
        carried = None if langs == "all" else tuple(langs)
        found[feed] = Outlet(feed, name, host, offset, body, carried, tuple(words), kicker, cut, width)
    return found


def derive(story: dict, base: dict) -> dict:
    """A designed hard negative: its base with phrase replacements (each must match) and an optional new lede."""
    title, text = base["title"], base["text"]
    for old, new in story["set"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: phrase {old!r} is in neither title nor text of {base['id']}")
        title, text = title.replace(old, new), text.replace(old, new)
    if "lede" in story:
        text = story["lede"] + "\n\n" + text
    inherited = {k: base[k] for k in ("lang", "outlet", "place", "tags")}
    return {**inherited, **story, "title": title, "text": text}


def stories_of(src: dict) -> list[dict]:
    done: dict[str, dict] = {}
    for s in src["stories"]:
        done[s["id"]] = derive(s, done[s["derive"]]) if "derive" in s else dict(s)
    return list(done.values())


def times_of(stories: list[dict], start: datetime) -> dict[str, datetime]:
    """Originals a day apart; every other story a fixed delay after the story it answers or derives from."""
    when: dict[str, datetime] = {}
    day = 0
    for s in stories:
        if s["kind"] == "original":
            when[s["id"]] = start + timedelta(days=day)
            day += 1
        else:
            when[s["id"]] = when[s["against"]] + timedelta(minutes=DELAY[s["kind"]])
    return when


def paragraphs(story: dict) -> list[str]:
    return [p.strip() for p in story["text"].split("\n\n") if p.strip()]


def dateline(story: dict, outlet: Outlet, at: datetime) -> str:
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    return f"{story['place']}, {local.day} {MONTHS[local.month - 1]} ({outlet.name}) — "


def apply(words: tuple[str, ...], story: dict, outlet: Outlet, at: datetime) -> tuple[list[str], list[str], set[str]]:
    """Recipe words in order: (story paragraphs as carried, every block as carried, render flags)."""
    paras = paragraphs(story)
    before: list[str] = []
    after: list[str] = []
    flags: set[str] = set()
    code = digest(outlet.feed, story["id"])
    for word in words:
        if word == "pipedticker":  # a ticker strip: lede and second paragraph in one line, the rest dropped
            paras = [paras[0] + " | " + paras[1]] if len(paras) > 1 else paras
        elif word == "wireleadin":
            paras = [dateline(story, outlet, at) + paras[0], *paras[1:]]
        elif word == "wireslugfirst":
            before.append(story["slug"])
        elif word == "kickerlabel":
            before.append(outlet.kicker)
        elif word == "tagsfooter":
            after.append("Keywords: " + ", ".join(story["tags"]))
        elif word == "shortlinkline":
            after.append(f"⤷ https://go.{outlet.host}/{code[:6]}")
        elif word == "optoutfooter":
            after.append(f"Opt out: reply NO to {int(code[:4], 16) % 9000 + 1000}")
        elif word in ("singlenewlines", "hangindentwrap"):
            flags.add(word)
        else:
            raise SystemExit(f"unknown recipe word {word!r}")
    return paras, before + paras + after, flags


def cut(text: str, limit: int) -> str:
    if not limit or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip() + " …"


def hang(block: str, width: int) -> str:
    """Wrap at `width` columns, continuation lines indented; a Han character takes two columns."""
    wide = any("\u4e00" <= ch <= "\u9fff" for ch in block)
    lines = textwrap.wrap(block, width // 2 if wide else width, subsequent_indent="   ", break_on_hyphens=False)
    return "\n".join(lines)


def render(outlet: Outlet, paras: list[str], blocks: list[str], flags: set[str]) -> tuple[str, str]:
    """(summary, content) as the outlet's feed carries them."""
    if outlet.body == "none":
        return cut("\n".join(blocks), outlet.cut), ""
    summary = cut(paras[0], 220)
    if outlet.body == "html":
        return summary, "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    if "hangindentwrap" in flags and outlet.width:
        blocks = [hang(b, outlet.width) for b in blocks]
    return summary, ("\n" if "singlenewlines" in flags else "\n\n").join(blocks)


def entry(story: dict, outlet: Outlet, at: datetime, words: tuple[str, ...]) -> dict:
    paras, blocks, flags = apply(words, story, outlet, at)
    summary, content = render(outlet, paras, blocks, flags)
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    h = digest(outlet.feed, story["id"], "link")
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": story["title"],
        "link": f"https://{outlet.host}/{local.year}/{local.month:02d}/{h[:10]}",
        "guid": f"{outlet.feed}-{h[10:22]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def visible(row: dict) -> tuple[str, str, str]:
    return row["title"], row["summary"], row["content"]


def recipe(story: dict, outlet: Outlet, at: datetime, original: dict, rng: random.Random) -> tuple[str, ...] | None:
    """The first seeded 2-3 word combination of the outlet's words where no word is hidden and the body changes."""
    order = {w: i for i, w in enumerate(WORDS)}
    combos = [tuple(sorted(c, key=order.__getitem__)) for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    rng.shuffle(combos)
    for combo in combos:
        made = visible(entry(story, outlet, at, combo))
        if made[0] == original["title"] and made[2] == original["content"]:
            continue
        dropped = (tuple(w for w in combo if w != word) for word in combo)
        if all(visible(entry(story, outlet, at, rest)) != made for rest in dropped):
            return combo
    return None


WORDS: list[str] = []


def build() -> list[dict]:
    src = load()
    WORDS[:] = src["words"]
    outlets = outlets_of(src)
    stories = stories_of(src)
    when = times_of(stories, datetime.fromisoformat(src["start"]))
    rows: list[tuple[datetime, int, dict, tuple[str, ...]]] = []
    for n, s in enumerate(stories):
        home = outlets[s["outlet"]]
        if not home.carries(s["lang"]) or home.body == "none":
            raise SystemExit(f"{s['id']}: origin {home.feed} cannot carry it")
        original = entry(s, home, when[s["id"]], ())
        rows.append((when[s["id"]], n, original, ()))
        rng = random.Random(digest(src["seed"], s["id"]))
        others = [o for o in outlets.values() if o.feed != home.feed and o.carries(s["lang"])]
        rng.shuffle(others)
        made = 0
        for o in others:
            if made == src["copies"][s["kind"]]:
                break
            at = when[s["id"]] + timedelta(minutes=rng.randint(20, 138))
            combo = recipe(s, o, at, original, rng)
            if combo is None:
                continue
            copy = entry(s, o, at, combo)
            if (copy["title"], copy["content"]) == (original["title"], original["content"]):
                raise SystemExit(f"{s['id']} at {o.feed}: a copy keeps its original's title and body")
            rows.append((at, n, copy, combo))
            made += 1
        if made < src["copies"][s["kind"]]:
            raise SystemExit(f"{s['id']}: only {made} copies")
    rows.sort(key=lambda r: (r[0], r[1]))
    out = []
    for i, (_, _, row, combo) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{i:03d}"
        RECIPES[row["id"]] = combo
        out.append(row)
    return out


RECIPES: dict[str, tuple[str, ...]] = {}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    stories = {s["id"]: s for s in stories_of(load())}
    per_story = Counter(r["story"] for r in rows)
    per_event: dict[str, set[str]] = {}
    for r in rows:
        per_event.setdefault(r["event"], set()).add(r["story"])
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for combo in RECIPES.values() for w in combo)
    several = sum(len(v) > 1 for v in per_event.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(per_event)} ({several} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   "
        + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s["kind"] for s in stories.values()).items())),
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
