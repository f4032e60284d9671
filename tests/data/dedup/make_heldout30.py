"""Held-out dedup set v30: emit each story of heldout30_source.yaml at its origin outlet, then copies.

A copy's recipe is 2-3 of its outlet's 3 style words, in the outlet's order: the first seeded combination in
which every word changes the entry (a hidden word would make the recipe claim more than the entry shows).
Deterministic: every draw comes from a random.Random seeded with a SHA-256 of the set's seed and the story.
stdlib + PyYAML only; imports no earlier generator.

    python tests/data/dedup/make_heldout30.py          # rewrites heldout30.jsonl
    python tests/data/dedup/make_heldout30.py --stats  # the same, and prints the counts
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
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout30_source.yaml"
OUT = HERE / "heldout30.jsonl"
PREFIX = "l"
COPIES = {"nb": 1}  # copies per story by language; every other language gets 3
EMOJI = {"sco": "🏴", "nap": "🇮🇹", "lij": "🇮🇹", "uk": "🇺🇦", "en": "⚓", "nb": "🇳🇴"}
CYRILLIC = re.compile("[\u0400-\u04ff]")
# Ukrainian national transliteration (2010), enough for headlines: how diaspora pages print a second line.
UK_LATIN = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’",
        [
            *("a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o"),
            *("p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "_", "iu", "ia", "_", "_"),
        ],
        strict=True,
    )
)
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def sha(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def translit(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in UK_LATIN:
            lat = "" if UK_LATIN[low] == "_" else UK_LATIN[low]
            out.append(lat.capitalize() if ch != low else lat)
        else:
            out.append(ch)
    return "".join(out)


def load() -> tuple[str, dict[str, dict], list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    keys = ["feed", "name", "host", "offset", "html", "langs", "words"]
    outlets = {o[0]: dict(zip(keys, o, strict=True)) for o in src["outlets"]}
    by_id = {s["id"]: s for s in src["stories"]}
    for s in src["stories"]:
        if "derive" in s:
            derive(s, by_id[s["derive"]])
    return src["seed"], outlets, src["stories"]


def derive(story: dict, base: dict) -> None:
    """A designed hard negative: the base's title and text with each swap applied; every swap must bite."""
    title, text = base["title"], base["text"]
    lines = story["swaps"].strip("\n").split("\n")
    for old, new in zip(lines[::2], lines[1::2], strict=True):
        assert new.startswith("=> "), (story["id"], new)
        new = new[3:]
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: swap not found: {old!r}")
        title, text = title.replace(old, new), text.replace(old, new)
    if title == base["title"] or text == base["text"]:
        raise SystemExit(f"{story['id']}: title or text unchanged by its swaps")
    story.update(title=title, text=text, lang=base["lang"])


def as_utc(value: object) -> datetime:
    t = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return t.astimezone(UTC)


def cut(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


class Draft:
    """An entry being made: a title, paragraphs and whether an app push carries only a teaser."""

    def __init__(self, story: dict) -> None:
        self.story = story
        self.title = story["title"]
        self.paras = [p.strip() for p in story["text"].strip().split("\n\n")]
        self.push = False


def apply(word: str, d: Draft, outlet: dict, rng: random.Random) -> None:
    if word == "romanline":  # a bilingual headline: the Cyrillic one, then its Latin letters
        if CYRILLIC.search(d.title):
            d.title = f"{d.title} / {translit(d.title)}"
    elif word == "channelemoji":  # a messenger channel's mirror puts its flag before every headline
        d.title = f"{EMOJI[d.story['lang']]} {d.title}"
    elif word == "videocard":  # a video desk's post: the clip line on top of the same text
        place = d.paras[0].split(" — ", 1)[0].title()
        d.paras.insert(0, f"Watch: a {rng.randint(1, 4)}:{rng.randint(0, 59):02d} clip from our crew in {place}.")
    elif word == "flipbook":  # the print replica's page reference at the end
        d.paras.append(f"{outlet['name']} flipbook, page {rng.randint(2, 38)}.")
    elif word == "rawtoken":  # a CMS export leaves its unfilled related-links slot after the lede
        at = next(i for i, p in enumerate(d.paras) if " — " in p) + 1
        d.paras.insert(at, "%%related_auto%%")
    elif word == "pushalert":  # an app's push entry: the first sentence and a pointer, no body
        d.push = True
    else:
        raise SystemExit(f"unknown recipe word {word!r}")


def render(d: Draft, outlet: dict) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries them."""
    if d.push:
        opening = next(p for p in d.paras if " — " in p)
        return d.title, f"{first_sentence(opening)} Full report on the site.", ""
    if outlet["html"]:
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in d.paras)
    else:
        content = "\n\n".join(d.paras)
    return d.title, cut(d.paras[0]), content


def make(story: dict, outlet: dict, recipe: tuple[str, ...], seed: str) -> tuple[str, str, str]:
    d = Draft(story)
    for word in recipe:
        apply(word, d, outlet, random.Random(sha(seed, story["id"], outlet["feed"], word)))
    return render(d, outlet)


def pick_recipe(story: dict, outlet: dict, seed: str, rng: random.Random, original: tuple) -> tuple[str, ...]:
    words = outlet["words"]
    combos = [c for n in (2, 3) for c in itertools.combinations(words, n)]
    rng.shuffle(combos)
    for combo in combos:
        made = make(story, outlet, combo, seed)
        hidden = any(make(story, outlet, tuple(w for w in combo if w != word), seed) == made for word in combo)
        if hidden:
            continue
        if (made[0], made[2]) == (original[0], original[2]):
            raise SystemExit(f"{story['id']} at {outlet['feed']}: copy keeps its original's title and body")
        return combo
    raise SystemExit(f"{story['id']} at {outlet['feed']}: every recipe hides a word")


def entry(story: dict, outlet: dict, when: datetime, made: tuple[str, str, str], seed: str) -> dict:
    h = sha(seed, outlet["feed"], story["id"])
    local = when.astimezone(timezone(timedelta(minutes=outlet["offset"])))
    title, summary, content = made
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": f"https://{outlet['host']}/{local:%Y/%m}/{h[:10]}",
        "guid": f"{outlet['feed']}-{h[10:22]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> list[dict]:
    seed, outlets, stories = load()
    rows: list[tuple[datetime, dict, tuple[str, ...]]] = []
    for s in stories:
        origin = outlets[s["outlet"]]
        when = as_utc(s["time"])
        original = make(s, origin, (), seed)
        rows.append((when, entry(s, origin, when, original, seed), ()))
        rng = random.Random(sha(seed, s["id"]))
        carriers = sorted(
            f for f, o in outlets.items() if f != s["outlet"] and (o["langs"] == "all" or s["lang"] in o["langs"])
        )
        for feed in rng.sample(carriers, COPIES.get(s["lang"], 3)):
            recipe = pick_recipe(s, outlets[feed], seed, rng, original)
            later = when + timedelta(minutes=rng.randint(4, 900))
            made = make(s, outlets[feed], recipe, seed)
            rows.append((later, entry(s, outlets[feed], later, made, seed), recipe))
    rows.sort(key=lambda r: (r[0], r[1]["feed"]))
    out = []
    for n, (_, row, recipe) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        out.append(row)
        RECIPES[row["id"]] = recipe
    return out


RECIPES: dict[str, tuple[str, ...]] = {}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    ev: dict[str, set[str]] = {}
    for r in rows:
        ev.setdefault(r["event"], set()).add(r["story"])
    negatives = sum(
        per_story[s["id"]] * per_story[s["against"]] for s in stories if s["kind"] not in ("original", "independent")
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in RECIPES.values() for w in r)
    fmt = lambda c: ", ".join(f"{k}={v}" for k, v in sorted(c.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(ev)} ({sum(len(v) > 1 for v in ev.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {negatives}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"kinds:                   {fmt(Counter(s['kind'] for s in stories))}",
            f"transformations:         {fmt(words)}",
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
