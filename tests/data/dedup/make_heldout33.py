"""Generate held-out dedup set v33 (`heldout33.jsonl`) from `heldout33_source.yaml`.

Each story is emitted at its origin outlet, then copied to outlets carrying its language; a copy's
recipe is 2-3 of the copy outlet's style words, applied in a fixed order, and every word must change
what the feed carries (a recipe with a hidden word is skipped). Deterministic: seeded from the source,
no clock. Stdlib + PyYAML only; imports no earlier generator.

    python tests/data/dedup/make_heldout33.py          # rewrites heldout33.jsonl
    python tests/data/dedup/make_heldout33.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout33_source.yaml"
OUT = HERE / "heldout33.jsonl"
PREFIX = "ob"
# The fixed order recipe words are applied in: headline, lede, then lines around the body.
ORDER = ["briefingprefix", "nameparen", "audiolabel", "describedphoto", "editedat", "viahandle"]
COPIES = {"kn": 1}  # copies per story by language; 3 otherwise
SUMMARY_CUT = 220


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


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
        raise SystemExit(f"{story['id']}: swaps leave the title or text unchanged")
    inherited = {k: base[k] for k in ("lang", "outlet", "gloss") if k in base}
    return {**inherited, **story, "title": title, "text": text}


def resolve(stories: list[dict]) -> list[dict]:
    by_id = {s["id"]: s for s in stories}
    return [derive(by_id[s["derive"]], s) if "derive" in s else s for s in stories]


def place_of(story: dict) -> str:
    return story["text"].split(" — ", 1)[0].strip()


def apply_word(word: str, entry: dict, story: dict, outlet: dict, when: datetime) -> dict:
    """One recipe word on an entry {title, paras, tail}; returns a new entry."""
    title, paras, tail = entry["title"], list(entry["paras"]), entry["tail"]
    body = outlet["body"] != "none"
    if word == "briefingprefix":  # a newsletter's morning edition puts its label on the headline
        title = "Morning briefing: " + title
    elif word == "nameparen" and "gloss" in story:  # a wire desk adds the Latin spelling of a name
        native, latin = story["gloss"]
        paras[0] = paras[0].replace(native, f"{native} ({latin})", 1)
    elif word == "audiolabel" and body:  # an app's text-to-speech player label above the story
        paras.insert(0, "🎧 Hear this report")
    elif word == "describedphoto" and body:  # an accessibility view spells out the photo after the lede
        paras.insert(1, f"[Photo described: {place_of(story).title()}, file photo]")
    elif word == "editedat" and body:  # a CMS stamps the local time of the last edit
        paras.append(f"Edited at {when.strftime('%H:%M')} (local time)")
    elif word == "viahandle":  # a social auto-post credits the origin outlet's handle
        tail = tail + f" via @{story['outlet'].replace('-', '_')}"
    return {"title": title, "paras": paras, "tail": tail}


def render(entry: dict, outlet: dict, lede_index: int) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries them."""
    paras = entry["paras"]
    lede = paras[lede_index]
    summary = lede if len(lede) <= SUMMARY_CUT else lede[:SUMMARY_CUT].rsplit(" ", 1)[0] + " …"
    summary += entry["tail"]
    body_paras = paras + ([entry["tail"].strip()] if entry["tail"] else [])
    if outlet["body"] == "none":
        content = ""
    elif outlet["body"] == "html":
        content = "".join(f"<p>{p}</p>" for p in body_paras)
    else:
        content = "\n\n".join(body_paras)
    return entry["title"], summary, content


def lede_of(paras: list[str]) -> int:
    """The lede is the first paragraph with the dateline (a label line may sit above it)."""
    return next(i for i, p in enumerate(paras) if " — " in p)


def carried(entry: dict, outlet: dict) -> tuple[str, str, str]:
    return render(entry, outlet, lede_of(entry["paras"]))


def recipe_for(story: dict, outlet: dict, rng: random.Random, when: datetime) -> tuple[list[str], dict] | None:
    """The first seeded 2-3 word combination of the outlet's words where no word is hidden."""
    words = [w for w in ORDER if w in outlet["words"]]
    combos = [list(c) for n in (2, 3) for c in itertools.combinations(words, n)]
    rng.shuffle(combos)
    start = {"title": story["title"], "paras": story["text"].split("\n\n"), "tail": ""}
    for combo in combos:
        entry, ok = start, True
        for word in combo:
            nxt = apply_word(word, entry, story, outlet, when)
            if carried(nxt, outlet) == carried(entry, outlet):
                ok = False
                break
            entry = nxt
        if ok:
            return combo, entry
    return None


def local(when: datetime, offset: int) -> datetime:
    return when.astimezone(timezone(timedelta(minutes=offset)))


def row(story: dict, outlet: dict, entry: dict, when: datetime, seed: str) -> dict:
    title, summary, content = carried(entry, outlet)
    h = digest(seed, outlet["feed"], story["id"])[:12]
    return {
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": f"https://{outlet['host']}/{h[:4]}/{h}",
        "guid": f"{outlet['feed']}:{h}",
        "published": local(when, outlet["offset"]).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def outlets_of(source: dict) -> list[dict]:
    keys = ["feed", "name", "host", "offset", "body", "langs", "words"]
    return [dict(zip(keys, o, strict=True)) for o in source["outlets"]]


def build() -> list[dict]:
    return made_rows()[0]


def made_rows() -> tuple[list[dict], Counter[str]]:
    """The rows in order of the instant, and how often each recipe word was used."""
    source = load()
    seed = source["seed"]
    outlets = outlets_of(source)
    by_feed = {o["feed"]: o for o in outlets}
    made: list[tuple[datetime, dict, str]] = []
    for story in resolve(source["stories"]):
        when = datetime.fromisoformat(str(story["time"]).replace("Z", "+00:00"))
        origin = by_feed[story["outlet"]]
        start = {"title": story["title"], "paras": story["text"].split("\n\n"), "tail": ""}
        made.append((when, row(story, origin, start, when, seed), "original"))
        rng = random.Random(digest(seed, story["id"]))
        pool = [o for o in outlets if o is not origin and (o["langs"] == "all" or story["lang"] in o["langs"])]
        rng.shuffle(pool)
        wanted = COPIES.get(story["lang"], 3)
        for outlet in pool:
            if wanted == 0:
                break
            at = when + timedelta(minutes=rng.randint(4, 900))
            found = recipe_for(story, outlet, rng, local(at, outlet["offset"]))
            if found is None:
                continue
            combo, entry = found
            made.append((at, row(story, outlet, entry, at, seed), "+".join(combo)))
            wanted -= 1
        if wanted:
            raise SystemExit(f"{story['id']}: not enough outlets for its copies")
    made.sort(key=lambda m: (m[0], m[1]["feed"]))
    rows = []
    for n, (_, r, _recipe) in enumerate(made, 1):
        rows.append({"id": f"{PREFIX}{n:03d}", **r})
    check_copies(rows)
    return rows, Counter(w for m in made for w in m[2].split("+") if m[2] != "original")


def check_copies(rows: list[dict]) -> None:
    """Fail if a copy keeps its original's title and body."""
    first: dict[str, dict] = {}
    for r in rows:
        if r["story"] in first:
            if (r["title"], r["content"]) == (first[r["story"]]["title"], first[r["story"]]["content"]):
                raise SystemExit(f"{r['id']}: a copy keeps its original's title and body")
        else:
            first[r["story"]] = r


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = load()
    stories = {s["id"]: s for s in resolve(source["stories"])}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    negative = sum(
        per_story[s["id"]] * per_story[s["against"]]
        for s in stories.values()
        if s["kind"] not in ("original", "independent")
    )
    kinds = Counter(s["kind"] for s in stories.values())
    en = 100 * langs["en"] // len(rows)
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  (en {en}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(made_rows()[1].items()))}",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in argv:
        print(stats(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
