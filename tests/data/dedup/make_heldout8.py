"""Build held-out v8 (`heldout8.jsonl`) from `heldout8_source.yaml`.

Every copy applies its recipe words in order to its story's hand-written text. No clock and no RNG:
a CRC of story, outlet and delay picks bylines, link numbers, GUIDs and comment counts, so the file
is byte-for-byte reproducible. `--stats` regenerates in memory, fails if the committed file differs,
and prints the counts.
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
SOURCE = HERE / "heldout8_source.yaml"
OUT = HERE / "heldout8.jsonl"
NEGATIVE_KINDS = {"template", "same-topic", "press-release", "roundup"}
QUOTE = re.compile(r"[„“«\"]([^”“»\"]{12,}?)[”“»\"]")

# Belarusian Łacinka: consonants soften before these letters; iotated vowels after a consonant take `i`.
IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}
PLAIN_LETTERS = dict(zip("абвгґджзйкмнопрстуўфцчшыэі", "abvhgdžzjkmnoprstuŭfcčšyei", strict=True))
PLAIN_LETTERS["х"] = "ch"
SOFT = {"з": "ź", "с": "ś", "н": "ń", "ц": "ć", "л": "l"}
VOWELS = set("аеёіоуыэюяў") | {"’", "'"}


def crc(*parts: object) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


def lacinka(text: str) -> str:
    """Belarusian Cyrillic in the Latin alphabet (Łacinka), letter by letter, keeping capitals."""
    out = []
    for i, ch in enumerate(text):
        low, nxt = ch.lower(), text[i + 1].lower() if i + 1 < len(text) else ""
        prev = text[i - 1].lower() if i else " "
        if low in IOTATED:
            after_consonant = prev.isalpha() and prev not in VOWELS and prev != "ь"
            lat = ("i" if after_consonant else "j") + IOTATED[low]
        elif low == "ь" or low in {"’", "'"}:
            lat = ""
        elif low in SOFT and nxt == "ь":
            lat = SOFT[low]
        elif low == "л":
            lat = "l" if nxt in IOTATED or nxt == "і" else "ł"
        elif low in PLAIN_LETTERS or low == "х":
            lat = PLAIN_LETTERS[low]
        else:
            out.append(ch)
            continue
        out.append(lat[0].upper() + lat[1:] if ch != low else lat)
    return "".join(out)


class Copy:
    """One entry being made: the story's text plus what the recipe has done to it so far."""

    def __init__(self, story: dict, outlet: str, delay: int, cfg: dict) -> None:
        self.story, self.feed, self.delay = story, outlet, delay
        self.outlet = cfg["outlets"][outlet]
        self.desk = cfg["desk"][story["lang"]]
        self.style = self.outlet["style"]
        self.title = story["title"]
        self.paras = list(story["paras"])
        self.dateline = f"{story['dateline']} – "
        self.pre: list[str] = []
        self.post: list[str] = []
        self.after_first: list[str] = []
        self.after_second: list[str] = []
        self.joiner = "\n" if self.style == "p" else "\n\n"
        self.figure = ""
        self.summary_only = self.translit = self.entities = False
        self.link_kind = "clean"
        self.key = crc(story["id"], outlet, delay)

    def person(self) -> str:
        names = self.desk["names"]
        return self.desk["by"].format(name=names[self.key % len(names)])

    def apply(self, word: str, others: list[dict]) -> None:
        d, s = self.desk, self.story
        if word == "dateline-strip":
            self.dateline = ""
        elif word == "dateline-local":
            self.dateline = f"{s['dateline']} ({d['tag']}) – "
        elif word == "byline":
            self.pre.append(self.person())
        elif word == "byline-inline":
            self.dateline = f"{self.person()} {self.dateline}"
        elif word in {"credit", "sponsor"}:
            (self.post if word == "credit" else self.pre).append(d[word])
        elif word == "comments":
            self.post.append(d["comments"].format(n=3 + self.key % 90))
        elif word == "related":
            self.after_first.append(self.related(others))
        elif word == "pullquote":
            found = QUOTE.search(" ".join(self.paras))
            quote = found.group(1) if found else self.paras[1]
            self.after_second.append(f"<blockquote>{quote}</blockquote>" if self.style == "p" else f"“{quote}”")
        elif word == "swap":
            self.paras[1], self.paras[2] = self.paras[2], self.paras[1]
        elif word == "numwords":
            for digits, spelled in s["words"]:
                self.paras = [p.replace(digits, spelled) for p in self.paras]
                self.title = self.title.replace(digits, spelled)
        elif word == "merge":
            self.paras = merge_first_two(self.paras, d["stop"], d["and"])
        else:
            self.apply_form(word)

    def apply_form(self, word: str) -> None:
        if word == "caps":
            self.title = self.title.upper()
        elif word == "alt":
            self.title = self.story["alt"]
        elif word == "imgalt":
            self.figure = self.image()
        elif word == "trim":
            self.paras = self.paras[:-1]
        elif word == "readmore":
            half = self.paras[1].split()
            cut = " ".join(half[: max(3, len(half) // 2)]) + "…"
            self.paras = [self.paras[0], cut]
            self.post = [f"{self.desk['more']}: {self.link()}", *self.post]
        elif word == "summary-only":
            self.summary_only = True
        elif word in {"tracking", "amp"}:
            self.link_kind = word
        elif word == "plain":
            self.style, self.joiner = "plain", "\n\n"
        elif word == "glued":
            self.joiner = ""
        elif word == "quotes":
            self.paras = [re.sub("[„“”«»]", '"', p) for p in self.paras]
        elif word == "entities":
            self.entities = True
        elif word == "translit":
            self.translit = True
        else:
            raise ValueError(f"unknown transformation {word!r}")

    def image(self) -> str:
        alt = self.story.get("alt", self.story["title"])
        src = f"https://{self.outlet['host']}/img/{self.key % 9000 + 1000}.jpg"
        if self.style == "p":
            return f'<figure><img src="{src}" alt="{alt}"><figcaption>{alt}</figcaption></figure>'
        return f"[{alt}] "

    def related(self, others: list[dict]) -> str:
        mine = [o for o in others if o["lang"] == self.story["lang"] and o["id"] != self.story["id"]][:2]
        urls = [(o["title"], f"https://{self.outlet['host']}/{o['id']}") for o in mine]
        if self.style == "p":
            items = "".join(f'<li><a href="{u}">{t}</a></li>' for t, u in urls)
            return f"<p>{self.desk['related']}</p><ul>{items}</ul>"
        return "\n".join([self.desk["related"]] + [f"– {t} {u}" for t, u in urls])

    def link(self) -> str:
        host = self.outlet["host"]
        host = f"amp.{host}" if self.link_kind == "amp" else host
        path = f"https://{host}/news/{self.story['id']}-{self.key % 100000}"
        if self.link_kind == "tracking":
            return f"{path}?utm_source=feed&utm_medium=rss&utm_campaign={self.feed}"
        return path + ("/amp" if self.link_kind == "amp" else "")

    def body(self) -> str:
        paras = list(self.paras)
        paras[0] = self.dateline + paras[0]
        blocks = self.pre + paras[:1] + self.after_first + paras[1:2] + self.after_second + paras[2:] + self.post
        if self.style == "p":
            blocks = [b if b.startswith("<") else f"<p>{b}</p>" for b in blocks]
        # The image is glued to the lede with nothing between, as aggregators paste it.
        blocks[len(self.pre)] = self.figure + blocks[len(self.pre)]
        return self.joiner.join(blocks)


def merge_first_two(paras: list[str], stop: str, conj: str) -> list[str]:
    """The wire's first two sentences made one: the first full stop becomes the conjunction.

    A one-sentence lede is merged with the next paragraph's first sentence, as aggregators do.
    """
    head, sep, tail = paras[0].partition(stop + " ")
    if sep:
        return [f"{head} {conj} {tail[:1].lower()}{tail[1:]}", *paras[1:]]
    head, nxt = paras[0].removesuffix(stop), paras[1]
    return [f"{head} {conj} {nxt[:1].lower()}{nxt[1:]}", *paras[2:]]


def finish(c: Copy, published: datetime, kind: str) -> dict:
    summary_text = c.paras[0]
    summary_text = summary_text if len(summary_text) <= 220 else summary_text[:219].rsplit(" ", 1)[0] + "…"
    content = "" if c.summary_only else c.body()
    title, lang = c.title, c.story["lang"]
    if c.translit:
        title, content, summary_text = lacinka(title), lacinka(content), lacinka(summary_text)
    if c.entities:
        content = html.escape(content, quote=False).replace("&lt;", "<").replace("&gt;", ">")
        content = content.replace("–", "&ndash;").replace("„", "&bdquo;").replace("“", "&ldquo;")
    tz = timezone(timedelta(hours=c.outlet["tz"]))
    return {
        "id": "",
        "outlet": c.outlet["name"],
        "feed": c.feed,
        "title": title,
        "link": c.link(),
        "guid": f"tag:{c.outlet['host']},2026:{c.story['id']}/{c.key}",
        "published": published.astimezone(tz).isoformat(),
        "summary": summary_text,
        "content": content,
        "lang": lang,
        "story": c.story["id"],
        "event": c.story["event"],
        "_kind": kind,
    }


def build() -> list[dict]:
    cfg = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = cfg["stories"]
    for s in stories:
        s["lang"] = cfg["outlets"][s["outlet"]]["lang"]
    made = []
    for order, s in enumerate(stories):
        start = datetime.fromisoformat(s["at"]).replace(tzinfo=UTC)
        made.append((start, order, 0, finish(Copy(s, s["outlet"], 0, cfg), start, "source")))
        for n, recipe in enumerate(s.get("copies", []), start=1):
            outlet, delay, *words = recipe.split()
            c = Copy(s, outlet, int(delay), cfg)
            for word in words:
                c.apply(word, stories)
            when = start + timedelta(minutes=int(delay))
            made.append((when, order, n, finish(c, when, "+".join(words))))
    made.sort(key=lambda m: (m[0], m[1], m[2]))
    rows = [m[3] for m in made]
    for i, row in enumerate(rows, start=1):
        row["id"] = f"x{i:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> str:
    cfg = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = {s["id"]: s for s in cfg["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    negatives = 0
    for s in kinds.values():
        if s["kind"] in NEGATIVE_KINDS:
            negatives += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows if r["_kind"] != "source" for w in r["_kind"].split("+"))
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(per_story)}  ({fmt(Counter(s['kind'] for s in kinds.values()))})",
        f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with >=2 stories,"
        f" {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
        f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative entry pairs (designed, other event): {negatives}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {fmt(langs)}  (en {100 * langs['en'] // len(rows)}%)",
        f"transformations:         {fmt(words)}",
    ]
    return "\n".join(lines)


def fmt(counts: Counter) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def main() -> None:
    rows = build()
    text = dump(rows)
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("heldout8.jsonl differs from what the source makes: regenerate it")
        print(stats(rows))
        return
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
