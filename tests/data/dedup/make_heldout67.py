"""Build held-out v67 (`heldout67.jsonl`) from `heldout67_source.yaml`: wire syndication of medium articles through
carriers that rewrite how names, figures, dates and units are written (issue 13). Standalone, seeded, byte-for-byte
reproducible; imports nothing from `monitor`.

    python tests/data/dedup/make_heldout67.py          # rewrites heldout67.jsonl
    python tests/data/dedup/make_heldout67.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout67_source.yaml"
OUT = HERE / "heldout67.jsonl"
PREFIX = "pn"
COPIES = {"original": 7, "desktemplatetwin": 3, "releasesiblingpair": 2, "independent": 1}
ALWAYS = {"original", "desktemplatetwin"}  # kinds the summary-only board scan always copies
ORDINARY = ("retitlebyline", "tailtrimmore")  # the plain reshapes a carrier may add to its own
NEGATIVE = {"desktemplatetwin", "releasesiblingpair", "roundupweekly"}
NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        (
            "Alfa",
            "Bravo",
            "Charlie",
            "Delta",
            "Echo",
            "Foxtrot",
            "Golf",
            "Hotel",
            "India",
            "Juliett",
            "Kilo",
            "Lima",
            "Mike",
            "November",
            "Oscar",
            "Papa",
            "Quebec",
            "Romeo",
            "Sierra",
            "Tango",
            "Uniform",
            "Victor",
            "Whiskey",
            "X-ray",
            "Yankee",
            "Zulu",
        ),
        strict=True,
    )
)
GLOTTALS = "ʻ‘’'`"
STAFF = ("L. Kabua", "M. Tanu", "S. Lelo", "R. Jibas", "T. Faga")
# metric unit -> (US unit, factor); longest spellings first so `m²` wins over `m`
UNITS = [
    ("hectare", "acres", 2.471),
    ("tonnes", "short tons", 1.1023),
    ("tonne", "short tons", 1.1023),
    ("tone", "short tons", 1.1023),
    ("litres", "gallons", 0.2642),
    ("litre", "gallons", 0.2642),
    ("liter", "gallons", 0.2642),
    ("lita", "gallons", 0.2642),
    ("km", "miles", 0.6214),
    ("kg", "lb", 2.2046),
    ("m²", "sq ft", 10.764),
    ("m", "ft", 3.2808),
]
UNIT_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)[ -](" + "|".join(re.escape(u) for u, _, _ in UNITS) + r")(?![\w²])")
MONEY_RE = re.compile(r"((?:FJ)?\$)(\d[\d,]{3,})|(\d[\d,]{4,}) XPF")
DATE_RE = re.compile(r"\b(\d\d)\.(\d\d)\.(\d{4})\b")


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def derive(story: dict, base: dict) -> dict:
    """A designed negative: its base's title and text with `set` replacements (each must hit), an own lede."""
    title, text = story.get("title", base["title"]), base["text"]
    if "lede" in story:
        text = story["lede"] + "\n\n" + text.strip().split("\n\n", 1)[1]
    for old, new in story["set"]:
        if old not in title and old not in text:
            raise SystemExit(f"{story['id']}: replacement phrase not found: {old!r}")
        title, text = title.replace(old, new), text.replace(old, new)
    return {**story, "title": title, "text": text}


def rounded(value: float) -> str:
    if value >= 100:
        return f"{round(value, -1 if value < 10000 else -2):,.0f}"
    return f"{value:.1f}".rstrip("0").rstrip(".") if value < 10 else f"{value:.0f}"


def compact(amount: int) -> str:
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    return f"{amount / 1000:.1f}".rstrip("0").rstrip(".") + "K"


def us_units(text: str) -> str:
    factors = {u: (us, f) for u, us, f in UNITS}

    def unit(m: re.Match[str]) -> str:
        us, factor = factors[m.group(2)]
        return f"about {rounded(float(m.group(1).replace(',', '')) * factor)} {us}"

    def money(m: re.Match[str]) -> str:
        if m.group(3):
            return "XPF " + compact(int(m.group(3).replace(",", "")))
        return m.group(1) + compact(int(m.group(2).replace(",", "")))

    return MONEY_RE.sub(money, UNIT_RE.sub(unit, text))


def iso_dates(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        day = datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return day.strftime("%a %Y-%m-%d")

    return DATE_RE.sub(one, text)


def plain_letters(text: str) -> str:
    """What the board's OCR reads: no combining marks, no glottal marks."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c for c in text if c not in GLOTTALS)


def hashtag(name: str) -> str:
    return "#" + "".join(w[:1].upper() + w[1:] for w in re.split(r"[\s\-]+", plain_letters(name)))


def spelled(word: str) -> str:
    return "-".join(NATO[c] for c in plain_letters(word).lower() if c in NATO)


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def sms_parts(text: str) -> list[str]:
    """A 160-character SMS gateway: long words clipped with a dot, split at words into numbered parts."""
    words = [w[:7] + "." if len(w) >= 11 and w.isalpha() else w for w in text.replace(" and ", " & ").split()]
    chunks: list[str] = []
    for w in words:
        if chunks and len(chunks[-1]) + 1 + len(w) <= 150:
            chunks[-1] += " " + w
        else:
            chunks.append(w)
    return [f"({k}/{len(chunks)}) {c}" for k, c in enumerate(chunks, 1)]


def reshape(word: str, title: str, blocks: list[str], story: dict, origin: str, when: datetime):
    """One recipe word applied to a copy's headline and blocks; returns the new (title, blocks)."""
    people = story["names"] if story["kind"] == "roundupweekly" else story["names"][:1]
    if word == "retitlebyline":
        new = f"{story['place']}: {title}" if story["place"] not in title else f"{title} (wire)"
        return new, [f"By {STAFF[int(digest(story['id'], word), 16) % len(STAFF)]} · {origin}", *blocks]
    if word == "tailtrimmore":
        return title, [*blocks[:-1], f"Continue reading at {origin}"]
    if word == "usunitround":
        return us_units(title), [*map(us_units, blocks), "Figures converted to US units and rounded."]
    if word == "isodateweekday":
        return iso_dates(title), list(map(iso_dates, blocks))
    if word == "scannerphonetic":
        lines = [f"[SCANNER {when:%H:%M}Z · CH 16 · {plain_letters(story['place'])}]"]
        text = " ".join(blocks)
        for name in people:
            first = name.split()[0]
            text = text.replace(name, f"{name} ({first}: {spelled(first)})", 1)
        lines += [f"> {s}" for s in re.split(r"(?<=[.!?\"])\s+", text) if s]
        return f"SCANNER: {title}", lines
    if word == "fedicwtags":
        tagged = []
        for b in blocks:
            for name in story["names"]:
                b = b.replace(name, hashtag(name))
            tagged.append(b)
        tags = " ".join(dict.fromkeys([hashtag(story["place"]), "#PacificNews"]))
        return title, [f"CW: local news · {story['place']}", *tagged, tags]
    if word == "ocrboardscan":
        return plain_letters(title), [f"NOTICE SCAN · {plain_letters(story['place'])}", *map(plain_letters, blocks)]
    if word == "smsabbrevparts":
        return cut(title, 60), sms_parts(" ".join(blocks))
    raise SystemExit(f"unknown recipe word {word}")


def stamp(outlet: list, when: datetime) -> str:
    return when.astimezone(timezone(timedelta(minutes=outlet[3]))).isoformat()


def entry(outlet: list, story: dict, title: str, blocks: list[str], when: datetime) -> dict:
    feed, name, host, _, body = outlet[:5]
    h = digest(feed, story["id"])
    link = f"https://{host}/{when:%Y/%m}/{story['id'][4:]}-{h[:6]}"
    if int(h[6:8], 16) % 4 == 0:
        link += f"?utm_source={feed}&utm_medium=feed"
    if body == "html":
        content = "\n".join(f"<p>{b}</p>" for b in blocks)
    elif body == "plain":
        content = ("\n" if blocks[0].startswith(("(1/", "[SCANNER")) else "\n\n").join(blocks)
    else:
        content = ""
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": link,
        "guid": f"{feed}:{h[:12]}",
        "published": stamp(outlet, when),
        "summary": cut(" ".join(blocks), 320 if body == "none" else 200),
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_utc": when,
        "_words": (),
    }


def copies_of(story: dict, carriers: list[list], rng: random.Random) -> list[tuple[list, tuple[str, ...]]]:
    n = story.get("copies", COPIES.get(story["kind"], 1))
    pool = list(carriers)
    rng.shuffle(pool)
    if story["kind"] in ALWAYS:
        pool.sort(key=lambda o: o[6] != "ocrboardscan")
    chosen = []
    for outlet in pool[:n]:
        extra = [w for w in ORDINARY if w != outlet[6]]
        words = (outlet[6], *rng.sample(extra, rng.choice((1, 1, 2)) if outlet[6] not in ORDINARY else 1))
        chosen.append((outlet, words))
    return chosen


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o[0]: o for o in src["outlets"]}
    carriers = [o for o in src["outlets"] if o[5] == "carrier"]
    start = datetime.fromisoformat(src["start"])
    stories = {s["id"]: s for s in src["stories"]}
    rows: list[dict] = []
    for s in src["stories"]:
        if "derive" in s:
            s = derive(s, stories[s["derive"]])
        words = len(s["text"].split())
        assert 90 <= words <= 180, (s["id"], words)
        origin = outlets[s["outlet"]]
        assert origin[5] != "carrier", s["id"]
        rng = random.Random(int(digest(src["seed"], s["id"]), 16))
        when = start + timedelta(days=s["day"], hours=s["hours"], minutes=rng.randint(0, 90))
        blocks = paragraphs(s["text"])
        rows.append(entry(origin, s, s["title"], blocks, when))
        offsets = sorted(rng.sample(range(20, 181), 3))
        for k, (outlet, recipe) in enumerate(copies_of(s, carriers, rng)):
            at = when + timedelta(minutes=offsets[k % 3] + 181 * (k // 3))
            title, reshaped = s["title"], blocks
            for word in sorted(recipe, key=lambda w: w not in ORDINARY):
                before = (title, reshaped)
                title, reshaped = reshape(word, title, reshaped, s, origin[1], at)
                if (title, reshaped) == before:
                    raise SystemExit(f"{s['id']}: {word} changed nothing")
            row = entry(outlet, s, title, reshaped, at)
            row["_words"] = recipe
            rows.append(row)
    rows.sort(key=lambda r: (r["_utc"], r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def opening(row: dict) -> tuple[str, str]:
    return row["title"], row["content"]


def tally(counts: Counter, sep: str = "=") -> str:
    return ", ".join(f"{k}{sep}{v}" for k, v in sorted(counts.items()))


def stats(rows: list[dict]) -> None:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events = {r["event"] for r in rows}
    several = Counter(kinds[s]["event"] for s in per_story)
    langs = Counter(r["lang"] for r in rows)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changing = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    negative = 0
    for s in kinds.values():
        if s["kind"] in NEGATIVE:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    words = Counter(w for r in rows for w in r["_words"])
    print(f"entries:                 {len(rows)}")
    print(f"stories:                 {len(per_story)}")
    print(f"events:                  {len(events)} ({sum(n > 1 for n in several.values())} with several stories)")
    print(f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}")
    print(f"copies changing text:    {len(changing)} (of {len(copies)})")
    print(f"hard-negative pairs:     {negative}")
    print(f"summary-only entries:    {sum(r['content'] == '' for r in rows)}")
    share = round(100 * langs["en"] / len(rows))
    print(f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  (en {share}%)")
    print(f"kinds:                   {tally(Counter(s['kind'] for s in kinds.values()))}")
    print(f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}")
    print(f"recipe words per copy:   {tally(Counter(len(r['_words']) for r in copies), 'x')}")


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        stats(rows)


if __name__ == "__main__":
    main()
