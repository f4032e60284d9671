#!/usr/bin/env python3
"""Build held-out v5 (`heldout5.jsonl`) from `heldout5_source.yaml`; see the README section "Held-out v5".

Every copy is derived from its story's hand-written text by the recipe words in the source
(`"<outlet> <minutes later> <transformation> ..."`). Randomness comes only from `random.Random`
seeded with story, outlet and delay, so the output is byte-for-byte reproducible.
`--stats` regenerates in memory, fails if the committed file differs, and prints the counts.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout5_source.yaml"
OUT = HERE / "heldout5.jsonl"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup", "obituary", "ruling"}
SENTENCE = re.compile(r"(?<=[.!?۔。])\s+|(?<=。)")
NIQQUD = re.compile("[\u0591-\u05bd\u05bf-\u05c7]")  # points and cantillation, not the maqaf
SR_LATIN = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "đ",
            "e",
            "ž",
            "z",
            "i",
            "j",
            "k",
            "l",
            "lj",
            "m",
            "n",
            "nj",
            "o",
            "p",
            "r",
            "s",
            "t",
            "ć",
            "u",
            "f",
            "h",
            "c",
            "č",
            "dž",
            "š",
        ],
        strict=True,
    )
)


def sentences(text: str, lang: str) -> list[str]:
    # Thai marks sentence ends with a space, not a stop
    parts = text.split(" ") if lang == "th" else SENTENCE.split(text)
    return [p for p in parts if p]


def thread(story: dict) -> str:
    """The story's event with a next-day development's `-next` dropped: one thread of news."""
    return story["event"].removesuffix("-next")


def joiner(lang: str) -> str:
    return "" if lang == "ja" else " "


def to_latin(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in SR_LATIN:
            lat = SR_LATIN[low]
            out.append(lat if ch == low else lat[0].upper() + lat[1:])
        else:
            out.append(ch)
    return "".join(out)


class Article:
    """One entry being built: headline, paragraphs and the blocks around them."""

    def __init__(self, story: dict, outlet: dict) -> None:
        self.story, self.outlet, self.lang = story, outlet, story["lang"]
        self.title = story["title"]
        self.paras = [p.strip() for p in story["text"].strip().split("\n\n")]
        self.dateline = story.get("dateline", "")
        self.lead = ""  # glued in front of the first paragraph (inline byline)
        self.pre: list[str] = []
        self.post: list[str] = []
        self.inserts: list[tuple[int, str]] = []  # (after paragraph n, raw html block)
        self.summary: str | None = None
        self.style = outlet["style"]
        self.glued = self.entities = False
        self.more: str | None = None
        self.host = outlet["host"]
        self.query = ""
        self.utc = False


def trim(art: Article, pct: int) -> None:
    words = sum(len(p.split()) for p in art.paras)
    goal = words * (100 - pct) / 100
    while sum(len(p.split()) for p in art.paras) > goal and len(art.paras) > 1:
        sents = sentences(art.paras[-1], art.lang)
        if len(sents) <= 1:
            art.paras.pop()
        else:
            art.paras[-1] = joiner(art.lang).join(sents[:-1])


def truncate(art: Article, desk: dict, rng: random.Random) -> None:
    total = sum(len(p) for p in art.paras)
    goal, kept, size = total * rng.uniform(0.45, 0.65), [], 0
    for p in art.paras:
        if size + len(p) < goal:
            kept.append(p)
            size += len(p)
            continue
        cut = p[: max(10, int(goal - size))]
        cut = cut.rsplit(" ", 1)[0] if " " in cut and art.lang not in ("ja",) else cut
        kept.append(cut.rstrip(" ,.") + "…")
        break
    art.paras, art.more = kept, desk["more"]


def edit(art: Article, rng: random.Random) -> None:
    def swap(word: str) -> str:
        if len(word) < 5 or not word.isalpha() or rng.random() > 0.04:
            return word
        i = rng.randrange(1, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    art.paras = [" ".join(swap(w) for w in p.split(" ")) for p in art.paras]


def numbers(text: str) -> str:
    text = re.sub(r"(\d)[,.](\d{3})\b", r"\1 \2", text)
    return re.sub(r"(\d) ?%", lambda m: m.group(1) + ("%" if m.group(0).endswith(" %") else " %"), text)


def quotes(text: str) -> str:
    text = re.sub(r'„([^“”"]*)[“”"]', r"»\1«", text)  # Serbian and Georgian low-high pairs
    text = re.sub(r"“([^”]*)”", r"«\1»", text)
    return re.sub(r'(?<![\u05d0-\u05ea])"([^"]+)"', r"“\1”", text)


def geresh(text: str) -> str:
    if "׳" in text or "״" in text:
        return text.replace("׳", "'").replace("״", '"')
    text = re.sub(r"(?<=[\u05d0-\u05ea])'", "׳", text)
    return re.sub(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])', "״", text)


def thai_spacing(text: str, rng: random.Random) -> str:
    # Thai copy desks differ on spaces: some close the gaps between clauses, some pad numbers
    text = re.sub(r"(?<=[\u0e00-\u0e7f]) (?=[\u0e00-\u0e7f])", lambda m: "" if rng.random() < 0.5 else " ", text)
    return re.sub(r"(?<=[\u0e00-\u0e7f])(?=\d)|(?<=\d)(?=[\u0e00-\u0e7f])", " ", text)


def units(text: str, desk: dict) -> str:
    def add(m: re.Match) -> str:
        km = float(m.group(1).replace(",", "."))
        return f"{m.group(0)} ({km * 0.621371:.1f} {desk['miles']})".replace(".0 ", " ")

    return re.sub(r"(\d+(?:[.,]\d+)?) ?(?:km|กม\.|კმ|ק\"מ|کلومیٹر|км|ｋｍ)(?![a-z])", add, text)


def apply(word: str, art: Article, ctx: dict, rng: random.Random) -> None:
    desk, story = ctx["desks"][art.lang], art.story
    if story["kind"] == "script":  # a Latin-script desk writes its own lines in Latin too
        desk = {k: to_latin(v) for k, v in desk.items() if isinstance(v, str)}
    name = ctx["outlets"][story["outlet"]]["name"]
    if word == "dateline-strip":
        art.dateline = ""
    elif word == "dateline-local":
        art.dateline = art.outlet["dateline"].format(city=story["city"], CITY=story["city"].upper())
    elif word in ("byline", "byline-inline", "byline-end"):
        line = desk["byline"].format(n=story["author"])
        if word == "byline":
            art.pre.append(line)
        elif word == "byline-inline":
            art.lead = line
        else:
            art.post.append(f"({line})")
    elif word == "credit":
        art.post.append(desk["credit"].format(o=name))
    elif word in ("tracking", "amp", "mobile"):
        if word == "tracking":
            art.query = f"?utm_source=feed&utm_medium=rss&utm_campaign={art.outlet['slug']}"
        else:
            art.host = ("amp." if word == "amp" else "m.") + art.host
    elif m := re.fullmatch(r"trim(\d+)", word):
        trim(art, int(m.group(1)))
    elif word == "truncate":
        truncate(art, desk, rng)
    elif word == "summary-only":
        art.summary = art.paras[0]
        art.style = "none"
    elif word == "summary-23":
        sents = sentences(" ".join(art.paras) if art.lang != "ja" else "".join(art.paras), art.lang)
        art.summary, art.style = joiner(art.lang).join(sents[1:3]), "none"
    elif word == "agg-cut":
        flat = joiner(art.lang).join(art.paras)
        cut = int(len(flat) * rng.uniform(0.3, 0.45))
        while cut < len(flat) and not flat[cut - 1].isalnum():
            cut += 1
        art.summary, art.style = flat[:cut] + ("…" if rng.random() < 0.5 else ""), "none"
    elif word in ("alt", "caps"):
        art.title = story["alt"] if word == "alt" else art.title.upper()
    elif word == "edit":
        edit(art, rng)
    elif word in ("numbers", "quotes", "geresh", "niqqud-strip", "thai-spacing", "units", "latin"):
        fix = {
            "numbers": numbers,
            "quotes": quotes,
            "geresh": geresh,
            "latin": to_latin,
            "niqqud-strip": lambda t: NIQQUD.sub("", t),
            "thai-spacing": lambda t: thai_spacing(t, rng),
            "units": lambda t: units(t, desk),
        }[word]
        art.paras = [fix(p) for p in art.paras]
        art.title = fix(art.title)
        if word != "geresh":  # the copier keeps its own dateline's agency abbreviation
            art.dateline = fix(art.dateline)
    elif word == "niqqud-add":
        for plain, pointed in desk["niqqud"].items():
            art.paras = [p.replace(plain, pointed) for p in art.paras]
    elif word == "tweet":
        quote, (who, handle) = story["tweet"], story["tweeter"]
        art.inserts.append(
            (
                1,
                f'<blockquote class="twitter-tweet"><p>{html.escape(quote)}</p>'
                f"&mdash; {html.escape(who)} (@{handle})</blockquote>",
            )
        )
    elif word == "related":
        # Links never point into the story's own thread: its event or its next-day development (`-next`).
        others = [s for s in ctx["stories"] if s["lang"] == art.lang and thread(s) != thread(story)]
        picks = rng.sample(others, 2)
        items = "".join(
            f'<li><a href="https://{art.outlet["host"]}/{s["id"]}">{html.escape(s["title"])}</a></li>' for s in picks
        )
        art.inserts.append((2, f"<p>{desk['related']}</p><ul>{items}</ul>"))
    elif word == "merge-all":
        art.paras = [joiner(art.lang).join(art.paras)]
    elif word == "breaking":
        art.pre.insert(0, desk["breaking"].format(t=art.title))
    elif word in ("p", "plain", "br", "div"):
        art.style = word
    elif word == "glued":
        art.glued = True
    elif word == "entities":
        art.entities = True
    elif word == "utc":
        art.utc = True
    else:
        raise ValueError(f"unknown transformation {word!r} in {story['id']}")


def render(art: Article) -> tuple[str, str]:
    """(summary, content) in the article's body style."""
    first = art.lead + (art.dateline + " " if art.dateline else "") + art.paras[0]
    paras = [*art.pre, first, *art.paras[1:]]
    shift = len(art.pre)
    summary = art.summary if art.summary is not None else first
    if art.style == "none":
        return summary, ""
    blocks = [html.escape(p, quote=False) for p in paras]
    for after, raw in sorted(art.inserts, reverse=True):
        at = min(after + shift, len(blocks))
        blocks.insert(at, raw if art.style != "plain" else re.sub(r"<[^>]+>", " ", html.unescape(raw)).strip())
    if art.more:
        link = f"https://{art.host}/{art.story['id']}"
        blocks.append(f'<a href="{link}">{art.more}</a>' if art.style != "plain" else art.more)
    blocks += [html.escape(p, quote=False) for p in art.post]
    if art.style == "plain":
        body = ("" if art.glued else "\n\n").join(html.unescape(b) for b in blocks)
    elif art.style == "br":
        body = ("<br/><br/>" if not art.glued else "<br/>").join(blocks)
    else:
        body = ("" if art.glued else "\n").join(
            b
            if b.startswith(("<blockquote", "<p>", "<a ")) and b.endswith(("</blockquote>", "</ul>", "</p>"))
            else f"<p>{b}</p>"
            for b in blocks
        )
        body = f'<div class="article-body">{body}</div>' if art.style == "div" else body
    if art.entities and art.style != "plain":
        body = "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in body)
    return summary, body


def guid(outlet: dict, story: str, link: str, n: int) -> str:
    digest = hashlib.sha1(f"{outlet['slug']}|{story}|{n}".encode()).hexdigest()
    style = outlet["guid"]
    if style == "tag":
        return f"tag:{outlet['host']},2027:{story}-{n}"
    if style == "urn":
        return f"urn:uuid:{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"
    if style == "num":
        return str(int(digest[:8], 16) % 9_000_000 + 1_000_000)
    if style == "p":
        return f"https://{outlet['host']}/?p={int(digest[:6], 16) % 90000 + 10000}"
    return link


def make_row(story: dict, outlet: dict, minutes: int, words: list[str], ctx: dict) -> dict:
    rng = random.Random(f"{story['id']}|{outlet['slug']}|{minutes}")
    art = Article(story, outlet)
    for word in words:
        apply(word, art, ctx, rng)
    summary, content = render(art)
    when = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC) + timedelta(minutes=minutes)
    zone = UTC if art.utc else timezone(timedelta(hours=outlet["tz"]))
    slug = re.sub(r"[^a-z0-9]+", "-", story["id"].lower()).strip("-")
    link = f"https://{art.host}/{outlet['path']}/{when:%Y/%m/%d}/{slug}-{minutes}{art.query}"
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["slug"],
        "title": art.title,
        "link": link,
        "guid": guid(outlet, story["id"], link, minutes),
        "published": when.astimezone(zone).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_words": words,
    }


def expand(source: dict) -> list[dict]:
    """The hand-written stories plus the derived ones: Latin-script twins and round-ups."""
    stories = list(source["stories"])
    by_id = {s["id"]: s for s in stories}
    for s in source["stories"]:
        if s["kind"] == "roundup":
            quoted = [by_id[q] for q in s["quotes"]]
            lines = [q["title"] + " — " + sentences(q["text"].strip().split("\n\n")[0], q["lang"])[0] for q in quoted]
            s["text"] = "\n\n".join([s["intro"], *lines])
        if "latin" in s:
            twin = {**s, **s["latin"], "kind": "script", "against": s["id"], "id": s["id"] + "-lat"}
            twin["title"], twin["alt"] = to_latin(s["title"]), to_latin(s.get("alt", s["title"]))
            twin["text"], twin["dateline"] = to_latin(s["text"]), to_latin(s.get("dateline", ""))
            twin["city"], twin["author"] = to_latin(s.get("city", "")), to_latin(s["author"])
            if "tweet" in s:
                twin["tweet"] = to_latin(s["tweet"])
            stories.append(twin)
    return stories


def build() -> list[dict]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o["slug"]: {**o, "host": o["slug"] + ".example"} for o in source["outlets"]}
    stories = expand(source)
    ctx = {"desks": source["desks"], "outlets": outlets, "stories": stories}
    rows = []
    for s in stories:
        rows.append(make_row(s, outlets[s["outlet"]], 0, ["original"][:0], ctx))
        for recipe in s.get("copies", []):
            slug, minutes, *words = recipe.split()
            rows.append(make_row(s, outlets[slug], int(minutes), words, ctx))
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"y{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in expand(source)}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"] + ("-Latn" if r["story"].endswith("-lat") else ""))
    multi = [e for e, s in ev_stories.items() if len(s) > 1]
    same_event = sum(per_story[a] * per_story[b] for e in multi for a in ev_stories[e] for b in ev_stories[e] if a < b)
    negative = designed = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE_KINDS:
            for other in s.get("quotes", [s.get("against")]):
                designed += 1
                negative += per_story[s["id"]] * per_story[other]
    words = Counter(w for r in rows for w in r["_words"])
    kinds = Counter(s["kind"] for s in stories.values())
    langs = Counter(r["lang"] for r in rows)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
            f"  entries per story:     {', '.join(f'{n}x{c}' for n, c in sorted(Counter(per_story.values()).items()))}",
            f"events:                  {len(ev_stories)}  ({len(multi)} with >=2 stories, "
            f"{sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages/scripts)",
            f"copies:                  {len(rows) - len(per_story)}",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"same event, other story: {same_event} entry pairs",
            f"hard negatives, other event: {negative} entry pairs  (across {designed} designed story pairs)",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  "
            f"(en {100 * langs['en'] // len(rows)}%)",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="check the committed file and print the counts")
    args = parser.parse_args()
    rows = build()
    text = dump(rows)
    if args.stats:
        if OUT.read_text(encoding="utf-8") != text:
            print("heldout5.jsonl differs from what the source makes; run without --stats", file=sys.stderr)
            return 1
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
