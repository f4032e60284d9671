"""Build held-out v69 (`heldout69.jsonl`): a wire story's day, from `heldout69_source.yaml`.

A wire story runs as a 2-sentence flash, the write-through, UPDATE 1 (a paragraph on top or a quote at the end) and a
correction of one figure in paragraph 3, all at the wire; a regional desk prepends a local sentence, a partner runs it
under its own headline with a kicker and "Related:" links, an aggregator keeps the first paragraph and "Read more at".
All of those are one story. Designed hard negatives (another event) and rivals' own reports get one copy each.
Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible. `--stats` prints the counts.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout69_source.yaml"
TARGET = HERE / "heldout69.jsonl"
PREFIX = "pp"
QUOTES = {"vro": ("„", "“"), "vep": ("«", "»"), "fkv": ("”", "”"), "fi": ("”", "”"), "en": ("“", "”"), "sv": ("”", "”")}
# Recipe words of each copy kind (what the carrier changed).
RECIPES = {
    "writethrough": ["expand", "plainbody"],
    "update": ["updatetag", "toppara"],
    "update-end": ["updatetag", "endquote"],
    "correction": ["fixnote", "figurefix", "updatetag"],
    "regional": ["localangle", "divhtml"],
    "partner": ["ownheadline", "kicker", "related"],
    "partner-norel": ["ownheadline", "kicker"],  # no other story in the language to link to
    "aggregator": ["firstpara", "readmore"],
    "restyle": ["ownheadline", "divhtml"],
}
# Minutes after the story's own time at which each wire-day entry appears.
WIRE_DAY = [("flash", 0), ("writethrough", 25), ("aggregator", 35), ("regional", 40), ("partner", 55)]
WIRE_DAY += [("update", 70), ("correction", 150)]


def slug(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def paras_html(paras: list[str], wrap: bool = False) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f'<div class="article">{body}</div>' if wrap else body


class Builder:
    def __init__(self, src: dict) -> None:
        self.src = src
        self.day = datetime.fromisoformat(src["date"]).replace(tzinfo=UTC)
        self.stories = {s["id"]: s for s in src["stories"]}
        self.rng = random.Random(src["seed"])
        self.rows: list[tuple[datetime, int, dict]] = []
        self.recipes: Counter[str] = Counter()

    def start(self, s: dict) -> datetime:
        if s["kind"] == "original":
            hh, mm = s["at"].split(":")
            return self.day + timedelta(hours=int(hh), minutes=int(mm))
        return self.start(self.stories[s["against"]]) + timedelta(hours=s["hours"])

    def outlet(self, lang: str, role: str) -> list:
        return self.src["outlets"][lang][role]

    def emit(self, s: dict, role: str, at: datetime, title: str, summary: str, content: str, tag: str) -> str:
        feed, name, host, offset = self.outlet(s["lang"], role)
        path = f"/{at:%Y/%m}/{s['id']}"
        link = f"https://{host}{path}" + ("" if tag == "flash" else f"?ver={tag}")
        if role == "regional":
            link = f"https://{host}/local{path}?utm_source=wire&utm_medium=feed"
        elif role == "aggregator":
            link = f"https://{host}/a/{slug(s['id'] + tag)}"
        local = at.astimezone(timezone(timedelta(minutes=offset)))
        row = {"id": "", "outlet": name, "feed": feed, "title": title, "link": link}
        row |= {"guid": f"{feed}:{s['id']}:{tag}", "published": local.isoformat(), "summary": summary}
        row |= {"content": content, "lang": s["lang"], "story": s["id"], "event": s["event"]}
        self.rows.append((at, len(self.rows), row))
        if tag in RECIPES:
            self.recipes.update(RECIPES[tag])
        return link

    def related(self, s: dict) -> str:
        pool = [o["title"] for o in self.src["stories"] if o["lang"] == s["lang"] and o["event"] != s["event"]]
        if not pool:
            return ""
        picks = self.rng.sample(sorted(pool), min(2, len(pool)))
        return f"<p>{self.src['phrases'][s['lang']]['related']} " + " · ".join(picks) + "</p>"

    def partner(self, s: dict, at: datetime, paras: list[str]) -> None:
        words, related = self.src["phrases"][s["lang"]], self.related(s)
        kicker = f"<p><strong>{words['kicker']}</strong></p>"
        tag = "partner" if related else "partner-norel"
        self.emit(s, "partner", at, s["alt"], paras[0], kicker + paras_html(paras) + related, tag)

    def wire_day(self, s: dict) -> None:
        words, t0, p = self.src["phrases"][s["lang"]], self.start(s), s["p"]
        old, new = s["fix"]
        assert old in p[2], s["id"]
        end = s["where"] == "end"
        updated = [*p, s["update"]] if end else [s["update"], *p]
        fixed = [x.replace(old, new) for x in updated]
        wire = self.outlet(s["lang"], "wire")[1]
        for kind, minutes in WIRE_DAY:
            at = t0 + timedelta(minutes=minutes)
            if kind == "flash":
                self.emit(s, "wire", at, s["title"], p[0], p[0], "flash")
            elif kind == "writethrough":
                self.emit(s, "wire", at, s["title"], p[0], "\n\n".join(p), "writethrough")
            elif kind == "update":
                title = f"{words['update']}: {s['title']}"
                self.emit(s, "wire", at, title, updated[0], "\n\n".join(updated), "update-end" if end else "update")
            elif kind == "correction":
                title = f"{words['update'].replace('1', '2')}: {s['title']}"
                body = "\n\n".join([words["fixnote"], *fixed])
                self.emit(s, "wire", at, title, fixed[0], body, "correction")
            elif kind == "regional":
                body = paras_html([s["local"], *p], wrap=True)
                self.emit(s, "regional", at, s["title"], s["local"], body, "regional")
            elif kind == "partner":
                self.partner(s, at, p)
            else:
                summary = f"{p[0]} {words['more']} {wire} …"
                self.emit(s, "aggregator", at, s["title"], summary, "", "aggregator")

    def negative(self, s: dict) -> None:
        base, t0 = self.stories[s["against"]], self.start(s)
        paras = list(s["p"])
        if s["kind"] in ("wirenextday", "samehourbackground"):
            paras.append(base["p"][3])
        if s["kind"] == "analysisquote":
            left, right = QUOTES[s["lang"]]
            paras.insert(1, f"{left}{base['p'][0]}{right}")
            self.emit(s, "partner", t0, s["title"], paras[0], paras_html(paras), "flash")
            restyle = paras_html(paras, wrap=True)
            self.emit(s, "regional", t0 + timedelta(minutes=45), s["alt"], paras[0], restyle, "restyle")
            return
        self.emit(s, "wire", t0, s["title"], paras[0], "\n\n".join(paras), "flash")
        self.partner(s, t0 + timedelta(minutes=55), paras)

    def rival(self, s: dict) -> None:
        t0 = self.start(s)
        self.emit(s, "rival", t0, s["title"], s["p"][0], paras_html(s["p"]), "flash")
        self.partner(s, t0 + timedelta(minutes=50), s["p"])

    def build(self) -> list[dict]:
        for s in self.src["stories"]:
            {"original": self.wire_day, "independent": self.rival}.get(s["kind"], self.negative)(s)
        rows = [row for _, _, row in sorted(self.rows, key=lambda t: (t[0], t[1]))]
        for n, row in enumerate(rows, 1):
            row["id"] = f"{PREFIX}{n:03d}"
        return rows


def build() -> list[dict]:
    return Builder(yaml.safe_load(SOURCE.read_text(encoding="utf-8"))).build()


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = Counter(s["kind"] for s in src["stories"])
    negative = {s["id"]: s for s in src["stories"] if s["kind"] not in ("original", "independent")}
    neg_pairs = sum(per_story[k] * per_story[s["against"]] for k, s in negative.items())
    builder = Builder(src)
    builder.build()
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(per_story)}",
        f"  entries per story:     {dict(sorted(Counter(per_story.values()).items()))}",
        f"events:                  {len(events)}",
        f"  events with >=2 stories: {sum(len(v) > 1 for v in events.values())}",
        f"story kinds:             {dict(sorted(kinds.items()))}",
        f"languages:               {dict(sorted(Counter(r['lang'] for r in rows).items()))}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"copies (non-first entries): {len(rows) - len(per_story)}",
        f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"designed hard-negative entry pairs: {neg_pairs}",
        f"recipe words:            {dict(sorted(builder.recipes.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
