"""Build held-out dedup set v22 (`heldout22.jsonl`) from `heldout22_source.yaml`.

Every copy's recipe words are applied in order to its story's text; no clock is read, and every
random choice comes from a `random.Random` seeded with the set's seed, the story, the feed and the
delay, so the file is the same on every run. It fails if a recipe has fewer than 2 or more than 3
words, if a word changes nothing, if a word is hidden by the others (the recipe without it gives the
same entry), or if a copy keeps its original's title and body. `--stats` regenerates in memory, fails
if the committed file differs, and prints the counts. Self-contained: stdlib and PyYAML only.
"""

from __future__ import annotations

import html
import json
import random
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout22_source.yaml"
OUT = HERE / "heldout22.jsonl"
NEGATIVE = ("transhumance", "quotaclose", "patent", "premiere", "tagsignal", "iceroad", "cubs", "twinning")
TYPO = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}


@dataclass(frozen=True)
class Entry:
    """What a reader sees of one entry while its recipe is applied."""

    title: str
    paras: tuple[str, ...]
    link: str
    style: str  # "p": one <p> per block; "plain": blocks joined by a blank line
    joiner: str = "\n\n"
    summary_only: bool = False
    lowercase: bool = False
    entities: bool = False


def strip_dateline(e: Entry, s: dict, o: dict) -> Entry:
    head, sep, rest = e.paras[0].partition(" — ")
    assert sep and len(head) < 40, s["id"]
    return replace(e, paras=(rest, *e.paras[1:]))


def rng_for(s: dict, o: dict, salt: str = "") -> random.Random:
    """One seeded stream per copy, so a new copy or word never shifts another copy's choices."""
    return random.Random(f"{SEED}|{s['id']}|{o['feed']}|{o['delay']}{salt}")


def byline(e: Entry, s: dict, o: dict) -> Entry:
    rng = rng_for(s, o)
    return replace(e, paras=(f"{o['desk']['by']} {rng.choice(o['desk']['names'])}", *e.paras))


def readmore(e: Entry, s: dict, o: dict) -> Entry:
    words = e.paras[1].split()
    half = " ".join(words[: max(3, len(words) // 2)])
    return replace(e, paras=(e.paras[0], f"{half} … {o['desk']['more']}"))


def tracking(e: Entry, s: dict, o: dict) -> Entry:
    return replace(e, link=f"{e.link}?utm_source={o['feed']}&utm_medium=syndication&utm_campaign=heldout22")


def amp(e: Entry, s: dict, o: dict) -> Entry:
    scheme, _, rest = e.link.partition("://")
    host, _, path = rest.partition("/")
    return replace(e, link=f"{scheme}://amp.{host}/amp/{path}")


def straight(e: Entry, s: dict, o: dict) -> Entry:
    fix = str.maketrans(TYPO)
    return replace(e, title=e.title.translate(fix), paras=tuple(p.translate(fix) for p in e.paras))


def top(key: str):
    """A desk line put above the body (the desk's string, with the origin outlet's name where it asks)."""
    return lambda e, s, o: replace(e, paras=(o["desk"][key].format(origin=o["origin"]), *e.paras))


def bottom(key: str):
    """A desk line put below the body."""
    return lambda e, s, o: replace(e, paras=(*e.paras, o["desk"][key].format(origin=o["origin"], ref=o["ref"])))


def trending(e: Entry, s: dict, o: dict) -> Entry:
    rng = rng_for(s, o, "|trend")
    return replace(e, paras=(o["desk"]["trend"].format(n=rng.randint(1, 9)), *e.paras))


RECIPE = {
    "dateline-strip": strip_dateline,
    "byline": byline,
    "credit": bottom("credit"),
    "tracking": tracking,
    "amp": amp,
    "trim": lambda e, s, o: replace(e, paras=e.paras[:-1]),
    "readmore": readmore,
    "summary-only": lambda e, s, o: replace(e, summary_only=True),
    "alt": lambda e, s, o: replace(e, title=s["alt"]),
    "plain": lambda e, s, o: replace(e, style="plain"),
    "glued": lambda e, s, o: replace(e, style="plain", joiner=""),
    "quotes": straight,
    "entities": lambda e, s, o: replace(e, entities=True),
    # kinds new to the held-out sets (the README names the two that are near earlier ones)
    "presscontact": bottom("contact"),
    "disclaimer": bottom("disclaimer"),
    "aidisclose": top("ai"),
    "factcheck": top("checked"),
    "placeholder": lambda e, s, o: replace(e, paras=("{{author_name}} · {{desk}}", *e.paras)),
    "lowercase": lambda e, s, o: replace(e, lowercase=True),
    "deskref": bottom("ref"),
    "licence": bottom("licence"),
    "titledot": lambda e, s, o: replace(e, title=e.title.rstrip(".") + "."),
    "readlevel": top("level"),
    "trending": trending,
}


def encode(text: str, e: Entry) -> str:
    if e.lowercase:
        text = text.lower()
    if e.entities:
        text = "".join(f"&#{ord(c)};" if c in "“”„«»‘’—–…" else c for c in text)
    return text


def summary_of(e: Entry) -> str:
    text = " ".join(e.paras)
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return encode(text, e)


def body_of(e: Entry) -> str:
    if e.summary_only:
        return ""
    blocks = [encode(html.escape(p, quote=False) if e.style == "p" else p, e) for p in e.paras]
    if e.style == "p":
        return "".join(f"<p>{b}</p>" for b in blocks)
    return e.joiner.join(blocks)


def row(s: dict, e: Entry, outlet: list, when: datetime, guid: str) -> dict:
    feed, name, _, offset, _ = outlet
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": encode(e.title, e),
        "link": e.link,
        "guid": guid,
        "published": local.isoformat(),
        "summary": summary_of(e),
        "content": body_of(e),
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def apply(words: list[str], s: dict, start: Entry, ctx: dict) -> Entry:
    e = start
    for w in words:
        after = RECIPE[w](e, s, ctx)
        assert after != e, (s["id"], ctx["feed"], w)  # a word that changes nothing is a recipe error
        e = after
    return e


def seen(e: Entry) -> tuple[str, str, str, str]:
    """What a reader sees of an entry: headline, link, summary and body."""
    return encode(e.title, e), e.link, summary_of(e), body_of(e)


def check_none_hidden(words: list[str], s: dict, start: Entry, ctx: dict, made: Entry) -> None:
    """Every word must show: the recipe without it gives another entry (or is no valid recipe)."""
    for i in range(len(words)):
        try:
            other = apply(words[:i] + words[i + 1 :], s, start, ctx)
        except AssertionError:
            continue
        assert seen(other) != seen(made), (s["id"], ctx["feed"], words[i])


def link_for(feed: str, story: str) -> str:
    return f"https://{feed}.example/news/{zlib.crc32(f'{feed}/{story}'.encode()) % 900000 + 100000}"


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o[0]: o for o in src["outlets"]}
    rows = []
    for s in src["stories"]:
        home = outlets[s["outlet"]]
        when = datetime.fromisoformat(s["at"]).replace(tzinfo=UTC)
        paras = tuple(p.strip() for p in s["text"].strip().split("\n\n"))
        first = Entry(s["title"], paras, link_for(home[0], s["id"]), home[4])
        rows.append((when, row(s, first, home, when, f"{home[0]}-{s['id']}")))
        for recipe in s.get("copies", []):
            feed, delay, *words = recipe.split()
            assert 2 <= len(words) <= 3, recipe
            out = outlets[feed]
            ref = f"{feed[:3].upper()}-{zlib.crc32(recipe.encode()) % 9000 + 1000}"
            ctx = {"feed": feed, "delay": delay, "desk": src["desks"][out[2]], "origin": home[1], "ref": ref}
            start = replace(first, link=link_for(feed, s["id"]), style=out[4])
            e = apply(words, s, start, ctx)
            check_none_hidden(words, s, start, ctx, e)
            assert (e.title, body_of(e)) != (first.title, body_of(first)) or e.summary_only, recipe
            at = when + timedelta(minutes=int(delay))
            rows.append((at, row(s, e, out, at, f"{feed}-{s['id']}-{delay}")))
    rows.sort(key=lambda r: (r[0], r[1]["feed"]))
    for n, (_, r) in enumerate(rows, 1):
        r["id"] = f"n{n:03d}"
    return [r for _, r in rows]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    kinds = Counter(s["kind"] for s in stories.values())
    neg = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] in NEGATIVE)
    recipes = [c.split()[2:] for s in stories.values() for c in s.get("copies", [])]
    words = Counter(w for r in recipes for w in r)
    multi = sum(len(ev) > 1 for ev in ev_stories.values())
    cross = sum(len(ev) > 1 for ev in ev_langs.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
            f"events:                  {len(ev_stories)}  ({multi} with >=2 stories, {cross} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {neg}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
            f"  (en {round(100 * langs['en'] / len(rows))}%)",
            f"copy recipes:            {len(recipes)}  ({sum(2 <= len(r) <= 3 for r in recipes)} combine 2-3 words)",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
        ]
    )


SEED = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))["seed"]

if __name__ == "__main__":
    rows = build()
    made = dump(rows)
    if "--stats" in sys.argv:
        assert OUT.read_text(encoding="utf-8") == made, "heldout22.jsonl differs from what the generator makes"
    else:
        OUT.write_text(made, encoding="utf-8")
    print(stats(rows))
