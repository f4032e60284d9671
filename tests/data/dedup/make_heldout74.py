"""Build held-out v74 (`heldout74.jsonl`) from `heldout74_source.yaml`: stories re-filed by their own desk.

Each story is emitted once per word of its `plan`, in order of time: a desk's flash, its developing text, the full
story, a refile fixing a typo, a reordered top, a wrap-up with reaction, a newer quote, and carriers' reshapes (radio
rewrite of the lede, partner standfirst, live-blog post of three paragraphs, evening summary-only bulletin, weekend
reprint with a new intro). Every entry of a story is the same `story`; designed negatives are stories of their own.

Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible:

    python tests/data/dedup/make_heldout74.py          # rewrites heldout74.jsonl
    python tests/data/dedup/make_heldout74.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout74_source.yaml"
TARGET = HERE / "heldout74.jsonl"
PREFIX = "pu"
# Minutes after the previous entry of the story at which each word's entry appears (the first word is at `at`).
DELAY = {
    "urgentflash": 0,
    "developingtwo": 25,
    "full": 45,
    "refiletypo": 40,
    "topreorder": 50,
    "wrapupreaction": 90,
    "quoteswap": 60,
    "radiospoken": 35,
    "partnerstandfirst": 30,
    "liveblogthree": 20,
    "eveningbulletin": 120,
    "weekendintro": 4 * 24 * 60,
}
DESK_WORDS = {"urgentflash", "developingtwo", "full", "refiletypo", "topreorder", "wrapupreaction", "quoteswap"}
CARRIER = {"radiospoken": "radio", "partnerstandfirst": "partner", "weekendintro": "magazine"}
NEGATIVE = {
    "refilednextday",
    "siblinghourbackground",
    "explainerquotelede",
    "columnview",
    "readerqa",
    "samedaytownother",
}
SENTENCE_END = re.compile(r"(?<=[.!?»\"])\s+")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def expand(story: dict, stories: dict[str, dict]) -> list[str]:
    """A story's paragraphs, with its base's paragraphs named `{p1}`..`{p4}` filled in."""
    base = paragraphs(stories[story["against"]]["text"]) if "against" in story else []
    text = story["text"]
    for n, para in enumerate(base, 1):
        text = text.replace(f"{{p{n}}}", para)
    assert "{p" not in text, story["id"]
    return paragraphs(text)


def typo_of(story: dict, paras: list[str]) -> tuple[str, str]:
    """The word the refile corrects: the source's `fix`, else two letters of the longest word swapped."""
    if "fix" in story:
        return story["fix"][0], story["fix"][1]
    word = max(re.findall(r"[^\W\d_]{6,}", paras[1]), key=len)
    return word, word[:2] + word[3] + word[2] + word[4:]


def carrier_of(word: str, story: dict) -> str:
    if word in DESK_WORDS:
        return story["outlet"]
    if word in CARRIER:
        return CARRIER[word]
    big = {"en": "en-partner", "de": "de-partner"} if word == "liveblogthree" else {"en": "en-bulletin"}
    fallback = "liveblog" if word == "liveblogthree" else "bulletin"
    return big.get(story["lang"], fallback)


def first_sentence(para: str) -> str:
    return SENTENCE_END.split(para, maxsplit=1)[0]


def reshape(word: str, story: dict, paras: list[str], label: str, stamp: str) -> tuple[str, list[str]]:
    """The title and body blocks of one word's version of the story."""
    sep = "" if label.endswith("-") else ": "  # a wire's REFILE- slug runs into the headline
    title = story["title"] if word == "full" else f"{label}{sep}{story['title']}"
    body = {
        "urgentflash": lambda: [first_sentence(paras[0])],
        "developingtwo": lambda: paras[:2],
        "full": lambda: paras,
        "refiletypo": lambda: paras,
        "topreorder": lambda: [paras[1], paras[0], *paras[2:]],
        "wrapupreaction": lambda: [paras[0], story["reaction"], *paras[1:]],
        "quoteswap": lambda: [*paras[:2], story["newquote"], *paras[3:]],
        "radiospoken": lambda: [story["spoken"], *paras[1:]],
        "partnerstandfirst": lambda: [story["standfirst"], *paras],
        "liveblogthree": lambda: [stamp, *paras[:3]],
        "eveningbulletin": lambda: paras,
        "weekendintro": lambda: [story["intro"], *paras],
    }[word]()
    return title, body


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    end = text.find(" ", limit)
    return text if end < 0 else text[:end] + " …"


def render(blocks: list[str], body: str) -> tuple[str, str]:
    """(summary, content) as the outlet writes them."""
    run = " ".join(blocks)
    if body == "none":
        return cut(run, 150), ""
    if body == "html":
        return cut(run, 220), "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    return cut(run, 220), "\n\n".join(blocks)


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]


def entries_of(story: dict, stories: dict[str, dict], src: dict, rng: random.Random) -> list[dict]:
    paras = expand(story, stories)
    plan = src["refiles"][story["plan"]]
    typo = typo_of(story, paras) if "refiletypo" in plan else None
    when = datetime.fromisoformat(story["at"].replace("Z", "+00:00"))
    out = []
    for n, word in enumerate(plan):
        if n:
            when += timedelta(minutes=DELAY[word] + rng.randint(0, 9))
        if typo and word == "refiletypo":
            typo = None  # from the refile on, the text is the corrected one
        text = [p.replace(typo[0], typo[1], 1) for p in paras] if typo else paras
        key = carrier_of(word, story)
        feed, name, host, offset, body = src["outlets"][key]
        local = when.astimezone(timezone(timedelta(minutes=offset)))
        label = src["labels"][word][story["lang"]] if word in src["labels"] else ""
        title, blocks = reshape(word, story, text, label, local.strftime("%H:%M"))
        summary, content = render(blocks, body)
        h = digest(story["id"], word)
        out.append(
            {
                "outlet": name,
                "feed": feed,
                "title": title,
                "link": f"https://{host}/{local:%Y/%m/%d}/{h}",
                "guid": f"tag:{host},{local:%Y}:{h}" if key == story["outlet"] else f"{feed}-{h}",
                "published": local.isoformat(),
                "summary": summary,
                "content": content,
                "lang": story["lang"],
                "story": story["id"],
                "event": story["event"],
                "_word": word,
                "_utc": when,
            }
        )
    return out


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    rng = random.Random(src["seed"])
    rows = [e for s in src["stories"] for e in entries_of(s, stories, src, rng)]
    rows.sort(key=lambda r: (r["_utc"], r["story"], r["_word"]))
    return [{"id": f"{PREFIX}{n:03d}", **r} for n, r in enumerate(rows, 1)]


def dump(rows: list[dict]) -> str:
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in public)


def tally(counts: Counter[str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def stats(rows: list[dict]) -> None:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    same_event = sum(per_story[a] * per_story[b] for ss in ev_stories.values() for a in ss for b in ss if a < b)
    negative = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    langs = Counter(r["lang"] for r in rows)
    sizes = Counter(per_story.values())
    print(f"entries:                 {len(rows)}")
    print(f"stories:                 {len(per_story)}")
    print(f"events:                  {len(ev_stories)} ({sum(len(s) > 1 for s in ev_stories.values())} with several)")
    print(f"copies:                  {len(copies)} ({changed} change the title or body)")
    print(f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}")
    print(f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}")
    print(f"same-event other-story:  {same_event}")
    print(f"designed negative pairs: {negative}")
    print(f"summary-only entries:    {sum(r['content'] == '' for r in rows)}")
    share = f"en {100 * langs['en'] / len(rows):.1f}%, de {100 * langs['de'] / len(rows):.1f}%"
    print(f"languages:               {tally(langs)}  ({share})")
    print(f"kinds:                   {tally(Counter(s['kind'] for s in stories.values()))}")
    print(f"transformations:         {tally(Counter(r['_word'] for r in copies))}")


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        stats(rows)


if __name__ == "__main__":
    main()
