"""Build held-out dedup set v24 (`heldout24.jsonl`) from `heldout24_source.yaml`.

Every story is emitted at its own outlet, then once per copy recipe: the recipe's words are applied in
order to the story's title and paragraphs. Deterministic (fixed seed), so the file regenerates byte for
byte. Self-contained: it imports no other generator. Run with `--stats` to print the counts.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout24_source.yaml"
OUTPUT = HERE / "heldout24.jsonl"
SEED = 2424
DATELINE = re.compile(r"^[^\n—]{2,40}? — ")
BYLINES = ["Zarina Abdulova", "Timur Kochkarov", "Bair Erdniev", "Olga Pektubaeva", "Made Wirata", "Sita Baskey"]
# What a newsletter builder leaves behind when its merge tags are not filled in.
MERGE_HEAD = "Hi *|FNAME|*,"
MERGE_FOOT = "You are receiving this because you subscribed at *|LIST:URL|* · *|UNSUB|*"


@dataclass(frozen=True)
class Draft:
    """One entry being built: the text as it will be printed, and how."""

    title: str
    paras: tuple[str, ...]
    link: str
    html: bool
    head: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    summary_only: bool = False


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def source_link(story: dict, outlet: dict) -> str:
    when = utc(story["time"])
    return f"https://{outlet['host']}/{when:%Y/%m}/{story['id'].removeprefix('q-')}"


def apply(word: str, d: Draft, story: dict, origin_link: str, rng: random.Random) -> Draft:
    """One recipe word: classic syndication changes first, then the kinds new in v24."""
    paras = list(d.paras)
    if word == "dateline-strip":
        paras[0] = DATELINE.sub("", paras[0], count=1)
    elif word == "byline":
        return replace(d, head=(*d.head, f"✎ {rng.choice(BYLINES)}"))
    elif word == "credit":
        return replace(d, tail=(*d.tail, f"© {story['origin_name']}"))
    elif word == "tracking":
        return replace(d, link=f"{d.link}?utm_source=syndication&utm_medium=feed&utm_campaign=q{rng.randint(10, 99)}")
    elif word == "amp":
        return replace(d, link=d.link.replace("https://", "https://amp.", 1) + "/amp")
    elif word == "trim":  # the last paragraph, or a lone paragraph's last sentence
        sentences = re.split(r"(?<=[.᱾]) ", paras[-1])
        paras = paras[:-1] if len(paras) > 1 else [" ".join(sentences[:-1]) or paras[0]]
    elif word == "readmore":
        return replace(d, paras=d.paras[:1], tail=(*d.tail, f"→ {origin_link}"))
    elif word == "summary-only":
        return replace(d, summary_only=True)
    elif word == "alt":
        return replace(d, title=story["alt"])
    elif word == "plain":
        return replace(d, html=False)
    elif word == "glued":
        paras = [" ".join(paras)]
    elif word == "quotes":
        paras = [re.sub(r"«([^»]*)»", r"“\1”", p).replace('"', "”") for p in paras]
    elif word == "entities":
        paras = [html.escape(p).replace("—", "&mdash;").replace(",", "&#44;") for p in paras]
    else:
        return new_kind(word, replace(d, paras=tuple(paras)), origin_link)
    return replace(d, paras=tuple(paras))


def new_kind(word: str, d: Draft, origin_link: str) -> Draft:
    """Kinds no earlier set used: web archives, text browsers, terminals, forums, chat and news relays."""
    stamp = "2026-10-20T00:00:00Z"
    if word == "warc":  # a crawler's archive record printed above the page text
        head = (
            "\n".join(("WARC/1.0", "WARC-Type: response", f"WARC-Target-URI: {origin_link}", f"WARC-Date: {stamp}")),
        )
        return replace(d, html=False, head=head + d.head)
    if word == "mhtml":  # a browser's "save page as single file" MIME headers kept by a scraper
        head = (
            "\n".join(
                ("MIME-Version: 1.0", 'Content-Type: text/html; charset="utf-8"', f"Content-Location: {origin_link}")
            ),
        )
        return replace(d, head=head + d.head)
    if word == "lynx":  # a text-browser dump: indented lines, numbered links, a references list
        paras = tuple("   " + p for p in d.paras)
        return replace(
            d,
            html=False,
            paras=paras,
            head=(f"[1]{d.title}", *d.head),
            tail=(*d.tail, f"References\n   1. {origin_link}"),
        )
    if word == "termbold":  # a console reader's escape codes around the headline it repeats in the body
        return replace(d, html=False, head=(f"\x1b[1m{d.title}\x1b[0m", *d.head))
    if word == "bbcode":  # a forum repost: bold headline, the article quoted, the source as a [url]
        quoted = (
            ("[quote]" + d.paras[0], *d.paras[1:-1], d.paras[-1] + "[/quote]")
            if len(d.paras) > 1
            else (f"[quote]{d.paras[0]}[/quote]",)
        )
        return replace(
            d,
            html=False,
            paras=quoted,
            head=(f"[b]{d.title}[/b]", *d.head),
            tail=(*d.tail, f"[url={origin_link}]>>[/url]"),
        )
    if word == "slack":  # a chat relay's markup: *bold* headline, quoted paragraphs, <url|label> link
        label = origin_link.split("/")[2]
        return replace(
            d,
            html=False,
            paras=tuple("> " + p for p in d.paras),
            head=(f"*{d.title}*", *d.head),
            tail=(*d.tail, f"<{origin_link}|{label}>"),
        )
    if word == "usenet":  # a news-to-Usenet gateway's article headers and signature
        head = (
            "\n".join(
                ("Newsgroups: hollowell.news.regional", f"Subject: {d.title}", "Path: hollowell!gateway!not-for-mail")
            ),
        )
        return replace(d, html=False, head=head + d.head, tail=(*d.tail, "-- \nposted by the Hollowell feed gateway"))
    if word == "noscript":  # a scraper that kept the page's no-JavaScript notice
        return replace(d, tail=(*d.tail, "Please enable JavaScript to view the comments."))
    if word == "mergetag":  # a newsletter builder's unfilled merge tags around the item
        return replace(d, head=(MERGE_HEAD, *d.head), tail=(*d.tail, MERGE_FOOT))
    raise ValueError(f"unknown recipe word {word!r}")


def render(d: Draft) -> tuple[str, str]:
    """(summary, content) as the outlet prints them: HTML paragraphs or plain text with blank lines."""
    lines = (*d.head, *d.paras, *d.tail)
    body = "".join(f"<p>{x}</p>" for x in lines) if d.html else "\n\n".join(lines)
    first = d.paras[0].strip()
    summary = first if len(first) <= 220 else first[:219].rsplit(" ", 1)[0] + " …"
    return summary, "" if d.summary_only else body


def entry(story: dict, outlet_id: str, outlet: dict, when: datetime, d: Draft) -> dict:
    summary, content = render(d)
    zone = timezone(timedelta(hours=int(outlet["tz"][:3]), minutes=int(outlet["tz"][0] + outlet["tz"][4:])))
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet_id,
        "title": d.title,
        "link": d.link,
        "guid": f"{outlet_id}:{story['id']}",
        "published": when.astimezone(zone).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def copy(d: Draft, words: list[str], story: dict, origin_link: str) -> Draft:
    # A seed per story and word list: dropping a word in check_copy must not shift another word's choice.
    rng = random.Random(f"{SEED}:{story['id']}:{d.link}")
    for word in words:
        d = apply(word, d, story, origin_link, rng)
    return d


def check_copy(made: dict, original: dict, words: list[str], fresh: Draft, story: dict, link: str) -> None:
    """Two or three words, each visible (the recipe without it gives another entry), title or body changed."""
    assert 2 <= len(words) <= 3, (story["id"], words)
    assert (made["title"], made["content"]) != (original["title"], original["content"]), story["id"]
    seen = (made["title"], made["link"], made["summary"], made["content"])
    for n in range(len(words)):
        fewer = copy(fresh, words[:n] + words[n + 1 :], story, link)
        assert (fewer.title, fewer.link, *render(fewer)) != seen, (story["id"], words[n])


def build() -> list[dict]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = source["outlets"]
    rows: list[dict] = []
    for story in source["stories"]:
        origin = outlets[story["outlet"]]
        story = {**story, "origin_name": origin["name"]}
        paras = tuple(p.strip() for p in story["text"].strip().split("\n\n"))
        link = source_link(story, origin)
        start = utc(story["time"])
        original = entry(
            story, story["outlet"], origin, start, Draft(story["title"], paras, link, origin["style"] == "html")
        )
        rows.append(original)
        for outlet_id, minutes, recipe in story["copies"]:
            outlet = outlets[outlet_id]
            fresh = Draft(story["title"], paras, source_link(story, outlet), outlet["style"] == "html")
            words = recipe.split()
            made = entry(story, outlet_id, outlet, start + timedelta(minutes=minutes), copy(fresh, words, story, link))
            check_copy(made, original, words, fresh, story, link)
            rows.append(made)
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"q{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for s in stories.values() for c in s["copies"] for w in c[2].split())
    negative = {"tourleg", "auditfy", "digseason", "speedcam", "secondvessel", "stampcoin", "streetname", "ballot"}
    negative |= {"loanrepay", "licenceround", "returnvisit", "kiterule", "trainhalt", "secondlist"}
    neg_pairs = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in negative)
    events = Counter(s["event"] for s in stories.values())
    en = langs["en"] / len(rows)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {neg_pairs}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  (en {en:.0%})",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


if __name__ == "__main__":
    made = build()
    OUTPUT.write_text(dump(made), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(made))
