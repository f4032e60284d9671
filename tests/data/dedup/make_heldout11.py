"""Build held-out v11 (`heldout11.jsonl`) from `heldout11_source.yaml`: originals and their copies.

Each copy applies its recipe words in order to the source story. Deterministic: no clock; bylines and
campaign names come from a `random.Random` seeded with the set's seed, the story, the outlet and the delay.
Usage: `python make_heldout11.py` writes the file; `--stats` regenerates in memory, fails if the committed
file differs, and prints the counts.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout11_source.yaml"
OUT = HERE / "heldout11.jsonl"
SEED = 11
NEGATIVE = {"template", "same-topic", "press-release", "roundup", "opinion", "newdev", "digest"}
TONE_MARKS = {"\u0300", "\u0301", "\u0304"}  # grave, acute, macron; the dot below stays, as on most sites
LATIN_LETTERS = "a b p t j ch x d r z zh s sh gh f q k g ng l m n h o u ö ü w é i y e , ; ?"
UYGHUR_LATIN = dict(zip("ابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە،؛؟", LATIN_LETTERS.split(" "), strict=True))
UYGHUR_LATIN["ئ"] = ""  # the hamza seat before a vowel is not written in Latin letters
# Arabic script has no capitals; the Latin spelling capitalises the set's place and person names.
PROPER = re.compile(
    r"\b(?:almuta|chélek|bayséyit|chonja|ketmen|gülnar|hashimowa|tursun|memetow|meshrep|kéchisi|erkin|sabirow)"
)


@dataclass
class Draft:
    """One entry while its recipe is applied: blocks above, the story's paragraphs, blocks below."""

    title: str
    paras: list[str]
    dateline: str
    style: str
    host: str
    path: str
    query: str = ""
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)
    summary_only: bool = False
    glued: bool = False
    more: bool = False
    autolink: bool = False
    post: list[str] = field(default_factory=list)  # whole-text rewrites applied last, in order


def cut(text: str, limit: int) -> str:
    """The text cut at a word end near `limit` (any character for unspaced scripts), never inside a cluster."""
    if len(text) <= limit:
        return text
    end = text.rfind(" ", 0, limit)
    end = end if end > limit // 2 else limit
    while end < len(text) and unicodedata.category(text[end]).startswith("M"):
        end += 1
    return text[:end].rstrip(" ,;:،") + "…"


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))


def uyghur_latin(text: str) -> str:
    """Uyghur Arabic script to the Latin letters Uyghur websites use, each block starting with a capital."""
    out = "".join(UYGHUR_LATIN.get(c, c) for c in text)
    assert not re.search("[\u0600-\u06ff]", out), out
    out = re.sub(r"(^«?|<p>«?|[.!?] «?)([a-zéöü])", lambda m: m.group(1) + m.group(2).upper(), out, flags=re.M)
    return re.sub(PROPER, lambda m: m.group(0)[0].upper() + m.group(0)[1:], out)


POST = {
    "quotes": lambda t: re.sub("[“”„«»]", '"', t).replace("’", "'"),
    "tonestrip": strip_tones,
    "bidi": lambda t: re.sub(r"\d[\d.,:%]*", lambda m: m.group(0) + "\u200f", t),  # RLM after numbers
    "latin": uyghur_latin,
}


def apply(word: str, d: Draft, story: dict, desk: dict, source: dict, rng: random.Random) -> None:
    """One recipe word; words that rewrite the finished text are kept for `render`."""
    if word in POST:
        d.post.append(word)
    elif word == "dateline-strip":
        d.dateline = ""
    elif word == "byline":
        d.top.append(f"{desk['by']} {rng.choice(desk['names'])}")
    elif word == "credit":
        d.bottom.append(desk["credit"].format(src=source["name"]))
    elif word == "tracking":
        d.query = f"?utm_source=rss&utm_medium=feed&utm_campaign=nl{rng.randrange(1000, 9999)}"
    elif word == "amp":
        d.host, d.path = "amp." + d.host, d.path + "/amp"
    elif word == "trim":
        d.paras = d.paras[:-1]
    elif word == "readmore":
        d.paras, d.more = [d.paras[0], cut(d.paras[1], len(d.paras[1]) // 2)], True
    elif word == "summary-only":
        d.summary_only = True
    elif word == "alt":
        d.title = story["alt"]
    elif word == "plain":
        d.style = "plain"
    elif word == "glued":
        d.glued = True
    elif word == "cookie":  # a scraper that kept the consent banner's text
        d.top.insert(0, desk["cookie"])
    elif word == "langbar":  # the language switcher of a multilingual site, read as text
        d.top.insert(0, desk["langbar"])
    elif word == "skiplink":  # a text-only accessibility edition
        d.top.insert(0, desk["skip"])
        d.bottom.append(desk["top"])
    elif word == "webview":  # an e-mail newsletter turned into a feed
        d.top.insert(0, desk["webview"])
        d.bottom.append(desk["unsub"])
    elif word == "paywall":
        d.paras = d.paras[:1]
        d.bottom.append(desk["paywall"])
    elif word == "print":  # a print edition's footer with the original address
        d.bottom.append(f"{desk['print'].format(host=source['host'])} https://{source['host']}/{story['id']}")
    elif word == "autolink":  # an SEO plugin that links the first mention of each tag
        d.autolink = True
    elif word == "title-cut":  # a social card cuts the headline
        d.title = cut(d.title, 40)
    elif word == "title-in-body":  # a re-publisher that repeats the headline as the first paragraph
        d.paras = [d.title, *d.paras]
    else:
        raise ValueError(f"{story['id']}: unknown recipe word {word!r}")


def render(d: Draft, story: dict, desk: dict, link: str) -> tuple[str, str, str]:
    """Title, summary and content of a draft, in its body style."""
    first = f"{d.dateline} {d.paras[0]}" if d.dateline else d.paras[0]
    blocks = [*d.top, first, *d.paras[1:], *d.bottom]
    summary = cut(first, 200)
    if d.style == "p":
        body = [f"<p>{html.escape(b, quote=False)}</p>" for b in blocks]
        if d.more:
            body.insert(len(d.top) + len(d.paras), f'<p><a href="{link}">{desk["more"]}</a></p>')
        content = ("" if d.glued else "\n").join(body)
        for tag in story.get("tags", []) if d.autolink else []:
            href = f"https://{d.host}/tag/{zlib.crc32(tag.encode()):08x}"
            content = content.replace(tag, f'<a href="{href}">{tag}</a>', 1)
    else:
        if d.more:
            blocks.insert(len(d.top) + len(d.paras), f"{desk['more']}: {link}")
        content = ("" if d.glued else "\n\n").join(blocks)
    texts = [d.title, summary, "" if d.summary_only else content]
    for word in d.post:
        texts = [POST[word](t) for t in texts]
    return texts[0], texts[1], texts[2]


def entry(story: dict, outlet: dict, delay: int, recipe: str, desks: dict, outlets: dict) -> dict:
    source = outlets[story["outlet"]]
    at = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC) + timedelta(minutes=delay)
    rng = random.Random(f"{SEED}/{story['id']}/{outlet['feed']}/{delay}")
    number = zlib.crc32(f"{story['id']}/{outlet['feed']}/{delay}".encode()) % 900000 + 100000
    paras = [p.strip() for p in story["text"].strip().split("\n\n")]
    d = Draft(story["title"], paras, story.get("dateline", ""), outlet["style"], outlet["host"], f"/{at:%Y/%m}")
    desk = desks[outlet["lang"]]
    for word in recipe.split():
        apply(word, d, story, desk, source, rng)
    link = f"https://{d.host}{d.path}/{number}{d.query}"
    title, summary, content = render(d, story, desk, link)
    zone = timezone(timedelta(minutes=outlet["offset"]))
    return {
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": link,
        "guid": f"{outlet['feed']}-{number}",
        "published": at.astimezone(zone).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story.get("lang", outlets[story["outlet"]]["lang"]),
        "story": story["id"],
        "event": story["event"],
        "_at": at,
        "_recipe": recipe,
    }


def load() -> tuple[dict, dict, list[dict]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, lang, offset, style in src["outlets"]:
        sign = -1 if offset.startswith("-") else 1
        minutes = sign * (int(offset[1:3]) * 60 + int(offset[4:6]))
        outlets[feed] = {"feed": feed, "name": name, "lang": lang, "offset": minutes, "style": style}
        outlets[feed]["host"] = f"{feed}.example"
    return src["desks"], outlets, src["stories"]


def build() -> list[dict]:
    desks, outlets, stories = load()
    rows = []
    for s in stories:
        rows.append(entry(s, outlets[s["outlet"]], 0, "", desks, outlets))
        rows += [entry(s, outlets[feed], delay, recipe, desks, outlets) for feed, delay, recipe in s.get("copies", [])]
    rows.sort(key=lambda r: (r["_at"], r["story"], r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"y{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    keys = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story"]
    return "".join(json.dumps({k: r[k] for k in [*keys, "event"]}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    _, _, stories = load()
    by_id = {s["id"]: s for s in stories}
    per_story = Counter(r["story"] for r in rows)
    ev_stories, ev_langs = defaultdict(set), defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    negative = sum(
        per_story[s["id"]] * per_story[other]
        for s in stories
        if s["kind"] in NEGATIVE
        for other in s.get("quotes", [s.get("against")])
    )
    assert all(
        by_id[o]["event"] != s["event"]
        for s in stories
        if s["kind"] in NEGATIVE
        for o in s.get("quotes", [s.get("against")])
    )
    recipes = [r["_recipe"].split() for r in rows if r["_recipe"]]
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories)
    words = Counter(w for recipe in recipes for w in recipe)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({', '.join(f'{k}={n}' for k, n in sorted(kinds.items()))})",
            f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with "
            f">=2 stories, {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={n}' for k, n in sorted(langs.items()))}  "
            f"(en {round(100 * langs['en'] / len(rows))}%)",
            f"copies:                  {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {', '.join(f'{k}={n}' for k, n in sorted(words.items()))}",
        ]
    )


def main(argv: list[str]) -> int:
    rows = build()
    text = dump(rows)
    if "--stats" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            print("heldout11.jsonl differs from what the generator makes", file=sys.stderr)
            return 1
        print(stats(rows))
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
