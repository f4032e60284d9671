"""Build held-out v78 (`heldout78.jsonl`) from `heldout78_source.yaml`: medium articles through carriers that
rewrite how names, dates, figures and words are written.

Standalone (stdlib + PyYAML), seeded, byte-for-byte reproducible. A story's text holds tokens ({m:CUR:amount},
{n:count}, {d:YYYY-MM-DD}, {p:Name}); a desk renders them plainly, a carrier by its own words.

    python tests/data/dedup/make_heldout78.py          # rewrites heldout78.jsonl
    python tests/data/dedup/make_heldout78.py --stats  # the same, and prints the counts
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SOURCE = HERE / "heldout78_source.yaml"
OUT = HERE / "heldout78.jsonl"
PREFIX = "py"
KEYS = ["id", "outlet", "feed", "title", "link", "guid", "published", "summary", "content", "lang", "story", "event"]
TOKEN = re.compile(r"\{([mndp]):([^{}]+)\}")
ORDINARY = ["newtopline", "carrierbyline", "endblockcut"]
USED: Counter[str] = Counter()  # the ordinary word each copy drew, for `--stats`
NEGATIVE = {"slatetwinplace", "handoutsecond", "fridaythreedigest"}
DIGITS = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"]
ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(10**9, "billion"), (10**6, "million"), (1000, "thousand")]
# A spell-checker's dictionary: a rare name is "corrected" to the word of its first letter nearest in length.
COMMON = [
    "able",
    "about",
    "after",
    "again",
    "agent",
    "barn",
    "basket",
    "better",
    "border",
    "cable",
    "carry",
    "castle",
    "dinner",
    "doctor",
    "eager",
    "easy",
    "eight",
    "garden",
    "gentle",
    "guide",
    "harbour",
    "harvest",
    "honey",
    "iron",
    "island",
    "kettle",
    "kind",
    "lemon",
    "letter",
    "market",
    "marine",
    "mother",
    "morning",
    "number",
    "orange",
    "order",
    "paper",
    "pocket",
    "rabbit",
    "river",
    "summer",
    "silver",
    "table",
    "tiger",
    "tower",
    "water",
    "winter",
    "wonder",
    "yellow",
]


def group(n: int, lang: str) -> str:
    """A figure as the desk of `lang` prints it: dots in Indonesian, thin spaces in French, else commas."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "id" else text.replace(",", "\u202f") if lang == "fr" else text


def words(n: int) -> str:
    """An amount in English words, as on a cheque."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + (" and " + words(rest) if rest else "")
    for size, name in SCALES:
        if n >= size:
            rest = n % size
            return words(n // size) + " " + name + (" " + words(rest) if rest else "")
    raise ValueError(n)


def spelled_digits(n: int) -> str:
    return " ".join(DIGITS[int(c)] for c in str(n))


def rounded(n: int) -> int:
    """To one significant figure, as an easy-read edition rounds."""
    size = 10 ** (len(str(n)) - 1)
    return round(n / size) * size


class Render:
    """How one outlet writes the tokens of a text: plainly, or by its carrier words."""

    def __init__(self, src: dict, lang: str, words_: set[str]) -> None:
        self.src, self.lang, self.words = src, lang, words_

    def day(self, d: date) -> str:
        return f"{d.day} {self.src['months'][self.lang][d.month]} {d.year}"

    def money(self, cur: str, n: int) -> str:
        sym, rate = self.src["currencies"][cur]
        if "chequeamount" in self.words:
            return f"{sym} {words(n).replace(' and ', ' ').title()} Only"
        if "morsedigits" in self.words:
            return f"{sym.strip()} {spelled_digits(n)}"
        if "filingthousands" in self.words and n >= 10000:
            text = f"{sym}{group(n // 1000, self.lang)} ('000)"
        elif "easyroundwords" in self.words:
            text = self.about(rounded(n), sym)
        else:
            text = sym + group(n, self.lang)
        if "secondcurrency" in self.words and cur != "USD":
            text += f" (≈ US${group(int(round(n * rate, -3)) or round(n * rate), self.lang)})"
        return text

    def about(self, n: int, prefix: str = "") -> str:
        if self.lang == "en":
            for size, name in SCALES:
                if n >= size and n % size == 0 and size > 1000:
                    return f"about {prefix}{n // size} {name}"
            return f"about {prefix}{group(n, self.lang)}"
        return f"≈ {prefix}{group(n, self.lang)}"

    def count(self, n: int) -> str:
        if "morsedigits" in self.words:
            return spelled_digits(n)
        if "filingthousands" in self.words and n >= 10000:
            return f"{group(n // 1000, self.lang)} ('000)"
        if "easyroundwords" in self.words and n >= 100:
            return self.about(rounded(n))
        return group(n, self.lang)

    def date(self, iso: str) -> str:
        d = date.fromisoformat(iso)
        if "morsedigits" in self.words:
            return f"{spelled_digits(d.day)} {self.src['months'][self.lang][d.month].upper()} {spelled_digits(d.year)}"
        text = iso if "filingthousands" in self.words else self.day(d)
        if "julianbeside" in self.words:  # the Julian calendar runs 13 days behind in 1900-2099
            old = d - timedelta(days=13)
            text += f" (O.S. {old.day} {self.src['months'][self.lang][old.month]})"
        return text

    def name(self, name: str) -> str:
        if "namespellfix" not in self.words:
            return name
        return " ".join(self.corrected(w) for w in name.split())

    @staticmethod
    def corrected(word: str) -> str:
        same = [c for c in COMMON if c[0] == word[0].lower()]
        if not same or word.lower() in COMMON:
            return word
        best = min(same, key=lambda c: (abs(len(c) - len(word)), c))
        return best.capitalize()

    def token(self, m: re.Match) -> str:
        kind, value = m.group(1), m.group(2)
        if kind == "m":
            cur, amount = value.split(":")
            return self.money(cur, int(amount))
        if kind == "n":
            return self.count(int(value))
        if kind == "d":
            return self.date(value)
        return self.name(value)

    def text(self, raw: str) -> str:
        out = TOKEN.sub(self.token, raw)
        if "morsedigits" in self.words:
            out = re.sub(r"\.(\s|$)", r" STOP\1", out.upper())
        return out


def ocr_column(block: str, width: int = 40) -> str:
    """A scanned column: fi/fl ligatures, and lines wrapped at `width` with long words hyphenated across."""
    block = block.replace("fi", "\ufb01").replace("fl", "\ufb02")
    lines, line = [], ""
    for word in block.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if len(word) >= 8 and room >= 3 and word.isalpha():
                cut = min(room, len(word) - 3)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def derive(story: dict, stories: dict) -> dict:
    """A designed twin: its base's title, alt and text with each `set` phrase replaced (fails when one is missing)."""
    base = stories[story["derive"]]
    title, alt, text = base["title"], base["alt"], base["text"]
    for old, new in story["set"]:
        if old not in title + alt + text:
            raise ValueError(f"{story['id']}: {old!r} not in {base['id']}")
        title, alt, text = title.replace(old, new), alt.replace(old, new), text.replace(old, new)
    return {**story, "title": title, "alt": alt, "text": text}


def paragraphs(story: dict, stories: dict) -> list[str]:
    own = [p.strip() for p in story["text"].strip().split("\n\n")]
    for other in story.get("quotes", []):  # a digest quotes each story's lede paragraph whole
        own.append(paragraphs(stories[other], stories)[0])
    return own


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)] + " …"


def entry(src: dict, story: dict, stories: dict, outlet: list, at: datetime, extra: list[str]) -> dict:
    feed, name, host, offset, body, carrier_words = outlet
    origin = next(o[1] for o in src["outlets"] if o[0] == story["outlet"])
    words_ = set(carrier_words) | set(extra)
    render = Render(src, story["lang"], words_)
    title = render.text(story["alt"] if "newtopline" in words_ else story["title"])
    blocks = [render.text(p) for p in paragraphs(story, stories)]
    if "endblockcut" in words_ and len(blocks) >= 3:
        blocks = blocks[:-1]
    if "carrierbyline" in words_:
        blocks.insert(0, f"{name} · {origin}")
    if "scanligature" in words_:
        blocks = [ocr_column(b) for b in blocks]
    key = digest(str(src["seed"]), story["id"], feed)
    local = at.astimezone(timezone(timedelta(minutes=offset)))
    summary = cut(" ".join(b.replace("\n", " ") for b in blocks), 150 if body == "none" else 220)
    if not carrier_words:
        link = f"https://{host}/{at:%Y/%m}/{story['id']}"
        guid = f"tag:{host},{at:%Y}:{story['id']}"
    else:
        link = f"https://{host}/n/{key[:10]}" + (f"?utm_source=relay&utm_medium={feed}" if int(key[10], 16) < 6 else "")
        guid = f"{feed}-{key[:12]}"
    content = "\n\n".join(blocks)
    if body != "plain":
        content = "" if body == "none" else "".join(f"<p>{b}</p>" for b in blocks)
    return {
        "id": "",
        "outlet": name,
        "feed": feed,
        "title": title,
        "link": link,
        "guid": guid,
        "published": local.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }


def carriers_for(src: dict, story: dict) -> list[list]:
    """The carriers in an order shuffled by the story (a twin follows its base's order: the same carriers)."""
    found = [o for o in src["outlets"] if o[5]]
    base = story.get("derive", story["id"])
    random.Random(digest(str(src["seed"]), base)).shuffle(found)
    return found


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    stories: dict[str, dict] = {}
    for s in src["stories"]:
        stories[s["id"]] = derive(s, stories) if "derive" in s else s
    outlets = {o[0]: o for o in src["outlets"]}
    USED.clear()
    rows = []
    for story in stories.values():
        at = datetime.fromisoformat(story["at"].replace("Z", "+00:00"))
        rows.append((at, entry(src, story, stories, outlets[story["outlet"]], at, [])))
        rng = random.Random(digest(str(src["seed"]), story["id"], "copies"))
        for carrier in carriers_for(src, story)[: story["copies"]]:
            later = at + timedelta(minutes=rng.randint(12, 400))
            extra = rng.choice(ORDINARY)
            USED[extra] += 1
            row = entry(src, story, stories, carrier, later, [extra])
            rows.append((later, row))
    rows.sort(key=lambda pair: pair[0])
    out = []
    for n, (_, row) in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{n:03d}"
        out.append(row)
    return out


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: r[k] for k in KEYS}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    kinds = {s["id"]: s for s in src["stories"]}
    per_story = Counter(r["story"] for r in rows)
    events: dict[str, set[str]] = {}
    for r in rows:
        events.setdefault(r["event"], set()).add(r["story"])
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["story"], r)
    copies = [r for r in rows if first[r["story"]] is not r]
    own = {story: (r["title"], r["content"]) for story, r in first.items()}
    changed = sum((r["title"], r["content"]) != own[r["story"]] for r in copies)
    ev_of = {r["story"]: r["event"] for r in rows}
    same_event = sum(
        per_story[a] * per_story[b] for a in per_story for b in per_story if a < b and ev_of[a] == ev_of[b]
    )
    negative = 0
    for s in kinds.values():
        if s["kind"] in NEGATIVE:
            negative += sum(per_story[s["id"]] * per_story[o] for o in s.get("quotes", [s.get("against")]))
    langs = Counter(r["lang"] for r in rows)
    carrier_words: Counter[str] = Counter()
    outlets = {o[0]: o for o in src["outlets"]}
    for r in copies:
        carrier_words.update(outlets[r["feed"]][5])
    sizes = Counter(per_story.values())
    written = [s["text"] for s in kinds.values() if "text" in s and "quotes" not in s]
    words_per = [len(TOKEN.sub("x", text).split()) for text in written]
    kind_counts = Counter(s["kind"] for s in kinds.values())
    lines = [
        f"entries:                 {len(rows)}",
        f"stories:                 {len(per_story)}",
        f"events:                  {len(events)} ({sum(len(v) > 1 for v in events.values())} with several stories)",
        f"copies:                  {len(copies)} ({changed} change the title or body)",
        f"copy pairs:              {sum(n * (n - 1) // 2 for n in per_story.values())}",
        f"entries per story:       {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"same-event other-story:  {same_event}",
        f"designed negative pairs: {negative}",
        f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}"
        f"  (en {100 * langs['en'] / len(rows):.1f}%)",
        f"kinds:                   {', '.join(f'{k}={v}' for k, v in sorted(kind_counts.items()))}",
        f"carrier words (copies):  {', '.join(f'{k}={v}' for k, v in sorted(carrier_words.items()))}",
        f"ordinary words (copies): {', '.join(f'{k}={v}' for k, v in sorted(USED.items()))}",
        f"hand-written texts:      {len(words_per)}, {min(words_per)}-{max(words_per)} words",
    ]
    return "\n".join(lines)


def main() -> None:
    rows = build()
    OUT.write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
