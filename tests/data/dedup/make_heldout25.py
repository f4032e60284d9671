"""Build held-out dedup set v25 (`heldout25.jsonl`) from `heldout25_source.yaml`.

Each copy's recipe words are applied in order to its original; choices (bylines, page numbers, tracking ids) come
from a `random.Random` seeded with the set's seed, the story and the copy's feed, so dropping one word never shifts
another's choice. Fails if a recipe has fewer than 2 or more than 3 words, if a word is hidden (the recipe without
it makes the same entry) or if a copy keeps its original's title and body. Stdlib + PyYAML only.

    python make_heldout25.py          # rewrites heldout25.jsonl
    python make_heldout25.py --stats  # the same, and prints the counts
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
SEED = 2525
BYLINES = ["Orla Fenwick", "Tamsin Rook", "Idris Palmer", "Neve Carrow", "Bram Olsen", "Cerys Waddell"]


@dataclass(frozen=True)
class Doc:
    title: str
    paras: tuple[str, ...]
    link: str
    html: bool
    top: tuple[str, ...] = ()
    bottom: tuple[str, ...] = ()
    empty: bool = False
    escaped: bool = False
    table: bool = False


def _add(doc: Doc, top: tuple[str, ...] = (), bottom: tuple[str, ...] = ()) -> Doc:
    return replace(doc, top=doc.top + top, bottom=bottom + doc.bottom)


def _trim(paras: tuple[str, ...]) -> tuple[str, ...]:
    if len(paras) > 1:
        return paras[:-1]
    sentences = re.split(r"(?<=[.!?।߸᱾])\s+", paras[0])
    return (" ".join(sentences[:-1]),) if len(sentences) > 1 else paras


def _amp(link: str) -> str:
    scheme, rest = link.split("://", 1)
    return f"{scheme}://amp.{rest}/amp"


def _curly(text: str) -> str:
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    return text.replace("«", "\u201c").replace("»", "\u201d")


def apply(word: str, doc: Doc, ctx: dict, rng: random.Random) -> Doc:
    """One recipe word; `ctx` holds the origin's link and name and the copy's outlet and UTC time."""
    first, rest = doc.paras[0], doc.paras[1:]
    if word == "dateline-strip":
        return replace(doc, paras=(first.split(" — ", 1)[-1], *rest))
    if word == "byline":
        return _add(doc, top=(f"By {rng.choice(BYLINES)}",))
    if word == "credit":
        return _add(doc, bottom=(f"Source: {ctx['origin_name']}",))
    if word == "tracking":
        return replace(doc, link=f"{doc.link}?utm_source=feed&utm_medium=rss&utm_campaign=n{rng.randint(100, 999)}")
    if word == "amp":
        return replace(doc, link=_amp(doc.link))
    if word == "trim":
        return replace(doc, paras=_trim(doc.paras))
    if word == "readmore":
        return _add(replace(doc, paras=(first,)), bottom=(f"Read more: {ctx['origin_link']}",))
    if word == "summary-only":
        return replace(doc, empty=True)
    if word == "alt":
        return replace(doc, title=ctx["alt"])
    if word == "plain":
        return replace(doc, html=False)
    if word == "glued":
        return replace(doc, paras=(" ".join(doc.paras),))
    if word == "quotes":
        return replace(doc, title=_curly(doc.title), paras=tuple(_curly(p) for p in doc.paras))
    if word == "entities":
        return replace(doc, html=True, escaped=True)
    if word == "pager":
        cut = max(1, len(doc.paras) // 2)
        paras = (*doc.paras[:cut], "— Page 2 of 2 —", *doc.paras[cut:])
        return _add(replace(doc, paras=paras), top=("Page 1 of 2",), bottom=("‹ Previous page",))
    if word == "epaper":
        page = rng.randint(2, 14)
        stamp = ctx["utc"].strftime("%d.%m.%Y")
        return _add(
            doc, top=(f"E-paper · {ctx['outlet']} · page {page} · {stamp}",), bottom=(f"Continued on page {page + 2}",)
        )
    if word == "newwindow":
        return _add(doc, bottom=(f"Original article: {ctx['origin_link']} (opens in a new window)",))
    if word == "wayback":
        when = ctx["utc"].strftime("%Y-%m-%d %H:%M:%S")
        return _add(doc, top=(f"Archived {when} UTC · {rng.randint(2, 9)} captures · original: {ctx['origin_link']}",))
    if word == "sharebar":
        return _add(doc, bottom=("Share: Facebook · X · E-mail · Print · Copy link",))
    if word == "textsize":
        return _add(doc, top=("Text size: A− A A+",))
    if word == "tablecell":
        return replace(doc, html=True, table=True)
    if word == "watch":
        video = f"▶ Video · 0{rng.randint(1, 4)}:{rng.randint(10, 59)} — {doc.title}"
        return replace(doc, paras=(first, video, *rest))
    raise ValueError(f"unknown recipe word {word!r}")


def render(doc: Doc) -> tuple[str, str, str]:
    """The entry's title, summary (first text paragraph, cut at a word beyond 220 characters) and body."""
    blocks = list(doc.top + doc.paras + doc.bottom)
    lede = doc.paras[0]  # a feed's summary is the story's lede, never a line the copy adds on top
    summary = lede if len(lede) <= 220 else lede[:220].rsplit(" ", 1)[0] + " …"
    if doc.empty:
        return doc.title, summary, ""
    if not doc.html:
        return doc.title, summary, "\n\n".join(blocks)
    if doc.escaped:
        blocks = [html.escape(b).replace("—", "&mdash;").replace(",", "&#44;") for b in blocks]
    if doc.table:
        cells = "".join(f"<tr><td>{b}</td></tr>" for b in blocks)
        return doc.title, summary, f'<table role="presentation">{cells}</table>'
    return doc.title, summary, "".join(f"<p>{b}</p>" for b in blocks)


def link_of(outlet: dict, story: dict, utc: datetime) -> str:
    return f"https://{outlet['host']}/{utc:%Y/%m}/{story['id']}"


def local(utc: datetime, outlet: dict) -> str:
    return utc.astimezone(timezone(timedelta(hours=outlet["tz"]))).isoformat()


def make(story: dict, outlets: dict, feed: str, minutes: int, words: list[str]) -> tuple[datetime, dict]:
    base = datetime.fromisoformat(story["time"]).replace(tzinfo=UTC)
    utc = base + timedelta(minutes=minutes)
    origin, outlet = outlets[story["outlet"]], outlets[feed]
    paras = tuple(p.strip() for p in story["text"].strip().split("\n\n"))
    doc = Doc(story["title"], paras, link_of(outlet, story, utc), outlet["style"] == "html")
    ctx = {
        "origin_link": link_of(origin, story, base),
        "origin_name": origin["name"],
        "alt": story.get("alt", ""),
        "outlet": outlet["name"],
        "utc": utc,
    }
    rng = random.Random(f"{SEED}:{story['id']}:{feed}")
    for word in words:
        doc = apply(word, doc, ctx, rng)
    title, summary, content = render(doc)
    row = {"id": "", "outlet": outlet["name"], "feed": feed, "title": title, "link": doc.link}
    row |= {"guid": f"{feed}:{story['id']}", "published": local(utc, outlet), "summary": summary}
    row |= {"content": content, "lang": story["lang"], "story": story["id"], "event": story["event"]}
    return utc, row


def check_recipe(story: dict, outlets: dict, feed: str, minutes: int, words: list[str], original: dict) -> None:
    where = f"{story['id']} -> {feed}"
    if not 2 <= len(words) <= 3:
        raise SystemExit(f"{where}: a recipe needs 2-3 words, got {words}")
    keys = ("title", "link", "summary", "content")
    full = make(story, outlets, feed, minutes, words)[1]
    for i, word in enumerate(words):
        without = make(story, outlets, feed, minutes, words[:i] + words[i + 1 :])[1]
        if all(without[k] == full[k] for k in keys):
            raise SystemExit(f"{where}: recipe word {word!r} is hidden")
    if (full["title"], full["content"]) == (original["title"], original["content"]):
        raise SystemExit(f"{where}: the copy keeps its original's title and body")


def build() -> list[dict]:
    source = yaml.safe_load((HERE / "heldout25_source.yaml").read_text(encoding="utf-8"))
    outlets = source["outlets"]
    made: list[tuple[datetime, int, dict]] = []
    for story in source["stories"]:
        utc, original = make(story, outlets, story["outlet"], 0, [])
        made.append((utc, len(made), original))
        for copy in story.get("copies", []):
            feed, minutes, recipe = copy.split(" ", 2)
            words = recipe.split()
            check_recipe(story, outlets, feed, int(minutes), words, original)
            utc, row = make(story, outlets, feed, int(minutes), words)
            made.append((utc, len(made), row))
    made.sort(key=lambda m: (m[0], m[1]))
    rows = [row for _, _, row in made]
    for n, row in enumerate(rows, 1):
        row["id"] = f"r{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load((HERE / "heldout25_source.yaml").read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    per = Counter(r["story"] for r in rows)
    ev: dict[str, set[str]] = {}
    for s in stories.values():
        ev.setdefault(s["event"], set()).add(s["id"])
    negative = [s for s in stories.values() if s["kind"] not in ("original", "independent")]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for s in stories.values() for c in s.get("copies", []) for w in c.split(" ", 2)[2].split())
    fmt = ", ".join
    kinds = Counter(s["kind"] for s in stories.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per)}",
            f"events:                  {len(ev)} ({sum(len(v) > 1 for v in ev.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per.values())}",
            f"hard-negative pairs:     {sum(per[s['id']] * per[s['against']] for s in negative)}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {round(100 * langs['en'] / len(rows))}%)",
            f"kinds:                   {fmt(f'{k}={v}' for k, v in sorted(kinds.items()))}",
            f"transformations:         {fmt(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


if __name__ == "__main__":
    built = build()
    (HERE / "heldout25.jsonl").write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(built))
