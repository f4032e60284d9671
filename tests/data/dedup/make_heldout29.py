"""Generate held-out dedup set v29 (`heldout29.jsonl`) from `heldout29_source.yaml`.

Each story is emitted at its origin outlet, then copied to 3 other outlets carrying its language (English
and the side language: 2 and 1). A copy's recipe is 2-3 of the copy outlet's style words, applied in the
outlet's order; the first seeded combination in which every word changes the entry is used, so no word is
hidden. Deterministic (seeded `random.Random`, no clock); stdlib + PyYAML; imports no other generator.

    python tests/data/dedup/make_heldout29.py          # rewrites heldout29.jsonl
    python tests/data/dedup/make_heldout29.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout29_source.yaml"
OUT = HERE / "heldout29.jsonl"
PREFIX = "i"
COPIES = {"en": 2, "ro": 1}  # other languages: 3
SUMMARY_CUT = 220
DESIGN = {"original", "independent"}  # every other kind is a designed hard negative


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def derive(story: dict, stories: dict[str, dict]) -> dict:
    """A designed negative: its base's title and text with each swap applied in order (each must hit)."""
    base = stories[story["derive"]]
    title, text = base["title"], base["text"]
    for old, new in story["swaps"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: swap not found: {old!r}")
        title, text = title.replace(old, new), text.replace(old, new)
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: the title or text stays the same as {base['id']}'s")
    return {**story, "title": title, "text": text}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


def summary_of(first: str) -> str:
    if len(first) <= SUMMARY_CUT:
        return first
    return first[:SUMMARY_CUT].rsplit(" ", 1)[0] + " …"


def seeded(seed: int, *parts: str) -> random.Random:
    """A generator seeded by the set's seed and the given names (stable across runs and Python versions)."""
    digest = hashlib.sha256("|".join([str(seed), *parts]).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


# Each word takes a draft {title, summary, paras, plain, body} and returns a changed one.
def w_editiontag(d: dict, outlet: dict, origin: dict, rng: random.Random) -> dict:
    return {**d, "title": f"{outlet['region']} edition | {d['title']}"}


def w_readaloud(d: dict, outlet: dict, origin: dict, rng: random.Random) -> dict:
    return {**d, "paras": [f"Audio version · {rng.randint(2, 6)} min", *d["paras"]]}


def w_letterhead(d: dict, outlet: dict, origin: dict, rng: random.Random) -> dict:
    return {**d, "paras": [f"From this morning's letter by {outlet['name']}:", *d["paras"]]}


def w_textonly(d: dict, outlet: dict, origin: dict, rng: random.Random) -> dict:
    return {**d, "plain": True, "paras": ["Plain view for screen readers.", *d["paras"]]}


def w_partnerline(d: dict, outlet: dict, origin: dict, rng: random.Random) -> dict:
    return {**d, "paras": [*d["paras"], f"Shared with permission by partner desk {origin['name']}."]}


def w_appcard(d: dict, outlet: dict, origin: dict, rng: random.Random) -> dict:
    return {**d, "body": False, "summary": f"{d['summary']} Continue in the {outlet['name']} app."}


WORDS = {
    "editiontag": w_editiontag,
    "readaloud": w_readaloud,
    "letterhead": w_letterhead,
    "textonly": w_textonly,
    "partnerline": w_partnerline,
    "appcard": w_appcard,
}


def render(d: dict, html_body: bool) -> tuple[str, str, str]:
    """(title, summary, content) of a draft; HTML outlets wrap paragraphs in <p> unless a word made it plain."""
    if not d["body"]:
        return d["title"], d["summary"], ""
    if html_body and not d["plain"]:
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in d["paras"])
    else:
        content = "\n\n".join(d["paras"])
    return d["title"], d["summary"], content


def apply(words: tuple[str, ...], draft: dict, outlet: dict, origin: dict, seed: int, sid: str) -> dict:
    for word in words:
        draft = WORDS[word](draft, outlet, origin, seeded(seed, sid, outlet["feed"], word))
    return draft


def recipe(story: dict, outlet: dict, origin: dict, seed: int) -> tuple[tuple[str, ...], tuple[str, str, str]]:
    """The first seeded 2-3-word combination of the outlet's words where no word is hidden."""
    words = outlet["words"]
    combos = [c for n in (2, 3) for c in itertools.combinations(words, n)]
    seeded(seed, story["id"], outlet["feed"], "recipe").shuffle(combos)
    start = draft_of(story)
    original = render(start, outlet["html"])
    for combo in combos:
        made = render(apply(combo, start, outlet, origin, seed, story["id"]), outlet["html"])
        hidden = any(
            render(
                apply(tuple(w for w in combo if w != word), start, outlet, origin, seed, story["id"]), outlet["html"]
            )
            == made
            for word in combo
        )
        if not hidden and made != original:
            return combo, made
    raise SystemExit(f"{story['id']} at {outlet['feed']}: every recipe hides a word")


def draft_of(story: dict) -> dict:
    paras = paragraphs(story["text"])
    return {"title": story["title"], "summary": summary_of(paras[0]), "paras": paras, "plain": False, "body": True}


def entry(story: dict, outlet: dict, when: datetime, made: tuple[str, str, str], seed: int) -> dict:
    title, summary, content = made
    tag = hashlib.sha256(f"{seed}|{outlet['feed']}|{story['id']}".encode()).hexdigest()[:10]
    local = when.astimezone(timezone(timedelta(hours=outlet["offset"])))
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": f"https://{outlet['host']}/{local:%Y/%m}/{tag}",
        "guid": f"{outlet['feed']}:{tag}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def carries(outlet: dict, lang: str) -> bool:
    return outlet["langs"] == "all" or lang in outlet["langs"]


def build() -> list[dict]:
    source = load()
    seed = source["seed"]
    outlets = {o["feed"]: o for o in source["outlets"]}
    raw = {s["id"]: s for s in source["stories"]}
    stories = [derive(s, raw) if "derive" in s else s for s in source["stories"]]
    rows: list[tuple[datetime, str, str, dict]] = []
    for story in stories:
        origin = outlets[story["outlet"]]
        start = datetime.fromisoformat(story["time"])
        rows.append(
            (
                start,
                story["id"],
                origin["feed"],
                entry(story, origin, start, render(draft_of(story), origin["html"]), seed),
            )
        )
        rng = seeded(seed, story["id"])
        pool = sorted(f for f, o in outlets.items() if f != origin["feed"] and carries(o, story["lang"]))
        for feed in rng.sample(pool, COPIES.get(story["lang"], 3)):
            when = start + timedelta(minutes=rng.randint(4, 900))
            words, made = recipe(story, outlets[feed], origin, seed)
            if made[0] == story["title"] and made[2] == render(draft_of(story), origin["html"])[2]:
                raise SystemExit(f"{story['id']} at {feed}: the copy keeps its original's title and body")
            row = entry(story, outlets[feed], when, made, seed)
            row["_words"] = words
            rows.append((when, story["id"], feed, row))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = []
    for n, (_, _, _, row) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        out.append(row)
    return out


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> str:
    source = load()
    kinds = Counter(s["kind"] for s in source["stories"])
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in source["stories"] if s["kind"] not in DESIGN)
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r.get("_words", ()))
    lang_line = ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {lang_line}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
