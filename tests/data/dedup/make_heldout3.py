"""Build held-out v3 (`heldout3.jsonl`) from `heldout3_source.yaml`.

Every story in the source is hand-written once; its copies are derived here by
syndication transformations named in the source recipe
(`"<outlet> <minutes later> <transform> <transform> ..."`). Randomness (names,
positions, typo choices, numbers in links and GUIDs) comes from a
`random.Random` seeded with the row key, so the output is byte-for-byte
reproducible. The written file carries only the documented keys; the kinds of
stories and the transformations are kept here for `--stats`.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout3_source.yaml"
OUTPUT = HERE / "heldout3.jsonl"
SEED = "heldout3-2027"

# Localised pieces of syndication boilerplate, one table per language.
LOCAL: dict[str, dict[str, str]] = {
    "nl": {
        "by": "Door {n}",
        "credit": "({a}/{n})",
        "related": "Lees ook:",
        "ad": "Advertentie",
        "news": "Elke ochtend het belangrijkste nieuws in je mailbox? Meld je aan voor onze nieuwsbrief.",
        "more": "Lees verder",
        "photo": "Foto",
        "update": "UPDATE: ",
        "pre": "Noot van de redactie: dit bericht is aangevuld met informatie van {a}.",
        "post": "Correctie: in een eerdere versie van dit bericht stond een verkeerde dag vermeld.",
        "months": "jan,feb,mrt,apr,mei,jun,jul,aug,sep,okt,nov,dec",
    },
    "sv": {
        "by": "Av {n}",
        "credit": "{n}/{a}",
        "related": "Läs också:",
        "ad": "Annons",
        "news": "Få de viktigaste nyheterna varje morgon – prenumerera på vårt nyhetsbrev.",
        "more": "Läs mer",
        "photo": "Foto",
        "update": "UPPDATERAD: ",
        "pre": "Redaktionens anmärkning: artikeln har kompletterats med uppgifter från {a}.",
        "post": "Rättelse: i en tidigare version av artikeln angavs fel veckodag.",
        "months": "jan,feb,mars,april,maj,juni,juli,aug,sep,okt,nov,dec",
    },
    "cs": {
        "by": "Autor: {n}",
        "credit": "({a}, {n})",
        "related": "Čtěte také:",
        "ad": "Reklama",
        "news": "Nejdůležitější zprávy každé ráno do vaší schránky. Přihlaste se k odběru newsletteru.",
        "more": "Číst dále",
        "photo": "Foto",
        "update": "AKTUALIZOVÁNO: ",
        "pre": "Poznámka redakce: článek byl doplněn o informace agentury {a}.",
        "post": "Oprava: v předchozí verzi článku byl uveden chybný den.",
        "months": "ledna,února,března,dubna,května,června,července,srpna,září,října,listopadu,prosince",
    },
    "ro": {
        "by": "de {n}",
        "credit": "Sursa: {a}. Editor: {n}",
        "related": "Citește și:",
        "ad": "Publicitate",
        "news": "Abonează-te la newsletterul nostru și primești dimineața cele mai importante știri.",
        "more": "Citește mai mult",
        "photo": "Foto",
        "update": "ACTUALIZARE: ",
        "pre": "Nota redacției: articolul a fost completat cu informații de la {a}.",
        "post": "Corecție: într-o versiune anterioară a articolului ziua era greșită.",
        "months": "ianuarie,februarie,martie,aprilie,mai,iunie,iulie,august,septembrie,octombrie,noiembrie,decembrie",
    },
    "vi": {
        "by": "Bài: {n}",
        "credit": "{n} ({a})",
        "related": "Xem thêm:",
        "ad": "Quảng cáo",
        "news": "Đăng ký nhận bản tin để đọc tin tức quan trọng nhất mỗi sáng.",
        "more": "Đọc tiếp",
        "photo": "Ảnh",
        "update": "CẬP NHẬT: ",
        "pre": "Ghi chú của tòa soạn: bài viết được bổ sung thông tin từ {a}.",
        "post": "Đính chính: phiên bản trước của bài viết ghi sai ngày.",
        "months": "",
    },
    "tr": {
        "by": "Haber: {n}",
        "credit": "({a} - {n})",
        "related": "İlgili haber:",
        "ad": "Reklam",
        "news": "Günün en önemli haberleri her sabah e-postanızda. Bültenimize abone olun.",
        "more": "Devamını oku",
        "photo": "Fotoğraf",
        "update": "GÜNCELLENDİ: ",
        "pre": "Editörün notu: Haber, {a} kaynaklı bilgilerle güncellendi.",
        "post": "Düzeltme: Haberin önceki sürümünde gün yanlış yazılmıştı.",
        "months": "Ocak,Şubat,Mart,Nisan,Mayıs,Haziran,Temmuz,Ağustos,Eylül,Ekim,Kasım,Aralık",
    },
    "en": {
        "by": "By {n}",
        "credit": "(Reporting by {n}; editing by the {a} desk)",
        "related": "Read also:",
        "ad": "Advertisement",
        "news": "Sign up for our morning briefing, delivered to your inbox at 7am.",
        "more": "Read more",
        "photo": "Photo",
        "update": "UPDATE 1-",
        "pre": "Editor's note: this story has been updated with information from {a}.",
        "post": "Correction: an earlier version of this story gave the wrong day.",
        "months": "Jan.,Feb.,March,April,May,June,July,Aug.,Sept.,Oct.,Nov.,Dec.",
    },
    "el": {
        "by": "Συντάκτης: {n}",
        "credit": "({a}/{n})",
        "related": "Διαβάστε επίσης:",
        "ad": "Διαφήμιση",
        "news": "Εγγραφείτε στο ενημερωτικό μας δελτίο για τις σημαντικότερες ειδήσεις κάθε πρωί.",
        "more": "Διαβάστε περισσότερα",
        "photo": "Φωτογραφία",
        "update": "ΕΝΗΜΕΡΩΣΗ: ",
        "pre": "Σημείωση σύνταξης: το άρθρο συμπληρώθηκε με πληροφορίες του {a}.",
        "post": "Διόρθωση: σε προηγούμενη έκδοση του άρθρου αναφερόταν λάθος ημέρα.",
        "months": "Ιανουαρίου,Φεβρουαρίου,Μαρτίου,Απριλίου,Μαΐου,Ιουνίου,Ιουλίου,Αυγούστου,"
        "Σεπτεμβρίου,Οκτωβρίου,Νοεμβρίου,Δεκεμβρίου",
    },
    "hi": {
        "by": "लेखक: {n}",
        "credit": "({a}, {n})",
        "related": "यह भी पढ़ें:",
        "ad": "विज्ञापन",
        "news": "हर सुबह सबसे ज़रूरी ख़बरें पाने के लिए हमारे न्यूज़लेटर की सदस्यता लें।",
        "more": "और पढ़ें",
        "photo": "फोटो",
        "update": "अपडेट: ",
        "pre": "संपादक की टिप्पणी: इस ख़बर में {a} से मिली जानकारी जोड़ी गई है।",
        "post": "सुधार: इस ख़बर के पिछले संस्करण में दिन ग़लत लिखा गया था।",
        "months": "जनवरी,फ़रवरी,मार्च,अप्रैल,मई,जून,जुलाई,अगस्त,सितंबर,अक्टूबर,नवंबर,दिसंबर",
    },
}

NAMES: dict[str, list[str]] = {
    "nl": ["Marloes Verbeek", "Jorrit van Haaften", "Sanne Kuipers", "Thijs Oosterhout", "Femke de Graaf"],
    "sv": ["Linnea Holmqvist", "Oskar Lindgren", "Ebba Sjöberg", "Viktor Nyström", "Maja Eklund"],
    "cs": ["Tereza Procházková", "Ondřej Vávra", "Kateřina Šimková", "Lukáš Beneš", "Jana Kučerová"],
    "ro": ["Ioana Munteanu", "Radu Ciobanu", "Andreea Stanciu", "Mihai Dragomir", "Elena Vlad"],
    "vi": ["Trần Minh Khoa", "Lê Thị Hồng Nhung", "Phạm Quốc Bảo", "Đặng Thu Trang", "Võ Hoàng Nam"],
    "tr": ["Elif Karaca", "Burak Yıldırım", "Zeynep Aksoy", "Emre Çelik", "Selin Doğan"],
    "en": ["Hannah Whitcombe", "Daniel Okafor", "Priya Raman", "Tom Ashdown", "Claire Benning"],
    "el": ["Ελένη Παπαδάκη", "Νίκος Καραγιάννης", "Μαρία Αλεξίου"],
    "hi": ["सुनीता वर्मा", "राहुल त्रिपाठी", "अंजलि मिश्रा"],
}

QUOTES = [("„", "“"), ("»", "«"), ("«", "»"), ("“", "”"), ('"', '"')]
QUOTE_RE = re.compile(r'[„»«“"]([^„»«“”"\n]{1,400}?)[“«»”"]')
TRACKERS = ["click.newsrelay.example", "t.feedpulse.example", "go.linkmeter.example"]


@dataclass
class Doc:
    """One entry while it is being transformed."""

    title: str
    dateline: str
    blocks: list[tuple[str, str]]  # (kind, text): p, by, fig, ad, rel, more, note
    fmt: str
    summary_only: bool = False
    glued: bool = False
    cdata: bool = False
    entities: bool = False
    link_style: str = "plain"
    utc: bool = False
    applied: list[str] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    """Split at sentence ends; a piece starting in lower case belongs to the one before (Czech ordinals)."""
    parts = re.split(r"(?<=[.!?।])\s+", text.strip())
    out: list[str] = []
    for part in parts:
        if out and (part[:1].islower() or (part[:1].isdigit() and out[-1][-2:-1].isdigit())):
            out[-1] += " " + part
        else:
            out.append(part)
    return out


def dateline_for(lang: str, city: str, agency: str, when: datetime) -> str:
    months = LOCAL[lang]["months"].split(",")
    month = months[when.month - 1] if months[0] else ""
    forms = {
        "nl": f"{city.upper()} ({agency}) –",
        "sv": f"{city.upper()} ({agency})",
        "cs": f"{city} ({agency}) –",
        "ro": f"{city.upper()}, {when.day} {month} /{agency}/ –",
        "vi": f"{city} ({agency}) -",
        "tr": f"{city.upper()} ({agency}) -",
        "en": f"{city.upper()}, {month} {when.day} ({agency}) -",
        "el": f"{city} ({agency}) –",
        "hi": f"{city}, {when.day} {month} ({agency})।",
    }
    return forms[lang]


def paragraphs(doc: Doc) -> list[int]:
    return [i for i, (kind, _) in enumerate(doc.blocks) if kind == "p"]


def insert_mid(doc: Doc, rng: random.Random, block: tuple[str, str]) -> None:
    idx = paragraphs(doc)
    at = idx[min(len(idx) - 1, rng.choice([1, 2]))] if len(idx) > 1 else len(doc.blocks)
    doc.blocks.insert(at, block)


def trim(doc: Doc, pct: int) -> None:
    """Drop whole sentences from the tail until about pct % of the words are gone (at most pct + 12 %)."""
    flat = [(i, s) for i in paragraphs(doc) for s in sentences(doc.blocks[i][1])]
    total = sum(len(s.split()) for _, s in flat)
    gone = 0
    while len(flat) > 1 and gone < total * pct / 100:
        words = len(flat[-1][1].split())
        if gone and gone + words > total * (pct + 12) / 100:
            break
        gone += words
        flat.pop()
    last = flat[-1][0]
    kept = {i: " ".join(s for j, s in flat if j == i) for i, _ in flat}
    doc.blocks = [
        (k, kept[n] if k == "p" else t) for n, (k, t) in enumerate(doc.blocks) if n <= last and (k != "p" or n in kept)
    ]


def truncate(doc: Doc, rng: random.Random, lang: str) -> None:
    """Cut mid-sentence at 45-70 % of the words, add `…` and a localised read-more marker."""
    idx = paragraphs(doc)
    words = [(i, w) for i in idx for w in doc.blocks[i][1].split()]
    cut = int(len(words) * rng.uniform(0.45, 0.7))
    last_i = words[cut][0]
    kept = [w for i, w in words[:cut] if i == last_i]
    blocks = [b for n, b in enumerate(doc.blocks) if n < last_i]
    doc.blocks = [*blocks, ("p", " ".join(kept).rstrip(",.;:") + " …"), ("more", LOCAL[lang]["more"])]


def reformat_numbers(text: str, lang: str) -> str:
    def thousands(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        sep = "," if lang != "en" else "\u00a0"
        if re.search(r"[ \u00a0]", m.group(0)):
            sep = "." if lang != "en" else ","
        return f"{int(digits):,}".replace(",", sep)

    text = re.sub(r"\b\d{1,3}(?:[.,\u00a0 ]\d{3})+\b", thousands, text)
    if lang != "en":
        text = re.sub(r"(?<=\d),(?=\d{1,2}\b)", ".", text)
    if "%" in text:
        text = re.sub(r"(\d) %", r"\1%", text) if " %" in text else re.sub(r"(\d)%", "\\1\u00a0%", text)
    return text


def requote(text: str, rng: random.Random) -> str:
    current = next((q for q in QUOTES if q[0] in text), QUOTES[-1])
    new = rng.choice([q for q in QUOTES if q != current])
    return QUOTE_RE.sub(lambda m: f"{new[0]}{m.group(1)}{new[1]}", text)


def typos(doc: Doc, rng: random.Random) -> None:
    """Transpose two inner letters in about 2 % of the words (at least one), as a hurried desk edit does."""
    words = {i: doc.blocks[i][1].split(" ") for i in paragraphs(doc)}
    spots = [(i, n) for i, ws in words.items() for n, w in enumerate(ws) if len(w) > 4 and w.isalpha()]
    total = sum(len(ws) for ws in words.values())
    for i, n in rng.sample(spots, min(len(spots), max(1, round(total * 0.02)))):
        w = words[i][n]
        j = rng.randrange(1, len(w) - 3)
        words[i][n] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    for i, ws in words.items():
        doc.blocks[i] = ("p", " ".join(ws))


def map_text(doc: Doc, fn: Callable[[str], str]) -> None:
    doc.blocks = [(k, fn(t) if k == "p" else t) for k, t in doc.blocks]


def apply(doc: Doc, word: str, story: dict, rng: random.Random, ctx: dict) -> None:
    lang = story["lang"]
    loc = LOCAL[lang]
    name = rng.choice(NAMES[lang])
    if word == "dateline-strip":
        doc.dateline = ""
    elif word == "dateline-local":
        doc.dateline = dateline_for(lang, story["city"], ctx["agency"], ctx["when"])
    elif word == "byline":
        doc.blocks.insert(0, ("by", loc["by"].format(n=name)))
    elif word == "byline-inline":
        doc.dateline = (loc["by"].format(n=name) + " " + doc.dateline).strip()
    elif word == "credit":
        doc.blocks.append(("by", loc["credit"].format(n=name, a=ctx["agency"])))
    elif word == "related":
        others = [h for h in ctx["headlines"][lang] if h != story["title"]]
        insert_mid(doc, rng, ("rel", f"{loc['related']} {rng.choice(others)}"))
    elif word == "advert":
        insert_mid(doc, rng, ("ad", loc["ad"]))
    elif word == "newsletter":
        insert_mid(doc, rng, ("note", loc["news"]))
    elif word == "caption":
        insert_mid(doc, rng, ("fig", f"{story['caption']} {loc['photo']}: {name}/{ctx['agency']}"))
    elif word == "pre-note":
        doc.blocks.insert(0, ("note", loc["pre"].format(a=ctx["agency"])))
    elif word == "post-note":
        doc.blocks.append(("note", loc["post"]))
    elif word == "update":
        doc.blocks.insert(0, ("p", story["update"]))
        doc.title = loc["update"] + doc.title
    elif word == "lede":
        first = paragraphs(doc)[0]
        rest = sentences(doc.blocks[first][1])[1:]
        if not rest:  # a new lede must leave some of the opening paragraph, or little of the copy is shared
            raise SystemExit(f"{story['id']}: `lede` needs a first paragraph of two sentences or more")
        doc.blocks[first] = ("p", " ".join([story["lede"], *rest]))
    elif word == "merge":
        idx = paragraphs(doc)
        if len(idx) > 2:
            doc.blocks[idx[1]] = ("p", doc.blocks[idx[1]][1] + " " + doc.blocks[idx[2]][1])
            del doc.blocks[idx[2]]
    elif word == "split":
        i = max(paragraphs(doc), key=lambda n: len(sentences(doc.blocks[n][1])))
        parts = sentences(doc.blocks[i][1])
        half = max(1, len(parts) // 2)
        doc.blocks[i : i + 1] = [("p", " ".join(parts[:half])), ("p", " ".join(parts[half:]))]
    elif word.startswith("trim"):
        trim(doc, int(word[4:]))
    elif word == "truncate":
        truncate(doc, rng, lang)
    elif word == "numbers":
        map_text(doc, lambda t: reformat_numbers(t, lang))
        doc.title = reformat_numbers(doc.title, lang)
    elif word == "quotes":
        map_text(doc, lambda t: requote(t, rng))
    elif word == "edit":
        typos(doc, rng)
    elif word in ("alt", "alt2"):
        doc.title = story["alt"][0 if word == "alt" else 1]
    elif word == "caps":
        doc.title = (doc.title.replace("i", "İ") if lang == "tr" else doc.title).upper()
    elif word == "summary-only":
        doc.summary_only = True
    elif word in ("plain", "br", "div", "p"):
        doc.fmt = word
    elif word in ("glued", "cdata", "entities", "utc"):
        setattr(doc, word, True)
    elif word in ("tracking", "amp", "mobile"):
        doc.link_style = word
    else:
        raise SystemExit(f"{story['id']}: unknown transformation {word!r}")
    doc.applied.append(word)


def first_text(doc: Doc) -> str:
    text = doc.blocks[paragraphs(doc)[0]][1]
    return f"{doc.dateline} {text}".strip() if doc.dateline else text


def block_text(doc: Doc, i: int) -> str:
    kind, text = doc.blocks[i]
    if kind == "p" and i == paragraphs(doc)[0] and doc.dateline:
        return f"{doc.dateline} {text}"
    return text


def encode(text: str, doc: Doc) -> str:
    out = html.escape(text, quote=False)
    if doc.entities:
        out = out.replace("\u00a0", "&nbsp;").replace("“", "&ldquo;").replace("”", "&rdquo;")
        out = out.replace('"', "&quot;").replace("'", "&#39;")
        out = out.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return out


def render_html(doc: Doc) -> str:
    parts = []
    for i, (kind, _) in enumerate(doc.blocks):
        text = encode(block_text(doc, i), doc)
        parts.append(
            {
                "p": f"<p>{text}</p>",
                "fig": f'<figure><img src="/img/{i}.jpg" alt=""><figcaption>{text}</figcaption></figure>',
                "ad": f'<div class="ad-slot">{text}</div>',
                "rel": f'<p class="related"><a href="#">{text}</a></p>',
                "more": f'<p><a href="#more">{text}</a></p>',
                "note": f"<p><em>{text}</em></p>",
                "by": f'<p class="byline">{text}</p>',
            }[kind]
        )
    if doc.fmt == "br":
        inner = [re.sub(r"^<p>(.*)</p>$", r"\1", p) for p in parts]
        return "<br><br>".join(inner) if not doc.glued else "<br/>".join(inner)
    body = ("" if doc.glued else "\n").join(parts)
    return f'<div class="article-body">{body}</div>' if doc.fmt == "div" else body


def render(doc: Doc) -> tuple[str, str]:
    """Return (summary, content) in the doc's format."""
    if doc.fmt == "plain":
        texts = [block_text(doc, i) if k != "ad" else k.upper() + ": " + t for i, (k, t) in enumerate(doc.blocks)]
        content = ("\n\n" if not doc.glued else "").join(texts)
        summary = first_text(doc)
    else:
        content = render_html(doc)
        summary = f"<p>{encode(first_text(doc), doc)}</p>"
    if doc.cdata:
        content = f"<![CDATA[{content}]]>"
    if doc.summary_only:
        return summary, ""
    if doc.fmt != "plain":
        return summary, content
    # The dateline goes in front of the first sentence, so that `Jan.` in it does not end the sentence.
    lead = sentences(doc.blocks[paragraphs(doc)[0]][1])
    first = lead[0] if len(lead) > 1 else " ".join(lead[0].split()[:30]) + " …"
    return f"{doc.dateline} {first}".strip(), content


def slug(title: str, fallback: str) -> str:
    folded = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D").replace("ı", "i"))
    text = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower()).strip("-")
    return text[:60].strip("-") if len(text) > 8 else fallback


def address(outlet: dict, doc: Doc, when: datetime, rng: random.Random, sid: str) -> tuple[str, str]:
    num = rng.randrange(10000, 999999)
    path = f"/{when:%Y/%m/%d}/{slug(doc.title, sid.removeprefix('s-'))}-{num}"
    host = outlet["host"]
    link = f"https://{host}{path}"
    if doc.link_style == "tracking":
        link = (
            f"https://{rng.choice(TRACKERS)}/r/{num:x}?url=https%3A%2F%2F{host}{path.replace('/', '%2F')}"
            f"&utm_source=rss&utm_medium=feed&utm_campaign={outlet['slug']}"
        )
    elif doc.link_style in ("amp", "mobile"):
        link = f"https://{doc.link_style[0] if doc.link_style == 'mobile' else 'amp'}.{host}{path}"
    style = outlet["guid"]
    guid = {
        "tag": f"tag:{host},{when:%Y-%m-%d}:{num}",
        "p": f"https://{host}/?p={num}",
        "uuid": f"urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}",
        "num": str(num),
        "code": f"{outlet['slug'][:3].upper()}-{when:%Y%m%d}-{num}",
        "link": f"https://{host}{path}",
    }[style]
    return link, guid


def resolve(story: dict, by_id: dict) -> list[str]:
    """Paragraphs, with `@story#n` standing for paragraph n of another story (follow-ups reuse openings)."""
    out = []
    for para in story["body"]:
        m = re.fullmatch(r"@(\S+)#(\d+)", para)
        out.append(resolve(by_id[m.group(1)], by_id)[int(m.group(2))] if m else para)
    return out


def make_row(story: dict, outlet: dict, recipe: list[str], minutes: int, ctx: dict) -> dict:
    rng = random.Random(f"{SEED}|{story['id']}|{outlet['slug']}|{minutes}")
    base = datetime.fromisoformat(story["time"]).replace(tzinfo=UTC)
    when_utc = base + timedelta(minutes=minutes)
    h, m = outlet["tz"].split(":")
    tz = timezone(timedelta(hours=int(h), minutes=int(m) * (1 if h[0] == "+" else -1)))
    origin = ctx["outlets"][story["outlet"]]
    dl = dateline_for(story["lang"], story["city"], origin["agency"], base) if story.get("dateline") else ""
    doc = Doc(story["title"], dl, [("p", t) for t in resolve(story, ctx["by_id"])], outlet["fmt"])
    ctx.update(agency=outlet["agency"], when=when_utc.astimezone(tz))
    for word in recipe:
        apply(doc, word, story, rng, ctx)
    summary, content = render(doc)
    when = when_utc if doc.utc else when_utc.astimezone(tz)
    link, guid = address(outlet, doc, when, rng, story["id"])
    row = {
        "id": "",
        "outlet": outlet["name"],
        "feed": outlet["slug"],
        "title": doc.title,
        "link": link,
        "guid": guid,
        "published": when.isoformat(),
        "summary": summary,
        "content": content,
        "lang": story["lang"],
        "story": story["id"],
        "event": story["event"],
    }
    return {"row": row, "utc": when_utc, "applied": recipe, "copy": bool(ctx["is_copy"])}


def build() -> list[dict]:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets = {slug_: {**o, "slug": slug_} for slug_, o in src["outlets"].items()}
    by_id = {s["id"]: s for s in src["stories"]}
    headlines: dict[str, list[str]] = {}
    for s in src["stories"]:
        headlines.setdefault(s["lang"], []).append(s["title"])
    ctx: dict = {"outlets": outlets, "by_id": by_id, "headlines": headlines}
    made = []
    for order, s in enumerate(src["stories"]):
        ctx["is_copy"] = False
        kind = s.get("kind", "original")
        first = make_row(s, outlets[s["outlet"]], s.get("origin", []), 0, ctx)
        made.append({**first, "order": (order, 0), "kind": kind})
        for n, recipe in enumerate(s.get("copies", []), 1):
            slug_, minutes, *words = recipe.split()
            ctx["is_copy"] = True
            item = make_row(s, outlets[slug_], words, int(minutes), ctx)
            made.append({**item, "order": (order, n), "kind": kind})
    made.sort(key=lambda m: (m["utc"], m["order"]))
    for n, m in enumerate(made, 1):
        m["row"]["id"] = f"x{n:03d}"
    return made


def dump(made: list[dict]) -> str:
    return "".join(json.dumps(m["row"], ensure_ascii=False) + "\n" for m in made)


def stats(made: list[dict]) -> str:
    rows = [m["row"] for m in made]
    stories = Counter(r["story"] for r in rows)
    ev_stories: dict[str, set[str]] = {}
    ev_langs: dict[str, set[str]] = {}
    for r in rows:
        ev_stories.setdefault(r["event"], set()).add(r["story"])
        ev_langs.setdefault(r["event"], set()).add(r["lang"])
    kinds = Counter(m["kind"] for m in made if not m["copy"])
    sizes = Counter(stories.values())
    copy_pairs = sum(n * (n - 1) // 2 for n in stories.values())
    ev_sizes = Counter(r["event"] for r in rows)
    same_event_pairs = sum(n * (n - 1) // 2 for n in ev_sizes.values()) - copy_pairs
    langs = Counter(r["lang"] for r in rows)
    words = Counter(w for m in made if m["copy"] for w in m["applied"])
    lines = [
        f"entries:                 {len(rows)}",
        f"outlets (feeds):         {len({r['feed'] for r in rows})}",
        f"stories:                 {len(stories)}  ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})",
        f"  singletons:            {sizes[1]}",
        f"  entries per story:     {', '.join(f'{k}x{v}' for k, v in sorted(sizes.items()))}",
        f"events:                  {len(ev_stories)}  ({sum(len(v) > 1 for v in ev_stories.values())} with >=2 stories,"
        f" {sum(len(v) > 1 for v in ev_langs.values())} in >=2 languages)",
        f"copies:                  {sum(m['copy'] for m in made)}",
        f"copy pairs (same story): {copy_pairs}",
        f"same event, other story: {same_event_pairs} entry pairs",
        f"languages:               {', '.join(f'{k}={v}' for k, v in sorted(langs.items()))}",
        f"transformations:         {', '.join(f'{k}={v}' for k, v in sorted(words.items()))}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="print the counts instead of writing the file")
    args = parser.parse_args(argv)
    made = build()
    if args.stats:
        print(stats(made))
        return 0
    OUTPUT.write_text(dump(made), encoding="utf-8")
    print(f"wrote {OUTPUT.name}: {len(made)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
