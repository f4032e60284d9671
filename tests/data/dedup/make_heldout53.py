"""Write heldout53.jsonl (held-out v53: event clusters of full articles) from heldout53_source.yaml.

Standalone on purpose: a held-out generator imports nothing from `monitor` or from other generators,
so the set stays what its author wrote. Byte-for-byte reproducible (seeded, no clock).

    python tests/data/dedup/make_heldout53.py          # rewrites heldout53.jsonl
    python tests/data/dedup/make_heldout53.py --stats  # the same, and prints the counts
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
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout53_source.yaml"
OUT = HERE / "heldout53.jsonl"
PREFIX = "ow"
SUMMARY_CUT = 220
NEGATIVE_KINDS = ("dawnafterdesk", "sametownsameday", "weekdigestquotes")
# A paragraph that carries a quotation, per language (Polish also quotes with a leading dash).
QUOTE = {
    "pl": re.compile(r"^– |„"),
    "cs": re.compile(r"„"),
    "zh": re.compile(r"“"),
    "fa": re.compile(r"«"),
    "en": re.compile(r'"'),
}
# Where a sentence ends: Latin-script text needs a capital (or a dash quote) after the stop, so that
# abbreviations such as "tys. zł" are not split; Chinese and Persian stops are unambiguous enough.
SENTENCE_END = {
    "zh": re.compile(r"(?<=[。！？])(?=[^”])"),
    "fa": re.compile(r"(?<=[.؟!»])\s+"),
}
LATIN_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻČŘŠŽÚŮÝ„–\"])")
PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Outlet:
    feed: str
    name: str
    host: str
    offset: int
    body: str
    langs: tuple[str, ...] | None
    style: tuple[str, ...]


@dataclass(frozen=True)
class Para:
    kind: str  # text | head | caption
    text: str


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def load() -> tuple[dict, dict[str, Outlet]]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {}
    for feed, name, host, offset, body, langs, style in src["outlets"]:
        outlets[feed] = Outlet(feed, name, host, offset, body, None if langs == "all" else tuple(langs), tuple(style))
    return src, outlets


def paragraphs(text: str) -> list[Para]:
    return [Para("text", p.strip()) for p in text.strip().split("\n\n")]


def sentences(text: str, lang: str) -> list[str]:
    pattern = SENTENCE_END.get(lang, LATIN_END)
    return [s for s in pattern.split(text) if s.strip()]


# ---------------------------------------------------------------- recipe words: (title, paras) -> (title, paras)


def quotehoist(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """An editor moves the first quoted paragraph (after the lede) to the top."""
    for i, p in enumerate(paras[1:], start=1):
        if p.kind == "text" and QUOTE[ctx["lang"]].search(p.text):
            return title, [p, *paras[:i], *paras[i + 1 :]]
    return title, paras


def ledeecho(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """A CMS import prints the first paragraph twice."""
    return title, paras[:1] + paras


def parasplit(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """The longest paragraph with two or more sentences becomes two paragraphs."""
    best = None
    for i, p in enumerate(paras):
        parts = sentences(p.text, ctx["lang"]) if p.kind == "text" else []
        if len(parts) >= 2 and (best is None or len(p.text) > len(paras[best[0]].text)):
            best = (i, parts)
    if best is None:
        return title, paras
    i, parts = best
    half = len(parts) // 2
    joiner = "" if ctx["lang"] == "zh" else " "
    first, second = joiner.join(parts[:half]), joiner.join(parts[half:])
    return title, [*paras[:i], Para("text", first), Para("text", second), *paras[i + 1 :]]


def subheadpair(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """Two subheads: before the second paragraph and before the second half."""
    one, two = ctx["phrases"]["subheadpair"][ctx["lang"]]
    mid = max(2, (len(paras) + 1) // 2)
    return title, [*paras[:1], Para("head", one), *paras[1:mid], Para("head", two), *paras[mid:]]


def captionwedge(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """A photo caption lands between the second and third paragraphs."""
    line = ctx["phrases"]["captionwedge"][ctx["lang"]].format(place=ctx["place"])
    return title, [*paras[:2], Para("caption", line), *paras[2:]]


def linkrail(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """A related-links block (two other headlines of the outlet's language) inside the text."""
    others = ctx["related"]
    if len(others) < 2:
        return title, paras
    label = ctx["phrases"]["linkrail"][ctx["lang"]]
    picked = ctx["rng"].sample(others, 2)
    gap = "" if ctx["lang"] == "zh" else " "
    return title, [*paras[:2], Para("text", f"{label}{gap}{picked[0]} · {picked[1]}"), *paras[2:]]


def digitswap(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """Persian digits become ASCII digits; Chinese ASCII digits become full-width ones."""
    table = {"fa": PERSIAN_DIGITS, "zh": FULLWIDTH_DIGITS}.get(ctx["lang"])
    if table is None:
        return title, paras
    return title.translate(table), [Para(p.kind, p.text.translate(table)) for p in paras]


def tailstub(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """Only the first three paragraphs, then a line that sends the reader to the publisher."""
    if len(paras) <= 3:
        return title, paras
    return title, [*paras[:3], Para("text", ctx["phrases"]["tailstub"][ctx["lang"]])]


def editorboxtop(title: str, paras: list[Para], ctx: dict) -> tuple[str, list[Para]]:
    """An editor's note naming the source on top."""
    note = ctx["phrases"]["editorboxtop"][ctx["lang"]].format(origin=ctx["origin"])
    return title, [Para("text", note), *paras]


WORDS = {
    f.__name__: f
    for f in (quotehoist, ledeecho, parasplit, subheadpair, captionwedge, linkrail, digitswap, tailstub, editorboxtop)
}


# ---------------------------------------------------------------- rendering


def render_body(paras: list[Para], body: str) -> str:
    if body == "none":
        return ""
    if body == "plain":
        return "\n\n".join(p.text for p in paras)
    out = []
    for p in paras:
        text = html.escape(p.text, quote=False)
        if p.kind == "head":
            out.append(f"<h3>{text}</h3>")
        elif p.kind == "caption":
            out.append(f'<p class="caption"><em>{text}</em></p>')
        else:
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def summary_of(paras: list[Para]) -> str:
    """The feed summary: the body's text run together, cut at a word (or a character) beyond 220."""
    text = " ".join(p.text for p in paras)
    if len(text) <= SUMMARY_CUT:
        return text
    cut = text[:SUMMARY_CUT]
    space = cut.rfind(" ")
    if space > SUMMARY_CUT // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + " …"


def apply(words: tuple[str, ...], story: dict, ctx: dict) -> tuple[str, str, str]:
    """(title, summary, content) of the story at the copy outlet after the recipe `words`, in order."""
    title, paras = story["title"], paragraphs(story["text"])
    ctx = {**ctx, "rng": random.Random(ctx["rng_seed"])}
    for w in words:
        title, paras = WORDS[w](title, paras, ctx)
    return title, summary_of(paras), render_body(paras, ctx["body"])


def choose_recipe(story: dict, outlet: Outlet, order: list[str], ctx: dict, seed: int) -> tuple[str, ...]:
    """The first seeded 2-3 word combination of the outlet's words in which every word shows."""
    style = [w for w in order if w in outlet.style]
    combos = [c for n in (2, 3) for c in itertools.combinations(style, n)]
    random.Random(digest(str(seed), story["id"], outlet.feed, "recipe")).shuffle(combos)
    for combo in combos:
        made = apply(combo, story, ctx)
        if all(apply(tuple(w for w in combo if w != drop), story, ctx) != made for drop in combo):
            return combo
    raise SystemExit(f"no recipe without a hidden word for {story['id']} at {outlet.feed}")


# ---------------------------------------------------------------- the set


def published(story: dict) -> datetime:
    return datetime.fromisoformat(story["time"].replace("Z", "+00:00"))


def stamp(instant: datetime, offset: int) -> str:
    return instant.astimezone(timezone(timedelta(minutes=offset))).isoformat()


def entry(story: dict, outlet: Outlet, instant: datetime, made: tuple[str, str, str], seed: int) -> dict:
    title, summary, content = made
    h = digest(str(seed), outlet.feed, story["id"])
    local = instant.astimezone(timezone(timedelta(minutes=outlet.offset)))
    return {
        "id": "",
        "outlet": outlet.name,
        "feed": outlet.feed,
        "title": title,
        "link": f"https://{outlet.host}/{local:%Y/%m/%d}/{h[:10]}.html",
        "guid": f"tag:{outlet.host},{local:%Y}:{h[10:22]}",
        "published": stamp(instant, outlet.offset),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_instant": instant,
        "_recipe": (),
    }


def build() -> list[dict]:
    src, outlets = load()
    seed, order, phrases = src["seed"], src["words"], src["phrases"]
    stories = src["stories"]
    rows = []
    for n, story in enumerate(stories):
        origin = outlets[story["outlet"]]
        assert origin.langs is None or story["lang"] in origin.langs, story["id"]
        start = published(story)
        plain = (story["title"], summary_of(paragraphs(story["text"])))
        first = entry(story, origin, start, (*plain, render_body(paragraphs(story["text"]), origin.body)), seed)
        rows.append((start, n, 0, first))
        rng = random.Random(digest(str(seed), story["id"], "delays"))
        for k, feed in enumerate(story["copies"], start=1):
            outlet = outlets[feed]
            instant = start + timedelta(minutes=rng.randint(6, 600))
            related = [  # a links block can only name what was already published
                s["title"]
                for s in stories
                if s["lang"] == story["lang"] and s["event"] != story["event"] and published(s) < instant
            ]
            assert feed != story["outlet"] and (outlet.langs is None or story["lang"] in outlet.langs), (story, feed)
            ctx = {
                "lang": story["lang"],
                "place": story["place"],
                "origin": origin.name,
                "phrases": phrases,
                "related": related,
                "body": outlet.body,
                "rng_seed": digest(str(seed), story["id"], feed, "links"),
            }
            recipe = choose_recipe(story, outlet, order, ctx, seed)
            made = apply(recipe, story, ctx)
            if (made[0], made[2]) == (first["title"], first["content"]):
                raise SystemExit(f"copy keeps its original: {story['id']} at {feed}")
            row = entry(story, outlet, instant, made, seed)
            row["_recipe"] = recipe
            rows.append((instant, n, k, row))
    rows.sort(key=lambda r: r[:3])
    out = []
    for i, (_, _, _, row) in enumerate(rows, start=1):
        row["id"] = f"{PREFIX}{i:03d}"
        out.append(row)
    return out


def dump(rows: list[dict]) -> str:
    keep = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep)


def stats(rows: list[dict]) -> str:
    src, _ = load()
    by_id = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    copy_pairs = sum(n * (n - 1) // 2 for n in per_story.values())
    same_event = sum(
        per_story[a] * per_story[b] for group in events.values() for a, b in itertools.combinations(sorted(group), 2)
    )
    designed = 0
    for s in by_id.values():
        if s["kind"] in NEGATIVE_KINDS:
            for other in s.get("quotes", [s.get("against")]):
                assert by_id[other]["event"] != s["event"], s["id"]
                designed += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    first = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    shown = {story: (r["title"], r["content"]) for story, r in first.items()}
    changed = sum((r["title"], r["content"]) != shown[r["story"]] for r in copies)
    words = Counter(w for r in rows for w in r["_recipe"])
    kinds = Counter(s["kind"] for s in by_id.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(g) > 1 for g in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {copy_pairs}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {designed}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {100 * langs['en'] / len(rows):.0f}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
