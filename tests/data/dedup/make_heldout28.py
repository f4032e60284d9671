"""Build held-out dedup set v28 (`heldout28.jsonl`) from `heldout28_source.yaml`.

Each story runs at its origin outlet, then as copies (3 in a main language, 2 in English and Czech) at
outlets carrying its language. A copy's recipe is 2-3 of the copy outlet's style words, in the outlet's
order: the first seeded combination where every word changes the entry. Deterministic: seeded
`random.Random`, no clock. Stdlib + PyYAML; imports no earlier generator.

    python make_heldout28.py          # rewrites heldout28.jsonl
    python make_heldout28.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout28_source.yaml"
OUT = HERE / "heldout28.jsonl"
PREFIX = "v"
SUMMARY_CUT = 220
# Copies per story by language: fewer for English and the side language, as v27 did.
COPIES = {"en": 2, "cs": 2}
MAIN_COPIES = 3


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def derive(base: dict, story: dict) -> dict:
    """A designed hard negative: the base's title and text with `swaps` applied in order."""
    title, text = base["title"], base["text"]
    for old, new in story["swaps"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: swap {old!r} not found")
        title, text = title.replace(old, new), text.replace(old, new)
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: title or text unchanged by its swaps")
    fields = {k: v for k, v in story.items() if k not in ("derive", "swaps")}
    return {**fields, "lang": base["lang"], "title": title, "text": text}


def stories_of(source: dict) -> list[dict]:
    by_id: dict[str, dict] = {}
    for s in source["stories"]:
        by_id[s["id"]] = derive(by_id[s["derive"]], s) if "derive" in s else s
    return list(by_id.values())


def paragraphs(story: dict) -> list[str]:
    return [p.strip() for p in story["text"].strip().split("\n\n")]


def rng_for(seed: int, *parts: str) -> random.Random:
    return random.Random(f"{seed}|" + "|".join(parts))


def place_of(story: dict) -> str:
    return paragraphs(story)[0].split(" — ", 1)[0]


def apply_word(word: str, entry: dict, ctx: dict) -> None:
    """One recipe word: what a channel really does to a copy it carries."""
    r = rng_for(ctx["seed"], ctx["story"]["id"], ctx["outlet"]["feed"], word)
    body: list[str] = entry["body"]
    if word == "titlesite":  # a CMS export keeps the site name in the headline
        entry["title"] = f"{entry['title']} – {ctx['outlet']['name']}"
    elif word == "wireslug":  # a wire desk's slug line stays on top
        body.insert(0, f"BC-{place_of(ctx['story']).upper().replace(' ', '-')}-{r.randint(100, 999)}//")
    elif word == "weatherstrip":  # a regional edition's weather strip on top
        body.insert(0, f"Today in {ctx['outlet']['region']}: {r.randint(-12, 24)}°C")
    elif word == "photocount":  # a photo strip's count line after the first paragraph
        first = paragraphs(ctx["story"])[0]
        body.insert(body.index(first) + 1 if first in body else 0, f"[{r.randint(3, 14)} photos]")
    elif word == "crosspost":
        body.append(f"Cross-posted from {ctx['origin']['name']}.")
    elif word == "tipline":
        body.append(f"Got a tip? Write to tips@{ctx['outlet']['host']}.")
    elif word == "pushonly":  # a push-alert feed carries only the summary
        entry["body"] = []
        entry["summary"] += " Tap for the full story."
    else:
        raise SystemExit(f"unknown recipe word {word!r}")


def make_entry(story: dict, outlet: dict, origin: dict, words: tuple[str, ...], seed: int) -> dict:
    entry = {"title": story["title"], "body": paragraphs(story), "summary": summary_of(story)}
    ctx = {"seed": seed, "story": story, "outlet": outlet, "origin": origin}
    for word in words:
        apply_word(word, entry, ctx)
    return entry


def summary_of(story: dict) -> str:
    first = paragraphs(story)[0]
    if len(first) <= SUMMARY_CUT:
        return first
    return first[:SUMMARY_CUT].rsplit(" ", 1)[0] + " …"


def recipe(story: dict, outlet: dict, origin: dict, seed: int) -> tuple[str, ...]:
    """The first seeded 2-3 word combination of the outlet's words where no word is hidden."""
    words = outlet["words"]
    combos = [c for n in (2, 3) for c in itertools.combinations(words, n)]
    rng_for(seed, story["id"], outlet["feed"], "recipe").shuffle(combos)
    for combo in combos:
        full = make_entry(story, outlet, origin, combo, seed)
        plain = make_entry(story, outlet, origin, (), seed)
        if (full["title"], full["body"]) == (plain["title"], plain["body"]):
            continue
        if all(make_entry(story, outlet, origin, tuple(w for w in combo if w != x), seed) != full for x in combo):
            return combo
    raise SystemExit(f"{story['id']} at {outlet['feed']}: no recipe without a hidden word")


def render_body(body: list[str], style: str) -> str:
    if not body:
        return ""
    if style == "html":
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body)
    return "\n\n".join(body)


def token(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]


def row(story: dict, outlet: dict, when: datetime, entry: dict) -> dict:
    sign, hh, mm = outlet["offset"][0], int(outlet["offset"][1:3]), int(outlet["offset"][4:6])
    offset = timedelta(hours=hh, minutes=mm) * (1 if sign == "+" else -1)
    local = when.astimezone(timezone(offset))
    t = token(outlet["feed"], story["id"])
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": entry["title"],
        "link": f"https://{outlet['host']}/{local:%Y/%m}/{t}",
        "guid": f"{outlet['feed']}:{t}",
        "published": local.isoformat(),
        "summary": entry["summary"],
        "content": render_body(entry["body"], outlet["body"]),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def carriers(outlets: list[dict], lang: str, origin: str) -> list[dict]:
    return [o for o in outlets if o["feed"] != origin and (o["langs"] == "all" or lang in o["langs"])]


def build() -> list[dict]:
    source = load()
    seed = source["seed"]
    outlets = {o["feed"]: o for o in source["outlets"]}
    rows: list[tuple[datetime, dict, str]] = []
    for story in stories_of(source):
        origin = outlets[story["outlet"]]
        start = datetime.fromisoformat(story["time"])
        plain = make_entry(story, origin, origin, (), seed)
        rows.append((start, row(story, origin, start, plain), "original"))
        rng = rng_for(seed, story["id"], "copies")
        pool = carriers(list(outlets.values()), story["lang"], origin["feed"])
        for outlet in rng.sample(pool, COPIES.get(story["lang"], MAIN_COPIES)):
            words = recipe(story, outlet, origin, seed)
            entry = make_entry(story, outlet, origin, words, seed)
            if (entry["title"], entry["body"]) == (plain["title"], plain["body"]):
                raise SystemExit(f"{story['id']} at {outlet['feed']}: copy keeps title and body")
            when = start + timedelta(minutes=rng.randint(4, 900))
            rows.append((when, row(story, outlet, when, entry), " ".join(words)))
    rows.sort(key=lambda t: (t[0], t[1]["feed"], t[1]["story"]))
    out = []
    for n, (_, r, recipe_words) in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
        r["_words"] = recipe_words
        out.append(r)
    return out


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if k != "_words"} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict], source: dict) -> str:
    stories = {s["id"]: s for s in stories_of(source)}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for r in rows for w in r["_words"].split() if r["_words"] != "original")
    negatives = sum(
        per_story[s["id"]] * per_story[s["against"]]
        for s in stories.values()
        if s["kind"] not in ("original", "independent")
    )
    en = 100 * langs["en"] / len(rows)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {negatives}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())) + f"  (en {en:.0f}%)",
            "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows, load()))


if __name__ == "__main__":
    main()
