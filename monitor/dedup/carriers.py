"""A carrier's format around a brief's lines: recognised by its shape and removed. Pure.

A carrier re-carries a short brief in a format of its own, line by line: a feature phone's menu screen
numbers each paragraph ("1> …", "2> …") and ends with its back key ("0> Back"); a caption file puts a cue
number and a timing line ("00:00:05,000 --> 00:00:10,000") before each block, and a feed that flattens the
file into one summary line keeps them inline; an audio app opens with a play badge ("▶ Listen · 0:42"), a
list feed closes with a scan code or a reference note ("▦ Scan: https://…", "[1] <Outlet>, 2029-01-17"); a
timeline dates the headline ("17/01 · …"); a transcript opens each line with a time code ("[00:12] "); a ticker
or a pager runs the blocks into one line ("… today. +++ The mayor …", "… today. / The mayor …").
None of it is the story's: its numbers are no facts of it, and two copies on one carrier sharing it would look
alike whatever stories they carry. What is left is the original's words in order, which is what a copy
is judged by. ``carried`` is called from ``clean.clean`` on the lines of the text before its own reading.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from monitor.dedup.scan import STOPS

# A caption cue's timing, SubRip ("00:00:05,000 --> 00:00:10,000") or WebVTT ("00:05.000 --> 00:10.000"),
# with the cue's number before it: on lines of their own or run into one line with the cue's text.
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d\d[,.]\d{1,3}"
_CUE = re.compile(rf"(?:(?<=\s)|^)(?:\d{{1,5}}[ \t\n]+)?{_TIME}[ \t]*-->[ \t]*{_TIME}[ \t]*")
# A menu's item: its number and a sign ("1> ", "2) ", "3. ", "4] "), a paragraph an item. A number and ">", a
# keycap or a circled number ("3️⃣ ", "❶ ") open no sentence: one such line is an item. The other signs open a
# list's lines in a story too ("1. FC Köln" opens a name): those are items only where two or more number up one by
# one, or where items 1 to n end with item 0 (a menu's back key). A number and a space alone ("1 …", "0 Back": a
# circled number as NFKC reads it, ``clean.readable``) is an item only in that last shape.
_CIRCLED = "\u24f5-\u24fe\u2776-\u2793"  # those NFKC keeps
_ITEM = re.compile(
    rf"^(?:(?P<number>\d{{1,2}})[ \t]?(?P<sign>[>).\]])?|(?P<key>\d)\ufe0f?\u20e3|(?P<circled>[{_CIRCLED}]))"
    r"[ \t]+(?=\S)"
)
# A line that may be an item (few do), searched in the text after a line break (a search opening with a character
# skips ahead in C; one opening with "^" or a lookbehind tries every character): it spares the others a match each.
_MAY_NUMBER = re.compile(rf"\n[ \t]*(?:\d{{1,2}}[ \t]?[>).\]]?[ \t]|\d\ufe0f?\u20e3|[{_CIRCLED}])")
# A flattened menu's next item, inside a line ("… दइ। 3> …"): only the ">" sign, which no sentence writes.
_INLINE_ITEM = re.compile(r"(?<=\S)[ \t]+(?=\d{1,2}>[ \t])")
_INLINE_ITEM_AT = re.compile(r"\d>[ \t]")  # where one may be: _INLINE_ITEM's lookbehind is tried everywhere
BACK_WORDS = 3  # a menu's item 0 last, a word or three without a digit: its back key, not a paragraph
_NO_WORD = re.compile(r"^[\W_]*$")
# A badge or a footer: a first or last line opening with a sign (a symbol, or a reference number in brackets),
# a few words and no sentence end: what the carrier adds about the copy (how long it plays, where to scan it,
# which outlet printed it on which day). A sign opening several lines is their bullet: those lines are text.
_REFERENCE = re.compile(r"^\[\d{1,3}\][ \t]")
_SENTENCE_END = re.compile(rf"[{STOPS}]['\"»”’)]*$")
BADGE_WORDS = 8
# A code opening a line, in brackets: an audio transcript's or a chat log's time code ("[00:12] ", "[10:42] ",
# a caption log's "<00:00:04> "), a part's number ("(1/3) "). When in the recording or the thread the line came,
# or which part it is.
_CODE = r"[ \t]*[\[(<](?:(?:\d{1,2}:)?\d{1,2}:\d\d(?:[.,]\d{1,3})?|\d{1,2}/\d{1,2})[\])>][ \t]+(?=\S)"
_LINE_CODE, _LINE_CODES = re.compile(_CODE), re.compile(rf"\n{_CODE}")  # one line's; those of a text after a break
# Blocks run into one line by a sign after a sentence's full stop ("… today. +++ The mayor …", "… खर्च यात। | …", a
# pager's " / "), or a ticker's sign opening and closing it ("+++ … +++"): each block a line again, as its original
# prints it, so the word opening the next one opens a sentence (no name) and the sign is no word. Not a dash, nor
# after a quotation: '"<headline>" — <news>' cites a headline in a sentence (``compare.citing``). Nor a middle dot or
# a bullet, which part a row's items ("Prices · rice rose. · wheat fell": ``clean._related``).
# Opening with the sign and looking behind at the full stop and the space before it (a fixed width), the search skips
# ahead in C to each sign; opening with the full stop, it stopped at each one (twice the time).
_RUN_ON = re.compile(rf"[+|/◾▪](?<=[{STOPS}][ \t].)\+*[ \t]+(?=\S)")
# Spaces opening at a run's first one: a search trying each space of a long run would read the rest of it again
# from each (seconds for a run of thousands); the leftmost match opens there anyway, so nothing else changes.
_SPACES = r"(?<![ \t])[ \t]+"
_TICKER = re.compile(rf"^[ \t]*\+{{2,}}[ \t]+|{_SPACES}\+{{2,}}[ \t]*$", re.M)
# A scrolling screen's or a ticker's run of plus signs, asterisks or slashes between spaces ("RUNDOWN 5 · READ 0:17
# +++  The market …", "… *** …", "… /// …") parts its blocks wherever it stands: no sentence writes one (a grade
# "A+++", "C++", an address's "//" have no space before), so after a block with no full stop too (a cue, a page
# header, a pronouncer run in before the lede) it is a break.
_SCROLL = re.compile(rf"{_SPACES}(?:\+{{2,}}|\*{{2,}}|/{{3,}})[ \t]+(?=\S)")
# A post's forwarding before its first line: "RT @desk: ", "@desk: ". Who passed it on, not the story's names.
_FORWARDED = re.compile(r"^(?:RT[ \t]+@\w{1,30}:?|@\w{1,30}:)[ \t]+(?=\S)")
# A day stamp before a headline or a text, set off by a sign: "17/01 · ", "08.01.2029 14:05 | ", "2029-01-08 – ".
# When the carrier posted it (in its own zone), not the story: a day and month in figures, a year and a clock
# time after it if any. "3-2 – …" (a score) is no stamp: a dash parts a day only from a year's digits.
_DAY = r"(?:(?:[0-2]?\d|3[01])[./](?:0?[1-9]|1[0-2])(?:[./](?:\d\d){1,2})?\.?|(?:19|20)\d\d-[01]\d-[0-3]\d)"
_DAY_STAMP = re.compile(rf"^{_DAY}(?:[ ,T]+[0-2]?\d[:.][0-5]\d)?[ \t]*[|·•▸►▶▹→›»–—-][ \t]+(?=\S)")

# A line-numbered file's gutter: each line opens with its number in the file and a bar or a colon ("0001 | …",
# "0002 | …"), a transcript's, a translation memory's or a plain-text export's. The numbers count the file's lines,
# no figures of the story (read as facts, four of them outweighed a brief's own), and each sentence they open is
# another to a hash. A gutter counts up by one from its first line, which is line one or padded with zeros ("0042"):
# a story's timeline ("2029: …", "2030: …") counts its years from a year.
# A stenotype's or a court transcript's gutter parts its numbers from the text by spaces alone ("  1  SP1: …",
# "  2  …"; a feed folds the column to one space): then every line of text opens with its number (``_ungutted``),
# as no story's lines do ("12 schools closed …" opens one sentence, not each line, counting up from one).
_GUTTER = re.compile(r"[ \t]*(\d{1,5})[ \t]*[|│¦:][ \t]+(?=\S)")
_COLUMN = re.compile(r"[ \t]*(\d{1,5})[ \t]+(?=\S)")
_MAY_GUTTER = re.compile(r"\n[ \t]*\d{1,5}[ \t]*(?:[|│¦:][ \t]|[ \t]\S)")
COLUMN_LINES = 3  # a gutter of spaces alone numbers this many lines or more
# An e-book's footnote mark: a figure or two glued to a word's end, before a space or a sign (``_unnoted``).
_NOTE_MARK = re.compile(r"(?<!\d)\d{1,2}(?![\w])")
NOTE_MARKS = 2  # marks numbering this many notes or more
# A digit right after a letter (``[^\W\d_]`` holds every ``str.isalpha`` character): where a glued mark may be.
# Digit first, the letter looked behind: ~4x faster a scan than the letter's negated class first.
_LETTER_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)")
# A transcript's speaker: a role or a name in capitals and a colon opening two lines or more ("ANCHOR: …",
# "CORRESPONDENT: …", "Q: …"), or a stenotype's numbered role ("SP1: …", "SP2: …": its speakers in turn).
# Who reads the line on air, no name of the story, which its original prints without.
# One line so labelled is a dateline ("KABUL: …") or a kicker ("UPDATE: …"), the opening's (``clean._opening``).
_SPEAKER = re.compile(r"[ \t]*([^\W\d_]+\d{0,2}(?:[ \t][^\W\d_]+){0,2}):[ \t]+(?=\S)")
_MAY_SPEAKER = re.compile(r"\n[ \t]*[^\W\d_]+\d{0,2}(?:[ \t][^\W\d_]+){0,2}:[ \t]")
SPEAKER_LINES = 2
# A printed page's furniture run in with its text: a folio ("— 3 —", "- 12 -", "3"), a number alone between signs,
# and a jump line in brackets ("(Continued on page 4)", "(Окончание на 4-й стр.)"), a few words and the page's
# number. Where the page ends or goes on, no figure or sentence of the story. A bracketed line of more words, or of
# no number, is the story's aside or its closing credit (``clean._CLOSING_CREDIT``).
_FOLIO = re.compile(r"[ \t]*[^\w\n]{0,3}[ \t]*\d{1,3}[ \t]*[^\w\n]{0,3}[ \t]*")
_JUMP = re.compile(r"[ \t]*[(\[][^()\[\]\d\n]{0,40}\d{1,3}[^()\[\]\d\n]{0,40}[)\]][ \t]*")
_MAY_FURNITURE = re.compile(r"\n[^\w\n]{0,5}\d{1,3}[^\w\n]{0,5}(?:\n|$)|\n[ \t]*[(\[][^\n]{0,80}[)\]][ \t]*(?:\n|$)")
JUMP_WORDS = 6

# A meter on top: a label of a word to three and a colon over a figure and its unit ("Reading time: 4 min",
# "Lesezeit: 3 Min.", "Length: 0:42 min"), on a line of its own or run into the lede by a feed that joins lines: how
# long the copy reads or plays, what the carrier says about it, like a badge. Only before a capital (the lede or its
# dateline). Run into the lede under a one-word label, the unit is only as short as a unit's sign or an abbreviation
# ("s", "km", "min", "Min."): "Gaza: 40 killed Sunday in …", "Update: 3 dead Kenyans were …" and "Toll: 12 dead.
# Rescuers …" are a lede's words (a kicker), and their figure tells a next day's story apart. A unit word
# ("Minuten", "minutes") with a line break after it, or under a label of several words, which names what is
# measured ("Reading time", "Okuma süresi") as a kicker does not. Its figure would be a number the original
# lacks, and the word after it, read inside a sentence, a name.
_METER = re.compile(
    r"^[ \t]*(?P<several>(?:[^\W\d_]+[ \t]+){1,2})?[^\W\d_]+:[ \t]+\d{1,3}(?:[.,:]\d{1,2})?[ \t]*"
    r"(?:[^\W\d_]{1,3}\.?\s+|[^\W\d_]{4,8}(?(several)\s+|[ \t]*\n\s*))(?=[^\W\d_])"
)
METER_HEAD = 40  # characters: a meter's colon stands in the first of them


def carried(text: str) -> str:
    """``text`` without its carrier's format: caption cues, blocks run into a line parted again, a meter or a badge on
    top and a footer at the end, transcript codes, a day stamp or a forwarding before the first line, menu numbers
    and the back key (above). Blank lines stay (they part paragraphs); a text with none of the signs comes back
    as it is, after a scan or two (most texts)."""
    if "-->" in text:
        text = _CUE.sub("\n", text)
    if ">" in text and _INLINE_ITEM_AT.search(text):
        text = _INLINE_ITEM.sub("\n", text)
    if "++" in text:
        text = _TICKER.sub("", text)
    if "++" in text or "**" in text or "///" in text:
        text = _SCROLL.sub("\n", text)
    text = _unnoted(_run_on_parted(text))
    if ":" in text[:METER_HEAD] and (meter := _METER.match(text)) and text[meter.end()].isupper():
        text = text[meter.end() :]
    opened = "\n" + text  # each line after a line break, for the searches that open with one
    codes = ("[" in text or "(" in text or "<" in text) and len(_LINE_CODES.findall(opened)) > 1
    numbered = _MAY_NUMBER.search(opened) is not None
    gutter, furniture = _MAY_GUTTER.search(opened) is not None, _MAY_FURNITURE.search(opened) is not None
    # A gutter's numbers stand before the speakers' labels ("0004 | CORRESPONDENT: …"): those lines are read again.
    speakers = ":" in text and (gutter or len(_MAY_SPEAKER.findall(opened)) >= SPEAKER_LINES)
    if not (codes or numbered or gutter or speakers or furniture or _may_wrap(text.strip())):
        return text  # most texts: no line opens with a carrier's sign
    lines = text.split("\n")
    if gutter:
        lines = _ungutted(lines)
    if speakers:
        lines = _unspoken(lines)
    if furniture:
        lines = [line for line in lines if not _furniture(line)]
    top, end = _full(lines, 0, 1), _full(lines, len(lines) - 1, -1)
    while top < end and _badge(lines[top], lines):
        lines[top], top = "", _full(lines, top + 1, 1)
    while top < end and _badge(lines[end], lines):
        lines[end], end = "", _full(lines, end - 1, -1)
    if codes:  # opening two lines or more: a transcript's (one opening the first line alone is ``clean._opening``'s)
        lines = [line[code.end() :] if (code := _LINE_CODE.match(line)) else line for line in lines]
    if top >= 0:
        first = unstamped(lines[top])
        lines[top] = _FORWARDED.sub("", first) if "@" in first else first
    if numbered:
        lines = _unnumbered(lines)
    return "\n".join(lines)


def _run_on_parted(text: str) -> str:
    """``text`` with each line that runs blocks on by a sign after a full stop (``_RUN_ON``) parted at every one of
    that sign between spaces: the carrier ran all its blocks on by it, a cue or a page header with no full stop
    before the lede too ("P311  PLATFORM  09/01 13:34 / Lede … today. / The mayor …")."""
    if _RUN_ON.search(text) is None:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        signs = {found[0][0] for found in _RUN_ON.finditer(line)}
        if signs:
            lines[number] = re.sub(rf"{_SPACES}[{re.escape(''.join(signs))}]+[ \t]+(?=\S)", "\n", line)
    return "\n".join(lines)


def _may_wrap(text: str) -> bool:
    """May the first or last line of ``text`` (stripped) be a badge, a footer, a day stamp or a forwarding: does
    either open with something other than a letter, or the first with "RT"?"""
    last = text[text.rfind("\n") + 1 :]
    return not (text[:1].isalpha() and last[:1].isalpha()) or text.startswith("RT")


def _full(lines: list[str], at: int, step: int) -> int:
    """The first line from ``at`` on, going by ``step``, that is not blank; -1 for none."""
    while 0 <= at < len(lines):
        if lines[at].strip():
            return at
        at += step
    return -1


def unstamped(line: str) -> str:
    """``line`` (a headline, a text's first line) without a carrier's day stamp before it (``_DAY_STAMP``)."""
    if not line[:1].isdigit() or (stamp := _DAY_STAMP.match(line)) is None:
        return line
    return line[stamp.end() :]


def _unnumbered(lines: list[str]) -> list[str]:
    """``lines`` without a menu's item numbers and its back key, when they are a menu (``_ITEM``)."""
    items = [_ITEM.match(line.strip()) for line in lines]
    numbered = [item for item in items if item]
    numbers = [_number(item) for item in numbered]
    backed = len(numbers) > 1 and numbers[-1] == 0 and numbers[:-1] == list(range(1, len(numbers)))
    if backed and _back_key(_item_text(lines[items.index(numbered[-1])], numbered[-1])):
        menu = numbered  # items 1 to n, then the back key
    else:  # a number and a space opens a sentence ("12 schools closed …"): only signed items count
        menu = [item for item in numbered if item["sign"] or not item["number"]]
        signed = [_number(item) for item in menu]
        strong = any(item["sign"] in (">", None) for item in menu)
        if not (strong or any(later == earlier + 1 for earlier, later in itertools.pairwise(signed))):
            return lines
    kept = [_item_text(line, item) if item in menu else line for line, item in zip(lines, items, strict=True)]
    at = items.index(menu[-1])
    last = not any(line.strip() for line in kept[at + 1 :])
    if _number(menu[-1]) == 0 and len(menu) > 1 and last and _back_key(kept[at]):
        kept[at] = ""
    return kept


def _unnoted(text: str) -> str:
    """``text`` without an e-book's footnote marks glued to words ("мебелесь1 …", "книгатнень2 …"), when they
    number notes 1, 2, 3 … in order (``NOTE_MARKS`` or more): an export's apparatus, not the story's figures (each
    read as a number its original lacks) nor its words. A figure glued to a word once ("hospita1", "COVID19") or out
    of order stays for the readings that know it (``alphabets``)."""
    if _LETTER_DIGIT.search(text) is None:
        return text  # no figure glued to a letter, the usual case: one scan in C, not a match per number
    marks = [mark for mark in _NOTE_MARK.finditer(text) if _glued_to_word(text, mark.start())]
    if len(marks) < NOTE_MARKS or [int(mark[0]) for mark in marks] != list(range(1, len(marks) + 1)):
        return text
    kept, at = [], 0
    for mark in marks:
        kept.append(text[at : mark.start()])
        at = mark.end()
    return "".join(kept) + text[at:]


def _glued_to_word(text: str, at: int) -> bool:
    """Do three letters, the last in lower case, stand right before ``at``?"""
    before = text[max(at - 3, 0) : at]
    return len(before) == 3 and before.isalpha() and before[-1].islower()


def _ungutted(lines: list[str]) -> list[str]:
    """``lines`` without their gutter's numbers, when they are a gutter (``_GUTTER``): two numbered lines or more,
    counting up by one from line one or from a number padded with zeros; or, numbers parted by spaces alone
    (``_COLUMN``), ``COLUMN_LINES`` or more, each line of text opening with one. Else ``lines`` as they are."""
    found = [_GUTTER.match(line) for line in lines]
    if sum(match is not None for match in found) < 2:
        found = [_COLUMN.match(line) for line in lines]
        if sum(match is not None for match in found) < max(COLUMN_LINES, sum(bool(line.strip()) for line in lines)):
            return lines
    numbers = [(match[1], int(match[1])) for match in found if match]
    if len(numbers) < 2 or not (numbers[0][1] <= 1 or numbers[0][0].startswith("0")):
        return lines
    if any(later != earlier + 1 for (_, earlier), (_, later) in itertools.pairwise(numbers)):
        return lines
    return [line[match.end() :] if match else line for line, match in zip(lines, found, strict=True)]


def _unspoken(lines: list[str]) -> list[str]:
    """``lines`` without their speakers' labels (``_SPEAKER``), when ``SPEAKER_LINES`` lines or more open with one
    in capitals; else ``lines`` as they are."""
    found = [match if (match := _SPEAKER.match(line)) and match[1].isupper() else None for line in lines]
    if sum(match is not None for match in found) < SPEAKER_LINES:
        return lines
    return [line[match.end() :] if match else line for line, match in zip(lines, found, strict=True)]


def _furniture(line: str) -> bool:
    """Is ``line`` a printed page's folio or jump line (``_FOLIO``, ``_JUMP``), not story text?"""
    if _FOLIO.fullmatch(line):
        return True
    return _JUMP.fullmatch(line) is not None and len(line.split()) <= JUMP_WORDS


def _number(item: re.Match[str]) -> int:
    """A menu item's number, written in digits, a keycap or circled (``_ITEM``)."""
    if item["circled"]:
        return int(unicodedata.numeric(item["circled"]))
    return int(item["number"] or item["key"])


def _item_text(line: str, item: re.Match[str]) -> str:
    """A menu item's text without its number; none for an item cut to nothing ("2> …")."""
    text = line.strip()[item.end() :]
    return "" if _NO_WORD.match(text) else text


def _back_key(line: str) -> bool:
    """Is a menu's last item 0 its back or exit key: a few words, no digit, no sentence end?"""
    return len(line.split()) <= BACK_WORDS and not any(c.isdigit() for c in line) and not _SENTENCE_END.search(line)


def _badge(line: str, lines: list[str]) -> bool:
    """Is this first or last line a carrier's badge or footer (``_REFERENCE``, a symbol) and not a bullet?"""
    line = line.strip()
    if line[0].isalnum() or len(line.split()) > BADGE_WORDS or _SENTENCE_END.search(line):
        return False
    if _REFERENCE.match(line):
        return True
    sign = line[0]
    return unicodedata.category(sign) == "So" and sum(other.lstrip().startswith(sign) for other in lines) == 1
