"""Build held-out v7 (`heldout7.jsonl`) from the hand-written `heldout7_source.yaml`.

Deterministic without a seed: a CRC of story, outlet and delay picks bylines, link numbers and GUIDs,
so the file regenerates byte for byte. `--stats` regenerates in memory, fails if the committed file
differs, and prints the counts. Imports nothing from `monitor`, so the set stays unseen by the detector.
"""

from __future__ import annotations

import html
import json
import re
import sys
import zlib
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout7_source.yaml"
TARGET = HERE / "heldout7.jsonl"
# Mongolian Cyrillic letter -> Latin spelling ("-" = the hard sign, dropped).
MN_LATIN = {
    cyr: ("" if lat == "-" else lat)
    for cyr, lat in zip(
        "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "ye",
            "yo",
            "j",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "ö",
            "p",
            "r",
            "s",
            "t",
            "u",
            "ü",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "sh",
            "-",
            "y",
            "i",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
}
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "opinion", "roundup"}
SENTENCE_END = re.compile(r"(?<=[.!?।])\s+")


def crc(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


def mn_latin(text: str) -> str:
    """Mongolian Cyrillic in the Latin spelling of Mongolian websites: the same story, another script."""
    out = []
    for ch in text:
        latin = MN_LATIN.get(ch.lower())
        out.append(ch if latin is None else latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


def first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, rest): a stop followed by a lowercase word is an abbreviation ("d. o. o."), not an end."""
    for m in SENTENCE_END.finditer(text):
        if not text[m.end()].islower():
            return text[: m.start()], text[m.end() :]
    return text, ""


def paragraphs(story: dict, stories: dict[str, dict]) -> list[str]:
    """The story's own paragraphs; a follow-up repeats its earlier report's opening paragraph first,
    a round-up quotes the headline and first sentence of each story it names."""
    own = story["text"].strip().split("\n")
    if story["kind"] == "followup":
        return [stories[story["against"]]["text"].strip().split("\n")[0], *own]
    if story["kind"] == "roundup":
        quoted = [stories[q] for q in story["quotes"]]
        return [*own, *(f"{q['title']}: {first_sentence(q['text'].strip())[0]}" for q in quoted)]
    return own


def dateline(city: str, tag: str) -> str:
    return f"{city} ({tag}) – "


class Copy:
    """One entry being derived: paragraphs, headline, link and the flags the transformations set."""

    def __init__(self, story: dict, outlet: str, paras: list[str], out: dict) -> None:
        self.story, self.outlet, self.paras, self.out = story, outlet, list(paras), out
        self.lead = dateline(story["city"], out["tag"])
        self.title = story["title"]
        self.host = f"www.{outlet}.example"
        self.query = ""
        self.path = ""
        self.summary_only = False
        self.glue = False
        self.translit = False
        self.top: list[str] = []  # audio line and byline paragraph: above the dateline
        self.tail: list[str] = []


def _first40(c: Copy, desk: dict) -> None:
    words = " ".join([c.lead.strip(), *c.paras]).split()
    c.lead, c.paras = "", [" ".join(words[:40]) + " " + desk["more"]]


def _footnotes(c: Copy, desk: dict) -> None:
    c.paras = [p + f"[{i}]" for i, p in enumerate(c.paras, 1)]
    c.tail.append(f"{desk['foot']}: [1] {c.out['name']}; [2] {c.story['city'].title()}.")


def _split(c: Copy, desk: dict) -> None:
    head, rest = first_sentence(c.paras[0])
    c.paras[0:1] = [head, rest] if rest else [head]


def _abbrev(c: Copy, desk: dict) -> None:
    for short, full in desk["abbr"].items():
        pat = re.compile(rf"(?<!\w){re.escape(short)}(?!\w)")
        c.paras = [pat.sub(full, p) for p in c.paras]


def _numbers(c: Copy, desk: dict) -> None:
    c.paras = [re.sub(r"(?<=\d)[ ,.](?=\d{3}(?!\d))", "", p) for p in c.paras]


def _quotes(c: Copy, desk: dict) -> None:
    """Straight quote pairs become typographic ones; typographic ones (any language's) become straight."""

    def swap(p: str) -> str:
        if re.search(r'"[^"]+"', p):
            return re.sub(r'"([^"]+)"', "“\\1”", p)
        return re.sub("[„“”»«]", '"', p)

    c.paras = [swap(p) for p in c.paras]


def _entities(c: Copy, desk: dict) -> None:
    c.paras = [p.replace(" – ", " &ndash; ").replace("„", "&bdquo;") for p in c.paras]
    c.lead = c.lead.replace("–", "&ndash;")


def _readmore(c: Copy, desk: dict) -> None:
    c.paras = [c.paras[0], f"{desk['readmore']} »"]


def _dateline_end(c: Copy, desk: dict) -> None:
    c.tail.append(f"({c.story['city']}, {c.out['tag']})")
    c.lead = ""


def _byline(c: Copy, desk: dict, inline: bool) -> None:
    name = desk["names"][crc(c.story["id"], c.outlet) % len(desk["names"])]
    if inline:
        c.lead = f"{desk['by']} {name} " + c.lead
    else:
        c.top.append(f"{desk['by']} {name}")


def apply(c: Copy, word: str, desk: dict, outlets: dict[str, dict]) -> None:
    """One recipe word; the words are applied in the order the recipe lists them."""
    src = outlets[c.story["outlet"]]
    simple = {
        "first40": _first40,
        "footnotes": _footnotes,
        "split": _split,
        "abbrev": _abbrev,
        "numbers": _numbers,
        "quotes": _quotes,
        "entities": _entities,
        "readmore": _readmore,
        "dateline-end": _dateline_end,
    }
    if word in simple:
        simple[word](c, desk)
    elif word in ("byline", "byline-inline"):
        _byline(c, desk, word == "byline-inline")
    elif word == "dateline-strip":
        c.lead = ""
    elif word == "dateline-local":
        c.lead = dateline(c.story["city"].title(), c.out["tag"])
    elif word == "listen":
        c.top.insert(0, desk["listen"])
    elif word == "glance":
        c.paras.insert(1, f"{desk['glance']}: {c.story['alt']}.")
    elif word == "local":
        c.paras.insert(1, desk["local"].format(region=c.out["region"]))
    elif word == "credit":
        c.tail.append(desk["credit"].format(src=src["name"]))
    elif word == "edit":  # the story's hand-picked word swap, as a sub-editor would make it
        old, new = c.story["edit"]
        c.paras = [p.replace(old, new, 1) for p in c.paras]
    elif word == "trim":
        c.paras = c.paras[:-1]
    elif word == "alt":
        c.title = c.story["alt"]
    elif word == "summary-only":
        c.summary_only = True
    elif word == "translit":
        c.translit = True
    elif word == "glued":
        c.glue = True
    elif word == "tracking":
        c.query = f"?utm_source=feed&utm_medium=rss&utm_campaign={c.outlet}"
    elif word == "amp":
        c.host, c.path = f"amp.{c.outlet}.example", "/amp"
    elif word == "mobile":
        c.host = f"m.{c.outlet}.example"
    else:
        raise ValueError(f"unknown transformation {word!r} in {c.story['id']}")


def render(c: Copy) -> tuple[str, str]:
    """(summary, content) in the outlet's body style."""
    blocks = [*c.top, c.lead + c.paras[0], *c.paras[1:], *c.tail]
    first = blocks[len(c.top)]
    summary = html.unescape(re.sub(r"<[^>]+>", "", first))
    summary = summary if len(summary) <= 160 else summary[:159].rstrip() + "…"
    if c.out["style"] == "p":
        content = ("" if c.glue else "\n").join(f"<p>{b}</p>" for b in blocks)
    else:
        content = ("\n" if c.glue else "\n\n").join(blocks)
    return summary, ("" if c.summary_only else content)


def entry(story: dict, outlet: str, minutes: int, words: list[str], src: dict) -> dict:
    outlets, desk, stories = src["outlets"], src["desk"][story["lang"]], src["by_id"]
    out = outlets[outlet]
    c = Copy(story, outlet, paragraphs(story, stories), out)
    for word in words:
        apply(c, word, desk, outlets)
    summary, content = render(c)
    if c.translit:
        c.title, summary, content = mn_latin(c.title), mn_latin(summary), mn_latin(content)
    at = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC) + timedelta(minutes=minutes)
    local = at.astimezone(timezone(timedelta(hours=out["tz"])))
    number = crc(story["id"], outlet, minutes) % 900000 + 100000
    link = f"https://{c.host}{c.path}/news/{local:%Y/%m}/{number}{c.query}"
    guid = {
        "url": f"https://www.{outlet}.example/news/{local:%Y/%m}/{number}",
        "urn": f"urn:{outlet}:article:{number}",
        "tag": f"tag:{outlet}.example,{local:%Y}:{number}",
    }[out["guid"]]
    row = {
        "id": "",
        "outlet": out["name"],
        "feed": outlet,
        "title": c.title,
        "link": link,
        "guid": guid,
        "published": local.isoformat(timespec="seconds"),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }
    return {"row": row, "at": at, "words": words}


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    src["by_id"] = {s["id"]: s for s in src["stories"]}
    made = []
    for story in src["stories"]:
        made.append(entry(story, story["outlet"], 0, [], src))
        for recipe in story["copies"]:
            outlet, minutes, *words = recipe.split()
            made.append(entry(story, outlet, int(minutes), words, src))
    made.sort(key=lambda m: (m["at"], m["row"]["feed"], m["row"]["story"]))
    for n, m in enumerate(made, 1):
        m["row"]["id"] = f"w{n:03d}"
    return made


def dump(made: list[dict]) -> str:
    return "".join(json.dumps(m["row"], ensure_ascii=False) + "\n" for m in made)


def stats(made: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    rows = [m["row"] for m in made]
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    kinds = Counter(s["kind"] for s in src["stories"])
    negatives = 0
    for s in src["stories"]:
        if s["kind"] in NEGATIVE_KINDS:
            negatives += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for m in made for w in m["words"])
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
            f"events:                  {len(ev_stories)}  ({sum(len(s) > 1 for s in ev_stories.values())} with >=2 "
            f"stories, {sum(len(s) > 1 for s in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negatives}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {round(100 * langs['en'] / len(rows))}%)",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main(argv: list[str]) -> int:
    made = build()
    text = dump(made)
    if "--stats" in argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print("heldout7.jsonl differs from what the generator makes", file=sys.stderr)
            return 1
        print(stats(made))
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
