"""Build held-out v14 (`heldout14.jsonl`) from `heldout14_source.yaml`: originals and their copies.

Each copy recipe is "feed minutes word word ..."; the words are applied in order (see the README,
"Held-out v14"). Deterministic: no clock; bylines and campaign ids come from `random.Random` seeded
with the set's seed, the story, the feed and the delay; link numbers and GUIDs from a CRC.

    python make_heldout14.py           # rewrites heldout14.jsonl, prints the counts
    python make_heldout14.py --stats   # regenerates in memory, fails if the file differs, prints the counts
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout14_source.yaml"
OUT = HERE / "heldout14.jsonl"
SENTENCE_END = re.compile(r"(?<=[.!?།।])\s+")
NATIVE_DIGITS = {**{chr(0x0F20 + i): str(i) for i in range(10)}, **{chr(0x0B66 + i): str(i) for i in range(10)}}
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
SPONSORS = ["Kestrel Solar", "Bluefin Mobile", "Ardent Insurance"]


@dataclass
class Copy:
    """One entry being made: text blocks and the flags the renderer reads."""

    title: str
    paras: list[str]
    html: bool
    link: str
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    source_name: str = ""


def cut(text: str, limit: int = 220) -> str:
    """A feed summary: the text up to `limit` characters, cut at a word end with `…`."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + "…"


def drop_marks(text: str) -> str:
    """Igbo as phones and old apps print it: dots below and tone marks dropped."""
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    )


def first_grapheme(text: str) -> int:
    n = 1
    while n < len(text) and unicodedata.category(text[n]).startswith("M"):
        n += 1
    return n


class Maker:
    def __init__(self, source: dict) -> None:
        self.seed = source["seed"]
        self.desks = source["desks"]
        self.outlets = {o[0]: o for o in source["outlets"]}
        self.stories = source["stories"]

    def outlet(self, feed: str) -> dict:
        slug, name, lang, offset, style = self.outlets[feed]
        return {"feed": slug, "name": name, "lang": lang, "offset": offset, "html": style == "p"}

    def link(self, story: dict, feed: str, at: datetime) -> tuple[str, str]:
        number = zlib.crc32(f"{story['id']}/{feed}/{at:%Y%m%d%H%M}".encode()) % 900000 + 100000
        host = f"{feed}.example"
        return f"https://{host}/{at:%Y/%m/%d}/{number}", f"tag:{host},{at:%Y}:{number}"

    def rows(self) -> list[dict]:
        made = []
        for story in self.stories:
            at = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC)
            made.append(self.entry(story, story["outlet"], at, []))
            for recipe in story.get("copies", []):
                feed, minutes, *words = recipe.split()
                made.append(self.entry(story, feed, at + timedelta(minutes=int(minutes)), words))
        made.sort(key=lambda r: (r["_at"], r["feed"]))
        for n, row in enumerate(made, 1):
            row["id"] = f"j{n:03d}"
        keys = [
            "id",
            "outlet",
            "feed",
            "title",
            "link",
            "guid",
            "published",
            "summary",
            "content",
            "lang",
            "story",
            "event",
        ]
        return [{k: row[k] for k in keys} for row in made]

    def entry(self, story: dict, feed: str, at: datetime, words: list[str]) -> dict:
        out = self.outlet(feed)
        desk = self.desks[out["lang"] if out["lang"] == story["lang"] else story["lang"]]
        rng = random.Random(f"{self.seed}/{story['id']}/{feed}/{at:%Y%m%d%H%M}")
        link, guid = self.link(story, feed, at)
        paras = [p.strip() for p in story["text"].strip().split("\n\n")]
        copy = Copy(story["title"], paras, out["html"], link, source_name=self.outlet(story["outlet"])["name"])
        summary_only = False
        for word in words:
            if word == "summary-only":
                summary_only = True
            else:
                self.apply(word, copy, story, desk, rng, at)
        zone = timezone(timedelta(hours=int(out["offset"][:3]), minutes=int(out["offset"][0] + out["offset"][4:])))
        summary = cut(re.sub(r"<[^>]+>", "", copy.paras[0]))
        return {
            "_at": at,
            "outlet": out["name"],
            "feed": out["feed"],
            "title": copy.title,
            "link": copy.link,
            "guid": guid,
            "published": at.astimezone(zone).isoformat(),
            "summary": summary,
            "content": "" if summary_only else render(copy, story, rng, at),
            "lang": story["lang"],
            "story": story["id"],
            "event": story["event"],
        }

    def apply(self, word: str, c: Copy, story: dict, desk: dict, rng: random.Random, at: datetime) -> None:
        """One recipe word, changing the copy in place."""
        if word == "dateline-strip":
            c.paras[0] = c.paras[0].removeprefix(story["dateline"] + " – ")
        elif word == "byline":
            c.top.append(f"{desk['by']} {rng.choice(desk['names'])}")
        elif word == "credit":
            c.bottom.append(f"{desk['credit']} {c.source_name}")
        elif word == "tracking":
            c.link += f"?utm_source=feed&utm_medium=rss&utm_campaign=c{rng.randrange(1000, 9999)}"
        elif word == "amp":
            scheme, rest = c.link.split("://", 1)
            c.link = f"{scheme}://amp.{rest}/amp"
        elif word == "trim":
            c.paras = c.paras[:-1]
        elif word == "readmore":
            second = c.paras[1].split(" ")
            c.paras = [c.paras[0], " ".join(second[: len(second) // 2]) + "… " + desk["readmore"]]
        elif word == "alt":
            c.title = story["alt"]
        elif word == "plain":
            c.html = False
        elif word in ("glued", "spans", "gutenberg", "dropcap", "jsonld"):
            c.flags.add(word)  # markup kinds: the renderer prints them as HTML
            c.html = c.html or word != "glued"
        elif word == "quotes":
            c.title, c.paras = c.title.translate(STRAIGHT), [p.translate(STRAIGHT) for p in c.paras]
        elif word == "entities":
            c.paras = [re.sub("[“”„«»‘’–—…]", lambda m: f"&#{ord(m.group())};", p) for p in c.paras]
        elif word == "digits":
            c.title, c.paras = to_ascii(c.title), [to_ascii(p) for p in c.paras]
        elif word == "dotless":
            c.title, c.paras = drop_marks(c.title), [drop_marks(p) for p in c.paras]
        elif word == "gloss":
            for name, latin in story["names"].items():
                c.paras = [gloss(p, name, latin) for p in c.paras]
        elif word == "refix":
            old, new, note = story["refix"]
            c.paras = [p.replace(old, new) for p in c.paras]
            c.bottom.append(note)
        elif word == "teaser":
            c.paras = [c.paras[-1], *c.paras[:-1]]
            c.flags.add("teaser")
        elif word == "transcript":
            c.paras[0] = f"{desk['presenter']} {c.paras[0]}"
            c.paras[1] = f"{desk['reporter']} {c.paras[1]}"
        elif word == "easyread":
            c.top.insert(0, desk["easy"])
        elif word == "ends":
            c.bottom.append(desk["ends"])
        elif word == "digestitem":
            c.top[:0] = [f"{desk['digest']} · {at:%d.%m.%Y}", f"{rng.randrange(2, 7)}. {c.title}"]
            c.bottom.append(f"{desk['sponsor']} {rng.choice(SPONSORS)}")
        elif word == "archive":
            source = self.link(story, story["outlet"], datetime.fromisoformat(story["at"]).replace(tzinfo=UTC))[0]
            c.top.insert(0, f"Archived copy · saved {at:%Y-%m-%d %H:%M} UTC · original: {source}")
        else:
            raise ValueError(f"{story['id']}: unknown recipe word {word!r}")


def gloss(text: str, name: str, latin: str) -> str:
    """Every mention of `name` followed by its Latin spelling in brackets; in Tibetan after the
    syllable's tsheg, as the bracket opens a new word there."""
    return re.sub(re.escape(name) + "(་?)", lambda m: f"{name}{m[1]} ({latin})" + (" " if m[1] else ""), text)


def to_ascii(text: str) -> str:
    return "".join(NATIVE_DIGITS.get(c, c) for c in text)


def render(c: Copy, story: dict, rng: random.Random, at: datetime) -> str:
    """The body as the carrying outlet prints it: `<p>` blocks or plain text, with the copy's flags."""
    paras = list(c.paras)
    if "spans" in c.flags:
        paras = [
            " ".join(
                f'<span class="s" data-sid="{i}-{j}" data-lang="{story["lang"]}">{s}</span>'
                for j, s in enumerate(SENTENCE_END.split(p), 1)
            )
            for i, p in enumerate(paras, 1)
        ]
    if "dropcap" in c.flags:
        n = first_grapheme(paras[0])
        paras[0] = f'<span class="dropcap">{paras[0][:n]}</span>{paras[0][n:]}'
    blocks = [*c.top, *paras, *c.bottom]
    teaser = len(c.top) if "teaser" in c.flags else -1
    if not c.html:
        return ("" if "glued" in c.flags else "\n\n").join(re.sub(r"<[^>]+>", "", b) for b in blocks)
    tags = [f"<p><em>{b}</em></p>" if i == teaser else f"<p>{b}</p>" for i, b in enumerate(blocks)]
    if "gutenberg" in c.flags:
        tags = [f"<!-- wp:paragraph -->\n{t}\n<!-- /wp:paragraph -->" for t in tags]
    body = ("" if "glued" in c.flags else "\n").join(tags)
    if "jsonld" in c.flags:
        meta = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": c.title,
            "datePublished": datetime.fromisoformat(story["at"]).strftime("%Y-%m-%dT%H:%M:00Z"),
            "publisher": {"@type": "Organization", "name": c.source_name},
        }
        body = f'<script type="application/ld+json">{json.dumps(meta, ensure_ascii=False)}</script>\n{body}'
    return body


def build() -> list[dict]:
    return Maker(yaml.safe_load(SOURCE.read_text(encoding="utf-8"))).rows()


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], source: dict) -> str:
    per_story = Counter(r["story"] for r in rows)
    kinds = Counter(s["kind"] for s in source["stories"])
    langs = Counter(r["lang"] for r in rows)
    events: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    by_id = {s["id"]: s for s in source["stories"]}
    negative = {"ministers", "award", "advisory", "reversal", "found", "letter", "anniversary", "target"}
    neg_pairs = sum(per_story[s["id"]] * per_story[s["against"]] for s in by_id.values() if s["kind"] in negative)
    recipes = [c.split()[2:] for s in source["stories"] for c in s.get("copies", [])]
    words = Counter(w for r in recipes for w in r)
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(per_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
        f"events:                  {len(events)}  ({sum(len(v) > 1 for v in events.values())} with >=2 stories, "
        f"{sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
        f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative entry pairs (designed, other event): {neg_pairs}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  "
        f"(en {100 * langs['en'] // len(rows)}%)",
        f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    text = dump(build())
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("heldout14.jsonl differs from what the source makes: run without --stats")
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats([json.loads(line) for line in text.splitlines()], yaml.safe_load(SOURCE.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
