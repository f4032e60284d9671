"""Build the HELD-OUT dedup set ``heldout.jsonl`` from ``heldout_source.yaml``.

The source file holds hand-written originals and hand-written hard negatives
(fiction modelled on news, hosts under ``.example``), each with the list of
syndicated copies to derive from it.  This script only applies the named copy
transformations, deterministically (no randomness beyond a fixed hash of the
row key), and writes one JSON object per line.

    python tests/data/dedup/make_heldout.py          # rewrites heldout.jsonl
    python tests/data/dedup/make_heldout.py --stats  # counts for the committed file

This set is never to be used to choose thresholds or code paths of the detector.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout_source.yaml"
OUT = HERE / "heldout.jsonl"

# ---------------------------------------------------------------- localisation

READ_MORE = {
    "en": "Read More",
    "fr": "Lire la suite",
    "es": "Leer más",
    "de": "Weiterlesen",
    "ar": "اقرأ المزيد",
    "zh": "阅读全文",
    "tr": "Devamını oku",
    "ru": "Читать далее",
}
CONTINUE = {
    "en": "Continue reading",
    "fr": "Continuer la lecture",
    "es": "Seguir leyendo",
    "de": "Zum vollständigen Artikel",
    "ar": "تابع القراءة",
    "zh": "继续阅读",
    "tr": "Haberin devamı",
    "ru": "Продолжить чтение",
}
APPEARED = {
    "en": "The post {t} appeared first on {o}.",
    "fr": "L’article {t} est apparu en premier sur {o}.",
    "es": "La entrada {t} se publicó primero en {o}.",
    "de": "Der Beitrag {t} erschien zuerst auf {o}.",
    "ar": "The post {t} appeared first on {o}.",
    "zh": "The post {t} appeared first on {o}.",
    "tr": "The post {t} appeared first on {o}.",
    "ru": "Запись {t} впервые появилась {o}.",
}
ORIG_FOOTER = {
    "en": "This article originally appeared on {o}.",
    "fr": "Cet article a été publié initialement sur {o}.",
    "es": "Este artículo se publicó originalmente en {o}.",
    "de": "Dieser Artikel erschien zuerst auf {o}.",
    "ar": "نُشر هذا المقال في الأصل على موقع {o}.",
    "zh": "本文首发于{o}。",
    "tr": "Bu haber ilk olarak {o} sitesinde yayımlandı.",
    "ru": "Материал впервые опубликован на сайте {o}.",
}
ADVERT = {
    "en": "ADVERTISEMENT",
    "fr": "PUBLICITÉ",
    "es": "PUBLICIDAD",
    "de": "Anzeige",
    "ar": "إعلان",
    "zh": "广告",
    "tr": "REKLAM",
    "ru": "Реклама",
}
RELATED = {
    "en": "Related:",
    "fr": "Lire aussi :",
    "es": "Lea también:",
    "de": "Lesen Sie auch:",
    "ar": "اقرأ أيضاً:",
    "zh": "相关阅读：",
    "tr": "İlgili Haber:",
    "ru": "Читайте также:",
}
CAPTION = {
    "en": "File photo: {c}. (Photo: {o})",
    "fr": "Photo d’archives, {c}. © {o}",
    "es": "Imagen de archivo en {c}. Foto: {o}",
    "de": "Archivbild aus {c}. Foto: {o}",
    "ar": "صورة أرشيفية من {c} ({o})",
    "zh": "资料图：{c}（{o}供图）",
    "tr": "Arşiv fotoğrafı: {c} ({o})",
    "ru": "Архивное фото: {c}. Фото: {o}",
}
BYLINE_DESK = {
    "en": "By {n} | World Desk",
    "fr": "Par {n} | Service Monde",
    "es": "Por {n} | Redacción Internacional",
    "de": "Von {n} | Ressort Ausland",
    "ar": "بقلم {n} | قسم الشؤون الدولية",
    "zh": "记者 {n} | 国际新闻部",
    "tr": "{n} | Dış Haberler Masası",
    "ru": "{n} | Отдел новостей",
}
BYLINE_AGENCY = {
    "en": "By {n}, {a}",
    "fr": "Par {n}, {a}",
    "es": "Por {n}, {a}",
    "de": "Von {n}, {a}",
    "ar": "{n}، {a}",
    "zh": "来源：{a} 作者：{n}",
    "tr": "{n}, {a}",
    "ru": "{n}, {a}",
}
BYLINE_VIA = {
    "en": "Authored by {n} via {a},",
    "fr": "Rédigé par {n} via {a},",
    "es": "Escrito por {n} vía {a},",
    "de": "Verfasst von {n} via {a},",
    "ar": "كتبه {n} عبر {a}،",
    "zh": "作者：{n}，转自{a}",
    "tr": "{n} yazdı, kaynak: {a}",
    "ru": "Автор: {n}, через {a},",
}
NAMES = {
    "en": ["Helen Markham", "David Okafor", "Priya Nandakumar", "Tom Reilly"],
    "fr": ["Camille Durand", "Julien Marchetti", "Aïcha Benali"],
    "es": ["Lucía Fernández", "Diego Montalbán", "Carla Ruiz Peña"],
    "de": ["Markus Weidner", "Anna-Lena Brückner", "Jonas Feld"],
    "ar": ["أحمد السيد", "ليلى حداد", "محمد بن عيسى"],
    "zh": ["王静", "李明远", "陈晓"],
    "tr": ["Ayşe Demir", "Mehmet Kaya", "Elif Yıldız"],
    "ru": ["Ирина Соколова", "Андрей Белов", "Ольга Миронова"],
}
WIRE_DATELINE = {
    "en": "{c}, Nov {d} ({a}) -",
    "fr": "{c}, {d} novembre ({a}) -",
    "es": "{c}, {d} nov ({a}).-",
    "de": "{c} ({a}) –",
    "ar": "{c} ({a}) -",
    "zh": "{a}{c}11月{d}日电",
    "tr": "{c} ({a}) -",
    "ru": "{c}, {d} ноября. /{a}/.",
}
UPDATE_PREFIX = {
    "en": "UPDATE 1-",
    "fr": "ACTUALISÉ - ",
    "es": "ACTUALIZA - ",
    "de": "AKTUALISIERT: ",
    "ar": "محدث - ",
    "zh": "更新：",
    "tr": "GÜNCELLEME - ",
    "ru": "ОБНОВЛЕНО: ",
}

UK_US = {
    "organise": "organize",
    "organised": "organized",
    "organisation": "organization",
    "organisations": "organizations",
    "programme": "program",
    "programmes": "programs",
    "labour": "labor",
    "defence": "defense",
    "centre": "center",
    "centres": "centers",
    "favour": "favor",
    "favourable": "favorable",
    "analyse": "analyze",
    "analysed": "analyzed",
    "travelled": "traveled",
    "neighbouring": "neighboring",
    "catalogue": "catalog",
    "licence": "license",
    "modelling": "modeling",
    "cancelled": "canceled",
    "kilometres": "kilometers",
    "metres": "meters",
    "colour": "color",
    "harbour": "harbor",
    "recognise": "recognize",
    "recognised": "recognized",
    "authorised": "authorized",
    "prioritise": "prioritize",
    "stabilise": "stabilize",
    "stabilised": "stabilized",
    "criticised": "criticized",
    "mobilised": "mobilized",
    "realised": "realized",
    "emphasised": "emphasized",
    "minimise": "minimize",
    "fuelled": "fueled",
    "signalled": "signaled",
    "labelled": "labeled",
    "totalling": "totaling",
    "behaviour": "behavior",
    "offence": "offense",
    "dialogue": "dialog",
    "gaol": "jail",
    "levelled": "leveled",
    "storeys": "stories",
    "utilisation": "utilization",
    "honoured": "honored",
    "endeavour": "endeavor",
    "jewellery": "jewelry",
    "tyres": "tires",
    "counselling": "counseling",
    "modernise": "modernize",
    "privatisation": "privatization",
    "characterised": "characterized",
    "apologised": "apologized",
    "rumours": "rumors",
    "vapour": "vapor",
    "sceptical": "skeptical",
    "grey": "gray",
    "practise": "practice",
    "fulfil": "fulfill",
    "enrolment": "enrollment",
    "focussed": "focused",
    "mobilise": "mobilize",
    "neighbours": "neighbors",
    "harbours": "harbors",
    "favoured": "favored",
    "centred": "centered",
    "equalise": "equalize",
    "equaliser": "equalizer",
    "neighbourhood": "neighborhood",
    "neighbourhoods": "neighborhoods",
    "millimetres": "millimeters",
    "centimetres": "centimeters",
    "kilometre": "kilometer",
    "metre": "meter",
    "criticise": "criticize",
    "organising": "organizing",
}
US_UK = {v: k for k, v in UK_US.items() if k != v}

SYNONYMS = {
    "en": {
        "said": "stated",
        "about": "around",
        "after": "following",
        "also": "additionally",
        "big": "large",
        "told": "informed",
        "but": "however",
        "start": "begin",
        "show": "indicate",
    },
    "fr": {
        "a déclaré": "a affirmé",
        "environ": "près de",
        "selon": "d’après",
        "mais": "cependant",
        "aussi": "également",
        "après": "à la suite de",
        "a indiqué": "a précisé",
    },
    "es": {
        "dijo": "afirmó",
        "según": "de acuerdo con",
        "pero": "sin embargo",
        "unos": "alrededor de",
        "también": "asimismo",
        "explicó": "señaló",
        "tras": "después de",
    },
    "de": {
        "sagte": "erklärte",
        "rund": "etwa",
        "aber": "jedoch",
        "auch": "ebenfalls",
        "nach": "laut",
        "teilte": "gab",
        "bereits": "schon",
    },
    "ar": {"قال": "صرح", "أكد": "شدد", "حوالي": "نحو", "لكن": "غير أن", "أيضاً": "كذلك", "بعد": "عقب"},
    "tr": {
        "dedi": "ifade etti",
        "açıkladı": "duyurdu",
        "yaklaşık": "tahminen",
        "ancak": "fakat",
        "ayrıca": "bunun yanı sıra",
        "sonra": "ardından",
    },
    "ru": {
        "заявил": "сообщил",
        "около": "порядка",
        "но": "однако",
        "также": "кроме того",
        "после": "вслед за",
        "отметил": "подчеркнул",
    },
    "zh": {"表示": "称", "目前": "当前", "已经": "已", "大约": "约", "但是": "但", "进行": "开展", "同时": "此外"},
}

# ---------------------------------------------------------------- helpers


def h(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:12], 16)


SENT_RE = re.compile(r"(?<=[.!?؟…])\s+|(?<=[。！？])")


def sentences(text: str) -> list[str]:
    return [s for s in SENT_RE.split(text.strip()) if s.strip()]


def words(text: str, lang: str) -> int:
    if lang == "zh":
        return len(re.findall(r"[\u4e00-\u9fff]", text)) // 2 + len(re.findall(r"[A-Za-z0-9]+", text))
    return len(text.split())


def parse_time(value) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def tz_of(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hh, mm = offset.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hh), minutes=int(mm)))


def slugify(title: str, key: str) -> str:
    folded = unicodedata.normalize("NFKD", title.lower().replace("ı", "i")).encode("ascii", "ignore").decode()
    ascii_words = re.findall(r"[a-z0-9]+", folded)
    slug = "-".join(ascii_words[:8])
    return slug if len(slug) >= 12 else f"{key}-{h(title) % 100000}"


# ---------------------------------------------------------------- documents


class Doc:
    """A text as an outlet carries it: headline, dateline, byline, paragraphs, truncation, footer."""

    def __init__(self, text: dict, outlets: dict) -> None:
        self.lang = text["lang"]
        self.title = text["title"].strip()
        self.dateline = text.get("dateline", "") or ""
        self.paras: list = [p.strip().replace("\n", " ") for p in text["body"].strip().split("\n\n")]
        self.head: list[str] = []
        self.byline_inline = ""
        self.marker = ""  # truncation marker appended to the text
        self.marker_inline = True
        self.cut_mid = False
        self.footer: list[str] = []
        self.glue = ""
        self.wrap = ""
        self.listify = False
        self.summary_only = False
        self.cdata = False


def apply_trim(doc: Doc, share: float) -> None:
    """Drop whole trailing sentences until at least `share` of the words is gone."""
    total = sum(words(p, doc.lang) for p in doc.paras if isinstance(p, str))
    keep_words = total * (1 - share)
    out: list = []
    count = 0
    for p in doc.paras:
        if not isinstance(p, str):
            out.append(p)
            continue
        kept: list[str] = []
        for s in sentences(p):
            w = words(s, doc.lang)
            if count + w > keep_words and count > 0:
                break
            kept.append(s)
            count += w
        if kept:
            out.append(("" if doc.lang == "zh" else " ").join(kept))
        if len(kept) < len(sentences(p)):
            break
    doc.paras = out


def cut_words(doc: Doc, share: float) -> None:
    """Cut mid-sentence at a word boundary, keeping `share` of the words."""
    total = sum(words(p, doc.lang) for p in doc.paras if isinstance(p, str))
    keep = int(total * share)
    out: list = []
    count = 0
    for p in doc.paras:
        if not isinstance(p, str):
            out.append(p)
            continue
        w = words(p, doc.lang)
        if count + w <= keep:
            out.append(p)
            count += w
            continue
        rest = keep - count
        if doc.lang == "zh":
            out.append(p[: max(10, rest * 2)])
        else:
            out.append(" ".join(p.split()[: max(6, rest)]).rstrip(",;:"))
        break
    doc.paras = out


def edit_words(doc: Doc, seed: str) -> None:
    """Edit ~2 % of the words: synonyms where the language table has one, else a transposed-letter typo."""
    total = sum(words(p, doc.lang) for p in doc.paras if isinstance(p, str))
    n = max(2, round(total * 0.02))
    syn = SYNONYMS.get(doc.lang, {})
    done = 0
    for i, p in enumerate(doc.paras):
        if not isinstance(p, str) or done >= n:
            continue
        for a, b in syn.items():
            if done >= n:
                break
            pat = re.escape(a) if doc.lang == "zh" else r"(?<!\w)" + re.escape(a) + r"(?!\w)"
            if re.search(pat, p):
                p = re.sub(pat, b, p, count=1)
                done += 1
        doc.paras[i] = p
    k = 0
    while done < n and k < 200:
        k += 1
        i = h(seed, "p", str(k)) % len(doc.paras)
        p = doc.paras[i]
        if not isinstance(p, str):
            continue
        if doc.lang == "zh":
            j = h(seed, "c", str(k)) % max(1, len(p) - 1)
            if "\u4e00" <= p[j] <= "\u9fff" and "\u4e00" <= p[j + 1] <= "\u9fff":
                doc.paras[i] = p[:j] + p[j + 1] + p[j] + p[j + 2 :]
                done += 1
            continue
        ws = p.split(" ")
        j = h(seed, "w", str(k)) % len(ws)
        w = ws[j]
        if len(w) >= 6 and w.isalpha():
            m = 2 + h(seed, "m", str(k)) % (len(w) - 4)
            ws[j] = w[:m] + w[m + 1] + w[m] + w[m + 2 :]
            doc.paras[i] = " ".join(ws)
            done += 1


def respell(doc: Doc, table: dict[str, str]) -> None:
    def fix(s: str) -> str:
        def rep(m: re.Match) -> str:
            w = m.group(0)
            low = w.lower()
            if low not in table:
                return w
            new = table[low]
            return new.capitalize() if w[0].isupper() else new

        return re.sub(r"[A-Za-z]+", rep, s)

    doc.paras = [fix(p) if isinstance(p, str) else p for p in doc.paras]
    doc.title = fix(doc.title)


def requote(doc: Doc, style: str) -> None:
    open_close = {
        "curly": ("“", "”"),
        "guillemets": ("« ", " »") if doc.lang == "fr" else ("«", "»"),
        "german": ("„", "“"),
    }

    def fix(s: str) -> str:
        if style == "straight":
            s = re.sub(r"«\s?|\s?»|[“”„]", '"', s)
            return s.replace("’", "'")
        o, c = open_close[style]
        s = re.sub(r'"([^"]+)"', lambda m: o + m.group(1) + c, s)
        s = re.sub(r"[“„]([^”“]+)[”“]", lambda m: o + m.group(1) + c, s)
        if style != "guillemets":
            s = re.sub(r"«\s?([^»]+?)\s?»", lambda m: o + m.group(1) + c, s)
        return s.replace("'", "’") if style == "curly" else s

    doc.paras = [fix(p) if isinstance(p, str) else p for p in doc.paras]
    doc.title = fix(doc.title)


ENT = {
    "’": "&rsquo;",
    "‘": "&lsquo;",
    "“": "&ldquo;",
    "”": "&rdquo;",
    "«": "&laquo;",
    "»": "&raquo;",
    "—": "&mdash;",
    "–": "&ndash;",
    "é": "&eacute;",
    "è": "&egrave;",
    "à": "&agrave;",
    "ç": "&ccedil;",
    "ü": "&uuml;",
    "ö": "&ouml;",
    "ä": "&auml;",
    "ß": "&szlig;",
    "ñ": "&ntilde;",
    "á": "&aacute;",
    "í": "&iacute;",
    "ó": "&oacute;",
    "ú": "&uacute;",
    "ê": "&ecirc;",
    "…": "&hellip;",
    "„": "&bdquo;",
    "\u00a0": "&nbsp;",
    "&": "&amp;",
}


def encode_entities(text: str, numeric: bool) -> str:
    if numeric:
        return "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ("&amp;" if ch == "&" else ch) for ch in text)
    return "".join(ENT.get(ch, ch) for ch in text)


# ---------------------------------------------------------------- rendering


def with_dateline(dateline: str, text: str, lang: str) -> str:
    if lang != "zh":
        return dateline + " " + text
    return dateline + ("　" if dateline.endswith("电") else "") + text


def render(doc: Doc, fmt: str, entities: str, link_back: str) -> tuple[str, str]:
    """Return (summary, content) as the outlet's feed would carry them."""
    lang = doc.lang
    space = "" if lang == "zh" else " "
    paras: list = list(doc.paras)
    if doc.dateline and paras:
        paras[0] = with_dateline(doc.dateline, paras[0], lang)
    if doc.byline_inline and paras:
        paras[0] = doc.byline_inline + " " + paras[0]
    paras = list(doc.head) + paras
    if doc.marker and doc.marker_inline:
        last = paras[-1]
        ell = "…" if doc.cut_mid else ""
        paras[-1] = ("RAWMARK", last + ell, doc.marker)
    elif doc.marker:
        paras.append(doc.marker)
    paras += doc.footer
    html_mode = fmt in ("html", "br")

    def esc(s: str) -> str:
        s = html.escape(s, quote=False)
        if entities:
            s = encode_entities(html.unescape(s), entities == "numeric")
        return s

    blocks_html: list[str] = []
    blocks_plain: list[str] = []
    for p in paras:
        if isinstance(p, tuple) and p[0] == "RAWMARK":
            body, mark = p[1], p[2]
            blocks_html.append(f'<p>{esc(body)} <a href="{html.escape(link_back)}">{esc(mark)}</a></p>')
            blocks_plain.append(f"{body} {mark}")
        elif isinstance(p, tuple):
            _, raw_html, plain = p
            blocks_html.append(raw_html)
            blocks_plain.append(plain)
        else:
            blocks_html.append(f"<p>{esc(p)}</p>")
            blocks_plain.append(p)
    if doc.listify and html_mode:
        # paragraphs 2..4 of the body become a bullet list
        start = len(doc.head) + 1
        items = [b[3:-4] for b in blocks_html[start : start + 3] if b.startswith("<p>")]
        if len(items) >= 2:
            blocks_html[start : start + len(items)] = ["<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"]
    if html_mode:
        if fmt == "br":
            inner = [b[3:-4] if b.startswith("<p>") and b.endswith("</p>") else b for b in blocks_html]
            content = "<br/><br/>".join(inner)
        else:
            content = ("" if doc.glue else "\n").join(blocks_html)
        if doc.wrap == "table":
            content = (
                '<table width="100%" cellpadding="0" cellspacing="0"><tr><td class="article-body">'
                + content
                + "</td></tr></table>"
            )
    else:
        sep = "" if doc.glue else "\n\n"
        content = sep.join(blocks_plain)
    if doc.cdata:
        content = "<![CDATA[" + content + "]]>"
    # summary
    lead = doc.paras[0] if doc.paras and isinstance(doc.paras[0], str) else ""
    if doc.dateline:
        lead = with_dateline(doc.dateline, lead, lang)
    if doc.summary_only:
        ss = sentences(lead) or [lead]
        more = sentences(doc.paras[1]) if len(doc.paras) > 1 and isinstance(doc.paras[1], str) else []
        take = ss[:2] if len(ss) >= 2 else ss + more[:1]
        summary = space.join(take).rstrip() + "…"
        return summary, ""
    if html_mode:
        summary = f"<p>{esc(lead)}</p>"
    else:
        ss = sentences(lead)
        summary = lead if len(ss) <= 2 else space.join(ss[:2]) + " …"
    return summary, content


# ---------------------------------------------------------------- build


def main(argv: list[str]) -> int:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    outlets: dict = src["outlets"]
    texts: list[dict] = src["texts"]
    by_key = {t["key"]: t for t in texts}
    assert len(by_key) == len(texts), "duplicate keys"
    for slug, o in outlets.items():
        o.setdefault("fmt", "html")
        o.setdefault("host", slug + ".example")
    rows: list[dict] = []
    guids: set[str] = set()
    by_lang: dict[str, list[str]] = defaultdict(list)
    for t in texts:
        t["lang"] = outlets[t["outlet"]]["lang"] if "lang" not in t else t["lang"]
        by_lang[t["lang"]].append(t["key"])

    def guid_for(slug: str, key: str, when: datetime) -> str:
        style = outlets[slug].get("guid", "plain")
        n = h(slug, key) % 900000 + 100000
        if style == "tag":
            g = f"tag:{outlets[slug]['host']},{when:%Y-%m-%d}:/news/{n}"
        elif style == "p":
            g = f"https://{outlets[slug]['host']}/?p={n}"
        elif style == "urn":
            hx = hashlib.md5(f"{slug}{key}".encode()).hexdigest()
            g = f"urn:uuid:{hx[:8]}-{hx[8:12]}-4{hx[13:16]}-a{hx[17:20]}-{hx[20:32]}"
        elif style == "num":
            g = str(n * 7 + 3)
        else:
            g = f"{slug[:3]}-{when:%Y%m%d}-{n}"
        assert g not in guids, g
        guids.add(g)
        return g

    def link_for(slug: str, key: str, title: str, when: datetime) -> str:
        sect = outlets[slug].get("section", "news")
        return f"https://{outlets[slug]['host']}/{sect}/{when:%Y/%m/%d}/{slugify(title, key)}"

    def emit(
        t: dict,
        slug: str,
        doc: Doc,
        when: datetime,
        kind: str,
        against: str | None,
        transform: str,
        link: str | None = None,
        entities: str = "",
        fmt: str | None = None,
        origin_link: str = "",
    ) -> dict:
        o = outlets[slug]
        fmt = fmt or o["fmt"]
        if o.get("summary_only"):
            doc.summary_only = True
        summary, content = render(doc, fmt, entities, origin_link or link or "")
        row = {
            "key": f"{t['key']}@{slug}",
            "outlet": o["name"],
            "feed": slug,
            "title": doc.title,
            "link": link or link_for(slug, t["key"], doc.title, when),
            "guid": guid_for(slug, t["key"], when),
            "published": when.isoformat(timespec="seconds"),
            "summary": summary,
            "content": content,
            "lang": t["lang"],
            "story": t.get("story", "s-" + t["key"]),
            "event": t["event"],
            "transform": transform,
            "against": against,
            "_kind": kind,
        }
        rows.append(row)
        return row

    for t in texts:
        slug = t["outlet"]
        o = outlets[slug]
        when = parse_time(t["time"])
        assert when.utcoffset() == tz_of(o["tz"]).utcoffset(None), (t["key"], when, o["tz"])
        if "quote" in t:  # round-ups quote the first sentence of other stories
            body = t["body"]
            for i, k in enumerate(t["quote"], start=1):
                q = by_key[k]
                first = sentences(q["body"].strip().split("\n\n")[0])[0]
                body = body.replace(f"{{q{i}}}", first).replace(f"{{t{i}}}", q["title"].strip())
            t["body"] = body
        doc = Doc(t, outlets)
        kind = t.get("kind", "original")
        base = emit(t, slug, doc, when, kind, t.get("against"), kind, entities=o.get("entities", ""))
        t["_row"] = base
        for spec in t.get("copies", []) or []:
            parts = spec.split()
            cslug, transforms = parts[0], parts[1].split("+")
            after = int(parts[2]) if len(parts) > 2 else 15 + h(t["key"], cslug) % 240
            co = outlets[cslug]
            assert cslug != slug, (t["key"], spec)
            assert co["lang"] == t["lang"] or t["lang"] in co.get("also", []), (t["key"], spec)
            cdoc = Doc(t, outlets)
            cwhen = (when + timedelta(minutes=after)).astimezone(tz_of(co["tz"]))
            entities = co.get("entities", "")
            fmt = co["fmt"]
            link = None
            seed = f"{t['key']}|{cslug}"
            name = NAMES[t["lang"]][h(seed, "name") % len(NAMES[t["lang"]])]
            agency = o["name"]
            changed: list[str] = []
            for tr in transforms:
                before = json.dumps(cdoc.__dict__, ensure_ascii=False, default=str) + fmt + entities + str(cwhen)
                if tr == "original-text":
                    pass
                elif tr == "dateline-strip":
                    assert cdoc.dateline, (t["key"], tr)
                    cdoc.dateline = ""
                elif tr == "dateline-add":
                    cdoc.dateline = t["city"] + (" — " if t["lang"] != "zh" else "——")
                elif tr == "dateline-wire":
                    cdoc.dateline = WIRE_DATELINE[t["lang"]].format(
                        c=t["city"], d=when.day, a=o.get("agency", o["name"])
                    )
                elif tr == "byline":
                    cdoc.head.append(BYLINE_DESK[t["lang"]].format(n=name))
                elif tr == "byline-agency":
                    cdoc.head.append(BYLINE_AGENCY[t["lang"]].format(n=name, a=agency))
                elif tr == "byline-via":
                    cdoc.head.append(BYLINE_VIA[t["lang"]].format(n=name, a=agency))
                elif tr == "byline-inline":
                    cdoc.byline_inline = BYLINE_DESK[t["lang"]].format(n=name)
                elif tr == "glued-html":
                    assert fmt in ("html",), (t["key"], spec)
                    cdoc.glue = "GLUE"
                elif tr == "glued-plain":
                    fmt = "plain"
                    cdoc.glue = "GLUE"
                elif tr == "plain":
                    fmt = "plain"
                elif tr == "br":
                    fmt = "br"
                elif tr == "entities":
                    entities = "named"
                elif tr == "entities-numeric":
                    entities = "numeric"
                elif tr == "quotes-curly":
                    requote(cdoc, "curly")
                elif tr == "quotes-straight":
                    requote(cdoc, "straight")
                elif tr == "quotes-guillemets":
                    requote(cdoc, "guillemets")
                elif tr == "quotes-german":
                    requote(cdoc, "german")
                elif tr == "read-more":
                    cut_words(cdoc, 0.55)
                    cdoc.cut_mid = True
                    cdoc.marker = READ_MORE[t["lang"]]
                elif tr == "read-more-en":
                    cut_words(cdoc, 0.6)
                    cdoc.cut_mid = True
                    cdoc.marker = "Read More"
                elif tr == "bracket-ellipsis":
                    apply_trim(cdoc, 0.45)
                    cdoc.marker = "[…]"
                    cdoc.marker_inline = True
                elif tr == "continue-reading":
                    apply_trim(cdoc, 0.4)
                    cdoc.marker = CONTINUE[t["lang"]] + " →"
                    cdoc.marker_inline = False
                elif tr == "continue-reading-en":
                    apply_trim(cdoc, 0.4)
                    cdoc.marker = "Continue reading"
                    cdoc.marker_inline = False
                elif tr == "appeared-first":
                    cdoc.footer.append(APPEARED[t["lang"]].format(t=t["title"].strip(), o=o["name"]))
                elif tr == "orig-footer":
                    cdoc.footer.append(ORIG_FOOTER[t["lang"]].format(o=o["name"]))
                elif tr == "us-spelling":
                    respell(cdoc, UK_US)
                elif tr == "uk-spelling":
                    respell(cdoc, US_UK)
                elif tr.startswith("new-headline"):
                    idx = int(tr[len("new-headline") :] or 1) - 1
                    cdoc.title = t["alt"][idx]
                elif tr.startswith("trim-"):
                    apply_trim(cdoc, int(tr[5:]) / 100)
                elif tr == "edit-2pct":
                    edit_words(cdoc, seed)
                elif tr == "tracking-link":
                    hx = hashlib.sha1(seed.encode()).hexdigest()[:10]
                    link = (
                        f"https://click.{co['host']}/r/{hx}?utm_source=rss&utm_medium=feed"
                        f"&utm_campaign={cslug}&url={slugify(t['title'], t['key'])}"
                    )
                elif tr == "amp-link":
                    link = (
                        link_for(cslug, t["key"], cdoc.title, cwhen).replace("https://", "https://amp.")
                        + "?outputType=amp"
                    )
                elif tr == "wire-update":
                    cdoc.paras.insert(0, t["update"].strip().replace("\n", " "))
                    cdoc.title = UPDATE_PREFIX[t["lang"]] + cdoc.title
                    cwhen = cwhen + timedelta(minutes=90)
                elif tr == "regional-rewrite":
                    first = cdoc.paras[0]
                    rest = first[len(sentences(first)[0]) :].lstrip()
                    cdoc.paras[0] = t["lead"].strip() + (("" if t["lang"] == "zh" else " ") + rest if rest else "")
                    apply_trim(cdoc, 0.25)
                elif tr == "caption":
                    place = t.get("place", t.get("city", ""))
                    cap = CAPTION[t["lang"]].format(c=place, o=o["name"])
                    img = f"https://img.{co['host']}/{hashlib.sha1(seed.encode()).hexdigest()[:12]}.jpg"
                    pos = max(1, len(cdoc.paras) // 2)
                    cdoc.paras.insert(
                        pos,
                        (
                            "raw",
                            f'<figure><img src="{img}" alt=""/><figcaption>{html.escape(cap)}</figcaption></figure>',
                            cap,
                        ),
                    )
                elif tr == "advert":
                    pos = max(1, len(cdoc.paras) // 2 + 1)
                    ad = ADVERT[t["lang"]]
                    cdoc.paras.insert(pos, ("raw", f'<div class="ad-slot"><span>{ad}</span></div>', ad))
                elif tr == "related":
                    same = by_lang[t["lang"]]
                    other = by_key[same[(same.index(t["key"]) + 3) % len(same)]]
                    rl = link_for(cslug, other["key"], other["title"], cwhen)
                    txt = f"{RELATED[t['lang']]} {other['title'].strip()}"
                    pos = max(1, len(cdoc.paras) - 1)
                    label, head = html.escape(RELATED[t["lang"]]), html.escape(other["title"].strip())
                    block = f'<p><strong>{label}</strong> <a href="{rl}">{head}</a></p>'
                    cdoc.paras.insert(pos, ("raw", block, txt))
                elif tr == "para-swap":
                    assert len(cdoc.paras) >= 4, t["key"]
                    cdoc.paras[1], cdoc.paras[2] = cdoc.paras[2], cdoc.paras[1]
                elif tr == "numbers":
                    for a, b in t["numbers"]:
                        assert any(a in p for p in cdoc.paras if isinstance(p, str)) or a in cdoc.title, (t["key"], a)
                        cdoc.paras = [p.replace(a, b) if isinstance(p, str) else p for p in cdoc.paras]
                        cdoc.title = cdoc.title.replace(a, b)
                elif tr == "all-caps-title":
                    tt = cdoc.title
                    if t["lang"] == "tr":
                        tt = tt.replace("i", "İ").replace("ı", "I")
                    cdoc.title = tt.upper()
                elif tr == "summary-only":
                    cdoc.summary_only = True
                elif tr == "cdata":
                    cdoc.cdata = True
                elif tr == "html-list":
                    assert fmt == "html"
                    cdoc.listify = True
                elif tr == "html-table":
                    assert fmt == "html"
                    cdoc.wrap = "table"
                elif tr == "tz-shift":
                    zone = tz_of(t.get("tz_shift", "-08:00"))
                    cwhen = when.astimezone(zone)
                    assert cwhen.utcoffset() != when.utcoffset(), (t["key"], tr)
                elif tr == "republish-2d":
                    cwhen = cwhen + timedelta(days=2)
                elif tr == "same-title":
                    pass
                else:
                    raise SystemExit(f"unknown transform {tr} in {t['key']}")
                after_state = json.dumps(cdoc.__dict__, ensure_ascii=False, default=str) + fmt + entities + str(cwhen)
                if (
                    tr not in ("tracking-link", "amp-link", "original-text", "same-title", "tz-shift")
                    and before == after_state
                ):
                    raise SystemExit(f"transform {tr} changed nothing in {t['key']} -> {cslug}")
                changed.append(tr)
            emit(
                t,
                cslug,
                cdoc,
                cwhen,
                "copy",
                t["key"],
                "+".join(changed),
                link=link,
                entities=entities,
                fmt=fmt,
                origin_link=base["link"],
            )
    rows.sort(key=lambda r: (datetime.fromisoformat(r["published"]).astimezone(UTC), r["key"]))
    for i, r in enumerate(rows, start=1):
        r["id"] = f"h{i:03d}"
    base_ids = {r["key"].split("@")[0]: r["id"] for r in rows if r["_kind"] != "copy"}
    for r in rows:
        if r["against"]:
            r["against"] = base_ids[r["against"]]
    check(rows, texts, by_key)
    keys = [
        "id",
        "outlet",
        "feed",
        "title",
        "link",
        "guid",
        "published",
        "summary",
        "content",
        "lang",
        "story",
        "event",
        "transform",
        "against",
    ]
    if "--stats" in argv:
        committed = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines() if line.strip()]
        stats(committed)
        return 0
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")
    stats([{k: r[k] for k in keys} for r in rows])
    return 0


def check(rows: list[dict], texts: list[dict], by_key: dict) -> None:
    for t in texts:
        kind = t.get("kind", "original")
        n = words(t["body"], t["lang"])
        if kind == "original" and not t.get("short"):
            lo, hi = (120, 450)
            assert lo <= n <= hi, (t["key"], n)
    # events: stories of one event within ~36 h of each other (copies republished later excluded)
    first: dict[str, list[datetime]] = defaultdict(list)
    for r in rows:
        if r["_kind"] != "copy":
            first[r["event"]].append(datetime.fromisoformat(r["published"]))
    for ev, times in first.items():
        span = max(times) - min(times)
        assert span <= timedelta(hours=40), (ev, span)


def stats(rows: list[dict]) -> None:
    print(f"rows:            {len(rows)}")
    kinds = Counter(
        "copy"
        if r["transform"] not in ("original",) and not r["transform"].startswith("negative:")
        else r["transform"].split(":")[0]
        for r in rows
    )
    print(f"originals:       {kinds['original']}")
    print(f"copies:          {kinds['copy']}  (copy pairs against their source row)")
    print(f"hard negatives:  {kinds['negative']}  (designed pairs: negative vs its `against` row)")
    print(
        "negative types:  "
        + ", ".join(
            f"{k}={v}"
            for k, v in sorted(
                Counter(r["transform"].split(":", 1)[1] for r in rows if r["transform"].startswith("negative:")).items()
            )
        )
    )
    per_lang: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        t = r["transform"]
        per_lang[r["lang"]]["original" if t == "original" else "negative" if t.startswith("negative:") else "copy"] += 1
    print(
        "per language:    "
        + ", ".join(
            f"{lg}: {c['original']} orig / {c['copy']} copies / {c['negative']} neg"
            for lg, c in sorted(per_lang.items())
        )
    )
    tr = Counter(
        p
        for r in rows
        if r["transform"] != "original" and not r["transform"].startswith("negative:")
        for p in r["transform"].split("+")
    )
    print("transformations: " + ", ".join(f"{k}={v}" for k, v in sorted(tr.items())))
    stories = defaultdict(set)
    for r in rows:
        stories[r["event"]].add(r["story"])
    print(f"stories:         {len({r['story'] for r in rows})}")
    print(f"events:          {len(stories)} ({sum(1 for s in stories.values() if len(s) >= 2)} with >=2 stories)")
    pairs_story = sum(n * (n - 1) // 2 for n in Counter(r["story"] for r in rows).values())
    pairs_event = sum(n * (n - 1) // 2 for n in Counter(r["event"] for r in rows).values())
    print(f"same-story pairs: {pairs_story}; same-event pairs: {pairs_event}")
    print(f"outlets:         {len({r['feed'] for r in rows})}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
