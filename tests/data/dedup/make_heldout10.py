"""Build held-out v10 (`heldout10.jsonl`) from `heldout10_source.yaml`.

Every story's first entry is its hand-written text at its origin outlet; each copy applies its recipe
words in order. No clock and no RNG: a CRC of story, outlet and delay picks bylines, link numbers and
GUIDs, so the output is byte-for-byte reproducible. `--stats` regenerates in memory, fails if the
committed file differs, and prints the counts.
"""

from __future__ import annotations

import html
import json
import sys
import textwrap
import unicodedata
import zlib
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout10_source.yaml"
OUT = HERE / "heldout10.jsonl"
NEGATIVE = {"template", "same-topic", "press-release", "ruling", "crosslang", "roundup"}
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
# Kyrgyz Cyrillic to the Latin letters Kyrgyz websites use (ң ñ, ө ö, ү ü, ы ı).
KY_LATIN = dict(zip("абвгдежзийклмнңоөпрстуүфхыэ", "abvgdejziyklmnñoöprstuüfhıe", strict=True)) | {
    "ё": "yo", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"
}  # fmt: skip
ASCII_FIRST = str.maketrans({"đ": "dj", "Đ": "Dj", "ħ": "h", "Ħ": "H"})


def crc(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


def latin(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in KY_LATIN:
            out.append(ch)
            continue
        rep = KY_LATIN[low]
        if ch != low:  # a capital: the whole digraph in an all-caps word (БИШКЕК -> BISHKEK), else its first letter
            shouting = any(n.isupper() for n in text[max(0, i - 1) : i] + text[i + 1 : i + 2])
            rep = rep.upper() if shouting else rep.capitalize()
        out.append(rep)
    return "".join(out)


def ascii_fold(text: str) -> str:
    """Diacritics dropped, as old mobile apps and SMS gateways print Latin text."""
    decomposed = unicodedata.normalize("NFD", text.translate(ASCII_FIRST))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1), as a broken CMS export does."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


FILTERS = {"quotes": lambda t: t.translate(STRAIGHT), "ascii": ascii_fold, "mojibake": mojibake, "latin": latin}


class Copy:
    """One entry being made: blocks above the body, the body paragraphs, blocks below, and how to render."""

    def __init__(self, story: dict, outlet: dict, desk: dict, key: int) -> None:
        self.story, self.outlet, self.desk, self.key = story, outlet, desk, key
        self.title = story["title"]
        self.dateline = story.get("dateline", "")
        self.paras = list(story["paras"])
        self.top: list[str] = []
        self.tail: list[str] = []
        self.style = outlet["style"]
        self.glued = self.summary_only = self.escaped = False
        self.host, self.suffix, self.query = f"www.{outlet['feed']}.example", "", ""
        self.filters: list[str] = []

    @property
    def name(self) -> str:
        names = self.desk["names"]
        return names[self.key % len(names)]

    def apply(self, word: str) -> None:
        d = self.desk
        if word == "dateline-strip":
            self.dateline = ""
        elif word == "byline":
            self.top.append(f"{d['by']} {self.name}")
        elif word == "byline-inline":
            self.dateline = f"{d['by']} {self.name} {self.dateline}".strip()
        elif word == "credit":
            self.tail.append(d["credit"].format(src=self.story["origin_name"]))
        elif word == "tracking":
            self.query = f"?utm_source=partner&utm_medium=syndication&utm_campaign={self.outlet['feed']}"
        elif word == "amp":
            self.host, self.suffix = f"amp.{self.outlet['feed']}.example", "/amp"
        elif word == "trim":
            self.paras = self.paras[:-1]
        elif word == "readmore":
            half = self.paras[1].split(" ")
            self.paras = [self.paras[0], " ".join(half[: max(1, len(half) // 2)]) + " …"]
            self.tail.append(d["more"] + " »")
        elif word == "summary-only":
            self.summary_only = True
        elif word == "alt":
            self.title = self.story["alt"]
        elif word in ("plain", "markdown", "wrap"):
            self.style = word
        elif word == "glued":
            self.glued = True
        elif word == "escaped":
            self.escaped = True
        elif word == "shortcode":
            ids = ",".join(str(4000 + (self.key >> s) % 900) for s in (0, 8, 16))
            self.paras.insert(1, f'[gallery ids="{ids}" columns="3" link="file"]')
        elif word == "share":
            self.tail.append(d["share"])
        elif word == "bio":
            self.tail.append(d["bio"].format(name=self.name, outlet=self.outlet["name"]))
        elif word == "crumbs":
            self.top.insert(0, d["crumbs"])
        elif word == "readtime":
            words = sum(len(p.split()) for p in self.paras)
            self.top.insert(0, d["read"].format(n=1 + words // 120))
        elif word == "kicker":
            self.title = f"{d['kicker']}: {self.title}"
        elif word in FILTERS:
            self.filters.append(word)
        else:
            raise SystemExit(f"{self.story['id']}: unknown recipe word {word!r}")

    def body(self) -> list[str]:
        first = f"{self.dateline} {self.paras[0]}".strip()
        return [first, *self.paras[1:]]

    def render(self) -> tuple[str, str]:
        """(summary, content) before the text filters."""
        body = self.body()
        summary = body[0]
        if self.summary_only:
            return summary, ""
        if self.style == "markdown":
            body = [f"**{body[0]}**"] + [f"> {p}" if any(q in p for q in '“«"') else p for p in body[1:]]
        blocks = self.top + body + self.tail
        if self.style == "wrap":
            blocks = [textwrap.fill(b, 72, break_long_words=False, break_on_hyphens=False) for b in blocks]
        if self.style == "p":
            content = ("" if self.glued else "\n").join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
        else:
            content = ("" if self.glued else "\n\n").join(blocks)
        return summary, html.escape(content, quote=False) if self.escaped else content

    def filtered(self, text: str) -> str:
        for name in self.filters:
            text = FILTERS[name](text)
        return text


def roundup_paras(story: dict, by_id: dict[str, dict]) -> list[str]:
    """The round-up's own intro, then each quoted story's headline and first sentence."""
    lines = [story["intro"]]
    for sid in story["quotes"]:
        quoted = by_id[sid]
        first = quoted["paras"][0].split(". ")[0].rstrip(".") + "."
        lines.append(f"{quoted['title']} — {first}")
    return lines


def entry(copy: Copy, minutes: int, words: list[str]) -> dict:
    story, outlet = copy.story, copy.outlet
    for word in words:
        copy.apply(word)
    summary, content = copy.render()
    start = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC) + timedelta(minutes=minutes)
    local = start.astimezone(timezone(timedelta(hours=outlet["tz"])))
    number = 10000 + copy.key % 90000
    link = f"https://{copy.host}/{local:%Y/%m}/{story['id']}-{number}{copy.suffix}{copy.query}"
    row = {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": copy.filtered(copy.title),
        "link": link,
        "guid": f"{outlet['feed']}-{copy.key:08x}",
        "published": local.isoformat(),
        "summary": copy.filtered(summary),
        "content": copy.filtered(content),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }
    return {"row": row, "at": start, "words": words}


def load() -> tuple[dict, dict[str, dict], list[dict]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o[0]: {"feed": o[0], "name": o[1], "lang": o[2], "tz": o[3], "style": o[4]} for o in source["outlets"]}
    return source["desk"], outlets, source["stories"]


def build() -> list[dict]:
    desk, outlets, stories = load()
    by_id = {s["id"]: s for s in stories}
    made = []
    for story in stories:
        origin = outlets[story["origin"]]
        story["lang"], story["origin_name"] = origin["lang"], origin["name"]
        if story["kind"] == "roundup":
            story["paras"] = roundup_paras(story, by_id)
        for feed, minutes, recipe in [[story["origin"], 0, ""], *story["copies"]]:
            outlet = outlets[feed]
            assert outlet["lang"] == story["lang"], (story["id"], feed)
            copy = Copy(story, outlet, desk[story["lang"]], crc(story["id"], feed, minutes))
            made.append(entry(copy, minutes, recipe.split()))
    made.sort(key=lambda m: m["at"])
    for n, m in enumerate(made, 1):
        m["row"]["id"] = f"z{n:03d}"
    return made


def dump(made: list[dict]) -> str:
    return "".join(json.dumps(m["row"], ensure_ascii=False) + "\n" for m in made)


def stats(made: list[dict]) -> str:
    _, _, stories = load()
    rows = [m["row"] for m in made]
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    negative = 0
    for s in stories:
        if s["kind"] in NEGATIVE:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    kinds = Counter(s["kind"] for s in stories)
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for m in made for w in m["words"])
    several = lambda d: sum(len(v) > 1 for v in d.values())  # noqa: E731
    fmt = lambda c: ", ".join(f"{k}={v}" for k, v in sorted(c.items()))  # noqa: E731
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({fmt(kinds)})",
            f"events:                  {len(ev_stories)}  ({several(ev_stories)} with >=2 stories,"
            f" {several(ev_langs)} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"transformations:         {fmt(words)}",
        ]
    )


def main() -> None:
    made = build()
    text = dump(made)
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            raise SystemExit("heldout10.jsonl differs from what the generator makes: run without --stats")
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats(made))


if __name__ == "__main__":
    main()
