"""Generate held-out dedup set v41 (`heldout41.jsonl`) from `heldout41_source.yaml`.

Structural reshapes of copies (why-it-matters lead, paragraphs merged, Q&A re-cut, bullet list,
reader's-guide tail, a weekly one-story wrapper), applied in the fixed order of the source's `words`.
Stdlib + PyYAML, seeded and deterministic, no clock; imports no earlier generator.

    python tests/data/dedup/make_heldout41.py          # rewrites heldout41.jsonl
    python tests/data/dedup/make_heldout41.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout41_source.yaml"
OUT = HERE / "heldout41.jsonl"
PREFIX = "oj"
SUMMARY_CAP = 220
COPIES = {"original": 3, "independent": 3, "pairroundup": 2}  # designed negatives: 2


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None
    words: tuple[str, ...]
    extra: str

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


@dataclass(frozen=True)
class Carried:
    """A report as one outlet carries it: headline and paragraphs."""

    title: str
    paras: tuple[str, ...]


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(src: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, words, extra in src["outlets"]:
        found[feed] = Outlet(
            feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(words), extra
        )
    return found


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.strip().split("\n\n") if p.strip())


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Designed negatives take their base's text with phrase replacements; a round-up quotes two ledes."""
    by_id: dict[str, dict] = {}
    for s in stories:
        s = dict(s)
        if "derive" in s:
            base = by_id[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s["set"].items():
                if old not in title and old not in text:
                    raise SystemExit(f"{s['id']}: replacement {old!r} matches nothing")
                title, text = title.replace(old, new), text.replace(old, new)
            s.update(title=title, text=text, lang=base["lang"], outlet=base["outlet"], place=base["place"])
        if "quotes" in s:
            ledes = [paragraphs(by_id[q]["text"])[0] for q in s["quotes"]]
            if any(by_id[q]["lang"] != s["lang"] for q in s["quotes"]):
                raise SystemExit(f"{s['id']}: a round-up quotes another language")
            s["text"] = "\n\n".join([s["intro"], *ledes])
        by_id[s["id"]] = s
    return by_id


def times(stories: dict[str, dict], start: datetime) -> dict[str, datetime]:
    """Originals a day apart; rewrites 95 min after theirs; negatives 41 days after base; round-ups 2 days after."""
    when: dict[str, datetime] = {}
    day = 0
    for s in stories.values():
        if "derive" in s:
            when[s["id"]] = when[s["derive"]] + timedelta(days=41)
        elif "quotes" in s:
            when[s["id"]] = max(when[q] for q in s["quotes"]) + timedelta(days=2, hours=3)
        elif s["kind"] == "independent":
            when[s["id"]] = when[s["against"]] + timedelta(minutes=95)
        else:
            when[s["id"]] = start + timedelta(days=day, minutes=37 * (day % 5))
            day += 1
    return when


def reshape(word: str, c: Carried, o: Outlet, src: dict) -> Carried:
    p = c.paras
    if word == "whyfirst":  # the closing paragraph first, as a why-it-matters lead
        return Carried(c.title, (f"{src['lead']} {p[-1]}", *p[:-1]) if len(p) > 1 else p)
    if word == "onepara":  # the paragraphs merged into one, as a CMS field without breaks
        return Carried(c.title, (" ".join(p),))
    if word == "qacut":  # the same paragraphs under an explainer's English questions
        qs = itertools.cycle(src["questions"])
        return Carried(c.title, tuple(f"Q: {next(qs)} A: {x}" for x in p))
    if word == "bulletlist":  # one bullet per paragraph under a header line
        return Carried(c.title, (src["bullets"], "\n".join(f"• {x}" for x in p)))
    if word == "readersguide":  # the report and the outlet's reader's-guide paragraph after it
        return Carried(c.title, (*p, o.extra))
    if word == "weeklyone":  # a weekly digest entry of exactly one story
        return Carried(f"{o.extra}: {c.title}", (f"{o.extra} — single item", *p))
    raise SystemExit(f"unknown recipe word {word}")


def apply(words: tuple[str, ...], c: Carried, o: Outlet, src: dict) -> Carried:
    if list(words) != sorted(words, key=src["words"].index):
        raise SystemExit(f"recipe out of order: {words}")
    for w in words:
        c = reshape(w, c, o, src)
    return c


def recipe(rng: random.Random, base: Carried, o: Outlet, src: dict, summary_only: bool) -> tuple[str, ...]:
    """The first seeded 2-3 word combination of the outlet's words that changes the report and hides no word."""
    combos = [c for k in (2, 3) for c in itertools.combinations(o.words, k)]
    rng.shuffle(combos)
    for combo in combos:
        words = tuple(sorted(combo, key=src["words"].index))
        made = apply(words, base, o, src)
        if made == base or (summary_only and made.title == base.title and " ".join(made.paras) == " ".join(base.paras)):
            continue
        if all(apply(tuple(w for w in words if w != drop), base, o, src) != made for drop in words):
            return words
    raise SystemExit(f"no recipe for {o.feed}")


def render(c: Carried, o: Outlet) -> tuple[str, str]:
    """Summary and body as the outlet prints them."""
    summary = " ".join(c.paras) if o.body == "none" else c.paras[0]
    if len(summary) > SUMMARY_CAP:
        summary = summary[:SUMMARY_CAP].rsplit(" ", 1)[0] + " …"
    if o.body == "none":
        return summary, ""
    if o.body == "html":
        return summary, "".join(f"<p>{html.escape(x, quote=False).replace(chr(10), '<br/>')}</p>" for x in c.paras)
    return summary, "\n\n".join(c.paras)


def entry(s: dict, o: Outlet, c: Carried, when: datetime, seed: str) -> dict:
    h = digest(seed, o.feed, s["id"])[:10]
    local = when.astimezone(timezone(timedelta(minutes=o.offset)))
    summary, content = render(c, o)
    return {
        "id": "",
        "outlet": o.name,
        "feed": o.feed,
        "title": c.title,
        "link": f"https://{o.host}/news/{h}",
        "guid": f"{o.feed}:{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def build() -> list[dict]:
    src = load()
    outlets = outlets_of(src)
    stories = resolve(src["stories"])
    when = times(stories, datetime.fromisoformat(src["start"]))
    rows: list[tuple[datetime, str, dict]] = []
    words_used: list[tuple[str, ...]] = []
    for s in stories.values():
        origin = outlets[s["outlet"]]
        if not origin.carries(s["lang"]):
            raise SystemExit(f"{s['id']}: origin outlet does not carry {s['lang']}")
        base = Carried(s["title"], paragraphs(s["text"]))
        rows.append((when[s["id"]], "0", entry(s, origin, base, when[s["id"]], src["seed"])))
        rng = random.Random(int(digest(src["seed"], s["id"]), 16))
        pool = sorted(o.feed for o in outlets.values() if o.feed != origin.feed and o.carries(s["lang"]))
        if origin.body == "none":
            pool = [f for f in pool if outlets[f].body != "none"]
        n = COPIES.get(s["kind"], 2)
        if len(pool) < n:
            raise SystemExit(f"{s['id']}: too few outlets for copies")
        for k, feed in enumerate(rng.sample(pool, n)):
            o = outlets[feed]
            words = recipe(rng, base, o, src, o.body == "none")
            made = apply(words, base, o, src)
            if (made.title, made.paras) == (base.title, base.paras):
                raise SystemExit(f"{s['id']}@{feed}: a copy keeps its original's title and body")
            t = when[s["id"]] + timedelta(minutes=rng.randint(4, 900))
            e = entry(s, o, made, t, src["seed"])
            e["_words"] = words
            rows.append((t, f"{k + 1}", e))
            words_used.append(words)
    rows.sort(key=lambda r: (r[0], r[1], r[2]["feed"]))
    out = []
    for i, (_, _, e) in enumerate(rows, 1):
        e["id"] = f"{PREFIX}{i:03d}"
        out.append(e)
    return out


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_words"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = resolve(src["stories"])
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    negatives = 0
    for s in stories.values():
        if s["kind"] not in ("original", "independent"):
            for other in s.get("quotes", [s.get("against")]):
                negatives += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r.get("_words", ()))
    kinds = Counter(s["kind"] for s in stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {negatives}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {100 * langs['en'] // len(rows)}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
