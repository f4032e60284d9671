"""Build held-out v15 (`heldout15.jsonl`) from `heldout15_source.yaml`.

Fiction written for the project. Each copy applies its recipe words in order (the README lists
them). No clock: bylines and campaign ids come from `random.Random` seeded with the set's seed,
story, feed and delay; link numbers and GUIDs from a CRC, so the file is byte-for-byte reproducible.

    python tests/data/dedup/make_heldout15.py          # rewrites heldout15.jsonl, prints the counts
    python tests/data/dedup/make_heldout15.py --stats  # regenerates in memory, fails if it differs
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout15_source.yaml"
OUT = HERE / "heldout15.jsonl"
PREFIX = "g"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
SAME_EVENT = {"original", "independent"}
SENTENCE_END = re.compile(r"(?<=[.!?।።۔])\s+")
TAG = re.compile(r"<[^>]+>")
ENTITIES = {"“": "&#8220;", "”": "&#8221;", "‘": "&#8216;", "’": "&#8217;", "–": "&#8211;", "—": "&#8212;"}
ENTITIES |= {"…": "&#8230;", "«": "&#171;", "»": "&#187;"}
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
# Keyboards without the language's own letters: Chuvash typed with Latin look-alikes, Sindhi with
# the Arabic kaf and heh, Assamese with the Bengali ra and wa.
LOOKALIKE = {
    "cv": str.maketrans("ӑӗҫӳӐӖҪӲ", "ăĕçÿĂĔÇŸ"),
    "sd": str.maketrans("ڪھ", "كه"),
    "as": str.maketrans("ৰৱ", "রব"),
}
# Ge'ez punctuation as typed on a Latin keyboard.
COLONS = {"።": "::", "፣": ",", "፤": ";", "፡": ":"}
# Samoan printed without its glottal stop letter and macrons, as many sites do.
NOMARKS = str.maketrans({"ʻ": None, "ā": "a", "ē": "e", "ī": "i", "ō": "o", "ū": "u", "Ā": "A"})


@dataclass
class Doc:
    """A copy being made: headline, lines added on top, body blocks (text, raw markup?), lines at the end."""

    title: str
    body: list[tuple[str, bool]]
    style: str
    top: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    glued: bool = False
    summary_only: bool = False
    tracking: int = 0
    amp: bool = False


def strip_tags(text: str) -> str:
    return TAG.sub("", text).strip()


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s]


def map_text(doc: Doc, fn: Callable[[str], str]) -> None:
    doc.title = fn(doc.title)
    doc.body = [(t if raw else fn(t), raw) for t, raw in doc.body]


def lede_split(doc: Doc, story: dict) -> tuple[str, str]:
    """The first block cut after its dateline, if it still carries one."""
    text = doc.body[0][0]
    head = story.get("dateline", "")
    if head and text.startswith(head + " "):
        return head + " ", text[len(head) + 1 :]
    return "", text


def apply(word: str, doc: Doc, story: dict, desk: dict, ctx: dict) -> None:
    if word == "dateline-strip":
        head, rest = lede_split(doc, story)
        assert head, story["id"]
        doc.body[0] = (rest, False)
    elif word == "byline":
        doc.top.append(f"{desk['by']} {ctx['rng'].choice(desk['bylines'])}")
    elif word == "credit":
        doc.tail.append(desk["credit"].format(src=ctx["source_name"]))
    elif word == "tracking":
        doc.tracking = ctx["rng"].randrange(1000, 99999)
    elif word == "amp":
        doc.amp = True
    elif word == "trim":
        texts = [i for i, (_, raw) in enumerate(doc.body) if not raw]
        assert len(texts) > 2, story["id"]
        del doc.body[texts[-1]]
    elif word == "readmore":
        words = doc.body[1][0].split()
        doc.body = [doc.body[0], (" ".join(words[: len(words) // 2]) + " …", False)]
        doc.tail.append(f'<a href="{ctx["source_link"]}">{desk["readmore"]}</a>')
    elif word == "summary-only":
        doc.summary_only = True
    elif word == "alt":
        doc.title = story["alt"]
    elif word == "plain":
        doc.style = "plain"
    elif word == "glued":
        doc.glued = True
    elif word == "quotes":
        map_text(doc, lambda t: t.translate(STRAIGHT))
    elif word == "entities":
        doc.body = [("".join(ENTITIES.get(c, c) for c in t), raw) for t, raw in doc.body]
    elif word in ("exonym", "relday", "fx"):
        for old, new in story[{"exonym": "exo", "relday": "rel", "fx": "fx"}[word]]:
            map_text(doc, lambda t, old=old, new=new: t.replace(old, new))
    elif word == "anchors":
        doc.body = [(f'{t} <a class="anchor" href="#p{n}">¶</a>', False) for n, (t, _) in enumerate(doc.body, 1)]
    elif word == "leadcaps":
        head, rest = lede_split(doc, story)
        words = rest.split(" ")
        doc.body[0] = (head + " ".join([w.upper() for w in words[:4]] + words[4:]), False)
    elif word == "bititle":
        doc.title = f"{doc.title} / {story['en']}"
    elif word == "details":
        rest = doc.body[1:]
        doc.body = [doc.body[0], (f"<details><summary>{desk['more']}</summary>", True), *rest, ("</details>", True)]
    elif word == "geotag":
        doc.top.insert(0, f"📍 {story['place']}")
    elif word == "mark":
        head, rest = lede_split(doc, story)
        first, *others = sentences(rest)
        doc.body[0] = (head + " ".join([f"<mark>{first}</mark>", *others]), False)
    elif word == "lookalike":
        map_text(doc, lambda t: t.translate(LOOKALIKE[story["lang"]]))
    elif word == "colons":
        map_text(doc, lambda t: "".join(COLONS.get(c, c) for c in t))
    elif word == "okina":
        map_text(doc, lambda t: t.replace("ʻ", "'"))
    elif word == "nomarks":
        map_text(doc, lambda t: t.translate(NOMARKS))
    elif word == "social":
        doc.body = [(s, raw) for t, raw in doc.body for s in ([t] if raw else sentences(t))]
    elif word == "fixline":
        old, new, line = story["fix"]
        assert old in doc.body[0][0] or old in doc.body[1][0], story["id"]
        doc.body = [(t.replace(old, new), raw) for t, raw in doc.body]
        doc.tail.append(line)
    else:
        raise ValueError(f"{story['id']}: unknown recipe word {word!r}")


def render(doc: Doc) -> tuple[str, str]:
    """(summary, content): the summary is the first body paragraph as text, cut at a word end."""
    blocks = [(line, False) for line in doc.top] + doc.body + [(line, False) for line in doc.tail]
    first = strip_tags(next(t for t, raw in doc.body if not raw))
    summary = first if len(first) <= 200 else first[:200].rsplit(" ", 1)[0] + " …"
    if doc.summary_only:
        return summary, ""
    if doc.style == "plain":
        parts = [strip_tags(t) for t, _ in blocks]
        return summary, ("" if doc.glued else "\n\n").join(p for p in parts if p)
    parts = [t if raw else f"<p>{t}</p>" for t, raw in blocks]
    return summary, ("" if doc.glued else "\n").join(parts)


def crc(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


def link_and_guid(feed: str, story: dict, desk: dict, when: datetime, num: int, doc: Doc) -> tuple[str, str]:
    host = f"{feed}.example"
    slug = story["id"].removeprefix("s-")
    path = f"/{desk['section']}/{when:%Y/%m/%d}/{slug}-{num}"
    link = f"https://{'amp.' if doc.amp else ''}{host}{path}{'/amp' if doc.amp else ''}"
    if doc.tracking:
        link += f"?utm_source=feed&utm_medium=rss&utm_campaign=c{doc.tracking}"
    digest = hashlib.md5(f"{feed}{num}".encode()).hexdigest()
    uuid = "-".join((digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:]))
    guid = (f"tag:{host},2027:{num}", f"https://{host}{path}", f"urn:uuid:{uuid}", f"{feed}-{num}")[crc(feed) % 4]
    return link, guid


def entry(src: dict, story: dict, feed: str, minutes: int, words: list[str]) -> dict:
    """One entry of `story` at `feed`, `minutes` after the story, with the recipe `words` applied."""
    name, _, offset, style = src["outlets"][feed]
    desk = src["desks"][story["lang"]]
    paras = story["text"].strip().split("\n\n")
    if story.get("dateline"):
        paras[0] = f"{story['dateline']} {paras[0]}"
    doc = Doc(story["title"], [(p, False) for p in paras], style)
    origin = story["outlet"]
    ctx = {
        "rng": random.Random(f"{src['seed']}|{story['id']}|{feed}|{minutes}"),
        "source_name": src["outlets"][origin][0],
        "source_link": f"https://{origin}.example/{desk['section']}/{story['id'].removeprefix('s-')}",
    }
    for word in words:
        apply(word, doc, story, desk, ctx)
    utc = datetime.fromisoformat(story["time"]).replace(tzinfo=UTC) + timedelta(minutes=minutes)
    local = utc.astimezone(timezone(timedelta(hours=offset)))
    link, guid = link_and_guid(feed, story, desk, local, crc(story["id"], feed, minutes) % 900000 + 100000, doc)
    summary, content = render(doc)
    text = [doc.title, link, guid, local.isoformat(timespec="seconds"), summary, content]
    return dict(zip(KEYS, ["", name, feed, *text, story["lang"], story["id"], story["event"]], strict=True)) | {
        "_utc": utc
    }


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    src["outlets"] = {feed: (name, lang, offset, style) for feed, name, lang, offset, style in src["outlets"]}
    return src


def build() -> list[dict]:
    src = load()
    rows = []
    for story in src["stories"]:
        rows.append(entry(src, story, story["outlet"], 0, []))
        for recipe in story.get("copies", []):
            feed, minutes, *words = recipe.split()
            rows.append(entry(src, story, feed, int(minutes), words))
    rows.sort(key=lambda r: r.pop("_utc"))  # stable: a story's own entry stays before its copies
    for n, row in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    stories = {s["id"]: s for s in load()["stories"]}
    per_story, langs = Counter(r["story"] for r in rows), Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    negative = [s for s in stories.values() if s["kind"] not in SAME_EVENT]
    recipes = [c.split()[2:] for s in stories.values() for c in s.get("copies", [])]

    def counts(c: Counter) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(c.items()))

    multi = f"{sum(len(v) > 1 for v in ev_stories.values())} with >=2 stories"
    return f"""\
entries:                 {len(rows)}
outlets (feeds):         {len({r["feed"] for r in rows})}
stories:                 {len(stories)}  ({counts(Counter(s["kind"] for s in stories.values()))})
events:                  {len(ev_stories)}  ({multi}, {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)
copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}
hard-negative entry pairs (designed, other event): {sum(per_story[s["id"]] * per_story[s["against"]] for s in negative)}
summary-only entries:    {sum(r["content"] == "" for r in rows)}
languages:               {counts(langs)}  (en {round(100 * langs["en"] / len(rows))}%)
copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)
transformations:         {counts(Counter(w for r in recipes for w in r))}"""


def idle_words(src: dict) -> list[str]:
    """Recipe words that change nothing in their copy: the counts would overstate what the set holds."""
    idle = []
    for story in src["stories"]:
        for recipe in story.get("copies", []):
            feed, minutes, *words = recipe.split()
            full = entry(src, story, feed, int(minutes), words)
            for i, word in enumerate(words):
                less = entry(src, story, feed, int(minutes), words[:i] + words[i + 1 :])
                if all(full[k] == less[k] for k in ("title", "summary", "content", "link")):
                    idle.append(f"{story['id']}: {recipe}: {word} changes nothing")
    return idle


def main() -> int:
    if idle := idle_words(load()):
        print("\n".join(idle), file=sys.stderr)
        return 1
    made = dump(build())
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != made:
            print("heldout15.jsonl differs from what the generator makes; run without --stats", file=sys.stderr)
            return 1
    else:
        OUT.write_text(made, encoding="utf-8")
    print(stats([json.loads(line) for line in made.splitlines()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
