"""Held-out v62: event clusters of full articles (Kanuri, Tiv, Efik; English; Hausa side), with copies
re-shaped by carriers and hard event negatives derived phrase by phrase from a base report.

Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible. `--stats` prints the counts.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout62_source.yaml"
OUT = HERE / "heldout62.jsonl"
PREFIX = "pf"
OUTLET_FIELDS = ["feed", "name", "host", "offset", "body", "langs", "words", "utm"]


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Stories by id; a `derive:` story takes its base's title and text with its `set` replacements."""
    found: dict[str, dict] = {}
    for s in stories:
        if "derive" in s:
            base = found[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s["set"]:
                if old not in title and old not in text:
                    raise SystemExit(f"{s['id']}: phrase not found: {old}")
                title, text = title.replace(old, new), text.replace(old, new)
            s = {**{k: base[k] for k in ("lang", "outlet", "place")}, **s, "title": title, "text": text}
        found[s["id"]] = s
    return found


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def apply(word: str, title: str, paras: list[str], story: dict, phrases: dict) -> tuple[str, list[str]]:
    lang, place = story["lang"], story["place"]
    phrase = phrases.get(word, {}).get(lang, "")
    if word == "kickerbanner":
        return f"{phrase} {title}", paras
    if word == "titlebracketlang":
        return f"{title} [{lang.upper()}]", paras
    if word == "placeshoutlede":
        return title, [f"{place.upper()} — {paras[0]}", *paras[1:]]
    if word == "readtimeline":
        minutes = max(1, math.ceil(sum(len(p.split()) for p in paras) / 180))
        return title, [phrase.format(n=minutes), *paras]
    if word == "parajoinfirst":
        return title, [f"{paras[0]} {paras[1]}", *paras[2:]]
    if word == "sharecta":
        return title, [*paras, phrase]
    if word == "hashtagfoot":
        return title, [*paras, f"#{place.replace(' ', '').replace('-', '')} {phrase}"]
    raise SystemExit(f"unknown word {word}")


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    end = text.find(" ", limit)
    return text if end < 0 else text[:end] + " …"


def render(outlet: dict, title: str, paras: list[str]) -> tuple[str, str, str]:
    run = " ".join(paras)
    if outlet["body"] == "none":
        return title, cut(run, 150), ""
    body = "".join(f"<p>{p}</p>" for p in paras) if outlet["body"] == "html" else "\n\n".join(paras)
    return title, cut(run, 220), body


def carried(story: dict, outlet: dict, combo: tuple[str, ...], words: list[str], phrases: dict) -> tuple:
    title, paras = story["title"], paragraphs(story["text"])
    for word in sorted(combo, key=words.index):
        title, paras = apply(word, title, paras, story, phrases)
    return render(outlet, title, paras)


def recipe(story: dict, outlet: dict, src: dict, original: tuple) -> tuple[tuple[str, ...], tuple]:
    """The first seeded 2- or 3-word combination of the carrier's words with no word hidden."""
    words, phrases = src["words"], src["phrases"]
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet["words"], n)]
    random.Random(digest(src["seed"], story["id"], outlet["feed"])).shuffle(combos)
    for combo in combos:
        made = carried(story, outlet, combo, words, phrases)
        if (made[0], made[2]) == (original[0], original[2]):
            continue
        if all(carried(story, outlet, tuple(w for w in combo if w != d), words, phrases) != made for d in combo):
            return combo, made
    raise SystemExit(f"no recipe for {story['id']} at {outlet['feed']}")


def entry(outlet: dict, story: dict, made: tuple, at: datetime, seed: int) -> dict:
    h = digest(seed, outlet["feed"], story["id"])[:12]
    zone = timezone(timedelta(minutes=outlet["offset"]))
    desk = not outlet["langs"]
    link = f"https://{outlet['host']}/{'a' if desk else 's'}/{h}"
    if outlet.get("utm"):
        link += "?utm_source=feed&utm_medium=rss"
    return {
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": made[0],
        "link": link,
        "guid": f"urn:{outlet['feed']}:{h}" if desk else f"{outlet['feed']}-{h}",
        "published": at.astimezone(zone).isoformat(),
        "summary": made[1],
        "content": made[2],
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_at": at,
        "_recipe": (),
    }


def build() -> list[dict]:
    src = load()
    outlets = {o[0]: dict(zip(OUTLET_FIELDS, o, strict=True)) for o in src["outlets"]}
    stories = resolve(src["stories"])
    rows = []
    for s in stories.values():
        at = datetime.fromisoformat(s["at"]).replace(tzinfo=UTC)
        home = outlets[s["outlet"]]
        original = render(home, s["title"], paragraphs(s["text"]))
        rows.append(entry(home, s, original, at, src["seed"]))
        carriers = [o for o in outlets.values() if s["lang"] in o["langs"]]
        carriers.sort(key=lambda o: digest(src["seed"], s["id"], o["feed"]))
        need = src["copies"]["negative" if s["kind"] in src["negative"] else s["kind"]]
        if len(carriers) < need:
            raise SystemExit(f"too few carriers for {s['id']}")
        rng = random.Random(digest(src["seed"], "delay", s["id"]))
        for outlet in carriers[:need]:
            combo, made = recipe(s, outlet, src, original)
            row = entry(outlet, s, made, at + timedelta(minutes=rng.randint(15, 400)), src["seed"])
            row["_recipe"] = combo
            rows.append(row)
    rows.sort(key=lambda r: (r["_at"], r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = resolve(src["stories"])
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    copies = [r for r in rows if r["_recipe"]]
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)

    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    same_event = sum(
        per_story[a] * per_story[b] for ss in events.values() for a, b in itertools.combinations(sorted(ss), 2)
    )
    negative = sum(
        per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in src["negative"]
    )
    kinds = Counter(s["kind"] for s in stories.values())
    langs = Counter(r["lang"] for r in rows)
    sizes = Counter(per_story.values())
    words = Counter(w for r in copies for w in r["_recipe"])
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
