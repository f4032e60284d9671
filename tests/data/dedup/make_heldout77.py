"""Build held-out set v77 (`heldout77.jsonl`): one busy news day in Karakalpakstan, events and stories apart.

Each hand-written story of `heldout77_source.yaml` is emitted at its origin desk, then copied by carriers of its
language (how many per kind: the source's `copies`), each copy re-shaped by 2 of its carrier's 3 style words.
Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible.

    python tests/data/dedup/make_heldout77.py          # rewrites heldout77.jsonl
    python tests/data/dedup/make_heldout77.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout77_source.yaml"
TARGET = HERE / "heldout77.jsonl"
PREFIX = "px"
NEGATIVE = {"provincemorrow", "templatefartown", "sametownhour", "dayroundupthree", "explainerpara"}
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()


def load() -> dict:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in source["stories"]}
    for s in source["stories"]:  # a derived negative is its base's text with phrases replaced
        if "derive" in s:
            base = by_id[s["derive"]]
            for old, _ in s["set"]:
                if not any(old in base.get(key, "") for key in ("title", "alt", "text", "extra")):
                    raise SystemExit(f"{s['id']}: phrase {old!r} not in {base['id']}")
            for key in ("title", "alt", "text", "extra"):
                value = base.get(key)
                for old, new in s["set"] if value else ():
                    value = value.replace(old, new)
                if value:
                    s.setdefault(key, value)
    return source


def paragraphs(text: str) -> list[str]:
    return [p.strip().replace("\n", " ") for p in text.strip().split("\n\n")]


def reshape(story: dict, words: tuple[str, ...], carrier: dict, phrases: dict) -> tuple[str, list[str]]:
    """The title and paragraphs of a copy: the story's own, re-shaped by ``words`` in the source's order."""
    lang = story["lang"]
    title, paras = story["title"], paragraphs(story["text"])
    for word in phrases["order"]:
        if word not in words:
            continue
        if word == "headswap":
            title = story["alt"]
        elif word == "bylinetop":
            paras = [phrases["byline"][lang].format(carrier=carrier["name"]), *paras]
        elif word == "closingparacut":
            paras = paras[:-1]
        elif word == "wirefurniture":
            origin = phrases["desks"][story["outlet"]]
            paras = [f"({origin}) — {paras[0]}", *paras[1:], phrases["furniture"][lang].format(origin=origin)]
        elif word == "writethroughpara" and story.get("extra"):
            paras = [*paras, story["extra"].strip()]
            title = f"{title} ({phrases['updated'][lang]})"
    return title, paras


def render(paras: list[str], body: str, cut: int) -> tuple[str, str]:
    """Summary and content as the outlet writes them: `<p>` blocks, blank lines, or summary only."""
    joined = " ".join(paras)
    summary = joined if len(joined) <= cut else joined[: joined.index(" ", cut) if " " in joined[cut:] else cut] + " …"
    if body == "html":
        return summary, "".join(f"<p>{p}</p>" for p in paras)
    if body == "plain":
        return summary, "\n\n".join(paras)
    return summary, ""


def entry(story: dict, outlet: dict, when: datetime, title: str, paras: list[str], link: str, guid: str) -> dict:
    cut = 160 if outlet["body"] == "none" else 220
    summary, content = render(paras, outlet["body"], cut)
    local = when.astimezone(timezone(timedelta(minutes=outlet["offset"])))
    values = [
        "",
        outlet["name"],
        outlet["feed"],
        title,
        link,
        guid,
        local.isoformat(),
        summary,
        content,
        story["lang"],
        story["id"],
        story["event"],
    ]
    return dict(zip(KEYS, values, strict=True))


def copy_of(story: dict, carrier: dict, when: datetime, phrases: dict, seed: int) -> tuple[dict, tuple[str, ...]]:
    """A carrier's copy: the first seeded 2-word recipe (else 3) in which every word shows and something changes."""
    h = digest(seed, story["id"], carrier["feed"])
    link = f"https://{carrier['host']}/n/{h[:10]}"
    if int(h[10], 16) % 3 == 0:
        link += f"?utm_source=feed&utm_medium=rss&utm_campaign={h[11:15]}"
    guid = f"{carrier['feed']}-{h[16:28]}"

    def made(words: tuple[str, ...]) -> dict:
        return entry(story, carrier, when, *reshape(story, words, carrier, phrases), link, guid)

    def face(row: dict) -> tuple[str, str, str]:
        return row["title"], row["summary"], row["content"]

    original = face(made(()))
    combos = list(itertools.combinations(carrier["styles"], 2))
    random.Random(h).shuffle(combos)
    for words in [*combos, tuple(carrier["styles"])]:
        row = made(words)
        # a word is hidden where dropping it leaves the copy the same (a trim beyond a summary-only cut)
        shown = all(face(row) != face(made(tuple(w for w in words if w != word))) for word in words)
        if shown and (row["title"], row["content"]) != (original[0], original[2]):
            return row, words
    raise SystemExit(f"{story['id']} at {carrier['feed']}: no recipe shows")


def build_with_recipes() -> tuple[list[dict], Counter[str]]:
    """The rows in UTC order with their ids, and how often each style word was applied."""
    source = load()
    seed, phrases = source["seed"], source["phrases"]
    outlets = {
        o[0]: dict(zip(["feed", "name", "host", "offset", "body", "langs", "styles"], o, strict=True))
        for o in source["outlets"]
    }
    rows: list[tuple[datetime, str, dict, tuple[str, ...]]] = []
    for story in source["stories"]:
        desk = outlets[story["outlet"]]
        at = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC)
        link = f"https://{desk['host']}/{at:%Y/%m/%d}/{story['id']}"
        own = entry(
            story, desk, at, story["title"], paragraphs(story["text"]), link, f"tag:{desk['host']},2031:{story['id']}"
        )
        rows.append((at, story["id"], own, ()))
        carriers = sorted(
            (o for o in outlets.values() if story["lang"] in o["langs"]),
            key=lambda o: digest(seed, story["id"], o["feed"]),
        )
        wanted = source["copies"][story["kind"]]
        if len(carriers) < wanted:
            raise SystemExit(f"{story['id']}: {len(carriers)} carriers for {wanted} copies")
        for n, carrier in enumerate(carriers[:wanted]):
            when = at + timedelta(minutes=15 + n * 40 + int(digest(seed, story["id"], n)[:4], 16) % 35)
            made, words = copy_of(story, carrier, when, phrases, seed)
            rows.append((when, story["id"], made, words))
    rows.sort(key=lambda r: (r[0], r[1], r[2]["feed"]))
    for n, (_, _, row, _) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    return [row for _, _, row, _ in rows], Counter(w for *_, words in rows for w in words)


def build() -> list[dict]:
    return build_with_recipes()[0]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def tally(counts: Counter) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def stats(rows: list[dict], words: Counter[str]) -> str:
    source = load()
    stories = {s["id"]: s for s in source["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    langs = Counter(r["lang"] for r in rows)
    first: dict[str, str] = {}
    for r in rows:
        first.setdefault(r["story"], r["id"])
    copies = [r for r in rows if first[r["story"]] != r["id"]]
    same_event = sum(
        per_story[a] * per_story[b] for ss in events.values() for a, b in itertools.combinations(sorted(ss), 2)
    )
    negative = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    shape = Counter(per_story.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {len(copies)}",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(shape.items()))}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {tally(langs)}  (en {100 * langs['en'] // len(rows)}%)",
        f"kinds:                   {tally(Counter(s['kind'] for s in stories.values()))}",
        f"transformations:         {tally(words)}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows, words = build_with_recipes()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows, words))


if __name__ == "__main__":
    main()
