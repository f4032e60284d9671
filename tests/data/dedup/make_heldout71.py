"""Build heldout71.jsonl: a wire story's life across a day and across desks (held-out v71, issue 13).

Each original is a wire's one-line bulletin, then its later versions at the wire (write-through, a new top
paragraph, a quote appended with the background cut, a correction) and its carriers (a broadcaster's web copy,
a regional paper, a partner's copy, an app push, a newsletter item, the next morning's print), each under a new
headline. Every other story (English and side reports, rival reports, designed negatives) gets a few carrier
copies. Standalone (stdlib + PyYAML), seeded and byte-for-byte reproducible; `--stats` prints the counts.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout71_source.yaml"
OUT = HERE / "heldout71.jsonl"
PREFIX = "pr"
SENTENCE = re.compile(r"(?<=[.!?\"])\s+(?=[\"A-ZÀ-ÖØ-ÞÄÖÜ0-9¿(])")
ROTATION = ("digest", "partner", "print")
RECIPES: dict[str, list[str]] = {}  # row id -> the recipe words of that copy, for `--stats`


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().splitlines() if p.strip()]


def sentences(paragraph: str) -> list[str]:
    return SENTENCE.split(paragraph)


def print_cut(paras: list[str]) -> str:
    """The next morning's print text: the first two thirds of the sentences (rounded up), run together."""
    every = [s for p in paras for s in sentences(p)]
    return " ".join(every[: -(-len(every) * 2 // 3)])


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def cut(text: str, limit: int) -> str:
    """The text cut at a word beyond ``limit`` characters, with ` …` when anything was cut."""
    if len(text) <= limit:
        return text
    return text[: text.index(" ", limit) if " " in text[limit:] else len(text)] + " …"


def resolve(story: dict, stories: dict[str, dict]) -> list[str]:
    """A story's paragraphs, with `{background}` (its base's last paragraph) and `{lede}` filled in."""
    base = stories.get(story.get("against", ""), {})
    text = story["text"]
    if "{background}" in text or "{lede}" in text:
        base_paras = paragraphs(base["text"])
        text = text.replace("{background}", base_paras[-1]).replace("{lede}", sentences(base_paras[0])[0])
    return paragraphs(text)


def original_versions(story: dict, paras: list[str], phrases: dict) -> list[tuple]:
    """(name, minutes after the bulletin, outlet or None = the wire, title, blocks, summary-only, recipe words)."""
    t = story["titles"]
    lede = sentences(paras[0])
    old, new = story["fix"]
    fixed = [p.replace(old, new) for p in paras]
    assert fixed != paras, story["id"]
    swapped = [phrases["broadcast"] + " " + " ".join(lede[1:] + lede[:1]), *paras[1:]]
    local = [*paras[:2], phrases["local"] + " " + story["local"], *paras[2:]]
    partner = [paras[0], phrases["see"] + " " + t[3], *paras[1:3], phrases["listen"] + " " + t[0], *paras[3:]]
    versions = [
        ("bulletin", 0, None, t[0], [paras[0]], False, []),
        ("writethrough", 25, None, t[1], paras, False, ["writethrough", "freshguid"]),
        ("update", 95, None, "UPDATE 1-" + t[2], [story["update"], *paras], False, ["newtopfigure", "updateonetag"]),
        (
            "adds",
            160,
            None,
            "UPDATE 2-" + t[3],
            [phrases["adds"], *paras[:-1], story["quote2"]],
            False,
            ["quoteappended", "backgroundcut", "addstag"],
        ),
        (
            "corrects",
            230,
            None,
            "CORRECTED-" + t[1],
            [phrases["correct"], *fixed],
            False,
            ["correctstag", "figuremended", "freshguid"],
        ),
        ("broadcast", 40, "radio-bergwelle", t[2], swapped, False, ["ledeswap", "broadcastline"]),
        ("regional", 300, "valligiano-lokal", t[3], local, False, ["localinsert", "headlinerenewed"]),
        ("partner", 130, "partner-alpnetz", t[1] + " | Alpnetz", partner, False, ["seealsoinsert", "listeninsert"]),
        ("push", 3, "app-taschenpost", t[2], [lede[0]], False, ["pushfirstline", "firstsentencebody"]),
        (
            "digest",
            420,
            "brief-morgen",
            t[1],
            [" ".join(lede[:2])],
            True,
            ["digesttwosentence", "linkback", "summaryonly"],
        ),
        (
            "print",
            1080,
            "druck-morgen",
            t[0],
            [print_cut(paras)],
            False,
            ["printcutthird", "dawnedition"],
        ),
    ]
    if story["lang"] == "es":  # the big language stays under 15 % of the entries
        versions = [v for v in versions if v[0] not in ("regional", "partner")]
    return versions


def other_versions(story: dict, paras: list[str], phrases: dict, turn: int) -> list[tuple]:
    """An English or side report, a rival report or a designed negative: its own entry and 1-3 carrier copies."""
    title = story["title"]
    lede = sentences(paras[0])
    made = {
        "push": ("push", 4, "app-taschenpost", title.upper(), [lede[0]], False, ["pushfirstline", "capspushtitle"]),
        "print": (
            "print",
            1020,
            "druck-morgen",
            title,
            [print_cut(paras)],
            False,
            ["printcutthird", "dawnedition"],
        ),
        "digest": (
            "digest",
            400,
            "brief-morgen",
            "» " + title,
            [" ".join(lede[:2])],
            True,
            ["digesttwosentence", "linkback", "summaryonly"],
        ),
        "partner": (
            "partner",
            140,
            "partner-alpnetz",
            title + " | Alpnetz",
            [paras[0], phrases["see"] + " " + title, *paras[1:]],
            False,
            ["seealsoinsert", "headlinerenewed"],
        ),
    }
    own: tuple = ("own", 0, None, title, paras, False, [])
    if story["kind"] == "english":
        names = ["push", "print"] + (["digest"] if turn % 3 == 0 else [])
    else:
        names = [ROTATION[turn % len(ROTATION)]]
    return [own] + [made[n] for n in names]


def at_of(story: dict, stories: dict[str, dict], day: str) -> datetime:
    if story["at"].startswith("+"):
        hours, minutes = story["at"][1:].split(":")
        return at_of(stories[story["against"]], stories, day) + timedelta(hours=int(hours), minutes=int(minutes))
    return datetime.fromisoformat(f"{day}T{story['at']}:00+00:00")


def body(blocks: list[str], style: str) -> str:
    if style == "none":
        return ""
    if style == "html":
        return "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    return "\n\n".join(blocks)


def entry(source: dict, story: dict, version: tuple, when: datetime, wire_link: str) -> dict:
    name, _, outlet, title, blocks, summary_only, _ = version
    feed = outlet or story["outlet"]
    outlet_name, host, offset, style = source["outlets"][feed]
    key = digest(str(source["seed"]), story["id"], name, feed)
    zone = timezone(timedelta(minutes=offset))
    link = f"https://{host}/{when.year}/{when.month:02d}/{story['id'][4:]}-{key[:8]}"
    if feed == "partner-alpnetz":
        link += "?utm_source=alpnetz&utm_medium=partner"
    plain = " ".join(blocks)
    summary = cut(plain, 220)
    if name == "digest":
        summary = plain + " " + wire_link
    guid = f"tag:{host},2031:{key[:12]}" if outlet is None else f"{feed}-{key[:10]}"
    return {
        "id": "",
        "outlet": outlet_name,
        "feed": feed,
        "title": title,
        "link": link,
        "guid": guid,
        "published": when.astimezone(zone).isoformat(),
        "summary": summary,
        "content": "" if summary_only else body(blocks, style),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> list[dict]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in source["stories"]}
    made: list[tuple[datetime, int, dict, list[str]]] = []
    turn = 0
    for story in source["stories"]:
        paras = resolve(story, stories)
        phrases = source["phrases"][story["lang"]]
        start = at_of(story, stories, source["day"])
        if story["kind"] == "original":
            versions = original_versions(story, paras, phrases)
        else:
            versions = other_versions(story, paras, phrases, turn)
            turn += 1
        wire_link = ""
        for version in versions:
            when = start + timedelta(minutes=version[1])
            row = entry(source, story, version, when, wire_link)
            wire_link = wire_link or row["link"]
            made.append((when, len(made), row, version[6]))
    made.sort(key=lambda m: (m[0], m[1]))
    rows = []
    for n, (_, _, row, words) in enumerate(made, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        rows.append(row)
        RECIPES[row["id"]] = words
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = Counter(s["kind"] for s in source["stories"])
    per_story = Counter(r["story"] for r in rows)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    ev_rows = Counter(r["event"] for r in rows)
    same_event = sum(ev_rows[e] * (ev_rows[e] - 1) // 2 for e in ev_rows) - sum(
        n * (n - 1) // 2 for n in per_story.values()
    )
    negative = {"wiredaytwo", "wiresiblinghour", "explainerlede", "opinioncolumn", "regionotherhappening"}
    neg_pairs = sum(per_story[s["id"]] * per_story[s["against"]] for s in source["stories"] if s["kind"] in negative)
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in RECIPES[r["id"]])
    sizes = Counter(per_story.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(s) > 1 for s in events.values())} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            "entries per story:       " + ", ".join(f"{k}x{v}" for k, v in sorted(sizes.items())),
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {neg_pairs}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {100 * langs['en'] / len(rows):.1f}%, es {100 * langs['es'] / len(rows):.1f}%)",
            "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


if __name__ == "__main__":
    built = build()
    OUT.write_text(dump(built), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(built))
