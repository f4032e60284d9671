#!/usr/bin/env python3
"""Held-out dedup set v81: copies that reach readers through social and messaging carriers.

Each story of ``heldout81_source.yaml`` is emitted at its origin desk (or account), then re-posted by carriers of its
language: a messaging channel (headline in capitals or bold, the first two paragraphs, emoji, hashtags, the link,
``via @desk`` or ``Forwarded from``), a thread unroller (headline and paragraphs as numbered posts, each cut at the
carrier's length), a page post with a link preview (the page's own comment, then the preview's host, title and cut
description), a forwarded newsletter (the mail client's forward header, then the text) or an SMS alert service (the
headline in capitals and the first sentence, abbreviated and cut at 160 characters; summary only). Each copy also
takes one or both of its carrier's two ordinary style words (new headline, byline, trimmed tail, tracking link).

Standalone: stdlib and PyYAML only, nothing from ``monitor`` and no earlier generator. Byte-for-byte reproducible:
every choice is a SHA-256 of the seed and the names involved.

    python make_heldout81.py          # rewrites heldout81.jsonl
    python make_heldout81.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout81_source.yaml"
OUT = HERE / "heldout81.jsonl"
PREFIX = "qc"
SMS_LIMIT = 160
SUMMARY_CUT = 220
PREVIEW_CUT = 160
BYLINE = {
    "en": "By {}",
    "fr": "Par {}",
    "ru": "Автор: {}",
    "tzm": "S ufus n {}",
    "shi": "S ufus n {}",
    "rif": "S ufus n {}",
}
# the designed hard negatives: each of another event than its `against` (or every story it `quotes`)
NEGATIVE_KINDS = ("samechanhour", "fillformtwin", "deskmorrow", "rootthread", "sundayletter")
FORWARD_PREFIX = {"en": "Fwd: ", "fr": "TR : "}
# The Tifinagh letters (IRCAM) the Middle Atlas desks print for the Latin spelling the source is written in.
TIFINAGH = dict(
    zip(
        "abcčdḍeɛfgǧhḥijklmnopqrṛsṣtṭuvwxyzẓɣž°",
        "ⴰⴱⵛⵞⴷⴹⴻⵄⴼⴳⴶⵀⵃⵉⵊⴽⵍⵎⵏⵓⵒⵇⵔⵕⵙⵚⵜⵟⵓⵠⵡⵅⵢⵣⵥⵖⵊⵯ",
        strict=True,
    )
)


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int  # minutes east of UTC
    body: str  # html, plain, none (summary only) or thread (an account posting numbered posts)
    frame: str | None  # how a carrier re-posts; None for an origin desk or account
    langs: tuple[str, ...]
    style: tuple[str, ...]  # the carrier's two ordinary recipe words
    handle: str


@dataclass(frozen=True)
class Text:
    title: str
    alt: str
    paras: tuple[str, ...]
    tags: tuple[str, ...]


def digest(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest(), 16)


def tifinagh(text: str) -> str:
    return "".join(TIFINAGH.get(ch, ch) for ch in text.lower())


def cut(text: str, limit: int, mark: str = "…") -> str:
    """``text`` cut at the last word boundary before ``limit`` characters, marked; unchanged when it fits."""
    if len(text) <= limit:
        return text
    return text[: limit - len(mark)].rsplit(" ", 1)[0].rstrip(",;:") + mark


def story_text(story: dict, templates: dict) -> Text:
    if "template" in story:
        form, fields = templates[story["template"]], story["vars"]
        title, alt, body = (form[k].format(**fields) for k in ("title", "alt", "text"))
    else:
        title, alt, body = story["title"], story["alt"], story["text"]
    paras = tuple(p.strip() for p in body.strip().split("\n\n"))
    text = Text(title, alt, paras, tuple(story["tags"]))
    if story["lang"] != "tzm":
        return text
    return Text(tifinagh(title), tifinagh(alt), tuple(map(tifinagh, paras)), tuple(map(tifinagh, text.tags)))


def stamp(at: datetime, outlet: Outlet) -> str:
    return at.astimezone(timezone(timedelta(minutes=outlet.offset))).isoformat()


def render(blocks: list[str], body: str) -> str:
    if body == "html":
        return "".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in blocks)
    if body == "none":
        return ""
    return "\n\n".join(blocks)


def summary_of(blocks: list[str], whole: bool) -> str:
    """A desk's feed summary is its first paragraph; a carrier's is the start of the whole post (``whole``)."""
    text = " ".join(blocks) if whole else blocks[0]
    return cut(text.replace("\n", " "), SUMMARY_CUT, " …")


# ---- ordinary recipe words: (title, paragraphs, link) -> (title, paragraphs, link)


def apply_word(
    word: str, text: Text, paras: list[str], title: str, link: str, carrier: Outlet, lang: str
) -> tuple[str, list[str], str]:
    if word == "newhed":
        return text.alt, paras, link
    if word == "signlead":
        return title, [BYLINE[lang].format(carrier.handle), *paras], link
    if word == "endclip":
        if len(paras) >= 3:
            return title, paras[:-1], link
        return title, [*paras[:-1], cut(paras[-1], len(paras[-1]) // 2)], link
    if word == "utmtag":
        query = f"utm_source={carrier.feed}&utm_medium=social&utm_campaign=feb2034"
        return title, paras, link + ("&" if "?" in link else "?") + query
    raise ValueError(f"unknown recipe word {word!r}")


# ---- frames: how a carrier prints the copy -> (entry title, blocks)


def chanrepost(ctx: dict, title: str, paras: list[str], link: str) -> tuple[str, list[str]]:
    carrier, desk, chrome = ctx["carrier"], ctx["desk"], ctx["chrome"]
    emoji, style = chrome["emoji"][carrier.feed], chrome["chanstyle"][carrier.feed]
    tags = " ".join("#" + t.replace(" ", "") for t in (*ctx["text"].tags, chrome["chantag"][carrier.feed]))
    bold = f"<b>{title}</b>" if carrier.body == "html" else f"**{title}**"
    if style == "forwarded":
        return title, [f"Forwarded from {desk.name}", f"{emoji} {bold}", *paras[:2], tags, f"👉 {link}"]
    head = f"{emoji} {title.upper()}" if style == "caps" else f"{emoji} {bold}"
    shown = f"{emoji} {title.upper()}" if style == "caps" else f"{emoji} {title}"
    return shown, [head, *paras[:2], tags, f"👉 {link}", f"via {desk.handle}"]


def threadunroll(ctx: dict, title: str, paras: list[str], link: str) -> tuple[str, list[str]]:
    carrier, desk = ctx["carrier"], ctx["desk"]
    limit = ctx["chrome"]["postcut"][carrier.feed]
    posts = [title, *paras, link]
    numbered = [f"{i}/{len(posts)} {cut(p, limit)}" for i, p in enumerate(posts, 1)]
    return f"Thread by {desk.handle}: {cut(title, 60)}", [
        f"🧵 Thread by {desk.handle} · unrolled by {carrier.handle}",
        *numbered,
    ]


def previewcard(ctx: dict, title: str, paras: list[str], link: str) -> tuple[str, list[str]]:
    comments = ctx["chrome"]["comments"][ctx["lang"]]
    comment = comments[digest(ctx["seed"], ctx["story"], ctx["carrier"].feed, "comment") % len(comments)]
    if ctx["lang"] == "tzm":
        comment = tifinagh(comment)
    preview = f"{ctx['desk'].host.upper()}\n{title}\n{cut(paras[0], PREVIEW_CUT)}"
    return f"{comment} 👇", [f"{comment} 👇 {link}", preview]


def mailforward(ctx: dict, title: str, paras: list[str], link: str) -> tuple[str, list[str]]:
    carrier, desk, lang = ctx["carrier"], ctx["desk"], ctx["lang"]
    mark, sender, date, subject, to = ctx["chrome"]["forward"]["en" if lang == "en" else "fr"]
    sent = ctx["desk_at"].astimezone(timezone(timedelta(minutes=desk.offset)))
    header = "\n".join(
        [
            mark,
            f"{sender} {desk.name} <news@{desk.host}>",
            f"{date} {sent.strftime('%d/%m/%Y %H:%M')}",
            f"{subject} {title}",
            f"{to} <{carrier.feed}@{carrier.host}>",
        ]
    )
    prefix = FORWARD_PREFIX["en" if lang == "en" else "fr"]
    return prefix + title, [header, title, *paras, link]


def smsbrief(ctx: dict, title: str, paras: list[str], link: str) -> tuple[str, list[str]]:
    first = re.split(r"(?<=[.!?])\s", paras[0], maxsplit=1)[0]
    shorts = ctx["chrome"]["sms"][ctx["lang"]]
    text = f"{ctx['carrier'].handle}: {abbreviate(title, shorts).upper()}. {abbreviate(first, shorts)}"
    return cut(text, 70), [cut(text, SMS_LIMIT, "...")]


def abbreviate(text: str, shorts: dict[str, str]) -> str:
    for word, short in shorts.items():
        text = re.sub(re.escape(word), short, text, flags=re.IGNORECASE)
    return text


FRAMES = {f.__name__: f for f in (chanrepost, threadunroll, previewcard, mailforward, smsbrief)}


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(source: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, frame, langs, style, handle in source["outlets"]:
        found[feed] = Outlet(feed, name, host, offset, body, frame, tuple(langs), tuple(style), handle)
    return found


def carriers_for(story: dict, outlets: dict[str, Outlet], paired: set[str], seed: int) -> list[Outlet]:
    """Carriers of the story's language in a seeded order; a story in a same-hour pair goes first to its channel."""
    able = [o for o in outlets.values() if o.frame and story["lang"] in o.langs]
    able.sort(key=lambda o: digest(seed, story["id"], o.feed))
    if story["id"] in paired:
        able.sort(key=lambda o: o.frame != "chanrepost")
    if len(able) < story["copies"]:
        raise SystemExit(f"{story['id']}: {story['copies']} copies asked, {len(able)} carriers of {story['lang']}")
    return able[: story["copies"]]


def recipe(seed: int, story: str, carrier: Outlet) -> list[str]:
    """One or both of the carrier's two style words (its frame always applies)."""
    pick = digest(seed, story, carrier.feed, "recipe") % 3
    chosen = {0: carrier.style[:1], 1: carrier.style[1:], 2: carrier.style}[pick]
    return list(chosen)


def desk_link(story: dict, desk: Outlet, at: datetime, seed: int) -> str:
    slug = story["id"].removeprefix("qs-")
    return f"https://{desk.host}/{at:%Y/%m}/{slug}-{digest(seed, story['id']) % 9000 + 1000}"


def copy_delay(seed: int, story: str, carrier: Outlet) -> timedelta:
    h = digest(seed, story, carrier.feed, "delay")
    if carrier.frame in ("chanrepost", "smsbrief"):  # channels and alert services repost within the hour
        return timedelta(minutes=4 + h % 24)
    return timedelta(minutes=20 + h % 380)


def entry(story: dict, outlet: Outlet, at: datetime, title: str, link: str, guid: str, blocks: list[str]) -> dict:
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": link,
        "guid": guid,
        "published": stamp(at, outlet),
        "summary": summary_of(blocks, outlet.frame is not None),
        "content": render(blocks, outlet.body),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def origin_blocks(text: Text, desk: Outlet) -> list[str]:
    if desk.body != "thread":
        return list(text.paras)
    return [f"{i}/{len(text.paras)} {p}" for i, p in enumerate(text.paras, 1)]


def copies_of(story: dict, text: Text, desk: Outlet, at: datetime, link: str, ctx: dict) -> list[tuple[dict, list]]:
    made = []
    for carrier in carriers_for(story, ctx["outlets"], ctx["paired"], ctx["seed"]):
        words = recipe(ctx["seed"], story["id"], carrier)
        title, paras, clink = text.title, list(text.paras), link
        for word in ctx["words"]:
            if word in words:
                title, paras, clink = apply_word(word, text, paras, title, clink, carrier, story["lang"])
        assert carrier.frame  # carriers_for keeps only carriers
        frame_ctx = {**ctx, "carrier": carrier, "desk": desk, "text": text, "lang": story["lang"]}
        frame_ctx.update(story=story["id"], desk_at=at)
        shown, blocks = FRAMES[carrier.frame](frame_ctx, title, paras, clink)
        when = at + copy_delay(ctx["seed"], story["id"], carrier)
        h = digest(ctx["seed"], story["id"], carrier.feed, "link")
        path = carrier.handle.lstrip("@").lower() if carrier.handle.startswith("@") else "p"
        own = f"https://{carrier.host}/{path}/{h % 90000 + 10000}"
        own = own + clink[len(link) :]  # a tracked copy carries the tracking on its own link too
        row = entry(story, carrier, when, shown, own, f"{carrier.feed}-{h % 16**10:010x}", blocks)
        made.append((row, [carrier.frame, *words]))
    return made


def generate() -> tuple[list[dict], Counter[str]]:
    """The set's rows, ids given in order of the instant, and how often each frame and recipe word was used."""
    source = load()
    outlets = outlets_of(source)
    seed = source["seed"]
    paired = {s["id"] for s in source["stories"] if s["kind"] == "samechanhour"}
    paired |= {s["against"] for s in source["stories"] if s["kind"] == "samechanhour"}
    ctx = {"seed": seed, "outlets": outlets, "paired": paired, "chrome": source["chrome"], "words": source["words"]}
    rows: list[tuple[datetime, int, dict]] = []
    used: Counter[str] = Counter()
    for story in source["stories"]:
        desk = outlets[story["outlet"]]
        at = datetime.fromisoformat(story["at"].replace("Z", "+00:00"))
        text = story_text(story, source["templates"])
        link = desk_link(story, desk, at, seed)
        blocks = origin_blocks(text, desk)
        original = entry(story, desk, at, text.title, link, f"tag:{desk.host},2034:{story['id']}", blocks)
        rows.append((at, len(rows), original))
        for row, words in copies_of(story, text, desk, at, link, ctx):
            check_changed(row, original)
            used.update(words)
            rows.append((datetime.fromisoformat(row["published"]), len(rows), row))
    rows.sort(key=lambda r: (r[0], r[1]))
    out = [r for _, _, r in rows]
    for n, row in enumerate(out, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    return out, used


def build() -> list[dict]:
    return generate()[0]


def check_changed(row: dict, original: dict) -> None:
    """A carrier's copy changes the title or the body of its original (summary-only copies change the body)."""
    if (row["title"], row["content"]) == (original["title"], original["content"]):
        raise SystemExit(f"{row['story']} at {row['feed']}: the copy changes neither title nor body")


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], used: Counter[str]) -> str:
    source = load()
    stories = {s["id"]: s for s in source["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events = {r["event"] for r in rows}
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    pairs = sum(n * (n - 1) // 2 for n in per_story.values())
    same_event = 0
    for members in ev_stories.values():
        sizes = [per_story[s] for s in members]
        same_event += (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2
    negative = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE_KINDS:
            for other in s.get("quotes", [s.get("against")]):
                negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    shape = Counter(per_story.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in ev_stories.values())} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {pairs}",
        "entries per story:       " + ", ".join(f"{n}x{shape[n]}" for n in sorted(shape)),
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={langs[k]}" for k in sorted(langs))
        + f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        "kinds:                   "
        + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s["kind"] for s in stories.values()).items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(used.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="also print the counts")
    args = parser.parse_args()
    rows, used = generate()
    OUT.write_text(dump(rows), encoding="utf-8")
    if args.stats:
        print(stats(rows, used))


if __name__ == "__main__":
    main()
