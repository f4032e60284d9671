"""Build heldout61.jsonl from heldout61_source.yaml: long articles reshaped by carriers that change the text's shape.

Standalone (stdlib + PyYAML), seeded and byte-for-byte reproducible. Nothing from `monitor` is imported.

    python tests/data/dedup/make_heldout61.py          # rewrites heldout61.jsonl
    python tests/data/dedup/make_heldout61.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout61_source.yaml"
OUT = HERE / "heldout61.jsonl"
PREFIX = "pe"
CYRILLIC = re.compile("[\u0400-\u04ff]")
SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][»\"”]))\s+(?=[«\"“—0-9A-ZА-ЯЁӨҮҺҤҔІӦӰҒ])")
QUOTE = re.compile(r"«([^»]+)»|\"([^\"]+)\"")
GLYPHS = [("m", "rn"), ("l", "1"), ("ы", "ьі"), ("ю", "іо"), ("н", "и"), ("т", "г")]
WRAP = 60


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def resolve(src: dict) -> list[dict]:
    """Every story with its own title and text; a derived one from its base, lede and phrase replacements."""
    by_id = {s["id"]: s for s in src["stories"]}
    out = []
    for s in src["stories"]:
        s = dict(s)
        if "derive" in s:
            base = by_id[s["derive"]]
            paras = base["text"].split("\n\n")
            if "lede" in s:
                paras[0] = s["lede"]
            text = "\n\n".join(paras)
            title = s.get("title", base["title"])
            for old, new in s.get("set", []):
                if old not in title and old not in text:
                    raise SystemExit(f"{s['id']}: phrase not found: {old}")
                title, text = title.replace(old, new), text.replace(old, new)
            s["title"], s["text"] = title, text
            s.setdefault("day", base["day"])
        out.append(s)
    return out


def story_times(src: dict, stories: list[dict]) -> dict[str, datetime]:
    start = datetime.fromisoformat(src["start"])
    at: dict[str, datetime] = {}
    for s in stories:
        if s["kind"] == "original":
            at[s["id"]] = start + timedelta(days=s["day"], minutes=int(digest(src["seed"], s["id"]), 16) % 149)
    for s in stories:  # rewrites and designed negatives follow their `against` (an English follow-up its follow-up)
        if s["kind"] != "original" and s["against"] in at:
            at[s["id"]] = at[s["against"]] + timedelta(minutes=src["delay"][s["kind"]])
    for s in stories:
        if s["id"] not in at:
            at[s["id"]] = at[s["against"]] + timedelta(minutes=src["delay"][s["kind"]])
    return at


# ---------------------------------------------------------------- recipe words (title, blocks) -> (title, blocks)


def first_quote(text: str) -> str | None:
    """The longest quotation of the text (a speaker's words, not an organisation's name in guillemets)."""
    found = [m.group(0) for m in QUOTE.finditer(text)]
    return max(found, key=len) if found else None


def glyph_word(word: str) -> str:
    for old, new in GLYPHS:
        if old in word:
            return word.replace(old, new, 1)
    return word


def ocr_glyphs(block: str, start: int) -> tuple[str, int]:
    words = block.split(" ")
    for i, w in enumerate(words):
        if (start + i) % 9 == 4:
            words[i] = glyph_word(w)
    return " ".join(words), start + len(words)


def hyphen_wrap(block: str) -> str:
    lines: list[str] = []
    line = ""
    for word in block.split(" "):
        while True:
            room = WRAP - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            if len(word) >= 8 and room >= 5:
                cut = room - 1
                if word[cut - 1].isalpha() and word[cut].isalpha():
                    lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
                    line, word = "", word[cut:]
                    continue
            lines.append(line)
            line = ""
    if line:
        lines.append(line)
    return "\n".join(lines)


def apply(word: str, title: str, blocks: list[str], ctx: dict) -> tuple[str, list[str]]:
    lang, cyr = ctx["lang"], ctx["cyrillic"]
    if word == "captioninline":
        return title, [*blocks[:1], f"{ctx['caption'][lang]} {ctx['place']}. {ctx['carrier']}", *blocks[1:]]
    if word == "pullquoteinline":
        quote = first_quote("\n".join(blocks))
        return title, blocks if quote is None else [*blocks[:2], f"▍ {quote}", *blocks[2:]]
    if word == "columnweave":
        k = (len(blocks) + 1) // 2
        left, right = blocks[:k], blocks[k:]
        woven = [b for pair in itertools.zip_longest(left, right) for b in pair if b is not None]
        return title, woven
    if word == "columnjump":
        on, frm = ctx["jump"]["cyrl" if cyr else "latn"]
        return title, [*blocks[:2], on, frm, *blocks[2:]]
    if word == "speakerlabels":
        return title, [("ANCHOR: " if i == 0 else "CORRESPONDENT: ") + b for i, b in enumerate(blocks)]
    if word == "segmentlines":
        sentences = [s for b in blocks for s in SENTENCE.split(b)]
        return title, [f"{n:04d} | {s}" for n, s in enumerate(sentences, 1)]
    if word == "ocrglyphs":
        out, n = [], 0
        for b in blocks:
            b, n = ocr_glyphs(b, n)
            out.append(b)
        return title, out
    if word == "ocrhyphenwrap":
        return title, [hyphen_wrap(b) for b in blocks]
    if word == "pagefurniture":
        return title, [f"{ctx['carrier'].upper()} · {ctx['local_date']} · 3", *blocks, "— 3 —"]
    if word == "viewinbrowser":
        return title, [
            "View in browser ›",
            ctx["greeting"][lang],
            *blocks,
            f"Sent to subscribers of {ctx['carrier']} · Manage preferences",
        ]
    raise SystemExit(f"unknown recipe word: {word}")


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit]
    head = head[: head.rfind(" ")].rstrip()
    if len(head) - head.rfind("\n") < 12:  # no dangling segment number or label on a line of its own
        head = head[: head.rfind("\n")].rstrip()
    return head + " …"


def render(body: str, summary_cut: int, title: str, blocks: list[str]) -> tuple[str, str, str]:
    if body == "none":
        return title, cut("\n".join(b.replace("\n", " ") for b in blocks), summary_cut), ""
    summary = cut(" ".join(b.replace("\n", " ") for b in blocks), summary_cut)
    if body == "html":
        content = "".join(f"<p>{html.escape(b, quote=False).replace(chr(10), '<br>')}</p>" for b in blocks)
    else:
        content = "\n\n".join(blocks)
    return title, summary, content


def make(words: tuple[str, ...], story: dict, outlet: list, ctx: dict) -> tuple[str, str, str]:
    title, blocks = story["title"], story["text"].split("\n\n")
    for w in words:
        title, blocks = apply(w, title, blocks, ctx)
    return render(outlet[4], outlet[7], title, blocks)


# ---------------------------------------------------------------- build


def build() -> list[dict]:
    src = load()
    order = src["words"]
    outlets = {o[0]: o for o in src["outlets"]}
    carriers = [o for o in src["outlets"] if o[5]]
    stories = resolve(src)
    at = story_times(src, stories)
    entries: list[tuple[datetime, dict, tuple[str, ...]]] = []

    def entry(story: dict, outlet: list, when: datetime, made: tuple[str, str, str]) -> dict:
        zone = timezone(timedelta(minutes=outlet[3]))
        h = digest(src["seed"], outlet[0], story["id"])
        local = when.astimezone(zone)
        if outlet[5]:
            link = f"https://{outlet[2]}/{local:%Y/%m}/{h[:10]}"
            guid = f"{outlet[0]}-{h[10:22]}"
        else:
            link = f"https://{outlet[2]}/news/{local:%Y-%m-%d}/{h[:8]}"
            guid = f"tag:{outlet[2]},{local:%Y}:{h[8:20]}"
        title, summary, content = made
        return {
            "id": "",
            "outlet": outlet[1],
            "feed": outlet[0],
            "title": title,
            "link": link,
            "guid": guid,
            "published": local.isoformat(),
            "summary": summary,
            "content": content,
            "lang": story["lang"],
            "story": story["id"],
            "event": story["event"],
        }

    for s in stories:
        home = outlets[s["outlet"]]
        original = make((), s, home, {})
        entries.append((at[s["id"]], entry(s, home, at[s["id"]], original), ()))
        rng = random.Random(int(digest(src["seed"], "copies", s["id"]), 16))
        pool = carriers[:]
        rng.shuffle(pool)
        want = src["copies"][s["kind"]]
        done = 0
        for c in pool:
            if done == want:
                break
            when = at[s["id"]] + timedelta(minutes=20 + rng.randrange(119))
            ctx = {
                "lang": s["lang"],
                "cyrillic": bool(CYRILLIC.search(s["title"])),
                "place": s["place"],
                "carrier": c[1],
                "caption": src["caption"],
                "greeting": src["greeting"],
                "jump": src["jump"],
                "local_date": f"{when.astimezone(timezone(timedelta(minutes=c[3]))):%d.%m.%Y}",
            }
            combos = [
                tuple(w for w in order if w in combo) for k in (2, 3) for combo in itertools.combinations(c[6], k)
            ]
            rng.shuffle(combos)
            for words in combos:
                made = make(words, s, c, ctx)
                if (made[0], made[2]) == (original[0], original[2]):
                    continue
                if any(make(tuple(w for w in words if w != drop), s, c, ctx) == made for drop in words):
                    continue  # a hidden word: dropping it changes nothing
                entries.append((when, entry(s, c, when, made), words))
                done += 1
                break
        if done < want:
            raise SystemExit(f"{s['id']}: only {done} of {want} copies")

    entries.sort(key=lambda e: (e[0], e[1]["feed"], e[1]["story"]))
    rows = []
    for n, (_, row, words) in enumerate(entries, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        rows.append(row)
        RECIPES[row["id"]] = words
    return rows


RECIPES: dict[str, tuple[str, ...]] = {}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    designed = {"factsflipfollow", "deskformtwin"}
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in kinds.values() if s["kind"] in designed)
    same_event = 0
    for stories in events.values():
        counts = [per_story[s] for s in stories]
        same_event += sum(a * b for a, b in itertools.combinations(counts, 2))
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in RECIPES.get(r["id"], ()))
    shapes = Counter(f"{n}x" for n in per_story.values())
    kind_counts = Counter(s["kind"] for s in kinds.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(len(s) > 1 for s in events.values())} with several stories)",
            f"copies:                  {len(copies)} ({len(changed)} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"entries per story:       {', '.join(f'{k}{v}' for k, v in sorted(shapes.items()))}",
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {100 * langs['en'] // len(rows)}%)",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kind_counts.items()))}",
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
