"""Build held-out v12 (`heldout12.jsonl`) from `heldout12_source.yaml`: each story at its origin
outlet, then its copies, each made by applying its recipe words in order.

No clock: bylines and campaign ids come from `random.Random` seeded with the set's seed, the story,
the outlet and the delay; link numbers from a CRC. `--stats` regenerates in memory, fails if the
committed file differs, and prints the counts the README quotes.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import uuid
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout12_source.yaml"
OUT = HERE / "heldout12.jsonl"
PREFIX = "w"
NEGATIVE = {"template", "same-topic", "press-release", "sequel", "verdict", "column", "digest"}
# Tatar Cyrillic -> the Latin letters Tatar websites use (Zamanälif); a transliteration is a copy.
_ONE = dict(zip("абвгдежзийклмнопрстуфхыэәөүҗңһ", "abwgdejziyklmnoprstufxıeäöücñh", strict=True))
_LOWER = {**_ONE, "ё": "yo", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç", "ъ": "", "ь": "", "ю": "yu", "я": "ya"}
TATAR_LATIN = str.maketrans({**_LOWER, **{k.upper(): v.capitalize() for k, v in _LOWER.items()}})
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


@dataclass
class Page:
    """One entry while its recipe is applied: lines above the body, the body, lines below."""

    title: str
    body: list[str]
    link: str
    style: str
    top: list[str] = field(default_factory=list)
    bottom: list[str] = field(default_factory=list)
    summary_prefix: str = ""
    empty: bool = False
    glued: bool = False
    ocr: bool = False
    maps: list = field(default_factory=list)  # whole-text rewrites, applied last to title, summary and body


def latin(text: str) -> str:
    return text.translate(TATAR_LATIN)


def ocr_lines(text: str, width: int = 58) -> str:
    """A scanned print column: hard line ends, long words split with a hyphen, fi/fl ligatures."""
    lines, line = [], ""
    for word in text.split():
        if len(line) + 1 + len(word) <= width or not line:
            line = f"{line} {word}".strip()
        elif len(word) >= 8 and word.isalpha() and word.isascii():
            cut = len(word) // 2
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return "\n".join(lines).replace("fi", "\ufb01").replace("fl", "\ufb02")


def paragraphs(story: dict, stories: dict[str, dict]) -> list[str]:
    body = [p.strip() for p in story["text"].strip().split("\n\n")]
    for i in story.get("background", []):
        body.append(paragraphs(stories[story["against"]], stories)[i])
    for other in story.get("quotes", []):
        first = paragraphs(stories[other], stories)[0]
        body.append(f"{stories[other]['title']}. {first.split('. ')[0].rstrip('.')}.")
    return body


def host(feed: str) -> str:
    return f"www.{feed}.example"


def base_link(story: dict, feed: str) -> str:
    n = zlib.crc32(f"{story['id']}/{feed}".encode()) % 900000 + 100000
    return f"https://{host(feed)}/2026/{story['time'][5:7]}/{story['id']}-{n}"


def guid(story: dict, feed: str) -> str:
    key = f"{story['id']}/{feed}"
    n = zlib.crc32(key.encode())
    return [
        f"tag:{host(feed)},2026:{n}",
        f"https://{host(feed)}/?p={n % 99991}",
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}",
    ][n % 3]


class Recipe:
    """The recipe words: each changes the page as one kind of re-publisher does."""

    def __init__(self, story: dict, src: dict, desk: dict, rng: random.Random, neighbours: tuple[str, str]):
        self.story, self.src, self.desk, self.rng, self.neighbours = story, src, desk, rng, neighbours

    def apply(self, word: str, page: Page) -> None:
        getattr(self, word.replace("-", "_"))(page)

    def dateline_strip(self, page: Page) -> None:
        if self.story.get("dateline"):
            page.body[0] = page.body[0].removeprefix(f"{self.story['dateline']} — ")

    def byline(self, page: Page) -> None:
        page.top.append(f"{self.desk['by']} {self.rng.choice(self.desk['names'])}")

    def credit(self, page: Page) -> None:
        page.bottom.append(f"{self.desk['credit']}: {self.src['name']}")

    def tracking(self, page: Page) -> None:
        page.link += f"?utm_source=partner&utm_medium=feed&utm_campaign=c{self.rng.randrange(1000, 9999)}"

    def amp(self, page: Page) -> None:
        page.link = page.link.replace("https://www.", "https://amp.") + "/amp"

    def trim(self, page: Page) -> None:
        page.body = page.body[:-1] if len(page.body) > 1 else page.body

    def readmore(self, page: Page) -> None:
        if len(page.body) > 1:
            words = page.body[1].split()
            page.body = [page.body[0], " ".join(words[: len(words) // 2]) + "…"]
        page.bottom.append(f"{self.desk['more']} →")

    def summary_only(self, page: Page) -> None:
        page.empty = True

    def alt(self, page: Page) -> None:
        page.title = self.story["alt"]

    def plain(self, page: Page) -> None:
        page.style = "plain"

    def glued(self, page: Page) -> None:
        page.glued = True

    def quotes(self, page: Page) -> None:
        page.maps.append(lambda t: t.translate(STRAIGHT))

    def latin(self, page: Page) -> None:
        page.maps.append(latin)

    def reader(self, page: Page) -> None:
        """A browser's reader mode saved as text: site host and headline on top, source URL below."""
        page.style = "plain"
        page.top[:0] = [host(self.story["outlet"]), page.title]
        page.bottom.append(base_link(self.story, self.story["outlet"]))

    def ocr(self, page: Page) -> None:
        page.style, page.ocr = "plain", True
        page.top.insert(0, f"— {self.rng.randrange(2, 24)} —")

    def podcast(self, page: Page) -> None:
        page.title = f"{self.desk['episode']} {self.rng.randrange(40, 300)}: {page.title}"
        page.top.insert(0, self.desk["notes"])
        page.bottom.append("00:00 · 01:45 · 06:20 · 12:05")

    def push(self, page: Page) -> None:
        page.title = f"🔔 {self.desk['push']}: {page.title}"
        page.summary_prefix = f"{self.desk['push']}: "

    def glossary(self, page: Page) -> None:
        terms = "; ".join(f"{term} — {meaning}" for term, meaning in self.story["gloss"])
        page.bottom.append(f"{self.desk['gloss']}: {terms}")

    def feedback(self, page: Page) -> None:
        page.bottom.append(self.desk["helpful"])

    def prevnext(self, page: Page) -> None:
        before, after = self.neighbours
        page.bottom.append(f"← {self.desk['prev']}: {before} | {self.desk['next']}: {after} →")

    def ticker(self, page: Page) -> None:
        page.top.insert(0, self.desk["ticker"])


def render(page: Page) -> tuple[str, str, str]:
    """Title, summary and content of a finished page."""
    fix = page.maps
    blocks = page.top + page.body + page.bottom
    if page.ocr:
        blocks = [ocr_lines(b) for b in blocks]
    for f in fix:
        blocks = [f(b) for b in blocks]
    title, lede = page.title, page.body[0]
    for f in fix:
        title, lede = f(title), f(lede)
    summary = page.summary_prefix + (lede if len(lede) <= 200 else lede[:200].rsplit(" ", 1)[0] + "…")
    if page.style == "plain":
        content = (" " if page.glued else "\n\n").join(blocks)
    else:
        content = ("" if page.glued else "\n").join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    return title, summary, "" if page.empty else content


def entry(
    story: dict, stories: dict, outlets: dict, desk: dict, copy: list, neighbours: tuple[str, str], seed: int
) -> dict:
    feed, delay, words = copy
    out = outlets[feed]
    body = paragraphs(story, stories)
    if story.get("dateline"):
        body[0] = f"{story['dateline']} — {body[0]}"
    page = Page(story["title"], body, base_link(story, feed), out["style"])
    rng = random.Random(f"{seed}:{story['id']}:{feed}:{delay}")
    recipe = Recipe(story, outlets[story["outlet"]], desk[story["lang"]], rng, neighbours)
    for word in words.split():
        recipe.apply(word, page)
    title, summary, content = render(page)
    when = datetime.fromisoformat(story["time"]).replace(tzinfo=UTC) + timedelta(minutes=delay)
    zone = timezone(timedelta(hours=int(out["offset"][:3]), minutes=int(out["offset"][0] + out["offset"][4:])))
    return {
        "id": "",
        "outlet": out["name"],
        "feed": feed,
        "title": title,
        "link": page.link,
        "guid": guid(story, feed),
        "published": when.astimezone(zone).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def load() -> tuple[dict, dict[str, dict], dict[str, dict]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    keys = ("feed", "name", "lang", "offset", "style")
    outlets = {o[0]: dict(zip(keys, o, strict=True)) for o in source["outlets"]}
    stories = {s["id"]: {**s, "lang": outlets[s["outlet"]]["lang"]} for s in source["stories"]}
    return source, stories, outlets


def build() -> list[dict]:
    source, stories, outlets = load()
    order = list(stories)
    rows = []
    for i, sid in enumerate(order):
        s = stories[sid]
        neighbours = (stories[order[i - 1]]["title"], stories[order[(i + 1) % len(order)]]["title"])
        for copy in [[s["outlet"], 0, ""], *s["copies"]]:
            rows.append(entry(s, stories, outlets, source["desk"], copy, neighbours, source["seed"]))
    rows.sort(key=lambda r: datetime.fromisoformat(r["published"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def fmt(counter: Counter) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counter.items()))


def multi(groups: dict[str, set[str]]) -> int:
    return sum(len(v) > 1 for v in groups.values())


def stats(rows: list[dict]) -> str:
    _, stories, _ = load()
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    negative = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    recipes = [c[2].split() for s in stories.values() for c in s["copies"]]
    langs = Counter(r["lang"] for r in rows)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({fmt(Counter(s['kind'] for s in stories.values()))})",
            f"events:                  {len(ev_stories)}  ({multi(ev_stories)} with >=2 stories, "
            f"{multi(ev_langs)} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {fmt(langs)}  (en {round(100 * langs['en'] / len(rows))}%)",
            f"copies:                  {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {fmt(Counter(w for r in recipes for w in r))}",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stats", action="store_true", help="check the committed file and print its counts")
    made = dump(build())
    if parser.parse_args().stats:
        if OUT.read_text(encoding="utf-8") != made:
            sys.exit("heldout12.jsonl differs from what the generator makes")
        print(stats(build()))
    else:
        OUT.write_text(made, encoding="utf-8")


if __name__ == "__main__":
    main()
