"""Build held-out v73 (`heldout73.jsonl`): long articles reshaped by carriers that change the text's shape.

Standalone (stdlib + PyYAML; nothing from `monitor`), seeded and byte-for-byte reproducible. Every story is
emitted at its origin desk, then copied by carriers of its language; a copy's recipe is one of the carrier's
shape words with one or two of its light words. `--stats` also prints the counts.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout73_source.yaml"
TARGET = HERE / "heldout73.jsonl"
PREFIX = "pt"
SHAPES = ("keypointsbox", "livepostsreverse", "slidedeckexport", "qandaparas", "epapercolumns", "forumquoteposts")
NEGATIVE = ("deskformshift", "morrowrevised", "roundupthreecite")
COLUMN = 36  # characters per line of an e-paper column


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...]
    ui: str
    words: tuple[str, ...]


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def first_sentence(para: str) -> str:
    match = re.search(r"(?<=[.!?»])\s", para)
    return para[: match.start()] if match else para


def resolve(stories: list[dict]) -> list[dict]:
    """Derived negatives take their base's text with every `set` phrase replaced (each must occur);
    a round-up quotes the first paragraph of each story it `quotes` between its own intro and outro."""
    by_id = {s["id"]: s for s in stories}
    for s in stories:
        if "derive" in s:
            text = by_id[s["derive"]]["text"]
            for old, new in s["set"]:
                if old not in text:
                    raise SystemExit(f"{s['id']}: phrase missing: {old}")
                text = text.replace(old, new)
            s["text"] = text
        if "quotes" in s:
            quoted = [paragraphs(by_id[q]["text"])[0] for q in s["quotes"]]
            s["text"] = "\n\n".join([s["intro"].strip(), *quoted, s["outro"].strip()])
    return stories


def wrap_column(para: str) -> list[str]:
    """An e-paper column: lines of COLUMN characters, a long word split with a hyphen where the line ends."""
    lines, line = [], ""
    for word in para.split():
        while True:
            room = COLUMN - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            if room >= 4 and len(word) >= 8:
                cut = room - 1
                lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
                word, line = word[cut:], ""
                continue
            lines.append(line)
            line = ""
    return [*lines, line] if line else lines


def shape(word: str, paras: list[str], ph: dict, at: datetime, key: str) -> list[str]:
    """The article's paragraphs as one carrier's shape prints them (blocks; a block may hold line breaks)."""
    n = len(paras)
    if word == "keypointsbox":
        box = "\n".join("• " + first_sentence(p) for p in paras[:4])
        return [ph["box"], box, *paras]
    if word == "livepostsreverse":
        stamps = [
            (at - timedelta(minutes=9 * (n - 1 - i))).strftime("%H:%M") for i in range(n)
        ]  # newest post last stamped at the page time
        return [f"{stamps[i]} · {paras[i]}" for i in reversed(range(n))]
    if word == "slidedeckexport":
        return [ph["slide"].format(k=i + 1, n=n) + p for i, p in enumerate(paras)]
    if word == "qandaparas":
        qs = ph["questions"]
        return [f"{ph['question']}{qs[i % len(qs)]}\n{ph['answer']}{p}" for i, p in enumerate(paras)]
    if word == "epapercolumns":
        half = (n + 1) // 2
        blocks = ["\n".join(wrap_column(p)) for p in paras]
        return [*blocks[:half], ph["jumpout"], ph["jumpin"], *blocks[half:]]
    if word == "forumquoteposts":
        poster = "user" + digest(key)[:5]
        comment = ph["comments"][int(digest(key, "c"), 16) % len(ph["comments"])]
        return [f"{poster} {ph['posted']}", *("> " + p for p in paras), comment]
    raise ValueError(word)


def render(blocks: list[str], body: str) -> str:
    if body == "html":
        return "".join("<p>" + html.escape(b, quote=False).replace("\n", "<br>") + "</p>" for b in blocks)
    return "\n\n".join(blocks)


def cut(blocks: list[str], limit: int) -> str:
    text = " ".join(" ".join(blocks).split())
    if len(text) <= limit:
        return text
    end = text.find(" ", limit)
    return text if end < 0 else text[:end] + " …"


def recipe(outlet: Outlet, story: str, seed: int) -> tuple[str, ...]:
    """The shape word and one or two light words, chosen by seed; summary-only carriers print no footer."""
    shape_word, *light = outlet.words
    if outlet.body == "none":
        light = [w for w in light if w != "sourcefooter"]
    combos = [c for k in (1, 2) for c in combinations(light, k)]
    rng = random.Random(digest(seed, story, outlet.feed))
    return (shape_word, *rng.choice(combos))


def entry(story: dict, outlet: Outlet, at: datetime, words: tuple[str, ...], src: dict, origin: Outlet) -> dict:
    ph = src["phrases"][outlet.ui]
    paras = paragraphs(story["text"])
    title = story["title"]
    blocks = paras
    for word in [w for w in src["words"] if w in words]:
        if word == "titleupper":
            title = title.upper()
        elif word == "kickerlozenge":
            title = "⬥ " + title
        elif word == "sourcefooter":
            blocks = [*blocks, ph["footer"].format(origin=origin.name)]
        else:
            blocks = shape(word, blocks, ph, at.astimezone(timezone(timedelta(minutes=outlet.offset))), story["id"])
    key = digest(src["seed"], story["id"], outlet.feed)
    local = at.astimezone(timezone(timedelta(minutes=outlet.offset)))
    if words:
        link = f"https://{outlet.host}/n/{key[:10]}"
        if int(key[10:12], 16) % 3 == 0:
            link += "?utm_source=feed&utm_medium=rss"
        guid = f"{outlet.feed}-{key[12:24]}"
    else:
        link = f"https://{outlet.host}/{local:%Y/%m}/{story['id']}-{key[:6]}"
        guid = f"tag:{outlet.host},2032:{story['id']}"
    summary_only = outlet.body == "none"
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": link,
        "guid": guid,
        "published": local.isoformat(),
        "summary": cut(blocks if words else blocks[:1], 150 if summary_only else 220),
        "content": "" if summary_only else render(blocks, outlet.body),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_words": ",".join(words),
        "_kind": story["kind"],
        "_at": at,
    }


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o[0]: Outlet(o[0], o[1], o[2], o[3], o[4], tuple(o[5]), o[6], tuple(o[7])) for o in src["outlets"]}
    rows = []
    for story in resolve(src["stories"]):
        origin = outlets[story["outlet"]]
        at = datetime.fromisoformat(str(story["at"]).replace("Z", "+00:00"))
        rows.append(entry(story, origin, at, (), src, origin))
        carriers = sorted(
            (o for o in outlets.values() if story["lang"] in o.langs),
            key=lambda o: digest(src["seed"], story["id"], o.feed),
        )
        want = story.get("copies", src["copies"][story["kind"]])
        if len(carriers) < want:
            raise SystemExit(f"{story['id']}: {len(carriers)} carriers for {want} copies")
        for outlet in carriers[:want]:
            rng = random.Random(digest(src["seed"], story["id"], outlet.feed, "t"))
            when = at + timedelta(minutes=rng.randint(12, 412))
            rows.append(entry(story, outlet, when, recipe(outlet, story["id"], src["seed"]), src, origin))
    rows.sort(key=lambda r: (r["_at"], r["guid"]))
    for n, row in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in public)


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    story_event = {r["story"]: r["event"] for r in rows}
    kinds = {r["story"]: r["_kind"] for r in rows}
    ev = Counter(story_event.values())
    langs = Counter(r["lang"] for r in rows)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    negative_pairs = 0
    for s in src["stories"]:
        if s["kind"] in NEGATIVE:
            for other in s.get("quotes", [s.get("against")]):
                negative_pairs += per_story[s["id"]] * per_story[other]
    stories = list(per_story)
    same_event = sum(
        per_story[a] * per_story[b]
        for i, a in enumerate(stories)
        for b in stories[i + 1 :]
        if story_event[a] == story_event[b]
    )
    words = Counter(w for r in copies for w in r["_words"].split(","))
    sizes = Counter(per_story.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(ev)} ({sum(n > 1 for n in ev.values())} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            "entries per story:       " + ", ".join(f"{k}x{v}" for k, v in sorted(sizes.items())),
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {negative_pairs}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {100 * langs['en'] // len(rows)}%)",
            "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(kinds.values()).items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
