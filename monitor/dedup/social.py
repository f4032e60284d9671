"""A story as a social or messaging carrier posts it: the post's frame read off the desk's words. Pure.

A carrier that re-posts a story prints its headline in the body, above the text the desk printed under it, and
frames both in a post of its own. None of the frame is the story's text: the desk's body has no headline, so a
copy whose body opens with one shares less of its text with the story than it holds, and a headline in capitals
reads as a row of names the story lacks. Recognised by shape, in any language (``clean.clean`` asks first):

- **A headline in capitals over the lede**, on one line: an SMS alert ("WIRE: SNOW TRAPS 118 ON PASS. Heavy snow
  closed …", the service's handle first), a channel's repost. The capitals run up to a sentence's stop, then the
  lede goes on in small letters (after a dateline in capitals, maybe: "… PASS. AZROU, Feb 14 (Wire) - Heavy …").
- **A link preview**: a page's post sharing the desk's page, its comment and the address on top, then the card the
  network draws: the site's host alone on a line ("EXAMPLE-NEWS.COM"), the page's title, its description (the first
  paragraph, cut). The comment is the page's, the host the card's, the title the story's headline.
- **A post's link line**: a pointing sign and the address ("👉 https://…", "🔗 https://… via @desk"): where to read
  the story, no words of it.

``unframed`` returns the text without the frame and the headline the frame printed: the signature takes it as the
entry's headline (an SMS's title is its text cut at so many characters; a page's, its comment).
"""

from __future__ import annotations

import re
import unicodedata

HEADLINE_WORDS = 3  # words with letters, at least, in a headline in capitals ("UN SAYS." opens a lede)
HEADLINE_CHARS = 200  # a headline in capitals this long or longer is a text in capitals (Cherokee's syllabary)
CARD_REACH = 2  # the host's line is the second or third: after the comment (and the address on a line of its own)
# A site's host alone on its line, as a preview card prints it: "MAGHREB-WIRE.EXAMPLE", "news.example.org".
_HOST = re.compile(r"(?:www\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}", re.IGNORECASE)
# A post's link line: a sign or two (no word), one web address, maybe who it came from ("via @desk").
_LINK_LINE = re.compile(r"[^\w\s]{1,4}[ \t]*[a-z][a-z0-9+.-]{1,15}://\S+(?:[ \t]+\w{0,8}[ \t]*@\w{1,30})?[ \t]*")
_STOP = re.compile(r"[.!?][\"'»)]*$")
_HANDLE = re.compile(r"[^\s:]{2,30}:[ \t]+")  # a sender's handle opening an alert: "WIRETEXT: "


def unframed(text: str) -> tuple[str, str]:
    """``text`` (its lines) without a social carrier's frame, and the headline the frame printed ("" for none)."""
    lines = text.split("\n")
    headline = ""
    if len(lines) > CARD_REACH and (card := _card(lines)) is not None:
        headline, lines = card
    elif (split := _capitals_headline(lines[0])) is not None:
        headline, lines[0] = split
    kept = [line for line in lines if not _LINK_LINE.fullmatch(line.strip())] if "://" in text else lines
    return ("\n".join(kept), headline) if headline or len(kept) < len(lines) else (text, "")


def _card(lines: list[str]) -> tuple[str, list[str]] | None:
    """A link preview's title and what follows it (its description), when a host alone on the second or third line
    follows the post's comment and the address it shares (above); else None."""
    for at in range(1, CARD_REACH + 1):
        if _HOST.fullmatch(lines[at].strip()) and any("://" in line for line in lines[:at]):
            return (lines[at + 1] if at + 1 < len(lines) else ""), lines[at + 2 :]
    return None


def _capitals_headline(line: str) -> tuple[str, str] | None:
    """(the headline, the lede) of a first line opening with a headline in capitals (above); else None. The headline
    ends at the last stop before the first word in small letters; a sender's handle before it is the carrier's."""
    words = line.split(" ")
    lower = next((at for at, word in enumerate(words) if word != word.upper()), None)
    if lower is None:
        return None  # all of it in capitals (a telex), or a script without them: read as it is (``signature``)
    end = next((at for at in range(lower - 1, -1, -1) if _STOP.search(words[at])), None)
    if end is None or words[end].lower() == words[end].upper():
        return None  # an ordinal's stop ("LJUBLJANA (SD) – V 12. krogu …": a dateline, then "in the 12th round")
    headline = words[: end + 1]
    cased = [word for word in headline if word.lower() != word.upper()]  # a word of a script with capitals
    text = " ".join(headline)
    if len(cased) < HEADLINE_WORDS or len(text) >= HEADLINE_CHARS or _alphabet(cased[0]) != _alphabet(words[lower]):
        return None  # a Cherokee text is in capitals: an app's "Scan to read" after it is no lede in small letters
    return _HANDLE.sub("", text, count=1) if _HANDLE.match(text) else text, " ".join(words[end + 1 :])


def _alphabet(word: str) -> str:
    """The alphabet of the first letter of ``word`` with capitals ("LATIN", "CYRILLIC", "CHEROKEE")."""
    letter = next((char for char in word if char.lower() != char.upper()), "")
    return unicodedata.name(letter, "").split(" ", 1)[0]
