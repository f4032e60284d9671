"""Build heldout56.jsonl: short briefs reshaped by carriers (Venda, Buginese, Talysh; English; Indonesian side).

Standalone and seeded: the same source gives the same file byte for byte.

    python tests/data/dedup/make_heldout56.py          # rewrites heldout56.jsonl
    python tests/data/dedup/make_heldout56.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout56_source.yaml"
TARGET = HERE / "heldout56.jsonl"
PREFIX = "oz"
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
FOLD = {"ə": "e", "Ə": "E", "ı": "i", "İ": "I", "ḓ": "d", "ḽ": "l", "ṅ": "n", "ṋ": "n", "ṱ": "t", "Ḓ": "D", "Ḽ": "L"}
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]*\d)")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    carrier: bool
    words: tuple[str, ...]
    cut: int


@dataclass
class Text:
    title: str
    blocks: list[str]


def rng_for(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def short_hash(seed: str, *parts: str) -> str:
    return hashlib.sha256("|".join((seed, *parts)).encode("utf-8")).hexdigest()[:10]


def cut_at_word(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit - 2]
    if " " in head:
        head = head[: head.rfind(" ")]
    return head.rstrip(" ,;:") + " …"


def fold(text: str) -> str:
    text = "".join(FOLD.get(ch, ch) for ch in text)
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def resolve(stories: list[dict]) -> list[dict]:
    """Fill each designed negative from its base: title and text with the phrase replacements applied."""
    by_id = {s["id"]: s for s in stories}
    done = []
    for s in stories:
        if "derive" in s:
            base = by_id[s["derive"]]
            title, text = s.get("title", base["title"]), base["text"]
            if "lede" in s:
                paras = text.strip().split("\n\n")
                text = "\n\n".join([s["lede"], *paras[1:]]) + "\n"
            for old, new in s.get("set", []):
                if old not in title and old not in text:
                    raise ValueError(f"{s['id']}: phrase {old!r} in neither title nor text")
                title, text = title.replace(old, new), text.replace(old, new)
            s = {**base, **s, "title": title, "text": text, "place": s.get("place", base["place"])}
        done.append(s)
    return done


def apply(word: str, t: Text, story: dict, outlet: Outlet, when: datetime) -> Text:
    title, blocks = t.title, list(t.blocks)
    if word == "labelhead":
        title = story["label"]
    elif word == "uppertitle":
        title = title.upper()
    elif word == "gsmfolded":
        title, blocks = fold(title), [fold(b) for b in blocks]
    elif word == "spacedthousands":
        respell = lambda s: THOUSANDS.sub(lambda m: m.group(0).replace(",", " "), s)  # noqa: E731
        title, blocks = respell(title), [respell(b) for b in blocks]
    elif word == "runonblock":
        blocks = [" ".join(blocks)]
    elif word == "romanblocks":
        blocks = [f"({ROMAN[i]}) {b}" for i, b in enumerate(blocks)]
    elif word == "inshortline":
        blocks = [f"In short: {cut_at_word(blocks[0], 72)}", *blocks]
    elif word == "emailquoted":
        blocks = [f">> {b}" for b in blocks]
    elif word == "faxcoverline":
        local = when.astimezone(timezone(timedelta(minutes=outlet.offset)))
        blocks = [f"FAX 1/1 · {outlet.name.upper()} · {local:%d.%m.%Y %H:%M}", *blocks]
    elif word == "placetagline":
        tag = re.sub(r"[^A-Za-z]", "", fold(story["place"]))
        blocks = [*blocks, f"#{tag} #{outlet.feed.split('-')[0]}"]
    else:
        raise ValueError(f"unknown recipe word {word}")
    return Text(title, blocks)


def render(t: Text, outlet: Outlet) -> tuple[str, str]:
    """(summary, content) as the outlet prints them."""
    if outlet.body == "none":
        return cut_at_word("\n".join(t.blocks), outlet.cut), ""
    content = "".join(f"<p>{b}</p>" for b in t.blocks) if outlet.body == "html" else "\n\n".join(t.blocks)
    return cut_at_word(" ".join(t.blocks), 200), content


def recipe(order: list[str], t: Text, story: dict, outlet: Outlet, when: datetime, rng) -> list[str]:
    combos = [list(c) for n in (2, 3) for c in itertools.combinations(outlet.words, n)]
    rng.shuffle(combos)
    original = render(t, outlet)
    for combo in combos:
        combo = sorted(combo, key=order.index)
        made = made_with(combo, t, story, outlet, when)
        if (made.title, render(made, outlet)[1]) == (t.title, render(t, outlet)[1]) and outlet.body != "none":
            continue
        full = (made.title, *render(made, outlet))
        hidden = False
        for w in combo:
            less = made_with([x for x in combo if x != w], t, story, outlet, when)
            if (less.title, *render(less, outlet)) == full:
                hidden = True
        if not hidden and full != (t.title, *original):
            return combo
    return []


def made_with(combo: list[str], t: Text, story: dict, outlet: Outlet, when: datetime) -> Text:
    for w in combo:
        t = apply(w, t, story, outlet, when)
    return t


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    seed, order = src["seed"], src["words"]
    start = datetime.fromisoformat(src["start"])
    outlets = {o[0]: Outlet(o[0], o[1], o[2], o[3], o[4], o[5], tuple(o[6]), o[7]) for o in src["outlets"]}
    carriers = [o for o in outlets.values() if o.carrier]
    stories = resolve(src["stories"])
    by_id = {s["id"]: s for s in stories}
    for s in stories:  # a rewrite is set where its `against` is; its label is the place and its first words
        s.setdefault("place", by_id[s.get("against", s["id"])]["place"])
        s.setdefault("label", s["place"] + " | " + " ".join(s["title"].split()[:4]))
    when: dict[str, datetime] = {}
    for s in stories:  # sources come before what derives from them
        if s["kind"] == "original":
            jitter = rng_for(seed, s["id"], "time").randint(0, 148)
            when[s["id"]] = start + timedelta(days=s["day"], minutes=jitter)
    pending = [s for s in stories if s["id"] not in when]
    while pending:
        for s in list(pending):
            base = s.get("derive") or s["against"]
            if base in when:
                when[s["id"]] = when[base] + timedelta(minutes=src["delay"][s["kind"]])
                pending.remove(s)
    entries = []
    for s in stories:
        home = outlets[s["outlet"]]
        text = Text(s["title"].strip(), [p.strip() for p in s["text"].strip().split("\n\n")])
        entries.append((when[s["id"]], home, s, text, []))
        rng = rng_for(seed, s["id"], "carriers")
        pool = list(carriers)
        rng.shuffle(pool)
        need = src["copies"][s["kind"]]
        got = 0
        for outlet in pool:
            if got == need:
                break
            at = when[s["id"]] + timedelta(minutes=rng.randint(20, 138))
            combo = recipe(order, text, s, outlet, at, rng_for(seed, s["id"], outlet.feed))
            if not combo:
                continue
            entries.append((at, outlet, s, made_with(combo, text, s, outlet, at), combo))
            got += 1
        if got < need:
            raise ValueError(f"{s['id']}: {got} copies, {need} wanted")
    entries.sort(key=lambda e: (e[0], e[1].feed, e[2]["id"]))
    rows = []
    for n, (at, outlet, s, text, combo) in enumerate(entries, 1):
        summary, content = render(text, outlet)
        h = short_hash(seed, outlet.feed, s["id"])
        local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
        slug = re.sub(r"[^a-z0-9]+", "-", fold(s["place"]).lower()).strip("-")
        rows.append(
            {
                "id": f"{PREFIX}{n:03d}",
                "outlet": outlet.name,
                "feed": outlet.feed,
                "title": text.title,
                "link": f"https://{outlet.host}/{local:%Y/%m}/{slug}-{h}",
                "guid": f"{outlet.feed}:{h}",
                "published": local.isoformat(),
                "summary": summary,
                "content": content,
                "lang": s["lang"],
                "story": s["id"],
                "event": s["event"],
                "_recipe": combo,
                "_kind": s["kind"],
            }
        )
    return rows


def dump(rows: list[dict]) -> str:
    keys = [
        "id",
        "outlet",
        "feed",
        "title",
        "link",
        "guid",
        "published",
        "summary",
        "content",
        "lang",
        "story",
        "event",
    ]
    return "".join(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = Counter(s["kind"] for s in src["stories"])
    by_id = {s["id"]: s for s in src["stories"]}
    designed = {"wardtemplatetwin", "morrowreversal"}
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in by_id.values() if s["kind"] in designed)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_recipe"])
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"copies changing text:    {len(changed)} (of {len(copies)})",
        f"hard-negative pairs:     {hard}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
