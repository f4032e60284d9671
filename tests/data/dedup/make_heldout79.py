"""Build held-out v79 (`heldout79.jsonl`) from `heldout79_source.yaml`: syndication as it really arrives.

Each story is emitted at its origin desk, then copied by carriers of its region and language. A carrier re-shapes
the text with its recipe words (an aggregator's byline, spelling and "word.Word" glue cut with a read-more line; a
regional rewrite's new first sentence and trimmed tail; a wire update's new top paragraph; the dateline dropped or
rewritten; a partner's related-stories list; a print export's running page headers; a newsletter digest of the
first two paragraphs under its own headline; a tracking link on another host). Standalone (stdlib + PyYAML),
seeded and byte-for-byte reproducible.

    python tests/data/dedup/make_heldout79.py          # rewrites heldout79.jsonl
    python tests/data/dedup/make_heldout79.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout79_source.yaml"
OUT = HERE / "heldout79.jsonl"
PREFIX = "pz"
NEGATIVE = ("desknextday", "releasetwin", "weeklythreequote", "towntemplatetwin")
DATELINE = re.compile(r"^[^—.]{3,48} — ")


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def derive(story: dict, stories: dict[str, dict]) -> str:
    """The base's text with each `set` pair replaced; a phrase missing from the text is an authoring error."""
    text = stories[story["derive"]]["text"]
    text = "\n\n".join(paragraphs(text))
    for old, new in story["set"]:
        if old not in text:
            raise SystemExit(f"{story['id']}: phrase not in {story['derive']}: {old[:50]}")
        text = text.replace(old, new)
    return text


class Outlet:
    def __init__(self, row: list) -> None:
        self.feed, self.name, self.host, offset, self.body, self.region, self.langs, self.recipe = row
        self.zone = timezone(timedelta(minutes=offset))


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit].rsplit(" ", 1)[0]
    return head + " …"


def drop_dateline(paras: list[str]) -> list[str]:
    return [DATELINE.sub("", paras[0], count=1), *paras[1:]]


def rewrite_dateline(paras: list[str], story: dict, carrier: Outlet) -> list[str]:
    if not DATELINE.match(paras[0]):
        return paras
    return [f"{story['place']} ({carrier.name}) – " + DATELINE.sub("", paras[0], count=1), *paras[1:]]


def regional_relede(paras: list[str], story: dict, words: dict) -> list[str]:
    """A new first sentence of the desk's own before the lede (its dateline dropped), the last paragraph trimmed."""
    lede = words["intro"].format(place=story["place"]) + " " + DATELINE.sub("", paras[0], count=1)
    return [lede, *paras[1:-1]]


def print_pages(paras: list[str], carrier: Outlet, when: datetime, words: dict, title: str) -> list[str]:
    """Running headers and page numbers where a print export's pages break, one inside the second paragraph."""
    stamp = when.strftime("%d.%m.%Y")
    first = f"{carrier.name} · {stamp} · {words['page']} 1"
    second = f"{words['page']} 2 — {title[:40]}"
    split = paras[1].split(" ")
    half = len(split) // 2
    return [first, paras[0], " ".join(split[:half]), second, " ".join(split[half:]), *paras[2:]]


def aggregate(paras: list[str], words: dict, story: dict, carrier: Outlet, origin: Outlet) -> list[str]:
    """The aggregator's byline, its spelling, paragraphs glued "word.Word", cut with its read-more line."""
    text = "".join(paras)
    for old, new in words["spell"].items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    keep = text.split(" ")
    text = " ".join(keep[: max(40, len(keep) * 3 // 5)])
    byline = words["byline"].format(wire=origin.name, desk=carrier.name)
    return [byline, text + " … " + words["readmore"]]


def reshape(story: dict, carrier: Outlet, origin: Outlet, when: datetime, ctx: dict) -> tuple[str, list[str], list]:
    """The title and blocks a carrier prints, and the recipe words that changed something."""
    words = ctx["phrases"][story["lang"]]
    title, paras = story["title"], paragraphs(story["text"])
    used = []
    for word in ctx["order"]:
        if word not in carrier.recipe:
            continue
        before = (title, paras)
        if word == "datelinestrip":
            paras = drop_dateline(paras)
        elif word == "datelinerewrite":
            paras = rewrite_dateline(paras, story, carrier)
        elif word == "regionalrelede":
            paras = regional_relede(paras, story, words)
        elif word == "wiretopupdate":
            paras = [words["update"].format(time=when.strftime("%H:%M")), *paras]
        elif word == "digesttwopara":
            title = f"{words['digest']} {when.strftime('%d/%m')}: {story['place']}"
            paras = paras[:2]
        elif word == "printpagerun":
            paras = print_pages(paras, carrier, when, words, title)
        elif word == "partnerheadlist":
            paras = [*paras, words["related"], *("• " + t for t in ctx["related"](story))]
        elif word == "aggregatorglue":
            paras = aggregate(paras, words, story, carrier, origin)
        if word == "trackinghost" or (title, paras) != before:
            used.append(word)
    return title, paras, used


def render(paras: list[str], outlet: Outlet, glued: bool) -> tuple[str, str]:
    plain = " ".join(paras)
    if outlet.body == "none":
        return cut(plain, 320), ""
    summary = cut(paras[0] if len(paras[0]) > 60 else plain, 220)
    if outlet.body == "plain":
        return summary, "\n\n".join(paras)
    sep = "</p><p>" if glued else "</p>\n<p>"
    return summary, "<p>" + sep.join(html.escape(p, quote=False) for p in paras) + "</p>"


def entry(story: dict, outlet: Outlet, when: datetime, title: str, paras: list[str], track: bool, glued: bool) -> dict:
    h = digest(story["id"], outlet.feed)[:10]
    link = f"https://{outlet.host}/{when:%Y/%m}/{h}"
    if track:
        link = f"https://go.{outlet.feed}-trk.example/r/{h}?utm_source={outlet.feed}&utm_medium=syndication"
    summary, content = render(paras, outlet, glued)
    return {
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": link,
        "guid": f"tag:{outlet.host},2032:{h}",
        "published": when.astimezone(outlet.zone).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_at": when,
        "_used": [],
    }


def copy_count(story: dict, counts: dict) -> int:
    return counts["negative"] if story["kind"] in NEGATIVE else counts[story["kind"]]


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    desks = {row[0]: Outlet(row) for row in src["desks"]}
    carriers = [Outlet(row) for row in src["carriers"]]
    stories = {s["id"]: s for s in src["stories"]}
    for s in stories.values():
        if "derive" in s:
            s["text"] = derive(s, stories)

    def related(story: dict) -> list[str]:
        others = sorted(o["title"] for o in stories.values() if o["lang"] == story["lang"] and o["id"] != story["id"])
        return random.Random(digest(str(src["seed"]), "rel", story["id"])).sample(others, min(3, len(others)))

    ctx = {"phrases": src["phrases"], "order": src["order"], "related": related}
    rows = []
    for s in stories.values():
        origin = desks[s["outlet"]]
        at = datetime.fromisoformat(s["at"].replace("Z", "+00:00"))
        rows.append(entry(s, origin, at, s["title"], paragraphs(s["text"]), False, False))
        rng = random.Random(digest(str(src["seed"]), s["id"]))
        region = desks[stories.get(s.get("against", ""), s)["outlet"]].region
        pool = [c for c in carriers if s["lang"] in c.langs and c.region == region]
        rng.shuffle(pool)
        need = copy_count(s, src["copies"])
        if len(pool) < need:
            raise SystemExit(f"{s['id']}: {len(pool)} carriers for {need} copies")
        for carrier in pool[:need]:
            when = at + timedelta(minutes=rng.randint(12, 420))
            local = when.astimezone(carrier.zone)
            title, paras, used = reshape(s, carrier, origin, local, ctx)
            row = entry(s, carrier, when, title, paras, "trackinghost" in used, "aggregatorglue" in used)
            row["_used"] = used
            rows.append(row)
    rows.sort(key=lambda r: (r["_at"], r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events = Counter(s["event"] for s in stories.values())
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    ev_entries: dict[str, list[str]] = {}
    for r in rows:
        ev_entries.setdefault(r["event"], []).append(r["story"])
    same_event = 0
    for members in ev_entries.values():
        same_event += sum(1 for i, a in enumerate(members) for b in members[i + 1 :] if a != b)
    negative = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE:
            for other in s.get("quotes", [s.get("against")]):
                negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    sizes = Counter(per_story.values())
    used = Counter(w for r in rows for w in r["_used"])
    kinds = Counter(s["kind"] for s in stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        "entries per story:       " + ", ".join(f"{k}x{v}" for k, v in sorted(sizes.items())),
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {100 * langs['en'] // len(rows)}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(used.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
