"""A story's text as carriers that reshape it print it: hashtags, tracked changes, an author box. Pure.

Each is a carrier's marks around the story's own words, read back to those words before the text is signed
(``signature``); a text without the marks (most) is returned as it is, after one search for each.

- **Hashtags.** A bridge that posts a story to a social network writes each person and organisation as a hashtag,
  in CamelCase so that a screen reader says its words ("#SefetiFatiakiMosese", "#RotumaHealthCommittee"), and
  closes the post with a line of tags. Read as written, a tag is one unknown word: the copy's sentences share no
  passage around it with the story, and its names are not the story's. So a tag inside the text is its words, split
  where a small letter meets a capital, and a line of tags alone is the bridge's, as a "Tags: …" line is an
  outlet's (``clean``).
- **Tracked changes.** A copy desk's export with its changes left in prints each edit as the text it replaced and
  the text replacing it: "[-4812-]{+4 812+}" (a word diff), "{~~4812~>4 812~~}", "{--…--}" and "{++…++}"
  (CriticMarkup). The text it was given is the story's: the replaced text is read, the replacement is not (a
  regrouped figure, a restyled word; or a correction, which the story it copies did not print either).
- **A transcript's clock.** A speech-to-text service or a podcast's transcript opens each paragraph with the time
  into the recording it was spoken at ("00:00:13.8 "). Read as numbers, a copy of ten paragraphs printed a dozen
  figures ("0", "13", "8") its original lacks, and the guard parted it from its story. A clock of hours,
  minutes and seconds opening a line or a sentence is the carrier's, as a line number is.
- **A pause mark.** A smart-speaker script marks a pause between sentences with a symbol (" ⏸ "). After it the
  next sentence's first word read as inside a sentence, so a capitalised word opening it ("Officials", a clause
  an easy-read edition cut into its own sentence) was a name the original lacks. A lone symbol between a
  sentence's stop and the next sentence is the carrier's: read as the space it stands for.
- **An author box on top.** A box drawn around the writer's credit ("┌ By … · Desk" over "└ ✉ desk@…") opening the
  text is the carrier's, as a byline is; run into a summary's one line, its bottom row ends before the first
  capitalised word after the bottom corner (the lede's).
"""

from __future__ import annotations

import re
import unicodedata

# A hash sign opening a word (not after a letter, a digit or another sign: "C#", "##"), then the tag's letters and
# digits. Matched at the sign: most text has none.
_TAG = re.compile(r"#(?<![\w#]#)(\w+)")
_TAGS_LINE = re.compile(r"^[ \t]*#\w+(?:[ \t]+#\w+)*[ \t]*$\n?", re.MULTILINE)
# An edit's two sides, each within one line and at most 200 characters: (replaced, replacement) groups.
_EDIT = re.compile(
    r"\[-([^\n]{0,200}?)-\]|\{\+[^\n]{0,200}?\+\}|\{--([^\n]{0,200}?)--\}|\{\+\+[^\n]{0,200}?\+\+\}"
    r"|\{~~([^\n]{0,200}?)~>[^\n]{0,200}?~~\}"
)
_EDIT_MARKS = ("[-", "{+", "{-", "{~")
# A box's corners, top and bottom; its bottom row is a line of a few words (a desk's address), or, in a text run
# into one line, ends before the first capitalised word after the corner.
_BOX_BOTTOM = re.compile("[└╰╚]")
_CAPITALISED = re.compile(r"(?<!\S)[^\W\d_]")
BOX_ROW = 80  # characters: a longer bottom row, or one with a sentence's stop, runs into the lede
BOX_HEIGHT = 300  # characters from the top corner to the bottom one, at most
_BOX_CORNERS = "┌╭╔"
# A lone mark between a sentence's stop and the next word (a symbol: ``_MARKS``, read by its category).
_BETWEEN = re.compile(r"([.!?…])[ \t]+([^\w\s])[ \t]+(?=\w)")  # the stop first: sought in C
_MARKS = frozenset(("So", "Sm"))
# A recording's clock, hours:minutes:seconds and maybe tenths, opening a line or following a sentence's stop (a
# transcript run into one line), then a space.
_SECONDS = re.compile(r"\d:\d\d:\d\d")  # any clock with seconds: most texts have none
_CLOCK = re.compile(r"(?:^|(?<=[.!?…] ))[ \t]*\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?[ \t]+", re.MULTILINE)


def reshaped_read(text: str) -> str:
    """``text`` with its carrier's hashtags, tracked changes, author box, clock and pause marks read back (module
    docstring)."""
    if "#" in text:
        text = _hashtags_read(text)
    if any(mark in text for mark in _EDIT_MARKS):
        text = _EDIT.sub(_replaced, text)
    if text.lstrip()[:1] in _BOX_CORNERS:
        text = _box_dropped(text)
    if ":" in text and _SECONDS.search(text):
        text = _CLOCK.sub("", text)
    return _BETWEEN.sub(_paused, text)


def _hashtags_read(text: str) -> str:
    """``text`` with each line of hashtags alone left out and each other hashtag as its words ("#PacificReefTrust"
    is "Pacific Reef Trust"); a text of tags alone as it is."""
    kept = _TAGS_LINE.sub("", text)
    return _TAG.sub(_spelled, kept) if kept.strip() else text


def _spelled(tag: re.Match[str]) -> str:
    """A hashtag's words: in one opening with a capital, a space before each capital after a small letter
    ("#iPhone" is a brand's one word)."""
    word = tag[1]
    if not word[0].isupper():
        return word
    return "".join(
        f" {char}" if at and char.isupper() and word[at - 1].islower() else char for at, char in enumerate(word)
    )


def _paused(mark: re.Match[str]) -> str:
    """A pause mark between two sentences as the space it stands for; any other character as it was."""
    return f"{mark[1]} " if unicodedata.category(mark[2]) in _MARKS else mark[0]


def _replaced(edit: re.Match[str]) -> str:
    """The text an edit replaced (nothing for an insertion)."""
    return edit[1] or edit[2] or edit[3] or ""


def _box_dropped(text: str) -> str:
    """``text`` without the box opening it, if more text follows."""
    top = len(text) - len(text.lstrip())
    bottom = _BOX_BOTTOM.search(text, top, top + BOX_HEIGHT)
    if bottom is None:
        return text
    line_end = text.find("\n", bottom.end())
    end = len(text) if line_end < 0 else line_end
    if end - bottom.end() > BOX_ROW or any(stop in text[bottom.end() : end] for stop in ".!?"):
        end = next((word.start() for word in _CAPITALISED.finditer(text, bottom.end(), end) if word[0].isupper()), top)
    rest = text[end:].lstrip()
    return rest if rest and end > top else text
