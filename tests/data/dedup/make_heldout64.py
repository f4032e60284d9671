"""Build held-out v64 (`heldout64.jsonl`): mixed wire syndication of medium articles in Tuvaluan,
Niuean and Fijian, an English wire's rewrites and a Tongan side rewrite, copied by seven carriers
that reshape the text (an intranet digest, an SMS gateway, a channel forward, a TV ticker log, a
library catalogue abstract, a regional rewrite and a wire update that fixes a figure).

Standalone and seeded: the same source always gives the same bytes.

    python tests/data/dedup/make_heldout64.py          # rewrites heldout64.jsonl
    python tests/data/dedup/make_heldout64.py --stats  # the same, and prints the counts
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
SOURCE = HERE / "heldout64_source.yaml"
TARGET = HERE / "heldout64.jsonl"
PREFIX = "ph"
DESIGNED = ("samedaydesktwin", "onereleasesibling", "weeklythreeroundup")
SUMMARY_CUT = 200
SMS_PART = 150


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def resolve(stories: list[dict]) -> dict[str, dict]:
    """Stories by id; a `derive:` story is its base with `set` replacements and an optional new lede."""
    found = {s["id"]: dict(s) for s in stories}
    for s in found.values():
        if "derive" not in s:
            continue
        base = found[s["derive"]]
        title = str(s.get("title") or base["title"])
        text = str(base["text"])
        for old, new in s["set"]:
            if old not in title and old not in text:
                raise ValueError(f"{s['id']}: phrase {old!r} is in neither title nor text")
            title, text = title.replace(old, new), text.replace(old, new)
        paras = paragraphs(text)
        if "lede" in s:
            paras[0] = s["lede"]
        fix = base.get("fix")
        for key in ("lang", "outlet", "day", "topic"):
            s.setdefault(key, base[key])
        s.update(title=title, text="\n\n".join(paras))
        if fix and fix[0] in s["text"] and "lede" not in s:
            s.setdefault("fix", fix)
    return found


def sentence_head(para: str, words: int = 10) -> str:
    first = re.split(r"(?<=[.!?])\s", para, maxsplit=1)[0].rstrip(".")
    return " ".join(first.split()[:words])


def sms_parts(text: str) -> list[str]:
    parts: list[str] = []
    for word in text.split():
        if parts and len(parts[-1]) + 1 + len(word) <= SMS_PART:
            parts[-1] += " " + word
        else:
            parts.append(word)
    return [f"({k}/{len(parts)}) {p}" for k, p in enumerate(parts, 1)]


def reshape(word: str, story: dict, title: str, paras: list[str], src: dict, home: str) -> tuple[str, list[str]]:
    """A carrier's reshaping: the new title and blocks of the body."""
    if word == "intranetdigest":
        tag = f"Dept: Corporate Communications · {story['place']} desk · Internal – do not forward"
        return title, [tag, *paras, "Internal – do not forward. Shared for staff information only."]
    if word == "gatewayparts":
        return title, sms_parts(" ".join(paras))
    if word == "channelforward":
        return "📢 " + title, [f"Forwarded from {home}", *("🔹 " + p for p in paras)]
    if word == "tickerlog":
        return title.upper(), [" ◆ ".join(sentence_head(p).upper() for p in paras)]
    if word == "catalogabstract":
        topics = [t.strip() for t in story["topic"].split(";")]
        heads = "; ".join(f"{story['place']} -- {t}" for t in topics)
        terms = "; ".join([story["place"], *(t.lower() for t in topics), home])
        return f"{title} / {home}", [
            "Abstract: " + " ".join(paras),
            f"Subject headings: {heads}",
            f"Index terms: {terms}",
        ]
    if word == "leadswaptrim":
        return title, [paras[1], paras[0], *paras[2:-1]]
    if word == "leadaddfix":
        old, new = story["fix"]
        line = src["update"][story["lang"]].format(old=old, new=new)
        return title.replace(old, new), [line, *(p.replace(old, new) for p in paras)]
    raise ValueError(f"unknown recipe word {word!r}")


def usable(word: str, story: dict) -> bool:
    if word == "leadaddfix":  # a fix must change the text, or the update line would be all it adds
        return bool(story.get("fix")) and story["fix"][0] in story["text"]
    if word == "leadswaptrim":
        return len(paragraphs(story["text"])) >= 3
    return True


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def entry(outlet: list, story: dict, title: str, blocks: list[str], when: datetime, sep: str = "\n\n") -> dict:
    feed, name, host, offset, body = outlet[:5]
    local = when.astimezone(timezone(timedelta(minutes=offset)))
    h = digest(feed, story["id"])
    slug = re.sub(r"[^a-z0-9]+", "-", story["id"].lower()).strip("-")
    link = f"https://{host}/{local:%Y/%m/%d}/{slug}-{h[:6]}"
    if int(h[6], 16) % 4 == 0:
        link += f"?utm_source=feed&utm_medium=rss&utm_campaign={feed}"
    if body == "none":
        summary, content = cut(" ".join(blocks), 400), ""
    else:
        summary = cut(" ".join(blocks), SUMMARY_CUT)
        content = (
            "".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks) if body == "html" else sep.join(blocks)
        )
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": link,
        "guid": f"tag:{host},{local:%Y}:{h[8:20]}",
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_recipe": outlet[6] or "",
    }


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {o[0]: o for o in src["outlets"]}
    carriers = [o for o in src["outlets"] if o[5] == "carrier"]
    words = src["words"]
    assert sorted(o[6] for o in carriers) == sorted(words)
    start = datetime.fromisoformat(src["start"])
    stories = resolve(src["stories"])
    rows: list[dict] = []
    for story in stories.values():
        rng = random.Random(digest(src["seed"], story["id"]))
        home = outlets[story["outlet"]]
        if home[5] == "carrier":
            raise ValueError(f"{story['id']}: a carrier never originates a story")
        base_minutes = story["day"] * 1440 + int(float(story.get("hours", 0)) * 60)
        when = start + timedelta(minutes=base_minutes + rng.randint(0, 90))
        title, paras = story["title"], paragraphs(story["text"])
        rows.append(entry(home, story, title, paras, when))
        rows[-1]["_recipe"] = ""
        wanted = story.get("copies", src["copies"][story["kind"]])
        order = [c for c in carriers if usable(c[6], story)]
        rng.shuffle(order)
        if len(order) < wanted:
            raise ValueError(f"{story['id']}: {len(order)} carriers for {wanted} copies")
        for carrier in order[:wanted]:
            new_title, blocks = reshape(carrier[6], story, title, paras, src, home[1])
            sep = "\n" if carrier[6] == "gatewayparts" else "\n\n"
            copy_when = when + timedelta(minutes=rng.randint(20, 180))
            rows.append(entry(carrier, story, new_title, blocks, copy_when, sep))
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]), r["feed"], r["story"]))
    for n, r in enumerate(rows, 1):
        r["id"] = f"{PREFIX}{n:03d}"
    return rows


def dump(rows: list[dict]) -> str:
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in clean)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changing = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    negative = 0
    for s in stories.values():
        if s["kind"] in DESIGNED:
            for other in s.get("quotes") or [s["against"]]:
                negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    recipes = Counter(r["_recipe"] for r in rows if r["_recipe"])
    multi = sum(len(v) > 1 for v in events.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({multi} with several stories)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"copies changing text:    {len(changing)} (of {len(copies)})",
        f"hard-negative pairs:     {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               "
        + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
        + f"  (en {round(100 * langs['en'] / len(rows))}%)",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(recipes.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
