#!/usr/bin/env python3
"""Build tests/data/dedup/eval.jsonl from base_stories.yaml, deterministically.

Every base story yields one original entry (at its origin outlet) and a number of
syndicated copies at other outlets.  Copies vary the headline, trim or truncate the
body, add boilerplate, change the HTML encoding, add tracking parameters or AMP /
mobile hosts, use new GUIDs and other time zones or later times, and sometimes
change a word or introduce a typo.  All variation is driven by a fixed seed and
a global copy counter, so the output is byte-for-byte reproducible.

    python tests/data/dedup/make_eval.py            # write eval.jsonl
    python tests/data/dedup/make_eval.py --stats    # print the counts only
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import uuid
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SEED = 20250703

# slug -> (display name, host, utc offset hours, guid style, default boilerplate)
OUTLETS: dict[str, tuple[str, str, float, str, str | None]] = {
    "wire-desk": ("Wire Desk", "wire-desk.example", 0, "wd", "reporting"),
    "kabul-ledger": ("The Kabul Ledger", "kabul-ledger.example", 4.5, "tag", None),
    "eurasia-monitor": ("Eurasia Monitor", "eurasia-monitor.example", 3, "wp", "read_more"),
    "asia-pacific-daily": ("Asia-Pacific Daily", "asia-pacific-daily.example", 8, "apd", "byline"),
    "jp-trade-news": ("JP Trade News", "jp-trade-news.example", 9, "jtn", None),
    "markets-brief": ("Markets Brief", "markets-brief.example", 1, "uuid", "reporting"),
    "steppe-courier": ("Steppe Courier", "steppe-courier.example", 5, "num", None),
    "delhi-energy-watch": ("Delhi Energy Watch", "delhi-energy-watch.example", 5.5, "link", "copyright"),
    "seoul-briefing": ("Seoul Briefing", "seoul-briefing.example", 9, "num", None),
    "global-affairs-digest": ("Global Affairs Digest", "global-affairs-digest.example", -4, "uuid", "copyright"),
    "frontier-dispatch": ("Frontier Dispatch", "frontier-dispatch.example", 5, "tag", None),
    "andes-mining-journal": ("Andes Mining Journal", "andes-mining-journal.example", -4, "wp", None),
    "news-roundup": ("World News Roundup", "news-roundup.example", -7, "wp", "source_link"),
    "hedge-wire": ("Hedge Wire", "hedge-wire.example", -4, "num", "durden"),
    "koval-notes": ("Koval’s Notes (Substack)", "koval.substack.example", 0, "link", None),
    "moscow-vecher": ("Московский вечер", "moscow-vecher.example", 3, "num", None),
    "sibir-vesti": ("Сибирские вести", "sibir-vesti.example", 7, "wp", None),
    "asia-keizai": ("アジア経済ウォッチ", "asia-keizai.example", 9, "jtn", None),
}

POOL_AFGHAN = [
    "eurasia-monitor",
    "asia-pacific-daily",
    "news-roundup",
    "markets-brief",
    "steppe-courier",
    "global-affairs-digest",
    "frontier-dispatch",
    "kabul-ledger",
    "wire-desk",
    "delhi-energy-watch",
    "jp-trade-news",
]
POOL_DIPLO = [
    "eurasia-monitor",
    "asia-pacific-daily",
    "news-roundup",
    "global-affairs-digest",
    "seoul-briefing",
    "markets-brief",
    "jp-trade-news",
    "delhi-energy-watch",
    "wire-desk",
]
POOL_ENERGY = [
    "markets-brief",
    "steppe-courier",
    "news-roundup",
    "andes-mining-journal",
    "delhi-energy-watch",
    "jp-trade-news",
    "wire-desk",
    "eurasia-monitor",
]
POOL_SOUTH = [
    "frontier-dispatch",
    "wire-desk",
    "news-roundup",
    "delhi-energy-watch",
    "global-affairs-digest",
    "asia-pacific-daily",
]

# story -> (number of copies, outlet pool).  Outlets are drawn without replacement.
PLAN: dict[str, tuple[int, list[str]]] = {
    "s-recog-wire": (8, POOL_AFGHAN),
    "s-recog-ledger": (2, POOL_AFGHAN),
    "s-recog-explainer": (3, POOL_AFGHAN),
    "s-recog-ja": (1, ["asia-keizai"]),
    "s-recog-ru": (1, ["sibir-vesti"]),
    "s-recog-followup": (3, POOL_AFGHAN),
    "s-delist-wire": (5, POOL_AFGHAN),
    "s-delist-rewrite": (1, POOL_AFGHAN),
    "s-china-envoy": (3, POOL_DIPLO),
    "s-zhirnov-fuel": (5, POOL_AFGHAN),
    "s-zhirnov-rewrite": (1, POOL_ENERGY),
    "s-ca-mining": (6, [*POOL_ENERGY, "kabul-ledger"]),
    "s-ca-mining-uzbek": (2, POOL_ENERGY),
    "s-capeic-cancel": (4, [*POOL_ENERGY, "wire-desk"]),
    "s-lavrov-india": (7, POOL_DIPLO),
    "s-lavrov-india-rewrite": (2, POOL_ENERGY),
    "s-kumar-oil": (6, POOL_DIPLO),
    "s-kumar-oil-rewrite": (1, POOL_DIPLO),
    "s-wonsan-ukraine": (7, POOL_DIPLO),
    "s-wonsan-ukraine-rewrite": (2, POOL_DIPLO),
    "s-wonsan-deterrence": (5, POOL_DIPLO),
    "s-wonsan-tourism": (4, POOL_DIPLO),
    "s-rubio-lavrov": (7, POOL_DIPLO),
    "s-rubio-lavrov-rewrite": (2, POOL_DIPLO),
    "s-lavrov-asean": (3, POOL_DIPLO),
    "s-istanbul-memo": (5, POOL_DIPLO),
    "s-ukraine-demands": (4, POOL_DIPLO),
    "s-indo-pacific": (4, POOL_DIPLO),
    "s-indo-pacific-rewrite": (1, POOL_DIPLO),
    "s-ttp-border": (5, POOL_SOUTH),
    "s-ttp-border-rewrite": (2, POOL_SOUTH),
    "s-paktika": (4, POOL_SOUTH),
    "s-chile-mining": (4, POOL_ENERGY),
    "s-drc-mining": (3, POOL_ENERGY),
    "s-kz-tungsten": (3, POOL_ENERGY),
    "s-facerec": (3, ["news-roundup", "global-affairs-digest", "asia-pacific-daily", "wire-desk"]),
    "s-korybko": (
        6,
        [
            "hedge-wire",
            "news-roundup",
            "eurasia-monitor",
            "frontier-dispatch",
            "global-affairs-digest",
            "delhi-energy-watch",
        ],
    ),
}

# Extra hand-made copies: (story, outlet, title override, lang).  A Japanese-titled
# entry whose body is the English wire text (as JETRO-style aggregators publish).
EXTRA = [
    ("s-recog-wire", "asia-keizai", "ロシア政府がタリバン政権を正式承認（英文配信）", "en"),
]

OPS: Counter[str] = Counter()  # variation tally, printed after a build

BODY_OPS = ["full", "trim", "truncate", "summary_only", "full", "trim", "word_change", "typo"]
HTML_OPS = ["p", "div", "entities", "br", "plain", "numeric", "p", "entities_div"]
LINK_OPS = ["clean", "utm", "fbclid", "amp_host", "utm", "m_host", "gclid", "amp_path", "utm_full"]
DATE_OPS = ["later", "same_instant", "later", "next_day", "later", "minutes"]
BOILER_EXTRA = [
    None,
    "source_link",
    None,
    "read_more",
    "byline",
    None,
    "copyright",
    "originally",
    None,
    "reporting",
    "substack",
]

WORD_SWAPS = [
    ("said", "stated"),
    ("about", "around"),
    ("towards", "toward"),
    ("recognise", "recognize"),
    ("largest", "biggest"),
    ("also", "additionally"),
    ("on Thursday", "on Thursday,"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("more than", "over"),
]

EDITORS = ["Mark Heinrich", "Alison Williams", "Kim Coghill", "Raju Gopalakrishnan"]
REPORTERS = [
    "Mohammad Yunus Yawar",
    "Gleb Stolyarov",
    "Hyonhee Shin",
    "Asif Shahzad",
    "Andrew Osborn",
    "Shivam Patel",
    "Olzhas Auyezov",
]


def load_stories() -> list[dict]:
    stories = yaml.safe_load((HERE / "base_stories.yaml").read_text(encoding="utf-8"))["stories"]
    for s in stories:
        if s["lang"] == "ja":  # YAML folding puts spaces between Japanese lines
            s["paragraphs"] = [p.replace(" ", "") for p in s["paragraphs"]]
    return stories


def slugify(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return "-".join(s.split("-")[:8]) or "item"


def to_zone(t: dt.datetime, hours: float) -> dt.datetime:
    return t.astimezone(dt.timezone(dt.timedelta(hours=hours)))


def make_guid(style: str, host: str, when: dt.datetime, link: str, rng: random.Random) -> str:
    n = rng.randrange(1000, 99999)
    if style == "wd":
        return f"wd-{when:%Y%m%d-%H%M}-{n:05d}"
    if style == "tag":
        return f"tag:{host},{when:%Y-%m-%d}:/article/{n}"
    if style == "wp":
        return f"https://{host}/?p={n}"
    if style == "apd":
        return f"apd-{when:%Y%m%d}-{n:06d}"
    if style == "jtn":
        return f"jtn-{when:%Y-%m}-{n:x}"
    if style == "uuid":
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, link + str(n))}"
    if style == "num":
        return str(n * 97 + 1_000_000)
    return link.split("?")[0]  # "link": canonical permalink as GUID


def make_link(host: str, section: str, when: dt.datetime, title: str, op: str, rng: random.Random) -> str:
    path = f"/{section}/{when:%Y/%m/%d}/{slugify(title)}"
    if op == "amp_host":
        return f"https://amp.{host}{path}"
    if op == "m_host":
        return f"https://m.{host}{path}"
    if op == "amp_path":
        return f"https://{host}/amp{path}/"
    url = f"https://{host}{path}"
    if op == "utm":
        return url + "?utm_source=rss&utm_medium=feed"
    if op == "utm_full":
        return url + "?utm_source=newsletter&utm_medium=email&utm_campaign=daily_brief&utm_content=top"
    if op == "fbclid":
        return url + "?fbclid=IwAR" + "".join(rng.choice("abcdefghijkXYZ0123456789_-") for _ in range(24))
    if op == "gclid":
        return url + "?gclid=Cj0KCQjw" + "".join(rng.choice("ABCDEFGHabcdefgh0123456789") for _ in range(20))
    return url


def word_change(paras: list[str], rng: random.Random) -> list[str]:
    out = list(paras)
    order = list(range(len(out)))
    rng.shuffle(order)
    for i in order:
        for a, b in WORD_SWAPS:
            if re.search(rf"\b{re.escape(a)}\b", out[i]):
                out[i] = re.sub(rf"\b{re.escape(a)}\b", b, out[i], count=1)
                return out
    return out


def typo(paras: list[str], rng: random.Random) -> list[str]:
    out = list(paras)
    i = rng.randrange(len(out))
    words = out[i].split(" ")
    cands = [k for k, w in enumerate(words) if len(w) > 6 and w.isalpha()]
    if cands:
        k = rng.choice(cands)
        w = words[k]
        j = rng.randrange(1, len(w) - 2)
        words[k] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        out[i] = " ".join(words)
    return out


def truncate(paras: list[str], rng: random.Random) -> list[str]:
    keep = rng.randint(1, max(1, len(paras) - 2))
    nxt = paras[keep]
    cut = nxt.rfind(" ", 0, int(len(nxt) * rng.uniform(0.35, 0.7)))
    return [*paras[:keep], nxt[: max(cut, 20)].rstrip(",;:") + "…"]


ENT = {
    "’": "&rsquo;",
    "‘": "&lsquo;",
    "“": "&ldquo;",
    "”": "&rdquo;",
    "—": "&mdash;",
    "–": "&ndash;",
    "…": "&hellip;",
    "é": "&eacute;",
}
NUM = {"’": "&#8217;", "“": "&#8220;", "”": "&#8221;", "—": "&#8212;", "…": "&#8230;"}
ASCII = {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "..."}


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def encode(paras: list[str], op: str) -> str:
    """Render paragraphs (which may already contain simple inline HTML) in one style."""

    def sub(t: str, table: dict[str, str]) -> str:
        for k, v in table.items():
            t = t.replace(k, v)
        return t

    if op == "plain":
        return "\n\n".join(sub(p, ASCII) for p in paras)
    if op == "br":
        return "<br/><br/>".join(paras)
    if op in ("entities", "entities_div"):
        body = "".join(f"<p>{sub(p, ENT)}</p>" for p in paras)
        return f'<div class="article-body">{body}</div>' if op == "entities_div" else body
    if op == "numeric":
        return "".join(f"<p>{sub(p, NUM)}</p>" for p in paras)
    body = "".join(f"<p>{p}</p>" for p in paras)
    if op == "div":
        return f'<div class="entry-content">\n{body}\n</div>'
    return body


def boilerplate(
    kind: str | None, paras: list[str], outlet: str, origin: str, when: dt.datetime, rng: random.Random
) -> list[str]:
    name = OUTLETS[outlet][0]
    oname = OUTLETS[origin][0]
    if kind == "source_link":
        return [*paras, "Source link"]
    if kind == "read_more":
        return [*paras, f'<a href="https://{OUTLETS[origin][1]}/">Read More</a>']
    if kind == "byline":
        return [f"<strong>By {name} staff</strong>", *paras]
    if kind == "copyright":
        return [*paras, f"Copyright {when.year} {name}. All rights reserved."]
    if kind == "originally":
        return [*paras, f"<em>This article originally appeared on {oname}.</em>"]
    if kind == "reporting":
        return [*paras, f"(Reporting by {rng.choice(REPORTERS)}; Editing by {rng.choice(EDITORS)})"]
    if kind == "substack":
        return ["Authored by Andrei Koval via Substack,", *paras]
    if kind == "durden":
        stamp = when.strftime("%a, %m/%d/%Y - %H:%M")
        return ["Authored by Andrei Koval via Substack,", *paras, f"Tyler Durden<br/>{stamp}"]
    return paras


def section_for(story: dict) -> str:
    ev = story["event"]
    if any(k in ev for k in ("mining", "lithium", "copper", "tungsten", "oil", "petroleum")):
        return "business"
    if "facial" in ev:
        return "technology"
    if "opinion" in ev:
        return "opinion"
    return "world"


def build() -> list[dict]:
    rng = random.Random(SEED)
    stories = load_stories()
    by_key = {s["story"]: s for s in stories}
    assert set(PLAN) == set(by_key), set(PLAN) ^ set(by_key)
    entries: list[dict] = []
    k = 0  # global copy counter: cycles the variation catalogues

    def emit(
        story: dict,
        outlet: str,
        title: str,
        when: dt.datetime,
        link: str,
        summary: str,
        content: str,
        lang: str | None = None,
    ) -> None:
        name, host, _, gstyle, _ = OUTLETS[outlet]
        entries.append(
            {
                "id": "",
                "outlet": name,
                "feed": outlet,
                "title": title,
                "link": link,
                "guid": make_guid(gstyle, host, when, link, rng),
                "published": when.isoformat(timespec="seconds"),
                "summary": summary,
                "content": content,
                "lang": lang or story["lang"],
                "story": story["story"],
                "event": story["event"],
            }
        )

    def copy(story: dict, outlet: str, title: str | None = None, lang: str | None = None) -> None:
        nonlocal k
        _, host, tz, _, default_boiler = OUTLETS[outlet]
        paras = list(story["paragraphs"])
        t0 = dt.datetime.fromisoformat(story["published"])
        heads = story["headlines"]
        if title is None:
            title = heads[1 + k % (len(heads) - 1)] if len(heads) > 1 and k % 5 else heads[0]
        body_op = BODY_OPS[k % len(BODY_OPS)]
        html_op = HTML_OPS[(k * 3 + 1) % len(HTML_OPS)]
        link_op = LINK_OPS[(k * 2 + 1) % len(LINK_OPS)]
        date_op = DATE_OPS[(k * 5 + 2) % len(DATE_OPS)]
        boiler = default_boiler or BOILER_EXTRA[k % len(BOILER_EXTRA)]
        if boiler in ("substack", "durden") and story["story"] != "s-korybko":
            boiler = "source_link"
        if story["lang"] != "en" and body_op in ("word_change", "typo"):
            body_op = "full"
        if story["lang"] == "ja" and html_op == "plain":
            html_op = "p"
        k += 1

        if date_op == "same_instant":
            when = to_zone(t0, tz if tz != 0 else -5)
        elif date_op == "later":
            when = to_zone(t0 + dt.timedelta(minutes=rng.randint(20, 9 * 60)), tz)
        elif date_op == "next_day":
            when = to_zone(t0 + dt.timedelta(hours=rng.randint(18, 36)), tz)
        else:
            when = to_zone(t0 + dt.timedelta(minutes=rng.randint(1, 15)), tz)

        if body_op == "trim":
            paras = paras[: rng.randint(2, max(2, len(paras) - 1))]
        elif body_op == "truncate":
            paras = truncate(paras, rng)
        elif body_op == "word_change":
            paras = word_change(paras, rng)
        elif body_op == "typo":
            paras = typo(paras, rng)

        if body_op == "summary_only":
            lede = boilerplate(
                boiler if boiler in ("source_link", "read_more") else None,
                paras[:1],
                outlet,
                story["origin"],
                when,
                rng,
            )
            summary, content = encode(lede, html_op if html_op != "br" else "p"), ""
        else:
            full = boilerplate(boiler, paras, outlet, story["origin"], when, rng)
            content = encode(full, html_op)
            # summary: first paragraph of the copy (HTML or plain), sometimes cut with "…"
            first = next(p for p in full if not p.startswith(("<strong>By", "Authored by")))
            if k % 4 == 0 and len(first) > 160:
                cut = first.rfind(" ", 0, 150)
                summary = esc(first[:cut]) + "…" if html_op == "plain" else f"<p>{first[:cut]}…</p>"
            elif html_op == "plain":
                summary = encode([first], "plain")
            else:
                summary = encode([first], "p" if html_op in ("div", "br") else html_op.replace("_div", ""))
        slug_src = title if slugify(title) != "item" else story["story"]
        link = make_link(host, section_for(story), when, slug_src, link_op, rng)
        OPS.update(
            [
                f"body:{body_op}",
                f"html:{html_op}",
                f"link:{link_op}",
                f"date:{date_op}",
                f"boilerplate:{boiler or 'none'}",
                "headline:" + ("same" if title == heads[0] else "other"),
            ]
        )
        emit(story, outlet, title, when, link, summary, content, lang)

    for story in stories:
        origin = story["origin"]
        _, host, _, _, _ = OUTLETS[origin]
        t0 = dt.datetime.fromisoformat(story["published"])
        paras = story["paragraphs"]
        slug = slugify(story["headlines"][0]) if story["lang"] == "en" else story["story"]
        link = f"https://{host}/{section_for(story)}/{t0:%Y/%m/%d}/{slug}"
        emit(story, origin, story["headlines"][0], t0, link, encode(paras[:1], "p"), encode(paras, "p"))
        n, pool = PLAN[story["story"]]
        cands = [o for o in pool if o != origin]
        rng.shuffle(cands)
        for outlet in cands[:n]:
            copy(story, outlet)
    for key, outlet, title, lang in EXTRA:
        copy(by_key[key], outlet, title=title, lang=lang)

    # Interleave like a real crawl: sort by time, then number.
    entries.sort(key=lambda e: (dt.datetime.fromisoformat(e["published"]), e["feed"]))
    for i, e in enumerate(entries, 1):
        e["id"] = f"e{i:03d}"
    return entries


# Pairs of events on the same subject that are NOT the same happening.
HARD_NEGATIVE_EVENTS = [
    ("e-russia-recognises-taliban", "e-russia-afghan-talks-after-recognition", "follow-up a week later"),
    ("e-russia-recognises-taliban", "e-russia-lifts-taliban-ban", "earlier step, same subject"),
    ("e-russia-recognises-taliban", "e-china-accepts-taliban-envoy", "another country, another moment"),
    ("e-russia-recognises-taliban", "e-pakistan-kills-ttp-fighters-border", "next day, 'Taliban' in both"),
    ("e-russia-recognises-taliban", "e-facial-recognition-rollout", "'recognition' keyword only"),
    ("e-pakistan-kills-ttp-fighters-border", "e-pakistan-airstrikes-paktika", "two TTP strikes"),
    ("e-central-asia-afghan-mining", "e-taliban-cancel-chinese-oil-contract", "cause vs consequence"),
    ("e-central-asia-afghan-mining", "e-chile-lithium-contract", "mining contract elsewhere"),
    ("e-central-asia-afghan-mining", "e-drc-copper-cobalt-contract", "mining contract elsewhere"),
    ("e-central-asia-afghan-mining", "e-kazakhstan-tungsten-deposit", "Kazakh mining at home"),
    ("e-zhirnov-petroleum-cooperation", "e-russia-afghan-talks-after-recognition", "fuel supplies, other moment"),
    ("e-lavrov-wonsan-ukraine-support", "e-lavrov-warns-against-force-on-north-korea", "Lavrov, same day"),
    ("e-lavrov-wonsan-ukraine-support", "e-lavrov-wonsan-tourism", "Lavrov, same day"),
    ("e-lavrov-warns-against-force-on-north-korea", "e-lavrov-wonsan-tourism", "Lavrov, same day"),
    ("e-rubio-lavrov-kuala-lumpur", "e-lavrov-asean-security-remarks", "Lavrov, same day, same city"),
    ("e-lavrov-istanbul-memorandum", "e-ukraine-demands-memo-details", "same day, two sides"),
    ("e-lavrov-jaishankar-moscow", "e-india-envoy-kumar-oil-remarks", "India oil, four days apart"),
    ("e-osaka-trilateral-indo-pacific", "e-lavrov-warns-against-force-on-north-korea", "North Korea, a week apart"),
    ("e-russia-lifts-taliban-ban", "e-opinion-russia-taliban-partnership-2024", "opinion a year earlier"),
]


def stats(entries: list[dict]) -> str:
    stories = defaultdict(list)
    events = defaultdict(set)
    for e in entries:
        stories[e["story"]].append(e)
        events[e["event"]].add(e["story"])
    sizes = Counter(len(v) for v in stories.values())
    multi = {s: v for s, v in stories.items() if len(v) >= 2}
    rewrite_events = {ev: ss for ev, ss in events.items() if len(ss) >= 2}
    ev_entries = Counter(e["event"] for e in entries)
    langs = Counter(e["lang"] for e in entries)
    hn_pairs = sum(ev_entries[a] * ev_entries[b] for a, b, _ in HARD_NEGATIVE_EVENTS)
    dup_pairs = sum(len(v) * (len(v) - 1) // 2 for v in stories.values())
    same_event_pairs = sum(n * (n - 1) // 2 for n in ev_entries.values()) - dup_pairs
    lines = [
        f"entries:                 {len(entries)}",
        f"outlets (feeds):         {len({e['feed'] for e in entries})}",
        f"stories (copy groups):   {len(stories)}",
        f"  with >=2 entries:      {len(multi)}",
        f"  singletons:            {sizes.get(1, 0)}",
        "  entries per story:     " + ", ".join(f"{n}x{c}" for n, c in sorted(sizes.items())),
        f"events:                  {len(events)}",
        f"  events with >=2 stories (independent rewrites): {len(rewrite_events)}",
        f"  rewrite stories (2nd+ story of an event):     {sum(len(s) - 1 for s in rewrite_events.values())}",
        "languages:               " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())),
        f"duplicate pairs (same story):                 {dup_pairs}",
        f"same-event, different-story pairs:           {same_event_pairs}",
        f"hard-negative event pairs listed:             {len(HARD_NEGATIVE_EVENTS)}",
        f"hard-negative entry pairs (across them):      {hn_pairs}",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stats", action="store_true", help="print counts of the existing eval.jsonl")
    args = ap.parse_args()
    out = HERE / "eval.jsonl"
    if args.stats:
        entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]
    else:
        entries = build()
        out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
    print(stats(entries))
    if OPS:
        print("variations applied to copies:")
        for kind in ("headline", "body", "boilerplate", "html", "link", "date"):
            items = sorted((k.split(":", 1)[1], v) for k, v in OPS.items() if k.startswith(kind + ":"))
            print(f"  {kind + ':':13s}" + ", ".join(f"{k}={v}" for k, v in items))


if __name__ == "__main__":
    main()
