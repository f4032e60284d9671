"""Dedup stress: which transformations of a copy break story detection, per script, and by which mechanism.

    PYTHONPATH=. python benchmarks/dedup_stress.py                    # every kind, then the combinations
    PYTHONPATH=. python benchmarks/dedup_stress.py --kinds typos,nfd --limit 20   # 20 originals per set
    PYTHONPATH=. python benchmarks/dedup_stress.py --show soft_hyphens            # failing copies, with reasons
    PYTHONPATH=. python benchmarks/dedup_stress.py --sets eval,v13 --kinds nfd+typos   # two sets, one combination

Issue 13 finds, in each new held-out set, a transformation no earlier set used. This is the map of
robustness instead: the ORIGINAL of every labelled story of the tuning sets (its first entry in the
file) is perturbed by one small seeded function per kind (``KINDS``; ``COMBINATIONS`` chains two or
three), and the copy, from another outlet under a new GUID and link, is decided

- forward: three hours after the original, against an index holding every entry of its set, as
  ``dedup_quality.assign`` built it; recognised when it joins the original's story;
- reverse: three hours before the original, in an index holding the set less the original's labelled
  story; recognised when the original then joins the copy (a truncated or padded copy read first).

A copy the perturbation left unchanged (no weekday to make relative, no number to reformat) is not
counted. Each split is classed by the words of the decision's reason (``mechanism``): no shared passage,
closest below needed (text shared, under the threshold), names/numbers (text enough, facts not),
too little text, round-up, series, follow-up, news, or joined another story. The whole run takes 4 to
7 minutes on a shared 2-core machine (``--limit`` and ``--sets`` for less).
The held-out sets not yet studied (``dedup_quality.held_out``) are never loaded: ``originals`` refuses them.
"""

from __future__ import annotations

import argparse
import json
import quopri
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from html import escape
from pathlib import Path

from anyascii import anyascii

from benchmarks.dedup_quality import Assigned, assign, held_out, to_entry, tuning_sets
from monitor.dedup import Decision, StoryIndex, signature
from monitor.text import html_to_text

LATER = timedelta(hours=3)
SCRIPTS = ("Latin", "Cyrillic", "CJK", "Arabic", "Indic", "other")
_CJK = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_INDIC = (
    "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Text:
    """A story as a copy's desk edits it: headline, plain paragraphs, and how the feed wraps them."""

    title: str
    paragraphs: tuple[str, ...]
    layout: str = "p"  # p, span (a <span> per sentence), table (a cell), json (JSON-LD printed as text)


Perturb = Callable[[Text, random.Random], Text]

# ---- sentences and words --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)|(?<=[。！？।؟])")


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _each(text: Text, edit: Callable[[str], str], title: bool = True) -> Text:
    """``edit`` applied to every paragraph (and the headline)."""
    return replace(text, title=edit(text.title) if title else text.title, paragraphs=tuple(map(edit, text.paragraphs)))


def _words(edit: Callable[[str], str]) -> Callable[[str], str]:
    return lambda s: re.sub(r"\w+", lambda m: edit(m.group()), s)


# ---- layout: paragraphs and what sits between them --------------------------------------------------


def identity(text: Text, rng: random.Random) -> Text:
    return text


def sentence_paragraphs(text: Text, rng: random.Random) -> Text:
    """Mobile CMS export: every sentence its own paragraph."""
    return replace(text, paragraphs=tuple(s for p in text.paragraphs for s in sentences(p)))


def merged_paragraphs(text: Text, rng: random.Random) -> Text:
    """An aggregator that drops paragraph breaks."""
    return replace(text, paragraphs=(" ".join(text.paragraphs),))


def last_paragraph_first(text: Text, rng: random.Random) -> Text:
    return replace(text, paragraphs=text.paragraphs[-1:] + text.paragraphs[:-1])


def cut_subscribe(text: Text, rng: random.Random) -> Text:
    """A paywalled copy: two paragraphs, then the pitch."""
    pitch = rng.choice(("Subscribe to read the full story.", "This article is for subscribers only. Log in"))
    return replace(text, paragraphs=(*text.paragraphs[:2], pitch))


def _between(text: Text, every: int, make: Callable[[int], str]) -> Text:
    out: list[str] = []
    for i, p in enumerate(text.paragraphs):
        if i and i % every == 0:
            out.append(make(i))
        out.append(p)
    return replace(text, paragraphs=tuple(out))


def ad_slots(text: Text, rng: random.Random) -> Text:
    """Inline ad slots and "Related:" teasers between paragraphs."""
    slots = ("Advertisement", "ADVERTISEMENT", "Related: Markets close higher as investors weigh rate outlook",
             "Read more: Five things to know this morning", "Story continues below advertisement")  # fmt: skip
    return _between(text, 1, lambda i: rng.choice(slots))


def subheadings(text: Text, rng: random.Random) -> Text:
    """Outlet subheadings every two paragraphs, made of words of the paragraph they open."""
    return _between(text, 2, lambda i: " ".join(text.paragraphs[i].split()[:3]).rstrip(",.:;"))


def editor_intro(text: Text, rng: random.Random) -> Text:
    note = "Editor's note: this story was first published by a partner outlet. It has been edited for length."
    return replace(text, paragraphs=(note, *text.paragraphs))


def boilerplate_tail(text: Text, rng: random.Random) -> Text:
    tail = "© 2024 All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
    return replace(text, paragraphs=(*text.paragraphs, tail))


def trimmed_newsletter(text: Text, rng: random.Random) -> Text:
    """Round 27: the first paragraph under the story's headline, then the outlet's newsletter pitch in two sentences."""
    pitch = "Get the morning briefing in your inbox. Sign up free, it takes 30 seconds."
    return replace(text, paragraphs=(*text.paragraphs[:1], pitch))


def trimmed_app_promo(text: Text, rng: random.Random) -> Text:
    """Round 27: two paragraphs, then the outlet's own lines: an app promotion and a tip line."""
    promo = ("Descarga nuestra aplicación gratuita. Recibe las noticias antes que nadie.",
             "¿Tienes una pista? Escríbenos al 600 123 456.")  # fmt: skip
    return replace(text, paragraphs=(*text.paragraphs[:2], *promo))


def _glued(text: Text, credit: str) -> Text:
    """``credit`` glued to the first paragraph, no line between (a summary built from the page's text)."""
    return replace(text, paragraphs=(f"{credit} {text.paragraphs[0]}", *text.paragraphs[1:]))


def glued_byline(text: Text, rng: random.Random) -> Text:
    """Round 27: a Latin byline run into the story's first words ("By Tomás Rivera Kathmandu —")."""
    return _glued(text, rng.choice(("By Tomás Rivera", "By Ines Okafor and Tom Reed")))


def glued_from_credit(text: Text, rng: random.Random) -> Text:
    """Round 27: the same with another credit word and a desk ("From Oskar Lind, Nordic Desk")."""
    return _glued(text, "From Oskar Lind, Nordic Desk")


def tajik_byline(text: Text, rng: random.Random) -> Text:
    """Round 27: a credit line on top naming a writer in Tajik letters (ҷ, ӣ), whatever the story's language."""
    return replace(text, paragraphs=("Муаллиф: Ҷамшед Раҳимӣ", *text.paragraphs))


def mongolian_byline(text: Text, rng: random.Random) -> Text:
    """Round 27: the same with a Mongolian writer's name (ө, ү), which decides a Cyrillic text's reading too."""
    return replace(text, paragraphs=("Сурвалжлагч: Бат-Өлзий Түмэн", *text.paragraphs))


def photo_captions(text: Text, rng: random.Random) -> Text:
    """Image captions and credits the full-text extractor kept."""
    return _between(text, 2, lambda i: f"Photo: {rng.choice(('AFP', 'Reuters', 'AP'))} / File (Image {i // 2} of 4)")


def key_points(text: Text, rng: random.Random) -> Text:
    """A "key points" box on top, quoting the first two sentences."""
    firsts = [s for p in text.paragraphs for s in sentences(p)][:2]
    return replace(text, paragraphs=("Key points:", *(f"• {s}" for s in firsts), *text.paragraphs))


def line_wrapped(text: Text, rng: random.Random) -> Text:
    """A newsletter export hard-wrapped at 60 characters: each line its own block."""
    lines: list[str] = []
    for p in text.paragraphs:
        line = ""
        for word in p.split(" "):
            if line and len(line) + len(word) > 60:
                lines.append(line)
                line = ""
            line = f"{line} {word}" if line else word
        lines.append(line)
    return replace(text, paragraphs=tuple(lines))


def span_html(text: Text, rng: random.Random) -> Text:
    return replace(text, layout="span")


def table_cell(text: Text, rng: random.Random) -> Text:
    return replace(text, layout="table")


def json_ld(text: Text, rng: random.Random) -> Text:
    return replace(text, layout="json")


# ---- markup printed as text -------------------------------------------------------------------------


def markdown(text: Text, rng: random.Random) -> Text:
    """A Markdown export shown raw: a heading, bold lede, a link on a few words."""

    def link(p: str) -> str:
        words = p.split(" ")
        if len(words) < 6:
            return p
        at = rng.randrange(0, len(words) - 3)
        linked = " ".join(words[at : at + 3])
        return " ".join([*words[:at], f"[{linked}](https://example.org/{at})", *words[at + 3 :]])

    first, *rest = text.paragraphs or ("",)
    return replace(text, paragraphs=(f"# {text.title}", f"**{first}**", *map(link, rest)))


def link_line(text: Text, rng: random.Random) -> Text:
    """A closing link to the source under its headline, after an arrow or a link sign ("→ https://… Headline")."""
    sign = rng.choice(("→", "⇒", "🔗", "➜"))
    address = f"https://source.example/{rng.randrange(2020, 2030)}/{rng.randrange(1, 13):02d}/{rng.randrange(10**5)}"
    return replace(text, paragraphs=(*text.paragraphs, f"{sign} {address} {text.title}"))


def footnotes(text: Text, rng: random.Random) -> Text:
    """Footnote markers after sentences, and a references list."""
    n = 0

    def mark(p: str) -> str:
        nonlocal n
        out = []
        for s in sentences(p):
            if rng.random() < 0.4:
                n += 1
                s = f"{s}[{n}]"
            out.append(s)
        return " ".join(out)

    marked = tuple(map(mark, text.paragraphs))
    refs = tuple(f"{i}. https://source{i}.example/report.pdf, retrieved 2024" for i in range(1, n + 1))
    return replace(text, paragraphs=(*marked, "References", *refs) if n else marked)


# ---- characters ---------------------------------------------------------------------------------------


def nfd(text: Text, rng: random.Random) -> Text:
    return _each(text, lambda s: unicodedata.normalize("NFD", s))


def nfkc_compat(text: Text, rng: random.Random) -> Text:
    """The reverse trip: compatibility forms folded (ligatures, superscripts, full-width)."""
    return _each(text, lambda s: unicodedata.normalize("NFKC", s))


def fullwidth(text: Text, rng: random.Random) -> Text:
    """East Asian input methods: ASCII letters and digits in their full-width forms."""
    table = {c: chr(c - 0x21 + 0xFF01) for c in range(0x21, 0x7F) if chr(c).isalnum()}
    return _each(text, lambda s: s.translate(table))


def _latin_base(char: str) -> bool:
    # Not Cyrillic: its keyboards have й and ё keys (ё -> е is done by hand); not Indic vowel signs, letters too.
    return unicodedata.name(char, "").startswith(("LATIN", "GREEK"))


def no_diacritics(text: Text, rng: random.Random) -> Text:
    """Marks dropped (a keyboard without them): é -> e, ё -> е, and Arabic harakat."""

    def strip(s: str) -> str:
        s = s.replace("ё", "е").replace("Ё", "Е")
        out: list[str] = []
        for char in unicodedata.normalize("NFD", s):
            if unicodedata.combining(char) and out and _latin_base(out[-1]):
                continue
            if "\u064b" <= char <= "\u0652":
                continue
            out.append(char)
        return unicodedata.normalize("NFC", "".join(out))

    return _each(text, strip)


_HOMOGLYPHS = dict(zip("aeopcxyiAEOPCXHKMTB", "аеорсхуіАЕОРСХНКМТВ", strict=True))
_HOMOGLYPHS |= {v: k for k, v in _HOMOGLYPHS.items()} | {"ο": "o", "α": "a", "ρ": "p", "ν": "v"}
_HOMOGLYPHS |= {"ك": "ک", "ي": "ی", "ى": "ی", "ه": "ە", "ک": "ك", "ی": "ي"}  # Arabic/Persian/Kurdish forms


def homoglyphs(text: Text, rng: random.Random) -> Text:
    """Lookalike letters of another script in 1 word in 5 (spam-filter evasion, mixed keyboards)."""

    def word(w: str) -> str:
        return "".join(_HOMOGLYPHS.get(c, c) for c in w) if rng.random() < 0.2 else w

    return _each(text, _words(word))


# A keyboard without a language's own letters, typing a neighbouring alphabet's (no set had these): Ukrainian,
# Belarusian, Chuvash, Altai letters with marks as marked Latin ones, Assamese letters as Bengali ones, the
# Persian, Urdu and Sindhi forms of kaf, yeh and heh as Arabic ones, and a nukta left out (Hindi, Bengali, Panjabi).
_KEYBOARD = str.maketrans(
    dict(zip("іїўёӑӗҫӧӱІЇЎЁӐӖҪӦӰ", "iïŭëăĕçöüIÏŬËĂĔÇÖÜ", strict=True))
    | {"ৰ": "র", "ৱ": "ব", "ک": "ك", "ڪ": "ك", "ی": "ي", "ہ": "ه", "ھ": "ه"}
    | dict.fromkeys("\u093c\u09bc\u0a3c", "")
)


def keyboard_letters(text: Text, rng: random.Random) -> Text:
    """A language's own letters typed with a neighbouring alphabet's lookalikes (``_KEYBOARD``), every word."""
    return _each(text, lambda s: unicodedata.normalize("NFC", s).translate(_KEYBOARD))


# A Russian keyboard typing Kazakh, Kyrgyz, Tatar, Bashkir or Uzbek Cyrillic: each own letter as the Russian
# one it is drawn on (no set had it; round 21 left it: see the README's note).
_RUSSIAN_KEYBOARD = str.maketrans(dict(zip("әғқңөұүһіҗҙҡҫӘҒҚҢӨҰҮҺІҖҘҠҪ", "агкноуухижзксАГКНОУУХИЖЗКС", strict=True)))


def russian_keyboard(text: Text, rng: random.Random) -> Text:
    """Cyrillic letters beyond Russian's typed as the Russian letters they are drawn on (``_RUSSIAN_KEYBOARD``)."""
    return _each(text, lambda s: s.translate(_RUSSIAN_KEYBOARD))


# Two more keyboards of the family (round 22: v16's Bashkir copies typed ә as э, a Russian keyboard's neighbour of
# а): Turkic ә as э, the other letters as ``_RUSSIAN_KEYBOARD``'s; and Tajik's own letters as the Russian ones
# they are drawn on (ӣ ӯ ҷ ҳ қ ғ as и у ч х к г). No set had either.
_SCHWA_AS_E = _RUSSIAN_KEYBOARD | str.maketrans(dict(zip("әӘ", "эЭ", strict=True)))
_TAJIK_KEYBOARD = str.maketrans(dict(zip("ӣӯҷҳқғӢӮҶҲҚҒ", "иучхкгИУЧХКГ", strict=True)))


# A letter drawn as one stroke typed as a digit (round 25, v19's Chechen palochka as "1"): the palochka as "1",
# and in 1 Cyrillic word in 4 an "о" between letters as "0".
_STROKE_WORD = re.compile("[\u0400-\u04ff]+")


def stroke_digits(text: Text, rng: random.Random) -> Text:
    """Cyrillic letters drawn as strokes typed as digits ("Г1ала", "М0сква") (``_STROKE_WORD``)."""

    def word(w: str) -> str:
        w = w.replace("\u04c0", "1").replace("\u04cf", "1")
        return w[:1] + w[1:-1].replace("о", "0") + w[-1:] if rng.random() < 0.25 and len(w) > 2 else w

    return _each(text, lambda s: _STROKE_WORD.sub(lambda m: word(m[0]), s))


def schwa_as_e(text: Text, rng: random.Random) -> Text:
    """Turkic Cyrillic typed on a Russian keyboard, ә as э (``_SCHWA_AS_E``)."""
    return _each(text, lambda s: s.translate(_SCHWA_AS_E))


def tajik_keyboard(text: Text, rng: random.Random) -> Text:
    """Tajik Cyrillic typed on a Russian keyboard (``_TAJIK_KEYBOARD``)."""
    return _each(text, lambda s: s.translate(_TAJIK_KEYBOARD))


# Round 26 (dd26): systematic processes that change most words a little, of families no set had, for the skeleton
# fallback (``monitor.dedup.skeleton``). Tables written here, not ``anyascii``'s (the skeleton reads with it):
# a Cyrillic text typed with the Latin letters drawn like its own wherever one is (a spam filter's evasion, a
# phone's keyboard), every word; a scholar's transliteration (Cyrillic by ISO 9, Greek by ELOT 743, Armenian by
# Hübschmann-Meillet, marks and all); and the letters a keyboard without them drops (й ё ї ў є ґ as и е і у е г).
_LATIN_DRAWN = str.maketrans(dict(zip("аеорсхукАЕОРСХУКМТВНІі", "aeopcxykAEOPCXYKMTBHIi", strict=True)))
_ISO9 = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяёіїєґў", "abvgdezijklmnoprstufhcčšŝʺyʹèûâëìïêĝŭ", strict=True)) | {
    "ж": "ž", "ә": "ä", "ө": "ô", "ү": "ù", "ң": "ṇ", "һ": "ḥ", "қ": "ķ", "ғ": "ġ", "ұ": "ū", "ҥ": "ṅ", "ҕ": "ḡ",
}  # fmt: skip
_ELOT = dict(zip("αβγδεζηικλμνξοπρστυφωςάέήίόύώϊϋΐΰ", "avgdeziiklmnxoprstyfosaeiioyoiyiy", strict=True)) | {
    "θ": "th",
    "χ": "ch",
    "ψ": "ps",
}
_ARMENIAN = dict(zip("աբգդեզէըժիլխծկհձղճմյնշոպջռսվտրւօֆ", "abgdezēəžilxckhjłčmynšopǰṙsvtrwōf", strict=True)) | {
    "թ": "tʻ", "չ": "čʻ", "ց": "cʻ", "փ": "pʻ", "ք": "kʻ", "և": "ew", "։": ".",
}  # fmt: skip
_SCHOLAR = _ISO9 | _ELOT | _ARMENIAN
_SCHOLARLY = str.maketrans(
    _SCHOLAR | {k.upper(): v[:1].upper() + v[1:] for k, v in _SCHOLAR.items() if len(k.upper()) == 1 and k != "ς"}
)
_DROPPED = str.maketrans(dict(zip("йёїўєґЙЁЇЎЄҐ", "иеіуегИЕІУЕГ", strict=True)))


def latin_drawn(text: Text, rng: random.Random) -> Text:
    """Every Cyrillic letter drawn like a Latin one typed as that Latin letter (``_LATIN_DRAWN``), every word."""
    return _each(text, lambda s: s.translate(_LATIN_DRAWN))


def scholarly_latin(text: Text, rng: random.Random) -> Text:
    """Cyrillic, Greek and Armenian texts in a scholar's Latin letters (``_SCHOLARLY``)."""
    return _each(text, lambda s: unicodedata.normalize("NFC", s).translate(_SCHOLARLY))


def dropped_letters(text: Text, rng: random.Random) -> Text:
    """Cyrillic й ё ї ў є ґ typed as the letters without their marks (``_DROPPED``)."""
    return _each(text, lambda s: s.translate(_DROPPED))


# Damage of whole texts (round 22: the brief's families, none in v16): a telex in capitals, an export in lower case,
# a time stamp before every line (a live blog or a log), and a format's control words printed between and inside
# lines (an RTF export's "\\par", a wiki's "{{nbsp}}").
def telex_capitals(text: Text, rng: random.Random) -> Text:
    """Every letter in capitals, headline included, as a wire's telex printer writes."""
    return _each(text, str.upper)


def lower_case(text: Text, rng: random.Random) -> Text:
    """Every letter in lower case, headline included, as a careless export writes."""
    return _each(text, str.lower)


def line_timestamps(text: Text, rng: random.Random) -> Text:
    """A time stamp ("[09:41] ") before every paragraph, minutes rising."""
    start = rng.randrange(6 * 60, 20 * 60)
    stamps = [f"[{(start + 3 * i) // 60:02d}:{(start + 3 * i) % 60:02d}] " for i in range(len(text.paragraphs))]
    return replace(text, paragraphs=tuple(stamp + p for stamp, p in zip(stamps, text.paragraphs, strict=True)))


def control_words(text: Text, rng: random.Random) -> Text:
    """A format's control words printed as text: "\\par" ending each paragraph and "{{nbsp}}" after a sentence."""
    word = rng.choice(("{{nbsp}}", "\\~", "&nbsp;"))
    return replace(
        text, paragraphs=tuple(re.sub(r"(?<=[.!?]) (?=\S)", f" {word} ", p) + " \\par" for p in text.paragraphs)
    )


def apostrophe_letters(text: Text, rng: random.Random) -> Text:
    """An apostrophe inside a word typed as the modifier letter (Ukrainian "сімʼя", Uzbek "oʻ", "company’s")."""
    return _each(text, lambda s: re.sub(r"(?<=\w)['’‘](?=\w)", rng.choice(("\u02bc", "\u02bb")), s))


def zero_width(text: Text, rng: random.Random) -> Text:
    """ZWNJ/ZWJ/ZWSP inside 1 word in 10, and the text's own ZWNJ dropped."""
    marks = ("\u200c", "\u200d", "\u200b")

    def word(w: str) -> str:
        w = w.replace("\u200c", "")
        if len(w) < 4 or rng.random() > 0.1:
            return w
        at = rng.randrange(1, len(w))
        return w[:at] + rng.choice(marks) + w[at:]

    return _each(text, _words(word))


def soft_hyphens(text: Text, rng: random.Random) -> Text:
    """CMS hyphenation: U+00AD every four letters in words of eight or more."""

    def word(w: str) -> str:
        return "\u00ad".join(w[i : i + 4] for i in range(0, len(w), 4)) if len(w) >= 8 else w

    return _each(text, _words(word))


def quoted_printable(text: Text, rng: random.Random) -> Text:
    """A mail archive's stored body printed as it is: quoted-printable, "=" soft breaks at 76 columns."""
    return replace(text, layout="qp")


def rtf_export(text: Text, rng: random.Random) -> Text:
    """A word processor's RTF printed as it is: font and colour tables, "\\'e9" for a code-page letter, "\\uN?"."""
    return replace(text, layout="rtf")


def escaped_string(text: Text, rng: random.Random) -> Text:
    """An API's JSON string printed raw: "\\n" between paragraphs, "\\"" quotes, "\\u0107" beyond ASCII (round 25)."""
    return replace(text, layout="escaped")


def calendar_text(text: Text, rng: random.Random) -> Text:
    """An events calendar's DESCRIPTION printed raw: "\\," "\\;" and "\\n" escapes (RFC 5545; round 25)."""
    return replace(text, layout="calendar")


def html_entities(text: Text, rng: random.Random) -> Text:
    """A CMS that writes every non-ASCII character as a numeric entity (decoded once by the feed)."""
    return replace(text, layout=f"{text.layout}+entities")


_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopoadfghjklkzxcvbnm", strict=True))


def typos(text: Text, rng: random.Random) -> Text:
    """3 % of words mistyped: letters swapped, dropped, doubled, or a neighbouring key."""

    def word(w: str) -> str:
        if len(w) < 3 or rng.random() > 0.03:
            return w
        i = rng.randrange(len(w) - 1)
        how = rng.randrange(4)
        if how == 0:
            return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        if how == 1:
            return w[:i] + w[i + 1 :]
        if how == 2:
            return w[:i] + w[i] + w[i:]
        return w[:i] + _NEIGHBOURS.get(w[i], w[i]) + w[i + 1 :]

    return _each(text, _words(word), title=False)


def smart_punctuation(text: Text, rng: random.Random) -> Text:
    """Typographic quotes, dashes and ellipses (or the reverse when the text has them)."""
    curly = {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "--", "…": "..."}

    def swap(s: str) -> str:
        if any(c in s for c in curly):
            return "".join(curly.get(c, c) for c in s)
        s = re.sub(r'"([^"]*)"', r"“\1”", s)
        return s.replace("'", "’").replace(" - ", " — ")

    return _each(text, swap)


def guillemets(text: Text, rng: random.Random) -> Text:
    """Quotes as guillemets, and the first quote turned into reported speech (its marks dropped)."""
    first = True

    def quote(s: str) -> str:
        nonlocal first

        def one(m: re.Match[str]) -> str:
            nonlocal first
            if first:
                first = False
                return m.group(1)
            return f"«{m.group(1)}»"

        return re.sub(r"[“\"„「«]([^”\"“」»]{2,}?)[”\"“」»]", one, s)

    return _each(text, quote, title=False)


# ---- words ----------------------------------------------------------------------------------------------


def _english(s: str) -> bool:
    """Enough like English to spell its numbers in English words (an approximation: mostly ASCII letters)."""
    return sum(c.isascii() for c in s) > 0.95 * len(s)


_SPELLED = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def numbers(text: Text, rng: random.Random) -> Text:
    """Numbers reformatted: thousands separators, decimal comma, "per cent", small numbers spelled."""

    def number(m: re.Match[str]) -> str:
        n = m.group()
        if re.fullmatch(r"\d{4,}", n) and not re.fullmatch(r"(19|20)\d\d", n):
            return f"{int(n):,}".replace(",", rng.choice((",", ".", "\u202f")))
        if re.fullmatch(r"\d{1,3}(,\d{3})+", n):
            return n.replace(",", rng.choice((" ", ".", "")))
        if re.fullmatch(r"\d+\.\d+", n):
            return n.replace(".", ",")
        before, after = m.string[m.start() - 1 : m.start()], m.string[m.end() : m.end() + 2]
        if re.fullmatch(r"\d", n) and before == " " and re.fullmatch(" [a-z]", after) and _english(m.string):
            return _SPELLED[int(n)]  # "5 people", not "3 May"
        return n

    def edit(s: str) -> str:
        s = re.sub(r"\d+(?:[.,]\d+)*", number, s)
        return re.sub(r"(\w)\s?%", r"\1 per cent", s)

    return _each(text, edit)


_WEEKDAY = re.compile(
    r"\b(on |am |le |el |в |во )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|"
    r"Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b"
)
_YESTERDAY = {"am ": "gestern", "le ": "hier", "el ": "ayer", "в ": "вчера", "во ": "вчера"}


def relative_dates(text: Text, rng: random.Random) -> Text:
    """ "on Tuesday" -> "yesterday" (a copy run the next day), in the languages it knows."""
    return _each(text, lambda s: _WEEKDAY.sub(lambda m: _YESTERDAY.get(m.group(1) or "", "yesterday"), s))


_EXONYMS = {"Kyiv": "Kiev", "Beijing": "Peking", "Mumbai": "Bombay", "Myanmar": "Burma", "Türkiye": "Turkey",
            "Czechia": "the Czech Republic", "Kolkata": "Calcutta", "Chennai": "Madras", "Munich": "München",
            "Cologne": "Köln", "Vienna": "Wien", "Prague": "Praha", "Warsaw": "Warszawa", "Lisbon": "Lisboa",
            "Moscow": "Moskva", "Belgrade": "Beograd", "Tbilisi": "Tiflis",
            "Almaty": "Alma-Ata", "Gaza": "Ghazzah"}  # fmt: skip
_EXONYMS |= {v: k for k, v in _EXONYMS.items() if " " not in v}


def place_forms(text: Text, rng: random.Random) -> Text:
    """Place names in another form (exonym/endonym), and an upper-case dateline in title case."""

    def edit(s: str) -> str:
        s = re.sub(r"\b(" + "|".join(_EXONYMS) + r")\b", lambda m: _EXONYMS[m.group()], s)
        return re.sub(r"^([A-Z][A-Z .'-]{2,})(?= [—–-] |, )", lambda m: m.group(1).title(), s)

    return _each(text, edit)


def name_glosses(text: Text, rng: random.Random) -> Text:
    """A gloss in parentheses after two names: their Latin spelling, or for Latin names a role."""
    left = 2

    def word(m: re.Match[str]) -> str:
        nonlocal left
        w, after = m.group(), m.string[m.end() : m.end() + 1]
        name = w[0].isupper() or not w.isascii()
        if left == 0 or m.start() == 0 or len(w) < 4 or after not in (" ", ",") or not name or rng.random() > 0.3:
            return w
        left -= 1
        gloss = anyascii(w) if not w.isascii() and anyascii(w) != w else rng.choice(("pictured", "file photo"))
        return f"{w} ({gloss})"

    return _each(text, lambda s: re.sub(r"\w+", word, s), title=False)


_SYNONYMS = {"said": "stated", "says": "states", "announced": "unveiled", "government": "administration",
             "people": "persons", "killed": "left dead", "after": "following", "more than": "over",
             "begin": "start", "first": "initial", "big": "large", "help": "assist", "new": "fresh"}  # fmt: skip


def lede_rewrite(text: Text, rng: random.Random) -> Text:
    """The first sentence reworded: synonyms where it knows them, two pairs of words swapped."""
    if not text.paragraphs:
        return text
    first, *rest = sentences(text.paragraphs[0]) or [""]
    for word, other in _SYNONYMS.items():
        first = re.sub(rf"\b{word}\b", other, first)
    if " " not in first.strip():  # no spaces between words (Chinese, Japanese, Thai): swap the first two clauses
        head, comma, tail = first.partition("、") if "、" in first else first.partition("，")
        first = re.sub(r"^([^、，]*)([、，])", rf"\1{comma}{head}", tail, count=1) if comma else first
    words = first.split(" ")
    for _ in range(2):
        if len(words) > 4:
            i = rng.randrange(1, len(words) - 2)
            words[i], words[i + 1] = words[i + 1], words[i]
    lede = " ".join([" ".join(words), *rest])
    return replace(text, paragraphs=(lede, *text.paragraphs[1:]))


def headline_rewritten(text: Text, rng: random.Random) -> Text:
    """The outlet's own headline: the first four words kept, a kicker added."""
    return replace(text, title=rng.choice(("WATCH: ", "Update: ", "Explainer: ")) + " ".join(text.title.split()[:4]))


_IN_WORD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’‘\u02bb\u02bc](?=[^\W\d_])")


def apostrophes_dropped(text: Text, rng: random.Random) -> Text:
    """An apostrophe inside a word left out, as a keyboard or an export without it writes (Hawaiian "Hawaii" for
    "Hawaiʻi", Uzbek "ozbek", Ukrainian "сімя", "companys"): round 22, no set had it."""
    return _each(text, lambda s: _IN_WORD_APOSTROPHE.sub("", s))


def grave_apostrophes(text: Text, rng: random.Random) -> Text:
    """An apostrophe inside a word typed as a grave or an acute accent (Uzbek "o`zbek", "сім´я"), as keyboards
    without an apostrophe key do: round 22, no set had it."""
    return _each(text, lambda s: _IN_WORD_APOSTROPHE.sub(lambda m: rng.choice("`´"), s))


def closing_channel(text: Text, rng: random.Random) -> Text:
    """Round 28: the outlet's channel line closing the copy, which it printed under another story first (``FRAMED``)."""
    line = "Подписывайтесь на наш канал в Telegram: все новости региона первыми, каждый день."
    return replace(text, paragraphs=(*text.paragraphs, line))


def closing_app(text: Text, rng: random.Random) -> Text:
    """Round 28: the same with an app and messaging line in Hindi (``FRAMED``)."""
    line = "हमारा ऐप डाउनलोड करें और व्हाट्सऐप चैनल से जुड़ें, हर ख़बर सबसे पहले पाएं।"
    return replace(text, paragraphs=(*text.paragraphs, line))


def digest_item(text: Text, rng: random.Random) -> Text:
    """Round 32: an item of a morning digest: its number in the issue and the headline on top, then the story
    without its last paragraph (a digest trims)."""
    heading = f"{rng.randint(2, 12)}. {text.title}"
    return replace(text, paragraphs=(heading, *(text.paragraphs[:-1] or text.paragraphs)))


def ticker_stamp(text: Text, rng: random.Random) -> Text:
    """Round 34 (v32's live feeds): the time the ticker posted it, set off by a sign, before the headline and the
    first paragraph; the ticker keeps the first two paragraphs."""
    stamp = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {rng.choice('▸|•–')} "
    return replace(text, title=stamp + text.title, paragraphs=(stamp + text.paragraphs[0], *text.paragraphs[1:2]))


# ---- another happening in the original's frame (hard negatives) -------------------------------------------
# Round 28 (v24's second boat): the next happening of the original's place or body, told in its words, its
# headline naming another subject and its figures others. Counted as recognised when it stays out of the
# original's story and event (``APART``). Invented names in the headline's script; a script without capitals
# names nothing by them (the text is left as it is: not counted).
_INVENTED = {"LATIN": "Quorbandel", "CYRILLIC": "Корбандель", "GREEK": "Κορμπαντέλ", "ARMENIAN": "Քորբանդել"}


def _renamed(text: Text) -> Text:
    """``text`` with its headline's names (capitalised past its first word, written in the body too) replaced by an
    invented name in any form (an inflection keeps the stem), and every figure's digits changed."""
    body = " ".join(text.paragraphs)
    subjects = [
        w for w in dict.fromkeys(re.findall(r"\w+", text.title)[1:])
        if w[:1].isupper() and not w.isupper() and len(w) > 3 and w[:4] in body
    ]  # fmt: skip
    invented = {w: _INVENTED.get(unicodedata.name(w[0], "?").split()[0]) for w in subjects}
    stems = {w[: max(4, len(w) - 2)]: name for w, name in invented.items() if name}
    if not stems:
        return text
    names = re.compile("|".join(rf"\b{re.escape(stem)}\w*" for stem in stems))

    def edit(s: str) -> str:
        s = names.sub(lambda m: next(name for stem, name in stems.items() if m[0].startswith(stem)), s)
        return re.sub(r"\d", lambda m: str((int(m[0]) + 3) % 10 or 7), s)

    return _each(text, edit)


def other_subject(text: Text, rng: random.Random) -> Text:
    """Round 28: the original's whole frame, another subject named in its headline and text, other figures."""
    renamed = _renamed(text)
    return renamed if renamed == text else replace(renamed, paragraphs=renamed.paragraphs[:-1] or renamed.paragraphs)


def other_subject_lede(text: Text, rng: random.Random) -> Text:
    """Round 28: the same, its first paragraph only (a desk's short report of its next happening)."""
    renamed = _renamed(text)
    return renamed if renamed == text else replace(renamed, paragraphs=renamed.paragraphs[:1])


# ---- structure: the story's sentences kept, its shape changed (``RESHAPES``; ``--structural``) ------------------
# dd40: the blind sets whose copies were reshaped (reordered, cut to a stub or to its middle, wrapped in a mailer's
# intro or an issue's masthead, posted in parts, prefaced in another language) split copies where decoration-only
# sets passed whole. Each reshape keeps a story's own sentences, whatever it moves, cuts or wraps; the structural hard
# negatives (``REJOINED``) quote a passage of the story inside text of other stories or new narrative, and are
# recognised when they stay out of the original's story (an event of theirs may be its).
# Other originals of the set, for the kinds that quote several stories (``pool``, set per set by ``run_set``).
_POOL: list[Text] = []
_OTHER_HEADLINES = (
    "Council approves budget for coastal defences after long debate",
    "Regional rail operator names new chief executive",
    "University opens applications for autumn scholarships",
    "Fishing fleet returns early as storm season begins",
)


def _sentences_of(text: Text) -> list[str]:
    return [s for p in text.paragraphs for s in sentences(p)]


def _others(text: Text, rng: random.Random, many: int) -> list[Text]:
    """``many`` other originals of the set (none under this headline), in a seeded order."""
    others = [t for t in _POOL if t.title != text.title and t.paragraphs]
    return rng.sample(others, min(many, len(others)))


def shuffled_paragraphs(text: Text, rng: random.Random) -> Text:
    """An aggregator's layout moving the story's paragraphs (the lead last, a quote first)."""
    order = list(text.paragraphs)
    while len(order) > 1 and tuple(order) == text.paragraphs:
        rng.shuffle(order)
    return replace(text, paragraphs=tuple(order))


def shuffled_sentences(text: Text, rng: random.Random) -> Text:
    """A rewrite desk's reorder of whole sentences across the story, each sentence as it was."""
    found = _sentences_of(text)
    rng.shuffle(found)
    return replace(text, paragraphs=(" ".join(found[:2]), *found[2:]))


def middle_excerpt(text: Text, rng: random.Random) -> Text:
    """A blog's excerpt: the middle of the story, no lead, no ending."""
    found = _sentences_of(text)
    if len(found) < 5:
        return text
    start = len(found) // 4
    return replace(text, paragraphs=(" ".join(found[start : start + max(3, len(found) // 2)]),))


def teaser_stub(text: Text, rng: random.Random) -> Text:
    """A social or app teaser: the first two sentences, then a pointer to the rest."""
    pointer = rng.choice(("Read the full story on our website.", "Continue reading in the app."))
    return replace(text, paragraphs=(" ".join(_sentences_of(text)[:2]), pointer))


def second_part(text: Text, rng: random.Random) -> Text:
    """A long report posted in two parts: the second, numbered in its headline."""
    half = len(text.paragraphs) // 2
    if half < 1:
        return text
    return replace(text, title=f"{text.title} (2/2)", paragraphs=text.paragraphs[half:])


def first_part(text: Text, rng: random.Random) -> Text:
    half = (len(text.paragraphs) + 1) // 2
    if half >= len(text.paragraphs):
        return text
    return replace(text, title=f"{text.title} (1/2)", paragraphs=(*text.paragraphs[:half], "Part two follows."))


def newsletter_wrap(text: Text, rng: random.Random) -> Text:
    """A mailer's item: a greeting and the day's note on top, a list of the issue's other headlines under it."""
    intro = "Good morning, and welcome to Tuesday's edition of the Harbour Letter. Here is the story we are following."
    links = "More in this issue: " + " · ".join(_OTHER_HEADLINES[1:])
    return replace(text, paragraphs=(intro, *text.paragraphs, links, "You are receiving this because you subscribed."))


def masthead(text: Text, rng: random.Random) -> Text:
    """An issue's masthead and contents over the story (the same lines over every story of the issue)."""
    head = "THE HARBOUR LETTER · Issue 212 · Weekday edition"
    contents = "In this issue: " + "; ".join(_OTHER_HEADLINES[:3]) + "."
    return replace(text, paragraphs=(head, contents, *text.paragraphs))


def foreign_preface(text: Text, rng: random.Random) -> Text:
    """A preface in another language than the story's: a translator's or partner desk's note on top."""
    preface = rng.choice((
        "Publicamos a continuación el texto íntegro de la noticia, tal como la difundió nuestra agencia asociada. "
        "La traducción se ofrecerá mañana.",
        "Nous reproduisons ci-dessous la dépêche de notre partenaire dans sa langue d'origine. "
        "Une traduction suivra dans la journée.",
    ))  # fmt: skip
    return replace(text, paragraphs=(preface, *text.paragraphs))


def bulleted(text: Text, rng: random.Random) -> Text:
    """An explainer's list: each sentence of the story a bullet."""
    return replace(text, paragraphs=tuple(f"• {s}" for s in _sentences_of(text)))


def pull_quote(text: Text, rng: random.Random) -> Text:
    """A sentence of the story printed twice: a pull quote set between paragraphs."""
    found = _sentences_of(text)
    if len(text.paragraphs) < 2 or not found:
        return text
    quote = found[min(len(found) - 1, 2)]
    return replace(text, paragraphs=(text.paragraphs[0], quote, *text.paragraphs[1:]))


def blog_comment(text: Text, rng: random.Random) -> Text:
    """A blogger's excerpt of the story with a line of opinion before and after (no facts of its own)."""
    found = _sentences_of(text)
    return replace(text, paragraphs=(
        "This caught my eye this morning and is worth a read.",
        " ".join(found[: max(3, len(found) // 2)]),
        "I will keep following this one and share more when I know more.",
    ))  # fmt: skip


def round_up_three(text: Text, rng: random.Random) -> Text:
    """Hard negative: a round-up quoting the first paragraph of this story and of two others, under its own
    headline (none of their stories)."""
    others = _others(text, rng, 2)
    if len(others) < 2:
        return text
    parts = [t.paragraphs[0] for t in (text, *others)]
    rng.shuffle(parts)
    return Text("The week in review: three stories we followed", ("Here is what happened this week.", *parts))


def background_follow_up(text: Text, rng: random.Random) -> Text:
    """Hard negative: another story's report (new narrative, its facts) repeating this story's last paragraph as
    background, under the other's headline."""
    others = _others(text, rng, 1)
    if not others or len(text.paragraphs) < 2:
        return text
    return Text(others[0].title, (*others[0].paragraphs, text.paragraphs[-1]))


def first_masthead(text: Text, rng: random.Random) -> Text:
    """The same masthead over the first story of an issue: its lines not yet seen over another story."""
    return masthead(text, rng)


def wrapped_other(text: Text, rng: random.Random) -> Text:
    """Hard negative: the same mailer's wrapper around another story (its masthead and list of headlines are
    the copy's, its story is not this one)."""
    others = _others(text, rng, 1)
    return newsletter_wrap(masthead(others[0], rng), rng) if others else text


RESHAPES: dict[str, Perturb] = {
    f.__name__: f
    for f in (
        shuffled_paragraphs, shuffled_sentences, middle_excerpt, teaser_stub, second_part, first_part,
        newsletter_wrap, masthead, first_masthead, foreign_preface, bulleted, pull_quote, blog_comment,
        round_up_three, background_follow_up, wrapped_other,
    )
}  # fmt: skip
REJOINED = frozenset({"round_up_three", "background_follow_up", "wrapped_other"})  # apart from the story, not its event
RESHAPED_COMBINATIONS = (
    ("shuffled_paragraphs", "newsletter_wrap"), ("middle_excerpt", "foreign_preface"), ("teaser_stub", "masthead"),
    ("teaser_stub", "first_masthead"),
    ("second_part", "bulleted"), ("shuffled_sentences", "pull_quote"), ("first_part", "newsletter_wrap"),
    ("middle_excerpt", "masthead", "newsletter_wrap"), ("shuffled_paragraphs", "foreign_preface", "pull_quote"),
    ("bulleted", "masthead"), ("blog_comment", "foreign_preface"), ("round_up_three", "masthead"),
    ("background_follow_up", "newsletter_wrap"),
)  # fmt: skip


KINDS: dict[str, Perturb] = {
    f.__name__: f
    for f in (
        identity, sentence_paragraphs, merged_paragraphs, last_paragraph_first, cut_subscribe, ad_slots,
        subheadings, editor_intro, boilerplate_tail, photo_captions, key_points, line_wrapped, span_html,
        table_cell, json_ld, markdown, footnotes, nfd, nfkc_compat, fullwidth, no_diacritics, homoglyphs,
        keyboard_letters, apostrophe_letters, russian_keyboard, schwa_as_e, tajik_keyboard, apostrophes_dropped,
        grave_apostrophes, stroke_digits, latin_drawn, scholarly_latin, dropped_letters, telex_capitals, lower_case,
        line_timestamps, control_words,
        zero_width, soft_hyphens, html_entities, quoted_printable, rtf_export, link_line,
        escaped_string, calendar_text, typos, smart_punctuation,
        guillemets, numbers,
        relative_dates, place_forms, name_glosses, lede_rewrite, headline_rewritten,
        trimmed_newsletter, trimmed_app_promo, glued_byline, glued_from_credit, tajik_byline, mongolian_byline,
        closing_channel, closing_app, digest_item, ticker_stamp, other_subject, other_subject_lede,
    )
}  # fmt: skip
# Kinds of another happening (hard negatives): recognised when the entry stays out of the original's story and event.
APART = frozenset({"other_subject", "other_subject_lede"})
# Kinds whose copy's outlet ran the same perturbation on another original an hour before the copy (its line
# is then in the index under another story, as an outlet's closing line is after its first entry).
FRAMED = frozenset({"closing_channel", "closing_app", "newsletter_wrap", "masthead"})  # and combinations of them


def _framed_kind(kind: str) -> bool:
    return bool(FRAMED.intersection(kind.split("+")))


COMBINATIONS = (
    ("ad_slots", "typos"), ("markdown", "footnotes", "soft_hyphens"), ("editor_intro", "cut_subscribe"),
    ("homoglyphs", "numbers"), ("sentence_paragraphs", "span_html"), ("last_paragraph_first", "subheadings"),
    ("nfd", "zero_width", "fullwidth"), ("lede_rewrite", "relative_dates", "guillemets"),
    ("headline_rewritten", "cut_subscribe"), ("headline_rewritten", "lede_rewrite", "typos"),
    ("no_diacritics", "place_forms", "name_glosses"), ("merged_paragraphs", "json_ld", "html_entities"),
)  # fmt: skip


def chained(names: tuple[str, ...]) -> Perturb:
    def run(text: Text, rng: random.Random) -> Text:
        for name in names:
            text = (KINDS | RESHAPES)[name](text, rng)
        return text

    return run


# ---- rows ---------------------------------------------------------------------------------------------


def render(text: Text) -> str:
    """The feed's markup of ``text`` (to be escaped once more into the RSS, as the quality set's rows are)."""
    if text.layout in ("qp", "rtf", "escaped", "calendar"):  # a stored form printed as text: no markup
        plain = "\n\n".join(text.paragraphs)
        if text.layout == "escaped":
            return json.dumps(plain)[1:-1]
        if text.layout == "calendar":
            return "DESCRIPTION:" + plain.replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
        return quopri.encodestring(plain.encode()).decode("ascii") if text.layout == "qp" else _rtf(text.paragraphs)
    if text.layout.startswith("span"):
        body = "".join(
            "<p>" + "".join(f'<span data-s="{i}-{j}">{escape(s)} </span>' for j, s in enumerate(sentences(p))) + "</p>"
            for i, p in enumerate(text.paragraphs)
        )
    elif text.layout.startswith("table"):
        body = "<table><tr><td>" + "<br>".join(map(escape, text.paragraphs)) + "</td></tr></table>"
    elif text.layout.startswith("json"):
        ld = {"@type": "NewsArticle", "headline": text.title, "articleBody": "\n".join(text.paragraphs)}
        body = f"<p>{escape(json.dumps(ld, ensure_ascii=False))}</p>"
    else:
        body = "".join(f"<p>{escape(p)}</p>" for p in text.paragraphs)
    if text.layout.endswith("+entities"):
        body = "".join(c if c.isascii() else f"&#{ord(c)};" for c in body)
    return body


def _rtf(paragraphs: tuple[str, ...]) -> str:
    """An RTF document of ``paragraphs``: a letter of Windows-1252 as "\\'hh", any other as "\\uN?" (signed 16 bits)."""

    def letter(char: str) -> str:
        if char in "\\{}":
            return "\\" + char
        if char.isascii():
            return char
        try:
            return "\\'" + char.encode("cp1252").hex()
        except UnicodeEncodeError:
            units = char.encode("utf-16-le")
            return "".join(
                f"\\u{int.from_bytes(units[i : i + 2], 'little', signed=True)}?" for i in range(0, len(units), 2)
            )

    head = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Calibri;}}{\\colortbl;\\red0\\green0\\blue0;}\n"
    return head + "".join("\\pard\\f0\\fs22 " + "".join(map(letter, p)) + "\\par\n" for p in paragraphs) + "}"


def _text(title: str, markup: str) -> Text:
    return Text(title, tuple(html_to_text(markup).split("\n")) if markup else ())


def perturbed(row: dict[str, str], kind: str, perturb: Perturb, later: timedelta) -> dict[str, str]:
    """``row`` as another outlet runs it ``later`` (negative: earlier), through ``perturb``."""
    rng = random.Random(f"{kind}:{row['id']}")
    content = perturb(_text(row["title"], row["content"]), random.Random(rng.random())) if row["content"] else None
    summary = perturb(_text(row["title"], row["summary"]), random.Random(rng.random()))
    published = datetime.fromisoformat(row["published"]) + later
    return row | {
        "id": f"{row['id']}~{kind}",
        "outlet": "Stress Syndicate",
        "feed": "stress-syndicate",
        "guid": f"stress-{kind}-{row['id']}",
        "link": f"https://syndicate.example/{kind}/{row['id']}",
        "published": published.isoformat(),
        "title": (content or summary).title,
        "summary": render(summary),
        "content": render(content) if content else "",
    }


def script_group(row: dict[str, str]) -> str:
    """The script most letters of the headline and summary are written in."""
    counts = Counter(unicodedata.name(c, "?").split()[0] for c in row["title"] + row["summary"] if c.isalpha())
    name = counts.most_common(1)[0][0] if counts else "?"
    if name in ("LATIN", "CYRILLIC", "ARABIC"):
        return name.title()
    return "CJK" if name in _CJK else "Indic" if name in _INDIC else "other"


def originals(path: Path | None, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The first row of each labelled story, in file order."""
    if path is not None and held_out(path):  # never read: the sets reported on, not tuned on
        raise SystemExit(f"{path.name} is a held-out set: the stress benchmark never reads it")
    first: dict[str, dict[str, str]] = {}
    for row in rows:
        first.setdefault(row["story"], row)
    return list(first.values())


def sets(
    limit: int | None, only: list[str] | None = None
) -> Iterator[tuple[str, list[dict[str, str]], list[dict[str, str]]]]:
    """(label, rows, originals) of every tuning set (those labelled in ``only``); ``limit`` originals each."""
    for label, rows, _ in tuning_sets():
        if only is not None and label.split()[0] not in only:
            continue
        yield label, rows, originals(None, rows)[:limit]


# ---- deciding -----------------------------------------------------------------------------------------


def mechanism(decision: Decision) -> str:
    """The split's mechanism, from the leading words of the story reason."""
    reason = decision.reason
    if reason.startswith("copy"):
        return "joined another story"
    # In this order: the news and series verdicts also speak of names and numbers, the closest-entry one last.
    classes = (
        ("no earlier entry shares", "no shared passage"),
        ("too little text", "too little text"),
        ("round-up", "round-up"),
        ("next bulletin", "series"),
        (", but it ", "news"),
        ("opens", "follow-up"),
        ("names and numbers", "names/numbers"),
        ("closest is", "closest below needed"),
    )
    return next((name for words, name in classes if words in reason), "other")


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str
    script: str
    direction: str  # "fwd" or "rev"
    recognised: bool
    decision: Decision
    original: dict[str, str]
    copy: dict[str, str]


def run_set(rows: list[dict[str, str]], chosen: list[dict[str, str]], kinds: dict[str, Perturb]) -> Iterator[Outcome]:
    """Every kind on every chosen original, both directions; the ``FRAMED`` kinds after all others (their
    outlet's entry of another story, added and removed, leaves its event keywords in the index)."""
    index = StoryIndex()
    assigned = assign(rows, index)  # the index as the quality benchmark leaves it: every entry of the set
    _POOL[:] = [_text(row["title"], row["content"] or row["summary"]) for row in chosen]  # ``RESHAPES``' others
    by_id = {a.row["id"]: (i, a) for i, a in enumerate(assigned, start=1)}
    ordered = sorted(kinds, key=_framed_kind)  # stable: the others first, in their order
    copies: dict[str, dict[str, dict[str, str]]] = {}  # original -> kind -> its copy
    frames: dict[str, dict[str, dict[str, str]]] = {}  # original -> FRAMED kind -> its outlet's other entry
    for framed in (False, True):
        for number, original in enumerate(chosen):
            _, orig = by_id[original["id"]]
            script = script_group(original)
            mine, theirs = copies.setdefault(original["id"], {}), frames.setdefault(original["id"], {})
            for kind in (k for k in ordered if _framed_kind(k) == framed):
                copy = perturbed(original, kind, kinds[kind], LATER)
                if kind != "identity" and (copy["summary"], copy["content"], copy["title"]) == _plain(original):
                    continue  # nothing to perturb in this text
                mine[kind] = copy
                if framed and len(chosen) > 1:
                    other = chosen[(number + 1) % len(chosen)]
                    theirs[kind] = perturbed(other, kind, kinds[kind], LATER - timedelta(hours=1))
                entry = to_entry(copy)
                with _framed(index, theirs.get(kind), len(assigned) + 1):
                    decision = index.find(entry, entry.published or datetime.now().astimezone())
                joined = (decision.story_id == orig.story, decision.event_id == orig.event)
                yield Outcome(kind, script, "fwd", _recognised(kind, *joined), decision, original, copy)
    for original in chosen:
        _, orig = by_id[original["id"]]
        later = {k: replace_time(c, -2 * LATER) for k, c in copies[original["id"]].items()}
        yield from reverse(assigned, orig, script_group(original), later, frames[original["id"]])


@contextmanager
def _framed(index: StoryIndex, frame: dict[str, str] | None, entry_id: int) -> Iterator[None]:
    """``index`` holding ``frame`` (the copy's outlet's entry of another story, as ``entry_id``), meanwhile."""
    if frame is None:
        yield
        return
    entry = to_entry(frame | {"title": f"{frame['title']} | {frame['outlet']}"})  # its own headline: no other's
    seen = entry.published or datetime.now().astimezone()
    decision = index.find(entry, seen)
    story = decision.story_id if decision.story_id is not None else entry_id
    assert decision.signature is not None
    index.add(entry_id, story, decision.event_id or story, decision.signature, seen)
    try:
        yield
    finally:
        index.remove(entry_id)


def _plain(row: dict[str, str]) -> tuple[str, str, str]:
    """The row as ``perturbed`` renders it untouched, to tell which copies changed."""
    content = render(_text(row["title"], row["content"])) if row["content"] else ""
    return render(_text(row["title"], row["summary"])), content, row["title"]


def replace_time(copy: dict[str, str], by: timedelta) -> dict[str, str]:
    return copy | {"published": (datetime.fromisoformat(copy["published"]) + by).isoformat()}


def reverse(
    assigned: list[Assigned],
    orig: Assigned,
    script: str,
    copies: dict[str, dict[str, str]],
    frames: dict[str, dict[str, str]] | None = None,
) -> Iterator[Outcome]:
    """The copy first, in the set less the original's labelled story (with the copy's ``frames`` entry of
    another story, for a ``FRAMED`` kind); then the original."""
    index = StoryIndex()
    for entry_id, a in enumerate(assigned, start=1):
        if a.row["story"] != orig.row["story"]:
            assert a.decision.signature is not None
            seen = a.entry.published or datetime.now().astimezone()
            index.add(entry_id, a.story, a.event, a.decision.signature, seen)
    seen = orig.entry.published or datetime.now().astimezone()
    mine = signature(orig.entry, seen)
    for n, (kind, copy) in enumerate(copies.items(), start=len(assigned) + 1):
        entry = to_entry(copy)
        index.add(n, n, n, signature(entry, entry.published or seen), entry.published or seen)
        with _framed(index, (frames or {}).get(kind), n + len(copies)):
            decision = index.decide(mine)
        index.remove(n)
        joined = (decision.story_id == n, decision.event_id == n)
        yield Outcome(kind, script, "rev", _recognised(kind, *joined), decision, orig.row, copy)


def _recognised(kind: str, story: bool, event: bool) -> bool:
    """A copy joins the story; another happening (``APART``) joins neither the story nor its event, a text quoting
    the story among others (``REJOINED``) not the story."""
    if REJOINED.intersection(kind.split("+")):
        return not story
    return not (story or event) if kind in APART else story


# ---- report -------------------------------------------------------------------------------------------


def table(outcomes: list[Outcome], kinds: list[str]) -> list[str]:
    """One line per kind: recognised/total forward per script group, both directions, splits by mechanism."""
    head = f"{'kind':<42}" + "".join(f"{s:>10}" for s in SCRIPTS) + f"{'fwd':>10}{'rev':>10}  splits by mechanism"
    lines = [head]
    for kind in kinds:
        mine = [o for o in outcomes if o.kind == kind]
        cells = [_ratio([o for o in mine if o.script == s and o.direction == "fwd"]) for s in SCRIPTS]
        cells += [_ratio([o for o in mine if o.direction == d]) for d in ("fwd", "rev")]
        splits = Counter(f"{o.direction} {_failure(o)}" for o in mine if not o.recognised)
        lines.append(f"{kind:<42}" + "".join(f"{c:>10}" for c in cells) + "  " + _mechanisms(splits))
    return lines


def _failure(outcome: Outcome) -> str:
    """Why a copy split (``mechanism``), or how another happening (``APART``) merged: into the story or its event."""
    if outcome.kind not in APART and not REJOINED.intersection(outcome.kind.split("+")):
        return mechanism(outcome.decision)
    return "merged story" if outcome.decision.story_id is not None else "merged event"


def _ratio(outcomes: list[Outcome]) -> str:
    return f"{sum(o.recognised for o in outcomes)}/{len(outcomes)}" if outcomes else "-"


def _mechanisms(splits: Counter[str]) -> str:
    return ", ".join(f"{name} {n}" for name, n in splits.most_common())


def show(outcomes: list[Outcome], kind: str, many: int = 5) -> list[str]:
    lines = [f"failing copies of {kind}:"]
    for o in [o for o in outcomes if o.kind == kind and not o.recognised][:many]:
        lines.append(f"  [{o.direction}] {o.original['id']} ({o.script}): {o.decision.reason}")
        lines.append(f"    original: {html_to_text(o.original['content'] or o.original['summary'])[:300]!r}")
        lines.append(f"    copy:     {html_to_text(o.copy['content'] or o.copy['summary'])[:300]!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", help=f"comma-separated kinds (default: all {len(KINDS)}, then the combinations)")
    parser.add_argument("--limit", type=int, default=None, help="originals per set (default: all)")
    parser.add_argument("--sets", help="comma-separated set labels (eval, catalogue, v1 ... v13, tune3; default: all)")
    parser.add_argument("--show", help="print failing examples of this kind (a+b for a combination)")
    parser.add_argument("--structural", action="store_true", help="the reshapes (``RESHAPES``) and theirs, not KINDS")
    args = parser.parse_args(argv)
    chosen: dict[str, Perturb] = {}
    known, combinations = (RESHAPES, RESHAPED_COMBINATIONS) if args.structural else (KINDS, COMBINATIONS)
    names = args.kinds.split(",") if args.kinds else [*known, *("+".join(c) for c in combinations)]
    for name in names:
        if any(part not in KINDS | RESHAPES for part in name.split("+")):
            parser.error(f"unknown kind {name!r}; known: {', '.join(KINDS | RESHAPES)}")
        chosen[name] = (KINDS | RESHAPES)[name] if "+" not in name else chained(tuple(name.split("+")))
    outcomes = [
        o
        for _, rows, mine in sets(args.limit, args.sets.split(",") if args.sets else None)
        for o in run_set(rows, mine, chosen)
    ]
    single = [k for k in chosen if "+" not in k]
    print("\n".join(table(outcomes, single)))
    if combined := [k for k in chosen if "+" in k]:
        print()
        print("\n".join(table(outcomes, combined)))
    print("cells: forward copies recognised / changed copies; rev: the copy read first, then the original")
    if args.show:
        print("\n".join(show(outcomes, args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
