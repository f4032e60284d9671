"""Lines a carrier adds naming itself: its credit above the story it carries, its note below it. Pure.

A carrier that re-posts a desk's article often swaps the desk's credit for its own, in its own words and
language: "Na Mwandishi wa <Carrier>", "Par la rédaction de <Carrier>", "<Carrier> 편집팀", "（<Carrier>編集部）";
and an aggregator closes each article with its note ("This article was collected by <Carrier> from partner
publishers. All rights remain with the original publisher.", in the carrier's language). No list of credit words
covers every language, but the entry's own outlet name is known:

- a first line opening with a few words and that name is the carrier's credit, not the story's (an aggregator's
  names the desk it carries first: "Dépêche <Desk>, édition <Carrier>"). On a line of its own it goes; glued to
  the lede (a summary joins the blocks into one line) it goes up to the end of the name's word, and a refresh note
  and a dateline after it go as the story's first line's would (``refresh``, ``clean.opening``);
- a last line naming it in one or two short sentences with no figure and no other name is the carrier's note: a
  copy trimmed of its story's last paragraph and closed with it otherwise ends in "sentences of its own", the
  shape of a follow-up (``divergence``).

The name counts as words of its own (``_bounded``: outlet "ANI" is not "Anil"), or anywhere in a script written
without spaces. The desk's own credit names the desk, another outlet, and is read in ``clean``; a text that only
names its outlet keeps it; a desk's closing "…, Mtenga told <Desk>." names someone else, and stays.
"""

from __future__ import annotations

import functools
import re

from monitor.dedup.clean import opening, readable
from monitor.dedup.refresh import after_refresh_note
from monitor.dedup.scan import STOPS
from monitor.text import is_word_char

CREDIT_WORDS = 4  # words before the outlet's name: "Na Mwandishi wa", "Par la rédaction de"
# and before it when a comma or a dash sets off the desk it carries: "Dépêche <Desk>, édition <Carrier>"
CARRIED_WORDS = 9
_DESK_APART = re.compile(r", | [-–—] ")
GLUED_CHARS = 5  # characters glued after it: "(<Outlet>編集部)"
TAIL_WORDS = 2  # words after it on a line of its own: "<Outlet> 편집팀", "<Outlet> staff"
NOTE_WORDS = 30  # a closing note: one or two short sentences
NOTE_CHARS = 200
NOTE_SENTENCES = 2
SOURCE_WORDS = 6  # the desk a carrier credits after its own name and a mark: "<Carrier> · Pacific Slate Wire"
JOINING_CHARS = 3  # a joining word between two of that name's: "Te Reo o Avarua", "Bank of Fiji"
_SOURCE_MARKS = "·•|/"
_WORD = re.compile(r"\S+")
_SENTENCES = re.compile(f"(?<=[{re.escape(STOPS)}])\\s*")
# Signs that may open the credit or stand before the name: a bracket ("(<Carrier>編集部)", "[<Carrier>]").
_OPENERS = "([【〔「『"
_CLOSERS = ")]】〕」』"
# A figure or a sentence end in it: a sentence ("ГЯНДЖА, <Outlet>. …": the outlet's dateline and the story's first
# words), not a credit, which is no sentence.
_NOT_CREDIT = re.compile(f"[\\d{re.escape(STOPS)}]")


def own_lines_dropped(text: str, outlet: str) -> str:
    """``text`` without the credit and the closing note that name ``outlet`` (above); else ``text`` as it is."""
    if not outlet or not text:
        return text
    name = _folded(outlet)
    return _own_note_dropped(_own_credit_dropped(_own_name_lines_dropped(text, name), name), name)


def _own_name_lines_dropped(text: str, name: str) -> str:
    """``text`` without its lines that are the outlet's name alone (``name``, case folded), anywhere: a carrier's
    sign between the blocks of the text it carries (a plain-text edition's, under a photo), no line of the story."""
    if "\n" not in text or name not in text.casefold():
        return text
    lines = text.split("\n")
    kept = [line for line in lines if line.strip(" \t.:|·-–—").casefold() != name]
    return "\n".join(kept) if kept and len(kept) < len(lines) else text


@functools.lru_cache(maxsize=1024)  # a worker signs the entries of a few hundred outlets, again and again
def _folded(outlet: str) -> str:
    """The outlet's name as a text's words are compared: read as ``clean`` reads the text, case folded."""
    return readable(outlet).casefold()


def _own_note_dropped(text: str, name: str) -> str:
    """``text`` without a last line that is the carrier's note naming it (``name``, case folded)."""
    story, newline, last = text.rpartition("\n")
    if not newline or not story.strip() or not _names(last.casefold(), name):
        return text
    sentences = [sentence for sentence in _SENTENCES.split(last.strip()) if sentence]
    if len(last.split()) > NOTE_WORDS or len(last) > NOTE_CHARS or len(sentences) > NOTE_SENTENCES:
        return text
    if any(char.isdigit() for char in last) or _other_names(sentences, name, set(story.split())):
        return text
    return story.rstrip()


def _other_names(sentences: list[str], name: str, story: set[str]) -> bool:
    """Do ``sentences``, the outlet's ``name`` left out, capitalise a word: inside a sentence, or opening one and
    written so in the ``story`` above them ("Mtenga told <Desk> …" names Mtenga; "This article was …" names none)?"""
    own = re.compile(re.escape(name), re.IGNORECASE)
    for sentence in sentences:
        left = own.sub(_blanked, sentence)
        first, *words = left.split() or [""]
        if (first in story and first[:1].isupper()) or any(word[:1].isupper() for word in words):
            return True
    return False


def _own_credit_dropped(text: str, name: str) -> str:
    """``text`` without a credit naming the outlet (``name``, case folded) that opens its first line."""
    first, newline, rest = text.partition("\n")
    end = _credit_end(first, name)
    if end is None:
        return text
    after = first[end:].strip()
    if (source := _credited_source(after)) is not None:  # "<Carrier> · <Desk>": the desk's name goes with it
        if not (after := after[source:].lstrip()):
            return _opened(rest) if rest.strip() else text
        return _opened(after + newline + rest)
    if rest.strip() and len(after.split()) <= TAIL_WORDS and not _NOT_CREDIT.search(after):
        return _opened(rest)  # a line of its own: "<Outlet> 편집팀", "By <Outlet> staff"
    if not after or not _glued_credit(first[:end], after):
        return text
    return _opened(after + newline + rest)


def _opened(text: str) -> str:
    """``text``, now opening where the carrier's credit was, read as a text's first line is (``clean``): without a
    refresh note ("NIU NIUS 15:42: mifala addim disfala pat; …", glued to the credit in a summary), then the
    byline and dateline under it ("HONIARA, 18 Jun —" on the next line, a paragraph an aggregator glued)."""
    text = text.lstrip()
    first, newline, rest = text.partition("\n")
    story = after_refresh_note(first)
    if story:
        first = story
    elif story == "" and rest.strip():
        first, newline, rest = rest.lstrip().partition("\n")
    return opening(first) + newline + rest


def _credited_source(after: str) -> int | None:
    """de82: where the desk a carrier credits after its own name and a mark ends in ``after``, the line's text after
    the name ("· Pacific Slate Wire A fire swept …", "· Te Reo o Avarua KUA PAKARU …"); None when no mark opens it
    or no desk's name follows. A name's words open with a capital, with short joining words between two of them
    ("Te Reo o Avarua"); a story run on after it opens at a word in capitals past the first (a telex) or at the
    last capitalised word before one in small letters (a sentence's first word: "A fire", "Police said"). A name of
    more than ``SOURCE_WORDS`` words is no credit's."""
    if not after or after[0] not in _SOURCE_MARKS:
        return None
    words = list(_WORD.finditer(after, 1))
    for i, word in enumerate(words[: SOURCE_WORDS + 1]):
        text = word[0]
        if i and text.isupper() and len(text) > 1:
            return word.start()  # a telex in capitals
        if text[0].isupper():
            continue
        joining = len(text) <= JOINING_CHARS and i + 1 < len(words) and words[i + 1][0][0].isupper()
        if not joining:
            return words[i - 1].start() if i > 1 else None  # the sentence opens at the last capitalised word
    return len(after) if len(words) <= SOURCE_WORDS else None


def _glued_credit(credit: str, after: str) -> bool:
    """Is ``credit``, glued to the text ``after`` it, a credit rather than a sentence's first words? It ends in a
    letter or a closing bracket (not "… of <Outlet>:" or "<Place>, <Outlet>,": a digest's or a dateline's) and what
    follows opens with a capital or a letter of a script without them: "Speaking to <Outlet> at the port …" runs on
    in lower case."""
    return (credit[-1].isalpha() or credit[-1] in _CLOSERS) and after[0].isalpha() and not after[0].islower()


def _credit_end(line: str, name: str) -> int | None:
    """Where a credit naming ``name`` within the first ``CREDIT_WORDS`` words of ``line`` ends (the end of the
    word holding the name's last letter); None when the line opens with no such credit. An aggregator's credit
    names the desk it carries first, set off from its own name by a comma or a dash ("Stori blong <Desk>, desk
    blong <Carrier>", "Sours: <Desk> — Biro <Carrier>"): up to ``CARRIED_WORDS`` words then."""
    start = 0
    for words in range(CARRIED_WORDS + 1):
        at = start
        while at < len(line) and line[at] in _OPENERS:
            at += 1
        credit = words <= CREDIT_WORDS or _DESK_APART.search(line, 0, at) is not None
        if credit and line[at : at + len(name)].casefold() == name and _bounded(line, at, at + len(name)):
            space = line.find(" ", at + len(name))
            end = len(line) if space < 0 else space
            glued = end - at - len(name) > GLUED_CHARS  # a name run into a sentence of a script without spaces
            return None if glued or _NOT_CREDIT.search(line, 0, end) else end
        space = line.find(" ", start)
        if space < 0:
            return None
        start = space + 1
    return None


def _blanked(found: re.Match[str]) -> str:
    """A space for the outlet's name found as words of their own; the letters as they are inside another word."""
    return " " if _bounded(found.string, *found.span()) else found[0]


def _names(text: str, name: str) -> bool:
    """Does ``text`` write ``name`` (both case folded) as words of their own (``_bounded``)?"""
    at = text.find(name)
    while at >= 0:
        if _bounded(text, at, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _bounded(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a run of whole words: no word of a script written with spaces runs on past either
    end (rv34: outlet "ANI" is no part of "Anil Kumar", "RT" none of "port")? A script written without spaces
    has no word ends to find: "(<Carrier>編集部)", "据<Carrier>报道" name it."""
    before = start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start])
    after = end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end])
    return not (before or after)
