"""Generate held-out dedup set v39 (`heldout39.jsonl`) from `heldout39_source.yaml`.

Each story is emitted at its origin outlet, then as copies at other outlets carrying its language.
A copy reshapes the report's structure with 2-3 of the outlet's style words, applied in the fixed
order of `words`; a combination where some word changes nothing (is hidden) is skipped.
Deterministic: every draw comes from a `random.Random` seeded by a SHA-256 of the seed and names.
Stdlib + PyYAML; imports no earlier generator.
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
SOURCE = HERE / "heldout39_source.yaml"
OUT = HERE / "heldout39.jsonl"
PREFIX = "oh"
COPIES = {"bg": 2}  # copies per story; the side language gets fewer
DEFAULT_COPIES = 3
SUMMARY_LIMIT = 220
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
SENTENCE_END = re.compile(r"(?<=[.!?।؟〟])\s+")


def rng_for(seed: str, *names: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *names)).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def sentences(paras: list[str]) -> list[str]:
    return [s for p in paras for s in SENTENCE_END.split(p) if s]


# The recipe words: each takes the paragraphs as carried so far (and the outlet's "see also" titles).
def ledeless(paras: list[str], related: list[str]) -> list[str]:
    """A regional edition that drops the lede and opens at the second paragraph."""
    return paras[1:] if len(paras) > 1 else paras


def pullquotefirst(paras: list[str], related: list[str]) -> list[str]:
    """An app card that lifts the closing sentence above the body as a pull-quote."""
    return [f"〝{sentences(paras)[-1]}〟", *paras]


def oneblock(paras: list[str], related: list[str]) -> list[str]:
    """A CMS export that loses paragraph breaks: the whole body as one block."""
    return [" ".join(paras)]


def sentencebullets(paras: list[str], related: list[str]) -> list[str]:
    """An accessibility view listing the report sentence by sentence."""
    return [f"◦ {s}" for s in sentences(paras)]


def relatedtail(paras: list[str], related: list[str]) -> list[str]:
    """A syndication page that appends other headlines of the same desk."""
    return [*paras, "See also · " + " · ".join(related)]


WORDS = {f.__name__: f for f in (ledeless, pullquotefirst, oneblock, sentencebullets, relatedtail)}


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    assert list(WORDS) == src["words"], "recipe words out of order"
    by_id = {s["id"]: s for s in src["stories"]}
    for s in src["stories"]:
        if "derive" in s:
            base = by_id[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s["set"].items():
                assert old in title or old in text, (s["id"], old)
                title, text = title.replace(old, new), text.replace(old, new)
            for key in ("lang", "outlet", "place"):
                s[key] = base[key]
            s["title"], s["text"] = title, text
    return src


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


def render(paras: list[str], body: str) -> str:
    if body == "html":
        return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    if body == "plain":
        return "\n\n".join(paras)
    return ""


def summary(paras: list[str]) -> str:
    first = paras[0]
    if len(first) <= SUMMARY_LIMIT:
        return first
    return first[:SUMMARY_LIMIT].rsplit(" ", 1)[0] + " …"


def carried(paras: list[str], body: str) -> tuple[str, str]:
    return summary(paras), render(paras, body)


def apply(recipe: tuple[str, ...], paras: list[str], related: list[str]) -> list[str]:
    for word in recipe:
        paras = WORDS[word](paras, related)
    return paras


def recipe_for(words: list[str], paras: list[str], related: list[str], body: str, rng: random.Random):
    """The first seeded 2-3 word recipe whose every word shows and which changes the report."""
    order = [w for w in WORDS if w in words]
    combos = [c for n in (2, 3) for c in itertools.combinations(order, n)]
    rng.shuffle(combos)
    plain = carried(paras, body)
    for combo in combos:
        made = carried(apply(combo, paras, related), body)
        if made == plain:
            continue
        if any(carried(apply(tuple(w for w in combo if w != drop), paras, related), body) == made for drop in combo):
            continue
        return combo, made
    return None


def carries(outlet: list, lang: str) -> bool:
    return outlet[5] == "all" or lang in outlet[5]


def build() -> list[dict]:
    src = load()
    seed = src["seed"]
    outlets = {o[0]: o for o in src["outlets"]}
    start = datetime.fromisoformat(src["start"])
    stories = src["stories"]
    order = {s["id"]: i for i, s in enumerate(stories)}
    entries: list[dict] = []
    when: dict[str, datetime] = {}
    for s in stories:
        i = order[s["id"]]
        if "derive" in s:
            t = when[s["derive"]] + timedelta(days=47)
        elif s["kind"] == "independent":
            t = when[s["against"]] + timedelta(minutes=95)
        else:
            t = start + timedelta(days=i)
        when[s["id"]] = t
        origin = outlets[s["outlet"]]
        assert carries(origin, s["lang"]), s["id"]
        paras = paragraphs(s["text"])
        entries.append(entry(seed, s, origin, s["title"], carried(paras, origin[4]), t, None))
        rng = rng_for(seed, s["id"])
        others = [o for o in src["outlets"] if o[0] != origin[0] and carries(o, s["lang"])]
        rng.shuffle(others)
        # about half the stories reach a summary-only outlet first; the rest avoid them
        brief = [o for o in others if o[4] == "none"]
        others = [o for o in others if o[4] != "none"]
        if rng.random() < 0.5:
            others = brief[:1] + others
        related_pool = [x["title"] for x in stories if x["lang"] == s["lang"] and x["event"] != s["event"]]
        if len(related_pool) < 2:  # the side language: its desk lists English headlines
            related_pool = [x["title"] for x in stories if x["lang"] == "en" and x["event"] != s["event"]]
        want = COPIES.get(s["lang"], DEFAULT_COPIES)
        made = 0
        for o in others:
            if made == want:
                break
            related = rng.sample(related_pool, 2)
            found = recipe_for(o[6], paras, related, o[4], rng)
            if found is None:
                continue
            recipe, content = found
            copy_t = t + timedelta(minutes=rng.randint(4, 900))
            entries.append(entry(seed, s, o, s["title"], content, copy_t, recipe))
            made += 1
        assert made == want, (s["id"], made)
    entries.sort(key=lambda e: (e["_t"], e["feed"]))
    rows = []
    for n, e in enumerate(entries, 1):
        e.pop("_t")
        rows.append({"id": f"{PREFIX}{n:03d}", **e})
    check_copies_change(rows)
    return rows


def entry(seed, s, outlet, title, content, t, recipe) -> dict:
    feed, name, host, offset = outlet[:4]
    key = hashlib.sha256("|".join((seed, feed, s["id"])).encode("utf-8")).hexdigest()[:12]
    local = t.astimezone(timezone(timedelta(minutes=offset)))
    return {
        "_t": t,
        "_recipe": list(recipe or []),
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": f"https://{host}/news/{key}",
        "guid": f"{feed}:{key}",
        "published": local.isoformat(),
        "summary": content[0],
        "content": content[1],
        "lang": s["lang"],
        "story": s["id"],
        "event": s["event"],
    }


def check_copies_change(rows: list[dict]) -> None:
    first: dict[str, dict] = {}
    for r in rows:
        if r["story"] in first:
            o = first[r["story"]]
            assert (r["title"], r["content"]) != (o["title"], o["content"]), r["id"]
        else:
            first[r["story"]] = r


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    kinds = {s["id"]: s["kind"] for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    ev: dict[str, set[str]] = {}
    for r in rows:
        ev.setdefault(r["event"], set()).add(r["story"])
    neg = sum(per_story[s["id"]] * per_story[s["against"]] for s in src["stories"] if "derive" in s)
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_recipe"])
    en = 100 * langs["en"] // len(rows)
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(ev)} ({sum(len(v) > 1 for v in ev.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {neg}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())) + f"  (en {en}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(Counter(kinds.values()).items())),
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
