"""Build held-out dedup set v83 (`heldout83.jsonl`) from `heldout83_source.yaml`.

A story's life through one day: a desk files a flash, a write-through, an update with a new top paragraph (or a
correction fixing one figure), and carriers pick up whichever version they saw, each in its own habits. Hard
negatives: a second fire later that day, the desk's explainer, its template twin two days on.

Standalone (stdlib + PyYAML), byte-for-byte reproducible: every choice comes from a SHA-256 of the seed and names.

    python tests/data/dedup/make_heldout83.py          # rewrites heldout83.jsonl
    python tests/data/dedup/make_heldout83.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout83_source.yaml"
OUT = HERE / "heldout83.jsonl"
PREFIX = "qe"
SUMMARY_CUT = 220
TICKER_CUT = 150
# Minutes after the desk's first entry (local `at`) at which each part of a situation is filed.
PART_AT = {"a": 0, "side": 120, "explain": 420, "b": 600, "report": 360, "report2": 660}
TWIN_DAYS = 2
DATELINE_MAX = 60


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    carries: tuple[str, ...]
    words: tuple[str, ...]
    byline: str


@dataclass(frozen=True)
class Version:
    """One published form of a story: its headline, its paragraphs, its alternative headline and link tag."""

    tag: str
    title: str
    alt: str
    paras: tuple[str, ...]
    dateline: str


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def fill(template: str, facts: dict[str, str]) -> str:
    return template.format(**facts)


def facts_of(situation: dict, lang: dict, twin: bool = False) -> dict[str, str]:
    facts = {k: str(v) for k, v in situation["facts"].items()}
    if twin:
        facts.update({k: str(v) for k, v in situation["twin"].items()})
        facts["area"] = facts["area_bad"]  # the twin is one version only: no correction to make
    facts["TOWN"] = facts["town"].upper()
    facts["TOWN2"] = facts.get("town2", "").upper()
    own = lang is LANGS[situation["lang"]]  # another desk's report of the happening writes its own dateline
    facts["dateline"] = fill(lang["dateline"], facts) if own else ""
    return facts


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def versions_of(story: dict, situation: dict, lang: dict) -> list[Version]:
    """The versions the story's desk publishes, in order (the A story has three, every other story one)."""
    part = story["part"]
    if part in ("a", "twin"):
        facts = facts_of(situation, lang, twin=part == "twin")
        bad = {**facts, "area": facts["area_bad"]}
        flash, b1, b2, up = (fill(lang[k], bad) for k in ("flash", "body1", "body2", "update"))
        alt = fill(lang["t_alt"], facts)
        write = Version("write", fill(lang["t_write"], facts), alt, (flash, b1, b2), facts["dateline"])
        if part == "twin":
            return [write]
        update = Version("update", fill(lang["t_update"], facts), alt, (up, flash, b1, b2), facts["dateline"])
        if situation["fix"]:
            fixed = (fill(lang["update"], facts), flash, b1, fill(lang["body2"], facts), fill(lang["note"], facts))
            return [write, update, Version("fix", update.title, alt, fixed, facts["dateline"])]
        return [Version("flash", fill(lang["t_flash"], facts), alt, (flash,), facts["dateline"]), write, update]
    facts = facts_of(situation, lang)
    key = {"b": "second", "explain": "explain"}.get(part, part)
    paras = paragraphs(fill(lang[key], facts))
    return [
        Version(
            part, fill(lang["t_" + key], facts), fill(lang["t_" + key + "_alt"], facts), paras, dateline_of(paras[0])
        )
    ]


def dateline_of(opening: str) -> str:
    """A dateline is the opening's head up to its first dash (`PLACE, date (Agency) –`), when short."""
    ends = [i for i in (opening.find(" – "), opening.find(" - ")) if 0 < i < DATELINE_MAX]
    return opening[: min(ends) + 2] if ends else ""


def copied_versions(story: dict, situation: dict, versions: list[Version]) -> list[Version]:
    """Which version each carrier saw: an early one and the latest before any correction (a carrier copy of the
    uncorrected update keeps the wrong figure)."""
    if story["part"] != "a":
        return [versions[0]] * story["copies"]
    early = versions[0] if digest(SEED, story["id"], "early")[0] < "8" or situation["fix"] else versions[1]
    return [early, versions[1] if situation["fix"] else versions[2]]


def local_start(situation: dict, desk: Outlet, twin: bool) -> datetime:
    day = datetime.fromisoformat(f"{situation['day']}T{situation['at']}:00")
    if twin:
        day += timedelta(days=TWIN_DAYS)
    return day.replace(tzinfo=timezone(timedelta(minutes=desk.offset)))


def filed_at(story: dict, situation: dict, desk: Outlet, home: Outlet) -> datetime:
    """When the desk files the story: a live post at the clock time it prints, the rest after the first entry."""
    start = local_start(situation, home, story["part"] == "twin")
    if story["part"] in ("live1", "live2"):
        hh, mm = situation["facts"][story["part"]].replace(".", ":").split(":")
        return start.replace(hour=int(hh), minute=int(mm))
    shift = PART_AT.get(story["part"], 0) + (45 if story["lang"] == "ar" else 0)
    return start.astimezone(timezone(timedelta(minutes=desk.offset))) + timedelta(minutes=shift)


def render(paras: tuple[str, ...], body: str) -> str:
    if body == "html":
        return "\n".join(f"<p>{p}</p>" for p in paras)
    return "\n\n".join(paras)


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    end = text.find(" ", limit)
    return text if end < 0 else text[:end] + " …"


def summary_of(paras: tuple[str, ...], outlet: Outlet) -> str:
    if outlet.body == "none":
        return cut(" ".join(paras), TICKER_CUT)
    return cut(paras[0], SUMMARY_CUT)


def applicable(word: str, version: Version) -> bool:
    if word == "dropdate":
        return bool(version.dateline) and version.paras[0].startswith(version.dateline)
    if word == "lastcut":
        return len(version.paras) >= 2
    return True


def recipe(story: dict, carrier: Outlet, version: Version, n: int) -> list[str]:
    """A seeded pair of the carrier's style words that change something (tracking alone changes no text)."""
    usable = [w for w in carrier.words if applicable(w, version)]
    usable.sort(key=lambda w: digest(SEED, story["id"], carrier.feed, n, w))
    pair = usable[:2]
    if pair == ["utmlink"] or not pair:
        pair = ["hedswap", "utmlink"]
    return sorted(pair, key=WORDS.index)


def transform(version: Version, words: list[str], carrier: Outlet) -> tuple[str, tuple[str, ...]]:
    title, paras = version.title, list(version.paras)
    if "hedswap" in words:
        title = version.alt
    if "dropdate" in words:
        paras[0] = paras[0][len(version.dateline) :].strip()
    if "lastcut" in words:
        paras = paras[:-1]
    if "bylinein" in words and carrier.byline:
        paras = [carrier.byline, *paras]
    return title, tuple(paras)


def desk_link(desk: Outlet, story: dict, version: Version, first: Version) -> tuple[str, str]:
    """A desk re-files a story at the same address (a version query) or, for an update, at a new one."""
    slug = story["id"].removeprefix("s83-")
    base = f"https://{desk.host}/2037/03/{slug}-{digest(SEED, slug)[:5]}"
    guid = f"tag:{desk.host},2037:{slug}"
    if version is first:
        return base, guid
    if version.tag == "update":
        return f"https://{desk.host}/2037/03/{slug}-update-{digest(SEED, slug, 'u')[:5]}", f"{guid}:update"
    return f"{base}?v={version.tag}", f"{guid}:{version.tag}"


def carriers_of(story: dict) -> list[Outlet]:
    pool = [o for o in OUTLETS.values() if story["lang"] in o.carries]
    pool.sort(key=lambda o: digest(SEED, story["id"], o.feed))
    if len(pool) < story["copies"]:
        raise SystemExit(f"{story['id']}: {len(pool)} carriers for {story['copies']} copies")
    return pool[: story["copies"]]


def row(
    outlet: Outlet,
    story: dict,
    when: datetime,
    title: str,
    paras: tuple[str, ...],
    link: str,
    guid: str,
    kinds: tuple[str, ...],
) -> dict:
    return {
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": link,
        "guid": guid,
        "published": when.astimezone(timezone(timedelta(minutes=outlet.offset))).isoformat(),
        "summary": summary_of(tuple(p for p in paras if p != outlet.byline) or paras, outlet),
        "content": "" if outlet.body == "none" else render(paras, outlet.body),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_kinds": kinds,
    }


def story_rows(story: dict) -> list[dict]:
    situation = SITUATIONS[story["situation"]]
    lang = LANGS[story["lang"]]
    desk, home = OUTLETS[story["outlet"]], OUTLETS[situation["desk"]]
    versions = versions_of(story, situation, lang)
    start = filed_at(story, situation, desk, home)
    version_at = {"flash": 0, "write": 0 if situation["fix"] else 40, "update": 190, "fix": 310}
    rows = []
    own = versions
    for v in own:
        when = start + timedelta(minutes=version_at.get(v.tag, 0) if story["part"] == "a" else 0)
        link, guid = desk_link(desk, story, v, own[0])
        kind = ("correction",) if v.tag == "fix" else ("version",) if v is not own[0] else ()
        rows.append(row(desk, story, when, v.title, v.paras, link, guid, kind))
    seen = {v.tag: r for v, r in zip(own, rows, strict=True)}
    for n, (carrier, v) in enumerate(zip(carriers_of(story), copied_versions(story, situation, versions), strict=True)):
        words = recipe(story, carrier, v, n)
        title, paras = transform(v, words, carrier)
        after = seen[v.tag]["published"] if v.tag in seen else rows[-1]["published"]
        lag = 12 + int(digest(SEED, story["id"], carrier.feed, "lag"), 16) % 150
        when = datetime.fromisoformat(after) + timedelta(minutes=lag)
        h = digest(SEED, story["id"], carrier.feed, v.tag)
        link = f"https://{carrier.host}/n/{h[:10]}"
        if "utmlink" in words:
            link += f"?utm_source={desk.feed}&utm_medium=syndication&utm_campaign=v{h[10:14]}"
        made = row(carrier, story, when, title, paras, link, f"{carrier.feed}-{h[14:26]}", tuple(words))
        if (made["title"], made["content"]) == (v.title, render(v.paras, carrier.body)) and made["content"]:
            raise SystemExit(f"{story['id']}: a copy at {carrier.feed} changes neither title nor body")
        rows.append(made)
    return rows


def build() -> list[dict]:
    rows = [r for story in STORIES for r in story_rows(story)]
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["guid"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    ev_of = {r["story"]: r["event"] for r in rows}
    same_event = sum(
        per_story[a] * per_story[b] for a in per_story for b in per_story if a < b and ev_of[a] == ev_of[b]
    )
    by_id = {s["id"]: s for s in STORIES}
    negative = sum(
        per_story[s["id"]] * per_story[s["against"]]
        for s in STORIES
        if s["kind"] in ("laterblaze", "qaexplain", "blazetwin")
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_kinds"])
    sizes = Counter(per_story.values())
    kinds = Counter(by_id[s]["kind"] for s in per_story)
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {100 * langs['en'] / len(rows):.1f}%)",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


_SOURCE = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
SEED = _SOURCE["seed"]
WORDS: list[str] = _SOURCE["words"]
OUTLETS = {o[0]: Outlet(o[0], o[1], o[2], o[3], o[4], tuple(o[5]), tuple(o[6]), o[7]) for o in _SOURCE["outlets"]}
LANGS: dict[str, dict] = _SOURCE["langs"]
SITUATIONS = {s["id"]: s for s in _SOURCE["situations"]}
STORIES: list[dict] = _SOURCE["stories"]


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
