"""Build held-out dedup set v42 (`heldout42.jsonl`) from `heldout42_source.yaml`.

Copies keep every sentence of their original but carry what real pages insert into and rewrite on the
surface of a story: captions, alt texts, embedded posts, repeated quotes, "also on" lines, correction
lines, names with their Latin form, converted units, locale numbers and native digits. Stdlib + PyYAML,
seeded and deterministic (no clock); imports no earlier generator.

    python tests/data/dedup/make_heldout42.py          # rewrites heldout42.jsonl
    python tests/data/dedup/make_heldout42.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout42_source.yaml"
OUT = HERE / "heldout42.jsonl"
PREFIX = "ok"
SUMMARY_CUT = 220
SUMMARY_ONLY_CUT = 600
NUMBER = re.compile(r"(?<![\d.,])(\d+)(?:\.(\d+))?(?!\d)")


def fail(message: str) -> None:
    raise SystemExit(f"make_heldout42: {message}")


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def outlet_table(source: dict) -> dict[str, dict]:
    keys = ["feed", "name", "host", "offset", "body", "langs", "words", "handle", "locale"]
    return {row[0]: dict(zip(keys, row, strict=True)) for row in source["outlets"]}


def carries(outlet: dict, lang: str) -> bool:
    return outlet["langs"] == "all" or lang in outlet["langs"]


def derive(story: dict, stories: dict[str, dict]) -> dict:
    """A designed hard negative: its base with phrase replacements (each must match) and an optional lead."""
    base = stories[story["derive"]]
    title, text = base["title"], base["text"]
    for old, new in story["set"].items():
        old, new = str(old), str(new)
        if old not in title and old not in text:
            fail(f"{story['id']}: {old!r} matches nothing")
        title, text = title.replace(old, new), text.replace(old, new)
    if story.get("lead"):
        text = story["lead"] + "\n\n" + text
    inherited = {k: base[k] for k in ("lang", "outlet", "place", "names") if k in base}
    return {**inherited, **story, "title": title, "text": text}


# ---- recipe words: each takes (title, paragraphs, context) and returns (title, paragraphs);
# a paragraph is (text, inserted) so the summary can skip what the page inserted.


def w_latinnames(title, paras, ctx):
    names = ctx["story"].get("names", [])
    out = list(paras)
    for native, latin in names:
        for i, (text, ins) in enumerate(out):
            if native in text:
                out[i] = (text.replace(native, f"{native} ({latin})", 1), ins)
                break
    return title, out


def w_unitbrackets(title, paras, ctx):
    units = "|".join(map(re.escape, ctx["source"]["units"]))
    pattern = re.compile(rf"(\d+(?:\.\d+)?) ({units})")

    def miles(m: re.Match) -> str:
        return f"{float(m.group(1)) * 0.621371:.1f} miles ({m.group(1)} {m.group(2)})"

    return title, [(pattern.sub(miles, t), ins) for t, ins in paras]


def group(digits: str, locale: str) -> str:
    if len(digits) < 4:
        return digits
    if locale == "indian":
        head, tail = digits[:-3], digits[-3:]
        pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        return ",".join([*pairs, tail])
    sep = "." if locale == "dot-comma" else "\u00a0"
    return f"{int(digits):,}".replace(",", sep)


def localise(text: str, locale: str) -> str:
    def one(m: re.Match) -> str:
        whole = group(m.group(1), locale)
        if m.group(2) is None:
            return whole
        return whole + ("." if locale == "indian" else ",") + m.group(2)

    return NUMBER.sub(one, text)


def w_localnumbers(title, paras, ctx):
    locale = ctx["outlet"]["locale"]
    return localise(title, locale), [(localise(t, locale), ins) for t, ins in paras]


def w_localedigits(title, paras, ctx):
    native = ctx["source"]["digits"].get(ctx["lang"])
    if not native:
        return title, paras
    table = str.maketrans("0123456789", native)
    return title.translate(table), [(t.translate(table), ins) for t, ins in paras]


def insert(paras, at: int, line: str):
    at = max(0, min(at, len(paras)))
    return [*paras[:at], (line, True), *paras[at:]]


def w_quoterepeat(title, paras, ctx):
    own = [t for t, ins in paras if not ins]
    sentence = max(own, key=len)
    return title, insert(paras, 2, ctx["labels"]["quote"].format(sentence=sentence))


def w_embedpost(title, paras, ctx):
    line = ctx["labels"]["embed"].format(handle=ctx["outlet"]["handle"], sentence=title)
    return title, insert(paras, len(paras) - 1, line)


def w_captioncredit(title, paras, ctx):
    line = ctx["labels"]["caption"].format(outlet=ctx["outlet"]["name"], place=ctx["story"]["place"])
    return title, insert(paras, 1, line)


def w_alttext(title, paras, ctx):
    return title, insert(paras, 0, ctx["labels"]["alt"].format(place=ctx["story"]["place"]))


def w_relatedline(title, paras, ctx):
    line = ctx["labels"]["related"].format(outlet=ctx["outlet"]["name"], title=ctx["related"])
    return title, insert(paras, 2, line)


def w_correctionline(title, paras, ctx):
    return title, [*paras, (ctx["labels"]["correction"], True)]


WORDS = {name[2:]: fn for name, fn in globals().items() if name.startswith("w_")}


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def render(title: str, paras: list, outlet: dict) -> tuple[str, str, str]:
    """(title, summary, content) as the outlet carries them."""
    texts = [t for t, _ in paras]
    if outlet["body"] == "none":
        return title, cut(" ".join(texts), SUMMARY_ONLY_CUT), ""
    summary = cut(next(t for t, ins in paras if not ins), SUMMARY_CUT)
    if outlet["body"] == "html":
        content = "\n".join(f"<p>{html.escape(t, quote=False)}</p>" for t in texts)
    else:
        content = "\n\n".join(texts)
    return title, summary, content


def apply(recipe: tuple[str, ...], story: dict, ctx: dict) -> tuple[str, str, str]:
    title, paras = story["title"], [(p.strip(), False) for p in story["text"].split("\n\n")]
    for word in recipe:
        title, paras = WORDS[word](title, paras, ctx)
    return render(title, paras, ctx["outlet"])


def pick_recipe(story: dict, ctx: dict, order: list[str], rng: random.Random, plain: tuple) -> tuple | None:
    """The first seeded 2-3 word combination of the outlet's words that changes the report, none hidden."""
    mine = [w for w in order if w in ctx["outlet"]["words"]]
    combos = [c for k in (2, 3) for c in itertools.combinations(mine, k)]
    rng.shuffle(combos)
    for combo in combos:
        made = apply(combo, story, ctx)
        if made[0::2] == plain[0::2] or made == plain:
            continue
        if all(apply(tuple(w for w in combo if w != drop), story, ctx) != made for drop in combo):
            return combo
    return None


def timeline(source: dict, stories: list[dict]) -> dict[str, datetime]:
    """Originals a day apart; rewrites 95 minutes after theirs; designed negatives 37 days after their base."""
    start = datetime.fromisoformat(source["start"])
    when: dict[str, datetime] = {}
    day = 0
    for s in stories:
        if s["kind"] == "original":
            when[s["id"]] = start + timedelta(days=day, minutes=37 * (day % 5))
            day += 1
    for s in stories:
        if s["kind"] == "independent":
            when[s["id"]] = when[s["against"]] + timedelta(minutes=95)
    for s in stories:
        if "derive" in s:
            when[s["id"]] = when[s["derive"]] + timedelta(days=37)
    return when


def related_titles(stories: list[dict]) -> dict[str, str]:
    """For each story, the headline of the nearest earlier story in its language with another event
    (a language with one event falls back to English, as a partner's "also on" line would)."""
    found: dict[str, str] = {}
    for i, s in enumerate(stories):
        nearby = stories[:i][::-1] + stories[i + 1 :]
        for lang in (s["lang"], "en"):
            others = [o for o in nearby if o["lang"] == lang and o["event"] != s["event"]]
            if others:
                found[s["id"]] = others[0]["title"]
                break
    return found


def entry(story: dict, outlet: dict, made: tuple, at: datetime, seed: str) -> dict:
    h = digest(seed, outlet["feed"], story["id"])
    local = at.astimezone(timezone(timedelta(minutes=outlet["offset"])))
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": made[0],
        "link": f"https://{outlet['host']}/news/{h[:10]}",
        "guid": f"{outlet['feed']}:{h[10:22]}",
        "published": local.isoformat(),
        "summary": made[1],
        "content": made[2],
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def build_with_recipes() -> tuple[list[dict], list[tuple[str, ...]], list[dict]]:
    source = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = outlet_table(source)
    order = source["words"]
    by_id: dict[str, dict] = {}
    for s in source["stories"]:
        by_id[s["id"]] = derive(s, by_id) if "derive" in s else s
    stories = list(by_id.values())
    when = timeline(source, stories)
    related = related_titles(stories)
    rows: list[tuple[datetime, int, dict]] = []
    recipes: list[tuple[str, ...]] = []
    for s in stories:
        home = outlets[s["outlet"]]
        if not carries(home, s["lang"]) or home["body"] == "none":
            fail(f"{s['id']}: origin outlet cannot carry it")
        base_ctx = {"story": s, "lang": s["lang"], "source": source, "labels": source["labels"]}
        base_ctx["related"] = related[s["id"]]
        plain = apply((), s, {**base_ctx, "outlet": home})
        rows.append((when[s["id"]], len(rows), entry(s, home, plain, when[s["id"]], source["seed"])))
        rng = random.Random(int(digest(source["seed"], s["id"]), 16))
        carriers = [o for o in outlets.values() if o["feed"] != home["feed"] and carries(o, s["lang"])]
        rng.shuffle(carriers)
        wanted = 2 if "derive" in s else 3
        made_copies = 0
        for o in carriers:
            if made_copies == wanted:
                break
            ctx = {**base_ctx, "outlet": o}
            recipe = pick_recipe(s, ctx, order, rng, plain)
            if recipe is None:
                continue
            made = apply(recipe, s, ctx)
            if made[0] == plain[0] and made[2] == plain[2] and o["body"] != "none":
                fail(f"{s['id']}: copy at {o['feed']} keeps its original's title and body")
            if list(recipe) != sorted(recipe, key=order.index):
                fail(f"{s['id']}: recipe out of order")
            at = when[s["id"]] + timedelta(minutes=rng.randint(4, 900))
            rows.append((at, len(rows), entry(s, o, made, at, source["seed"])))
            recipes.append(recipe)
            made_copies += 1
        if made_copies < wanted:
            fail(f"{s['id']}: only {made_copies} copies")
    rows.sort(key=lambda r: (r[0], r[1]))
    out = [r[2] for r in rows]
    for n, r in enumerate(out, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return out, recipes, stories


def build() -> list[dict]:
    return build_with_recipes()[0]


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict], recipes: list[tuple[str, ...]], stories: list[dict]) -> str:
    per_story = Counter(r["story"] for r in rows)
    events = Counter(s["event"] for s in stories)
    langs = Counter(r["lang"] for r in rows)
    hard = sum(per_story[s["id"]] * per_story[s["against"]] for s in stories if "derive" in s)
    words = Counter(w for recipe in recipes for w in recipe)
    kinds = Counter(s["kind"] for s in stories)
    en = round(100 * langs["en"] / len(rows))
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(n > 1 for n in events.values())} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"hard-negative pairs:     {hard}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())) + f"  (en {en}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows, recipes, stories = build_with_recipes()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows, recipes, stories))


if __name__ == "__main__":
    main()
