"""Build held-out v70 (`heldout70.jsonl`): a wire story's life across a day and across desks.

Each story of `heldout70_source.yaml` is emitted at its origin desk; a wire original then lives on as its
bulletin, later versions at the wire, a broadcaster's, regional paper's, partner's, app's and next morning's
print copy. Other stories get one or three carrier copies. Standalone (stdlib + PyYAML), seeded, byte-for-byte
reproducible.

    python tests/data/dedup/make_heldout70.py          # rewrites heldout70.jsonl
    python tests/data/dedup/make_heldout70.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout70_source.yaml"
TARGET = HERE / "heldout70.jsonl"
PREFIX = "pq"
Life = list[tuple[str, int | None, list[str]]]  # (carrier role, minutes after or None, recipe words)
WORDS = (
    "flashlines",
    "toppararefresh",
    "tailquoteadd",
    "backdropcut",
    "refiletag",
    "broadcastlede",
    "localparainsert",
    "readalsoslots",
    "pushnotice",
    "printmorning",
    "headlinerotate",
)
# A wire original's life: (carrier role, minutes after the story or None for the next morning, recipe words);
# the wire's own versions first, so that their rotated headlines all differ.
ORIGINAL_LIFE: Life = [
    ("wire", -6, ["flashlines", "headlinerotate"]),
    ("wire", 95, ["toppararefresh", "headlinerotate"]),
    ("wire", 160, ["backdropcut", "tailquoteadd", "headlinerotate"]),
    ("wire", 230, ["refiletag", "headlinerotate"]),
    ("app", 8, ["pushnotice", "headlinerotate"]),
    ("broadcaster", 25, ["broadcastlede", "headlinerotate"]),
    ("partner", 45, ["readalsoslots", "headlinerotate"]),
    ("regional", 70, ["localparainsert", "backdropcut", "headlinerotate"]),
    ("print", None, ["printmorning", "headlinerotate"]),
]
ENGLISH_LIFE: Life = [
    ("partner", 35, ["readalsoslots", "headlinerotate"]),
    ("print", None, ["flashlines", "headlinerotate"]),
    ("app", 15, ["pushnotice", "headlinerotate"]),
]
OTHER_LIFE: dict[str, Life] = {
    "bigdesk": [
        ("partner", 30, ["readalsoslots", "headlinerotate"]),
        ("regional", 55, ["backdropcut", "headlinerotate"]),
        ("print", None, ["flashlines", "headlinerotate"]),
    ],
    "side": [("app", 20, ["pushnotice", "headlinerotate"])],
}
NEGATIVE_LIFE: Life = [("partner", 40, ["readalsoslots", "headlinerotate"])]
PRINT_HOUR_UTC = 4  # the print edition's web copy, next morning 04:30 UTC
REFILE_TAGS = ("CORRECTED", "REFILED")


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def base_blocks(story: dict, stories: dict) -> list[str]:
    """A story's own paragraphs, plus its base's background paragraph where it reuses one."""
    blocks = paragraphs(story["text"])
    if "background_of" in story:
        blocks.append(paragraphs(stories[story["background_of"]]["text"])[-1])
    return blocks


def apply_words(story: dict, words: list[str], k: int, ctx: dict) -> tuple[str, list[str], bool]:
    """The copy's title, body blocks, and whether it is summary-only, after its recipe words in order."""
    blocks = list(ctx["blocks"][story["id"]])
    title = story["titles"][0]
    summary_only = False
    for w in words:
        if w == "headlinerotate":
            alts = story["titles"][1:]
            title = alts[k % len(alts)]
        elif w == "flashlines":
            blocks = blocks[:1]  # the lede: one or two sentences, as the wire's first bulletin
        elif w == "toppararefresh":
            blocks = [story["update"], *blocks]
        elif w == "tailquoteadd":
            blocks = [*blocks, story["quote"]]
        elif w == "backdropcut":
            blocks = blocks[:-1]
        elif w == "broadcastlede":
            blocks = [story["relede"], *blocks[1:]]
        elif w == "localparainsert":
            blocks = [*blocks[:2], story["local"], *blocks[2:]]
        elif w == "readalsoslots":
            blocks = read_also(story, blocks, k, ctx)
        elif w == "pushnotice":
            summary_only = True
            blocks = blocks[:1]
        elif w == "printmorning":
            blocks = blocks[:2]
        elif w == "refiletag":
            old, new = story["fix"]
            assert any(old in b for b in blocks), story["id"]
            blocks = [b.replace(old, new) for b in blocks]
        else:
            raise ValueError(w)
    if "refiletag" in words:
        title = f"{REFILE_TAGS[k % 2]}: {title}"
    return title, blocks, summary_only


def read_also(story: dict, blocks: list[str], k: int, ctx: dict) -> list[str]:
    """'Read also:' / 'Watch:' lines naming other stories of the language, between the paragraphs."""
    others = [s for s in ctx["by_lang"][story["lang"]] if s["id"] != story["id"]]
    labels = ctx["inserts"][story["lang"]]
    out = [blocks[0]]
    for i, block in enumerate(blocks[1:]):
        other = others[(k + i) % len(others)]
        out += [f"{labels[i % 2]}: {other['titles'][0]}", block]
    return out


def render(blocks: list[str], body: str) -> str:
    if body == "html":
        return "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
    return "\n\n".join(blocks)


def summary_of(title: str, blocks: list[str], summary_only: bool) -> str:
    if summary_only:
        return f"{title} — {blocks[0]}"
    text = " ".join(blocks)
    if len(text) <= 220:
        return text
    cut = text[:220].rsplit(" ", 1)[0]
    return cut + " …"


def at_of(story: dict) -> datetime:
    value = story["at"]
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.replace(tzinfo=UTC)


def carrier(outlets: dict, lang: str, role: str) -> str:
    found = [f for f, o in outlets.items() if o[4] == lang and o[5] == role]
    assert len(found) == 1, (lang, role)
    return found[0]


def life_of(story: dict) -> Life:
    if story["kind"] == "original":
        return ORIGINAL_LIFE
    if story["kind"] == "english":
        return ENGLISH_LIFE
    return OTHER_LIFE.get(story["kind"], NEGATIVE_LIFE)


def entry(story: dict, feed: str, when: datetime, words: list[str], k: int, ctx: dict) -> dict:
    name, host, offset, body, _, _ = ctx["outlets"][feed]
    if words:
        title, blocks, summary_only = apply_words(story, words, k, ctx)
    else:
        title, blocks, summary_only = story["titles"][0], ctx["blocks"][story["id"]], False
    summary_only = summary_only or body == "none"
    h = digest(ctx["seed"], story["id"], feed, k)[:10]
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": f"https://{host}/{when:%Y/%m/%d}/{story['id']}-{h}",
        "guid": f"tag:{host},{when:%Y}:{h}" if k < 0 else f"{feed}-{h}",
        "published": local.isoformat(),
        "summary": summary_of(title, blocks, summary_only),
        "content": "" if summary_only else render(blocks, body),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_words": words,
        "_kind": story["kind"],
    }


def build() -> list[dict]:
    src = load()
    stories = {s["id"]: s for s in src["stories"]}
    by_lang: dict[str, list[dict]] = {}
    for s in src["stories"]:
        by_lang.setdefault(s["lang"], []).append(s)
    ctx = {
        "seed": src["seed"],
        "outlets": src["outlets"],
        "inserts": src["inserts"],
        "by_lang": by_lang,
        "blocks": {sid: base_blocks(s, stories) for sid, s in stories.items()},
    }
    rows = []
    for s in src["stories"]:
        start = at_of(s)
        rows.append(entry(s, s["outlet"], start, [], -1, ctx))
        for k, (role, minutes, words) in enumerate(life_of(s)):
            feed = s["outlet"] if role == "wire" else carrier(src["outlets"], s["lang"], role)
            if minutes is None:
                when = (start + timedelta(days=1)).replace(hour=PRINT_HOUR_UTC, minute=30)
            else:
                when = start + timedelta(minutes=minutes)
            rows.append(entry(s, feed, when, words, k, ctx))
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["guid"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(
        json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n" for r in rows
    )


def stats(rows: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    kinds = {r["story"]: r["_kind"] for r in rows}
    ev: dict[str, set[str]] = {}
    for r in rows:
        ev.setdefault(r["event"], set()).add(r["story"])
    src = {s["id"]: s for s in load()["stories"]}
    neg = sum(
        per_story[sid] * per_story[s["against"]]
        for sid, s in src.items()
        if s["kind"] in {"deskdaytwo", "sameslotbackground", "factcheckcite", "regionsameday"}
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_words"])
    copies = len(rows) - len(per_story)
    same_event = sum(per_story[a] * per_story[b] for ss in ev.values() for a in ss for b in ss if a < b)
    shape = Counter(per_story.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(ev)} ({sum(len(v) > 1 for v in ev.values())} with several stories)",
            f"copies:                  {copies}",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"entries per story:       {', '.join(f'{n}x{c}' for n, c in sorted(shape.items()))}",
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {neg}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {100 * langs['en'] // len(rows)}%)",
            f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(Counter(kinds.values()).items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
