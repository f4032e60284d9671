"""Build held-out v68 (`heldout68.jsonl`) from `heldout68_source.yaml`: long articles reshaped by carriers.

Each story is written from its desk's template (`templates`) with its fill, emitted at its desk, then copied by
carriers that change the text's shape (author box, crossheads, accordion, swipe cards, revision marks, endnotes,
spreadsheet rows, quizzes). Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible.

    python tests/data/dedup/make_heldout68.py          # rewrites heldout68.jsonl
    python tests/data/dedup/make_heldout68.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = yaml.safe_load((HERE / "heldout68_source.yaml").read_text(encoding="utf-8"))
CARRIER_DELAY = range(20, 139)
NUMBER = re.compile(r"\d+")


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, (SOURCE["seed"], *parts))).encode()).hexdigest()


def rng_for(*parts: object) -> random.Random:
    return random.Random(int(digest(*parts)[:16], 16))


# ---- carriers: each takes (paragraphs, story) and returns new paragraphs -------------------------------------


def bylinebox(ps: list[str], s: dict) -> list[str]:
    """An author box above the article, as a profile widget renders it."""
    byline = SOURCE["bylines"][s["lang"]].format(author=s["fill"]["author"])
    return [f"┌ {byline}\n└ ✉ {s['outlet']}@newsroom", *ps]


def crosshead(ps: list[str], s: dict) -> list[str]:
    """Subheads (two words of the paragraph, upper case) before the third and fifth paragraphs."""
    out: list[str] = []
    for i, p in enumerate(ps):
        if i in (2, 4):
            out.append("■ " + " ".join(p.split()[:2]).upper().strip(".,:«»"))
        out.append(p)
    return out


def accordion(ps: list[str], s: dict) -> list[str]:
    """Every paragraph after the first folded under a toggle that shows its first three words."""
    return ps[:1] + [f"▸ {' '.join(p.split()[:3])} … [show more]\n{p}" for p in ps[1:]]


def carousel(ps: list[str], s: dict) -> list[str]:
    """One card per paragraph, numbered, with a swipe arrow on all but the last."""
    n = len(ps)
    return [f"[{i}/{n}] {p}" + ("  →" if i < n else "") for i, p in enumerate(ps, 1)]


def revisionmarks(ps: list[str], s: dict) -> list[str]:
    """A copy desk's export with revision marks left in: each large figure regrouped with a space."""

    def mark(m: re.Match[str]) -> str:
        n = int(m.group())
        return f"[-{n}-]{{+{n:,}+}}".replace(",", " ") if n >= 1000 else m.group()

    return [NUMBER.sub(mark, p) for p in ps]


def endnote(ps: list[str], s: dict) -> list[str]:
    """A reference marker after each figure's first mention, and the notes listed at the end."""
    seen: dict[str, int] = {}

    def mark(m: re.Match[str]) -> str:
        if m.group() in seen:
            return m.group()
        seen[m.group()] = len(seen) + 1
        return f"{m.group()}[{len(seen)}]"

    body = [NUMBER.sub(mark, p) for p in ps]
    notes = "\n".join(f"[{k}] {n}: {s['outlet']}, {s['fill']['day_en']}" for n, k in seen.items())
    return [*body, "Notes\n" + notes]


def sheetrows(ps: list[str], s: dict) -> list[str]:
    """A spreadsheet export read as text: a header row, then one numbered tab-separated row per paragraph."""
    return ["row\ttext"] + [f"{i}\t{p}" for i, p in enumerate(ps, 1)]


def quiz(ps: list[str], s: dict) -> list[str]:
    """A learning site's true-or-false check after the article, built from its sentences with figures."""
    sentences = [x.strip() for p in ps for x in re.split(r"(?<=[.。])\s*", p) if NUMBER.search(x)]
    lines = [f"Q{i}. {x} ☐ true ☐ false" for i, x in enumerate(sentences[:3], 1)]
    return [*ps, "Quiz\n" + "\n".join(lines) + "\nAnswers: " + ", ".join("true" for _ in lines)]


CARRIERS: dict[str, Callable[[list[str], dict], list[str]]] = {
    f.__name__: f for f in (bylinebox, crosshead, accordion, carousel, revisionmarks, endnote, sheetrows, quiz)
}
TITLE_MARK = {"carousel": "▶ {}", "quiz": "Quiz: {}", "accordion": "{} ▾"}
assert list(CARRIERS) == SOURCE["words"]


# ---- stories -------------------------------------------------------------------------------------------------


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Every story with its full fill: a follow-up's is its base's with `set`; a report reuses its `against`'s."""
    by_id = {s["id"]: dict(s) for s in stories}
    for s in by_id.values():
        if "fill_from" in s:
            s["fill"] = {**by_id[s["fill_from"]]["fill"], **s["set"]}
    for s in by_id.values():
        if "fill" not in s:
            s["fill"] = by_id[s["against"]]["fill"]
    return by_id


def written(s: dict) -> tuple[str, list[str]]:
    template = SOURCE["templates"][s["lang"]]
    title = template["title"].format(**s["fill"])
    return title, template["text"].format(**s["fill"]).split("\n\n")


def recipe(s: dict, feed: str) -> list[str]:
    """The carrier's first seeded 2- or 3-word combination of its style words, in the fixed order of `words`."""
    style = SOURCE["outlets"][feed][4]
    rng = rng_for("recipe", s["id"], feed)
    combos = [c for k in (2, 3) for c in itertools.combinations(style, k)]
    chosen = set(rng.choice(combos))
    return [w for w in SOURCE["words"] if w in chosen]


def carriers_for(s: dict) -> list[str]:
    pool = [f for f, o in SOURCE["outlets"].items() if o[4]]
    rng_for("carriers", s["id"]).shuffle(pool)
    return pool[: s["copies"]] if s["copies"] <= len(pool) else pool + pool[: s["copies"] - len(pool)]


def to_body(ps: list[str], kind: str) -> str:
    if kind == "none":
        return ""
    if kind == "plain":
        return "\n\n".join(ps)
    return "".join(f"<p>{html.escape(p, quote=False).replace(chr(10), '<br/>')}</p>" for p in ps)


def summary_of(ps: list[str]) -> str:
    text = " ".join(" ".join(ps).split())
    return text if len(text) <= 220 else text[:220].rsplit(" ", 1)[0] + " …"


def entry(s: dict, feed: str, when: datetime, words: list[str]) -> dict:
    name, host, offset, body_kind, _ = SOURCE["outlets"][feed]
    title, ps = written(s)
    for w in words:
        ps = CARRIERS[w](ps, s)
        title = TITLE_MARK.get(w, "{}").format(title)
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    h = digest(feed, s["id"])
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": f"https://{host}/{local:%Y/%m/%d}/{s['id']}-{h[:8]}",
        "guid": f"{feed}:{h[8:24]}",
        "published": local.isoformat(),
        "summary": summary_of(ps if words else ps[:1]),
        "content": to_body(ps, body_kind),
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def build() -> list[dict]:
    start = datetime.fromisoformat(SOURCE["start"])
    rows = []
    for s in resolve(SOURCE["stories"]).values():
        t0 = start + timedelta(minutes=s["at"])
        rows.append(entry(s, s["outlet"], t0, []))
        for feed in carriers_for(s):
            when = t0 + timedelta(minutes=rng_for("delay", s["id"], feed).choice(CARRIER_DELAY))
            rows.append(entry(s, feed, when, recipe(s, feed)))
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"po{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> None:
    stories = resolve(SOURCE["stories"])
    per_story = Counter(r["story"] for r in rows)
    events = {s["event"] for s in stories.values()}
    negative = {"deskclonetown", "nextdaychanged"}
    neg_pairs = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in negative)
    words = Counter(w for s in stories.values() for f in carriers_for(s) for w in recipe(s, f))
    lengths = {s["id"]: len(" ".join(written(s)[1]).split()) for s in stories.values() if s["lang"] != "ja"}
    chars = {s["id"]: len("".join(written(s)[1])) for s in stories.values() if s["lang"] == "ja"}
    print(f"entries:                 {len(rows)}")
    print(f"outlets (feeds):         {len({r['feed'] for r in rows})}")
    print(f"stories (copy groups):   {len(per_story)}")
    print(f"  entries per story:     {dict(sorted(Counter(per_story.values()).items()))}")
    print(f"events:                  {len(events)}")
    print(f"languages:               {dict(sorted(Counter(r['lang'] for r in rows).items()))}")
    print(f"kinds:                   {dict(sorted(Counter(s['kind'] for s in stories.values()).items()))}")
    print(f"summary-only entries:    {sum(r['content'] == '' for r in rows)}")
    print(f"duplicate pairs (same story):     {sum(n * (n - 1) // 2 for n in per_story.values())}")
    print(f"designed hard-negative pairs:     {neg_pairs}")
    print(f"recipe words in copies:  {dict(words)}")
    print(f"words per article:       {min(lengths.values())}-{max(lengths.values())}; ja characters: {chars}")


if __name__ == "__main__":
    built = build()
    (HERE / "heldout68.jsonl").write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv:
        stats(built)
