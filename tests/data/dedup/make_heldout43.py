"""Build held-out dedup set v43 (`heldout43.jsonl`) from `heldout43_source.yaml`.

Each story runs at its origin outlet, then 3 copies (2 for a designed hard negative) at outlets that carry its
language. A copy's recipe is 2-3 of the outlet's style words, applied in the order of `words`: what feed pipelines
do to a copy's bytes (soft hyphens, zero-width spaces, bidi marks, no-break spaces, full-width digits, headline
case, a body in table cells or a definition list, unclosed tags, entities escaped twice, CDATA holding escaped
markup, a summary cut mid-word). A combination where some word changes nothing is skipped, so no word is hidden.
Deterministic: seeded from SHA-256, no clock. Stdlib + PyYAML; imports no other generator.
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
SOURCE = HERE / "heldout43_source.yaml"
OUT = HERE / "heldout43.jsonl"
PREFIX = "om"
DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")
SENTENCE_GAPS = (". ", ", ", "، ", "۔ ", "। ")
NEGATIVE_COPIES, COPIES = 2, 3


def rng_for(seed: str, *parts: str) -> random.Random:
    digest = hashlib.sha256("|".join((seed, *parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def short_hash(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]


# --- text words: change title and paragraphs -------------------------------------------------------------


def shy(word: str) -> str:
    """A CMS hyphenator's soft hyphen in the middle of every long word."""
    letters = sum(c.isalpha() for c in word)
    return word[: len(word) // 2] + "\u00ad" + word[len(word) // 2 :] if letters >= 9 else word


def shyinserts(title: str, paras: list[str]) -> tuple[str, list[str]]:
    return title, [" ".join(shy(w) for w in p.split(" ")) for p in paras]


RIGHT_JOINING = set("اآأإدذرزژوؤۀےۓ")


def kashida(word: str) -> str:
    """A tatweel after the first joining letter of a long Perso-Arabic word, as headline stretchers print."""
    if len(word) < 5 or not all("\u0600" <= c <= "\u06ff" for c in word):
        return word
    for i in range(1, len(word) - 1):
        if word[i] not in RIGHT_JOINING and word[i + 1] not in "\u0640۔،":
            return word[: i + 1] + "\u0640" + word[i + 1 :]
    return word


def kashidastretch(title: str, paras: list[str]) -> tuple[str, list[str]]:
    return " ".join(kashida(w) for w in title.split(" ")), [" ".join(kashida(w) for w in p.split(" ")) for p in paras]


def wordjoiners(title: str, paras: list[str]) -> tuple[str, list[str]]:
    """Word joiners around hyphens, slashes, colons and number separators inside a token, as some CMS keep
    compounds and figures from breaking across lines."""

    def join(text: str) -> str:
        return re.sub(r"(?<=\w)([-/:.,])(?=\w)", "\u2060\\1\u2060", text)

    return join(title), [join(p) for p in paras]


def zerowidth(title: str, paras: list[str]) -> tuple[str, list[str]]:
    out = []
    for p in paras:
        for gap in SENTENCE_GAPS:
            p = p.replace(gap, gap[:-1] + "\u200b ")
        out.append(p)
    return title, out


def bidimarks(title: str, paras: list[str]) -> tuple[str, list[str]]:
    def mark(text: str) -> str:
        return DIGITS.sub(lambda m: "\u200e" + m.group(0) + "\u200e", text)

    return mark(title), [mark(p) for p in paras]


def nobreakspaces(title: str, paras: list[str]) -> tuple[str, list[str]]:
    def glue(text: str) -> str:
        return re.sub(r"(\d\u200e?) ", "\\1\u00a0", text)

    return glue(title), [glue(p) for p in paras]


WIDE = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789%"}


def widedigits(title: str, paras: list[str]) -> tuple[str, list[str]]:
    return title.translate(WIDE), [p.translate(WIDE) for p in paras]


def capsheadline(title: str, paras: list[str]) -> tuple[str, list[str]]:
    return title.upper(), paras


def titlecasehead(title: str, paras: list[str]) -> tuple[str, list[str]]:
    return " ".join(w[:1].upper() + w[1:] for w in title.split(" ")), paras


TEXT_WORDS = {
    f.__name__: f
    for f in (shyinserts, kashidastretch, zerowidth, wordjoiners, bidimarks, nobreakspaces, widedigits, capsheadline)
}
TEXT_WORDS["titlecasehead"] = titlecasehead

# --- markup words: change the rendered HTML body ---------------------------------------------------------


def render(body: str, title: str, paras: list[str], words: list[str]) -> str:
    if body == "none":
        return ""
    if body == "plain":
        return "\n\n".join(paras)
    cells = [html.escape(p) for p in paras]
    if "tablerows" in words:
        out = "<table><tbody>" + "".join(f"<tr><td>{c}</td></tr>\n" for c in cells) + "</tbody></table>"
    elif "deflistbody" in words:
        out = f"<dl><dt>{html.escape(title)}</dt>\n" + "".join(f"<dd>{c}</dd>\n" for c in cells) + "</dl>"
    else:
        out = "\n".join(f"<p>{c}</p>" for c in cells)
    if "unclosedtags" in words:  # closings dropped, a bold lede closed after the next paragraph opens
        for tag in ("</p>", "</td>", "</dd>"):
            out = out.replace(tag, "")
        out = re.sub(r"^(<[^>]+>(?:<[^>]+>)*)", r"\1<strong>", out, count=1)
        out = out.replace("\n", "</strong>\n", 1)
    if "doubleescape" in words:
        out = re.sub(r"&(#?\w+;)", r"&amp;\1", out)
    if "cdatawrap" in words:
        out = "<![CDATA[" + html.escape(out, quote=False) + "]]>"
    return out


def cut_words(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def summary_of(body: str, paras: list[str], words: list[str], cut: list) -> str:
    if "midwordcut" in words:  # the feed's summary field cut at N characters, mid-word
        joined = " ".join(paras)
        return joined[: cut[0]] + cut[1] if len(joined) > cut[0] else joined
    return cut_words(" ".join(paras), 600) if body == "none" else cut_words(paras[0], 220)


def carry(story: dict, outlet: dict, words: list[str]) -> tuple[str, str, str]:
    """(title, summary, content) of `story` as `outlet` prints it after `words`."""
    title, paras = story["title"], paragraphs(story["text"])
    for word in words:
        if word in TEXT_WORDS:
            title, paras = TEXT_WORDS[word](title, paras)
    return title, summary_of(outlet["body"], paras, words, outlet["cut"]), render(outlet["body"], title, paras, words)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


# --- source ------------------------------------------------------------------------------------------------


def load() -> dict:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    keys = ("feed", "name", "host", "offset", "body", "langs", "words", "cut")
    src["outlets"] = {o[0]: dict(zip(keys, o, strict=True)) for o in src["outlets"]}
    stories = {s["id"]: s for s in src["stories"]}
    for s in src["stories"]:
        if "derive" in s:
            derive(s, stories[s["derive"]])
    for o in src["outlets"].values():
        if [w for w in src["words"] if w in o["words"]] != o["words"]:
            sys.exit(f"{o['feed']}: style words out of the order of `words`")
    return src


def derive(story: dict, base: dict) -> None:
    """A designed negative: its base with phrase replacements and, for a follow-up, a new first paragraph."""
    title, text = base["title"], base["text"]
    for old, new in story["set"]:
        if old not in title and old not in text:
            sys.exit(f"{story['id']}: {old!r} matches nothing in {base['id']}")
        title, text = title.replace(old, new), text.replace(old, new)
    if "lead" in story:
        text = story["lead"] + "\n\n" + text
    story.update(title=title, text=text, lang=base["lang"], outlet=base["outlet"])


# --- build ------------------------------------------------------------------------------------------------


def recipe(story: dict, outlet: dict, rng: random.Random) -> list[str] | None:
    """The first seeded 2-3 word combination that changes the report and hides no word."""
    combos = [list(c) for n in (2, 3) for c in itertools.combinations(outlet["words"], n)]
    rng.shuffle(combos)
    for combo in combos:
        made = carry(story, outlet, combo)
        if all(carry(story, outlet, [w for w in combo if w != drop]) != made for drop in combo):
            return combo
    return None


def times(src: dict) -> dict[str, datetime]:
    start = datetime.fromisoformat(src["start"])
    at: dict[str, datetime] = {}
    day = 0
    for s in src["stories"]:
        if s["kind"] == "original":
            at[s["id"]] = start + timedelta(days=day)
            day += 1
        elif "derive" in s:
            at[s["id"]] = at[s["derive"]] + timedelta(days=37)
        else:
            at[s["id"]] = at[s["against"]] + timedelta(minutes=95)
    return at


def entry(src: dict, story: dict, outlet: dict, words: list[str], when: datetime) -> dict:
    title, summary, content = carry(story, outlet, words)
    h = short_hash(src["seed"], outlet["feed"], story["id"])
    local = when.astimezone(timezone(timedelta(minutes=outlet["offset"])))
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": f"https://{outlet['host']}/news/{h}",
        "guid": f"{outlet['feed']}-{h}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_words": words,
        "_utc": when,
    }


def build() -> list[dict]:
    src = load()
    outlets, at = src["outlets"], times(src)
    rows = []
    for s in src["stories"]:
        home = outlets[s["outlet"]]
        if s["lang"] not in home["langs"]:
            sys.exit(f"{s['id']}: origin outlet {home['feed']} does not carry {s['lang']}")
        report = entry(src, s, home, [], at[s["id"]])
        rows.append(report)
        rng = rng_for(src["seed"], s["id"])
        pool = [o for o in outlets.values() if o is not home and (o["langs"] == "all" or s["lang"] in o["langs"])]
        rng.shuffle(pool)
        want = NEGATIVE_COPIES if "derive" in s else COPIES
        made = 0
        for o in pool:
            if made == want:
                break
            words = recipe(s, o, rng)
            if words is None:
                continue
            copy = entry(src, s, o, words, at[s["id"]] + timedelta(minutes=rng.randint(4, 900)))
            if (copy["title"], copy["content"]) == (report["title"], report["content"]):
                sys.exit(f"{s['id']}: the copy at {o['feed']} keeps its original's title and body")
            rows.append(copy)
            made += 1
        if made < want:
            sys.exit(f"{s['id']}: only {made} copies")
    rows.sort(key=lambda r: (r["_utc"], r["feed"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> str:
    src = load()
    per_story = Counter(r["story"] for r in rows)
    events = {s["event"] for s in src["stories"]}
    ev_stories = Counter(s["event"] for s in src["stories"])
    negatives = [s for s in src["stories"] if "derive" in s]
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in src["stories"])
    words = Counter(w for r in rows for w in r["_words"])
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(events)} ({sum(n > 1 for n in ev_stories.values())} with several stories)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative pairs:     {sum(per_story[s['id']] * per_story[s['against']] for s in negatives)}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {round(100 * langs['en'] / len(rows))}%)",
            "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
