#!/usr/bin/env python3
"""Build held-out v4 (`heldout4.jsonl`) from the hand-written `heldout4_source.yaml`.

Every source row is a hand-written story at its own outlet; every copy applies the transformations
named in its recipe ("<outlet> <minutes later> <transformation> ..."). Deterministic: the only
randomness is `random.Random` seeded with story, outlet and delay; no clock. Stdlib + PyYAML.

    python tests/data/dedup/make_heldout4.py          # rewrites heldout4.jsonl, prints the counts
    python tests/data/dedup/make_heldout4.py --stats  # regenerates in memory, fails if the file differs
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout4_source.yaml"
TARGET = HERE / "heldout4.jsonl"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup"}  # designed to differ in event
# A full stop after these does not end a sentence (Swahili titles, Danish "kl.", Bulgarian street words).
ABBREVIATIONS = ("Bi.", "Bw.", "kl.", "ж.к.", "бул.", "ул.", "Dr.")
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


@dataclass
class Draft:
    """An article on its way to a row: blocks are (kind, text).

    Kinds: p (body paragraph), by and credit (rendered as paragraphs, not body), caption, keys, note, more.
    """

    title: str
    blocks: list[tuple[str, str]]
    dateline: str = ""
    style: str = "p"
    glued: bool = False
    entities: bool = False
    as_list: bool = False
    summary: str | None = None
    link_kind: str = "clean"
    applied: list[str] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    """Split at sentence ends ('. ', '? ', '。'), not after the listed abbreviations."""
    parts = re.split(r"(?<=[.!?…])\s+|(?<=。)", text)
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith(ABBREVIATIONS):
            out[-1] += " " + part
        elif part:
            out.append(part)
    return out


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:，、 ") + "…"


def local(at: datetime, tz: str) -> datetime:
    sign = -1 if tz.startswith("-") else 1
    hours, minutes = tz[1:].split(":")
    return at.astimezone(timezone(sign * timedelta(hours=int(hours), minutes=int(minutes))))


def number(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 9_000_000 + 1_000_000


class Builder:
    def __init__(self, source: dict[str, Any]) -> None:
        self.outlets: dict[str, dict[str, Any]] = source["outlets"]
        self.desk: dict[str, dict[str, Any]] = source["desk"]
        self.templates: dict[str, dict[str, str]] = source["templates"]
        self.stories: dict[str, dict[str, Any]] = {s["id"]: s for s in source["stories"]}
        self.paras: dict[str, list[str]] = {}
        self.titles: dict[str, str] = {}
        for story in source["stories"]:  # roundups quote stories written before them
            self.paras[story["id"]], self.titles[story["id"]] = self.compose(story)

    def compose(self, story: dict[str, Any]) -> tuple[list[str], str]:
        title, text = story.get("title", ""), story.get("text", "")
        if "template" in story:
            template, fill = self.templates[story["template"]], {k: str(v) for k, v in story["fill"].items()}
            title, text = template["title"].format(**fill), template["text"].format(**fill)
        paras = [p.strip() for p in text.split("\n\n") if p.strip()]
        if "repeat" in story:
            paras = [self.paras[story["repeat"]][0], *paras]
        if "quotes" in story:
            paras = [story["intro"]] + [f"{self.titles[q]} — {sentences(self.paras[q][0])[0]}" for q in story["quotes"]]
        return paras, title

    def draft(self, story: dict[str, Any], outlet: str, when: datetime) -> Draft:
        """The story as its own outlet runs it: dateline on the first paragraph, caption after the second."""
        spec = self.outlets[outlet]
        blocks = [("p", p) for p in self.paras[story["id"]]]
        if story.get("caption"):
            blocks.insert(min(2, len(blocks)), ("caption", story["caption"]))
        d = Draft(self.titles[story["id"]], blocks, style=spec["style"])
        if story.get("city") and spec.get("dateline"):
            set_dateline(d, dateline(spec, story["city"], when))
        return d

    def row(self, story: dict[str, Any], outlet: str, when: datetime, d: Draft, n: int) -> dict[str, str]:
        spec, desk = self.outlets[outlet], self.desk[story["lang"]]
        host = f"{outlet}.example"
        key = f"{story['id']}|{outlet}|{n}"
        path = f"/{when:%Y/%m/%d}/{story['id'][2:]}-{number(key) % 100000}"
        link = {
            "clean": f"https://{host}{path}",
            "tracking": f"https://{host}{path}?utm_source=rss&utm_medium=feed&utm_campaign=feed{n}",
            "amp": f"https://amp.{host}{path}",
            "mobile": f"https://m.{host}{path}",
        }[d.link_kind]
        guid = {
            "num": str(number(key)),
            "tag": f"tag:{host},{when:%Y-%m-%d}:{number(key)}",
            "uuid": f"urn:uuid:{uuid.UUID(hashlib.md5(key.encode()).hexdigest())}",
            "path": f"https://{host}{path}",
        }[spec["guid"]]
        texts = [t for k, t in d.blocks if k == "p"]
        summary_only = spec["style"] == "summary" or d.summary is not None
        summary = d.summary if d.summary is not None else shorten(texts[0], 240 if summary_only else 180)
        content = "" if summary_only else render(d, desk, spec["name"], link)
        return {
            "id": "",
            "outlet": spec["name"],
            "feed": outlet,
            "title": d.title,
            "link": link,
            "guid": guid,
            "published": local(when, spec["tz"]).isoformat(),
            "summary": summary,
            "content": content,
            "lang": story["lang"],
            "story": story["id"],
            "event": story["event"],
        }


def dateline(spec: dict[str, Any], city: str, when: datetime) -> str:
    day = local(when, spec["tz"]).day
    return str(spec["dateline"]).format(city=city, CITY=city.upper(), day=day, outlet=spec["name"])


def set_dateline(d: Draft, new: str) -> None:
    for i, (kind, text) in enumerate(d.blocks):
        if kind == "p":
            d.blocks[i] = ("p", new + text[len(d.dateline) :])
            d.dateline = new
            return


def p_indexes(d: Draft) -> list[int]:
    return [i for i, (kind, _) in enumerate(d.blocks) if kind == "p"]


def body_text(d: Draft, i: int) -> str:
    """Paragraph i without the dateline (the dateline sits on the first paragraph only)."""
    text = d.blocks[i][1]
    return text[len(d.dateline) :] if i == p_indexes(d)[0] else text


def render(d: Draft, desk: dict[str, Any], outlet: str, link: str) -> str:
    def esc(text: str) -> str:
        out = html.escape(text, quote=False)
        if d.entities:
            out = "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in out)
        return out

    html_style = d.style in ("p", "br", "div")
    parts: list[str] = []
    for kind, text in d.blocks:
        if kind == "caption":
            cap = f"{text} ({desk['photo']}: {outlet})"
            parts.append(f"<figure><figcaption>{esc(cap)}</figcaption></figure>" if html_style else cap)
        elif kind == "keys":
            label, *items = text.split("\n")
            if html_style:
                lis = "".join(f"<li>{esc(i)}</li>" for i in items)
                parts.append(f'<div class="key-points"><strong>{esc(label)}</strong><ul>{lis}</ul></div>')
            else:
                parts.append("\n".join([label, *(f"• {i}" for i in items)]))
        elif kind == "more":
            parts.append(f'<a href="{link}">{esc(text)}</a>' if html_style else f"{text}: {link}")
        elif d.as_list and kind == "p":
            parts.append(f"<ul><li>{esc(text)}</li></ul>" if html_style else f"• {text}")
        elif kind == "note" and html_style:
            parts.append(f"<p><em>{esc(text)}</em></p>")
        else:
            parts.append(f"<p>{esc(text)}</p>" if d.style in ("p", "div") else esc(text) if html_style else text)
    if d.style == "br":
        return ("<br><br>" if not d.glued else "<br>").join(parts)
    gap = "\n" if d.style in ("p", "div") else "\n\n"
    joined = ("" if d.glued else gap).join(parts)
    return f'<div class="article-body">{joined}</div>' if d.style == "div" else joined


# ------------------------------------------------------------------ copy transformations


@dataclass
class Context:
    """What a transformation may look at besides the draft."""

    story: dict[str, Any]
    desk: dict[str, Any]
    source_outlet: str
    outlet: dict[str, Any]
    when: datetime
    rng: random.Random


def map_paras(d: Draft, fn: Any) -> None:
    """Rewrite the body, caption and key points; the dateline stays as it is."""
    first = p_indexes(d)[0]
    for i, (kind, text) in enumerate(d.blocks):
        if kind in ("p", "caption", "keys"):
            head = d.dateline if i == first else ""
            d.blocks[i] = (kind, head + fn(text[len(head) :]))


def t_dateline_strip(d: Draft, c: Context) -> None:
    set_dateline(d, "")


def t_dateline_local(d: Draft, c: Context) -> None:
    set_dateline(d, dateline(c.outlet, c.story["city"], c.when))


def t_byline(d: Draft, c: Context) -> None:
    d.blocks.insert(0, ("by", c.desk["by"].format(name=c.story["byline"])))


def t_byline_inline(d: Draft, c: Context) -> None:
    """The name glued before the first paragraph, no credit word, no space."""
    i = p_indexes(d)[0]
    d.blocks[i] = ("p", c.story["byline"] + d.blocks[i][1])
    d.dateline = c.story["byline"] + d.dateline


def t_credit(d: Draft, c: Context) -> None:
    d.blocks.append(("credit", c.desk["credit"].format(outlet=c.source_outlet)))


def t_lede(d: Draft, c: Context) -> None:
    i = p_indexes(d)[0]
    rest = sentences(body_text(d, i))[1:]
    d.blocks[i] = ("p", d.dateline + " ".join([c.story["lede"], *rest]))


def t_keypoints(d: Draft, c: Context) -> None:
    items = [sentences(body_text(d, i))[0] for i in p_indexes(d)[:3]]
    d.blocks.insert(0, ("keys", "\n".join([c.desk["keys"], *items])))


def t_reorder(d: Draft, c: Context) -> None:
    """The last paragraph moves up to second place."""
    idx = p_indexes(d)
    d.blocks.insert(idx[1], d.blocks.pop(idx[-1]))


def t_list(d: Draft, c: Context) -> None:
    d.as_list = True


def t_updated_note(d: Draft, c: Context) -> None:
    note = c.desk["updated"].format(time=local(c.when, c.outlet["tz"]).strftime("%H:%M"))
    d.blocks.insert(p_indexes(d)[len(p_indexes(d)) // 2], ("note", note))


def t_live(d: Draft, c: Context) -> None:
    i = p_indexes(d)[0]
    stamp = c.desk["live"].format(time=local(c.when - timedelta(minutes=3), c.outlet["tz"]).strftime("%H:%M"))
    d.blocks[i] = ("p", stamp + d.blocks[i][1])
    d.dateline = stamp + d.dateline


def t_caption_top(d: Draft, c: Context) -> None:
    (i,) = [i for i, (kind, _) in enumerate(d.blocks) if kind == "caption"]
    d.blocks.insert(0, d.blocks.pop(i))


def t_summary_only(d: Draft, c: Context) -> None:
    d.summary = shorten(d.blocks[p_indexes(d)[0]][1], 240)


def t_short_summary(d: Draft, c: Context) -> None:
    d.summary = sentences(d.blocks[p_indexes(d)[0]][1])[0] + " …"


def t_truncate(d: Draft, c: Context) -> None:
    """Cut mid-sentence at about 55 % of the text, then a localised read-more link."""
    idx = p_indexes(d)
    total, budget = sum(len(d.blocks[i][1]) for i in idx), 0
    limit = int(total * c.rng.uniform(0.5, 0.6))
    for n, i in enumerate(idx):
        text = d.blocks[i][1]
        if budget + len(text) >= limit:
            cut = text[: limit - budget].rsplit(" ", 1)[0]
            for j in reversed(idx[n + 1 :]):
                del d.blocks[j]
            if len(cut) < 25 and n > 0:  # a stub of a few letters: the cut falls at the paragraph end instead
                del d.blocks[i]
                i, cut = idx[n - 1], d.blocks[idx[n - 1]][1].rstrip(".。")
            d.blocks[i] = ("p", cut.rstrip(",;:") + "…")
            d.blocks.append(("more", c.desk["more"]))
            return
        budget += len(text)


def trim(share: int) -> Any:
    def t_trim(d: Draft, c: Context) -> None:
        """Whole sentences dropped from the tail until `share` % of the words are gone."""
        words = sum(len(d.blocks[i][1].split()) for i in p_indexes(d))
        gone = 0
        while gone * 100 < words * share:
            i = p_indexes(d)[-1]
            parts = sentences(d.blocks[i][1])
            gone += len(parts[-1].split())
            if len(parts) > 1:
                d.blocks[i] = ("p", " ".join(parts[:-1]))
            else:
                del d.blocks[i]
        for i in reversed(range(len(d.blocks))):  # a caption stranded below the cut goes too
            if d.blocks[i][0] == "caption" and i > p_indexes(d)[-1]:
                del d.blocks[i]

    return t_trim


def t_alt(d: Draft, c: Context) -> None:
    d.title = c.story["alt"][0]


def t_alt2(d: Draft, c: Context) -> None:
    d.title = c.story["alt"][1]


def t_numbers(d: Draft, c: Context) -> None:
    """Thousands separators and the percent sign written another way."""
    seps = {",": "", ".": " ", " ": ".", "\u00a0": ","}

    def one(text: str) -> str:
        text = re.sub(r"(?<![\d.,])(\d{1,3})([,. \u00a0])(\d{3})(?![\d])", lambda m: m[1] + seps[m[2]] + m[3], text)
        if c.story["lang"] == "en":
            return re.sub(r"(\d)%", r"\1 per cent", text)
        return re.sub(r"(\d) ?%", lambda m: m[1] + ("%" if " %" in m[0] else " %"), text)

    map_paras(d, one)


def t_quotes(d: Draft, c: Context) -> None:
    q_open, q_close, new_open, new_close = c.desk["quotes"]

    def one(text: str) -> str:
        if q_open == q_close:
            out, opening = [], True
            for ch in text:
                if ch == q_open:
                    out.append(new_open if opening else new_close)
                    opening = not opening
                else:
                    out.append(ch)
            return "".join(out)
        return text.replace(q_open, new_open).replace(q_close, new_close)

    map_paras(d, one)


def t_edit(d: Draft, c: Context) -> None:
    """About 2 % of the words (at least two) get two inner letters transposed."""

    def one(text: str) -> str:
        words = text.split(" ")
        if c.story["lang"] == "zh":
            chars = list(text)
            at = c.rng.randrange(1, len(chars) - 2)
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
            return "".join(chars)
        long = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        for i in c.rng.sample(long, min(len(long), max(1, len(words) // 50))):
            w = words[i]
            at = c.rng.randrange(1, len(w) - 2)
            words[i] = w[:at] + w[at + 1] + w[at] + w[at + 2 :]
        return " ".join(words)

    map_paras(d, one)


def t_digits_ascii(d: Draft, c: Context) -> None:
    table = str.maketrans(PERSIAN_DIGITS + "٫", "0123456789.")
    map_paras(d, lambda t: t.translate(table))
    d.title = d.title.translate(table)


def t_digits_arabic(d: Draft, c: Context) -> None:
    map_paras(d, lambda t: t.translate(str.maketrans(PERSIAN_DIGITS, ARABIC_DIGITS)))


def t_zwnj_space(d: Draft, c: Context) -> None:
    map_paras(d, lambda t: t.replace("\u200c", " "))


def t_zwnj_none(d: Draft, c: Context) -> None:
    map_paras(d, lambda t: t.replace("\u200c", ""))


def t_ko_spacing(d: Draft, c: Context) -> None:
    """Korean spacing variants: about a quarter of the spaces between two Hangul words dropped."""
    map_paras(d, lambda t: re.sub(r"(?<=[가-힣]) (?=[가-힣])", lambda m: "" if c.rng.random() < 0.25 else " ", t))


def style(name: str) -> Any:
    def t_style(d: Draft, c: Context) -> None:
        d.style = name

    return t_style


def link(kind: str) -> Any:
    def t_link(d: Draft, c: Context) -> None:
        d.link_kind = kind

    return t_link


def flag(name: str) -> Any:
    def t_flag(d: Draft, c: Context) -> None:
        setattr(d, name, True)

    return t_flag


TRANSFORMS: dict[str, Any] = {
    "dateline-strip": t_dateline_strip,
    "dateline-local": t_dateline_local,
    "byline": t_byline,
    "byline-inline": t_byline_inline,
    "credit": t_credit,
    "lede": t_lede,
    "keypoints": t_keypoints,
    "reorder": t_reorder,
    "list": t_list,
    "updated-note": t_updated_note,
    "live": t_live,
    "caption-top": t_caption_top,
    "summary-only": t_summary_only,
    "short-summary": t_short_summary,
    "truncate": t_truncate,
    "alt": t_alt,
    "alt2": t_alt2,
    "numbers": t_numbers,
    "quotes": t_quotes,
    "edit": t_edit,
    "digits-ascii": t_digits_ascii,
    "digits-arabic": t_digits_arabic,
    "zwnj-space": t_zwnj_space,
    "zwnj-none": t_zwnj_none,
    "ko-spacing": t_ko_spacing,
    "glued": flag("glued"),
    "entities": flag("entities"),
    "tracking": link("tracking"),
    "amp": link("amp"),
    "mobile": link("mobile"),
    **{name: style(name) for name in ("p", "br", "div", "plain")},
    **{f"trim{n}": trim(n) for n in (20, 25, 30, 40)},
}


# ------------------------------------------------------------------ the set


def build() -> list[dict[str, str]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    b = Builder(source)
    made: list[tuple[datetime, str, dict[str, str]]] = []
    for story in source["stories"]:
        at = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC)
        src = b.outlets[story["outlet"]]
        assert src["lang"] == story["lang"], story["id"]
        made.append((at, "", b.row(story, story["outlet"], at, b.draft(story, story["outlet"], at), 0)))
        for n, recipe in enumerate(story.get("copies", []), start=1):
            outlet, minutes, *names = recipe.split()
            when = at + timedelta(minutes=int(minutes))
            spec = b.outlets[outlet]
            assert spec["lang"] == story["lang"], recipe  # a copy stays in the language of its source
            d = b.draft(story, story["outlet"], at)
            d.style = spec["style"]
            rng = random.Random(f"{story['id']}|{outlet}|{minutes}")
            ctx = Context(story, b.desk[story["lang"]], src["name"], spec, when, rng)
            for name in names:
                TRANSFORMS[name](d, ctx)
            made.append((when, recipe, b.row(story, outlet, when, d, n)))
    made.sort(key=lambda m: (m[0], m[2]["story"], m[2]["feed"], m[1]))
    rows = [m[2] for m in made]
    for i, row in enumerate(rows, start=1):
        row["id"] = f"z{i:03d}"
    return rows


def dump(rows: list[dict[str, str]]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def stats(rows: list[dict[str, str]]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    same_event = sum(per_story[a] * per_story[b] for ss in ev_stories.values() for a in ss for b in ss if a < b)
    designed = 0
    designed_pairs = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE_KINDS:
            for other in s.get("quotes", [s["against"]]):
                assert stories[other]["event"] != s["event"], s["id"]
                designed += per_story[s["id"]] * per_story[other]
                designed_pairs += 1
    kinds = Counter(s["kind"] for s in stories.values())
    sizes = Counter(per_story.values())
    transforms = Counter(n for s in stories.values() for c in s.get("copies", []) for n in c.split()[2:])
    langs = Counter(r["lang"] for r in rows)
    fmt = ", ".join
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(per_story)}  ({fmt(f'{k}={v}' for k, v in sorted(kinds.items()))})",
        f"  entries per story:     {fmt(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with >=2 stories,"
        f" {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
        f"copies:                  {len(rows) - len(per_story)}",
        f"copy pairs (same story): {sum(pairs(n) for n in per_story.values())}",
        f"same event, other story: {same_event} entry pairs",
        f"hard negatives, other event: {designed} entry pairs  (across {designed_pairs} designed story pairs:"
        " template, same-topic, press release, round-up)",
        f"languages:               {fmt(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {langs['en'] / len(rows):.0%})",
        f"transformations:         {fmt(f'{k}={v}' for k, v in sorted(transforms.items()))}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="regenerate in memory, compare, print the counts")
    args = parser.parse_args(argv)
    rows = build()
    text = dump(rows)
    if args.stats:
        if TARGET.read_text(encoding="utf-8") != text:
            print("heldout4.jsonl differs from what the generator makes; run without --stats", file=sys.stderr)
            return 1
    else:
        TARGET.write_text(text, encoding="utf-8")
    print(stats(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
