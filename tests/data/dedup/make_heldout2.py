"""Build heldout2.jsonl, the second held-out dedup set, from heldout2_source.yaml.

Report-only data: never used to choose thresholds, code paths or boilerplate lists.
Deterministic (fixed seed, no clock): running it twice gives byte-identical output.

    python tests/data/dedup/make_heldout2.py          # rewrites heldout2.jsonl, prints the counts
    python tests/data/dedup/make_heldout2.py --stats  # counts for the committed file only
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout2_source.yaml"
OUT = HERE / "heldout2.jsonl"
KEYS = ("id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event")

# What a copier's desk adds, per language of the copy (byline forms, markers, names): read from the
# source file's `desk` section by load().
LOC: dict[str, dict] = {}
# How each language writes thousands in the source texts, and the other forms copies use.
THOUSANDS = {"en": (",", [" ", ""]), "de": (".", ["\u202f", " "]), "pt": (".", [" ", ""]),
             "pl": (" ", ["\u00a0", "."]), "id": (".", [",", ""])}  # fmt: skip
SENTENCE = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ„“\"–-])")
# Words ending in a full stop that do not end a sentence in the texts (month and title abbreviations).
ABBREVIATIONS = {"Mar.", "St.", "Mr.", "Mrs.", "Dr.", "No.", "a.m.", "p.m."} | {"Muh.", "ok.", "proc.", "ul.", "tys."}


def pick(key: str, seq: list):  # type: ignore[no-untyped-def]
    """A deterministic choice from a string key (random.Random(str) hashes with SHA-512, not PYTHONHASHSEED)."""
    return random.Random(f"heldout2:{key}").choice(seq)


def number(key: str, digits: int) -> int:
    return int(hashlib.sha256(f"heldout2:{key}".encode()).hexdigest(), 16) % 10**digits


NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O"})


def slugify(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text.translate(NO_DECOMPOSITION)).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_))[:70].strip("-")


def sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    for piece in SENTENCE.split(paragraph):
        last = out[-1].rsplit(" ", 1)[-1] if out else ""
        if last in ABBREVIATIONS or re.fullmatch(r"([1-9]|[12]\d|3[01])\.", last):  # "am 31. Mai": an ordinal
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


class Copy:
    """An article as one outlet carries it: headline, dateline, blocks (text, optional HTML), extras."""

    def __init__(self, story: dict, outlet: str):
        self.story, self.outlet, self.title = story, outlet, story["title"]
        self.dateline, self.byline = story.get("dateline", ""), ""
        self.blocks: list[tuple[str, str | None]] = [(p, None) for p in story["paras"]]
        self.summary_only: int | None = None  # index of the paragraph the summary-only feed carries
        self.cut: str | None = None  # truncation marker and link
        self.link_kind, self.utc = "plain", False


def dateline_for(outlets: dict, outlet: str, story: dict, when: datetime) -> str:
    form = outlets[outlet].get("dateline")
    if not form or "city" not in story:
        return ""
    months = LOC[outlets[outlet]["lang"]]["months"].split()
    return form.format(CITY=story["city"].upper(), City=story["city"], d=when.day, month=months[when.month - 1],
                       Mon=months[when.month - 1][:3] + ".", outlet=outlets[outlet]["name"])  # fmt: skip


def text_op(c: Copy, fn) -> None:  # type: ignore[no-untyped-def]
    """Apply a character-level change to every reader-visible string (headline, dateline, body), never to markup."""

    def outside_tags(h: str) -> str:
        return "".join(part if part.startswith("<") else fn(part) for part in re.split(r"(<[^>]+>)", h))

    c.title, c.dateline, c.byline = fn(c.title), fn(c.dateline), fn(c.byline)
    c.blocks = [(fn(t), h if h is None else outside_tags(h)) for t, h in c.blocks]


def reformat_numbers(lang: str, key: str):  # type: ignore[no-untyped-def]
    sep, others = THOUSANDS[lang]
    other = pick(key + ":sep", others)
    grouped = re.compile(r"(?<![\d,.])\d{1,3}(?:" + re.escape(sep) + r"\d{3})+(?![\d])")
    word = LOC[lang]["percent"].strip()

    def fn(s: str) -> str:
        s = grouped.sub(lambda m: m.group(0).replace(sep, other), s)
        if word in s:  # "5 percent" -> "5%" (German keeps its space: "5 %"); "35 proc." may end a sentence
            sign = " %" if lang == "de" else "%"
            ends = r"(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ]|$)" if word.endswith(".") else r"(?!)"
            s = re.sub(r"(\d) " + re.escape(word) + ends, lambda m: m.group(1) + sign + ".", s)
            return re.sub(r"(\d) " + re.escape(word), lambda m: m.group(1) + sign, s)
        return re.sub(r"(\d) ?%", lambda m: m.group(1) + LOC[lang]["percent"], s)

    return fn


def soft_hyphens(s: str) -> str:
    return re.sub(r"\b(\w{5})(\w{5,})", lambda m: m.group(1) + "\u00ad" + m.group(2), s)


def zero_width(s: str) -> str:
    return re.sub(r"(\w{4})(\w{4,})", lambda m: m.group(1) + "\u200b" + m.group(2), s, count=4)


def nbsp(s: str) -> str:
    s = re.sub(r"(\d) (?=\w)", "\\1\u00a0", s)
    return re.sub(r"(?<=\b\w) ", "\u00a0", s)


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "as", "by", "with", "after"}


def title_case(s: str) -> str:
    words = s.split(" ")
    return " ".join(w if (i and w in SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def trim(c: Copy, share: float) -> None:
    """Drop whole sentences from the tail until about `share` of the body's words are gone (never 10 points
    more, so that the copy keeps most of the text); keep the first paragraph."""
    total = sum(len(t.split()) for t, h in c.blocks if h is None)
    dropped, paras = 0, [t for t, h in c.blocks]
    while dropped < share * total and len(c.blocks) > 1:
        t, h = c.blocks[-1]
        parts = sentences(t) if h is None else [t]
        if dropped and h is None and dropped + len(parts[-1].split()) > (share + 0.1) * total:
            break
        if len(parts) > 1:
            c.blocks[-1] = (" ".join(parts[:-1]), None)
        else:
            c.blocks.pop()
        dropped += len(parts[-1].split()) if h is None else 0
    assert paras[0] == c.blocks[0][0]


def insert_mid(c: Copy, block: tuple[str, str | None], after: int = 2) -> None:
    c.blocks.insert(min(after, len(c.blocks) - 1), block)


def apply(op: str, c: Copy, ctx: dict) -> None:
    """One named transformation (see README, heldout2); ctx carries outlet data, keys and the link."""
    s, lang, loc, key, out = c.story, ctx["lang"], LOC[ctx["lang"]], ctx["key"], ctx["outlet"]
    name = pick(key + ":n1", loc["names"])
    name2 = pick(key + ":n2", [n for n in loc["names"] if n != name])
    if op == "dateline-strip":
        c.dateline = ""
    elif op == "dateline-local":
        c.dateline = ctx["dateline"]
    elif op == "byline":
        c.byline = loc["byline"].format(name=name, name2=name2, outlet=ctx["source_name"])
    elif op == "credit":
        c.blocks.append((loc["credit"].format(name=name, name2=name2, outlet=ctx["source_name"]), None))
    elif op == "update":
        c.title = loc["update"] + c.title
        c.blocks.insert(0, (s["update"], None))
    elif op == "lede":
        first = sentences(c.blocks[0][0])
        c.blocks[0] = (" ".join([s["lede"], *first[1:]]), None)
    elif op.startswith("trim"):
        trim(c, int(op[4:]) / 100)
    elif op == "drop-last":
        c.blocks.pop()
    elif op == "swap":  # the article's 2nd and 3rd paragraphs, whatever was inserted around them
        i, j = [n for n, (_, h) in enumerate(c.blocks) if h is None][1:3]
        c.blocks[i], c.blocks[j] = c.blocks[j], c.blocks[i]
    elif op == "merge":
        i, j = [n for n, (_, h) in enumerate(c.blocks) if h is None][1:3]
        c.blocks[i] = (c.blocks[i][0] + " " + c.blocks[j][0], None)
        del c.blocks[j]
    elif op == "related":
        other = pick(key + ":rel", ctx["related_titles"])
        href = f"https://{out['host']}/{slugify(other)}"
        insert_mid(
            c,
            (
                f"{loc['related']} {other}",
                f'<strong>{loc["related"]}</strong> <a href="{href}">{html.escape(other)}</a>',
            ),
        )
    elif op == "advert":
        insert_mid(c, (loc["advert"], f'<div class="ad-slot"><span>{loc["advert"]}</span></div>'), after=3)
    elif op == "caption":
        credit = loc["photo"].format(name=name2, outlet=ctx["source_name"])
        img = f"https://img.{out['host']}/{number(key + ':img', 8)}.jpg"
        caption = f"{html.escape(s['caption'])} {html.escape(credit)}"
        fig = f'<figure><img src="{img}" alt=""><figcaption>{caption}</figcaption></figure>'
        insert_mid(c, (f"{s['caption']} {credit}", fig), after=1)
    elif op == "quote":
        quoted = s["quote"]
        insert_mid(c, (quoted, f'<blockquote class="pull-quote"><p>{html.escape(quoted)}</p></blockquote>'), after=3)
    elif op == "box":
        items = "".join(f"<li>{html.escape(f)}</li>" for f in s["box"])
        text = loc["box"] + ": " + " ".join(f"– {f}" for f in s["box"])
        insert_mid(c, (text, f'<aside class="factbox"><h3>{loc["box"]}</h3><ul>{items}</ul></aside>'), after=2)
    elif op == "qa":  # a hand-written questions-and-answers box from the story's `qa`
        pairs = [(f"{loc['q']} {q}", f"{loc['a']} {ans}") for q, ans in s["qa"]]
        inner = "".join(f"<p><strong>{html.escape(q)}</strong><br/>{html.escape(ans)}</p>" for q, ans in pairs)
        text = loc["qa"] + ": " + " ".join(f"{q} {ans}" for q, ans in pairs)
        insert_mid(c, (text, f'<aside class="qa"><h3>{html.escape(loc["qa"])}</h3>{inner}</aside>'), after=2)
    elif op == "tags":
        names = re.findall(r"(?:[A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w’-]+ ?)+", s["title"])
        tags = list(dict.fromkeys([s["city"], *(n.strip() for n in names)]))[:3]
        hashtags = " ".join("#" + re.sub(r"\W", "", t) for t in tags)
        form = hashtags if pick(key + ":tagform", [0, 1]) else loc["tags"].format(tags=", ".join(tags))
        c.blocks.append((form, None))
    elif op == "newsletter":
        c.blocks.append((loc["news"], f'<p class="promo"><em>{loc["news"]}</em></p>'))
    elif op == "edit":
        for old, new in s["edits"]:
            c.blocks = [(t.replace(old, new), h) for t, h in c.blocks]
    elif op in ("alt", "alt2"):
        c.title = s["alt"][0 if op == "alt" else 1]
    elif op == "caps":
        c.title = c.title.upper()
    elif op == "titlecase":
        c.title = title_case(c.title)
    elif op == "numbers":
        text_op(c, reformat_numbers(lang, key))
    elif op == "nbsp":
        text_op(c, nbsp)
    elif op == "shy":
        text_op(c, soft_hyphens)
    elif op == "zwsp":
        text_op(c, zero_width)
    elif op == "nfd":
        text_op(c, lambda t: unicodedata.normalize("NFD", t))
    elif op == "fullwidth":
        text_op(c, lambda t: t.translate(FULLWIDTH))
    elif op == "summary-p2":
        c.summary_only = 1
    elif op == "summary-p1":
        c.summary_only = 0
    elif op == "truncate":
        c.cut = loc["more"]
    elif op == "truncate-brackets":
        c.cut = "[…]"
    elif op in ("tracking", "amp", "utc", "glued"):
        ctx["flags"].add(op)
    else:
        raise SystemExit(f"heldout2_source.yaml: unknown transformation {op!r} in {key}")


def truncate(c: Copy) -> None:
    """Cut mid-sentence after about half of the body's words; the marker is added when rendering."""
    words = [w for t, h in c.blocks if h is None for w in t.split()]
    budget, kept = len(words) // 2, []
    for t, h in c.blocks:
        if h is not None:
            kept.append((t, h))
            continue
        n = len(t.split())
        if n >= budget:
            kept.append((" ".join(t.split()[: max(budget, 6)]).rstrip(",;:") + " …", None))
            break
        kept.append((t, h))
        budget -= n
    c.blocks = kept


def render(c: Copy, style: str, glued: bool, link: str) -> str:
    """The body as the outlet's feed carries it: plain text, <p> blocks, <br/> breaks or a <div> wrapper."""
    blocks = list(c.blocks)
    if c.dateline:
        t, h = blocks[0]
        blocks[0] = (f"{c.dateline} {t}", None if h is None else h)
    if c.byline:  # its own paragraph above the dateline, as desks paste it
        blocks.insert(0, (c.byline, None))
    if style == "plain":
        parts = [t for t, h in blocks]
        if c.cut:
            parts[-1] += f" {c.cut}"
        return ("" if glued else "\n\n").join(parts)
    parts = [h if h is not None else html.escape(t, quote=False) for t, h in blocks]
    if c.cut:
        parts[-1] += f' <a href="{html.escape(link)}" class="more">{html.escape(c.cut)}</a>'
    if style == "br":
        return ("<br/>" if glued else "<br/><br/>").join(parts)
    ps = [p if p.startswith("<") and not p.startswith("<strong") else f"<p>{p}</p>" for p in parts]
    body = ("" if glued else "\n").join(ps)
    return f'<div class="entry-content">{body}</div>' if style == "div" else body


def summarise(c: Copy, kind: str, style: str) -> str:
    first = c.blocks[0][0] if not c.dateline else f"{c.dateline} {c.blocks[0][0]}"
    if c.summary_only is not None:
        text = [t for t, h in c.blocks if h is None][c.summary_only]
        if c.summary_only == 0:
            text = first
    elif kind == "lede":
        text = sentences(first)[0]
    elif kind == "cut" and len(first) > 200:
        text = first[:200].rsplit(" ", 1)[0] + " …"
    else:
        text = first
    return text if style == "plain" else f"<p>{html.escape(text, quote=False)}</p>"


def guid_for(out: dict, feed: str, key: str, when: datetime, link: str) -> str:
    n = number(key + ":guid", 6)
    style = out.get("guid", "tag")
    if style == "tag":
        return f"tag:{out['host']},{when:%Y-%m-%d}:{n}"
    if style == "p":
        return f"https://{out['host']}/?p={n}"
    if style == "uuid":
        h = hashlib.sha256(f"heldout2:{key}".encode()).hexdigest()
        return f"urn:uuid:{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"
    if style == "num":
        return str(100000000 + number(key + ":num", 8))
    if style == "dated":
        return f"{feed[:4]}-{when:%Y%m%d}-{n % 1000:03d}"
    return link


def link_for(out: dict, title: str, when: datetime, flags: set, key: str) -> str:
    host = ("amp." if "amp" in flags else "") + out["host"]
    url = f"https://{host}/{out.get('section', 'news')}/{when:%Y/%m/%d}/{slugify(title)}-{number(key, 5)}"
    if "tracking" in flags:
        source = pick(key + ":src", ["rss", "newsletter", "social"])
        url += f"?utm_source={source}&utm_medium=feed&utm_campaign=syndication"
    return url


def zone(offset: str) -> timezone:
    sign = -1 if offset[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))


def load() -> tuple[dict, list[tuple[str, dict]]]:
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    LOC.update(data["desk"])
    stories = [(event, s) for event, group in data["events"].items() for s in group]
    by_id = {s["story"]: s for _, s in stories}
    assert len(by_id) == len(stories), "story ids must be unique"
    for _, s in stories:  # a round-up quotes the first paragraph of each story it covers, verbatim
        if s["kind"] == "roundup":
            quoted = [by_id[q] for q in s["against"]]
            s["paras"] = [s["intro"], *(f"{q['title']}: {q['paras'][0]}" for q in quoted), s["outro"]]
    return data["outlets"], stories


def entries(outlets: dict, stories: list[tuple[str, dict]]) -> list[dict]:
    rows: list[tuple[datetime, int, dict]] = []
    titles: dict[str, list[str]] = defaultdict(list)
    for _, s in stories:
        titles[outlets[s["outlet"]]["lang"]].append(s["title"])
    for event, s in stories:
        home = outlets[s["outlet"]]
        local = datetime.fromisoformat(s["at"]).replace(tzinfo=zone(home["tz"]))
        s["dateline"] = dateline_for(outlets, s["outlet"], s, local)
        rows.append((local, len(rows), row(outlets, s, event, s["outlet"], [], local, titles)))
        seen = {s["outlet"]}
        for spec in s.get("copies", []):
            feed, minutes, *ops = spec.split()
            assert feed not in seen and outlets[feed]["lang"] == home["lang"], f"{s['story']}: bad copy outlet {feed}"
            seen.add(feed)
            when = local + timedelta(minutes=int(minutes))
            rows.append((when, len(rows), row(outlets, s, event, feed, ops, when, titles)))
    rows.sort(key=lambda r: (r[0].astimezone(UTC), r[1]))
    out = []
    for i, (_, _, r) in enumerate(rows, 1):
        out.append({"id": f"k{i:03d}", **r})
    return [{k: r[k] for k in KEYS} for r in out]


def row(outlets: dict, s: dict, event: str, feed: str, ops: list[str], when: datetime, titles: dict) -> dict:
    out = outlets[feed]
    lang = out["lang"]
    key = f"{s['story']}@{feed}"
    c = Copy(s, feed)
    ctx = {"lang": lang, "key": key, "outlet": out, "source_name": outlets[s["outlet"]]["name"], "flags": set(),
           "dateline": dateline_for(outlets, feed, s, when),
           "related_titles": [t for t in titles[lang] if t != s["title"]]}  # fmt: skip
    for op in ops:
        apply(op, c, ctx)
    if c.cut:
        truncate(c)
    when = when.astimezone(zone(out["tz"] if "utc" not in ctx["flags"] else "+00:00"))
    link = link_for(out, c.title, when, ctx["flags"], key)
    glued = "glued" in ctx["flags"]
    summary_only = out.get("summary_only", False) or c.summary_only is not None
    if out.get("summary_only") and c.summary_only is None:
        c.summary_only = 0
    return {
        "outlet": out["name"], "feed": feed, "title": c.title, "link": link,
        "guid": guid_for(out, feed, key, when, link), "published": when.isoformat(),
        "summary": summarise(c, out.get("summary", "first"), out["body"]),
        "content": "" if summary_only else render(c, out["body"], glued, link),
        "lang": lang, "story": s["story"], "event": event,
    }  # fmt: skip


def pairs(groups: dict[str, list[dict]]) -> int:
    return sum(len(v) * (len(v) - 1) // 2 for v in groups.values())


def stats(rows: list[dict], stories: list[tuple[str, dict]]) -> str:
    by_story, by_event = defaultdict(list), defaultdict(list)
    for r in rows:
        by_story[r["story"]].append(r)
        by_event[r["event"]].append(r)
    event_of = {s["story"]: e for e, s in stories}
    designed = [
        (s["story"], a)
        for _, s in stories
        for a in ([s["against"]] if isinstance(s.get("against"), str) else s.get("against", []))
    ]
    across = [(x, y) for x, y in designed if event_of[x] != event_of[y]]
    neg_lang: Counter[str] = Counter()
    for rs in by_event.values():
        for a, b in itertools.combinations(rs, 2):
            if a["story"] != b["story"]:
                neg_lang[a["lang"]] += 1
    for x, y in across:
        neg_lang[by_story[x][0]["lang"]] += len(by_story[x]) * len(by_story[y])
    copy_lang: Counter[str] = Counter()
    for rs in by_story.values():
        copy_lang[rs[0]["lang"]] += len(rs) * (len(rs) - 1) // 2
        assert len({r["feed"] for r in rs}) == len(rs), "a copy is always on another outlet"
    kinds = Counter(s["kind"] for _, s in stories)
    ops = Counter(op for _, s in stories for spec in s.get("copies", []) for op in spec.split()[2:])
    langs = sorted({r["lang"] for r in rows})
    per_lang = "\n".join(
        f"  {lg}: {sum(r['lang'] == lg for r in rows)} entries, {len({r['story'] for r in rows if r['lang'] == lg})}"
        f" stories, {copy_lang[lg]} copy pairs, {neg_lang[lg]} hard-negative pairs" for lg in langs)  # fmt: skip
    multi = sum(len({r["story"] for r in rs}) > 1 for rs in by_event.values())
    other_event = sum(len(by_story[x]) * len(by_story[y]) for x, y in across)
    return "\n".join([
        f"entries:                     {len(rows)}",
        f"outlets (feeds):             {len({r['feed'] for r in rows})}",
        f"stories:                     {len(by_story)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
        f"events:                      {len(by_event)}  ({multi} with >=2 stories)",
        f"copy pairs (same story):     {pairs(by_story)}  ({len(rows) - len(by_story)} copies against their source)",
        f"hard-negative pairs:         {sum(neg_lang.values())}",
        f"  same event, other story:   {sum(neg_lang.values()) - other_event}",
        f"  designed, other event:     {other_event}"
        f"  (from {len(across)} story pairs: round-up, template, same-topic, press release)",
        f"designed story pairs:        {len(designed)}",
        f"entries of negative stories: {sum(len(by_story[s['story']]) for _, s in stories if s['kind'] != 'original')}",
        "by language:",
        per_lang,
        f"transformations:             {', '.join(f'{k}={v}' for k, v in sorted(ops.items()))}",
    ])  # fmt: skip


def main(argv: list[str]) -> None:
    outlets, stories = load()
    if "--stats" in argv:
        rows = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()]
    else:
        rows = entries(outlets, stories)
        OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(stats(rows, stories))


if __name__ == "__main__":
    main(sys.argv[1:])
