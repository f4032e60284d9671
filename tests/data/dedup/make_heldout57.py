"""Build held-out v57 (`heldout57.jsonl`) from `heldout57_source.yaml`: event clusters of full articles.

Every story is emitted at its origin desk, then copied by carriers of its language. A copy's recipe is
the first (seeded) 2- or 3-word combination of the carrier's 3 style words in which no word is hidden
(dropping it leaves title, summary and body the same) and the title or body differs from the original.
Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible; imports nothing from `monitor`.

    python tests/data/dedup/make_heldout57.py          # rewrites heldout57.jsonl
    python tests/data/dedup/make_heldout57.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout57_source.yaml"
OUT = HERE / "heldout57.jsonl"
PREFIX = "pb"
SAME_EVENT = {"original", "independent", "english", "side"}
UTM = {"nuvyra", "rayanu-net", "morning-rail", "lusoagrega"}
QUOTED = re.compile(r'"([^"]*)"')


def digest(*parts: object) -> str:
    return hashlib.sha256(":".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    src["outlets"] = {
        o[0]: {"feed": o[0], "name": o[1], "host": o[2], "offset": o[3], "body": o[4], "langs": o[5], "style": o[6]}
        for o in src["outlets"]
    }
    by_id = {s["id"]: s for s in src["stories"]}
    for s in src["stories"]:
        if "derive" in s:
            text = by_id[s["derive"]]["text"]
            for old, new in s["set"]:
                if old not in text:
                    raise SystemExit(f"{s['id']}: phrase not found: {old!r}")
                text = text.replace(old, new)
            s["text"] = text
        s["paras"] = [p.strip() for p in s["text"].strip().split("\n\n")]
    return src


def first_sentence(text: str) -> str:
    match = re.search(r"[.!?](?=\s)", text[40:])
    return text if match is None else text[: 40 + match.start() + 1]


def apply(src: dict, story: dict, recipe: tuple[str, ...]) -> tuple[str, list[tuple[str, str]]]:
    lang = story["lang"]
    title = story["title"]
    blocks = [("p", p) for p in story["paras"]]
    for word in recipe:
        if word == "titlecasewords":
            title = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
        elif word == "emojiheading":
            title = "📰 " + title
        elif word == "keypointlead":
            blocks.insert(0, ("x", f"{src['phrases']['keypointlead'][lang]} {first_sentence(story['paras'][0])}"))
        elif word == "ledeskip":
            first = next(i for i, b in enumerate(blocks) if b[0] == "p")
            del blocks[first]
        elif word == "numberedparas":
            n = itertools.count(1)
            blocks = [(k, f"{next(n)}. {t}") if k == "p" else (k, t) for k, t in blocks]
        elif word == "paraswaptail":
            idx = [i for i, b in enumerate(blocks) if b[0] == "p"]
            a, b = idx[-2], idx[-1]
            blocks[a], blocks[b] = blocks[b], blocks[a]
        elif word == "quotecurl":
            left, right = src["phrases"]["quotes"][lang]
            curled = f"{left}\\1{right}"
            blocks = [(k, QUOTED.sub(curled, t)) for k, t in blocks]
        elif word == "viasourceline":
            origin = src["outlets"][story["outlet"]]["name"]
            blocks.append(("x", f"{src['phrases']['viasourceline'][lang]} {origin}"))
        elif word == "signoffmark":
            blocks.append(("x", src["phrases"]["signoffmark"][lang]))
        else:
            raise SystemExit(f"unknown word {word}")
    return title, blocks


def render(outlet: dict, title: str, blocks: list[tuple[str, str]]) -> tuple[str, str, str]:
    texts = [t for _, t in blocks]
    run = " ".join(texts)
    limit = 150 if outlet["body"] == "none" else 220
    if len(run) > limit:
        cut = run.find(" ", limit)
        if cut != -1:
            run = run[:cut] + " …"
    if outlet["body"] == "html":
        content = "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in texts)
    elif outlet["body"] == "plain":
        content = "\n\n".join(texts)
    else:
        content = ""
    return title, run, content


def entry(src: dict, story: dict, outlet: dict, at: datetime, recipe: tuple[str, ...]) -> dict:
    title, summary, content = render(outlet, *apply(src, story, recipe))
    h = digest(src["seed"], outlet["feed"], story["id"])
    local = at.astimezone(timezone(timedelta(minutes=outlet["offset"])))
    if recipe or outlet["langs"]:
        link = f"https://{outlet['host']}/n/{h[:12]}"
        if outlet["feed"] in UTM:
            link += f"?utm_source=rss&utm_medium=feed&utm_campaign={outlet['feed']}"
        guid = f"{outlet['feed']}-{h[12:24]}"
    else:
        link = f"https://{outlet['host']}/{local:%Y/%m/%d}/{h[:10]}"
        guid = f"tag:{outlet['host']},{local:%Y}:{h[:12]}"
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": link,
        "guid": guid,
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_at": at,
        "_recipe": recipe,
    }


def visible(e: dict) -> tuple[str, str, str]:
    return e["title"], e["summary"], e["content"]


def copies_of(src: dict, story: dict, origin: dict) -> list[dict]:
    kind = story["kind"]
    want = src["copies"].get(kind, src["copies"]["negative"])
    carriers = [o for o in src["outlets"].values() if story["lang"] in o["langs"] and o["feed"] != story["outlet"]]
    carriers.sort(key=lambda o: digest(src["seed"], story["id"], o["feed"]))
    rng = random.Random(digest(src["seed"], "delays", story["id"]))
    order = {w: i for i, w in enumerate(src["words"])}
    made = []
    for outlet in carriers:
        if len(made) == want:
            break
        style = sorted(outlet["style"], key=order.__getitem__)
        combos = [c for n in (2, 3) for c in itertools.combinations(style, n)]
        random.Random(digest(src["seed"], "recipe", story["id"], outlet["feed"])).shuffle(combos)
        at = origin["_at"] + timedelta(minutes=12 + rng.randint(0, 400))
        for combo in combos:
            e = entry(src, story, outlet, at, combo)
            if (e["title"], e["content"]) == (origin["title"], origin["content"]):
                continue
            if any(
                visible(entry(src, story, outlet, at, tuple(w for w in combo if w != d))) == visible(e) for d in combo
            ):
                continue
            made.append(e)
            break
    if len(made) < want:
        raise SystemExit(f"{story['id']}: only {len(made)} copies")
    return made


def build() -> list[dict]:
    src = load()
    rows = []
    for n, story in enumerate(src["stories"]):
        at = datetime.fromisoformat(story["at"].replace("Z", "+00:00"))
        origin = entry(src, story, src["outlets"][story["outlet"]], at, ())
        group = [origin, *copies_of(src, story, origin)]
        rows += [(e["_at"], n, i, e) for i, e in enumerate(group)]
    rows.sort(key=lambda t: t[:3])
    out = []
    for k, (_, _, _, e) in enumerate(rows, 1):
        e["id"] = f"{PREFIX}{k:03d}"
        out.append(e)
    return out


def dump(rows: list[dict]) -> str:
    return "".join(
        json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n" for r in rows
    )


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = {s["id"]: s["kind"] for s in src["stories"]}
    against = {s["id"]: s.get("against") for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
    first = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    pairs = sum(n * (n - 1) // 2 for n in per_story.values())
    same_event = 0
    for stories in ev_stories.values():
        sizes = [per_story[s] for s in stories]
        same_event += (sum(sizes) ** 2 - sum(x * x for x in sizes)) // 2
    designed = sum(per_story[s] * per_story[against[s]] for s in per_story if kinds[s] not in SAME_EVENT)
    langs = Counter(r["lang"] for r in rows)
    multi = sum(len(s) > 1 for s in ev_stories.values())
    words = Counter(w for r in rows for w in r["_recipe"])
    shape = Counter(per_story.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(ev_stories)} ({multi} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {pairs}",
            f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(shape.items()))}",
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {designed}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {100 * langs['en'] // len(rows)}%)",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(Counter(kinds.values()).items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
