"""Build held-out v72 (`heldout72.jsonl`) from `heldout72_source.yaml`: wire copies through carriers that
degrade how names and figures are written (captions in capitals with figures as words, a Braille export, a
one-line abbreviated wire summary, a speech gateway, a Cyrillic-letter mirror, a numbered micro-blog thread).

Standalone and seeded: the same source always gives the same bytes. `--stats` prints the counts.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout72_source.yaml"
TARGET = HERE / "heldout72.jsonl"
PREFIX = "ps"
NEGATIVE = {"desktemplateisland", "releasesplitpair", "weekendthreeroundup"}
FIGURE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
ONES += "seventeen eighteen nineteen"
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
MONTHS = ["January", "February", "March", "April", "May", "June"]  # the set's days fall in May
MONTHS += ["July", "August", "September", "October", "November", "December"]
CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwyz", "абцдефгхийклмнопкрстуввыз", strict=True)) | {"x": "кс"}
Recipe = Callable[[str, list[str], dict[str, Any]], tuple[str, list[str]]]
CONTRACTIONS = {"n't": " not", "'re": " are", "'ll": " will", "'ve": " have"}


def words(n: int) -> str:
    """An integer as English words, as a caption engine or a speech gateway writes it."""
    if n < 20:
        return ONES.split()[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES.split()[n % 10] if n % 10 else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{words(head)} {name}" + (f" {words(rest)}" if rest else "")
    raise AssertionError(n)


def figure_words(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        whole, _, frac = m.group().replace(",", "").partition(".")
        spoken = words(int(whole))
        return spoken + (" point " + " ".join(ONES.split()[int(d)] for d in frac) if frac else "")

    return FIGURE.sub(one, text.replace("%", " percent").replace("$", "dollars ").replace("€", "euros "))


def ordinal(n: int) -> str:
    if n in ORDINAL:
        return ORDINAL[n]
    if n < 20:
        return words(n) + "th"
    tens, one = divmod(n, 10)
    return TENS[tens][:-1] + "ieth" if not one else f"{TENS[tens]}-{ordinal(one)}"


def spoken_dates(text: str) -> str:
    return DAY.sub(lambda m: f"the {ordinal(int(m[1]))} of {MONTHS[int(m[2]) - 1]}", text)


def short_figure(m: re.Match[str]) -> str:
    value = float(m.group().replace(",", ""))
    for least, unit, mark in ((1e9, 1e9, "bn"), (1e6, 1e6, "m"), (1e4, 1e3, "k")):  # 12,400 -> 12.4k; 1,850 stays
        if value >= least:
            return f"{value / unit:.3g}{mark}"
    return m.group()


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def cyrillic(text: str) -> str:
    """Latin letters respelled in Cyrillic ones, as a mirror for readers of another script prints them."""
    out = []
    for c in fold(text):
        low = CYRILLIC.get(c.lower())
        out.append(c if low is None else (low.upper() if c.isupper() else low))
    return "".join(out)


def braille(text: str) -> str:
    """A Braille transcription read back: capital signs lost, contractions written out."""
    for short, long in CONTRACTIONS.items():
        text = text.replace(short, long)
    return text.lower()


def abbreviate(text: str) -> str:
    return " ".join(w[:4] + "." if len(w) > 6 and w.isalpha() else w for w in text.split())


def sentences(block: str) -> list[str]:
    return re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"'])", block)


def posts(blocks: list[str]) -> list[str]:
    parts = [s for b in blocks for s in sentences(b)]
    grouped = [" ".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
    return [f"{k}/{len(grouped)} {p}" for k, p in enumerate(grouped, 1)]


def on_all(fn: Callable[[str], str]) -> Recipe:
    """A text transform applied to the title and to every block."""
    return lambda title, blocks, ctx: (fn(title), [fn(b) for b in blocks])


RECIPES: dict[str, Recipe] = {
    "figurewords": on_all(lambda t: figure_words(t)),
    "captioncaps": on_all(str.upper),
    "brailleexport": on_all(braille),
    "numbersign": on_all(lambda t: FIGURE.sub(lambda m: "#" + m.group(), t)),  # the number sign kept as "#"
    "abbrevline": lambda title, blocks, ctx: (title, [abbreviate(title + " - " + sentences(blocks[0])[0])]),
    "spokendates": on_all(spoken_dates),
    "cyrillicmirror": on_all(cyrillic),
    "numberedposts": lambda title, blocks, ctx: (title, posts(blocks)),
    "shortfigures": on_all(lambda t: FIGURE.sub(short_figure, t)),
    "newheadline": lambda title, blocks, ctx: (f"{ctx['place']}: {title}", blocks),
    "bylineadd": lambda title, blocks, ctx: (title, [f"By the {ctx['carrier']} staff", *blocks]),
    "trimtail": lambda title, blocks, ctx: (title, blocks[:-1] if len(blocks) > 1 else blocks),
}


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def derive(story: dict, base: dict) -> dict:
    """A template twin: its base's title and text with each `set` phrase replaced (fails if a phrase is absent)."""
    title, text = base["title"], base["text"]
    for old, new in story["set"]:
        assert old in title or old in text, (story["id"], old)
        title, text = title.replace(old, new), text.replace(old, new)
    return {**base, **story, "title": title, "text": text, "at": None}


def resolve(source: dict) -> list[dict]:
    stories = {s["id"]: s for s in source["stories"]}
    out = []
    for s in source["stories"]:
        if "derive" in s:
            s = derive(s, stories[s["derive"]])
            s["at"] = (datetime.fromisoformat(stories[s["derive"]]["at"]) + timedelta(hours=4)).isoformat()
        out.append(s)
    return out


def entry(story: dict, outlet: list, when: datetime, title: str, blocks: list[str], seed: str) -> dict:
    feed, name, host, offset, body = outlet[:5]
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    h = digest(seed, feed, story["id"])
    if body == "none":
        summary, content = cut("\n".join(blocks), 180), ""
    else:
        summary = cut(" ".join(blocks), 200)
        content = "".join(f"<p>{b}</p>" for b in blocks) if body == "html" else "\n\n".join(blocks)
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": f"https://{host}/{local:%Y/%m}/{h[:10]}",
        "guid": f"{feed}-{h[10:22]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> tuple[list[dict], Counter[str]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    seed = source["seed"]
    origins = {o[0]: o for o in source["outlets"]["origin"]}
    carriers = source["outlets"]["carriers"]
    used: Counter[str] = Counter()
    rows = []
    orders: dict[str, list] = {}
    for s in resolve(source):
        at = datetime.fromisoformat(s["at"]).replace(tzinfo=UTC)
        blocks = s["text"].split("\n\n")
        rows.append(entry(s, origins[s["outlet"]], at, s["title"], blocks, seed))
        rng = random.Random(digest(seed, s["id"]))
        base = s.get("derive")
        # a twin goes through its base's carriers, in the same order
        order = orders[base] if base else rng.sample(carriers, len(carriers))
        orders[s["id"]] = order
        for carrier in order[: s.get("copies", source["copies"][s["kind"]])]:
            title, out = s["title"], list(blocks)
            ctx = {"place": s["place"], "carrier": carrier[1]}
            for word in carrier[5]:
                title, out = RECIPES[word](title, out, ctx)
                used[word] += 1
            assert (title, out) != (s["title"], blocks), (s["id"], carrier[0])
            when = at + timedelta(minutes=rng.randint(15, 140))
            rows.append(entry(s, carrier, when, title, out, seed))
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows, used


def dump(built: tuple[list[dict], Counter[str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in built[0])


def stats(rows: list[dict], used: Counter[str], source: dict) -> str:
    per_story = Counter(r["story"] for r in rows)
    kinds = {s["id"]: s for s in source["stories"]}
    events: dict[str, set[str]] = {}
    first: dict[str, dict] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    negative = 0
    for s in kinds.values():
        if s["kind"] in NEGATIVE:
            for other in s.get("quotes", [s.get("against")]):
                negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    kind_count = Counter(s["kind"] for s in kinds.values())
    fmt = lambda c: ", ".join(f"{k}={v}" for k, v in sorted(c.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"copies changing text:    {len(changed)} (of {len(copies)})",
            f"hard-negative pairs:     {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {100 * langs['en'] // len(rows)}%)",
            f"kinds:                   {fmt(kind_count)}",
            f"transformations:         {fmt(used)}",
        ]
    )


if __name__ == "__main__":
    built = build()
    TARGET.write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(*built, yaml.safe_load(SOURCE.read_text(encoding="utf-8"))))
