"""Build held-out v65 (`heldout65.jsonl`) from `heldout65_source.yaml`: wire syndication of medium
articles through carriers that degrade how names and figures are written.

Each story is emitted at its origin desk, then copied by carriers drawn in a seeded order; every carrier
applies its own recipe word (lower-case chat bridge, Cyrillic gateway, hashtag repost, telex capitals,
ticker shards, voice briefing, new headline with byline, tail cut). Standalone (stdlib + PyYAML), seeded,
byte-for-byte reproducible. `--stats` prints the counts.
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
SOURCE = HERE / "heldout65_source.yaml"
OUT = HERE / "heldout65.jsonl"
PREFIX = "pl"
DESIGNED = ("deskcloneotherplace", "pressreleasepartner", "roundupofthree")
FIGURE = re.compile(r"(\$|XPF )?(\d[\d,]*\d|\d)")
CYR = dict(zip("abcdefghijklmnopqrstuvwyz'", "абкдефгхижклмнопкрстуввйзʼ", strict=True)) | {"x": "кс"}
ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def replace_all(story: dict, pairs: list) -> dict:
    """Apply `set` replacements in order to title, text and alt; fail when a phrase is in none."""
    out = dict(story)
    for old, new in pairs:
        old, new = str(old), str(new)
        if not any(old in out.get(k, "") for k in ("title", "text", "alt")):
            raise SystemExit(f"{story['id']}: phrase {old!r} not found")
        for k in ("title", "text", "alt"):
            if k in out:
                out[k] = out[k].replace(old, new)
    return out


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Each story with its own fields; a derived one starts from its base (own title, lede, set)."""
    found: dict[str, dict] = {}
    for s in stories:
        if "derive" in s:
            base = found[s["derive"]]
            merged = {k: base[k] for k in ("lang", "outlet", "day", "text", "title", "alt") if k in base}
            merged.update({k: v for k, v in s.items() if k not in ("title", "set", "lede")})
            merged = replace_all(merged, s.get("set", []))
            if "lede" in s:
                merged["text"] = s["lede"] + "\n\n" + merged["text"].split("\n\n", 1)[1]
            if "title" in s:
                merged["title"] = s["title"]
                merged.pop("alt", None)
            found[s["id"]] = merged
        else:
            found[s["id"]] = dict(s)
    return found


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def to_cyrillic(text: str) -> str:
    out = []
    text = re.sub("ch", "ч", re.sub("Ch", "Ч", re.sub("CH", "Ч", fold(text))))
    for c in text:
        low = c.lower()
        if low in CYR:
            t = CYR[low]
            out.append(t[0].upper() + t[1:] if c.isupper() else t)
        else:
            out.append(c)
    return "".join(out)


def value(figure: str) -> int:
    return int(figure.replace(",", ""))


def compact(match: re.Match) -> str:
    cur, num = match.group(1) or "", value(match.group(2))
    if num >= 1_000_000:
        short = f"{num / 1_000_000:.2f}".rstrip("0").rstrip(".") + "m"
    elif num >= 1000:
        short = f"{num / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    else:
        return match.group(0)
    return cur + short


def hashtagged(text: str) -> str:
    """Capitalised words inside a sentence become #Names; figures become 2.4k / 1.26m."""
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        start = i == 0 or words[i - 1].endswith((".", "!", "?", '"', ":"))
        if not start and w[:1].isupper() and w[:1].isalpha() and len(w.strip(".,\"'")) > 2:
            out.append("#" + w)
        else:
            out.append(w)
    return FIGURE.sub(compact, " ".join(out))


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    for size, name in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return words(head) + " " + name + ("" if rest == 0 else " " + words(rest))
    raise ValueError(n)


def rounded(n: int) -> int:
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - 2)
    return (n + step // 2) // step * step


def spoken(lang: str, about: str):
    def say(match: re.Match) -> str:
        cur, num = match.group(1) or "", value(match.group(2))
        near = rounded(num)
        lead = about + " " if near != num else ""
        if lang != "en":
            return lead + cur + f"{near:,}"
        if near >= 1_000_000 and near % 1_000_000:
            said = words(near // 1_000_000) + " point " + ONES[near // 100_000 % 10] + " million"
        else:
            said = words(near)
        unit = {"$": " dollars", "XPF ": " francs"}.get(cur, "")
        return lead + said + unit

    return say


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def shards(text: str) -> list[str]:
    """A screen ticker's fragments: clauses of at most six words."""
    out = []
    for clause in re.split(r"(?<=[.,;:])\s+", text):
        ws = clause.split()
        out.extend(" ".join(ws[i : i + 6]) for i in range(0, len(ws), 6))
    return out


def reshape(word: str, story: dict, origin: dict, about: dict) -> tuple[str, list[str] | None, str | None]:
    """A carrier's title, blocks (None = summary only) and own summary (None = blocks run together)."""
    title, paras = story["title"], paragraphs(story["text"])
    if word == "lowerchatbridge":
        return title.lower(), [f"[bridge] {origin['name'].lower()}:"] + [p.lower() for p in paras], None
    if word == "cyrilgateway":
        return to_cyrillic(title), [to_cyrillic(p) for p in paras], None
    if word == "hashtagrepost":
        return hashtagged(title), [hashtagged(p) for p in paras] + [f"♻ via {origin['name']}"], None
    if word == "telexcaps":
        caps = [fold(p).upper().replace("'", "") for p in paras]
        head = f"RELAY HARBOUR {origin['feed'].upper()}"
        return fold(title).upper().replace("'", ""), [head, *caps, "END RELAY"], None
    if word == "tickershards":
        parts = shards(" ".join(paras))
        return "▹ " + title, None, cut(" ▹ ".join(parts), 320)
    if word == "voicebriefing":
        say = spoken(story["lang"], about[story["lang"]])
        head = FIGURE.sub(say, title)
        body = " ".join(FIGURE.sub(say, p) for p in paras[:2])
        return head, None, cut(f"{head}. {body}", 420)
    if word == "retitledbyline":
        alt = story.get("alt") or f"{story['place']}: {title}"
        return alt, [f"By Pacific Pickup staff, from {origin['name']}", *paras], None
    if word == "tailcut":
        return title, paras[:-1], None
    raise SystemExit(f"unknown recipe word {word}")


def entry(outlet: dict, story: dict, when: datetime, title: str, blocks, summary) -> dict:
    h = digest(outlet["feed"], story["id"])[:10]
    local = when.astimezone(timezone(timedelta(minutes=outlet["offset"])))
    link = f"https://{outlet['host']}/{local:%Y/%m}/{story['place'].lower().replace(' ', '-')}-{h}"
    if int(h, 16) % 4 == 0:
        link += "?utm_source=relay&utm_medium=feed"
    if blocks is None:
        content = ""
    elif outlet["body"] == "html":
        content = "".join(f"<p>{b}</p>" for b in blocks)
    else:
        content = "\n\n".join(blocks)
    if summary is None:
        summary = cut(" ".join(blocks), 200)
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": link,
        "guid": f"{outlet['feed']}:{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> list[dict]:
    src = load()
    outlets = {
        o[0]: {"feed": o[0], "name": o[1], "host": o[2], "offset": o[3], "body": o[4], "role": o[5], "word": o[6]}
        for o in src["outlets"]
    }
    carriers = [o for o in outlets.values() if o["role"] == "carrier"]
    assert [c["word"] for c in carriers] == src["words"]
    start = datetime.fromisoformat(src["start"])
    stories = resolve(src["stories"])
    rows = []
    for s in stories.values():
        origin = outlets[s["outlet"]]
        if origin["role"] == "carrier":
            raise SystemExit(f"{s['id']}: a carrier cannot originate")
        rng = random.Random(digest(src["seed"], s["id"]))
        when = start + timedelta(days=s["day"], hours=s["hours"], minutes=rng.randint(0, 90))
        rows.append((when, entry(origin, s, when, s["title"], paragraphs(s["text"]), None)))
        order = carriers[:]
        rng.shuffle(order)
        for carrier in order[: src["copies"][s["kind"]]]:
            title, blocks, summary = reshape(carrier["word"], s, origin, src["about"])
            at = when + timedelta(minutes=rng.randint(20, 180))
            rows.append((at, entry(carrier, s, at, title, blocks, summary)))
    rows.sort(key=lambda t: (t[0], t[1]["feed"], t[1]["story"]))
    out = []
    for n, (_, row) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        out.append(row)
    return out


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = resolve(src["stories"])
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    hard = 0
    for s in stories.values():
        if s["kind"] in DESIGNED:
            hard += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    words_by = Counter(c[6] for c in src["outlets"] for r in copies if r["feed"] == c[0])
    langs = Counter(r["lang"] for r in rows)
    lens = [len(s["text"].split()) for s in stories.values()]
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
        + f"  (en {100 * langs['en'] / len(rows):.0f}%)",
        "kinds:                   "
        + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s["kind"] for s in stories.values()).items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words_by.items())),
        f"words per text:          {min(lens)}-{max(lens)}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
