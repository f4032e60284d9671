"""Build held-out v75 (`heldout75.jsonl`) from `heldout75_source.yaml`: medium articles through carriers that rewrite
how names, dates and figures are written (an OCR fax gateway, an SMS digest, a capitals ticker, a learners' edition,
a Greek-letter relay, a social card) and ordinary re-headed, bylined or trimmed copies.

Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible. `--stats` also prints the counts.
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
SOURCE = HERE / "heldout75_source.yaml"
OUT = HERE / "heldout75.jsonl"
PREFIX = "pv"
SUMMARY_CUT = {"none": 150}
OTHER_CUT = 220
GREEK = str.maketrans(
    {"a": "α", "e": "ε", "i": "ι", "o": "ο", "u": "υ", "k": "κ", "m": "μ", "n": "ν", "p": "π", "t": "τ",
     "r": "ρ", "h": "χ", "f": "φ", "v": "β", "g": "γ", "s": "σ", "l": "λ", "d": "δ", "b": "β", "c": "κ",
     "A": "Α", "E": "Ε", "I": "Ι", "O": "Ο", "U": "Υ", "K": "Κ", "M": "Μ", "N": "Ν", "P": "Π", "T": "Τ",
     "R": "Ρ", "H": "Χ", "F": "Φ", "V": "Β", "G": "Γ", "S": "Σ", "L": "Λ", "D": "Δ", "B": "Β", "C": "Κ",
     "ā": "ᾱ", "ē": "η", "ī": "ῑ", "ō": "ω", "ū": "ῡ", "w": "ω", "y": "υ", "j": "ι", "ʻ": "ʽ"}
)  # fmt: skip
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
BYLINE = {"mrq": "Na {}", "mrv": "Na {}", "pmt": "Na {}", "fr": "Par {}", "en": "By {}", "es": "Por {}"}


def digest(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def derive(base: dict, replacements: list[list[str]]) -> tuple[str, str]:
    """A template twin: the base's title and text with each phrase replaced everywhere (fails when one is missing)."""
    title, text = base["title"], base["text"]
    for old, new in replacements:
        if old not in title and old not in text:
            raise SystemExit(f"phrase not in {base['id']}: {old}")
        title, text = title.replace(old, new), text.replace(old, new)
    return title, text


def words_en(n: int) -> str:
    """An integer below a million in English words, as a learners' edition writes figures."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + words_en(n % 100) if n % 100 else "")
    return words_en(n // 1000) + " thousand" + (" " + words_en(n % 1000) if n % 1000 else "")


def spell_figures(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        whole = int(m.group(0).replace(",", ""))
        return words_en(whole) if whole < 1_000_000 and not 1900 < whole < 2100 else m.group(0)

    return re.sub(r"(?<![\d.])\d{1,3}(?:,\d{3})*(?![\d.])", one, text)


def compact_figures(text: str) -> str:
    """Figures as an SMS digest writes them: 12 400 -> 12.4k, 38 million -> 38m, 4,5 millions -> 4,5m."""
    text = re.sub(r"(\d+(?:[.,]\d+)?) (?:million|millions|milione)\b", r"\1m", text)

    def one(m: re.Match[str]) -> str:
        n = int(re.sub(r"[ ,]", "", m.group(0)))
        if n >= 1_000_000:
            return f"{n / 1_000_000:g}m"
        return f"{n / 1000:g}k"

    return re.sub(r"\b\d{1,3}(?:[ ,]\d{3})+\b", one, text)


def abbreviate(text: str, table: dict[str, str]) -> str:
    for word, short in table.items():
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", short, text)
    return text


def ocr(text: str) -> str:
    """A fax gateway's OCR: zero read as O and one as l inside figures, a capital I read as l."""
    text = re.sub(r"\d+", lambda m: m.group(0).replace("0", "O").replace("1", "l"), text)
    return text.replace("I", "l")


def day_numbers(text: str, months: list[str]) -> str:
    return re.sub(rf"\b(\d{{1,2}}) (?:de )?(?:{'|'.join(months)})\b", r"D\1", text)


def hashtags(text: str) -> str:
    """Names as a social card writes them: a capitalised word after a sentence's first word becomes a hashtag."""
    return re.sub(r"(?:(?<=\w )|(?<=[,:] ))([A-ZÀ-Þ][\wʻ-]+)", r"#\1", text)


def transform(word: str, title: str, paras: list[str], lang: str, outlet: dict, src: dict) -> tuple[str, list[str]]:
    if word == "faxocr":
        return ocr(title), [ocr(p) for p in paras]
    if word == "smsdigest":
        table = src["abbrev"][lang]
        return abbreviate(compact_figures(title), table), [abbreviate(compact_figures(p), table) for p in paras]
    if word == "tickercaps":
        return day_numbers(title, src["months"]).upper(), [day_numbers(p, src["months"]).upper() for p in paras]
    if word == "learnerwords":
        return spell_figures(title), [spell_figures(p) for p in paras]
    if word == "greekrelay":
        return title.translate(GREEK), [p.translate(GREEK) for p in paras]
    if word == "hashcard":
        return "📣 " + hashtags(title), [hashtags(p) for p in paras[:2]] + ["🌊 #Fenua #News"]
    if word == "ledeheadline":
        first = re.split(r"(?<=[.!?])\s", paras[0])[0]
        return (first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"), paras
    if word == "staffbyline":
        return title, [BYLINE[lang].format(outlet["name"] + " staff"), *paras]
    if word == "lasttrim":
        return title, paras[:-1]
    raise SystemExit(f"unknown transform {word}")


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def entry(story: dict, outlet: dict, title: str, paras: list[str], when: datetime, path: str) -> dict:
    zone = timezone(timedelta(minutes=outlet["offset"]))
    run = " ".join(paras)
    if outlet["body"] == "html":
        content = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    elif outlet["body"] == "plain":
        content = "\n\n".join(paras)
    else:
        content = ""
    summary = cut(run, SUMMARY_CUT.get(outlet["body"], OTHER_CUT))
    origin = outlet["langs"] == []
    host = outlet["host"]
    link = f"https://{host}/{path}" if origin else f"https://{host}/n/{path}"
    guid = f"tag:{host},2032:{path}" if origin else f"{outlet['feed']}-{path}"
    return {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": title,
        "link": link,
        "guid": guid,
        "published": when.astimezone(zone).isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def outlets_of(src: dict) -> dict[str, dict]:
    keys = ["feed", "name", "host", "offset", "body", "langs", "words"]
    return {row[0]: dict(zip(keys, row, strict=True)) for row in src["outlets"]}


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = outlets_of(src)
    stories = {s["id"]: s for s in src["stories"]}
    made: list[tuple[datetime, str, dict, list[str]]] = []
    for s in src["stories"]:
        title, text = derive(stories[s["derive"]], s["set"]) if "derive" in s else (s["title"], s["text"])
        paras = [p.strip() for p in text.strip().split("\n\n")]
        at = datetime.fromisoformat(s["at"].replace("Z", "+00:00"))
        made.append((at, s["id"], entry(s, outlets[s["outlet"]], title, paras, at, digest(s["id"])[:10]), []))
        carriers = sorted(
            (o for o in outlets.values() if s["lang"] in o["langs"]),
            key=lambda o: digest(src["seed"], s["id"], o["feed"]),
        )
        if len(carriers) < s["copies"]:
            raise SystemExit(f"{s['id']}: {len(carriers)} carriers for {s['copies']} copies")
        for k, o in enumerate(carriers[: s["copies"]]):
            t, ps = title, paras
            for word in o["words"]:
                t, ps = transform(word, t, ps, s["lang"], o, src)
            if (t, ps) == (title, paras):
                raise SystemExit(f"{s['id']} at {o['feed']}: the copy changes nothing")
            when = at + timedelta(minutes=12 + int(digest(src["seed"], s["id"], k), 16) % 400)
            made.append(
                (when, s["id"] + o["feed"], entry(s, o, t, ps, when, digest(s["id"], o["feed"])[:12]), o["words"])
            )
    made.sort(key=lambda m: (m[0], m[1]))
    rows = []
    for n, (_, _, row, _) in enumerate(made, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        rows.append(row)
    return rows


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories = {s["id"]: s for s in src["stories"]}
    outlets = outlets_of(src)
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    changed = sum(
        (r["title"], r["content"]) != (first[r["story"]]["title"], first[r["story"]]["content"]) for r in copies
    )
    same_event = sum(per_story[a] * per_story[b] for ss in ev_stories.values() for a in ss for b in ss if a < b)
    negative = 0
    for s in stories.values():
        for other in s.get("quotes", [s["against"]] if s["kind"] in {"deskplacetwin", "onereleasetwo"} else []):
            negative += per_story[s["id"]] * per_story[other]
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in copies for w in outlets[r["feed"]]["words"])
    lengths = []
    for s in stories.values():
        text = derive(stories[s["derive"]], s["set"])[1] if "derive" in s else s["text"]
        lengths.append(len(text.split()))
    several = sum(len(v) > 1 for v in ev_stories.values())
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"stories:                 {len(per_story)}",
            f"events:                  {len(ev_stories)} ({several} with several stories)",
            f"copies:                  {len(copies)} ({changed} change the title or body)",
            f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
            "entries per story:       " + ", ".join(f"{k}x{v}" for k, v in sorted(Counter(per_story.values()).items())),
            f"same-event other-story:  {same_event}",
            f"designed negative pairs: {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {100 * langs['en'] / len(rows):.1f}%, fr {100 * langs['fr'] / len(rows):.1f}%)",
            "kinds:                   "
            + ", ".join(f"{k}={v}" for k, v in sorted(Counter(s["kind"] for s in stories.values()).items())),
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
            f"words per text:          {min(lengths)}-{max(lengths)}",
        ]
    )


if __name__ == "__main__":
    made = build()
    OUT.write_text(dump(made), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(made))
