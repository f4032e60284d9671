"""Held-out dedup set v82: one wire's day through outlets with fixed house habits (issue 13).

Reads `heldout82_source.yaml` and writes `heldout82.jsonl`: each story at its origin desk, then one copy at each
of `copies` carriers of its language (chosen in an order fixed by a SHA-256 of seed, story and feed). A carrier
applies ALL its house habits to every copy it prints, as real outlets do. Standalone (stdlib + PyYAML), byte-for-byte
reproducible. `--stats` also prints the counts quoted in the README.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout82_source.yaml"
TARGET = HERE / "heldout82.jsonl"
PREFIX = "qd"
NEGATIVE = ("formsibling", "handoutpair", "wirenextmorn", "satweekthree")
ORIGIN_SUMMARY = 220  # an origin desk's feed summary: its first paragraph, cut beyond this many characters
CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def cut(text: str, limit: int) -> str:
    """The text up to the first word end at or beyond `limit` (any character for unspaced Japanese)."""
    if len(text) <= limit:
        return text
    if CJK.search(text[:limit]):
        return text[:limit]
    end = text.find(" ", limit)
    return text if end < 0 else text[:end]


def fill(story: dict[str, Any], forms: dict[str, dict[str, str]]) -> dict[str, Any]:
    """A story written from a desk form gets that form's title, headline and text with its own facts."""
    if "form" not in story:
        return story
    form = forms[story["form"]]
    return {**story, **{k: form[k].format(**story["vars"]) for k in ("title", "alt", "text")}}


def paragraphs(story: dict[str, Any]) -> list[str]:
    return [p.strip() for p in story["text"].strip().split("\n\n")]


def dateline(pattern: str, story: dict[str, Any], desk: dict[str, Any]) -> str:
    city = story["city"]
    return pattern.format(CITY=city.upper(), city=city, agency=desk["agency"], short=desk["short"])


def new_lede(first: str, alt: str, lang: str) -> str:
    """A regional rewrite: the first sentence replaced by one of the desk's own, built on the other headline."""
    stop = "。" if lang == "ja" else ". "
    _, sep, rest = first.partition(stop)
    own = alt + ("。" if lang == "ja" else ".")
    if not sep:  # a one-sentence lede is replaced whole
        return own
    return own + ("" if lang == "ja" else " ") + rest


def respell(text: str, table: dict[str, str]) -> str:
    for uk, us in table.items():
        text = re.sub(rf"\b{uk}\b", us, text)
    return text


def render(blocks: list[str], body: str, glue: str | None) -> str:
    """Blocks as the outlet's body: `<p>` per block (or `</p><p>` with no space), blank lines, or run together."""
    if body == "html":
        inner = [html.escape(b, quote=False) for b in blocks]
        joiner = "</p><p>" if glue == "tight" else "</p>\n<p>"
        return "<p>" + joiner.join(inner) + "</p>"
    return ("" if glue == "run" else "\n\n").join(blocks)


def with_marker(blocks: list[str], marker: str, title: str) -> list[str]:
    """A truncation marker: `…` markers run on, `The post …` is its own block, others follow after a space."""
    text = marker.format(title=title)
    if text.startswith("The post"):
        return [*blocks, text]
    if text.startswith(("…", " ")):
        return [*blocks[:-1], blocks[-1] + text]
    return [*blocks[:-1], blocks[-1] + " " + text]


class Builder:
    def __init__(self, source: dict[str, Any]) -> None:
        self.src = source
        keys = ("feed", "name", "host", "offset", "body", "agency", "short")
        self.desks = {d[0]: dict(zip(keys, d, strict=True)) for d in source["desks"]}
        self.carriers = source["carriers"]
        self.stories = [fill(s, source["forms"]) for s in source["stories"]]
        self.by_id = {s["id"]: s for s in self.stories}
        self.habits: Counter[str] = Counter()

    def when(self, at: str, minutes: int, offset: int) -> str:
        instant = datetime.fromisoformat(at.replace("Z", "+00:00")) + timedelta(minutes=minutes)
        return instant.astimezone(timezone(timedelta(minutes=offset))).isoformat()

    def origin(self, s: dict[str, Any]) -> dict[str, str]:
        desk = self.desks[s["desk"]]
        paras = paragraphs(s)
        paras[0] = dateline(self.src["datelines"][s["lang"]], s, desk) + paras[0]
        local = self.when(s["at"], 0, desk["offset"])
        slug = s["id"].removeprefix("x82-")
        return {
            "outlet": desk["name"],
            "feed": desk["feed"],
            "title": s["title"],
            "link": f"https://{desk['host']}/{s['lang']}/{local[:10].replace('-', '/')}/{slug}",
            "guid": f"tag:{desk['host']},2038:{s['id']}",
            "published": local,
            "summary": self.summary(paras[0]),
            "content": render(paras, desk["body"], None),
        }

    def summary(self, first: str) -> str:
        short = cut(first, ORIGIN_SUMMARY)
        return short if short == first else short + " …"

    def related(self, s: dict[str, Any]) -> list[str]:
        """Two other headlines of the story's language from the same desk, as a carrier lists them below."""
        others = [o["title"] for o in self.stories if o["lang"] == s["lang"] and o["id"] != s["id"]]
        others.sort(key=lambda t: digest(self.src["seed"], s["id"], t))
        return others[:2]

    def copy(self, s: dict[str, Any], c: dict[str, Any]) -> dict[str, str]:
        h: dict[str, Any] = c["habits"]
        self.habits.update(k for k in h)
        desk = self.desks[s["desk"]]
        title = s["alt"] if h.get("title") == "alt" else s["title"]
        paras = paragraphs(s)
        if h.get("newlede"):
            paras[0] = new_lede(paras[0], s["alt"], s["lang"])
        mode = h.get("dateline", "keep")
        if mode != "strip":
            key = "rewritten" if mode == "rewrite" else "datelines"
            paras[0] = dateline(self.src[key][s["lang"]], s, desk) + paras[0]
        if h.get("spelling") == "us":
            title = respell(title, self.src["spelling"])
            paras = [respell(p, self.src["spelling"]) for p in paras]
        if h.get("droptail") and len(paras) > 1:
            paras = paras[:-1]
        if "keep" in h:
            paras = with_marker(paras[: h["keep"]], h["marker"], title)
        if "related" in h:
            paras = [*paras, h["related"] + " " + " · ".join(self.related(s))]
        lead = [h[k] for k in ("header", "top", "byline") if k in h]
        tag = digest(self.src["seed"], s["id"], c["feed"])
        if c["body"] == "none":
            first = (lead[-1] + " " if "byline" in h else "") + paras[0]
            summary, content = cut(first, h["cut"]) + h["marker"], ""
        else:
            summary, content = self.summary(paras[0]), render([*lead, *paras], c["body"], h.get("glue"))
        link = f"https://{c['host']}/n/{tag[:10]}"
        if "track" in h:
            link = f"https://{h['track']}/c/{tag[:10]}?utm_source=kapuloan&utm_medium=feed&utm_campaign=regions"
        return {
            "outlet": c["name"],
            "feed": c["feed"],
            "title": title,
            "link": link,
            "guid": f"{c['feed']}-{tag[10:22]}",
            "published": self.when(s["at"], 12 + int(tag[:8], 16) % 390, c["offset"]),
            "summary": summary,
            "content": content,
        }

    def carriers_of(self, s: dict[str, Any]) -> list[dict[str, Any]]:
        mine = [c for c in self.carriers if s["lang"] in c["langs"]]
        mine.sort(key=lambda c: digest(self.src["seed"], s["id"], c["feed"]))
        if len(mine) < s["copies"]:
            raise SystemExit(f"{s['id']}: {s['copies']} copies asked, {len(mine)} carriers")
        return mine[: s["copies"]]

    def rows(self) -> list[dict[str, str]]:
        made: list[dict[str, str]] = []
        for s in self.stories:
            first = self.origin(s)
            labels = {"lang": s["lang"], "story": s["id"], "event": s["event"]}
            made.append({**first, **labels})
            for c in self.carriers_of(s):
                row = self.copy(s, c)
                if c["body"] != "none" and (row["title"], row["content"]) == (first["title"], first["content"]):
                    raise SystemExit(f"{s['id']} at {c['feed']}: the copy changes neither title nor body")
                made.append({**row, **labels})
        made.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["story"], r["feed"]))
        keys = ["outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
        return [{"id": f"{PREFIX}{n:03d}", **{k: r[k] for k in keys}} for n, r in enumerate(made, 1)]


def build() -> list[dict[str, str]]:
    return Builder(yaml.safe_load(SOURCE.read_text(encoding="utf-8"))).rows()


def dump(rows: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict[str, str]]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    builder = Builder(source)
    builder.rows()
    stories = {s["id"]: s for s in source["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict[str, str]] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    same_event = sum(a["event"] == b["event"] and a["story"] != b["story"] for a, b in combinations(rows, 2))
    negative = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    sizes = Counter(per_story.values())
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        "entries per story:       " + ", ".join(f"{k}x{sizes[k]}" for k in sorted(sizes)),
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={langs[k]}" for k in sorted(langs))
        + f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        "kinds:                   " + ", ".join(f"{k}={kinds[k]}" for k in sorted(kinds)),
        "habits:                  " + ", ".join(f"{k}={builder.habits[k]}" for k in sorted(builder.habits)),
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in argv:
        print(stats(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
