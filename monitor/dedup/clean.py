"""The story text as a copy carries it: wrapping recognised by its shape and removed. Pure.

Syndicated copies differ exactly where wrapping lives: the opening (a wire dateline
``ASHGABAT, Dec 2 (Global Wire) -``, a byline ``By Ann Lee | Asia Desk``, an
"Authored by … via …" credit) and the end (``…Read More``, ``[…]``, ``Continue
reading``, ``The post … appeared first on …``, source and copyright lines; a quote card's
credit, ``"<lede>" — <Outlet>``). They are
recognised by *shape*, never by a list of outlets, so a copy from an outlet nobody
listed still loses them; what was removed is kept as flags, so a decision can say
"opening differs: dateline removed".

Block boundaries are word boundaries: paragraphs packed as ``</p><p>`` arrive from the
parser as separate lines, and ``Kabul.The`` glued by a careless exporter is two words
and two sentences. Double-escaped entities and typographic quotes fold to one form.
US and UK spellings fold to one form per word (``spelling``), so "recognized" in an
aggregator's copy shingles like "recognised" in the wire's.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata
import zlib
from dataclasses import dataclass

from monitor.dedup.alphabets import (
    greek_or_cyrillic,
    latin_strokes,
    letters_in_one,
    lookalikes,
    sibling_letters,
    strokes,
)
from monitor.dedup.carriers import carried, unstamped
from monitor.dedup.dates import names_day
from monitor.dedup.refresh import NOTE_WORDS, after_refresh_note
from monitor.dedup.scan import STOPS, compiled
from monitor.dedup.social import unframed
from monitor.dedup.transfer import decoded
from monitor.text import beyond_ascii, char_class, fold, fold_is_local, in_bmp, marks, special_codes, without_spaces
from monitor.urls import canonical_link

DATELINE, BYLINE, TRUNCATED = 1, 2, 4  # flags: what the copy's wrapping held
NOTE = 32  # and a refresh note on top (``refresh``); 8 and 16 are ``signature``'s

# Typographic quotes to ASCII ones, one ``str.replace`` each: ``str.translate`` looks each character of a
# non-ASCII text up in a dict (150 µs for a Cyrillic story), and two regex substitutions scan it character
# by character (20 µs for a 3 kB story); a replace of one character by one scans in C at memchr speed.
_QUOTES = (*(("'", quote) for quote in "‘’‚"), *(('"', quote) for quote in "“”„«»"))
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
# A sentence end glued to the next sentence's capital ("Kabul.The"), in Latin or Cyrillic: after an accented
# letter too ("précisé.Le"), and before an opening quote ('taon."Mi'), an elided article ("précisé.L'association")
# or a dateline's place in capitals ("bifoa.HONIARA, 18 Jun —"): an aggregator glues every paragraph so.
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u044f\u0451"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0410-\u042f\u0401"
_GLUED = re.compile(rf"(?<=[{_LOWER}\d\)][.!?])(?=\"?[{_UPPER}](?:[{_LOWER}]|'[{_UPPER}{_LOWER}]|[{_UPPER}]+[ ,]))")
# Where _GLUED can be: its lookbehind, tried at every character, makes a text's ``sub`` 4x this search.
_GLUED_AT = re.compile(rf"[.!?]\"?[{_UPPER}]")
# Where the story ends and the wrapping starts (the marker and the rest of the text are dropped).
# Literal-first alternatives: the search runs at the speed of a substring scan.
_TRUNCATION = re.compile(
    r"read more|continue reading|read the full (?:story|article)|\[(?:…|\.\.\.)\]|\[more\]"
    r"|the post .{1,200}? appeared first on",
    re.IGNORECASE,
)
# What each alternative of _TRUNCATION holds, without an i or an s (a case-blind regex takes "ı" for i
# and "ſ" for s, ``lower`` does not): where ``text.lower()`` holds none, _TRUNCATION cannot match.
_TRUNCATION_WORDS = ("read ", "nue read", "appeared f", "[…", "[...", "[more]")


def _may_truncate(text: str) -> bool:
    """Can ``_TRUNCATION`` match in ``text``? A case-blind search of a whole body costs 80-100 µs, its
    ``lower`` and four substring scans a tenth of that."""
    lowered = text.lower()
    return any(word in lowered for word in _TRUNCATION_WORDS)


# The same ends in any language, by shape: an ellipsis followed by a few words and nothing else
# ("dont… Lire la suite", "…阅读全文", "… اقرأ المزيد"), or a last line of a few words ending in an
# arrow ("Continuer la lecture →", "Haberin devamı →"). The tail has no sentence end inside it; it may be one
# short sentence of its own, an app's teaser after a cut summary ("… Continue in the <Outlet> app.").
# Words apart by spaces, each taken whole: a run of letters that may split anywhere (a group of one or more
# letters, repeated) backtracks through every split of a long run, as CJK text without spaces is.
_TAIL_WORD = r"[^\s.!?。！？\"»”]+"
_TAIL_AFTER_ELLIPSIS = re.compile(
    rf"(?:(?<=…)|(?<=\.\.\.))[ \t]*{_TAIL_WORD}(?:[ \t]+{_TAIL_WORD}){{0,7}}[ \t]*[.!。！]?[ \t]*[→›»]?\s*$"
)
_ARROW_LINE = re.compile(r"^(?:[^\s.!?。！？]+ ){0,4}[^\s.!?。！？]+\s*[→›»]$")
# Whole lines that are wrapping, not story (matched on the folded line).
_WRAPPING_LINE = re.compile(
    r"^(?:source link|source:.{0,60}|read more\b.{0,80}|(?:copyright|©)\s.{0,120}|\(reporting by .{0,160}\)"
    r"|(?:this (?:article|story) )?(?:was )?originally (?:appeared|published) (?:on|in|at) .{0,80}"
    r"|all rights reserved\.?|tyler durden.{0,40}|authored by .{0,80} via \w+,?)$"
)
# A line that is only a date or a time stamp ("Wed, 05/29/2024 - 04:27", "12 July 2025"): a sign-off.
_DATE_LINE = re.compile(
    r"^[\W\d_]*(?:(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\W\d_]*)*$"
)
_NAME = r"(?:[A-Z][\w.'-]*|[A-Z]\.|de|van|von|al|bin)"
# "By Ann Lee", "By Ann Lee | Asia Desk", "By Ann Lee, Global Wire", "By A and B in Kabul", "By Ann Lee काठमाडौं".
_BYLINE = (  # compiled on first use (``scan.compiled``), as the other patterns below with a wide class
    rf"^(?:[Bb]y|BY|[Ff]rom|Автор:?)\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*"
    r"(?:\s+(?:staff|reporters?|correspondents?|newsroom|desk|team|writers?))?"
    r"(?:\s*[|,/–—-]\s*[^\n.|\d()]{1,40}?)?(?:\s+in\s+[A-Z][\w-]+)?"
    # It ends at a mark, before a place in capitals, or where the story's script begins: a Latin byline
    # glued to a story in Devanagari or Cyrillic ends with its last Latin name, capitals or none.
    r"(?:\s*[|:.]|\s+(?=[A-ZА-Я]{2,})|\s+(?=[^\W\d_A-Za-z\u00c0-\u024f])|\s*$)"
)
_CREDIT = re.compile(r"^authored by [^,\n]{1,80} via [^,\n]{1,40},\s*", re.IGNORECASE)
# The word crediting a writer, in the languages the monitor reads ("By", "Par", "Von", "Por",
# "Автор", "بقلم", "记者", "Escrito por", "Verfasst von"): words of a language, not outlets.
_CREDIT_WORD = re.compile(
    r"^(?:(?:[Ww]ritten|[Aa]uthored|[Ee]scrito|[Éé]crit|[Vv]erfasst|[Ss]critto)\s+\w+\s+"
    r"|(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Pp]rzez|Автор:?|От|بقلم|كتب|记者|作者[:：]?|来源[:：])\s*)"
)
# A writer and a desk or outlet: "Ann Lee | World Desk", "Андрей Белов, Волжский курьер",
# "来源：华南财经 作者：陈晓". At most four words of name before the separator.
_NAME_THEN_DESK = re.compile(r"^[^\W\d_][^\s|,،:：/]*(?:\s+[^\s|,،:：/]+){0,3}\s*(?:\||,|،|：|/)\s*\S")
# The same set off by a spaced dash, on a line of its own: "ရေးသားသူ - ခင်မြတ်နိုး" (writer - name),
# "Autor – Jan Nowak", "Text — Redaktion": a label or name, a dash, a name; at most three words each.
_DASHED_CREDIT = re.compile(r"^[^\W\d_]\S*(?: \S+){0,2} [-–—] [^\W\d_]\S*(?: \S+){0,2}$")
_CREDIT_LABEL = re.compile(r"^[^\W\d_]{3,12}:\s")  # "Autor: Ewa Zalewska", "Аутор: …": a one-word label
CREDIT_WORDS = 9  # a credit glued to the dateline that follows it: at most this many words
# A time stamp opening the text: "Updated 17:32 GMT", "Aktualisiert 9.05 Uhr", "Published 10:30 am", or a
# live feed's bare clock time set off by a sign ("20:37 ▸ LAGOS — …", "١٦:٣٤ | …", "09.15 • …"): when the
# outlet posted it, not the story. The sign is not a letter, digit or full stop, and a time with a dot must
# be a clock's (hours to 23, minutes to 59), so a figure opening a sentence ("18.50 euros …") stays.
_CLOCK_STAMP = r"^(?:\d{1,2}:\d\d|(?:[01]?\d|2[0-3])\.[0-5]\d)\s*[|·•▸►▶▹→›»–—-]\s+(?=\S)"
_STAMP = re.compile(
    r"^(?:[^\W\d_]+:?\s+){0,2}\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?|\s+[A-Z][A-Za-z]{1,4}\b)[\s,|–—-]+(?=\S)"
    rf"|{_CLOCK_STAMP}"
)
# A headline as a page decorates it: a live blog's clock time before it ("06:31 · …") and a short label after a
# middle dot or bar ("… · Evening edition", "… | Live") or in square brackets ("… [Mostar]", "… [Video]"): each
# outlet's own tag, no word of the story's headline; and a part's number ("… [2/2]", "… (1/3)"): an app that
# posts a long report in parts titles each part with the report's headline.
_HEADLINE_STAMP = re.compile(_CLOCK_STAMP)
_HEADLINE_LABEL = re.compile(
    r"[ \t]+(?:[·|｜][ \t]+([^\W\d_][^\d.!?·|｜\n]{0,40})|\[([^\W\d_][^\d.!?\[\]\n]{0,40})\]"
    r"|[\[(]\d{1,2}[ \t]?/[ \t]?\d{1,2}[\])])[ \t]*$"
)
HEADLINE_LABEL_WORDS = 3
# A digest's or a menu's item number before a headline, set off by a sign: "#4 · ", "4 | ", "(4/9) ", "[4] ", "4) ",
# "4: ". Where the carrier listed it that day, no word of the headline. Not a dash: "3 – 2 …" opens a score. A colon
# after a bare number only: "9/11: …" and "24/7: …" open headlines with a date or a phrase, no item of a list.
_ITEM_OF = r"\d{1,2}(?:[ \t]?/[ \t]?\d{1,2})?"  # "4", "4/9"
_HEADLINE_ITEM = re.compile(
    rf"^(?:#?{_ITEM_OF}[ \t]*[·|｜]|#?\d{{1,2}}[ \t]*:|[\[(]{_ITEM_OF}[\])]|\d{{1,2}}\))[ \t]+(?=\S)"
)
# A photo caption: a short line that ends in a picture credit, "Label: Name/Outlet", "© Outlet" or
# an agency set off after the caption ("Архивное фото. /СИБ/"). It describes the picture, and each
# outlet writes its own: its names are not the story's.
_CAPTION = re.compile(
    r"(?:^|(?<=[.!?] ))(?:[^\W\d_]{3,12}\.?:\s*[^\W\d_][^/\n:.!?]{1,50}/[^/\n.!?:]{2,50}|©[^\n.!?©]{2,50})$"
    r"|(?<=[.!?] )[/(][^/()\n]{2,40}[/)]$"
)
CAPTION_WORDS = 30


def _may_be_caption(line: str) -> bool:
    """Has ``line`` a character every _CAPTION needs (a slash, a bracket or ©)? Searched from every
    character for its anchored end, _CAPTION cost 200 µs a story's lines; these scans, a few."""
    return "/" in line or "(" in line or "©" in line


# A labelled line inside the story that is not a sentence: "Related: <another headline>",
# "Lesen Sie auch: …", "関連記事： …", "Tags: …", a fact box's "Penumpang: 312 orang". Each outlet
# adds its own, with names of other stories; the story's sentences end with a full stop.
_LABELLED = re.compile(r"^[^\W\d_][\w'’-]*(?: [\w'’-]+){0,3} ?[:：]\s*\S")
_SENTENCE_ENDS = re.compile(r"[.!?…。！？]['\"»”’)]*$")
LABELLED_WORDS = 20
CREDIT_LINE_WORDS = 3  # a label and a name or two, with its full stop or none: a caption's credit, no sentence
ABOVE_WORDS = 6  # a line above the dateline: a credit or a label, not a sentence
_NOT_STORY_LINE = re.compile(r"[\d.!?。！？]")
# ``dateline_pattern``: "CITY, Month D (Agency) -", "CITY —", "CITY (Agency) –", "City, Dec. 2 (Reuters) -",
# "МОСКВА, 3 июля. /ТАСС/."
# A letter here is a letter or a mark on one: the scripts of India, Thaana and pointed
# Hebrew write vowels as marks ("ଭୁବନେଶ୍ୱର, ଏପ୍ରିଲ ୧୨ –"), which ``\w`` does not match. The place ends at
# a comma of any script or a Tibetan shad ("ལེ། ཟླ་༤ ཚེས་༨ –"), whose syllables a tsheg joins; a day may
# carry an ordinal ending ("12טן אַפּריל").
_COMMA = ",،、།"


@functools.cache
def dateline_pattern() -> re.Pattern[str]:
    """The dateline (above), built on first use: its class of every combining mark (``text.marks``, read from the
    Unicode tables) and its compilation cost 20 ms, which a process that cleans no text never pays."""
    letter = rf"(?:[^\W\d_]|{marks(0xFFFF).pattern})"  # the BMP's marks: a dateline has no other
    return re.compile(
        rf"^(?P<place>[^\W\d_]{letter}*(?:[ .'་-]{{1,2}}{letter}+){{0,3}})"
        rf"(?P<date>[{_COMMA}](?:\s*{letter}{{2,12}}\.?[\s་]+\d{{1,2}}{letter}{{0,3}}\.?){{1,2}}"
        rf"|[{_COMMA}]\s*\d{{1,2}}{letter}{{0,3}}\.?\s+{letter}{{3,12}}\.?)?"
        r"(?P<agency>\s*[(/][^()/\n]{2,40}[)/]\.?)?"
        r"(?:\s*(?:[-–—]{1,2}|:)\s+|(?<=/\.)\s+|(?<=/)\s+)|^【[^】\n]{1,20}】\s*|^\[[^]\n]{1,20}\]\s*"
    )


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str  # the story, case kept, one paragraph per line
    flags: int  # DATELINE | BYLINE | TRUNCATED: wrapping that was removed
    headline: str = ""  # de86: the headline a social carrier printed in the body (``social``), if any


# Mojibake: UTF-8 bytes read as Windows-1252 (or Latin-1) by an exporter on the way ("Ä‡" for "ć",
# "Ð¼Ð¾ÑÑ‚" for "мост", "â€“" for "–"). A Latin text loses its accented letters, a Cyrillic, Greek or
# Arabic one every word. Each character of such a run stands for one byte: the run is decoded again
# as UTF-8, where it is a whole character (a lead byte, then its continuation bytes), else left as it is.
# The byte A0 was a no-break space, which parsers make a space: inside a damaged word ("ТВЕÐ Ð¬", the
# Р of ТВЕРЬ) a space between a lead character and the next lead is that byte. The byte AD was a soft
# hyphen, which every reader drops (``monitor.text.squash``): in a damaged text a lead character with
# nothing after it stood before that byte ("Î" of "έ", "Ã" of "í"; undamaged, it would be two).
_BYTE_OF = {bytes([b]).decode("cp1252", "ignore") or chr(b): b for b in range(0x80, 0x100)} | {" ": 0xA0}
_CONTINUATION = "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b < 0xC0 and c != " ")
_LEAD2 = "[\u00c2-\u00df]"
_SEQUENCES = f"{_LEAD2}[{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
# ``_SEQUENCES`` written to open with one character class, its lead (sought in C), then the continuation that lead
# takes, by a look behind at it: the alternatives, tried at every character, cost 50 µs a 3 kB story with an "ó".
# Same matches (tests/test_signing_scans.py).
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00f4](?:(?<={_LEAD2})[{_CONTINUATION}]|(?<=[\u00e0-\u00ef])[{_CONTINUATION}]{{2}}"
    f"|(?<=[\u00f0-\u00f4])[{_CONTINUATION}]{{3}})"
)
_MOJIBAKE_OR_SPACE = re.compile(f"{_LEAD2} (?={_LEAD2})|{_SEQUENCES}|{_LEAD2}")


def repaired(text: str) -> str:
    """``text`` with its mojibake decoded again (above); a text without any, as it is. A lead character
    alone or before a space is read as damage only in a text damaged throughout (four whole sequences
    or more for each): a German text with one damaged dash keeps its "Ö"."""
    # A sequence of ``_MOJIBAKE`` is of characters beyond ASCII, next to each other in those alone too.
    if text.isascii() or not _MOJIBAKE.search(beyond_ascii(text)):
        return text
    whole = len(_MOJIBAKE.findall(text))
    alone = len(_MOJIBAKE_OR_SPACE.findall(text)) - whole
    return (_MOJIBAKE_OR_SPACE if alone * LONE_LEADS <= whole else _MOJIBAKE).sub(_redecoded, text)


LONE_LEADS = 4


def _redecoded(match: re.Match[str]) -> str:
    raw = bytes(_BYTE_OF[char] for char in match[0])
    try:
        return (raw + b"\xad" if len(raw) == 1 else raw).decode("utf-8")
    except UnicodeDecodeError:
        return match[0]


# Markup escaped once more on the way ("&lt;p&gt;"): after the parser it is text. HTML's own block and
# inline elements by name, so "a <b" in a formula or "<Name>" in a quote is not taken for one.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|table|tr|td|pre)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_INLINE_TAG = re.compile(r"</?(?:a|b|i|u|em|strong|span|small|sub|sup|img|font|abbr|cite|q|mark)\b[^<>]{0,300}>", re.I)
# A text hard-wrapped at one width (a newsletter's 72 columns; 50 to 100): a line filled to within WRAP_SLACK
# characters of its longest goes on in the next; a shorter line (a byline, a paragraph's last) ends.
WRAP_WIDTH = 100
WRAP_NARROWEST = 50  # below this, short lines of their own (a byline, a credit), not a wrap width
WRAP_SLACK = 16
WRAP_LINES = 3
# A wrap at one width cuts sentences: half its filled lines or more end inside one. A brief of one sentence a paragraph,
# the paragraphs of about one length, fills lines too, but each ends at a full stop: it is no wrapped text (joined,
# v42's caption line under the first paragraph made the story's first sentence a photo caption's).
_LINE_STOP = re.compile(f"[{STOPS}…]['\"»”’)]*$")
# A text wrapped narrower (a teletext page's 39 columns, a pager's 32) says its width by the lines its wrap cut
# mid-sentence, those the next opens in lower case: a line goes on in the next when that line's first word would
# not have fitted on it (a greedy wrap's every line). With a width this narrow a longer line (a headline in
# capitals above the page) is not wrapped text.
WRAP_NARROW = 24
WRAP_CUTS = 2


# A line of links, not of story: three or more short items (a word or four, no sentence end) apart by
# one separator of navigation or sharing (breadcrumbs "Home › News › Croatia", "Share: Facebook · X").
ITEM_SEPARATORS = "·|•"  # between a row's items: "Share: Facebook · X", "See also · …", a page's stamp
_LINK_SEPARATORS = f"›»>/{ITEM_SEPARATORS}"  # and a breadcrumb's
_LINK_ITEM = (
    rf"[^\s\d.!?。{_LINK_SEPARATORS}]+(?: [^\s\d.!?。{_LINK_SEPARATORS}]+){{0,3}}"  # no digit: figures are data
)
_LINKS_LINE = (
    rf"^(?:{_LINK_ITEM}:\s+)?{_LINK_ITEM}(?:\s*([{_LINK_SEPARATORS}])\s*{_LINK_ITEM})(?:\s*\1\s*{_LINK_ITEM})+$"
)


# A line of other stories' headlines under a short label: "See also · <headline> · <headline>", "Más | <headline> |
# <headline>". An outlet's pointers to its other stories (a CMS's related block, an app's "more" row) are no text of
# this story, and they are passages of those stories a round-up would seem to quote. Two headlines or more, apart by
# one separator, each of a few words with no full stop, after a label of at most three words with no digit.
RELATED_LABEL_WORDS = 3
RELATED_ITEM_WORDS = 16


def _related(line: str) -> bool:
    """Is ``line`` a label and two or more headlines of other stories (``ITEM_SEPARATORS``)? Split, not matched:
    no pattern to backtrack over a long line."""
    for mark in ITEM_SEPARATORS:
        label, *items = line.split(f" {mark} ")
        if len(items) == 1 and ":" in label:
            # "Related: <headline> · <headline>": the label set off by its colon, the first headline after it
            label, first = label.split(":", 1)
            items = [first, *items]
        if len(items) < 2:
            continue
        if not 0 < len(label.split()) <= RELATED_LABEL_WORDS or any(char.isdigit() for char in label):
            return False
        return all(0 < len(item.split()) <= RELATED_ITEM_WORDS and not _FULL_STOP.search(item) for item in items)
    return False


def _may_be_links(line: str) -> bool:
    """Has ``line`` a separator every ``_LINKS_LINE`` needs? Matched on every line, its backtracking over
    the first words cost 2 µs a line of story; these scans, a tenth of that."""
    return any(separator in line for separator in _LINK_SEPARATORS)


def _labelled(line: str) -> bool:
    """``_LABELLED.match(line)``, not tried on a line without a colon (most lines, which it needs)."""
    return (":" in line or "：" in line) and _LABELLED.match(line) is not None


def unwrapped(text: str) -> str:
    """``text`` with its hard-wrapped lines joined (above); a text not wrapped at one width, as it is."""
    lines = text.split("\n")
    if len(lines) <= WRAP_LINES:
        return text
    width = max(map(len, lines))
    full: list[bool] | None = [len(line.rstrip()) >= width - WRAP_SLACK for line in lines]
    if not WRAP_NARROWEST <= width <= WRAP_WIDTH or sum(full or ()) < WRAP_LINES or not _cuts_sentences(lines, full):
        full = _filled(lines)  # not wrapped at one wide width: perhaps narrower
    if full is None:
        return text
    out = [lines[0]]
    for was_full, line in zip(full, lines[1:], strict=False):
        if was_full and line.strip() and out[-1].strip():
            out[-1] = _joined(out[-1].rstrip(), line.lstrip())
        else:
            out.append(line)
    return "\n".join(out)


# A word the wrap cut at a line's end with a hyphen, going on in lower case on the next line ("нээгдэ-" / "һэн",
# "govern-" / "ment"): a printed page's or a scan's hyphenation, one word to a reader. Joined with a space, it was
# two words no copy prints and three shingles lost each. A compound cut at its own hyphen ("well-" / "known") is
# one word too, and was two either way; a dash between words stands apart from them ("war -" / "and"), and a
# capital after the break opens a name ("pro-" / "Kremlin"), which keeps its hyphen.
_WRAP_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010]$")


def _joined(line: str, after: str) -> str:
    """``line`` and the ``after`` its wrap goes on with: one word again where the wrap hyphenated it (above)."""
    if after[:1].islower() and _WRAP_HYPHEN.search(line):
        return line[:-1] + after
    return line + " " + after


def _cuts_sentences(lines: list[str], full: list[bool] | None) -> bool:
    """Do half or more of the filled lines that another line follows end inside a sentence (``_LINE_STOP``)?"""
    cuts = [
        not _LINE_STOP.search(line.rstrip()) for line, filled in zip(lines[:-1], full or (), strict=False) if filled
    ]
    return sum(cuts) * 2 >= len(cuts)


def _filled(lines: list[str]) -> list[bool] | None:
    """For each of ``lines``, would the next line's first word not have fitted on it (``WRAP_NARROW``)? None
    when fewer than ``WRAP_CUTS`` lines go on in a next line opening in lower case, or the width is too narrow."""
    pairs = [(len(line.rstrip()), after.split(maxsplit=1)) for line, after in itertools.pairwise(lines)]
    stops = any(_LINE_STOP.search(line.rstrip()) for line in lines)  # a script that ends its sentences with one
    cut = [
        length for (length, after), line in zip(pairs, lines, strict=False) if after and _goes_on(line, after[0], stops)
    ]
    if len(cut) < WRAP_CUTS or max(cut) < WRAP_NARROW:
        return None
    width = max(cut)
    return [bool(after) and length <= width < length + 1 + len(after[0]) for length, after in pairs]


def _goes_on(line: str, word: str, stops: bool) -> bool:
    """Does the sentence of ``line`` go on in the next line, opening with ``word``? It does when ``word`` is in
    lower case, or, in a script without case (Devanagari, Arabic, Han), a letter's word after a line that ends
    inside its sentence: there no capital tells a new sentence, only the full stop the line lacks. Only in a text
    whose lines end with full stops (``stops``): Thai or Lao end a sentence with a space, a paragraph with none; and
    only a line of words of that script, spaced (a Latin "Advertisement" between two paragraphs ends none of their
    sentences, and a Han line is one word to the greedy wrap's test)."""
    first = word[:1]
    if first.islower():
        return True
    line = line.rstrip()
    if not stops or " " not in line.strip() or _LINE_STOP.search(line):
        return False
    return _caseless_letter(first) and (_caseless_letter(line[-1]) or unicodedata.category(line[-1]) in ("Mn", "Mc"))


def _caseless_letter(char: str) -> bool:
    """Is ``char`` a letter of a script without case (Devanagari, Arabic, Han)?"""
    return char.isalpha() and char.lower() == char.upper()


# Invisible format characters (Unicode's category Cf) a CMS or an exporter puts into a text: a
# right-to-left mark after every number of an Arabic-script text, a byte-order mark, a word joiner,
# a soft hyphen, bidi embeddings. No reader sees them, and "14\u200f" is the number 14. The two
# joiners that choose a letter's form (ZWNJ and ZWJ: Persian, Indic scripts, emoji) are spelling, and stay
# there; after a letter of an alphabet that has no such forms ("Kab\u200dul") they are noise (``readable``).
@functools.cache
def _format_codes() -> list[int]:
    """The code points of format characters (Cf) up to U+1FFFF (``text.special_codes``) and among the tags
    (U+E0000-E007F), but the two joiners. Read on first use (``_formats``): 15 ms of Unicode tables."""
    tags = (code for code in range(0xE0000, 0xE0080) if unicodedata.category(chr(code)) == "Cf")
    return [code for code in itertools.chain(special_codes()[1], tags) if code not in (0x200C, 0x200D)]


@functools.cache
def _formats() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A search for any format character (``_format_codes``), and for those of the Basic Multilingual Plane
    alone: a class reaching past it is searched 10x slower, and a text without an astral character (most) is
    searched with that one."""
    codes = _format_codes()
    bmp = [code for code in codes if code <= 0xFFFF]
    return re.compile("[" + char_class(codes) + "]"), re.compile("[" + char_class(bmp) + "]")


def visible(text: str) -> str:
    """``text`` without its invisible format characters (``_format_codes``)."""
    if text.isascii():
        return text
    every, bmp = _formats()
    beyond = beyond_ascii(text)  # no format character is ASCII
    if not (bmp if in_bmp(beyond) else every).search(beyond):
        return text
    return every.sub("", text)


def __getattr__(name: str) -> object:
    """``_FORMAT_CODES``: the table ``_format_codes`` reads on first use, by the name it had when read at import."""
    if name == "_FORMAT_CODES":
        return _format_codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# A joiner after a letter of Latin, Greek, Cyrillic, Armenian, or of CJK and Hangul: no letter form there
# to choose, an exporter's or a keyboard's stray mark inside a word.
_JOINER_AFTER_PLAIN = "(?<=[\u0000-\u058f\u1e00-\u1fff\u3040-\u9fff\uac00-\ud7af])[\u200c\u200d]+"


def readable(text: str) -> str:
    """``text`` as a reader reads it: without invisible characters (``visible``, ``_JOINER_AFTER_PLAIN``),
    mojibake decoded again (``repaired``), compatibility forms as their letters (NFKC: full-width
    "ＫＡＢＵＬ", a decomposed "é", "ﬁ"), a word of lookalike letters of another alphabet in the text's own
    (``alphabets.lookalikes``), and a letter a script's keyboards write two ways in one form
    (``alphabets.sibling_letters``), a letter drawn as one stroke in one form (``alphabets.strokes``: "Г1ала"), and
    one drawn as two in one letter (``alphabets.letters_in_one``: "ьі" for "ы"), and a Latin letter a scan misread as
    a digit or a pair (``alphabets.latin_strokes``: "hospita1", "rnillion").
    Copies differ in all of these, and so would their names and numbers."""
    text = latin_strokes(repaired(visible(text)))
    if text.isascii():
        return text
    if "\u200c" in text or "\u200d" in text:
        text = compiled(_JOINER_AFTER_PLAIN).sub("", text)
    # normalize returns an NFKC text as it is, fast. "…" stays one character (NFKC writes three full
    # stops): a summary's last word before it is a fragment (``clean``), and a reader sees one sign. A spacing
    # acute "´" is an apostrophe typed without its key ("bo´lgan"): NFKC would make it a space and a mark.
    pieces = text.replace("\u00b4", "'").split("…")
    text = "…".join(unicodedata.normalize("NFKC", piece) for piece in pieces)
    if greek_or_cyrillic(text):  # a stroke is read only beside a Cyrillic letter: one scan, not a substitution
        text = letters_in_one(strokes(lookalikes(text)))
    return sibling_letters(text)


# Markup of plain-text formats printed as text: a Markdown export shown raw ("# Headline", "**lede**",
# "[three words](https://…)"), and a wiki's footnote markers ("…in 2023.[4]") with their list of sources
# ("4. https://…, retrieved 2024"). A reader skips the signs; the words are the story's, the sources not.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|/)[^()\s]{0,300}\)")
_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")  # glued to the word or sign before it (``_glued_mark``)
_EMPHASIS = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*|__(?=\S)([^_\n]+?)(?<=\S)__")
_HEADING = re.compile(r"(?:^|(?<=\n))#{1,6}[ \t]+")
# A short numbered or bulleted line holding a web address: a source in a list of them ("4. https://…"). A
# line whose marker is an arrow, a link sign or a small-web link ("=> gemini://… Headline", "→ https://…")
# and then the address is a link, whatever its label's length: the label is a headline, the story's or
# another's, never a sentence of the story.
_ADDRESS_LINE = re.compile(
    r"(?:\d{1,3}[.)]|\[\d{1,3}\]|[-•*]|(=>|[→⇒➜🔗]))[ \t]+([^\n]{0,40}?)\b[a-z][a-z0-9+.-]{1,15}://"
)
# A line that is a label, an arrow and a web address ("<headline> ➜ https://…"): a teaser's link to the story,
# the label its headline. A dash and a call of one to four words with a colon is the same link in words
# ("<headline> — continue: https://…", "… – weiterlesen: …"): a stub's pointer to the story, in any language.
# A sentence before the arrow (a full stop ends it: a headline has none) is text: it keeps its words, without
# the address. Bounded repeats of disjoint classes: linear, and the search starts near the last "://".
_LABELLED_ADDRESS = re.compile(
    r"[ \t]+(?:[→⇒➜➔➡🔗▸►▶»]|[—–-][ \t]*(?:[^\s:/]{1,20}(?:[ \t][^\s:/]{1,20}){0,3}:)?)"
    r"[ \t]*[a-z][a-z0-9+.-]{1,15}://\S+[ \t]*$"
)
LABELLED_ADDRESS_REACH = 100  # characters before the last "://" that the arrow or the call may start within
_FULL_STOP = re.compile(r"[.。।۔။][\"'”’»)]*(?:\s|$)")
LABEL_CHARS = 200
ADDRESS_LINE_WORDS = 12


def unmarked(text: str) -> str:
    """``text`` without the Markdown and footnote signs above, and without its short listed web addresses."""
    if "[" in text:
        text = _FOOTNOTE_MARK.sub(_glued_mark, _MARKDOWN_LINK.sub(r"\1", text))
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m[1] or m[2], text)
    if text.startswith("#") or "\n#" in text:
        text = _HEADING.sub("", text)
    if "://" in text:
        text = "\n".join(_unlinked(line) for line in text.split("\n") if not _listed_address(line))
    return text


def _unlinked(line: str) -> str:
    """``line`` without an arrow and a web address closing it; nothing of it when what precedes them is a label
    (a headline: at most ``LABEL_CHARS``, no full stop)."""
    found = (
        _LABELLED_ADDRESS.search(line, max(0, line.rfind("://") - LABELLED_ADDRESS_REACH)) if "://" in line else None
    )
    if found is None:
        return line
    label = line[: found.start()]
    return "" if len(label) <= LABEL_CHARS and not _FULL_STOP.search(label) else label


def bare_headline(headline: str) -> str:
    """``headline`` without a live blog's clock time before it and a short label after it (``_HEADLINE_STAMP``,
    ``_HEADLINE_LABEL``; shorter than what it follows): the words a copy's teaser and its original share,
    whatever page printed them."""
    if stamp := _HEADLINE_STAMP.match(headline):
        headline = headline[stamp.end() :]
    headline = unstamped(headline)  # a carrier's day stamp ("17/01 · "): ``carriers``
    if headline[:1] in "#[(" or headline[:1].isdigit():
        headline = _HEADLINE_ITEM.sub("", headline)
    label = _HEADLINE_LABEL.search(headline, max(0, len(headline) - 50))
    words = (label[1] or label[2] or "") if label else ""
    if label and len(words.split()) <= HEADLINE_LABEL_WORDS and label.start() > len(words):
        headline = headline[: label.start()]  # a label shorter than the headline it follows: "27.30 · <headline>" stays
    return headline


def _glued_mark(mark: re.Match[str]) -> str:
    """A footnote mark glued to what precedes it ("2023.[4]") goes; one set apart ("[4] Text") stays."""
    at = mark.start()
    return "" if at > 0 and not mark.string[at - 1].isspace() and mark.string[at - 1] != "[" else mark[0]


def _listed_address(line: str) -> bool:
    found = _ADDRESS_LINE.match(line) if "://" in line else None
    return found is not None and (len(line.split()) <= ADDRESS_LINE_WORDS or (found[1] is not None and not found[2]))


def clean(body: str) -> Cleaned:
    """``body`` without its wrapping, paragraphs on their own lines."""
    body = decoded(body)  # a mail archive's quoted-printable, an RTF export: the text they store
    if "&" in body and _ENTITY.search(body):
        body = html.unescape(body)  # escaped twice on the way: the parser decoded only once
    body = readable(body)
    if "<" in body and ">" in body:
        body = _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", body))
    text = unwrapped(unmarked(carried(body)))  # a carrier's format first: its lines are no story's (``carriers``)
    if not text.isascii():  # typographic quotes are not ASCII
        text = _ascii_quotes(text)
    if _GLUED_AT.search(text):
        text = _GLUED.sub("\n", text)
    flags = 0
    cut = _TRUNCATION.search(text) if _may_truncate(text) else None
    if cut and cut.start() > 0:
        text, flags = text[: cut.start()].rstrip(" \t\r\n.…"), TRUNCATED
    elif (tail := _TAIL_AFTER_ELLIPSIS.search(text, max(0, len(text) - 80))) and not tail.group().lstrip()[0].islower():
        text, flags = text[: tail.start()], TRUNCATED  # "… Lire la suite": the end, in any language
    if "/" in text and _PART.match(text):
        text = _parts_joined(text)
    text, headline = unframed(text)  # a social carrier's post around the story (``social``)
    raw_lines = text.splitlines()
    links = _may_be_links(text)  # once: a text without a separator has no line of links
    # A text whose characters fold one by one (``text.fold_is_local``: a line break and white space to
    # themselves, nothing else to one) is folded once, its lines the folds of its lines.
    folds = fold(text).splitlines() if fold_is_local(text) else None
    lines: list[str] = []
    for number, raw in enumerate(raw_lines):
        line = raw.strip()
        folded = fold(line) if folds is None else folds[number].strip()
        if not line or _WRAPPING_LINE.match(folded) or (_DATE_LINE.match(folded) and any(map(str.isdigit, line))):
            continue
        # "Home › News › Croatia", "Share: Facebook · X"
        if links and _may_be_links(line) and compiled(_LINKS_LINE).match(line):
            continue
        if len(raw_lines) > 1 and _aside(line, first=not lines):
            continue
        if lines and links and _related(line):
            continue  # "See also · <headline> · <headline>": the outlet's pointers to its other stories
        if len(raw_lines) > 1 and _filing_stamp(line):
            flags |= BYLINE  # "Filed by <Outlet> desk at 13:15": when and by whom it was carried, not the story
            continue
        if number == len(raw_lines) - 1 and lines and _ARROW_LINE.match(line):
            flags |= TRUNCATED  # "Continuer la lecture →": a link to the rest, not the story
            continue
        if not lines:  # wrapping opens the story: a note, credit, byline, then dateline
            following = next((rest.strip() for rest in raw_lines[number + 1 :] if rest.strip()), "")
            if (story := after_refresh_note(line)) is not None and (story or following):
                line, flags = story, flags | NOTE  # "UPDATED 10:52: This story has been updated …": the page's
                if not line:
                    continue
            if following and (_byline_line(line) or _note(line) or _above_dateline(line, following)):
                flags |= BYLINE
                continue
            if following and (_chrome(line) or _page_stamp(line) or _item_heading(line)):
                continue
            line, flags = _opening(line, flags)
            if not line:
                continue
        else:
            line = _pushed_down(line)
        lines.append(line)
    if len(lines) > 1 and (_chrome(lines[-1]) or _page_stamp(lines[-1])):
        lines.pop()
    if len(lines) > 1 and len(lines[-1].split()) <= CLOSING_CREDIT_WORDS and _CLOSING_CREDIT.match(lines[-1]):
        lines.pop()  # "(โดย ปิยะพร แสงทอง)", "(Xinhua)": who wrote or sent it, which each copy words its own way
        flags |= BYLINE
    if len(lines) == 1 and (quote := _quote_card(lines[0])):
        lines[0], flags = quote, flags | BYLINE  # who is quoted is the card's credit, not the story's names
    if lines and lines[-1].endswith(("…", "...")):
        # Cut mid-word: the last word is a fragment ("Muttaqi and pres…").
        lines[-1], flags = lines[-1].rstrip(" .…").rsplit(" ", 1)[0], flags | TRUNCATED
    return Cleaned("\n".join(lines), flags, headline)


# A message sent in parts (an SMS gateway's, a pager's): each part opens with its number of the whole, "1/3: ",
# "2/3: " … "3/3: ", and ends where the carrier's length ran out, often inside a sentence. The numbers are the
# carrier's, no figures of the story (they would read as facts the story lacks), and a sentence cut across two
# parts is one sentence. A number in brackets ("⟨1/2⟩ ", "[1/3] ", "(1/2) ") is a part's mark whatever follows: a
# feed's summary often holds the first part alone, the others cut (v54's pager briefs: "1/2" and "2" read as facts
# two briefs of one template shared). Bare, only when every part is there: "1/2 of the vote" is a fraction.
_PART = re.compile(r"(?P<open>[(\[⟨〈])?(\d{1,2})/(\d{1,2})(?(open)[)\]⟩〉]|[:.)]?)[ \t]+(?=\S)")


def _parts_joined(text: str) -> str:
    """``text`` without its parts' numbers when every line of it opens with one, 1/n to n/n in order (``_PART``),
    a part ending inside a sentence joined to the next; else ``text`` as it is."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = [_PART.match(line) for line in lines]
    if any(match is None or not _part_of(match, number, len(lines)) for number, match in enumerate(found, start=1)):
        return text
    out: list[str] = []
    ended = True  # did the part before end its sentence? (read of each part alone: of the joined line, 99 times)
    for line, match in zip(lines, found, strict=True):
        assert match is not None
        part = line[match.end() :]
        if ended:
            out.append(part)
        else:
            out[-1] += " " + part
        ended = _LINE_STOP.search(part) is not None
    return "\n".join(out)


def _part_of(match: re.Match[str], number: int, lines: int) -> bool:
    """Is ``match`` (``_PART``) the mark of part ``number`` of a message in parts whose text has ``lines`` lines?
    Every part there for a bare number; the first ones in order, of no more than the whole, for a bracketed one."""
    part, whole = int(match[2]), int(match[3])
    if match["open"]:
        return part == number and lines <= whole
    return (part, whole) == (number, lines) and lines >= 2


# A web address written in a text: a teaser's "⇢ https://…", a relay's "➜ https://…", "Read more: https://…".
_ADDRESS = re.compile(r"https?://[^\s<>\"'()\[\]{}]+")
ADDRESSES = 4  # a text pointing at more pages than this is a list of links (a digest's), no teaser of one
ADDRESSES_READ = 64  # addresses as written (tracking parameters, fragments still on) beyond which it is a list too


def address_hash(link: str) -> int:
    """The hash an entry's link and an address citing it share (both canonical: ``urls.canonical_link``)."""
    return zlib.crc32(link.encode("utf-8", "surrogatepass")) if link else 0


def addresses(body: str, own: str) -> tuple[int, ...]:
    """The hashes of the web addresses ``body`` writes, other than its entry's own link ``own``, in order; none
    when it writes more than ``ADDRESSES``, or more than ``ADDRESSES_READ`` as written."""
    if "://" not in body:
        return ()
    # Each made canonical once, and a few at most: a body's 200,000 characters (``parse._MAX_TEXT``) hold 16,000
    # addresses, at ~10 us each (0.15 CPU-s an entry before this bound, rv34).
    written = dict.fromkeys(address.rstrip(".,;:!?…") for address in _ADDRESS.findall(body))
    if len(written) > ADDRESSES_READ:
        return ()
    found: dict[str, None] = {}
    for address in written:
        link = canonical_link(address)
        if link != own:
            found[link] = None
            if len(found) > ADDRESSES:
                return ()
    return tuple(address_hash(link) for link in found if link)


def _ascii_quotes(text: str) -> str:
    """``text`` with each typographic quote its ASCII one (``_QUOTES``)."""
    for ascii_quote, quote in _QUOTES:
        text = text.replace(quote, ascii_quote)
    return text


def _aside(line: str, first: bool) -> bool:
    """Is this line a caption (``_CAPTION``) or, past the first, a labelled line that is not a sentence? Its words
    are counted only for a line with a character either needs (most lines have neither)."""
    caption = _may_be_caption(line)
    labelled = not first and _labelled(line)
    if not (caption or labelled):
        return False
    words = len(line.split())
    if caption and words <= CAPTION_WORDS and _CAPTION.search(line):
        return True
    if labelled and words <= CREDIT_LINE_WORDS and not any(char.isdigit() for char in line):
        return True  # "Фото: Усть-Абакан.", "Picture: Reuters.": a label and a name, its full stop no sentence's
    return labelled and words <= LABELLED_WORDS and not _SENTENCE_ENDS.search(line)


# Page chrome: a line of a few words with no digit and no sentence end, first or last, read off the
# page with the story ("Skip to content" / "Back to top" of a text-only edition, "Ir al contenido", a
# language switcher of two languages, a lone "Advertisement", a counter of comments beside its icon).
# No story opens or ends with one; a dateline alone on its line is the opening's, and goes with its
# flag (``_opening``). A line with a capitalised word after its first names someone ("Source: Ararat
# Lur"), and one in a script without capitals cannot show it: neither is taken for chrome.
CHROME_WORDS = 4
# A page's advertising labels: a lone one is chrome by its shape; one glued before a credit ("Advertisement By Ann
# Lee, Desk …") is an app's line, no lede's words (``shingles.credit_end``).
ADVERTISING_LABELS = ("Advertisement", "ADVERTISEMENT", "Anzeige", "Publicité", "Publicidad", "Pubblicità", "Реклама",
                      "Sponsored")  # fmt: skip
# A closing line wholly in brackets, a few words with no digit and no sentence end: a credit.
_CLOSING_CREDIT = re.compile(r"^[(（][^()（）\d\n.!?。！？]{2,60}[)）]$")
CLOSING_CREDIT_WORDS = 6
# A text that is one quotation and its source after a dash, a few words each starting with a capital or in a
# script without capitals (``_named``), no sentence end ('"The hall opens on Monday." — Valley Post', '「…」— 但馬新聞',
# the outlet's name and a date): a quote card of a story's lede credited to the outlet that printed it. Reported
# speech runs on in lower case or ends its sentence ('"We will rebuild" — said the mayor.'), a quote inside a sentence
# has words before it, and a story's closing pull quote keeps its speaker (a name of the story): only a card alone is
# read so. Typographic quotes are ASCII here (``_ascii_quotes``); corner brackets are East Asian quotation marks.
_ATTRIBUTED_QUOTE = re.compile(
    r'^(?:"(?P<quote>[^"\n]{8,})"|「(?P<corner>[^「」\n]{8,})」|『(?P<double>[^『』\n]{8,})』)'
    r'\s*[—–-]\s*(?P<source>[^\W\d_][^"\n]{0,80})$'
)
CARD_CREDIT_WORDS = 10
CARD_LINK_CHARS = 3  # a lower-case word this short in a credit links names: de, la, of, van, al
CHROME_CHARS = 32
# A page's stamp, first or last: items apart by a separator, one a date with its year, no sentence end ("E-paper ·
# Outlet · page 2 · 17.10.2026", "Printed from example.org · 11.10.2026 06:40"). The print edition or print view
# that carried the copy dated its page: the page number and the day it was printed are no facts of the story.
_PAGE_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?!\d)")
STAMP_WORDS = 12
STAMP_LABEL_WORDS = 6  # a dated stamp's label (``_DATED_STAMP``)
STAMP_CHARS = 80  # and where its day stands, at most


# A page's dated stamp opening the text: a label of a few words, then a day with its year and a clock time ("Dernière
# mise à jour 27.07.2032 13:46", "Обновлено 12.07.2032 08:50", a label in a language nobody listed), on a line of its
# own or before the story's first word, capitalised (its dateline, its lede). When the page was posted or changed (the
# entry's own publication time), written by the carrier in its words: no word or figure of the story, and two of the
# carrier's copies sharing it looked like a round-up quoting both. A sentence telling a day and a time runs on after
# them, in lower case or after a comma ("Le 27.07.2032 à 13:46, un …"). A label's word is letters and marks.
_DATED_STAMP = re.compile(
    rf"(?:[^\W\d_][^\s\d]*[ \t]+){{1,{STAMP_LABEL_WORDS}}}(?:{_PAGE_DATE.pattern})[ \t,T]+(?:[^\W\d_]{{1,2}}[ \t]+)?"
    r"(?:[01]?\d|2[0-3])[:.hH][0-5]\d(?![\d:])(?:[ \t]*[A-Z]{2,4}\b)?[ \t]*[|·•–—-]?[ \t]*"
)


def _undated(line: str) -> str | None:
    """``line`` (a text's first) without the dated stamp opening it (above): "" when it is all the line, the rest
    when a capitalised word follows; None when it opens with no such stamp."""
    if not any(char.isdigit() for char in line[:STAMP_CHARS]) or (stamp := _DATED_STAMP.match(line)) is None:
        return None
    rest = line[stamp.end() :]
    return rest if not rest or (rest[0].isalpha() and not rest[0].islower()) else None


def _quote_card(line: str) -> str | None:
    """The quoted words of a text's one line that is a quotation and its source (``_ATTRIBUTED_QUOTE``), else None:
    without their quotation marks, which are the card's (its lede opens a sentence)."""
    if line[:1] not in '"「『' or (found := _ATTRIBUTED_QUOTE.match(line)) is None:
        return None
    source = found["source"]
    if len(source.split()) > CARD_CREDIT_WORDS or _SENTENCE_ENDS.search(source) or not _named(source):
        return None
    return found["quote"] or found["corner"] or found["double"]


def _named(source: str) -> bool:
    """Is a card's source a name or a date, as a credit is ("Valley Post, 3 March", "Radio de la Costa")? Each
    word opens with a capital, a digit or a letter without case, or is a short link word ("de", "of"): news
    after a quote ('"Stay indoors" - Police warn residents after a leak') runs on in lower case, and is text."""
    return all(
        word[0].isupper() or word[0].isdigit() or word[0].lower() == word[0].upper() or len(word) <= CARD_LINK_CHARS
        for word in source.split()
    )


def _chrome(line: str) -> bool:
    """Is this first or last line page chrome (above), not story text? A counter beside its icon
    ("💬 12", "👁 1 204 views") is chrome too: its number counts readers, not the story's facts."""
    words = line.split()
    if len(line) > CHROME_CHARS or len(words) > CHROME_WORDS or _SENTENCE_ENDS.search(line):
        return False
    if unicodedata.category(line[0]) == "So":
        return True
    if not line[0].isalpha() or line[0].lower() == line[0].upper() or any(w[0].isupper() for w in words[1:]):
        return False  # a caseless script, or a name inside: a credit ("Source: Ararat Lur"), not chrome
    return not _NOT_STORY_LINE.search(line) and not dateline_pattern().match(line)


def _page_stamp(line: str) -> bool:
    """Is this first or last line a page's stamp (``_PAGE_DATE``), not story text? Its separator is looked for
    first: most lines have none."""
    return (
        any(separator in line for separator in ITEM_SEPARATORS)
        and len(line.split()) <= STAMP_WORDS
        and not _SENTENCE_ENDS.search(line)
        and _PAGE_DATE.search(line) is not None
    )


# A digest's item heading on top: the item's number in the issue and the story's headline ("6. New school
# building opens"), no sentence end. The story follows under it, dateline first; the number counts the
# issue's items, no fact of the story. A day ("9. Oktober 2026") is no item's number.
_ITEM_HEADING = re.compile(r"^\d{1,2}[.)]\s+\S")
ITEM_WORDS = 16


# A carrier's filing stamp on a line of its own, anywhere in a text of several lines: who filed or posted the copy
# and when, a few words ending in a clock time (maybe with its zone or half of the day), no sentence end ("Filed by
# Relay Desk at 13:15", "Posted by the Night Desk 07:45 GMT"). A carrier writes it in its own language over a brief
# in any script, so in a short brief its words and its time weigh as much as the brief's own. A story's sentence
# telling a time ends with its full stop, and a fact row names no one ("Doors open 19:30", "Polls close at 20:00"):
# a stamp names its desk or outlet, a capitalised word after its first.
_FILING_STAMP = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?$")
FILING_STAMP_WORDS = 10
FILING_STAMP_FEWEST = 4  # who and when: "Filed by <Desk> at 13:15", "Posted by <Desk> 07:45"


def _filing_stamp(line: str) -> bool:
    """Is this line a carrier's filing stamp (above): ``FILING_STAMP_FEWEST`` to ``FILING_STAMP_WORDS`` words ending
    in a clock time, a capitalised name among the words before it, no sentence end? Looked for only on a line with a
    colon (most lines have none)."""
    if ":" not in line or _SENTENCE_ENDS.search(line) or (stamp := _FILING_STAMP.search(line)) is None:
        return False
    words = line[: stamp.start()].split()
    if not FILING_STAMP_FEWEST - 1 <= len(words) < FILING_STAMP_WORDS or not words[0][:1].isalpha():
        return False
    return any(word[:1].isupper() for word in words[1:])


def _item_heading(line: str) -> bool:
    """Is this first line (more text follows) a digest's item heading (above), not story text?"""
    return (
        _ITEM_HEADING.match(line) is not None
        and len(line.split()) <= ITEM_WORDS
        and not _SENTENCE_ENDS.search(line)
        and not names_day(line)
    )


def _note(line: str) -> bool:
    """Is this first line (more text follows) a short labelled note, not the story's first sentence?
    "Editor's note: This story has been updated.", "Nota de la redacción: …", "Autor: Ewa Zalewska,
    Agencja …", "編集部注：…". A dateline ("KABUL: …", "Kabul, Dec 2 (Wire):") is the story's, and so
    is a first sentence of more than ``NOTE_WORDS`` words."""
    if len(line.split()) > NOTE_WORDS or not _labelled(line):
        return False
    dateline = dateline_pattern().match(line)
    return not (dateline and _is_dateline(dateline))


def _above_dateline(line: str, following: str) -> bool:
    """Is this short first line, with no sentence end, above a line that opens with a dateline (a place
    and its agency, or a place in capitals)? The story starts at its dateline: a line above it is a
    credit in a language whose credit word nobody listed ("Autors Ilze Ozoliņa", "Сурвалжлагч Б.
    Сарангэрэл"), or the outlet's own ("🔊 Listen to this article (3 min)"), never the story."""
    if len(line.split()) > ABOVE_WORDS or _SENTENCE_ENDS.search(line):
        return False
    found = dateline_pattern().match(following)
    return bool(found and found.group("place") and (found.group("agency") or found.group("place").isupper()))


def opening(line: str) -> str:
    """``line`` read as a text's first line: without a leading stamp, credit, byline and dateline (``_opening``)."""
    return _opening(line, 0)[0]


def _opening(line: str, flags: int) -> tuple[str, int]:
    """The first line without a leading credit, byline and dateline, and the flags of what went."""
    if (undated := _undated(line)) is not None:  # "Dernière mise à jour 27.07.2032 13:46": the page's
        line = undated
    elif stamp := _STAMP.match(line):  # "Updated 17:32 GMT": when the page changed, not the story
        line = line[stamp.end() :]
    credit = _CREDIT.match(line)
    if credit:
        line, flags = line[_credit_end(line, credit.end()) :], flags | BYLINE
    byline = compiled(_BYLINE).match(line)
    if byline and len(byline.group().split()) <= 14:
        rest = line[byline.end() :]
        desk = byline.group().partition("|")[2]
        if not rest.strip() and (len(desk.split()) > 3 or _SENTENCE_ENDS.search(desk)):
            # "By Olga Renn | Desk A court ruled.", "… | Desk Talks resumed.": the lazy desk ran on to
            # the story's full stop (a desk has none); a desk is a few words, so the story starts within them.
            line = _after_desk(desk)
        elif byline.group().rstrip().endswith("|"):  # "By Olga Ramos | Technology Desk A court…": glued too
            line = _after_desk(rest)
        else:
            line = rest.lstrip(" |:.-–—")
        flags |= BYLINE
    elif (inline := _inline_byline(line)) is not None or (inline := _credit_then_dateline(line)) is not None:
        line, flags = inline, flags | BYLINE
    dateline = dateline_pattern().match(line)
    if dateline and _is_dateline(dateline):
        line, flags = line[dateline.end() :], flags | DATELINE
    return line, flags


def _pushed_down(line: str) -> str:
    """de88: a later paragraph without the dateline it opens with. A desk's update puts its new paragraph (the new
    count, a quote) on top of the story it filed, and the lede below keeps its dateline: there it is wrapping as at
    the top, and the lede read with it is no sentence of the story's (its place and agency read as new names). Only a
    dateline sure of its shape goes: its agency, or its place in capitals ("Kabul: the talks…" is a sentence)."""
    found = dateline_pattern().match(line)
    if found is None or found.group("place") is None:
        return line
    return line[found.end() :] if found.group("agency") is not None or found.group("place").isupper() else line


def _credit_end(line: str, end: int) -> int:
    """Where an "Authored by … via <outlet>," credit ends: at ``end``, or before the dateline it ran into.
    Glued to the dateline with no mark ("… via Gull Digest TORVIK, May 4 (Harbour Wire) –"), the outlet
    runs on to the dateline's comma and takes its place: the credit then ends at the first word after
    "via"'s outlet that opens a dateline, a place in capitals or one word with an agency."""
    start = line.lower().find(" via ", 0, end) + len(" via ")
    while (start := line.find(" ", start, end) + 1) > 0:
        found = dateline_pattern().match(line[start:])
        if found is None or not (place := found.group("place")):
            continue
        if place.isupper() or (found.group("agency") and len(place.split()) == 1):
            return start
    return end


def _byline_line(line: str) -> bool:
    """Is this first line (more text follows) only a credit: "Par Camille Durand, Agence Hexagone Presse",
    "Ирина Соколова | Отдел новостей", "Escrito por Carla Ruiz vía El Diario del Sur,"? A short line
    with no digit and no sentence end, opening with a credit word or a name set off from a desk
    (or a label from a name by a spaced dash: "Autor – Jan Nowak")."""
    words = line.rstrip(",").split()
    if _NOT_STORY_LINE.search(line.rstrip(",")) or not words:
        return False
    if _CREDIT_WORD.match(line):
        return len(words) <= 12
    return len(words) <= 7 and (_NAME_THEN_DESK.match(line) or _DASHED_CREDIT.match(line)) is not None


def _inline_byline(line: str) -> str | None:
    """The line without a leading "[credit word] Name | Desk" glued to the story's first words
    ("Ирина Соколова | Отдел новостей Рекордный снегопад…"), or None. The desk is taken as at
    most three words, ending before a word in capitals (a dateline); in a script written without
    spaces, one run. A word of the story may go with it: one shingle, never a name of the byline."""
    bar = line.find("|", 0, 80)
    if bar <= 0 or len(line[:bar].split()) > 5 or _NOT_STORY_LINE.search(line[:bar]):
        return None
    if not (_CREDIT_WORD.match(line) or _NAME_THEN_DESK.match(line)):
        return None
    return _after_desk(line[bar + 1 :]) or None


def _credit_then_dateline(line: str) -> str | None:
    """The line from its dateline on, when what comes before it is a credit in any language: a credit
    word and a name, or a name set off from a desk ("Par Claire Vasseur, service Monde ÉPINAL (DRh) -",
    "Автор: Илья Гречко НОВОСИБИРСК, 2 декабря. /СИБ/.", "Ana Ruiz / Mesa de Cierre — MADRID, 2 dic
    (Meseta).–"; a one-word label is a credit word: "Autor: Ewa Zalewska WARSZAWA (PAP) –"), at most
    ``CREDIT_WORDS`` words with no digit or sentence end; else None. A dateline here has an agency, or
    after a credit word a place in capitals: a capitalised word is not enough; after a name and a desk
    (no credit word: "Ann Lee, in TOKYO - said") it has its agency."""
    credited = _CREDIT_WORD.match(line) is not None or _CREDIT_LABEL.match(line) is not None
    if not (credited or _NAME_THEN_DESK.match(line)):
        return None
    start = 0
    for _ in range(CREDIT_WORDS):
        start = line.find(" ", start) + 1
        if start <= 0 or _NOT_STORY_LINE.search(line, 0, start):
            return None
        rest = line[start:].lstrip()
        found = dateline_pattern().match(rest)
        if found and found.group("place") and (found.group("agency") or (credited and found.group("place").isupper())):
            return rest
    return None


def _after_desk(text: str) -> str:
    """``text`` without the desk that opens it (see ``_inline_byline``), or as it is if on a line of its own."""
    words = [w for w in text.split(" ") if w]
    if not words:
        return ""
    if "\n" in " ".join(words[:4]):
        return text.split("\n", 1)[1].lstrip() if "\n" in text else ""
    take = 1 if without_spaces(words[0][0]) else 0
    while not take and len(words) > 0:
        for i, word in enumerate(words[:4]):
            if i == 3 or (i > 0 and (_capitals(word) or _opens_sentence(words, i))):
                take = i
                break
        else:
            take = len(words)
    return " ".join(words[take:])


def _capitals(word: str) -> bool:
    """A word in capitals: a dateline's place ("KABUL")."""
    return len(word) > 1 and word.isupper()


def _opens_sentence(words: list[str], i: int) -> bool:
    """Word ``i`` is capitalised and the next one is not: a sentence's first word ("Talks on…",
    "A court…"), where a desk's words run on capitalised ("Technology Desk") or, in languages that
    write them lower case, start with the only capital ("Отдел новостей")."""
    return i + 1 < len(words) and words[i][:1].isupper() and words[i + 1][:1].islower()


def _is_dateline(found: re.Match[str]) -> bool:
    """A place in capitals, or a place with a date or an agency: not a sentence's first words."""
    place = found.group("place")
    if place is None:  # 【ワシントン共同】, [Kabul]
        return True
    return place.isupper() or found.group("date") is not None or found.group("agency") is not None


# US and UK spellings, folded to one form per word (the form is a key, not a spelling).
_SPELLING = [
    (re.compile(r"(?<=\w{3})(?:is|iz)(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{2})(?:ys|yz)(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ful)?$"), r"or\1"),
    (re.compile(r"^(def|off|lic|pret)en[cs](e|es)$"), r"\1ens\2"),
    (re.compile(r"(?<=\w{3})og(?:ue)?(s)?$"), r"og\1"),
    (re.compile(r"(?<=\w{2}[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=\w{2})tre(s)?$"), r"ter\1"),
]
_NOT_SPELLING = frozenset(
    "hour hours four tour tours your yours pour sour flour detour contour devour".split()  # noqa: SIM905
)
_SPELLINGS: dict[str, str] = {}


def spelling(word: str) -> str:
    """``word`` with its US/UK spelling folded (-ise/-ize, -yse/-yze, -our/-or, -ence/-ense,
    -ogue/-og, doubled l, -tre/-ter); remembered, since news repeats its words."""
    found = _SPELLINGS.get(word)
    if found is not None:
        return found
    folded = word
    if len(word) >= 5 and word.isascii() and word not in _NOT_SPELLING:
        for pattern, replacement in _SPELLING:
            folded = pattern.sub(replacement, folded)
    if len(_SPELLINGS) > 1 << 16:
        _SPELLINGS.clear()
    _SPELLINGS[word] = folded
    return folded
