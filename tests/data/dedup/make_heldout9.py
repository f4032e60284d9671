"""Build held-out v9 (`heldout9.jsonl`) from the hand-written `heldout9_source.yaml`.

Each story is emitted at its origin outlet, then once per copy at another outlet with the copy's
recipe words applied in order (most copies combine 2-3, as aggregators do). Deterministic: the only
randomness is a seeded choice of which paragraph gets a mid-text box, so the file regenerates
byte for byte. `--stats` prints the counts quoted in the README.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SEED = 9
NEGATIVE = {"template", "same-topic", "press-release", "roundup"}

# Localised boilerplate: byline word, closing credit, read-more, "updated at", newsletter box, timeline heading.
LOCAL = {
    "cy": (
        "Gan",
        "Hawlfraint {o}. Cedwir pob hawl.",
        "Darllen mwy",
        "Diweddarwyd y stori hon am {t}.",
        "📩 Cofrestrwch am ein cylchlythyr dyddiol – am ddim.",
        "Llinell amser",
    ),
    "eu": (
        "Egilea:",
        "© {o}. Eskubide guztiak erreserbatuta.",
        "Irakurri gehiago",
        "Albiste hau {t}etan eguneratu da.",
        "📩 Harpidetu gure buletinera – doan.",
        "Kronologia",
    ),
    "mk": (
        "Автор:",
        "© {o}. Сите права задржани.",
        "Прочитај повеќе",
        "Веста е ажурирана во {t} часот.",
        "📩 Пријавете се за нашиот билтен – бесплатно.",
        "Хронологија",
    ),
    "ta": (
        "எழுதியவர்:",
        "© {o}. அனைத்து உரிமைகளும் பாதுகாக்கப்பட்டவை.",
        "மேலும் படிக்க",
        "இந்தச் செய்தி {t} மணிக்குப் புதுப்பிக்கப்பட்டது.",
        "📩 எங்கள் செய்தி மடலுக்குப் பதிவு செய்யுங்கள் – இலவசம்.",
        "காலவரிசை",
    ),
    "am": (
        "ዘጋቢ:",
        "© {o}። መብቱ በሕግ የተጠበቀ ነው።",
        "ተጨማሪ ያንብቡ",
        "ይህ ዜና በ{t} ሰዓት ተሻሽሏል።",
        "📩 ለዕለታዊ ጋዜጣችን ይመዝገቡ – በነጻ።",
        "የጊዜ ሰሌዳ",
    ),
    "af": (
        "Deur",
        "© {o}. Alle regte voorbehou.",
        "Lees meer",
        "Hierdie berig is om {t} bygewerk.",
        "📩 Teken in vir ons daaglikse nuusbrief – gratis.",
        "Tydlyn",
    ),
    "tg": (
        "Муаллиф:",
        "© {o}. Ҳамаи ҳуқуқҳо ҳифз шудаанд.",
        "Бештар хонед",
        "Ин хабар соати {t} нав карда шуд.",
        "📩 Ба бюллетени мо обуна шавед – ройгон.",
        "Хронология",
    ),
    "en": (
        "By",
        "© {o}. All rights reserved.",
        "Read more",
        "This story was updated at {t}.",
        "📩 Sign up for our morning briefing – it's free.",
        "Timeline",
    ),
    "es": (
        "Por",
        "© {o}. Todos los derechos reservados.",
        "Leer más",
        "Esta noticia se actualizó a las {t}.",
        "📩 Suscríbete a nuestro boletín diario: es gratis.",
        "Cronología",
    ),
}
TG_LATIN = dict(
    zip(
        "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "gh",
            "d",
            "e",
            "yo",
            "zh",
            "z",
            "i",
            "ī",
            "y",
            "k",
            "q",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "ū",
            "f",
            "kh",
            "h",
            "ch",
            "j",
            "sh",
            "'",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def translit(text: str) -> str:
    """Tajik Cyrillic to Latin letters: the same text, so the same story."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in TG_LATIN:
            out.append(ch)
            continue
        latin = TG_LATIN[low]
        if ch != low:
            after = text[i + 1 : i + 2]
            latin = latin.upper() if after.isupper() else latin.capitalize()
        out.append(latin)
    return "".join(out)


class Copy:
    """One entry being shaped: headline, paragraphs, lines on top and below, and how it renders."""

    def __init__(self, story: dict, outlet: dict, lang: str) -> None:
        self.story, self.outlet, self.lang = story, outlet, lang
        self.title = story["title"]
        lede = story["paras"][0]
        if story.get("dateline"):
            lede = f"{story['dateline']} – {lede}"
        self.paras = [lede, *story["paras"][1:]]
        self.top: list[str] = []
        self.bottom: list[str] = []
        self.plain = self.glued = self.entities = self.latin = self.summary_only = False
        self.link_style = ""
        self.words: list[str] = []

    def apply(self, word: str, rng: random.Random) -> None:
        self.words.append(word)
        s, loc = self.story, LOCAL[self.lang]
        if word == "dateline-strip":
            self.paras[0] = s["paras"][0]
        elif word == "dateline-local":
            tag = "".join(w[0] for w in self.outlet["feed"].split("-")).upper()
            self.paras[0] = f"{s['dateline']} ({tag}) – {s['paras'][0]}"
        elif word == "byline":
            self.top.append(f"{loc[0]} {s['author']}")
        elif word == "byline-inline":
            self.paras[0] = f"{s['author']} — {self.paras[0]}"
        elif word == "credit":
            self.bottom.append(loc[1].format(o=self.outlet["name"]))
        elif word in ("tracking", "amp"):
            self.link_style = word
        elif word == "trim":
            self.paras = self.paras[:-1]
        elif word == "dropmid":
            del self.paras[len(self.paras) // 2]
        elif word == "readmore":
            second = self.paras[1].split(" ")
            self.paras = [self.paras[0], " ".join(second[: len(second) // 2]) + f"… {loc[2]} »"]
        elif word == "summary-only":
            self.summary_only = True
        elif word == "alt":
            self.title = s["alt"]
        elif word == "question":
            self.title = s["question"]
        elif word == "quotes":
            self.paras = [re.sub("[“”„«»]", '"', p) for p in self.paras]
        elif word == "edit":
            old, new = s["edit"]
            self.paras = [p.replace(old, new) for p in self.paras]
        elif word == "units":
            old, new = s["units"]
            self.paras = [p.replace(old, new, 1) for p in self.paras]
        elif word == "agency":
            short, long = s["agency"]
            self.paras[0] = self.paras[0].replace(short, long, 1)
        elif word == "indirect":
            idx, text = s["indirect"]
            self.paras[idx] = text
        elif word == "split":
            idx = max(range(len(self.paras)), key=lambda i: len(self.paras[i]))
            parts = re.split(r"(?<=[.።!?])\s+", self.paras[idx])
            self.paras[idx : idx + 1] = parts
        elif word == "updated":
            self.top.insert(0, loc[3].format(t=s["updated"]))
        elif word == "newsletter":
            self.paras.insert(rng.randint(1, len(self.paras) - 1), loc[4])
        elif word == "timeline":
            self.bottom.append(loc[5] + ":")
            self.bottom.extend(f"• {line}" for line in s["timeline"])
        elif word == "emoji":
            self.paras = [f"🔹 {p}" for p in self.paras]
        elif word in ("plain", "glued", "entities", "latin"):
            setattr(self, word, True)
        else:
            raise ValueError(f"unknown recipe word {word!r} in {s['id']}")

    def script(self, text: str) -> str:
        """The whole entry in Latin letters when `latin` is in the recipe, whatever came before it."""
        return translit(text) if self.latin else text

    def content(self) -> str:
        blocks = [self.script(b) for b in (*self.top, *self.paras, *self.bottom)]
        if self.summary_only:
            return ""
        if self.plain:
            return (" " if self.glued else "\n\n").join(blocks)
        text = ("" if self.glued else "\n").join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks)
        if self.entities:
            text = "".join(f"&#{ord(c)};" if c in "“”„‘’–—«»" else c for c in text)
        return text

    def summary(self) -> str:
        lede = self.script(self.paras[0])
        if len(lede) <= 180:
            return lede
        return lede[:180].rsplit(" ", 1)[0] + "…"


def entry(story: dict, outlet: dict, when: datetime, words: list[str], rng: random.Random) -> dict:
    copy = Copy(story, outlet, story["lang"])
    for word in words:
        copy.apply(word, rng)
    local = when.astimezone(timezone(timedelta(hours=outlet["offset"])))
    slug = story["id"]
    host = outlet["feed"] + ".example"
    link = f"https://{host}/{local:%Y/%m/%d}/{slug}"
    if copy.link_style == "tracking":
        link += f"?utm_source=feed&utm_medium=rss&utm_campaign={outlet['feed']}"
    elif copy.link_style == "amp":
        link = f"https://amp.{host}/{local:%Y/%m/%d}/{slug}/amp"
    return {
        "outlet": outlet["name"],
        "feed": outlet["feed"],
        "title": copy.script(copy.title),
        "link": link,
        "guid": f"tag:{host},{local:%Y}:{slug}",
        "published": local.isoformat(),
        "summary": copy.summary(),
        "content": copy.content(),
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
        "_words": copy.words,
    }


def load() -> tuple[list[dict], dict[str, dict]]:
    source = yaml.safe_load((HERE / "heldout9_source.yaml").read_text(encoding="utf-8"))
    outlets = {o["feed"]: o for o in source["outlets"]}
    return source["stories"], outlets


def build() -> list[dict]:
    stories, outlets = load()
    rng = random.Random(SEED)
    rows = []
    for story in stories:
        start = datetime.fromisoformat(story["at"]).replace(tzinfo=UTC)
        rows.append((start, entry(story, outlets[story["outlet"]], start, [], rng)))
        for feed, minutes, recipe in story.get("copies", []):
            when = start + timedelta(minutes=minutes)
            rows.append((when, entry(story, outlets[feed], when, recipe.split(), rng)))
    rows.sort(key=lambda pair: pair[0])
    out = []
    for n, (_, row) in enumerate(rows, 1):
        out.append({"id": f"y{n:03d}", **row})
    return out


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps({k: v for k, v in r.items() if k != "_words"}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows: list[dict]) -> str:
    stories, _ = load()
    kinds = Counter(s["kind"] for s in stories)
    per_story = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = defaultdict(set)
    ev_langs: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        ev_stories[r["event"]].add(r["story"])
        ev_langs[r["event"]].add(r["lang"])
    by_id = {s["id"]: s for s in stories}
    negative = sum(
        per_story[s["id"]] * per_story[o]
        for s in stories
        if s["kind"] in NEGATIVE
        for o in s.get("quotes", [s.get("against")])
        if by_id[o]["event"] != s["event"]
    )
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for r in rows for w in r["_words"])
    return "\n".join(
        [
            f"entries:                 {len(rows)}",
            f"outlets (feeds):         {len({r['feed'] for r in rows})}",
            f"stories:                 {len(per_story)}  ("
            + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items()))
            + ")",
            f"events:                  {len(ev_stories)}  ({sum(len(s) > 1 for s in ev_stories.values())} with >=2 "
            f"stories, {sum(len(s) > 1 for s in ev_langs.values())} in >=2 languages)",
            f"copy pairs (same story): {sum(n * (n - 1) // 2 for n in per_story.values())}",
            f"hard-negative entry pairs (designed, other event): {negative}",
            f"summary-only entries:    {sum(r['content'] == '' for r in rows)}",
            "languages:               "
            + ", ".join(f"{k}={v}" for k, v in sorted(langs.items()))
            + f"  (en {100 * langs['en'] // len(rows)}%)",
            "transformations:         " + ", ".join(f"{k}={v}" for k, v in sorted(words.items())),
        ]
    )


def main() -> None:
    rows = build()
    (HERE / "heldout9.jsonl").write_text(dump(rows), encoding="utf-8")
    if "--stats" in sys.argv:
        print(stats(rows))


if __name__ == "__main__":
    main()
