"""Build the third tuning set (tune3.jsonl) from tune3_source.yaml.

Stories are hand-written in the YAML; this script derives every syndicated copy by mixing
several transformations (fixed seed, no clock), fills template stories (recurring reports,
template-alike bulletins with other facts), prepends the recalled opening of follow-ups and
composes round-ups. Stdlib + PyYAML only.

    python tests/data/dedup/make_tune3.py          # rewrites tune3.jsonl, prints the counts
    python tests/data/dedup/make_tune3.py --stats  # counts (regenerated in memory, checked against the file)
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from html.entities import codepoint2name
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE, OUT = HERE / "tune3_source.yaml", HERE / "tune3.jsonl"
# A sentence ends before a capital, a quote or a caseless script ("Dec. 2", "3 a.m. near" do not end one).
SENT = re.compile(r"(?<=[.!?؟])\s+(?=[A-ZÀ-ÞА-ЯЁІЇЄҐ\"«“„¿¡\u0600-\u06ff])|(?<=[。！？])")
NUMBER = re.compile(r"\b\d{1,3}(?:[., \u00a0]\d{3})+\b")
SPACELESS = {"ja"}
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
BODY_ONLY = {"trim", "truncate", "caption", "insert", "related", "html", "merge", "split", "intro"}
# What a copy may get, in the order applied; each copy draws 2-5 of these.
KINDS = [
    "lede",
    "edit",
    "numbers",
    "quotes",
    "trim",
    "merge",
    "split",
    "intro",
    "byline",
    "dateline",
    "related",
    "caption",
    "insert",
    "truncate",
    "summary-only",
    "html",
    "title",
    "link",
    "zone",
]


def sentences(text: str) -> list[str]:
    return [s for s in SENT.split(text) if s.strip()]


def words(paras: list[str], lang: str) -> int:
    return sum(len(p) if lang in SPACELESS else len(p.split()) for p in paras)


def join_sents(sents: list[str], lang: str) -> str:
    return ("" if lang in SPACELESS else " ").join(s.strip() for s in sents)


class Builder:
    def __init__(self, src: dict) -> None:
        self.src, self.outlets, self.langs = src, src["outlets"], src["langs"]
        self.rng = random.Random(src["seed"])
        self.rows: list[dict] = []
        self.kinds: Counter[str] = Counter()
        self.serial = 1000

    # ---- stories -------------------------------------------------------
    def stories(self) -> list[dict]:
        stories = [dict(s) for s in self.src["stories"]]
        for tpl in self.src["templates"]:
            for fill in tpl["fills"]:
                s = {k: v for k, v in tpl.items() if k not in ("fills", "key")}
                s.update(fill)
                s["title"] = tpl["title"].format(**fill)
                s["paras"] = [p.format(**fill) for p in tpl["paras"]]
                s.setdefault("kind", "template")
                stories.append(s)
        by_id = {s["id"]: s for s in stories}
        for s in stories:
            if "opening_of" in s:  # follow-up: the earlier story's opening, then new text
                s["paras"] = [by_id[s["opening_of"]]["paras"][0], *s["paras"]]
        for r in self.src["roundups"]:
            quoted = [by_id[i] for i in r["of"]]
            paras = [r["intro"]] + [f"{q['title']}: {sentences(q['paras'][0])[0]}" for q in quoted]
            stories.append({**r, "paras": paras, "kind": "roundup"})
        return stories

    # ---- rendering -----------------------------------------------------
    def dateline(self, outlet: dict, s: dict, at: datetime) -> str:
        lang = self.langs[s["lang"]]
        month = lang["months"][at.month - 1]
        form = outlet.get("dateline") or self.rng.choice(lang["datelines"])
        return form.format(city=s["city"], CITY=s["city"].upper(), d=at.day, mon=month, tag=outlet["tag"])

    def render(self, paras: list[str], style: str, lang: str, more: str | None, link: str) -> str:
        if more:
            last = paras[-1] + "…"
            paras = [*paras[:-1], last + (f' <a href="{link}">{more}</a>' if style != "plain" else f" {more}")]
        if style == "plain":
            return "\n\n".join(paras)
        if style == "plain-glued":
            return "".join(paras)
        if style == "br":
            return "<br><br>".join(paras)
        body = [f"<p>{p}</p>" for p in paras]
        if style == "p-glued":
            return "".join(body)
        return ('<div class="article-body">' + "\n".join(body) + "</div>") if style == "div" else "\n".join(body)

    @staticmethod
    def entities(text: str, lang: str) -> str:
        """Latin-script desks export named entities where HTML has one; the others numeric ones."""

        def enc(ch: str) -> str:
            name = codepoint2name.get(ord(ch)) if lang in ("es", "fr", "it", "en") else None
            return f"&{name};" if name else f"&#{ord(ch)};"

        return "".join(enc(c) if ord(c) > 127 else c for c in text)

    def link(self, outlet: dict, s: dict, at: datetime, tracking: bool) -> str:
        self.serial += 7
        url = f"https://{outlet['host']}/{at:%Y/%m/%d}/{s['id'][2:]}-{self.serial}"
        if tracking:
            return f"https://{self.rng.choice(self.src['trackers'])}/c?u={url}&utm_source=feed&utm_medium=rss&utm_campaign=t3"
        return url

    def guid(self, outlet: dict, at: datetime) -> str:
        self.serial += 3
        style = outlet["guid"]
        if style == "tag":
            return f"tag:{outlet['host']},{at:%Y-%m-%d}:{self.serial}"
        if style == "p":
            return f"https://{outlet['host']}/?p={self.serial * 13}"
        if style == "urn":
            return f"urn:uuid:{random.Random(self.serial).getrandbits(128):032x}"
        return f"{outlet['feed']}-{at:%Y%m%d}-{self.serial}"

    def emit(self, s: dict, feed: str, at: datetime, paras: list[str], title: str, opts: dict) -> None:
        outlet = {**self.outlets[feed], "feed": feed}
        zone = opts.get("zone") or timezone(timedelta(hours=outlet["tz"]))
        style = opts.get("html") or outlet["body"]
        link = self.link(outlet, s, at, opts.get("tracking", False))
        content = self.render(paras, style, s["lang"], opts.get("more"), link)
        first = sentences(paras[0])
        summary = first[0] if len(first) > 1 else paras[0]
        if opts.get("entities"):
            content = self.entities(content, s["lang"])
        if outlet["body"] == "summary" or opts.get("summary_only"):
            summary, content = (paras[0] if len(paras[0]) < 400 else first[0] + "…"), ""
        elif style not in ("plain", "plain-glued") and self.rng.random() < 0.5:
            summary = f"<p>{html.escape(summary, quote=False)}</p>"
        self.rows.append(
            {
                "outlet": outlet["name"],
                "feed": feed,
                "title": title,
                "link": link,
                "guid": self.guid(outlet, at),
                "published": at.astimezone(zone).isoformat(),
                "summary": summary,
                "content": content,
                "lang": s["lang"],
                "story": s["id"],
                "event": s["event"],
                "_at": at,
            }
        )

    def other_title(self, s: dict) -> str:
        pool = [o["title"] for o in self.all if o["lang"] == s["lang"] and o["id"] != s["id"]]
        return self.rng.choice(pool)

    def original(self, s: dict) -> None:
        at = datetime.fromisoformat(s["at"]).replace(tzinfo=UTC)
        outlet = self.outlets[s["outlet"]]
        paras = list(s["paras"])
        s["_dl"] = self.dateline(outlet, s, at) if outlet.get("dateline") and s.get("city") else ""
        paras[0] = s["_dl"] + paras[0]
        self.emit(s, s["outlet"], at, paras, s["title"], {})
        s["_paras"], s["_at"] = paras, at

    # ---- copies --------------------------------------------------------
    def copy(self, s: dict, feed: str, n: int) -> None:
        paras, title, opts, used = transform(self, s, feed)
        self.kinds.update(used)
        minutes = self.rng.choice([2, 5, 11, 25, 40, 75, 130, 240, 420, 900, 1300, 1700])
        self.emit(s, feed, s["_at"] + timedelta(minutes=minutes + n), paras, title, opts)

    def build(self) -> list[dict]:
        stories = self.all = self.stories()
        for s in stories:
            self.original(s)
            pool = [f for f, o in self.outlets.items() if o["lang"] == s["lang"] and f != s["outlet"]]
            picked = self.rng.sample(pool, min(s.get("copies", 0), len(pool)))
            for n, feed in enumerate(picked):
                self.copy(s, feed, n)
        self.rows.sort(key=lambda r: (r["_at"], r["guid"]))
        for i, r in enumerate(self.rows, 1):
            r.pop("_at")
            r["id"] = f"t3-{i:03d}"
        self.story_kinds = Counter(s.get("kind", "original") for s in stories)
        return [{k: r[k] for k in KEYS} for r in self.rows]


# ---- copy transformations ---------------------------------------------------
def edit_words(text: str, lang: str, rng: random.Random) -> str:
    """About 2 % of words get two inner letters transposed (a desk typo)."""
    if lang in SPACELESS:
        chars = list(text)
        for _ in range(max(1, len(chars) // 60)):
            i = rng.randrange(1, max(2, len(chars) - 2))
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        return "".join(chars)
    out = text.split(" ")
    for i, w in enumerate(out):
        if len(w) >= 6 and w.isalpha() and rng.random() < 0.04:
            j = rng.randrange(1, len(w) - 2)
            out[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(out)


MILLIONS = re.compile(r"\b(\d+)[.,](\d) (?:millones de|millions d'|milioni di|million) ")


def renumber(text: str, rng: random.Random) -> str:
    sep = rng.choice([".", ",", " ", "\u00a0", ""])
    text = MILLIONS.sub(lambda m: f"{m.group(1)}{sep}{m.group(2)}00{sep}000 ", text)  # 3,5 millones de -> 3.500.000
    text = NUMBER.sub(lambda m: re.sub(r"[., \u00a0]", sep, m.group()), text)
    return re.sub(r"(\d) ?%", lambda m: m.group(1) + rng.choice(["%", " %", "\u00a0%"]), text)


def requote(text: str, pair: list[str]) -> str:
    return re.sub(
        r"«\s?(.*?)\s?»|“(.*?)”|\"(.*?)\"",
        lambda m: pair[0] + (m.group(1) or m.group(2) or m.group(3) or "") + pair[1],
        text,
    )


def trim(paras: list[str], lang: str, pct: int) -> list[str]:
    """Whole sentences dropped from the tail until about pct % of the words are gone."""
    flat = [(i, x) for i, p in enumerate(paras) for x in sentences(p)]
    total = words(paras, lang)
    while len(flat) > 1 and words([x for _, x in flat], lang) > total * (100 - pct) / 100:
        flat.pop()
    out: dict[int, list[str]] = {}
    for i, x in flat:
        out.setdefault(i, []).append(x)
    return [join_sents(v, lang) for v in out.values()]


def cut(paras: list[str], lang: str, rng: random.Random) -> list[str]:
    """Keep some paragraphs, the last one cut mid-sentence (the marker follows)."""
    keep = paras[: rng.randint(1, max(1, len(paras) - 1))]
    last = keep[-1]
    at = int(len(last) * rng.uniform(0.45, 0.8))
    if lang not in SPACELESS:
        at = last.rfind(" ", 0, at) if last.rfind(" ", 0, at) > 0 else at
    return [*keep[:-1], last[:at].rstrip(" ,;:")]


def text_steps(b: Builder, s: dict, kinds: list[str], paras: list[str], used: list[str]) -> list[str]:
    rng, lang, L = b.rng, s["lang"], b.langs[s["lang"]]
    if "lede" in kinds and s.get("lede"):
        paras[0] = join_sents([s["lede"], *sentences(paras[0])[1:]], lang)
        used.append("lede")
    if "edit" in kinds:
        paras = [edit_words(p, lang, rng) for p in paras]
        used.append("edit2pct")
    if "numbers" in kinds and any(NUMBER.search(p) or "%" in p for p in paras):
        paras = [renumber(p, rng) for p in paras]
        used.append("numbers")
    if "quotes" in kinds and any(q in p for p in paras for q in '«“"'):
        pair = rng.choice(L["quotes"])
        paras = [requote(p, pair) for p in paras]
        used.append("quotes")
    if "trim" in kinds:
        pct = rng.choice([10, 20, 30, 40, 50, 60])
        paras = trim(paras, lang, pct)
        used.append(f"trim{pct}")
    if "merge" in kinds and len(paras) >= 3:
        paras = [paras[0], join_sents([paras[1], paras[2]], lang), *paras[3:]]
        used.append("merge")
    if "split" in kinds:
        i = max(range(len(paras)), key=lambda k: len(sentences(paras[k])))
        ss = sentences(paras[i])
        if len(ss) >= 2:
            h = len(ss) // 2
            paras = [*paras[:i], join_sents(ss[:h], lang), join_sents(ss[h:], lang), *paras[i + 1 :]]
            used.append("split")
    return paras


def frame_steps(b: Builder, s: dict, feed: str, kinds: list[str], paras: list[str], used: list[str]) -> list[str]:
    rng, L, outlet = b.rng, b.langs[s["lang"]], b.outlets[feed]
    dl = s["_dl"]
    if "dateline" in kinds and s.get("city"):
        mode = rng.choice(["strip", "change"]) if dl else "add"
        dl = "" if mode == "strip" else b.dateline({**outlet, "dateline": None, "tag": outlet["tag"]}, s, s["_at"])
        used.append(f"dateline-{mode}")
    paras = [dl + paras[0], *paras[1:]]
    if "intro" in kinds:
        paras.insert(0, rng.choice(L["intros"]))
        used.append("intro")
    if "byline" in kinds:
        line = rng.choice(L["bylines"]).format(name=rng.choice(L["names"]), desk=rng.choice(L["desks"]))
        if rng.random() < 0.5 or "summary-only" in kinds:
            paras[0] = line + rng.choice(["", " ", " — "]) + paras[0]
            used.append("byline-glued")
        else:
            paras.insert(0, line)
            used.append("byline-line")
    mid = lambda: rng.randint(1, max(1, len(paras) - 1))  # noqa: E731
    if "related" in kinds:
        paras.insert(mid(), f"{L['related']} {b.other_title(s)}")
        used.append("related")
    if "caption" in kinds:
        paras.insert(mid(), rng.choice(L["captions"]))
        used.append("caption")
    if "insert" in kinds:
        paras.insert(mid(), rng.choice(L["inserts"]))
        used.append("insert")
    return paras


def title_step(b: Builder, s: dict, feed: str, used: list[str]) -> str:
    rng = b.rng
    modes = (
        ["suffix"] + (["alt", "alt", "alt"] if s.get("alt") else []) + ([] if s["lang"] in ("ja", "ar") else ["caps"])
    )
    mode = rng.choice(modes)
    used.append(f"title-{mode}")
    if mode == "alt":
        return str(s["alt"])
    if mode == "caps":
        return s["title"].upper()
    return f"{s['title']} | {b.outlets[feed]['name']}"


def transform(b: Builder, s: dict, feed: str) -> tuple[list[str], str, dict, list[str]]:
    rng = b.rng
    kinds = rng.sample(KINDS, rng.randint(2, 5))
    if "title" not in kinds and rng.random() < 0.3:  # desks rewrite headlines more often than bodies
        kinds.append("title")
    if "summary-only" in kinds and rng.random() < 0.6:  # aggregators already carry summaries only
        kinds.remove("summary-only")
    if "summary-only" in kinds:  # the summary is the first paragraph: keep story text in it
        kinds = [k for k in kinds if k not in BODY_ONLY]
    used: list[str] = []
    paras = text_steps(b, s, kinds, list(s["paras"]), used)
    paras = frame_steps(b, s, feed, kinds, paras, used)
    opts: dict = {}
    if "truncate" in kinds:
        paras = cut(paras, s["lang"], rng)
        opts["more"] = b.langs[s["lang"]]["more"]
        used.append("truncate")
    if "summary-only" in kinds:
        opts["summary_only"] = True
        used.append("summary-only")
    if "html" in kinds:
        style = rng.choice(
            [x for x in ("p", "p-glued", "br", "div", "plain", "plain-glued") if x != b.outlets[feed]["body"]]
        )
        opts["html"] = style
        opts["entities"] = style not in ("plain", "plain-glued") and rng.random() < 0.4
        used.append(f"html-{style}" + ("+entities" if opts["entities"] else ""))
    title = title_step(b, s, feed, used) if "title" in kinds else s["title"]
    if "link" in kinds:
        opts["tracking"] = True
        used.append("tracking-link")
    if "zone" in kinds:
        opts["zone"] = timezone(timedelta(hours=rng.choice([0, -5, 5.5, 9, 4, -3])))
        used.append("other-zone")
    used.append("new-guid")
    return paras, title, opts, used


def stats(rows: list[dict], b: Builder) -> str:
    story_size = Counter(Counter(r["story"] for r in rows).values())
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    same = sum(1 for a, c in combinations(rows, 2) if a["story"] == c["story"])
    near = sum(1 for a, c in combinations(rows, 2) if a["story"] != c["story"] and a["event"] == c["event"])
    langs = Counter(r["lang"] for r in rows)
    stories_by_lang = Counter(lang for lang, _ in {(r["lang"], r["story"]) for r in rows})
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len({r['story'] for r in rows})}",
            f"  kinds:                 {', '.join(f'{k}={v}' for k, v in sorted(b.story_kinds.items()))}",
            f"  entries per story:     {', '.join(f'{k}x{v}' for k, v in sorted(story_size.items()))}",
            f"events:                  {len(events)}  ({sum(len(v) > 1 for v in events.values())} with >=2 stories)",
            f"copy pairs (same story): {same}",
            f"same event, other story: {near}",
            f"entries by language:     {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}",
            f"stories by language:     {', '.join(f'{k}={v}' for k, v in sorted(stories_by_lang.items()))}",
            f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(b.kinds.items()))}",
        ]
    )


def main() -> None:
    sys.path.insert(0, str(HERE))
    b = Builder(yaml.safe_load(SOURCE.read_text(encoding="utf-8")))
    rows = b.build()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if "--stats" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("tune3.jsonl differs from what tune3_source.yaml builds: regenerate it")
    else:
        OUT.write_text(text, encoding="utf-8")
    print(stats(rows, b))


if __name__ == "__main__":
    main()
