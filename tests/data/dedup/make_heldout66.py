"""Build held-out v66 (`heldout66.jsonl`) from `heldout66_source.yaml`: long articles reshaped by carriers.

Each story is emitted at its origin desk, then copied by carriers that change the text's shape (a photo
gallery's slides, an easy-read edition, a wiki-style archive page, a smart-speaker script, a speech-to-text
transcript). A copy's recipe is the first seeded 2- or 3-word combination of its carrier's style words in
which no word is hidden and the title or body differs from the original. Stands alone: stdlib + PyYAML.

    python tests/data/dedup/make_heldout66.py          # rewrites heldout66.jsonl
    python tests/data/dedup/make_heldout66.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout66_source.yaml"
OUT = HERE / "heldout66.jsonl"
FRAMES = ("==", "{{", "⇆", "↑")
SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZА-ЯЁӀ0-9])")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    words: tuple[str, ...]
    cut: int


@dataclass(frozen=True)
class Text:
    title: str
    blocks: tuple[str, ...]


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def rng_for(seed: int, *parts: object) -> random.Random:
    return random.Random(int(digest(seed, *parts)[:16], 16))


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Stories by id, a derived story's title and text made from its base by phrase replacements."""
    by_id = {s["id"]: s for s in stories}
    for s in stories:
        if "derive" not in s:
            continue
        base = by_id[s["derive"]]
        title, text = s.get("title", base["title"]), base["text"]
        if "lede" in s:
            text = s["lede"].strip() + "\n\n" + text.strip().split("\n\n", 1)[1]
        for old, new in s.get("set", []):
            if old not in title and old not in text:
                raise SystemExit(f"{s['id']}: phrase not found: {old!r}")
            title, text = title.replace(old, new), text.replace(old, new)
        s.update(title=title, text=text)
        for key in ("lang", "outlet", "place"):
            s.setdefault(key, base[key])
    return by_id


def sentences(block: str) -> list[str]:
    return [p for p in SENTENCE.split(block.strip()) if p]


def is_frame(block: str) -> bool:
    """A line a carrier added around the article (heading, infobox, hint, references), not its text."""
    return block.startswith(FRAMES)


def numbered(blocks: tuple[str, ...], mark) -> tuple[str, ...]:
    """``mark(k, n, block)`` on the article's own blocks (k counts them from 1), frame lines left as they are."""
    n = sum(not is_frame(b) for b in blocks)
    out, k = [], 0
    for b in blocks:
        if not is_frame(b):
            k += 1
            b = mark(k, n, b)
        out.append(b)
    return tuple(out)


def w_galleryslides(t: Text, ctx: dict) -> Text:
    return Text(t.title, numbered(t.blocks, lambda k, n, b: f"◧ {k}/{n}\n{b}"))


def w_swipehint(t: Text, ctx: dict) -> Text:
    return Text(t.title, (f"⇆ {ctx['ui']['swipe']}", *t.blocks))


def w_easysplit(t: Text, ctx: dict) -> Text:
    def short(s: str) -> list[str]:
        parts = [p.strip() for p in re.split(r"[,;]\s+", s) if p.strip()]
        out = []
        for p in parts:
            p = p[0].upper() + p[1:]
            out.append(p if p[-1] in ".!?»" else p + ".")
        return out

    return Text(t.title, tuple("\n".join(x for s in sentences(b) for x in short(s)) for b in t.blocks))


def w_wikiinfobox(t: Text, ctx: dict) -> Text:
    box = f"{{{{Infobox | {ctx['ui']['place']} = {ctx['place']} | {ctx['ui']['date']} = {ctx['date']}}}}}"
    return Text(t.title, (box, *t.blocks))


def w_wikifootnotes(t: Text, ctx: dict) -> Text:
    marked = numbered(t.blocks, lambda k, n, b: f"{b}[{k}]")
    n = sum(not is_frame(b) for b in t.blocks)
    refs = " ".join(f"↑ [{k}] {ctx['carrier']}, {ctx['date']}." for k in range(1, n + 1))
    return Text(t.title, (*marked, refs))


def w_wikisections(t: Text, ctx: dict) -> Text:
    half = (len(t.blocks) + 1) // 2
    return Text(t.title, ("== I ==", *t.blocks[:half], "== II ==", *t.blocks[half:]))


def w_ttspercent(t: Text, ctx: dict) -> Text:
    word = " " + ctx["ui"]["percent"]

    def say(s: str) -> str:
        return re.sub(r"\s?%", word, s)

    return Text(say(t.title), tuple(say(b) for b in t.blocks))


def w_ttspauses(t: Text, ctx: dict) -> Text:
    return Text(t.title, tuple(" ⏸ ".join(sentences(b)) for b in t.blocks))


def w_asrclock(t: Text, ctx: dict) -> Text:
    out, clock = [], 1.5
    for b in t.blocks:
        whole = int(clock)
        stamp = f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}.{int(clock * 10) % 10}"
        out.append(f"{stamp} {b}")
        clock += len(b.split()) / 2.6 + 0.8
    return Text(t.title, tuple(out))


def w_asrlowercase(t: Text, ctx: dict) -> Text:
    def heard(s: str) -> str:
        # a pause mark of punctuation goes, a decimal comma or a clock's colon stays
        return re.sub(r"[,;:](?!\d)|[«»\"“”—]", "", s).lower().replace("  ", " ")

    return Text(heard(t.title), tuple(heard(b) for b in t.blocks))


WORDS = {name[2:]: fn for name, fn in globals().items() if name.startswith("w_")}


def apply(text: Text, recipe: tuple[str, ...], order: list[str], ctx: dict) -> Text:
    for word in sorted(recipe, key=order.index):
        text = WORDS[word](text, ctx)
    return text


def render(text: Text, outlet: Outlet) -> tuple[str, str]:
    """Summary and content as the outlet writes them (summary-only outlets: content empty)."""
    flat = [b.replace("\n", " ") for b in text.blocks]
    joined = ("\n" if outlet.body == "none" else " ").join(flat)
    summary = joined if len(joined) <= outlet.cut else joined[: outlet.cut].rsplit(" ", 1)[0] + " …"
    if outlet.body == "none":
        return summary, ""
    if outlet.body == "html":
        return html.escape(summary, quote=False), "\n".join(
            "<p>" + html.escape(b, quote=False).replace("\n", "<br>") + "</p>" for b in text.blocks
        )
    return summary, "\n\n".join(text.blocks)


def recipe_for(
    base: Text, outlet: Outlet, order: list[str], ctx: dict, rng: random.Random
) -> tuple[tuple[str, ...], Text] | None:
    combos = [c for k in (2, 3) for c in itertools.combinations(outlet.words, k)]
    rng.shuffle(combos)
    original = render(base, outlet)
    for combo in combos:
        made = render(apply(base, combo, order, ctx), outlet)
        if made[1] == original[1] and made[0] == original[0]:
            continue
        full = apply(base, combo, order, ctx)
        if full == base:
            continue
        hidden = any(render(apply(base, tuple(w for w in combo if w != x), order, ctx), outlet) == made for x in combo)
        if not hidden:
            return combo, full
    return None


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    seed, order = src["seed"], src["words"]
    start = datetime.fromisoformat(src["start"])
    outlets = {o[0]: Outlet(o[0], o[1], o[2], o[3], o[4], tuple(o[5]), o[6]) for o in src["outlets"]}
    carriers = [o for o in outlets.values() if o.words]
    resolve(src["stories"])
    when: dict[str, datetime] = {}
    rows = []
    for s in src["stories"]:
        kind = s["kind"]
        if kind == "original":
            at = start + timedelta(days=s["day"], minutes=rng_for(seed, s["id"], "t").randint(0, 148))
        else:
            at = when[s["against"]] + timedelta(minutes=src["delay"][kind])
        when[s["id"]] = at
        base = Text(s["title"], tuple(p.strip() for p in s["text"].strip().split("\n\n")))
        home = outlets[s["outlet"]]
        rows.append(entry(seed, s, home, base, at, ()))
        rng = rng_for(seed, s["id"], "carriers")
        pool = carriers[:]
        rng.shuffle(pool)
        made = 0
        for outlet in pool:
            if made == src["copies"][kind]:
                break
            ctx = {
                "ui": src["ui"][s["lang"]],
                "place": s["place"],
                "date": at.date().isoformat(),
                "carrier": outlet.name,
                "story": s["id"],
            }
            found = recipe_for(base, outlet, order, ctx, rng_for(seed, s["id"], outlet.feed))
            if found is None:  # every combination hides a word here (e.g. beyond a summary-only cut)
                continue
            combo, text = found
            later = at + timedelta(minutes=20 + rng_for(seed, s["id"], outlet.feed, "t").randint(0, 118) + made)
            rows.append(entry(seed, s, outlet, text, later, combo))
            made += 1
        if made < src["copies"][kind]:
            raise SystemExit(f"too few carriers for {s['id']}")
    rows.sort(key=lambda r: (r["_utc"], r["feed"], r["story"]))
    out = []
    for n, r in enumerate(rows, 1):
        r.pop("_utc")
        out.append({"id": f"pm{n:03d}", **r})
    return out


def entry(seed: int, s: dict, outlet: Outlet, text: Text, at: datetime, combo: tuple[str, ...]) -> dict:
    h = digest(seed, outlet.feed, s["id"])[:10]
    summary, content = render(text, outlet)
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    return {
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": text.title,
        "link": f"https://{outlet.host}/{local:%Y/%m/%d}/{h}",
        "guid": f"{outlet.feed}:{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_utc": at,
        "_recipe": combo,
    }


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_recipe"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> None:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = Counter(s["kind"] for s in src["stories"])
    per_story = Counter(r["story"] for r in rows)
    per_event: dict[str, Counter[str]] = {}
    for r in rows:
        per_event.setdefault(r["event"], Counter())[r["story"]] += 1
    same_event = sum(
        a * b for c in per_event.values() for (x, a), (y, b) in itertools.combinations(sorted(c.items()), 2)
    )
    by_id = {s["id"]: s for s in src["stories"]}
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in by_id.values() if s["kind"] in src["negative"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_recipe"])
    sizes = Counter(per_story.values())
    print(f"entries:                 {len(rows)}")
    print(f"stories:                 {len(per_story)}")
    several = sum(len(c) > 1 for c in per_event.values())
    print(f"events:                  {len(per_event)} ({several} with several stories)")
    print(f"copies:                  {len(copies)} ({changed} change the title or body)")
    print(f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}")
    print(f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}")
    print(f"same-event other-story:  {same_event}")
    print(f"designed negative pairs: {negative}")
    print(f"summary-only entries:    {sum(r['content'] == '' for r in rows)}")
    share = 100 * langs["en"] // len(rows)
    print(f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  (en {share}%)")
    print(f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}")
    print(f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}")


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        stats(rows)


if __name__ == "__main__":
    main()
