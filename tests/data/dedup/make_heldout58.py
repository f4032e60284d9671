"""Build held-out v58 (`heldout58.jsonl`): short briefs in Dinka, Nuer and Makassarese reshaped by carriers.

Standalone (stdlib + PyYAML), seeded and byte-for-byte reproducible:

    python tests/data/dedup/make_heldout58.py          # rewrites heldout58.jsonl
    python tests/data/dedup/make_heldout58.py --stats  # the same, and prints the counts
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
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout58_source.yaml"
TARGET = HERE / "heldout58.jsonl"
PREFIX = "pa"
DESIGNED = ("sameformsisterplace", "dayafterrevised")
SUMMARY_CUT = 200
FIGURE_UNIT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)? (km|kg)\b")


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def rng_for(seed: str, *parts: str) -> random.Random:
    return random.Random(int(digest(seed, *parts)[:16], 16))


def cut_at_word(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    return head[: head.rfind(" ")].rstrip(" ,;:") + " …"


# ---------------------------------------------------------------- stories


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def expand(source: dict) -> list[dict]:
    """Every story with its title, blocks and labels; a derived story built from its base."""
    by_id = {s["id"]: s for s in source["stories"]}
    out = []
    for s in source["stories"]:
        story = dict(s)
        if "derive" in s:
            base = by_id[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s.get("set", []):
                if old not in title and old not in text:
                    raise SystemExit(f"{s['id']}: phrase {old!r} is in neither title nor text")
                title, text = title.replace(old, new), text.replace(old, new)
            if "lede" in s:
                text = "\n\n".join([s["lede"], *text.split("\n\n")[1:]])
            story.update(
                lang=base["lang"],
                outlet=base["outlet"],
                title=s.get("title", title),
                text=text,
                date=s.get("date", base["date"]),
            )
        story["blocks"] = [p.strip() for p in story["text"].split("\n\n")]
        out.append(story)
    return out


def story_times(source: dict, stories: list[dict]) -> dict[str, datetime]:
    start = datetime.fromisoformat(source["start"])
    delay = source["delay"]
    at: dict[str, datetime] = {}
    for s in stories:  # a story's `against` always comes before it in the source
        if s["kind"] == "original":
            minutes = rng_for(source["seed"], "time", s["id"]).randint(0, 148)
            at[s["id"]] = start + timedelta(days=s["day"], minutes=minutes)
        else:
            at[s["id"]] = at[s["against"]] + timedelta(minutes=delay[s["kind"]])
    return at


# ---------------------------------------------------------------- recipe words


def numeric_date(story: dict, at: datetime) -> str:
    """The story's date phrase (`4 March`, `10 Maret`, `8 مارس`) respelled day/month, as a notice or bot prints it."""
    if int(story["date"].split()[0]) != at.day:
        raise SystemExit(f"{story['id']}: date phrase {story['date']!r} is not the day it is published")
    return f"{at.day}/{at.month}"


def apply_word(word: str, title: str, blocks: list[str], story: dict, outlet: dict, ctx: dict) -> tuple[str, list]:
    place, person = story["place"], story["person"]
    if word == "signvideoline":
        code = digest(ctx["seed"], "sl", outlet["feed"], story["id"])[:7]
        return title, [f"🖐 Signed video: https://{outlet['host']}/sl/{code}", *blocks]
    if word == "cwline":
        return title, [f"Content note: local news · {place}", *blocks]
    if word == "watchtitlecut":
        if len(title) > 60:
            head = title[:60]
            title = head[: head.rfind(" ")].rstrip(" ,;:") + "…"
        return title, blocks
    if word == "inlinehashtag":
        if place in title and " " not in place:
            title = title.replace(place, "#" + place, 1)
        return title, blocks
    if word == "datenumeric":
        phrase, numeric = story["date"], ctx["numeric"]
        return title.replace(phrase, numeric), [b.replace(phrase, numeric) for b in blocks]
    if word == "surnameonly":
        parts = person.split()  # a Makassarese "Daeng" name keeps its title: "Daeng Ngalle"
        short = " ".join(parts[-2:]) if len(parts) > 2 and parts[-2] == "Daeng" else parts[-1]
        return title.replace(person, short), [b.replace(person, short) for b in blocks]
    if word == "metricbracket":
        return title, [FIGURE_UNIT.sub(metric_bracket, b) for b in blocks]
    if word == "placecapsbody":
        return title, [b.replace(place, place.upper()) for b in blocks]
    if word == "mergefirsttwo":
        if len(blocks) >= 2:
            blocks = [blocks[0] + " " + blocks[1], *blocks[2:]]
        return title, blocks
    if word == "watchactionrow":
        return title, [*blocks, "Reply · Mute · Open on phone"]
    raise SystemExit(f"unknown recipe word {word!r}")


def metric_bracket(m: re.Match) -> str:
    value = float(m.group(0).split()[0].replace(",", ""))
    if m.group(2) == "km":
        other = f"{value * 0.621371:.1f}".removesuffix(".0") + " mi"
    else:
        other = f"{round(value * 2.20462):,} lb"
    return f"{m.group(0)} ({other})"


# ---------------------------------------------------------------- rendering


def render(title: str, blocks: list[str], outlet: dict) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries them."""
    if outlet["body"] == "none":
        return title, cut_at_word("\n".join(blocks), outlet["cut"]), ""
    summary = cut_at_word(" ".join(blocks), SUMMARY_CUT)
    if outlet["body"] == "html":
        content = "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    else:
        content = "\n\n".join(blocks)
    return title, summary, content


def recipe_entry(words: list[str], story: dict, outlet: dict, ctx: dict) -> tuple[str, str, str]:
    title, blocks = story["title"], list(story["blocks"])
    for word in ctx["order"]:
        if word in words:
            title, blocks = apply_word(word, title, blocks, story, outlet, ctx)
    return render(title, blocks, outlet)


def pick_recipe(story: dict, outlet: dict, ctx: dict, rng: random.Random) -> list[str] | None:
    """The first seeded 2-3 word combination of the carrier's style with no hidden word that changes the text."""
    style = outlet["style"]
    combos = [list(c) for n in (2, 3) for c in itertools.combinations(style, n)]
    rng.shuffle(combos)
    bare = render(story["title"], list(story["blocks"]), outlet)
    body = 2 if outlet["body"] != "none" else 1
    for combo in combos:
        made = recipe_entry(combo, story, outlet, ctx)
        if made[0] == bare[0] and made[body] == bare[body]:
            continue
        if any(recipe_entry([w for w in combo if w != word], story, outlet, ctx) == made for word in combo):
            continue
        return combo
    return None


def to_zone(at: datetime, offset: int) -> str:
    return at.astimezone(timezone(timedelta(minutes=offset))).isoformat()


def entry(story: dict, outlet: dict, at: datetime, made: tuple[str, str, str], seed: str) -> dict:
    h = digest(seed, outlet["feed"], story["id"])
    slug = story["id"].removeprefix("s58-")
    return {
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": made[0],
        "link": f"https://{outlet['host']}/{slug}/{h[:8]}",
        "guid": f"{outlet['feed']}-{h[8:20]}",
        "published": to_zone(at, outlet["offset"]),
        "summary": made[1],
        "content": made[2],
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_at": at,
        "_recipe": [],
    }


def build() -> list[dict]:
    source = load()
    seed = source["seed"]
    outlets = {o["feed"]: o for o in source["outlets"]}
    carriers = [o for o in source["outlets"] if o["carrier"]]
    stories = expand(source)
    times = story_times(source, stories)
    rows = []
    for s in stories:
        home = outlets[s["outlet"]]
        if home["carrier"]:
            raise SystemExit(f"{s['id']}: a carrier never originates a story")
        at = times[s["id"]]
        origin = render(s["title"], s["blocks"], home)
        rows.append(entry(s, home, at, origin, seed))
        ctx = {"seed": seed, "order": source["words"], "numeric": numeric_date(s, at)}
        rng = rng_for(seed, "carriers", s["id"])
        order = list(carriers)
        rng.shuffle(order)
        want, made_copies = source["copies"][s["kind"]], 0
        for outlet in order:
            if made_copies == want:
                break
            combo = pick_recipe(s, outlet, ctx, rng)
            if combo is None:
                continue
            delay = rng.randint(20, 138)
            row = entry(s, outlet, at + timedelta(minutes=delay), recipe_entry(combo, s, outlet, ctx), seed)
            row["_recipe"] = combo
            rows.append(row)
            made_copies += 1
        if made_copies < want:
            raise SystemExit(f"{s['id']}: only {made_copies} of {want} copies")
    rows.sort(key=lambda r: (r["_at"], r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = load()
    kinds = Counter(s["kind"] for s in source["stories"])
    against = {s["id"]: s.get("against") for s in source["stories"] if s["kind"] in DESIGNED}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    words = Counter(w for r in rows for w in r["_recipe"])
    sizes = Counter(per_story.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({len(changed)} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"hard-negative pairs:     {sum(per_story[s] * per_story[a] for s, a in against.items())}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
