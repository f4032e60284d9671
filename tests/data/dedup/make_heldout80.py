"""Build held-out v80 (`heldout80.jsonl`) from `heldout80_source.yaml`: byte-for-byte reproducible.

Each story is emitted at its origin desk, then as copies at carriers of its language (seeded order), each copy
re-shaped by 2 of its carrier's 3 style words. A story with `fix` is re-issued corrected by its desk (same story).
Standalone: stdlib + PyYAML, nothing from `monitor`.

    python tests/data/dedup/make_heldout80.py          # rewrites heldout80.jsonl
    python tests/data/dedup/make_heldout80.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout80_source.yaml"
OUT = HERE / "heldout80.jsonl"
PREFIX = "qb"
SUMMARY_CUT = {"none": 150, "html": 220, "plain": 220}
NEGATIVE = {"wardpacttwin", "signingpreview", "pactweekroundup", "pactopinion"}


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def english_figures(value: str) -> str:
    """English desks write 18.4 and 4,300 where the others write 18,4 and 4 300."""
    return value.replace(",", ".").replace(" ", ",")


def resolve(src: dict, s: dict) -> dict:
    """A story with its title, alt headline, paragraphs and event, filled from its template when it has one."""
    if "template" not in s:
        return {**s, "paras": s["text"].strip().split("\n\n")}
    t = src["templates"][s["template"]]
    facts = {**src["signings"][s["signing"]], **s.get("vars", {})}
    facts["weekday"] = src["weekdays"][s["lang"]][facts["day"]]
    if s["lang"] == "en":
        facts = {k: english_figures(v) if k in ("sum", "homes") else v for k, v in facts.items()}
    fill = {k: t[k].format(**facts) for k in ("title", "alt", "text")}
    assert s["event"] == f"ev80-sign-{s['signing']}", s["id"]  # one event per signing, whichever desk reports it
    return {**s, **fill, "paras": fill["text"].strip().split("\n\n")}


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    end = text.find(" ", limit)
    return text if end < 0 else text[:end] + " …"


def body(paras: list[str], mode: str) -> str:
    if mode == "html":
        return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    return "\n\n".join(paras)


def shape(story: dict, words: tuple[str, ...], byline: str) -> tuple[str, list[str]]:
    """Apply the recipe words in the source's order: the headline and the paragraphs a carrier prints."""
    title, paras = story["title"], list(story["paras"])
    if "headnew" in words:
        title = story["alt"]
    if "namestrap" in words:
        paras = [byline, *paras]
    if "paraglue" in words:
        at = 1 if "namestrap" in words else 0
        paras[at : at + 2] = [paras[at] + " " + paras[at + 1]]
    if "enddrop" in words:
        paras = paras[:-1]
    return title, paras


def entry(outlet: list, story: dict, title: str, paras: list[str], when: datetime, link: str, guid: str) -> dict:
    feed, name, _host, offset, mode = outlet[:5]
    summary = cut(" ".join(paras) if mode == "none" else paras[0], SUMMARY_CUT[mode])
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": link,
        "guid": guid,
        "published": local.isoformat(),
        "summary": summary,
        "content": "" if mode == "none" else body(paras, mode),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o[0]: o for o in src["outlets"]}
    order = src["words"]
    rows: list[tuple[datetime, str, str, dict]] = []
    for raw in src["stories"]:
        s = resolve(src, raw)
        assert len(s["paras"]) == 3, s["id"]
        at = datetime.fromisoformat(s["at"].replace("Z", "+00:00"))
        desk = outlets[s["outlet"]]
        slug = s["id"].removeprefix("s-")
        link = f"https://{desk[2]}/2031/09/{slug}"
        guid = f"tag:{desk[2]},2031:{slug}"
        rows.append((at, s["id"], desk[0], entry(desk, s, s["title"], s["paras"], at, link, guid)))
        if "fix" in s:
            fix = s["fix"]
            title, text = s["title"], s["text"]
            for old, new in fix["set"]:
                assert old in title + text, (s["id"], old)
                title, text = title.replace(old, new), text.replace(old, new)
            paras = [*text.strip().split("\n\n"), fix["note"]]
            when = at + timedelta(minutes=fix["after"])
            rows.append(
                (when, s["id"], desk[0] + "~fix", entry(desk, s, title, paras, when, link + "?v=2", guid + ":v2"))
            )
        carriers = sorted(
            (o for o in src["outlets"] if s["lang"] in o[5]), key=lambda o: digest(src["seed"], s["id"], o[0])
        )
        n = s.get("copies", src["copies"][s["kind"]])
        assert len(carriers) >= n, s["id"]
        for i, c in enumerate(carriers[:n]):
            combos = list(itertools.combinations(sorted(c[6], key=order.index), 2))
            words = random.Random(digest(src["seed"], s["id"], c[0])).choice(combos)
            title, paras = shape(s, words, c[7])
            assert mode_changes(c[4], (title, paras), (s["title"], s["paras"])), (s["id"], c[0])
            h = digest(s["id"], c[0])[:10]
            link = f"https://{c[2]}/n/{h}"
            if "tracklink" in words:
                link += f"?utm_source={c[0]}&utm_medium=feed&utm_campaign=mpu"
            when = at + timedelta(minutes=12 + int(h, 16) % 380 + 7 * i)
            made = entry(c, s, title, paras, when, link, f"{c[0]}-{h}")
            made["_words"] = words
            rows.append((when, s["id"], c[0], made))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = []
    for n, (_when, _sid, _feed, row) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        out.append(row)
    return out


def mode_changes(mode: str, made: tuple[str, list[str]], original: tuple[str, list[str]]) -> bool:
    """A copy must change the headline or the body it prints (a summary-only carrier prints no body)."""
    return mode == "none" or made != original


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> None:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev[r["event"]].add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    ev_entries = Counter(r["event"] for r in rows)
    same_event = sum(n * (n - 1) // 2 for n in ev_entries.values()) - sum(n * (n - 1) // 2 for n in per_story.values())
    negative = 0
    for s in stories.values():
        if s["kind"] in NEGATIVE:
            for other in s.get("quotes", [s.get("against")]):
                negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r.get("_words", ()))
    words["correction"] = sum(r["guid"].endswith(":v2") for r in rows)
    sizes = Counter(per_story.values())
    print(f"entries:                 {len(rows)}")
    print(f"stories:                 {len(per_story)}")
    print(f"events:                  {len(ev)} ({sum(len(v) > 1 for v in ev.values())} with several stories)")
    print(f"copies:                  {len(copies)} ({changed} change the title or body)")
    print(f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}")
    print(f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}")
    print(f"same-event other-story:  {same_event}")
    print(f"designed negative pairs: {negative}")
    print(f"summary-only entries:    {sum(r['content'] == '' for r in rows)}")
    share = 100 * langs["en"] / len(rows)
    print(f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}  (en {share:.1f}%)")
    kinds = Counter(s["kind"] for s in stories.values())
    print(f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}")
    print(f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}")


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        stats(rows)


if __name__ == "__main__":
    main()
