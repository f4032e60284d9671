"""Build held-out v59 (`heldout59.jsonl`) from `heldout59_source.yaml`: full articles syndicated by carriers.

Standalone (stdlib + PyYAML), seeded and byte-for-byte reproducible; nothing from `monitor`.

    python tests/data/dedup/make_heldout59.py          # rewrites heldout59.jsonl
    python tests/data/dedup/make_heldout59.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout59_source.yaml"
OUT = HERE / "heldout59.jsonl"
PREFIX = "pc"
FORCED = ("pinestripe-ticker", "lowland-relay")  # every original reaches the ticker and the aggregator
DERIVED = ("nextdayfollowon", "onereleasepair")


def sha(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def load() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n")]


def resolve(src: dict) -> dict[str, dict]:
    """Stories by id with `blocks`; derived negatives and round-ups built from their bases."""
    stories = {s["id"]: dict(s) for s in src["stories"]}
    for s in stories.values():
        if s["kind"] in DERIVED:
            base = stories[s["derive"]]
            for key in ("lang", "outlet", "place"):
                s[key] = base[key]
            text = base["text"]
            for old, new in s.get("set", []):
                if old not in text:
                    raise SystemExit(f"{s['id']}: phrase not found: {old!r}")
                text = text.replace(old, new)
            blocks = paragraphs(text)
            if s.get("lede"):
                blocks[0] = s["lede"]
            s["blocks"] = blocks
        elif s["kind"] == "weekroundthree":
            quote = src["phrases"]["roundquote"]
            quoted = [
                quote.format(title=stories[q]["title"], lede=paragraphs(stories[q]["text"])[0]) for q in s["quotes"]
            ]
            s["blocks"] = [s["intro"], *quoted, s["outro"]]
        else:
            s["blocks"] = paragraphs(s["text"])
    return stories


def at(s: dict) -> datetime:
    return datetime.fromisoformat(s["at"].replace("Z", "+00:00"))


def render(blocks: list[str], body: str) -> str:
    if body == "none":
        return ""
    if body == "html":
        return "\n".join("<p>" + html.escape(b, quote=False).replace("\n", "<br>") + "</p>" for b in blocks)
    return "\n\n".join(blocks)


def summary_of(blocks: list[str], limit: int) -> str:
    text = " ".join(b.replace("\n", " ") for b in blocks)
    if len(text) <= limit:
        return text
    cut = text.find(" ", limit)
    return text if cut < 0 else text[:cut].rstrip(" ,;:–—") + " …"


def kept_words(title: str) -> str:
    words = [w.strip('«»"“”:,.?!') for w in title.split()]
    longest = sorted(range(len(words)), key=lambda i: (-len(words[i]), i))[:3]
    return " ".join(words[i] for i in sorted(longest))


def apply(words: list[str], s: dict, carrier: dict, when: datetime, src: dict, stories: dict[str, dict]) -> tuple:
    """Title, list of (head, body, tail) parts (two for a split copy), tracking flag and the words that acted."""
    ph = src["phrases"]
    lang = s["lang"]
    origin = src["by_feed"][s["outlet"]]["name"]
    title = s["title"]
    head: list[str] = []
    body = list(s["blocks"])
    tail: list[str] = []
    track = False
    used: list[str] = []
    for word in words:
        before = (title, list(head), list(body), list(tail), track)
        if word == "wirebyline":
            head.append(ph["byline"][lang].format(origin=origin, carrier=carrier["name"]))
        elif word == "parasglued":
            body = [" ".join(body)]
        elif word == "spellswap":
            for old, new in ph["spell"][lang]:
                title = title.replace(old, new)
                body = [b.replace(old, new) for b in body]
        elif word == "cutmarker":
            tokens = " ".join(body).split()
            keep = max(40, len(tokens) * 3 // 5)
            body = [" ".join(tokens[:keep])]
            tail.append(ph["cut"][lang].format(origin=origin))
        elif word == "revisionresend":
            hm = when.strftime("%H:%M")
            if int(sha(src["seed"], s["id"], "update"), 16) % 2:
                head.append(ph["update"][lang].format(hm=hm))
                used.append("topupdatepara")
            else:
                tail.append(ph["amend"][lang].format(hm=hm))
                used.append("amendline")
            continue
        elif word == "retitlekeep":
            title = ph["retitle"][lang].format(w=kept_words(title))
        elif word == "relatedmid":
            others = sorted(
                (o for o in stories.values() if o["lang"] == lang and o["event"] != s["event"] and at(o) < when),
                key=lambda o: (at(s) - at(o), o["id"]),
            )[:2]
            if others:  # only stories already out when the copy appears
                block = "\n".join([ph["related"][lang], *("· " + o["title"] for o in others)])
                body = [*body[:2], block, *body[2:]]
        elif word == "editornote":
            body = [*body[:2], ph["note"][lang].format(origin=origin), *body[2:]]
        elif word == "trackparams":
            track = True
        elif word == "openerswap":
            body = [ph["opener"][lang].format(place=s["place"]) + " " + body[0], *body[1:]]
        elif word == "tailtrim":
            if len(body) > 2:
                body = body[:-1]
        elif word == "ledereword":
            lede = body[0]
            for old, new in ph["reword"][lang]:
                lede = lede.replace(old, new, 1)
            if lede == body[0]:
                raise SystemExit(f"{s['id']}: no reword pair matches the lede")
            body = [lede, *body[1:]]
        elif word in ("summarycard", "halvesmailed"):
            pass
        else:
            raise SystemExit(f"unknown word {word}")
        if (title, head, body, tail, track) != before or word in ("summarycard", "halvesmailed"):
            used.append(word)
    if "halvesmailed" in words:
        half = (len(body) + 1) // 2
        parts = [(head, body[:half], []), ([], body[half:], tail)]
    else:
        parts = [(head, body, tail)]
    return title, parts, track, used


def entry(s: dict, outlet: dict, when: datetime, title: str, blocks: list[str], link: str, guid: str) -> dict:
    zone = timezone(timedelta(minutes=outlet["offset"]))
    limit = 160 if outlet["body"] == "none" else 220
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": link,
        "guid": guid,
        "published": when.astimezone(zone).isoformat(),
        "summary": summary_of(blocks, limit),
        "content": render(blocks, outlet["body"]),
        "lang": outlet.get("force_lang") or "",
        "story": s["id"],
        "event": s["event"],
    }


def build() -> list[dict]:
    src = load()
    outlets = [
        dict(feed=f, name=n, host=h, offset=o, body=b, langs=langs, words=w)
        for f, n, h, o, b, langs, w in src["outlets"]
    ]
    src["by_feed"] = {o["feed"]: o for o in outlets}
    stories = resolve(src)
    rows: list[tuple[datetime, int, dict, list[str]]] = []
    seq = 0
    for s in sorted(stories.values(), key=lambda x: (at(x), x["id"])):
        desk = src["by_feed"][s["outlet"]]
        if desk["langs"]:
            raise SystemExit(f"{s['id']}: origin outlet is a carrier")
        when = at(s)
        h = sha(src["seed"], s["id"], desk["feed"])
        link = f"https://{desk['host']}/2032/09/{s['id'].removeprefix('s59-')}-{h[:6]}"
        row = entry(s, desk, when, s["title"], s["blocks"], link, f"tag:{desk['host']},2032:{h[:10]}")
        row["lang"] = s["lang"]
        rows.append((when, seq, row, []))
        seq += 1
        pool = sorted(o["feed"] for o in outlets if s["lang"] in o["langs"])
        rng = random.Random(sha(src["seed"], s["id"], "carriers"))
        need = src["copies"][s["kind"]]
        if s["kind"] == "original":
            rest = [f for f in pool if f not in FORCED]
            rng.shuffle(rest)
            chosen = [*FORCED, *rest[: need - len(FORCED)]]
        else:
            rng.shuffle(pool)
            chosen = pool[:need]
        if len(chosen) < need:
            raise SystemExit(f"{s['id']}: too few carriers")
        for feed in chosen:
            carrier = src["by_feed"][feed]
            when_c = when + timedelta(minutes=rng.randint(12, 400))
            title, parts, track, used = apply(list(carrier["words"]), s, carrier, when_c, src, stories)
            for k, (head, body, tail) in enumerate(parts, start=1):
                hc = sha(src["seed"], s["id"], feed, k)
                link = f"https://{carrier['host']}/r/{hc[:10]}"
                if track:
                    link += f"?utm_source={feed}&utm_medium=syndication&utm_campaign=ho59-{hc[10:14]}"
                t = title + src["phrases"]["part"].format(k=k) if len(parts) > 1 else title
                when_k = when_c + timedelta(minutes=4 * (k - 1))
                row = entry(s, carrier, when_k, t, [*head, *body, *tail], link, f"{feed}:{hc[14:26]}")
                row["lang"] = s["lang"]
                if (row["title"], row["content"]) == (s["title"], render(s["blocks"], desk["body"])):
                    raise SystemExit(f"{s['id']}: copy at {feed} changes nothing")
                rows.append((when_k, seq, row, used))
                seq += 1
    rows.sort(key=lambda r: (r[0], r[1]))
    out = []
    for n, (_, _, row, used) in enumerate(rows, start=1):
        row["id"] = f"{PREFIX}{n:03d}"
        out.append(row)
        USED[row["id"]] = used
    return out


USED: dict[str, list[str]] = {}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = load()
    stories = resolve(src)
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
        ss = sorted(ss)
        for i, a in enumerate(ss):
            for b in ss[i + 1 :]:
                same_event += per_story[a] * per_story[b]
    negative = 0
    for s in stories.values():
        if s["kind"] in (*DERIVED, "weekroundthree"):
            for other in s.get("quotes", [s["against"]]):
                negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    kinds = Counter(s["kind"] for s in stories.values())
    words = Counter(w for r in rows for w in USED.get(r["id"], []))
    sizes = Counter(per_story.values())
    lengths = {k: [] for k in kinds}
    for s in stories.values():
        lengths[s["kind"]].append(len(" ".join(s["blocks"]).split()))
    en = langs["en"] / len(rows)
    several = sum(len(v) > 1 for v in ev_stories.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(ev_stories)} ({several} with several stories)",
        f"copies:                  {len(copies)} ({len(changed)} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        "entries per story:       " + ", ".join(f"{k}x{v}" for k, v in sorted(sizes.items())),
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        "languages:               " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())) + f"  (en {en:.0%})",
        "kinds:                   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
        "words per report:        " + ", ".join(f"{k} {min(v)}-{max(v)}" for k, v in sorted(lengths.items())),
        "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv[1:]:
        print(stats(rows))


if __name__ == "__main__":
    main()
