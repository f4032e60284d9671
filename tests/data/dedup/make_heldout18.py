"""Build held-out dedup set v18 (`heldout18.jsonl`) from `heldout18_source.yaml`.

Each copy's recipe words are applied in order to its original; everything random comes from a
`random.Random` seeded with the set's seed, story, feed and delay, so the file is the same on every run.
`--stats` regenerates in memory, fails if the committed file differs, and prints the counts.
"""

from __future__ import annotations

import argparse
import json
import quopri
import random
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout18_source.yaml"
OUT = HERE / "heldout18.jsonl"
NEGATIVE = {"strike", "auction", "pricecap", "record", "launch", "tariff", "delivery", "plaza"}
TYPOGRAPHIC = {"“": '"', "”": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
GUARANI_FLAT = {"ã": "a", "ẽ": "e", "ĩ": "i", "õ": "o", "ũ": "u", "ỹ": "y", "g̃": "g", "ʼ": "'"}


@dataclass(frozen=True)
class Copy:
    """One entry's text while recipe words act on it; `form` names how the body is written out."""

    title: str
    paras: tuple[str, ...]
    link: str
    form: str  # p, plain, glued, or an export format set by a recipe word
    summary_only: bool = False
    tail: tuple[str, ...] = field(default_factory=tuple)  # lines a newsletter builder adds after the body


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().encode("ascii", "ignore").decode()).strip("-")[:48]


def crc(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


def typographic_to(c: Copy, table: dict[str, str]) -> Copy:
    def swap(s: str) -> str:
        for a, b in table.items():
            s = s.replace(a, b)
        return s

    return replace(c, title=swap(c.title), paras=tuple(swap(p) for p in c.paras))


def apply(word: str, c: Copy, ctx: dict) -> Copy:
    """One recipe word: a classic syndication change or one of the export formats this set adds."""
    desk, rnd = ctx["desk"], ctx["rnd"]
    if word == "dateline-strip":
        return replace(c, paras=(re.sub(r"^[^—]{1,40} — ", "", c.paras[0]), *c.paras[1:]))
    if word == "byline":
        return replace(c, paras=(f"{desk['by']} {rnd.choice(desk['names'])}", *c.paras))
    if word == "credit":
        return replace(c, paras=(*c.paras, desk["credit"].format(o=ctx["origin_name"])))
    if word == "tracking":
        return replace(c, link=f"{c.link}?utm_source=feed&utm_medium=rss&utm_campaign=n{rnd.randint(1000, 9999)}")
    if word == "amp":
        host, path = c.link.split("/", 3)[2:]
        return replace(c, link=f"https://amp.{host}/amp/{path}")
    if word == "trim":
        return replace(c, paras=c.paras[:-1])
    if word == "readmore":
        half = c.paras[1][: len(c.paras[1]) // 2].rstrip()
        return replace(c, paras=(c.paras[0], half + " …", desk["more"]))
    if word == "summary-only":
        return replace(c, summary_only=True)
    if word == "alt":
        return replace(c, title=ctx["story"]["alt"])
    if word in ("plain", "glued"):
        return replace(c, form=word)
    if word == "quotes":
        return typographic_to(c, TYPOGRAPHIC)
    if word == "entities":
        table = {ch: f"&#{ord(ch)};" for ch in "“”«»‘’—"}
        return replace(c, paras=tuple("".join(table.get(ch, ch) for ch in p) for p in c.paras))
    if word == "gnflat":
        return typographic_to(c, GUARANI_FLAT)
    if word == "datetitle":
        return replace(c, title=f"{ctx['local'].strftime('%d.%m')} | {c.title}")
    if word == "telex":
        return replace(c, title=c.title.upper(), paras=tuple(p.upper() for p in c.paras), form="telex")
    if word == "pixel":
        pixel = f'<img src="https://open.{ctx["host"]}/o/{rnd.randint(10**7, 10**8)}.gif" width="1" height="1" alt="">'
        return replace(c, tail=(*c.tail, pixel))
    if word in ("mso", "frontmatter", "gemtext", "vtt", "wml", "rtf", "qp"):
        return replace(c, form=word)
    raise ValueError(f"unknown recipe word {word!r}")


def rtf_escape(text: str) -> str:
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)


def cue_time(seconds: int) -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"


def body(c: Copy, lang: str, title: str) -> str:
    """The body as the copy's outlet or export tool writes it."""
    ps = c.paras
    if c.form == "p":
        text = "\n".join(f"<p>{p}</p>" for p in ps)
    elif c.form == "glued":
        text = "".join(f"<p>{p}</p>" for p in ps)
    elif c.form in ("plain", "telex", "qp"):
        text = "\n\n".join(ps)
    elif c.form == "mso":  # a body pasted from a word processor keeps its paragraph classes
        text = "\n".join(f'<p class="MsoNormal"><span lang="{lang.upper()}">{p}</span><o:p></o:p></p>' for p in ps)
    elif c.form == "frontmatter":  # a static-site export: metadata block, then the text
        text = f'---\ntitle: "{title}"\nlang: {lang}\n---\n\n' + "\n\n".join(ps)
    elif c.form == "gemtext":  # a small-web mirror: heading line, text lines, link line
        text = f"# {title}\n\n" + "\n\n".join(ps) + f"\n\n=> {c.link} {title}"
    elif c.form == "vtt":  # a video's caption file: one cue per paragraph
        cues, start = [], 0
        for n, p in enumerate(ps, 1):
            end = start + 2 + len(p.split()) // 3
            cues.append(f"{n}\n{cue_time(start)} --> {cue_time(end)}\n{p}")
            start = end
        text = "WEBVTT\n\n" + "\n\n".join(cues)
    elif c.form == "wml":  # a feature-phone gateway's card
        text = f'<wml><card id="a" title="{title}">' + "".join(f"<p>{p}</p>" for p in ps) + "</card></wml>"
    elif c.form == "rtf":
        text = "{\\rtf1\\ansi\\deff0 " + "\\par\\par ".join(rtf_escape(p) for p in ps) + "}"
    else:
        raise ValueError(c.form)
    if c.form == "telex":  # the printout is in capitals, lines added after the word included
        text = f"ZCZC {crc(title) % 900 + 100}\n{text.upper()}\nNNNN"
    if c.form == "qp":  # a mail archive stores the body quoted-printable
        text = quopri.encodestring(text.encode()).decode()
    return "\n".join([text, *c.tail])


def plain_summary(c: Copy, byline_word: str) -> str:
    """The feed summary is the lede: a byline paragraph on top is not part of it."""
    lede = c.paras[1] if c.paras[0].startswith(byline_word + " ") else c.paras[0]
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), lede)


def guid(feed: str, style: int, host: str, n: int) -> str:
    return [f"urn:{feed}:{n}", f"https://{host}/?p={n}", f"tag:{host},2026:{n}"][style % 3]


def entry(src: dict, story: dict, feed: str, delay: int, recipe: list[str]) -> tuple[datetime, dict]:
    outlets = {o[0]: o for o in src["outlets"]}
    _, name, desk_lang, offset, style = outlets[feed]
    host = f"{feed}.example"
    when = datetime.fromisoformat(story["time"]).replace(tzinfo=UTC) + timedelta(minutes=delay)
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    n = crc(story["id"], feed) % 900000 + 100000
    paras = tuple(p.strip() for p in story["text"].strip().split("\n\n"))
    c = Copy(story["title"], paras, f"https://{host}/{local:%Y/%m}/{slug(story['title'])}-{n}", style)
    ctx = {
        "desk": src["desk"][desk_lang],
        "rnd": random.Random(f"{src['seed']}|{story['id']}|{feed}|{delay}"),
        "origin_name": outlets[story["outlet"]][1],
        "story": story,
        "local": local,
        "host": host,
    }
    for word in recipe:
        after = apply(word, c, ctx)
        if after == c:
            raise ValueError(f"{story['id']} {feed}: {word} changed nothing")
        c = after
    row = {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": c.title,
        "link": c.link,
        "guid": guid(feed, list(outlets).index(feed), host, n),
        "published": local.isoformat(),
        "summary": plain_summary(c, ctx["desk"]["by"]),
        "content": "" if c.summary_only else body(c, story["lang"], c.title),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }
    return when, row


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    made = []
    for story in src["stories"]:
        when, first = entry(src, story, story["outlet"], 0, [])
        made.append((when, first, 0))
        for k, spec in enumerate(story["copies"], 1):
            feed, delay, *recipe = spec.split()
            when, row = entry(src, story, feed, int(delay), recipe)
            if (row["title"], row["content"]) == (first["title"], first["content"]):
                raise ValueError(f"{story['id']} {feed}: copy has its original's title and body")
            made.append((when, row, k))
    made.sort(key=lambda t: (t[0], t[1]["story"], t[2]))
    rows = [row for _, row, _ in made]
    for i, row in enumerate(rows, 1):
        row["id"] = f"c{i:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    kinds = Counter(s["kind"] for s in stories.values())
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    recipes = [spec.split()[2:] for s in stories.values() for spec in s["copies"]]
    words = Counter(w for r in recipes for w in r)
    fmt = lambda c: ", ".join(f"{k}={v}" for k, v in sorted(c.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({fmt(kinds)})",
            f"events:                  {len(ev_stories)}  ({sum(len(s) > 1 for s in ev_stories.values())} with >=2 "
            f"stories, {sum(len(s) > 1 for s in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {fmt(words)}",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stats", action="store_true", help="check the committed file and print its counts")
    args = parser.parse_args()
    text = dump(build())
    if args.stats:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("heldout18.jsonl differs from what the source makes; rerun without --stats")
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats([json.loads(line) for line in text.splitlines()]))


if __name__ == "__main__":
    main()
