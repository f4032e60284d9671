"""A body stored in an encoding no reader sees: a mail archive's quoted-printable, a word processor's RTF,
a program's escaped string.

A desk that takes its copy from a mail archive or an exported document may print the stored form as
it is: "Asunci=C3=B3n" with "=" breaks at 76 columns, or "{\\rtf1 Asunci\\u243?n\\par …}". A reader
of the source sees "Asunción" in paragraphs; so must the signature, or the copy shares no word with
its story where a letter outside ASCII stands, and its names and numbers are cut by the breaks.
``decoded`` undoes either where the text shows it (an RTF header; a soft break or an encoded UTF-8
letter), undoes a string's backslash escapes where two or more show them (``unescaped``), and returns any
other text as it is.
"""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

# Quoted-printable (RFC 2045): "=" and two hex digits for a byte, "=" at a line's end for a break the archive
# made. A soft break, or an encoded UTF-8 letter (a lead byte, then a continuation), shows the encoding; a
# formula's "x=20" or a URL's "?id=AB" shows neither.
_SOFT_BREAK = re.compile(r"=[ \t]*\r?\n")
_ENCODED_LETTER = re.compile(r"=[CDEFcdef][0-9A-Fa-f]=[89ABab][0-9A-Fa-f]")
_ENCODED_BYTES = re.compile(r"(?:=[0-9A-Fa-f]{2})+")
RTF_AFTER = 300  # characters of an outlet's own lines above a document
SOFT_BREAKS = 2  # one "=" ending a line may be the text's own (a formula cut by the feed)


def decoded(body: str) -> str:
    """``body`` as its reader sees it: RTF or quoted-printable decoded (above); any other text as it is."""
    if (at := body.find("{\\rtf", 0, RTF_AFTER)) >= 0:  # an outlet's byline or note may stand above it
        return body[:at] + rtf_text(body[at:])
    # The parser strips each line, so a soft break reaches here as "=" and a newline: counted, not searched.
    if "=" in body and (body.count("=\n") >= SOFT_BREAKS or _ENCODED_LETTER.search(body)):
        return _ENCODED_BYTES.sub(_bytes_of, _SOFT_BREAK.sub("", body))
    return unescaped(body) if "\\" in body else body


# A string's escapes printed as text: an events calendar's "50\,000" and "\n" (iCalendar, vCard), an API's
# JSON string ("\"", "\u0107", "\n"), a program's log line. A reader of the source sees the comma, the letter,
# the paragraph; so must the signature, or the number is cut in two and a byline runs into the first
# sentence. A line break is "\n" before no small letter (a Windows path's "C:\news" is no break); two or
# more escapes show a string (one backslash may be the text's own: a path, a smiley); an RTF document, even one
# too deep to be read (``RTF_AFTER``), is no string.
_ESCAPE = re.compile(r"\\(?:[nN](?![a-z])|[rt](?![a-z])|u[0-9a-fA-F]{4}|[,;:\"\\/])")
ESCAPES = 2


def unescaped(text: str) -> str:
    """``text`` with a string's backslash escapes (above) undone where it shows ``ESCAPES`` of them."""
    if len(_ESCAPE.findall(text)) < ESCAPES or "{\\rtf" in text:
        return text
    return _surrogates_joined(_ESCAPE.sub(_escaped, text))


def _escaped(escape: re.Match[str]) -> str:
    sign = escape[0][1:]
    if sign in "nNr":
        return "\n"
    if sign == "t":
        return " "
    return chr(int(sign[1:], 16)) if sign[0] == "u" else sign


def _bytes_of(run: re.Match[str]) -> str:
    """A run of encoded bytes: UTF-8 where it is, else the Windows code page a Latin mail archive used."""
    raw = bytes.fromhex(run[0].replace("=", ""))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


# RTF: striprtf reads it (control words, "\'hh" bytes of the document's ``\ansicpg`` code page, "\uN" with
# its stand-ins, hidden groups and destinations dropped, "\par" as a line break). Two things are ours: a code
# page Python does not know reads as Windows-1252 (striprtf would print replacement marks), and a letter
# beyond the BMP, written as two "\u" halves, is joined again (``_surrogates_joined``).
# A "\uN" outside the signed or unsigned 16 bits RTF allows (a hostile or broken export) reads as U+FFFD:
# striprtf would raise on it, and one bad letter must not cost the entry its signature.
_CODE_PAGE = re.compile(r"\\ansicpg(\d{1,10})")
_UNIT = re.compile(r"\\u(-?\d+)")
_UNIT_RANGE = range(-0x8000, 0x10000)


def rtf_text(document: str) -> str:
    """The text an RTF ``document`` shows, paragraphs on lines of their own."""
    page = _CODE_PAGE.search(document)
    if page and not _known_codec(f"cp{page[1]}"):
        document = document[: page.start()] + document[page.end() :]
    document = _UNIT.sub(_unit, document)
    return _surrogates_joined(rtf_to_text(document, errors="replace"))


def _unit(unit: re.Match[str]) -> str:
    value = int(unit[1]) if len(unit[1]) <= 6 else 0xFFFD  # no int() of a thousand digits
    return f"\\u{value % 0x10000 if value in _UNIT_RANGE else 0xFFFD}"


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _surrogates_joined(text: str) -> str:
    """RTF writes a letter beyond the BMP as two "\\u" halves (UTF-16 surrogates): one letter again."""
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
