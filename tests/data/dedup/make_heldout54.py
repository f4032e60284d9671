"""Build held-out v54 (`heldout54.jsonl`): short briefs reshaped by carriers, in Bemba, Luo and Zaza.

Standalone and seeded: every choice comes from a `random.Random` seeded with a SHA-256 of the set's seed
and the story, so the output is byte-for-byte reproducible. `--stats` also prints the counts.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import random
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout54_source.yaml"
OUT = HERE / "heldout54.jsonl"
PREFIX = "ox"
DESIGNED = ("othervillagenotice", "nextdayturn")
FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?![\d,])")


def rng_for(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Derived stories take their base's fields, then phrase replacements, then their own title and lede."""
    found: dict[str, dict] = {}
    for s in stories:
        s = dict(s)
        if "derive" in s:
            base = found[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s.get("set", []):
                if old not in title and old not in text:
                    raise SystemExit(f"{s['id']}: phrase {old!r} in neither title nor text")
                title, text = title.replace(old, new), text.replace(old, new)
            if "lede" in s:
                text = "\n\n".join([s["lede"], *paragraphs(text)[1:]])
            for key in ("lang", "outlet", "day", "place", "person"):
                s.setdefault(key, base[key])
            s.setdefault("title", title)
            s["text"] = text
        found[s["id"]] = s
    return found


def kilo(match: re.Match) -> str:
    value = int(match.group(1).replace(",", ""))
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    return f"{value / 1000:g}k"


def split_parts(text: str, size: int = 150) -> list[str]:
    parts, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > size:
            parts.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    parts.append(current)
    return parts


def apply(word: str, title: str, blocks: list[str], story: dict, carrier: dict, local: datetime):
    """One recipe word: the change a carrier makes to a brief's headline or blocks."""
    if word == "placekicker":
        return f"{story['place'].upper()} ⟫ {title}", blocks
    if word == "pictokicker":
        return f"{carrier['emoji']} {title}", blocks
    if word == "kilofigures":
        return FIGURE.sub(kilo, title), [FIGURE.sub(kilo, b) for b in blocks]
    if word == "initialednames":
        first, _, last = story["person"].partition(" ")
        short = f"{first[0]}. {last}"
        return title.replace(story["person"], short), [b.replace(story["person"], short) for b in blocks]
    if word == "quotedropped":
        return title, blocks[:-1] if len(blocks) > 1 else blocks
    if word == "smsparts":
        parts = split_parts(" ".join(blocks))
        return title, [f"⟨{k}/{len(parts)}⟩ {p}" for k, p in enumerate(parts, 1)]
    if word == "shownotestimes":
        out, seconds = [], 0
        for b in blocks:
            out.append(f"[{seconds // 60}:{seconds % 60:02d}] {b}")
            seconds += math.ceil(len(b.split()) / 2.5) + 2
        return title, out
    if word == "apidumplines":
        return title, [f"hl: {title}", *(f"p{i}: {b}" for i, b in enumerate(blocks))]
    if word == "forwardedbanner":
        return title, ["» Forwarded many times", *blocks]
    if word == "flashintro":
        return title, [f"🔈 ON AIR {local:%H:%M} · {carrier['name']}", *blocks]
    raise SystemExit(f"unknown recipe word {word!r}")


def cut(text: str, limit: int) -> str:
    if not limit or len(text) <= limit:
        return text
    head = text[:limit]
    head = head[: head.rfind(" ")] if " " in head else head
    return head.rstrip(" ,;:") + " …"


def render(title: str, blocks: list[str], outlet: dict) -> tuple[str, str, str]:
    """Title, summary and body as the outlet's feed carries them."""
    if outlet["body"] == "none":
        return title, cut("\n".join(blocks), outlet["cut"]), ""
    if outlet["body"] == "html":
        body = "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    else:
        body = "\n\n".join(blocks)
    return title, cut(" ".join(blocks), 200), body


def shaped(story: dict, outlet: dict, words: tuple[str, ...], order: list[str], local: datetime):
    title, blocks = story["title"], paragraphs(story["text"])
    for word in sorted(words, key=order.index):
        title, blocks = apply(word, title, blocks, story, outlet, local)
    return render(title, blocks, outlet)


def recipe(story: dict, outlet: dict, order: list[str], rng: random.Random, local: datetime):
    """The first seeded combination of 2-3 style words where no word is hidden and the title or body changes."""
    combos = [c for n in (2, 3) for c in itertools.combinations(outlet["words"], n)]
    rng.shuffle(combos)
    plain = render(story["title"], paragraphs(story["text"]), outlet)
    for combo in combos:
        made = shaped(story, outlet, combo, order, local)
        if made[0] == story["title"] and made[2] == plain[2] and outlet["body"] != "none":
            continue
        if all(shaped(story, outlet, tuple(w for w in combo if w != d), order, local) != made for d in combo):
            return tuple(sorted(combo, key=order.index)), made
    return None


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    seed, order = src["seed"], src["words"]
    start = datetime.fromisoformat(src["start"])
    keys = ("feed", "name", "host", "offset", "body", "carrier", "words", "emoji", "cut")
    outlets = {o[0]: dict(zip(keys, o, strict=True)) for o in src["outlets"]}
    carriers = [o for o in outlets.values() if o["carrier"]]
    stories = resolve(src["stories"])
    when: dict[str, datetime] = {}
    entries = []
    for s in stories.values():
        rng = rng_for(seed, s["id"])
        if s["kind"] == "original":
            when[s["id"]] = start + timedelta(days=s["day"], minutes=rng.randint(0, 148))
        else:
            when[s["id"]] = when[s["against"]] + timedelta(minutes=src["delay"][s["kind"]])
        home = outlets[s["outlet"]]
        made = render(s["title"], paragraphs(s["text"]), home)
        entries.append((when[s["id"]], home, s, made, ()))
        pool = carriers[:]
        rng.shuffle(pool)
        wanted, got = src["copies"][s["kind"]], 0
        for carrier in pool:
            if got == wanted:
                break
            at = when[s["id"]] + timedelta(minutes=rng.randint(20, 138))
            local = at.astimezone(timezone(timedelta(minutes=carrier["offset"])))
            chosen = recipe(s, carrier, order, rng, local)
            if chosen is None:
                continue
            entries.append((at, carrier, s, chosen[1], chosen[0]))
            got += 1
        if got < wanted:
            raise SystemExit(f"{s['id']}: only {got} copies")
    entries.sort(key=lambda e: (e[0], e[1]["feed"], e[2]["id"]))
    rows = []
    for n, (at, outlet, s, (title, summary, content), words) in enumerate(entries, 1):
        h = digest(seed, outlet["feed"], s["id"])
        local = at.astimezone(timezone(timedelta(minutes=outlet["offset"])))
        rows.append(
            {
                "id": f"{PREFIX}{n:03d}",
                "outlet": outlet["name"],
                "feed": outlet["feed"],
                "title": title,
                "link": f"https://{outlet['host']}/{local:%Y/%m/%d}/{h[:10]}",
                "guid": f"{outlet['feed']}:{h[10:22]}",
                "published": local.isoformat(),
                "summary": summary,
                "content": content,
                "lang": s["lang"],
                "story": s["id"],
                "event": s["event"],
                "_words": words,
                "_kind": s["kind"],
            }
        )
    return rows


def dump(rows: list[dict]) -> str:
    lines = [json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) for r in rows]
    return "\n".join(lines) + "\n"


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = resolve(src["stories"])
    per_story = Counter(r["story"] for r in rows)
    events = {r["event"] for r in rows}
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]

    def changed(r: dict) -> bool:
        return (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])

    changing = [r for r in copies if changed(r)]
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in DESIGNED)
    langs = Counter(r["lang"] for r in rows)
    several = sum(len(v) > 1 for v in ev_stories.values())
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for r in rows for w in r["_words"])
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({several} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"copies changing text:    {len(changing)} (of {len(copies)})",
            f"hard-negative pairs:     {negative}",
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
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
