"""Generate held-out dedup set v44 (`heldout44.jsonl`) from `heldout44_source.yaml`.

Short briefs, one sentence per paragraph, and the line-shaped copies feeds make of them: plain text
hard-wrapped by mailers, standalone credit/dateline/filed-by/timestamp/share lines, one-line ticker and
push copies, two paragraphs merged. Deterministic (seeded); stdlib and PyYAML only; imports no other generator.

    python tests/data/dedup/make_heldout44.py          # rewrites heldout44.jsonl
    python tests/data/dedup/make_heldout44.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout44_source.yaml"
OUTPUT = HERE / "heldout44.jsonl"
PREFIX = "on"
COPIES = {"original": 4, "independent": 2}  # designed negatives get 2 copies too
EN_COPIES = 1  # English rewrites: one copy each, so English stays about a fifth
CJK = re.compile("[\u3400-\u9fff]")
SENTENCE_END = re.compile(r"(?<=[.!?。！？।])\s*")
PHOTOGRAPHERS = ["Aruna Belwal", "Tomas Riekstiņš", "Liang Wenxiu", "Mette Clausen", "Ilya Shipitsyn"]


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None
    words: tuple[str, ...]
    cut: int

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


@dataclass(frozen=True)
class Piece:
    """A copy being made: headline and the blocks (paragraphs and standalone lines) in order."""

    title: str
    blocks: tuple[str, ...]
    wrap: int = 0


def seeded(*parts: str) -> random.Random:
    return random.Random(hashlib.sha256("|".join(parts).encode()).hexdigest())


def load() -> tuple[dict, dict[str, Outlet], list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, words, cut in src["outlets"]:
        unknown = set(words) - set(src["words"])
        if unknown:
            raise SystemExit(f"{feed}: unknown recipe words {sorted(unknown)}")
        carried = None if langs == "all" else tuple(langs)
        outlets[feed] = Outlet(feed, name, host, offset, body, carried, tuple(words), cut)
    return src, outlets, [derive(s, src["stories"]) for s in src["stories"]]


def derive(story: dict, stories: list[dict]) -> dict:
    """A designed negative: its base's title and text with a new lede and the `set` phrases replaced."""
    if "derive" not in story:
        return story
    base = next(s for s in stories if s["id"] == story["derive"])
    title, text = base["title"], base["text"]
    for old, new in story["set"].items():
        if old not in title + text:
            raise SystemExit(f"{story['id']}: phrase {old!r} not in its base")
        title, text = title.replace(old, new), text.replace(old, new)
    paras = paragraphs(text)
    if "lede" in story:  # set last, so the new lede keeps quoting the first brief's headline as it ran
        paras = [story["lede"], *paras[1:]]
    return {**base, **story, "title": title, "text": "\n\n".join(paras), "outlet": base["outlet"]}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


def first_sentence(block: str) -> str:
    return SENTENCE_END.split(block, maxsplit=1)[0].strip() or block


def cut_at_word(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit]
    if not CJK.search(head) and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:—") + "…"


def apply(word: str, piece: Piece, ctx: dict) -> Piece:
    """One recipe word; each keeps every sentence it does not say it drops."""
    b = piece.blocks
    if word == "twoparasjoined":  # a mailer template that has room for one paragraph before the first break
        if len(b) < 2:
            return piece
        glue = "" if CJK.search(b[0]) else " "
        return replace(piece, blocks=(b[0] + glue + b[1], *b[2:]))
    if word == "tickerline":  # a crawler shows the lede's first sentence only
        return replace(piece, blocks=(first_sentence(b[0]),))
    if word == "pushblurb":  # a push notification: the lede cut to what fits on a lock screen
        return replace(piece, blocks=(cut_at_word(b[0], 72),))
    if word == "creditatop":
        return replace(piece, blocks=(f"Pictures: {ctx['photographer']} / {ctx['outlet'].name}", *b))
    if word == "datelineatop":
        return replace(piece, blocks=(f"{ctx['place']}, {ctx['local']:%d %b %Y}", *b))
    if word == "filedbyline":
        return replace(piece, blocks=(b[0], f"Filed by {ctx['outlet'].name} desk at {ctx['local']:%H:%M}", *b[1:]))
    if word == "timestampline":
        return replace(piece, blocks=(*b, f"Last edit {ctx['local']:%Y-%m-%d %H:%M %z}"))
    if word == "sharepromptline":
        return replace(piece, blocks=(*b, "Share this brief: forward it, or tap ↗ to send"))
    if word == "softwrap":
        return replace(piece, wrap=ctx["width"])
    raise SystemExit(f"unknown recipe word {word}")


def render(piece: Piece, outlet: Outlet, lede_only: bool) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries them."""
    blocks = [textwrap.fill(b, piece.wrap) if piece.wrap else b for b in piece.blocks]
    if outlet.body == "html":
        content = "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    elif outlet.body == "plain":
        content = "\n\n".join(blocks)
    else:
        content = ""
    summary = "\n".join(blocks) if outlet.body == "none" or not lede_only else blocks[0]
    if outlet.cut:
        summary = cut_at_word(summary, outlet.cut)
    return piece.title, summary, content


def make_copy(story: dict, outlet: Outlet, ctx: dict, original: tuple[str, str, str]) -> tuple | None:
    """The first seeded 2-3 word recipe of the outlet where no word is hidden and the copy differs."""
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    seeded(story["id"], outlet.feed, "recipe").shuffle(combos)
    base = Piece(story["title"], tuple(paragraphs(story["text"])))
    order = ctx["order"]
    for combo in combos:
        recipe = sorted(combo, key=order.index)
        made = made_with(base, recipe, outlet, ctx)
        hidden = any(made_with(base, [w for w in recipe if w != x], outlet, ctx) == made for x in recipe)
        if not hidden and (made[0], made[2]) != (original[0], original[2]):
            return made, recipe
    return None


def made_with(base: Piece, recipe: list[str], outlet: Outlet, ctx: dict) -> tuple[str, str, str]:
    piece = base
    for word in recipe:
        piece = apply(word, piece, ctx)
    return render(piece, outlet, lede_only=False)


def story_time(story: dict, by_id: dict, start: datetime, day: dict) -> datetime:
    if story["kind"] == "original":
        return start + timedelta(days=day[story["id"]])
    base = story_time(by_id[story["against"]], by_id, start, day)
    if story["kind"] == "independent":
        return base + timedelta(minutes=95 + 7 * len(story["id"]) % 40)
    if story["kind"].endswith("nextdaybrief"):
        return base + timedelta(days=1, hours=2)
    if story["kind"].endswith("bulletin"):  # the same template filled a week later
        return base + timedelta(days=7, hours=1)
    return base + timedelta(hours=6)  # a second brief from the same desk on the same day


def row(story: dict, outlet: Outlet, when: datetime, made: tuple[str, str, str], n: int) -> dict:
    local = when.astimezone(timezone(timedelta(minutes=outlet.offset)))
    slug = re.sub(r"[^a-z0-9]+", "-", story["id"].lower())
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": made[0],
        "link": f"https://{outlet.host}/{local:%Y/%m}/{slug}-{n}",
        "guid": f"{outlet.feed}:{story['id']}:{n}",
        "published": local.isoformat(),
        "summary": made[1],
        "content": made[2],
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> tuple[list[dict], Counter[str]]:
    src, outlets, stories = load()
    start = datetime.fromisoformat(src["start"])
    by_id = {s["id"]: s for s in stories}
    day = {s["id"]: i for i, s in enumerate(s for s in stories if s["kind"] == "original")}
    rows: list[dict] = []
    used: Counter[str] = Counter()
    for s in stories:
        home = outlets[s["outlet"]]
        when = story_time(s, by_id, start, day)
        original = render(Piece(s["title"], tuple(paragraphs(s["text"]))), home, lede_only=True)
        rows.append(row(s, home, when, original, 0))
        want = EN_COPIES if s["lang"] == "en" else COPIES.get(s["kind"], 2)
        rng = seeded(src["seed"], s["id"])
        carriers = [o for o in outlets.values() if o.carries(s["lang"]) and o.feed != home.feed]
        rng.shuffle(carriers)
        made_n = 0
        for outlet in carriers:
            if made_n == want:
                break
            later = when + timedelta(minutes=20 + 31 * made_n + rng.randint(0, 25))
            ctx = {
                "order": src["words"],
                "outlet": outlet,
                "place": s["place"],
                "local": later.astimezone(timezone(timedelta(minutes=outlet.offset))),
                "photographer": PHOTOGRAPHERS[rng.randrange(len(PHOTOGRAPHERS))],
                "width": 60 + rng.randint(0, 16),
            }
            found = make_copy(s, outlet, ctx, original)
            if found is None:
                continue
            made, recipe = found
            if (made[0], made[2]) == (original[0], original[2]):
                raise SystemExit(f"{s['id']} at {outlet.feed}: the copy keeps its original's title and body")
            made_n += 1
            used.update(recipe)
            rows.append(row(s, outlet, later, made, made_n))
        if made_n < want:
            raise SystemExit(f"{s['id']}: only {made_n} copies")
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["guid"]))
    for i, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{i:03d}"
    return rows, used


def dump(built: tuple[list[dict], Counter[str]]) -> str:
    rows = built[0]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], used: Counter[str]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    negatives = [s for s in stories if s["kind"] not in ("original", "independent")]
    kinds = Counter(s["kind"] for s in stories)
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {sum(per_story[s['id']] * per_story[s['against']] for s in negatives)}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(used.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    built = build()
    OUTPUT.write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(*built))


if __name__ == "__main__":
    main()
