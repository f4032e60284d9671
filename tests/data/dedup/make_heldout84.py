"""Generate held-out dedup set v84 (issue 13): the issue's transformation catalogue as a new user meets it.

Reads `heldout84_source.yaml` and writes `heldout84.jsonl`: each story at its origin desk, then one copy per
recipe in its `copies` list at a carrier of its language. A recipe is steps joined by `+`, or one of the
issue's named combinations. Standalone (stdlib + PyYAML) and byte-for-byte reproducible.

    python make_heldout84.py          # rewrites heldout84.jsonl
    python make_heldout84.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout84_source.yaml"
OUT = HERE / "heldout84.jsonl"
PREFIX = "qf"
# The realistic combinations, spelled as steps (spelling applies to English only).
COMBOS = {
    "aggregator": ["byline", "glue_html", "spelling", "truncate"],
    "regional": ["newfirst", "trimtail"],
    "wire": ["topgrafadd"],
    "trimhead": ["trimtail", "newhead"],
}
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]


def digest(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest(), 16)


class Piece:
    """A text as a carrier shapes it: title, paragraphs, dateline, and how the body is written out."""

    def __init__(self, story: dict, body: str) -> None:
        self.title: str = story["title"]
        self.paras: list[str] = story["text"].strip().split("\n")
        self.dateline: str = story.get("dateline", "")
        self.body = body  # html | plain | none
        self.glue = ""  # "html" or "plain" when paragraph boundaries are lost
        self.entities = False
        self.ending = ""
        self.head: list[str] = []  # a byline or an update paragraph, above the dateline

    def paragraphs(self) -> list[str]:
        paras = list(self.paras)
        if self.dateline and paras:
            paras[0] = f"{self.dateline} {paras[0]}"
        return self.head + paras


def first_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def apply(step: str, piece: Piece, story: dict, src: dict, salt: int) -> None:
    lang = story["lang"]
    if step == "dateline_strip":
        assert piece.dateline, story["id"]
        piece.dateline = ""
    elif step == "byline":
        names = src["bylines"][lang]
        piece.head.insert(0, names[salt % len(names)])
    elif step == "glue_html":
        piece.glue, piece.body = "html", "html"
    elif step == "glue_plain":
        piece.glue, piece.body = "plain", "plain"
    elif step == "entities":
        assert re.search("[\"'«—]", "\n".join(piece.paras)), story["id"]  # something to fold, or no change
        piece.entities = True
    elif step == "spelling":
        if lang == "en":
            before = "\n".join(piece.paras)
            for uk, us in src["spelling"].items():
                piece.paras = [re.sub(rf"\b{uk}", us, p) for p in piece.paras]
                piece.paras = [re.sub(rf"\b{uk.capitalize()}", us.capitalize(), p) for p in piece.paras]
            assert "\n".join(piece.paras) != before, story["id"]
    elif step == "truncate":
        keep = max(12, sum(len(p.split()) for p in piece.paras) * 3 // 5)
        cut: list[str] = []
        for para in piece.paras:  # paragraphs kept whole until the budget runs out mid-paragraph
            words = para.split()[:keep]
            cut.append(" ".join(words))
            keep -= len(words)
            if keep <= 0:
                break
        piece.paras = cut
        marker = src["markers"][salt % len(src["markers"])]
        piece.ending = f"… The post {piece.title} appeared first on {{outlet}}." if marker == "THE POST" else marker
    elif step == "newhead":
        piece.title = story.get("alt") or first_words(re.split(r"(?<=[.!?])\s", story["text"].strip())[0], 8)
    elif step == "trimtail":
        assert len(piece.paras) > 1, story["id"]
        piece.paras = piece.paras[:-1]
    elif step == "newfirst":
        rest = re.split(r"(?<=[.!?])\s", piece.paras[0], maxsplit=1)
        piece.paras[0] = story["lede2"] + (" " + rest[1] if len(rest) > 1 else "")
        piece.dateline = ""
    elif step == "topgrafadd":
        piece.head.append(story["update"])
    else:
        raise ValueError(f"{story['id']}: unknown step {step!r}")


def typographic(text: str, as_html: bool) -> str:
    """Straight quotes and apostrophes as an editor's typographic ones, as entities in markup."""
    quotes = iter(["&ldquo;", "&rdquo;"] * 50 if as_html else ["\u201c", "\u201d"] * 50)
    text = re.sub('"', lambda _: next(quotes), text)
    text = text.replace("'", "&#8217;" if as_html else "\u2019")
    if as_html:
        text = (
            text.replace("«", "&laquo;").replace("»", "&raquo;").replace(" — ", " &mdash; ").replace(" –", " &ndash;")
        )
    return text


def render(piece: Piece, outlet: str) -> tuple[str, str]:
    """(summary, content) of a piece at an outlet."""
    paras = piece.paragraphs()
    ending = piece.ending.replace("{outlet}", outlet)
    as_html = piece.body == "html"
    texts = [
        typographic(p, as_html) if piece.entities else (html.escape(p, quote=False) if as_html else p) for p in paras
    ]
    if piece.body == "none":
        flat = " ".join(paras) + ending
        cut = flat if len(flat) <= 170 else flat[: flat.index(" ", 170)] + " …"
        return (typographic(cut, False) if piece.entities else cut), ""
    if as_html:
        joiner = "</p><p>" if piece.glue == "html" else "</p>\n<p>"
        content = "<p>" + joiner.join(texts) + (html.escape(ending) if ending else "") + "</p>"
    else:
        joiner = "" if piece.glue == "plain" else "\n\n"
        content = joiner.join(texts) + ending
    first = paras[0] if len(paras[0]) <= 200 else paras[0][: paras[0].index(" ", 200)] + " …"
    return first, content


def stamp(at: datetime, offset: int) -> str:
    return at.astimezone(timezone(timedelta(minutes=offset))).isoformat()


def entry(story: dict, piece: Piece, feed: str, outlet: str, host: str, offset: int, at: datetime, n: int) -> dict:
    summary, content = render(piece, outlet)
    if n == 0:
        link = f"https://{host}/2036/{at:%m/%d}/{story['id']}"
        guid = f"tag:{host},2036:{story['id']}"
    else:
        h = digest("link", story["id"], feed, n)
        link = f"https://{host}/a/{h % 10**8:08d}" + ("?utm_source=feed&utm_medium=rss" if h % 3 == 0 else "")
        guid = f"{feed}-{h % 10**10:010d}"
    return {
        "outlet": outlet,
        "feed": feed,
        "title": piece.title,
        "link": link,
        "guid": guid,
        "published": stamp(at, offset),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_at": at,
    }


def steps_of(recipe: str) -> list[str]:
    return [s for part in recipe.split("+") for s in COMBOS.get(part, [part])]


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    rows = []
    for story in src["stories"]:
        name, host, offset, body = src["desks"][story["outlet"]]
        at = datetime.fromisoformat(story["at"].replace("Z", "+00:00"))
        rows.append(entry(story, Piece(story, body), story["outlet"], name, host, offset, at, 0))
        carriers = sorted(src["carriers"][story["lang"]], key=lambda c: digest(src["seed"], story["id"], c[0]))
        for n, recipe in enumerate(story["copies"], 1):
            feed, outlet, chost, coffset, cbody = carriers[(n - 1) % len(carriers)]
            piece = Piece(story, cbody)
            salt = digest(src["seed"], story["id"], recipe, n)
            for step in steps_of(recipe):
                apply(step, piece, story, src, salt)
            later = at + timedelta(minutes=15 + salt % 400)
            row = entry(story, piece, feed, outlet, chost, coffset, later, n)
            row["_recipe"] = recipe
            rows.append(row)
    rows.sort(key=lambda r: (r["_at"], r["story"], r["feed"]))
    for i, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{i:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    per_event: dict[str, set[str]] = {}
    for r in rows:
        per_event.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    same_event = sum(per_story[a] * per_story[b] for ss in per_event.values() for a in ss for b in ss if a < b)
    negative = 0
    for s in stories.values():
        if s["kind"] in {"morrowdesk", "sameformother", "triadweekly", "releasedouble"}:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    langs = Counter(r["lang"] for r in rows)
    steps = Counter(s for r in copies for s in steps_of(r["_recipe"]) if s != "spelling" or r["lang"] == "en")
    recipes = Counter(r["_recipe"] for r in copies)
    sizes = Counter(per_story.values())
    several = sum(len(v) > 1 for v in per_event.values())

    def tally(counter: Counter[str]) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(counter.items()))

    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(per_event)} ({several} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative} (releasedouble counted both ways)",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        f"kinds:                   {tally(Counter(s['kind'] for s in stories.values()))}",
        f"recipes:                 {', '.join(f'{k}={v}' for k, v in sorted(recipes.items()))}",
        f"steps:                   {', '.join(f'{k}={v}' for k, v in sorted(steps.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
