"""A page's refresh note above a story, recognised by its shape. Pure.

A carrier that re-posts an article stamps when its page changed and says so in one line above it: "Updated
10:52 GMT: This article was updated with comments.", "MISE À JOUR 10h52 : article complété.", a stamp in
brackets ("[15:24 업데이트]", "【14:53更新】") and its sentence. The stamp is a label and a clock time (the page's,
never the story's); the sentence after it says that the page changed, not what happened: no figure and no name of
its own. An HTML copy sets it on a line of its own; a summary that joins the article's blocks into one line glues
it to the lede, where it can be a third of what the summary holds. Either way it is the page's, not the story's:
a copy with it is the story under it.

A note with a figure or a name ("UPDATED 10:52: The toll rose to 12.", "… Mtenga has resigned.") is news, and stays.
In a script without capitals no capital tells a name: there a note goes only when it says its stamp's label again
("【14:53更新】本文已更新。"); any other sentence may be the story's lede, and stays.
"""

from __future__ import annotations

import re

# The stamp: one to three words of a label and a clock time, then a colon or a dash ("UPDATED 10:52:", "MISE À JOUR
# 10h52 :"), or both in brackets in either order ("[15:24 업데이트]", "【14:53更新】", "(Updated 10:52 GMT)"). A short
# word may follow the time (a zone, "am", a label in a script without spaces). A bare time is a live blog's item
# heading (``clean._CLOCK_STAMP``), not this.
_LABEL = r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}"
_CLOCK = r"(?:[01]?\d|2[0-3])[:.hH][0-5]\d(?:[ \t]*[^\W\d_]{1,4})?"
_STAMP = re.compile(
    rf"(?:{_LABEL}[ \t]+{_CLOCK}[ \t]*[:：–—-]"
    rf"|[\[【(（][ \t]*(?:{_LABEL}[ \t]*)?{_CLOCK}[ \t]*[\]】)）])[ \t]*"
)
# Where the note's one sentence ends: a full stop before a space or the line's end, or an East Asian one anywhere.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]")
NOTE_WORDS = 16  # a note on top is one short sentence: this refresh note, and ``clean``'s labelled one
NOTE_CHARS = 110


def after_refresh_note(line: str) -> str | None:
    """``line`` (a text's first) without the refresh note that opens it: the rest of the line, "" when the note is
    all of it; None when the line opens with no such note (above)."""
    stamp = _STAMP.match(line)
    if stamp is None or not any(char.isalpha() for char in stamp.group()):
        return None
    end = _SENTENCE_END.search(line, stamp.end(), stamp.end() + NOTE_CHARS)
    if end is None:
        return None
    note = line[stamp.end() : end.end()]
    return line[end.end() :].lstrip() if _says_only_that_it_changed(note, stamp.group()) else None


def _says_only_that_it_changed(note: str, stamp: str) -> bool:
    """Is ``note`` one short sentence with no figure and no name (no capitalised word after its first)? In a
    script without capitals (Chinese, Korean, Arabic) no word says it is a name: there the note must say its
    ``stamp``'s label again ("【14:53更新】本文已更新。"), or it may be the story's lede
    ("【14:53更新】国务院总理李强周二…", rv34)."""
    words = note.split()
    if not 0 < len(words) <= NOTE_WORDS or any(char.isdigit() for char in note):
        return False
    if any(char.isupper() or char.islower() for char in note):
        return not any(word[:1].isupper() for word in words[1:])
    return any(label in note for label in _LABEL_WORD.findall(stamp))


_LABEL_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of a stamp's label ("更新", "업데이트", "تحديث")
