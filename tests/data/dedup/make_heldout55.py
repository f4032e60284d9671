"""Build heldout55.jsonl (held-out v55: event clusters of full articles) from heldout55_source.yaml.

Standalone and seeded: the same source gives the same file byte for byte. Imports nothing from `monitor`.

    python tests/data/dedup/make_heldout55.py          # rewrites heldout55.jsonl
    python tests/data/dedup/make_heldout55.py --stats  # the same, and prints the counts
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
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout55_source.yaml"
TARGET = HERE / "heldout55.jsonl"
PREFIX = "oy"
DESIGNED = ("weeklatersecond", "neighbourtownsameday", "anniversaryrecall", "marketfigurecite", "personotherbeat")
QUOTED = re.compile(r"\"([^\"]{12,})\"|“([^”]{12,})”")


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def story_text(story: dict, by_id: dict[str, dict]) -> str:
    """A story's text; a derived one is its base with each `set` phrase replaced (a missing phrase fails)."""
    if "derive" not in story:
        return story["text"].strip()
    text = story_text(by_id[story["derive"]], by_id)
    for old, new in story["set"]:
        if old not in text:
            raise SystemExit(f"{story['id']}: phrase not in base: {old[:60]!r}")
        text = text.replace(old, new)
    return text


def place_of(lede: str, lang: str) -> str:
    head = lede.split(" — ", 1)[0].split(",", 1)[0]
    rest = head[1:]
    if lang == "tr":
        rest = rest.replace("İ", "i").replace("I", "ı")
    return head[0] + rest.lower()


class Copy:
    """A report as blocks: ("art", text) for the article's paragraphs, ("extra", text) for added lines."""

    def __init__(self, title: str, paras: list[str]) -> None:
        self.title = title
        self.blocks = [["art", p] for p in paras]
        self.bold = False

    def art_indexes(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if b[0] == "art"]


def apply(word: str, c: Copy, story: dict, lang: str, phrases: dict, origin_name: str) -> None:
    arts = c.art_indexes()
    if word == "kickerline":
        c.title = f"{phrases['kicker'][lang]} {c.title}"
    elif word == "headlinecaps":
        c.title = (c.title.replace("i", "İ") if lang == "tr" else c.title).upper()
    elif word == "readtimehead":
        words = sum(len(b[1].split()) for b in c.blocks)
        c.blocks.insert(0, ["extra", phrases["readtime"][lang].format(n=max(1, round(words / 200)))])
    elif word == "datelinedrop":
        lede = c.blocks[arts[0]]
        if " — " in lede[1]:
            rest = lede[1].split(" — ", 1)[1]
            lede[1] = rest[0].upper() + rest[1:]
    elif word == "pullquotebox":
        for i in arts[1:]:
            m = QUOTED.search(c.blocks[i][1])
            if m:
                quote = (m.group(1) or m.group(2)).strip().rstrip(",")
                c.blocks.insert(arts[min(2, len(arts) - 1)], ["extra", f"◆ {quote}"])
                return
    elif word == "halvesglue":
        if len(arts) > 2:
            texts = [c.blocks[i][1] for i in arts]
            half = (len(texts) + 1) // 2
            glued = [["art", " ".join(texts[:half])], ["art", " ".join(texts[half:])]]
            first = arts[0]
            kept = [b for i, b in enumerate(c.blocks) if i not in arts]
            before = [b for i, b in enumerate(c.blocks) if i < first and i not in arts]
            c.blocks = before + glued + kept[len(before) :]
    elif word == "tagtrailer":
        place = place_of(story["_paras"][0], lang)
        c.blocks.append(["extra", f"{phrases['tags'][lang]} {place}, {origin_name}"])
    elif word == "sharebarfoot":
        c.blocks.append(["extra", phrases["share"][lang]])
    elif word == "ledebolded":
        c.bold = True
    else:
        raise SystemExit(f"unknown word {word}")


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    space = text.find(" ", limit)
    return text if space < 0 else text[:space] + " …"


def render(c: Copy, body: str) -> tuple[str, str, str]:
    """(title, summary, content) as an outlet with this body style carries the copy."""
    texts = [b[1] for b in c.blocks]
    lede = c.art_indexes()[0]
    summary = " ".join(texts)
    if body == "none":
        return c.title, cut(summary, 150), ""
    if body == "html":
        parts = []
        for i, t in enumerate(texts):
            t = html.escape(t, quote=False)
            parts.append(f"<p><strong>{t}</strong></p>" if c.bold and i == lede else f"<p>{t}</p>")
        content = "".join(parts)
    else:
        content = "\n\n".join(f"**{t}**" if c.bold and i == lede else t for i, t in enumerate(texts))
    return c.title, cut(summary, 220), content


def make_copy(story: dict, lang: str, words: list[str], phrases: dict, origin_name: str, body: str):
    c = Copy(story["title"], list(story["_paras"]))
    for w in words:
        apply(w, c, story, lang, phrases, origin_name)
    return render(c, body)


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    order = src["words"]
    phrases = src["phrases"]
    outlets = {o[0]: o for o in src["outlets"]}
    by_id = {s["id"]: s for s in src["stories"]}
    entries = []
    for s in src["stories"]:
        s["_paras"] = [p.strip() for p in story_text(s, by_id).split("\n\n")]
    for s in src["stories"]:
        feed, name, host, off, body, _langs, _w = outlets[s["outlet"]]
        at = datetime.fromisoformat(s["at"].replace("Z", "+00:00"))
        h = digest(src["seed"], feed, s["id"])
        slug = re.sub(r"[^a-z0-9]+", "-", s["title"].lower()).strip("-")[:60] or "news"
        orig = Copy(s["title"], list(s["_paras"]))
        title, summary, content = render(orig, body)
        entries.append(
            {
                "at": at,
                "feed": feed,
                "row": {
                    "outlet": name,
                    "feed": feed,
                    "title": title,
                    "link": f"https://{host}/{at:%Y/%m/%d}/{slug}-{h[:6]}",
                    "guid": f"tag:{host},2030:{h[:12]}",
                    "off": off,
                    "summary": summary,
                    "content": content,
                    "lang": s["lang"],
                    "story": s["id"],
                    "event": s["event"],
                    "recipe": [],
                },
            }
        )
        rng = random.Random(int(digest(src["seed"], s["id"]), 16))
        carriers = [o for o in src["outlets"] if s["lang"] in o[5]]
        rng.shuffle(carriers)
        want = src["copies"][s["kind"]]
        made = 0
        for cfeed, cname, chost, coff, cbody, _l, style in carriers:
            if made == want:
                break
            combos = [list(x) for x in itertools.combinations(style, 2)] + [list(style)]
            crng = random.Random(int(digest(src["seed"], s["id"], cfeed), 16))
            crng.shuffle(combos)
            chosen = None
            for combo in combos:
                ws = [w for w in order if w in combo]
                got = make_copy(s, s["lang"], ws, phrases, name, cbody)
                hidden = any(
                    got == make_copy(s, s["lang"], [x for x in ws if x != w], phrases, name, cbody) for w in ws
                )
                if not hidden and (got[0], got[2]) != (title, content):
                    chosen = (ws, got)
                    break
            if chosen is None:
                continue
            ws, (ctitle, csummary, ccontent) = chosen
            cat = at + timedelta(minutes=crng.randint(12, 420))
            ch = digest(src["seed"], cfeed, s["id"], "copy")
            link = f"https://{chost}/a/{ch[:10]}"
            if cfeed in ("tapline", "xitsonga-mobile", "cep-manset", "morning-sieve"):
                link += f"?utm_source=feed&utm_medium=rss&utm_campaign={cfeed}"
            entries.append(
                {
                    "at": cat,
                    "feed": cfeed,
                    "row": {
                        "outlet": cname,
                        "feed": cfeed,
                        "title": ctitle,
                        "link": link,
                        "guid": f"{cfeed}-{ch[:12]}",
                        "off": coff,
                        "summary": csummary,
                        "content": ccontent,
                        "lang": s["lang"],
                        "story": s["id"],
                        "event": s["event"],
                        "recipe": ws,
                    },
                }
            )
            made += 1
        if made < want:
            raise SystemExit(f"{s['id']}: only {made} copies of {want}")
    entries.sort(key=lambda e: (e["at"], e["feed"]))
    rows = []
    for n, e in enumerate(entries, 1):
        r = e["row"]
        local = e["at"].astimezone(timezone(timedelta(minutes=r["off"])))
        rows.append(
            {
                "id": f"{PREFIX}{n:03d}",
                "outlet": r["outlet"],
                "feed": r["feed"],
                "title": r["title"],
                "link": r["link"],
                "guid": r["guid"],
                "published": local.isoformat(),
                "summary": r["summary"],
                "content": r["content"],
                "lang": r["lang"],
                "story": r["story"],
                "event": r["event"],
                "_recipe": r["recipe"],
            }
        )
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_recipe"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changing = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    designed = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in DESIGNED)
    same_event = 0
    for sids in events.values():
        ids = sorted(sids)
        for a, b in itertools.combinations(ids, 2):
            same_event += per_story[a] * per_story[b]
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for r in rows for w in r["_recipe"])
    sizes = Counter(per_story.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({changing} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {designed}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {100 * langs['en'] // len(rows)}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
