"""Build held-out v19 (`heldout19.jsonl`) from `heldout19_source.yaml`: every story at its origin outlet,
then each copy with its recipe words applied in order. Deterministic (seeded RNG, CRC-derived numbers, no
clock); stdlib + PyYAML; imports no earlier generator. `--stats` regenerates in memory, fails if the
committed file differs, and prints the counts.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout19_source.yaml"
OUT = HERE / "heldout19.jsonl"
NEGATIVE = {"harvest", "phase", "reopen", "draw", "salvage", "provisional", "handover", "hatch"}
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
NUMERIC = str.maketrans({"“": "&#8220;", "”": "&#8221;", "„": "&#8222;", "’": "&#8217;", "—": "&#8212;"})
NUMERIC |= str.maketrans({"«": "&#171;", "»": "&#187;"})
EWE_FLAT = str.maketrans("ɖƉɛƐƒƑɣƔŋŊɔƆʋƲ", "dDeEfFgGnNoOvV")
CONTAINERS = ("csvrow", "apijson", "nitf", "ics", "epub", "orgmode")


@dataclass(frozen=True)
class Copy:
    """One entry's text while recipe words work on it; `lede` is the index of the story's first paragraph."""

    title: str
    paras: tuple[str, ...]
    link: str
    style: str
    lede: int = 0
    summary_only: bool = False
    container: str = ""


@dataclass(frozen=True)
class Ctx:
    story: dict
    feed: str
    lang: str
    desk: dict
    origin_name: str
    origin_link: str
    utc: datetime
    rng: random.Random


def each(c: Copy, fn) -> Copy:
    return replace(c, title=fn(c.title), paras=tuple(fn(p) for p in c.paras))


def readmore(c: Copy, x: Ctx) -> Copy:
    second = c.paras[c.lede + 1]
    cut = second[: len(second) // 2].rsplit(" ", 1)[0]
    return replace(c, paras=(*c.paras[: c.lede + 1], f"{cut}… {x.desk['more']}"))


def bionic(text: str) -> str:
    """A reading-aid extension: the first half of every word of two or more letters in bold."""
    return re.sub(r"\w{2,}", lambda m: f"<b>{m[0][: (len(m[0]) + 1) // 2]}</b>{m[0][(len(m[0]) + 1) // 2 :]}", text)


def cite(c: Copy, x: Ctx) -> Copy:
    """A reference manager's clipping: the citation of the origin appended under the text."""
    line = f"{x.origin_name} ({x.story['time'][:10]}). “{x.story['title']}”. {x.origin_link}"
    return replace(c, paras=(*c.paras, line))


def palochka(c: Copy, x: Ctx) -> Copy:
    """Chechen typed on a Russian keyboard: the palochka Ӏ as a Latin I or a digit 1, one choice per copy."""
    key = x.rng.choice("I1")
    return each(c, lambda t: t.replace("Ӏ", key).replace("ӏ", key))


RECIPES = {
    "dateline-strip": lambda c, x: replace(
        c, paras=(*c.paras[: c.lede], re.sub(r"^[^—]{2,40} — ", "", c.paras[c.lede]), *c.paras[c.lede + 1 :])
    ),
    "byline": lambda c, x: replace(
        c, paras=(f"{x.desk['by']} {x.rng.choice(x.desk['names'])}", *c.paras), lede=c.lede + 1
    ),
    "credit": lambda c, x: replace(c, paras=(*c.paras, x.desk["credit"].format(x.origin_name))),
    "tracking": lambda c, x: replace(
        c, link=f"{c.link}?utm_source={x.feed}&utm_medium=feed&utm_campaign=n{x.rng.randint(1000, 9999)}"
    ),
    "amp": lambda c, x: replace(c, link=c.link.replace("https://", "https://amp.", 1) + "/amp"),
    "trim": lambda c, x: replace(c, paras=c.paras[:-1]),
    "readmore": readmore,
    "summary-only": lambda c, x: replace(c, summary_only=True),
    "alt": lambda c, x: replace(c, title=x.story["alt"]),
    "plain": lambda c, x: replace(c, style="plain"),
    "glued": lambda c, x: replace(c, style="glued"),
    "quotes": lambda c, x: each(c, lambda t: t.translate(STRAIGHT)),
    "entities": lambda c, x: each(c, lambda t: t.translate(NUMERIC)),
    "bionic": lambda c, x: replace(c, paras=tuple(bionic(p) for p in c.paras), style="p"),
    "cite": cite,
    "palochka": palochka,
    "eweflat": lambda c, x: each(c, lambda t: t.translate(EWE_FLAT)),
    **{name: (lambda c, x, name=name: replace(c, container=name)) for name in CONTAINERS},
}


def ics_fold(line: str) -> str:
    """iCalendar content lines fold at 75 characters with a leading space on each continuation."""
    parts = [line[i : i + 74] for i in range(0, len(line), 74)]
    return "\n ".join(parts)


def ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def render(c: Copy, x: Ctx) -> str:
    """The body as the outlet's container stores it (a CMS export, calendar, e-book, …) or as HTML/text."""
    paras = c.paras
    if c.container == "csvrow":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerows([["headline", "lang", "body"], [c.title, x.lang, "\n".join(paras)]])
        return buf.getvalue()
    if c.container == "apijson":
        doc = {"headline": c.title, "lang": x.lang, "blocks": [{"type": "paragraph", "text": p} for p in paras]}
        return f"<pre>{escape(json.dumps(doc, ensure_ascii=False, indent=1), quote=False)}</pre>"
    if c.container == "nitf":
        body = "".join(f"<p>{p}</p>" for p in paras)
        head = f"<head><title>{c.title}</title></head>"
        return f'<nitf version="-//IPTC//DTD NITF 3.6//EN">{head}<body><body.head><hedline><hl1>{c.title}</hl1>' + (
            f"</hedline></body.head><body.content>{body}</body.content></body></nitf>"
        )
    if c.container == "ics":
        stamp = x.utc.strftime("%Y%m%dT%H%M%SZ")
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", f"UID:{x.story['id']}@{x.feed}.example"]
        lines += [f"DTSTART:{stamp}", ics_fold(f"SUMMARY:{ics_text(c.title)}")]
        lines += [ics_fold("DESCRIPTION:" + "\\n\\n".join(ics_text(p) for p in paras)), "END:VEVENT", "END:VCALENDAR"]
        return "\n".join(lines)
    if c.container == "epub":
        body = "".join(f"<p>{p}</p>" for p in paras)
        return (
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
            f'xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{x.lang}"><head><title>{c.title}</title></head>'
            f'<body><section epub:type="chapter"><h1>{c.title}</h1>{body}</section></body></html>'
        )
    if c.container == "orgmode":
        head = f"#+TITLE: {c.title}\n#+LANGUAGE: {x.lang}\n#+DATE: <{x.utc:%Y-%m-%d}>"
        return head + "\n\n" + "\n\n".join(paras)
    if c.style == "p":
        return "".join(f"<p>{p}</p>" for p in paras)
    return ("" if c.style == "glued" else "\n\n").join(paras)


def summary_of(c: Copy) -> str:
    lede = re.sub(r"<[^>]+>", "", c.paras[c.lede])
    return lede if len(lede) <= 200 else lede[:200].rsplit(" ", 1)[0] + " …"


def apply(c: Copy, words: list[str], x: Ctx) -> Copy:
    for word in words:
        c = RECIPES[word](c, x)
    return c


def visible(c: Copy, x: Ctx) -> tuple[str, str, str, str]:
    return c.title, c.link, summary_of(c), "" if c.summary_only else render(c, x)


def number(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode("utf-8"))


def guid_for(style: int, feed: str, story: str) -> str:
    n = number(story, feed) % 10**7
    host = f"{feed}.example"
    return [f"tag:{host},2026:{n}", f"{feed}-{n}", f"https://{host}/?p={n}", f"urn:uuid:{uuid.UUID(int=n << 64)}"][
        style % 4
    ]


def entry(src: dict, story: dict, feed: str, delay: int, words: list[str], first: Copy | None) -> tuple[dict, Copy]:
    outlets = {o[0]: o for o in src["outlets"]}
    _, name, desk_lang, offset, style = outlets[feed]
    origin = outlets[story["outlet"]]
    utc = datetime.fromisoformat(story["time"]).replace(tzinfo=UTC) + timedelta(minutes=delay)
    link = f"https://{feed}.example/{utc:%Y/%m}/{story['id']}-{number(feed, story['id']) % 100000}"
    origin_link = f"https://{origin[0]}.example/{story['time'][:7].replace('-', '/')}/{story['id']}"
    origin_link += f"-{number(origin[0], story['id']) % 100000}"
    seed = f"{src['seed']}|{story['id']}|{feed}|{delay}"
    x = Ctx(story, feed, story["lang"], src["desks"][desk_lang], origin[1], origin_link, utc, random.Random(seed))
    start = Copy(story["title"], tuple(story["text"].split("\n\n")), link, style)
    c = apply(start, words, replace(x, rng=random.Random(seed)))
    for i, word in enumerate(words):  # a word whose work another word hides is no transformation
        if visible(apply(start, words[:i] + words[i + 1 :], replace(x, rng=random.Random(seed))), x) == visible(c, x):
            sys.exit(f"{story['id']} at {feed}: {word} changes nothing a reader sees")
    content = "" if c.summary_only else render(c, x)
    if first is not None and (c.title, content) == (first.title, render(first, x)):
        sys.exit(f"{story['id']} at {feed}: copy has its original's title and body")
    local = utc.astimezone(timezone(timedelta(minutes=offset)))
    row = {"id": "", "outlet": name, "feed": feed, "title": c.title, "link": c.link}
    row |= {"guid": guid_for(list(outlets).index(feed), feed, story["id"]), "published": local.isoformat()}
    row |= {"summary": summary_of(c), "content": content, "lang": story["lang"]}
    row |= {"story": story["id"], "event": story["event"]}
    return row, c


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    rows = []
    for story in src["stories"]:
        first_row, first = entry(src, story, story["outlet"], 0, [], None)
        rows.append(first_row)
        for recipe in story["copies"]:
            feed, delay, *words = recipe.split()
            if not 2 <= len(words) <= 3:
                sys.exit(f"{story['id']}: {recipe!r} must combine 2-3 words")
            rows.append(entry(src, story, feed, int(delay), words, first)[0])
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["story"], r["feed"]))
    for i, r in enumerate(rows, 1):
        r["id"] = f"a{i:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def pairs(counts: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set] = {}
    ev_langs: dict[str, set] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    kinds = Counter(s["kind"] for s in stories.values())
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    recipes = [c.split()[2:] for s in stories.values() for c in s["copies"]]
    words = Counter(w for r in recipes for w in r)

    def line(c: Counter) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(c.items()))

    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({line(kinds)})",
            f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with >=2 "
            f"stories, {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {pairs(per_story)}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {line(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {line(words)}",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stats", action="store_true", help="check the committed file and print its counts")
    text = dump(build())
    if parser.parse_args().stats:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("heldout19.jsonl differs from what the source makes; run without --stats")
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats([json.loads(line) for line in text.splitlines()]))


if __name__ == "__main__":
    main()
