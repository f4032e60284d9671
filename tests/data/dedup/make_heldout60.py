"""Build held-out set v60 (`heldout60.jsonl`) from `heldout60_source.yaml`.

Event clusters of full articles in Mossi, Fon and French (English wire reports, one German report), with copies
re-shaped by carriers and designed hard negatives that are other events. Standalone: stdlib + PyYAML, seeded,
byte-for-byte reproducible, no clock. `--stats` prints the counts.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout60_source.yaml"
TARGET = HERE / "heldout60.jsonl"
PREFIX = "pd"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
SAME_EVENT = {"original", "independent", "english", "side"}


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def outlets_of(src: dict) -> dict[str, dict]:
    found = {}
    for feed, name, host, offset, body, langs, words, cut in src["outlets"]:
        found[feed] = {
            "feed": feed,
            "name": name,
            "host": host,
            "tz": timezone(timedelta(minutes=offset)),
            "body": body,
            "langs": langs,
            "words": words,
            "cut": cut,
        }
    return found


def stories_of(src: dict) -> list[dict]:
    by_id = {s["id"]: s for s in src["stories"]}
    out = []
    for s in src["stories"]:
        s = dict(s)
        if "derive" in s:
            base = by_id[s["derive"]]
            title, text = base["title"], base["text"]
            for old, new in s["set"]:
                if old not in title and old not in text:
                    raise SystemExit(f"{s['id']}: phrase not found: {old[:60]}")
                title, text = title.replace(old, new), text.replace(old, new)
            s.update(lang=base["lang"], place=base["place"], title=title, text=text)
            s.setdefault("outlet", base["outlet"])
        s["paras"] = [" ".join(p.split()) for p in s["text"].strip().split("\n\n")]
        out.append(s)
    return out


def utc(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def shape(story: dict, origin: dict, carrier: dict, words: tuple[str, ...], when: datetime, phrases: dict) -> tuple:
    """Title and blocks (text, is_meta, italic) of a copy made with `words`, applied in the source's order."""
    lang = story["lang"]
    title = story["title"]
    blocks = [[p, False, False] for p in story["paras"]]
    for w in words:
        if w == "placecolonhead":
            place = story["place"]
            if not (title.startswith(place + ":") or title.startswith(place + " :")):
                title = f"{place}: {title}"
        elif w == "desksuffixhead":
            title = f"{title} | {origin['name']}"
        elif w == "updatedstamp":
            stamp = when.astimezone(carrier["tz"]).strftime("%d.%m.%Y %H:%M")
            blocks.insert(0, [phrases["updatedstamp"][lang].format(d=stamp), True, False])
        elif w == "ledeitalic":
            lede = next(b for b in blocks if not b[1])
            lede[2] = True
        elif w == "adslotmark":
            paras = [i for i, b in enumerate(blocks) if not b[1]]
            if len(paras) >= 3:
                blocks.insert(paras[1] + 1, [phrases["adslotmark"][lang], True, False])
        elif w == "lastparadrop":
            paras = [i for i, b in enumerate(blocks) if not b[1]]
            if len(paras) >= 3:
                del blocks[paras[-1]]
        elif w == "commentprompt":
            blocks.append([phrases["commentprompt"][lang], True, False])
        elif w == "wordtallyfoot":
            n = sum(len(b[0].split()) for b in blocks if not b[1])
            blocks.append([phrases["wordtallyfoot"][lang].format(n=n), True, False])
        else:
            raise SystemExit(f"unknown word {w}")
    return title, blocks


def render(outlet: dict, blocks: list) -> tuple[str, str]:
    """(summary, content) as the outlet carries the blocks."""
    plain = " ".join(b[0] for b in blocks)
    cut = outlet["cut"]
    if len(plain) > cut:
        i = plain.find(" ", cut)
        if i != -1:
            plain = plain[:i] + " …"
    if outlet["body"] == "none":
        return plain, ""
    if outlet["body"] == "html":
        parts = []
        for text, _meta, italic in blocks:
            t = html.escape(text, quote=False)
            parts.append(f"<p><em>{t}</em></p>" if italic else f"<p>{t}</p>")
        return plain, "".join(parts)
    return plain, "\n\n".join(f"_{t}_" if italic else t for t, _meta, italic in blocks)


def entry(story: dict, outlet: dict, title: str, blocks: list, when: datetime, seed: int, desk: bool) -> dict:
    summary, content = render(outlet, blocks)
    h = digest(seed, outlet["feed"], story["id"])
    local = when.astimezone(outlet["tz"])
    if desk:
        link = f"https://{outlet['host']}/{local:%Y}/{local:%m}/{h[:10]}"
        guid = f"urn:{outlet['feed']}:{h[:16]}"
    else:
        link = f"https://{outlet['host']}/s/{h[:12]}"
        if outlet["feed"] in ("sebre-net", "revue-deux-rives"):
            link += "?utm_source=rss&utm_medium=feed"
        guid = f"{outlet['feed']}-{h[:12]}"
    return {
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": link,
        "guid": guid,
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_when": when,
        "_words": (),
        "_kind": story["kind"],
    }


def build() -> list[dict]:
    src = load()
    seed, order, phrases = src["seed"], src["words"], src["phrases"]
    outlets = outlets_of(src)
    made = []
    for story in stories_of(src):
        origin = outlets[story["outlet"]]
        when = utc(story["at"])
        blocks = [[p, False, False] for p in story["paras"]]
        first = entry(story, origin, story["title"], blocks, when, seed, desk=True)
        made.append(first)
        kind = story["kind"]
        n = src["copies"].get(kind, src["copies"]["negative"])
        carriers = [o for o in outlets.values() if story["lang"] in o["langs"]]
        carriers.sort(key=lambda o: digest(seed, story["id"], o["feed"]))
        if len(carriers) < n:
            raise SystemExit(f"{story['id']}: {len(carriers)} carriers for {n} copies")
        for carrier in carriers[:n]:
            h = digest(seed, "delay", story["id"], carrier["feed"])
            at = when + timedelta(minutes=15 + int(h, 16) % 386)
            combos = [c for k in (2, 3) for c in itertools.combinations(carrier["words"], k)]
            combos.sort(key=lambda c: digest(seed, "combo", story["id"], carrier["feed"], *c))
            chosen = None
            for combo in combos:
                words = tuple(w for w in order if w in combo)
                got = entry(story, carrier, *shape(story, origin, carrier, words, at, phrases), at, seed, desk=False)
                key = (got["title"], got["summary"], got["content"])
                hidden = False
                for w in words:
                    rest = tuple(x for x in words if x != w)
                    other = entry(story, carrier, *shape(story, origin, carrier, rest, at, phrases), at, seed, False)
                    if (other["title"], other["summary"], other["content"]) == key:
                        hidden = True
                        break
                if hidden or (got["title"], got["content"]) == (first["title"], first["content"]):
                    continue
                got["_words"] = words
                chosen = got
                break
            if chosen is None:
                raise SystemExit(f"{story['id']} at {carrier['feed']}: no combination shows every word")
            made.append(chosen)
    made.sort(key=lambda r: (r["_when"], r["feed"], r["story"]))
    for i, r in enumerate(made, 1):
        r["id"] = f"{PREFIX}{i:03d}"
    return made


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = {s["id"]: s for s in stories_of(src)}
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = [
        r for r in copies if (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"])
    ]
    same_event = 0
    for ss in ev_stories.values():
        for a, b in itertools.combinations(sorted(ss), 2):
            same_event += per_story[a] * per_story[b]
    negative = sum(
        per_story[s["id"]] * per_story[s["against"]] for s in stories.values() if s["kind"] not in SAME_EVENT
    )
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for r in rows for w in r["_words"])
    sizes = Counter(per_story.values())
    several = sum(len(s) > 1 for s in ev_stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(ev_stories)} ({several} with several stories)",
        f"copies:                  {len(copies)} ({len(changed)} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    TARGET.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
