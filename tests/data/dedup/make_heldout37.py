"""Build held-out dedup set v37 (`heldout37.jsonl`) from `heldout37_source.yaml`.

Every story is emitted at its origin outlet, then as copies at other outlets that carry its language.
A copy's recipe is 2-3 of its outlet's style words, applied in the fixed order of `words`; a recipe is
used only if every word changes the entry as the feed carries it (no hidden word) and the copy differs
from its original's title or body. Deterministic: seeded per story, no clock. Stdlib + PyYAML only;
imports no earlier generator.

    python tests/data/dedup/make_heldout37.py [--stats]
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
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout37_source.yaml"
OUT = HERE / "heldout37.jsonl"
PREFIX = "of"
START = datetime(2027, 4, 6, 7, 0, tzinfo=UTC)
NEGATIVE_GAP = timedelta(days=47)  # a designed hard negative comes some seven weeks after its base
REWRITE_GAP = timedelta(minutes=95)
SUMMARY_MAX = 220
# A photo caption as a bilingual CMS renders it: the language's own word, then the English one.
CAPTION = {"hne": "फोटो", "ks": "تصویر", "xmf": "ფოტო", "pms": "Fòto", "sk": "Foto", "en": ""}
# How a multilingual site's language switcher names each language (in that language's own script).
ENDONYM = {
    "hne": "छत्तीसगढ़ी",
    "ks": "کٲشُر",
    "xmf": "მარგალური",
    "pms": "Piemontèis",
    "sk": "Slovenčina",
    "en": "English",
}
DESK_NOTE = "Desk note: figures as given by the organisers; names as spelled locally."
COPIES_SMALL = 2  # a rival desk's rewrite and the side-language story travel less far


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None  # None: every language
    words: tuple[str, ...]

    def carries(self, lang: str) -> bool:
        return self.langs is None or lang in self.langs


@dataclass(frozen=True)
class Entry:
    title: str
    paragraphs: tuple[str, ...]


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(src: dict) -> dict[str, Outlet]:
    found = {}
    for feed, name, host, offset, body, langs, words in src["outlets"]:
        found[feed] = Outlet(feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(words))
    return found


def replace_all(text: str, changes: dict[str, str], story: str) -> str:
    for old, new in changes.items():
        if old not in text:
            raise SystemExit(f"{story}: replacement {old!r} matches nothing")
        text = text.replace(old, new)
    return text


def resolve(src: dict) -> list[dict]:
    """Stories in source order; a designed hard negative becomes its base with the phrase replacements."""
    by_id: dict[str, dict] = {}
    out = []
    for s in src["stories"]:
        if "derive" in s:
            base = by_id[s["derive"]]
            joined = replace_all(base["title"] + "\n\x00\n" + base["text"], s["set"], s["id"])
            title, text = joined.split("\n\x00\n")
            s = {**base, **{k: v for k, v in s.items() if k not in ("derive", "set")}, "title": title, "text": text}
        by_id[s["id"]] = s
        out.append(s)
    return out


def seeded(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("\x1f".join((seed, *parts)).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def times(stories: list[dict]) -> dict[str, datetime]:
    """Originals a day or so apart; rewrites soon after theirs; designed negatives weeks later."""
    at: dict[str, datetime] = {}
    n = 0
    for s in stories:
        if s["kind"] == "original":
            at[s["id"]] = START + timedelta(days=n, minutes=(n * 137) % 540)
            n += 1
        elif s["kind"] == "independent":
            at[s["id"]] = at[s["against"]] + REWRITE_GAP
        else:
            at[s["id"]] = at[s["against"]] + NEGATIVE_GAP
    return at


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def apply(word: str, e: Entry, s: dict, outlet: Outlet, local: datetime) -> Entry:
    if word == "editionprefix":
        return Entry(f"[{s['place']} edition] {e.title}", e.paragraphs)
    if word == "namesromanized":  # a wire desk's Latin spelling in place of the names' own script
        names = s.get("names") or {}
        return Entry(replace_names(e.title, names), tuple(replace_names(p, names) for p in e.paragraphs))
    if word == "bilingualcaption":
        own = CAPTION[s["lang"]]
        label = f"{own} / Photo" if own else "Photo"
        return Entry(e.title, (f"{label}: {s['place']} ({outlet.name})", *e.paragraphs))
    if word == "clockstamps":  # a live page's entry: every paragraph opens with the local time
        stamped = tuple(
            f"{(local - timedelta(minutes=6 * (len(e.paragraphs) - i))):%H:%M} · {p}"
            for i, p in enumerate(e.paragraphs)
        )
        return Entry(e.title, stamped)
    if word == "desknote":
        return Entry(e.title, (*e.paragraphs, DESK_NOTE))
    if word == "langswitcher":
        others = [ENDONYM[x] for x in sorted(outlet.langs or ENDONYM) if x != s["lang"]]
        if not others:
            return e
        return Entry(e.title, (*e.paragraphs, "In our other languages: " + " · ".join(others)))
    raise SystemExit(f"unknown recipe word {word}")


def replace_names(text: str, names: dict[str, str]) -> str:
    for own, latin in names.items():
        text = text.replace(own, latin)
    return text


def summary_of(e: Entry) -> str:
    first = e.paragraphs[0]
    if len(first) <= SUMMARY_MAX:
        return first
    return first[:SUMMARY_MAX].rsplit(" ", 1)[0] + " …"


def carried(e: Entry, outlet: Outlet) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet's feed carries the entry."""
    if outlet.body == "html":
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in e.paragraphs)
    elif outlet.body == "plain":
        content = "\n\n".join(e.paragraphs)
    else:
        content = ""
    return e.title, summary_of(e), content


def recipe(s: dict, outlet: Outlet, order: list[str], rng: random.Random, local: datetime) -> list[str] | None:
    """The first seeded 2-3 word combination where every word changes the carried entry."""
    base = Entry(s["title"], paragraphs(s["text"]))
    combos = [list(c) for k in (2, 3) for c in itertools.combinations(outlet.words, k)]
    rng.shuffle(combos)
    for combo in combos:
        combo.sort(key=order.index)
        e = base
        for word in combo:
            after = apply(word, e, s, outlet, local)
            if carried(after, outlet) == carried(e, outlet):
                break
            e = after
        else:
            if (e.title, e.paragraphs) == (base.title, base.paragraphs):
                raise SystemExit(f"{s['id']}: a copy at {outlet.feed} keeps its original's title and body")
            return combo
    return None


def make_row(s: dict, outlet: Outlet, words: list[str], at: datetime, seed: str) -> dict:
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    e = Entry(s["title"], paragraphs(s["text"]))
    for word in words:
        e = apply(word, e, s, outlet, local)
    title, summary, content = carried(e, outlet)
    tag = hashlib.sha256(f"{seed}|{outlet.feed}|{s['id']}".encode()).hexdigest()
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": f"https://{outlet.host}/{local:%Y/%m}/{tag[:10]}",
        "guid": f"{outlet.feed}:{tag[10:22]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
        "_words": words,
        "_kind": s["kind"],
    }


def build() -> list[dict]:
    src = load()
    seed, order = src["seed"], list(src["words"])
    outlets = outlets_of(src)
    stories = resolve(src)
    at = times(stories)
    rows = []
    for s in stories:
        origin = outlets[s["outlet"]]
        if not origin.carries(s["lang"]):
            raise SystemExit(f"{s['id']}: origin {origin.feed} does not carry {s['lang']}")
        rows.append(make_row(s, origin, [], at[s["id"]], seed))
        wanted = COPIES_SMALL if s["kind"] == "independent" and s["lang"] != "en" else 3
        rng = seeded(seed, s["id"])
        candidates = sorted(o.feed for o in outlets.values() if o.carries(s["lang"]) and o.feed != origin.feed)
        rng.shuffle(candidates)
        made = 0
        for feed in candidates:
            if made == wanted:
                break
            when = at[s["id"]] + timedelta(minutes=rng.randint(4, 900))
            local = when.astimezone(timezone(timedelta(minutes=outlets[feed].offset)))
            words = recipe(s, outlets[feed], order, rng, local)
            if words is None:
                continue
            rows.append(make_row(s, outlets[feed], words, when, seed))
            made += 1
        if made < wanted:
            raise SystemExit(f"{s['id']}: only {made} copies")
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in public)


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = {s["id"]: s["kind"] for s in src["stories"]}
    against = {s["id"]: s.get("against") for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    negative = [s for s, k in kinds.items() if k not in ("original", "independent")]
    words = Counter(w for r in rows for w in r["_words"])
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {sum(per_story[s] * per_story[against[s]] for s in negative)}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(kinds.values()).items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
