"""Build held-out v76 (`heldout76.jsonl`) from `heldout76_source.yaml`: medium articles through carriers that
rewrite how names, dates, figures and words are written.

Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible. Each story is emitted at its origin desk, then
copied by carriers of its language (how many per kind: the source's `copies`), carriers in an order shuffled by a
SHA-256 of seed, story and feed. A carrier applies all its style words, in the order of ``STYLES``.

    python tests/data/dedup/make_heldout76.py          # rewrites heldout76.jsonl
    python tests/data/dedup/make_heldout76.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout76_source.yaml"
TARGET = HERE / "heldout76.jsonl"
PREFIX = "pw"
NEGATIVE = ("desktwinsameday", "onereleasesecond", "weekthreeroundup")
CJK = ("ja", "zh")
SUMMARY_CUT = 220
SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=。)")  # "2.3" and "T$2.3" stay whole
CURRENCY = {"WS$": "wst", "T$": "top", "$": "usd"}


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...]
    styles: tuple[str, ...]


@dataclass
class Copy:
    """The pieces a carrier rewrites: headline, blocks (paragraphs), language, and the carrier."""

    title: str
    blocks: list[str]
    lang: str
    outlet: Outlet
    alt: str


def digest(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()


def sentences(block: str) -> list[str]:
    return [s for s in SENTENCE.split(block) if s]


def joiner(lang: str) -> str:
    return "" if lang in CJK else " "


def cut(text: str, limit: int) -> str:
    """``text`` cut at a word beyond ``limit`` characters, marked with `` …``."""
    if len(text) <= limit:
        return text
    space = text.find(" ", limit)
    return text if space < 0 else text[:space] + " …"


# --- style words: each rewrites a Copy in place; PHRASES holds the source's per-language words ---
PHRASES: dict = {}


def headlineswap(c: Copy) -> None:
    c.title = c.alt


def mtroundtrip(c: Copy) -> None:
    """Clauses of a sentence swapped at its first comma (not in quotations), and synonyms swapped."""
    comma = "、" if c.lang in CJK else ", "

    def swap(s: str) -> str:
        if '"' in s or "「" in s or comma not in s:
            return s
        end = s[-1] if s[-1] in ".。" else ""
        first, second = s[: len(s) - len(end)].split(comma, 1)
        if c.lang not in CJK:  # the moved clause loses its capital, the new first one gains it
            first = first[:1].lower() + first[1:]
        return second[:1].upper() + second[1:] + comma + first + end

    c.blocks = [joiner(c.lang).join(swap(s) for s in sentences(b)) for b in c.blocks]
    for old, new in PHRASES["synonyms"][c.lang].items():
        pattern = re.escape(old) if c.lang in CJK else rf"(?<![\wʻ]){re.escape(old)}(?![\wʻ])"
        c.blocks = [re.sub(pattern, new, b) for b in c.blocks]


def readerspoken(c: Copy) -> None:
    """Currency, percentages and degrees spelled as words, as a screen reader's export writes them."""

    def money(m: re.Match) -> str:
        return f"{m[2]}{m[3] or ''} {PHRASES[CURRENCY[m[1]]][c.lang]}"

    def rewrite(text: str) -> str:
        text = re.sub(r"(WS\$|T\$|\$)(\d[\d,]*(?:\.\d+)?)( miliona| million)?", money, text)
        text = re.sub(r"(\d+(?:\.\d+)?)%", lambda m: f"{m[1]} {PHRASES['percent'][c.lang]}", text)
        return re.sub(r"(\d+) °C", lambda m: f"{m[1]} {PHRASES['celsius'][c.lang]}", text)

    c.title, c.blocks = rewrite(c.title), [rewrite(b) for b in c.blocks]


def unitconvert(c: Copy) -> None:
    """A regional edition: km in miles and °C in °F with the original in brackets, dates month/day."""

    def rewrite(text: str) -> str:
        text = re.sub(r"(\d+(?:\.\d+)?) km", lambda m: f"{float(m[1]) * 0.621371:.1f} miles ({m[1]} km)", text)
        text = re.sub(r"(\d+) mm", lambda m: f"{float(m[1]) / 25.4:.1f} in ({m[1]} mm)", text)
        text = re.sub(r"(\d+) °C", lambda m: f"{round(int(m[1]) * 9 / 5 + 32)} °F ({m[1]} °C)", text)
        return re.sub(r"(?<![\d.,/])(\d{1,2})/(\d{1,2})(?![\d/])", r"\2/\1", text)

    c.title, c.blocks = rewrite(c.title), [rewrite(b) for b in c.blocks]


def radioround(c: Copy) -> None:
    """A radio script: figures of a thousand or more rounded and spoken ("about 4.9 thousand")."""
    sep = "" if c.lang in CJK else " "

    def spoken(m: re.Match) -> str:
        value = int(m[2].replace(",", ""))
        unit, scale = ("million", 1e6) if value >= 1_000_000 else ("thousand", 1e3)
        amount = f"{round(value / scale, 1):g}"
        return f"{PHRASES['about'][c.lang]}{sep}{m[1] or ''}{amount}{sep}{PHRASES[unit][c.lang]}"

    def rewrite(text: str) -> str:
        text = re.sub(r"(WS\$|T\$|\$)?(\d{1,3}(?:,\d{3})+)", spoken, text)
        about = re.escape(PHRASES["about"][c.lang])
        return re.sub(rf"({about})\s*{about}", r"\1", text, flags=re.IGNORECASE)  # the text's own "about"

    c.title, c.blocks = rewrite(c.title), [rewrite(b) for b in c.blocks]


def tailparadrop(c: Copy) -> None:
    if len(c.blocks) >= 3:
        c.blocks = c.blocks[:-1]


def stafflinetop(c: Copy) -> None:
    c.blocks = [f"{PHRASES['byline'][c.lang]}{joiner(c.lang)}{c.outlet.name}", *c.blocks]


def wrap(block: str, width: int) -> str:
    """Hard wraps at ``width`` columns, a long word broken with a hyphen where five or more columns remain."""
    lines, line = [], ""
    for word in block.split(" "):
        while True:
            room = width - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            if room >= 5 and len(word) >= 8:
                lines.append(f"{line} {word[: room - 1]}-" if line else f"{word[: room - 1]}-")
                word, line = word[room - 1 :], ""
                continue
            lines.append(line)
            line = ""
    return "\n".join([*lines, line])


def teletextwrap(c: Copy) -> None:
    """A teletext page: 40 columns (20 for Chinese and Japanese characters), hyphenated word breaks."""
    if c.lang in CJK:
        c.blocks = ["\n".join(b[i : i + 20] for i in range(0, len(b), 20)) for b in c.blocks]
    else:
        c.blocks = [wrap(b, 40) for b in c.blocks]


def capsrelaystop(c: Copy) -> None:
    """A telex relay: capitals without diacritics or glottal stops, STOP for a full stop."""

    def rewrite(text: str) -> str:
        plain = unicodedata.normalize("NFD", text.replace("ʻ", "").replace("'", ""))
        plain = "".join(ch for ch in plain if unicodedata.category(ch) != "Mn").upper()
        return re.sub(r"\.(?=\s|$)", " STOP", plain)

    c.title, c.blocks = rewrite(c.title), [rewrite(b) for b in c.blocks]


def assistantyou(c: Copy) -> None:
    """A voice assistant's brief to its listener: an intro in the second person, the lede, an outro."""
    lede = sentences(c.blocks[0])[0]
    sep = joiner(c.lang)
    c.blocks = [sep.join([PHRASES["youintro"][c.lang], lede, PHRASES["yououtro"][c.lang]])]


STYLES: dict[str, Callable[[Copy], None]] = {
    "headlineswap": headlineswap,
    "mtroundtrip": mtroundtrip,
    "readerspoken": readerspoken,
    "unitconvert": unitconvert,
    "radioround": radioround,
    "tailparadrop": tailparadrop,
    "stafflinetop": stafflinetop,
    "teletextwrap": teletextwrap,
    "capsrelaystop": capsrelaystop,
    "assistantyou": assistantyou,
}


# --- the source ---
def derive(story: dict, stories: dict[str, dict]) -> dict:
    """A derived negative: its base's title, headline and text with each `set` phrase replaced everywhere."""
    base = stories[story["derive"]]
    title, alt, text = base["title"], base["alt"], base["text"]
    for old, new in story["set"]:
        if old not in title + alt + text:
            raise SystemExit(f"{story['id']}: {old!r} is not in {base['id']}")
        title, alt, text = (t.replace(old, new) for t in (title, alt, text))
    return {**story, "title": title, "alt": alt, "text": text}


def load() -> tuple[dict, dict[str, Outlet], list[dict]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    PHRASES.clear()
    PHRASES.update(source["phrases"])
    outlets = {o[0]: Outlet(o[0], o[1], o[2], o[3], o[4], tuple(o[5]), tuple(o[6])) for o in source["outlets"]}
    by_id: dict[str, dict] = {}
    for s in source["stories"]:
        by_id[s["id"]] = derive(s, by_id) if "derive" in s else s
    return source, outlets, list(by_id.values())


def blocks_of(text: str) -> list[str]:
    return [" ".join(b.split()) for b in text.strip().split("\n\n")]


def render(blocks: list[str], body: str) -> str:
    if body == "html":
        return "".join(f"<p>{b.replace(chr(10), '<br>')}</p>" for b in blocks)
    return "\n\n".join(blocks)


def entry(story: dict, outlet: Outlet, at: datetime, title: str, blocks: list[str], styles: str) -> dict:
    zone = timezone(timedelta(minutes=outlet.offset))
    h = digest(story["id"], outlet.feed)
    desk = not outlet.langs
    lines = joiner(story["lang"])  # a teletext page's hard wraps run together
    summary = blocks[0] if desk else cut(" ".join(b.replace("\n", lines) for b in blocks), SUMMARY_CUT)
    link = f"https://{outlet.host}/2031/06/{story['id'][3:]}" if desk else f"https://{outlet.host}/n/{h[:10]}"
    if outlet.feed in ("readaloud-export", "island-newsstand"):
        link += "?utm_source=feed&utm_medium=rss"
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": link,
        "guid": f"tag:{outlet.host},2031:{story['id']}" if desk else f"{outlet.feed}-{h[:12]}",
        "published": at.astimezone(zone).isoformat(),
        "summary": cut(summary, SUMMARY_CUT),
        "content": "" if outlet.body == "none" else render(blocks, outlet.body),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_styles": styles,
        "_at": at,
    }


def instant(story: dict) -> datetime:
    """The story's UTC instant (YAML reads `at` as a datetime; a string is read too)."""
    at = story["at"]
    at = at if isinstance(at, datetime) else datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def carriers_for(story: dict, outlets: dict[str, Outlet], seed: int, count: int) -> list[Outlet]:
    able = [o for o in outlets.values() if story["lang"] in o.langs]
    able.sort(key=lambda o: digest(seed, story["id"], o.feed))
    if len(able) < count:
        raise SystemExit(f"{story['id']}: {len(able)} carriers for {count} copies")
    return able[:count]


def copy_of(story: dict, outlet: Outlet, seed: int) -> dict:
    c = Copy(story["title"], blocks_of(story["text"]), story["lang"], outlet, story["alt"])
    for word in STYLES:
        if word in outlet.styles:
            STYLES[word](c)
    minutes = 12 + int(digest(seed, story["id"], outlet.feed, "t"), 16) % 389
    at = instant(story) + timedelta(minutes=minutes)
    if outlet.body == "none":
        return {**entry(story, outlet, at, c.title, c.blocks, ",".join(outlet.styles)), "summary": c.blocks[0]}
    return entry(story, outlet, at, c.title, c.blocks, ",".join(outlet.styles))


def build() -> list[dict]:
    source, outlets, stories = load()
    seed = source["seed"]
    rows = []
    for s in stories:
        at = instant(s)
        rows.append(entry(s, outlets[s["outlet"]], at, s["title"], blocks_of(s["text"]), ""))
        for outlet in carriers_for(s, outlets, seed, source["copies"][s["kind"]]):
            rows.append(copy_of(s, outlet, seed))
    rows.sort(key=lambda r: (r["_at"], r["story"], r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(
        json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n" for r in rows
    )


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    per_story = Counter(r["story"] for r in rows)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    events = Counter(s["event"] for s in stories)
    same_event = sum(1 for a, b in combinations(rows, 2) if a["event"] == b["event"] and a["story"] != b["story"])
    negative = sum(
        per_story[s["id"]] * per_story[other]
        for s in stories
        if s["kind"] in NEGATIVE
        for other in s.get("quotes", [s.get("against")])
    )
    langs = Counter(r["lang"] for r in rows)
    styles = Counter(w for r in copies for w in r["_styles"].split(",") if w)
    sizes = Counter(per_story.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            "entries per story:       " + ", ".join(f"{k}x{v}" for k, v in sorted(sizes.items())),
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {100 * langs['en'] / len(rows):.1f}%)",
            "kinds:                   "
            + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s["kind"] for s in stories).items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(styles.items())),
        ]
    )


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
